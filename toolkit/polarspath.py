"""The one check on paths handed to polars: they must be UTF-8.

polars opens files in Rust, which takes a path as a UTF-8 string. A folder named in other
bytes (a Windows zip's CP949 names unpacked on Linux) reaches Python as lone surrogates
(os.fsdecode), and polars then takes the path for a file object and fails with "Object does
not have a .write() method", far from the cause. Article ids never reach polars as paths
(sources.id_problem refuses them), so only the folder holding an archive's tables can carry
such a name: it is checked where an archive is built and where its tables are read.
"""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.errors import InputError


def check_utf8_path(path: Path) -> None:
    """InputError naming the first folder whose name is not UTF-8 on the path of `path` as
    given (made absolute: what polars is handed) or on its real path."""
    for full in (os.path.abspath(path), os.path.realpath(path)):
        parts = Path(full).parts
        for end, part in enumerate(parts, 1):
            try:
                part.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(str(path), f"the folder {Path(*parts[:end])} is not named in UTF-8, and the "
                                            "archive's tables (Parquet, written and read by polars) can only "
                                            "live under UTF-8 names: rename it or choose another folder") from None
