"""Quality checks on aligned beads: numbers, names, lengths, stray Hangul.

Each check answers True (agree), False (a mismatch) or None (no evidence either way).
The rule for numbers and names is the same, and deliberately conservative because the
English is a rewrite, not a line-by-line translation: the writer drops dates and adds
figures from background, so a number (or name) present on one side only is an omission or
an addition, not a mismatch. A mismatch is a *change*: both sides carry numbers and each
side has one the other lacks (Korean says 3년 where the English says five years). When one
side's set contains the other's, the bead agrees; when either side has none, there is no
evidence and the check gives None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from toolkit.hangul import is_syllable_word

# an English personal name: two or three capitalized parts, parts possibly hyphenated
ROMAN_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b")
NAME_THRESHOLD = 0.8


def length_ratio(en_chars: int, ko_chars: int) -> float | None:
    """English characters per Korean character (about 2.05 in news); None for a null bead."""
    if en_chars <= 0 or ko_chars <= 0:
        return None
    return en_chars / ko_chars


def sets_agree(en: set, ko: set) -> bool | None:
    """The shared rule: None without evidence, False when each side has an item the other lacks."""
    if not en or not ko:
        return None
    return en <= ko or ko <= en


def numbers_agree(en_text: str, ko_text: str) -> bool | None:
    """Do the numbers of an English and a Korean span agree (5년 ~ five years, 3만 ~ 30,000)?"""
    from toolkit.align.numbers import numbers_in_english, numbers_in_korean

    return sets_agree(set(numbers_in_english(en_text)), set(numbers_in_korean(ko_text)))


def korean_name_candidates(ko_text: str) -> set[str]:
    """Proper nouns (Kiwi NNP) of two to four syllables that are shaped like Korean personal names."""
    from toolkit.names import is_korean_name
    from toolkit.segment import korean_tokens

    return {t[0] for t in korean_tokens(ko_text)
            if t[1] == "NNP" and 2 <= len(t[0]) <= 4 and is_syllable_word(t[0]) and is_korean_name(t[0])}


@cache
def _surname_spellings() -> frozenset[str]:
    from toolkit.names import surnames

    return frozenset(s.lower() for spellings in surnames().values() for s in spellings)


def english_name_candidates(en_text: str) -> set[str]:
    """Capitalized two- or three-part spans starting with a Korean surname (Kim Joon-Ho, Do Hee-Yun)."""
    known = _surname_spellings()
    return {m for m in ROMAN_NAME.findall(en_text) if re.split(r"[ -]", m)[0].lower() in known}


def _matched(names: Iterable[str], others: Iterable[str], score) -> set[str]:
    others = list(others)
    return {n for n in names if any(score(n, o) >= NAME_THRESHOLD for o in others)}


def names_agree(en_text: str, ko_text: str) -> bool | None:
    """Do the Korean personal names agree (names.name_score)? The shared rule of `sets_agree`.

    A name counts as present in the other language when its best romanization score is at
    least NAME_THRESHOLD; a mismatch needs an unmatched name on both sides (김준호 against
    Kim Jun-Su), since a name mentioned on one side only is an omission or an addition.
    """
    from toolkit.names import name_score

    ko_names = korean_name_candidates(ko_text)
    en_names = english_name_candidates(en_text)
    if not ko_names or not en_names:
        return None
    ko_missing = ko_names - _matched(ko_names, en_names, name_score)
    en_missing = en_names - _matched(en_names, ko_names, lambda e, k: name_score(k, e))
    return not (ko_missing and en_missing)


def length_zscore_expr():
    """Polars expression: z-score of log(length_ratio) against every bead of the frame."""
    import polars as pl

    log_ratio = pl.col("length_ratio").log()
    return ((log_ratio - log_ratio.mean()) / log_ratio.std(ddof=0)).alias("length_z")


def length_outliers(links, threshold: float = 3.0):
    """Beads whose log length ratio lies more than `threshold` SDs from the corpus mean.

    Takes and returns a LazyFrame of the links table (with a `length_z` column added), so
    that it runs over a whole archive without loading it.
    """
    import polars as pl

    return (
        links.filter(pl.col("length_ratio").is_not_null())
        .with_columns(length_zscore_expr())
        .filter(pl.col("length_z").abs() > threshold)
    )
