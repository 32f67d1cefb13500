"""The TEI files a review session may read and write, by article id, and their review state.

The web app serves only what is listed here, looked up by id: no URL is ever turned into a
path. A directory stands for its *.xml files (an archive for ARCHIVE/tei/*.xml), and only
regular files whose real location is inside that directory are listed: a symlink leading
out of the archive is skipped, with a note. A file given by name is taken as given.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.model import Alignment, Article
from toolkit.review.beads import ReviewBead, review_beads

_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Loaded:
    """One TEI file as read for review, with the digest that guards a save."""

    data: bytes
    digest: str
    en: Article
    ko: Article | None
    alignment: Alignment | None
    beads: list[ReviewBead]

    @property
    def issues(self) -> int:
        return sum(b.issue for b in self.beads)

    @property
    def reviewed(self) -> int:
        return sum(b.reviewer is not None for b in self.beads)


@dataclass
class Catalog:
    # article id -> path through ARCHIVE/tei, not its real path: that lies in the state current
    # when the session began, which the next build retires (a save would go there, or fail)
    files: dict[str, Path] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # one line per path left out, and why
    _cache: dict[str, tuple[tuple, Loaded]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_paths(cls, paths: list[Path]) -> Catalog:
        catalog = cls()
        for path in paths:
            if path.is_dir():
                folder = path / "tei" if (path / "tei").is_dir() else path
                root = folder.resolve()
                items = sorted(folder.glob("*.xml"))
                if not items:
                    catalog.skipped.append(f"{folder}: no TEI files (*.xml) in it")
                for item in items:
                    real = item.resolve()
                    if item.is_symlink() or not real.is_relative_to(root) or not real.is_file():
                        catalog.skipped.append(f"{item}: a link or not a regular file inside {folder}; skipped")
                        continue
                    catalog._add(item.stem, item.absolute())
            elif path.is_file():
                catalog._add(path.stem, path.absolute())
            else:
                catalog.skipped.append(f"{path}: {_not_a_file(path)}")
        return catalog

    def _add(self, stem: str, path: Path) -> None:
        base = _ID_CHARS.sub("-", stem) or "article"
        article_id, n = base, 2
        while article_id in self.files:
            article_id, n = f"{base}-{n}", n + 1
        self.files[article_id] = path

    def load(self, article_id: str, low_cert: float) -> Loaded:
        """Read (or reuse while the file is unchanged) one article; KeyError for an unknown id."""
        from toolkit.inputs import read_input
        from toolkit.review.relink import digest
        from toolkit.tei import read_tei
        from toolkit.tei.safe_xml import MAX_BYTES

        path = self.files[article_id]
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size, low_cert)
        cached = self._cache.get(article_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        data = read_input(path, MAX_BYTES)  # a FIFO put in a listed file's place must not block the server
        en, ko, alignment = read_tei(data, str(path))
        loaded = Loaded(data, digest(data), en, ko, alignment, review_beads(en, ko, alignment, low_cert))
        self._cache[article_id] = (key, loaded)
        return loaded


def _not_a_file(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file cannot be listed."""
    from toolkit.inputs import not_regular, open_problem

    try:
        return not_regular(os.stat(path).st_mode) or "not a regular file"
    except OSError as error:
        return open_problem(path, error)
