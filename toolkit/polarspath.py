"""The one check on paths handed to polars: UTF-8 names with no glob characters.

polars opens files in Rust, which takes a path as a UTF-8 string. A folder named in other
bytes (a Windows zip's CP949 names unpacked on Linux) reaches Python as lone surrogates
(os.fsdecode), and polars then takes the path for a file object and fails with "Object does
not have a .write() method", far from the cause. polars also reads every path it scans as a
glob pattern: under a folder `기사[2024]` it finds no file (a build crashed after its first
pass), and under `news?` it reads `newsX`'s table too (every row twice, no error). Article
ids never reach polars as paths (sources.id_problem refuses them), so only the folder
holding an archive's tables can carry such a name: it is checked where an archive is built
and where its tables are read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from toolkit.errors import InputError

_GLOB = re.compile(r"[*?\[]")  # what polars' path expansion reads as a pattern


def check_polars_path(path: Path) -> None:
    """InputError naming the first folder polars cannot take on the path of `path` as given
    (made absolute: what polars is handed; a name with a glob character), or on it or its
    real path (a name not in UTF-8)."""
    given, real = os.path.abspath(path), os.path.realpath(path)
    for full, pattern_read in ((given, True), (real, False)):
        parts = Path(full).parts
        for end, part in enumerate(parts, 1):
            try:
                part.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(str(path), f"the folder {Path(*parts[:end])} is not named in UTF-8, and the "
                                            "archive's tables (Parquet, written and read by polars) can only "
                                            "live under UTF-8 names: rename it or choose another folder") from None
            glob = _GLOB.search(part) if pattern_read else None
            if glob:
                raise InputError(str(path), f"the folder {Path(*parts[:end])} has {glob.group()!r} in its name, "
                                            "which polars reads as a file pattern (the archive's tables could "
                                            "not be found, or another folder's read too): rename it or choose "
                                            "another folder")
