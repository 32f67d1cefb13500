"""One definition of Hangul: syllables for words and names, any block for script detection."""

from __future__ import annotations

import pytest

from toolkit.hangul import (
    HANGUL_ANY,
    HANGUL_SYLLABLE,
    count_hangul,
    has_hangul,
    has_syllable,
    is_hangul,
    is_syllable,
    is_syllable_word,
)

# one character of each block, with whether it is a precomposed syllable
BLOCKS = [
    ("가", True), ("힣", True),  # first and last syllable
    ("\u1100", False), ("\u11a8", False),  # conjoining jamo: initial ㄱ, final ㄱ
    ("ㅋ", False), ("ㅏ", False),  # compatibility jamo
    ("\ua960", False), ("\ud7b0", False),  # extended-A and extended-B jamo
]


@pytest.mark.parametrize(("ch", "syllable"), BLOCKS)
def test_every_hangul_block_is_hangul_and_only_syllables_are_syllables(ch: str, syllable: bool) -> None:
    assert is_hangul(ch) and has_hangul(f"x{ch}y") and HANGUL_ANY.fullmatch(ch)
    assert is_syllable(ch) is syllable
    assert has_syllable(ch) is syllable
    assert bool(HANGUL_SYLLABLE.fullmatch(ch)) is syllable


@pytest.mark.parametrize("ch", ["a", "漢", "か", "・", "\u3000", chr(0xABFF), chr(0xD7A4), chr(0x10FF), chr(0x3190), chr(0xA980)])
def test_other_scripts_and_neighbouring_code_points_are_not_hangul(ch: str) -> None:
    assert not is_hangul(ch) and not has_hangul(ch) and not is_syllable(ch)


def test_counts_and_words() -> None:
    assert count_hangul("Kim 김정은 ㅋㅋ 漢") == 5
    assert is_syllable_word("김정은") and not is_syllable_word("김정은 ") and not is_syllable_word("")
    assert not is_syllable_word("김ㅋ")
    assert has_hangul("ㅋㅋ") and not has_syllable("ㅋㅋ")


def test_call_sites_share_the_definition() -> None:
    """Language id counts jamo as Hangul; credits and names want syllables."""
    from toolkit.langid import script_counts
    from toolkit.names import is_korean_name

    assert script_counts("\ua960\ud7b0 ㅋ")["hangul"] == 3
    assert not is_korean_name("김ㅋ")
