"""The archive for other tools: one module a format, chosen by name (`transprov export --format`).

    export_archive(archive, "prov-o", out)     W3C PROV-O (Turtle) of the credit chains   prov.py
    export_archive(archive, "prov-json", out)  the same graph in PROV-JSON                prov.py
    export_archive(archive, "tmx", out)        TMX 1.4 translation memory of the beads    tmx.py
    export_archive(archive, "tsv", out)        korean<TAB>english bitext of the beads     tsv.py

The PROV exports read the archive's Parquet tables; the bead exports (tmx, tsv) read its TEI
files, where reviewed beads are recorded (options `min_cert`, `failures`). Every export writes
its file atomically and deterministically (the same archive gives the same bytes).
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

# format -> (module, function(archive, output, **options)); a new format adds one line here
FORMATS: dict[str, tuple[str, str]] = {
    "prov-o": ("toolkit.export.prov", "write_prov_o"),
    "prov-json": ("toolkit.export.prov", "write_prov_json"),
    "tmx": ("toolkit.export.tmx", "write_tmx"),
    "tsv": ("toolkit.export.tsv", "write_bitext"),
}
BEAD_FORMATS = ("tmx", "tsv")  # these take min_cert and failures, and return the number of beads


class MissingExtra(Exception):
    """A format needs an optional dependency that is not installed; `str()` says how to install it."""


def export_archive(archive: Path, fmt: str, output: Path, **options):
    """Write ARCHIVE in format `fmt` to `output` (InputError for an archive that cannot be read);
    returns what the format's writer returns (the bead formats: the number of beads)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    check_outside(Path(archive), Path(output))
    module, function = FORMATS[fmt]
    return getattr(import_module(module), function)(Path(archive), Path(output), **options)


def check_outside(archive: Path, output: Path) -> None:
    """InputError for an output among what the archive read is made of (export, lexicon learn),
    through its tei/ and tables/ links too (`-o ARCHIVE/tables/links.parquet` replaced the table
    it was read from); a bare folder of TEI files or tables is all read. A new file beside them
    is allowed."""
    from toolkit.archive.lock import NAME as LOCK
    from toolkit.archive.state import CURRENT, ORPHANS, STATES, VIEWS, WORK
    from toolkit.errors import InputError

    if archive.name in VIEWS:
        archive = archive.parent  # ARCHIVE/tei or ARCHIVE/tables given: the rest is the archive's all the same
    own = [archive / name for name in (*VIEWS, STATES, WORK, CURRENT, ORPHANS, LOCK)]
    if not any(p.is_dir() for p in own[:len(VIEWS)]):
        own = [archive]
    target = os.path.realpath(output)
    for part in map(os.path.realpath, own):
        if os.path.commonpath([part, target]) == part:
            raise InputError(str(output), f"is inside the archive it reads ({archive}); write the output outside it")


__all__ = ["BEAD_FORMATS", "FORMATS", "MissingExtra", "check_outside", "export_archive"]
