"""A plain bitext of an archive's beads: one bead a line, `korean<TAB>english` (the order of
the lexicon TSV), no header; tabs and line breaks inside a sentence become spaces."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from toolkit.export.beads import DEFAULT_MIN_CERT, ExportBead


def _clean(text: str) -> str:
    return " ".join(text.split())


def bitext(beads: Iterable[ExportBead]) -> bytes:
    return "".join(f"{_clean(b.ko)}\t{_clean(b.en)}\n" for b in beads).encode("utf-8")


def write_bitext(archive: Path, out: Path, min_cert: float = DEFAULT_MIN_CERT,
              failures: list[str] | None = None) -> int:
    """Write the bitext of an archive's exportable beads to `out` (atomically); returns the number of lines."""
    from toolkit.export.beads import archive_tei_files, export_beads
    from toolkit.files import write_atomic

    beads = list(export_beads(archive_tei_files(archive, failures), min_cert, failures))
    write_atomic(out, bitext(beads))
    return len(beads)
