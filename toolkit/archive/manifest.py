"""The manifest of an archive state: what each article was built from, and with what.

`ARCHIVE/current/manifest.json` records, for every article of the state, the digest of
its folder (every file, meta.json included), each file's digest and the digest of the
TEI file the build wrote; and for the whole state the toolkit's fingerprint, the given
lexicon's digest and the learned lexicon's. A build compares the corpus with it: an
article whose digest is unchanged is not built again, unless the toolkit or the lexicon
changed (then every article is), or its Korean keys meet an entry that the learned
lexicon changed (then it is aligned again: see `learning.py`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1
NAME = "manifest.json"


@functools.cache
def toolkit_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("transprov")
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "0+unknown"


@functools.cache
def fingerprint() -> str:
    """The toolkit version plus a digest of its code and data and of the libraries that
    shape its output: a development change rebuilds the archive as a release would."""
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".json", ".rng", ".sch") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    for package in ("kiwipiepy", "kiwipiepy_model", "langdetect", "lxml"):
        try:
            h.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            h.update(f"{package}=none".encode())
    return f"{toolkit_version()}+{h.hexdigest()[:16]}"


@dataclass
class Manifest:
    """One archive state: the build's settings and one entry per article.

    An entry is {"digest", "files", "tei"} and, for an article that failed in a later
    build and kept this output, "stale": true. `failed` remembers the articles whose
    sources fail the same way whenever they are read: {"digest", "error"}.
    """

    fingerprint: str
    lexicon: str
    learned: str
    articles: dict[str, dict] = field(default_factory=dict)
    failed: dict[str, dict] = field(default_factory=dict)

    def same_settings(self, fingerprint: str, lexicon: str) -> bool:
        return self.fingerprint == fingerprint and self.lexicon == lexicon

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "toolkit": toolkit_version(), "fingerprint": self.fingerprint,
                "lexicon": self.lexicon, "learned": self.learned, "articles": self.articles,
                "failed": self.failed}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")

    @classmethod
    def read(cls, path: Path) -> "Manifest | None":
        """The manifest at `path`; None when absent or not one this toolkit wrote (a full build follows)."""
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT:
                return None
            return cls(data["fingerprint"], data["lexicon"], data["learned"], dict(data["articles"]),
                       dict(data.get("failed", {})))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
