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
    is allowed. Folders are also compared by (device, inode): on a case- or normalisation-
    insensitive file system `ARCHIVE/TABLES` is the same folder under a spelling realpath keeps."""
    from toolkit.errors import InputError
    from toolkit.files import file_identity

    own = [part for folder in _archives(archive) for part in _parts(folder)]
    target = os.path.realpath(output)
    guarded = {file_identity(part) for part in own} - {None}
    above = [target, *map(str, Path(target).parents)]
    if any(os.path.commonpath([part, target]) == part for part in map(os.path.realpath, own)) \
            or any(file_identity(folder) in guarded for folder in above):
        raise InputError(str(output), f"is inside the archive it reads ({archive}); write the output outside it")


def _archives(given: Path) -> list[Path]:
    """The folders whose parts a read of `given` opens: `given` itself, or the archive of
    ARCHIVE/tei or ARCHIVE/tables given by that name, another spelling of it, or a link to it."""
    from toolkit.archive.state import VIEWS
    from toolkit.files import file_identity

    here = file_identity(given)
    if given.name in VIEWS or (here is not None and here in {file_identity(given.parent / view) for view in VIEWS}):
        return [given.parent]
    real = Path(os.path.realpath(given))
    return [given, real.parent] if real.name in VIEWS else [given]


def _parts(archive: Path) -> list[Path]:
    """An archive's own files and folders, or the folder itself when it holds no tei/ or tables/."""
    from toolkit.archive.lock import NAME as LOCK
    from toolkit.archive.state import CURRENT, ORPHANS, STATES, VIEWS, WORK

    own = [archive / name for name in (*VIEWS, STATES, WORK, CURRENT, ORPHANS, LOCK)]
    return own if any(p.is_dir() for p in own[:len(VIEWS)]) else [archive]


__all__ = ["BEAD_FORMATS", "FORMATS", "MissingExtra", "check_outside", "export_archive"]
