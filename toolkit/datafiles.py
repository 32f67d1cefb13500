"""The project's own data tables (toolkit/data/*.tsv) and the one reader of their format."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """(key, value) of each `key<TAB>value` line, in file order; '#' comments, blank lines and
    lines without both fields are skipped, and an absent file gives no pairs (the tables are
    optional to every reader: each falls back to rules)."""
    if not path.is_file():
        return []
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and (key := parts[0].strip()) and (value := parts[1].strip()):
            pairs.append((key, value))
    return pairs


@cache
def lexicon_pairs() -> tuple[tuple[str, str], ...]:
    """(Korean, English) of each line of the shipped news lexicon (lexicon.tsv), read once a process:
    the aligner, the terms renderings and the credit readers each derive their own view of it."""
    return tuple(read_pairs(DATA_DIR / "lexicon.tsv"))


@cache
def lexicon_keys() -> frozenset[str]:
    """The Korean words of the shipped news lexicon (lexicon.tsv): a word there has a translation,
    so it is nobody's name, however a tagger reads it."""
    return frozenset(ko for ko, _ in lexicon_pairs())
