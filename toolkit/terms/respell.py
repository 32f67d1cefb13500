"""Lexicon renderings respelled the way one bead romanizes a Korean name.

Korean place names reach English in several romanizations (양강도: Ryanggang, Yanggang,
Yangkang; 함경북도: North Hamgyong, Hamgyung, Hamkyong): the lexicon lists one or two, and a
rendering is grown to a lexicon phrase only where the bead writes its very stems, so the
others are cut to a word ('North') or not found. A romanization keeps the consonants and
loses the vowels and the voicing (k/g, t/d, p/b), and North Korean spelling keeps an initial
r that the South's drops: two words with the same consonant key are one name spelled twice.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from functools import lru_cache

from toolkit.terms.renderings import English

# [(entries, the stems of their phrases)]: one set per lexicon, shared by every bead of a build
_TAKEN: list[tuple[Mapping, frozenset[str]]] = []


def lexicon_stems(entries: Mapping[str, Iterable[tuple[str, ...]]]) -> frozenset[str]:
    """Every stem some phrase of `entries` writes: a bead word with one of them is an English
    word the lexicon renders a Korean word by ('China', 'Central', 'Monday'), never another
    spelling of a name, though it may share a name's consonants ('channel', 'country', 'monitor')."""
    if not _TAKEN or _TAKEN[0][0] is not entries:
        _TAKEN[:] = [(entries, frozenset(s for phrases in entries.values() for p in phrases for s in p))]
    return _TAKEN[0][1]

SHORTEST_STEM = 5  # letters: shorter stems (surnames, 'Kim', 'Jong', 'Ri') share keys with too many others
SHORTEST_KEY = 2   # consonant classes of a key that tells a name

_CLASSES = {"k": "K", "g": "K", "q": "K", "c": "K", "t": "T", "d": "T", "p": "P", "b": "P", "f": "P", "v": "P",
            "j": "J", "z": "J", "s": "S", "r": "L", "l": "L", "m": "M", "n": "N", "h": "H", "x": "KS", "N": "N"}


@lru_cache(maxsize=65536)
def romanization_key(stem: str) -> str:
    """The consonant classes of a romanized word (vowels, y and w dropped, voicing merged,
    doubles collapsed, an initial r/l left out): 'hamgyo', 'hamgyu' and 'hamkyo' share one."""
    word = stem.lower().replace("ch", "j").replace("sh", "s").replace("ng", "N")
    out: list[str] = []
    for c in "".join(_CLASSES.get(ch, "") for ch in word):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[1:] if out[:1] == ["L"] else out)


def romanized_stems(stems: Sequence[str], words: Sequence[str], taken: Container[str] = ()) -> dict[str, list[str]]:
    """Key -> the stems (of content words `words`) of the capitalised ones with that key, but
    those `taken` (lexicon_stems: English words, not a name's spelling)."""
    out: dict[str, list[str]] = {}
    for s, w in zip(stems, words):
        if len(s) >= SHORTEST_STEM and w[:1].isupper() and s.isalpha() and s.isascii() and s not in taken:
            key = romanization_key(s)
            if len(key) >= SHORTEST_KEY and s not in out.get(key, ()):
                out.setdefault(key, []).append(s)
    return out


def _same_start(a: str, b: str) -> bool:
    """Two spellings of one name begin alike, or one with an initial r or l the other drops
    (ryanggang ~ yanggang): a key alone matches English words too ('cereal' ~ 'Korea')."""
    return a[0] == b[0] or (a[0] in "rl" and a[1:2] == b[:1]) or (b[0] in "rl" and b[1:2] == a[:1])


def variants(phrases: Iterable[tuple[str, ...]], written: Container[str],
             spelled: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """The phrases again with every stem not `written` replaced by a stem of `spelled`
    (romanized_stems) spelling the same name otherwise; only those that differ."""
    out: list[tuple[str, ...]] = []
    phrases = list(phrases)
    for phrase in phrases:
        swap = {}
        for s in phrase:
            if s not in written and len(s) >= SHORTEST_STEM:
                found = [w for w in spelled.get(romanization_key(s), ()) if _same_start(s, w)]
                if found:
                    swap[s] = found[0]
        variant = tuple(swap.get(s, s) for s in phrase)
        if swap and variant not in phrases and variant not in out:
            out.append(variant)
    return out


def respelled(phrases: Sequence[tuple[str, ...]], english: English,
              entries: Mapping[str, Iterable[tuple[str, ...]]] | None = None) -> list[tuple[str, ...]]:
    """The phrases, and each again with every stem the bead does not write replaced by a
    capitalised word of the bead spelling the same name otherwise (('north', 'hamgyo') ->
    ('north', 'hamgyu') where the bead says 'North Hamgyung'), never by a word the lexicon
    `entries` write (lexicon_stems)."""
    written = english.stem_places
    if all(s in written or len(s) < SHORTEST_STEM for p in phrases for s in p):
        return list(phrases)
    taken = lexicon_stems(entries) if entries else frozenset()
    spelled = romanized_stems(english.stems, [english.word(n) for n in range(len(english.stems))], taken)
    return [*phrases, *variants(phrases, written, spelled)] if spelled else list(phrases)
