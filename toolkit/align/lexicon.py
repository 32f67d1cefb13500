"""The Korean-English lexicon the aligner counts hits with: built-in data, user file, learned pairs.

Keys are Kiwi lemmas (nouns as Kiwi gives them, verbs and adjectives as stem + 다);
values are English words or phrases, stored as tuples of stems (english.stem) so that
"arrested" in a sentence meets the entry "arrest".  A Lexicon is immutable: learning
from a corpus returns an extended copy (`lexicon.extended(pairs)`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.align.english import is_content, stem, words
from toolkit.datafiles import DATA_DIR, lexicon_pairs, read_pairs
from toolkit.errors import InputError

__all__ = ["Lexicon", "load_lexicon"]

MAX_LEXICON_BYTES = 64 * 1024 * 1024  # a user lexicon of a million entries is a few tens of MB


def _phrase(english: str) -> tuple[str, ...]:
    """An English entry as the stems of its content words ('prime minister' -> ('prime', 'minist'));
    empty when the entry has only function words ('during', 'for')."""
    toks = [w for w in words(english) if is_content(w)]
    return tuple(dict.fromkeys(stem(w) for w in toks))


@dataclass(frozen=True)
class Lexicon:
    """ko lemma -> English phrases (tuples of stems); `sources` records where entries came from."""

    entries: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    function_keys: frozenset[str] = frozenset()  # Korean words listed only with function words
    # Korean sentence features computed with this lexicon (scoring.ko_features), bounded: the
    # learner and the review helpers look again at sentences the aligner has just analysed
    features: dict = field(default_factory=dict, compare=False, repr=False)
    # beside a cached entry, the Korean keys computing it asked about (a build's recording lexicon notes them again)
    asked: dict = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["features"] = {}  # a worker process starts with an empty cache, not a copy
        state["asked"] = {}
        return state

    def __contains__(self, ko: str) -> bool:
        return ko in self.entries

    def get(self, ko: str) -> frozenset[tuple[str, ...]]:
        return self.entries.get(ko, frozenset())

    def extended(self, pairs, source: str = "learned") -> "Lexicon":
        """A copy with (ko, en) pairs added; `en` is a word or phrase."""
        table = {k: set(v) for k, v in self.entries.items()}
        function = set(self.function_keys)
        added = 0
        for ko, en in pairs:
            if not ko:
                continue
            phrase = _phrase(en)
            if phrase:
                table.setdefault(ko, set()).add(phrase)
                added += 1
            elif any(ch.isalpha() for ch in en):
                function.add(ko)
        function -= set(table)
        return Lexicon(
            {k: frozenset(v) for k, v in table.items()}, self.sources + (f"{source}:{added}",), frozenset(function)
        )


def _parse_user_tsv(text: str, source: str) -> list[tuple[str, str]]:
    """A user's `ko<TAB>en` lines ('#' comments and blank lines skipped); a bad line is an
    error naming the file and line, since a silently dropped entry would be hard to notice."""
    pairs: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        ko = parts[0].strip()
        en = parts[1].strip() if len(parts) > 1 else ""
        if len(parts) < 2 or not ko or not en or len(parts) > 3:
            raise InputError(source, f"line {n}: expected 'korean<TAB>english', got {line.strip()[:40]!r}")
        if not any(ch.isalpha() for ch in en):
            raise InputError(source, f"line {n}: the English side {en!r} has no word")
        pairs.append((ko, en))
    return pairs


@functools.cache
def _builtin() -> Lexicon:
    """The shipped lexicon.tsv and transliterations.tsv (either may be absent)."""
    lex = Lexicon()
    shipped = (("lexicon.tsv", lexicon_pairs()),
               ("transliterations.tsv", read_pairs(DATA_DIR / "transliterations.tsv")))
    for name, pairs in shipped:
        if pairs:
            lex = lex.extended(pairs, source=name)
    return lex


def load_lexicon(user_tsv: Path | str | None = None) -> Lexicon:
    """Built-in lexicon plus an optional user TSV (`ko<TAB>en`); a bad user file raises InputError."""
    if user_tsv is None:
        return _builtin()
    from toolkit.inputs import read_input

    path = Path(user_tsv)
    return lexicon_of_bytes(read_input(path, MAX_LEXICON_BYTES), path)  # a FIFO must not block, nor /dev/zero fill memory


def lexicon_of_bytes(data: bytes, path: Path) -> Lexicon:
    """load_lexicon of a user TSV already read (a build digests the very bytes it aligns with)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(str(path), f"line {line}: not UTF-8 text") from None
    pairs = _parse_user_tsv(text, str(path))
    return _builtin().extended(pairs, source=f"user:{path.name}")
