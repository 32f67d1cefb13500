"""Which characters are Hangul: the one definition the toolkit uses.

Two different questions get asked, and callers must pick the right one:
- "a Hangul syllable?" (가..힣): names, credit lines and Korean words are written in the
  11,172 precomposed syllables; a stray jamo is not part of a name.
- "any Hangul at all?": script and language detection also count the jamo blocks
  (conjoining, compatibility ㅋㅋ, and the extended blocks of old or decomposed text).
"""

from __future__ import annotations

import re

__all__ = [
    "SYLLABLE_FIRST", "SYLLABLE_LAST", "SYLLABLES", "ANY",
    "HANGUL_SYLLABLE", "HANGUL_ANY",
    "is_syllable", "is_hangul", "is_syllable_word", "has_syllable", "has_hangul", "count_hangul", "decompose",
]

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3  # 가 .. 힣: syllable = FIRST + (initial*21 + medial)*28 + final
_RANGES = (
    (SYLLABLE_FIRST, SYLLABLE_LAST),  # precomposed syllables
    (0x1100, 0x11FF),  # conjoining jamo
    (0x3130, 0x318F),  # compatibility jamo (ㄱ ㅋ ㅏ)
    (0xA960, 0xA97F),  # jamo extended-A (old initials)
    (0xD7B0, 0xD7FF),  # jamo extended-B (old medials and finals)
)


def _class_body(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges)


# Bodies of a regex character class, for callers that combine Hangul with other scripts
# (f"[{SYLLABLES}\u4e00-\u9fff]").
SYLLABLES = _class_body(_RANGES[:1])
ANY = _class_body(_RANGES)

HANGUL_SYLLABLE = re.compile(f"[{SYLLABLES}]")
HANGUL_ANY = re.compile(f"[{ANY}]")
_SYLLABLE_WORD = re.compile(f"[{SYLLABLES}]+")


def is_syllable(ch: str) -> bool:
    """True for one precomposed Hangul syllable (가..힣)."""
    return len(ch) == 1 and SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def decompose(ch: str) -> tuple[int, int, int]:
    """(initial, medial, final) jamo indices of one precomposed syllable (`is_syllable`): the
    romanizer's and the sound skeletons' reading of it; final 0 is no final consonant."""
    code = ord(ch) - SYLLABLE_FIRST
    return code // 588, (code % 588) // 28, code % 28


def is_hangul(ch: str) -> bool:
    """True for one Hangul character of any block: syllable or jamo."""
    return len(ch) == 1 and HANGUL_ANY.match(ch) is not None


def is_syllable_word(text: str) -> bool:
    """True when `text` is non-empty and made of Hangul syllables only (a name, a place, a stem)."""
    return bool(_SYLLABLE_WORD.fullmatch(text))


def has_syllable(text: str) -> bool:
    """True when `text` holds at least one Hangul syllable (Korean words, not just a jamo)."""
    return HANGUL_SYLLABLE.search(text) is not None


def has_hangul(text: str) -> bool:
    """True when `text` holds any Hangul character, syllable or jamo."""
    return HANGUL_ANY.search(text) is not None


def count_hangul(text: str) -> int:
    """Number of Hangul characters of any block in `text` (letters of the Hangul script)."""
    return len(HANGUL_ANY.findall(text))
