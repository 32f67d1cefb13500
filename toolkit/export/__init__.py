"""The archive for other tools: one module a format, chosen by name (`transprov export --format`).

    export_archive(archive, "prov-o", out)     W3C PROV-O (Turtle) of the credit chains   prov.py
    export_archive(archive, "prov-json", out)  the same graph in PROV-JSON                prov.py

Exports read the archive's Parquet tables (never the TEI), and write their file atomically
and deterministically (the same archive gives the same bytes).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

# format -> (module, function(archive, output, **options)); a new format adds one line here
FORMATS: dict[str, tuple[str, str]] = {
    "prov-o": ("toolkit.export.prov", "write_prov_o"),
    "prov-json": ("toolkit.export.prov", "write_prov_json"),
}


class MissingExtra(Exception):
    """A format needs an optional dependency that is not installed; `str()` says how to install it."""


def export_archive(archive: Path, fmt: str, output: Path, **options) -> None:
    """Write ARCHIVE in format `fmt` to `output` (InputError for an archive that cannot be read)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    module, function = FORMATS[fmt]
    getattr(import_module(module), function)(Path(archive), Path(output), **options)


__all__ = ["FORMATS", "MissingExtra", "export_archive"]
