"""The name score's shortcuts give the answers of the plain programmes they replace (speed14):
the bit-parallel edit distance and the cuts of the syllable programme that cannot reach the end."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import names


def _table_distance(a: str, b: str) -> int:
    """Levenshtein distance, cell by cell (the textbook table)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _full_sequence_score(syllables: str, roman: str) -> float:
    """names._sequence_score by its definition: the cheapest way to cut the letters into one
    piece per syllable (up to 7 letters, an empty piece costing 3), over every cut."""
    n, length = len(syllables), len(roman)
    if not n or not length or length > 7 * n + 2:
        return names._sequence_score(syllables, roman)  # the answers given before any programme

    @cache
    def cheapest(k: int, q: int) -> float:  # syllables[:k] spelled by roman[:q]
        if k == 0:
            return 0.0 if q == 0 else float("inf")
        return min(cheapest(k - 1, p) + (3.0 if p == q else names._syllable_cost(syllables[k - 1], roman[p:q]))
                   for p in range(max(0, q - 7), q + 1))

    return max(0.0, 1.0 - 2.0 * cheapest(n, length) / max(length, 2 * n))


_LETTERS = st.text(alphabet="aeiouygjkhnsw", max_size=12)


@settings(max_examples=1500, deadline=None)
@given(_LETTERS, _LETTERS, st.integers(min_value=1, max_value=26))
def test_edit_distance_is_the_table_s_capped(a, b, cap):
    assert names._lev(a, b, cap) == min(_table_distance(a, b), cap)


def test_edit_distance_on_spellings():
    assert names._lev("jun", "joon") == 2
    assert names._lev("kim", "gim") == 1
    assert names._lev("park", "bak", cap=9) == 2
    assert names._lev("choi", "choi") == 0
    assert names._lev("lee", "yiyeong") == 3  # capped


_SYLLABLES = "김준호이서영박정은최문종오상철황우석"


@st.composite
def _spelled(draw) -> tuple[str, str]:
    """Hangul syllables and letters that spell each one in some way, padded with stray letters."""
    syllables = draw(st.text(alphabet=_SYLLABLES, min_size=1, max_size=4))
    letters = "".join(draw(st.sampled_from(sorted(names.syllable_variants(ch)))) +
                      draw(st.text(alphabet="aeouhgwn", max_size=3)) for ch in syllables)
    return syllables, letters


@settings(max_examples=600, deadline=None)
@given(_spelled())
def test_syllable_programme_is_the_full_one(spelled):
    assert names._sequence_score(*spelled) == _full_sequence_score(*spelled)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SYLLABLES, min_size=1, max_size=4), st.text(alphabet="abcdeghijklmnoprstuwy", max_size=24))
def test_syllable_programme_is_the_full_one_on_any_letters(syllables, roman):
    assert names._sequence_score(syllables, roman) == _full_sequence_score(syllables, roman)


def test_syllable_programme_on_names():
    for syllables, roman in [("준호", "joonho"), ("정은", "jongun"), ("서영", "seoyoung"), ("상철", "sangchul"),
                             ("준호", "investigator"), ("김정은", "kimjongun"), ("이정준", "eucheungjuunn"),
                             ("서상황", "suhusahngawhwang"), ("석문", "sohkwmoonne")]:
        assert names._sequence_score(syllables, roman) == _full_sequence_score(syllables, roman)


# name_score_reaches: the surname bound before the given-name programme (speed18)
_SURNAMES = sorted(names.surnames())
_SYLLABLES = sorted(names.syllable_spellings())
_FLOORS = (0.5, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)


@st.composite
def _hangul_names(draw) -> str:
    surname = draw(st.sampled_from(_SURNAMES))
    given = draw(st.lists(st.sampled_from(_SYLLABLES), min_size=0, max_size=3))
    return surname + "".join(given)


@st.composite
def _romans(draw, hangul: str) -> str:
    """A romanization of the name, perhaps with letters changed, or any words at all."""
    kind = draw(st.integers(0, 2))
    if kind == 0 and names.romanizations(hangul):
        text = draw(st.sampled_from(names.romanizations(hangul)))
        for _ in range(draw(st.integers(0, 2))):
            at = draw(st.integers(0, max(len(text) - 1, 0)))
            text = text[:at] + draw(st.sampled_from("aeiouknsgjh -")) + text[at + 1:]
        return text
    if kind == 1:
        return " ".join(draw(st.lists(st.sampled_from(["Kim", "Lee", "Park", "Jong", "Un", "Min", "ho", "politician",
                                                         "Seoul", "K.", "J.", "Choi", "Young-soo", "Automobile"]),
                                      min_size=1, max_size=4)))
    return draw(st.text(alphabet="abcdeghijkmnoprstuwyKLPC- .'", max_size=16))


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_name_score_reaches_is_name_score_against_the_floor(data) -> None:
    hangul = data.draw(_hangul_names())
    roman = data.draw(_romans(hangul))
    floor = data.draw(st.sampled_from(_FLOORS))
    assert names.name_score_reaches(hangul, roman, floor) == (names.name_score(hangul, roman) >= floor)


def test_name_score_reaches_at_the_edges() -> None:
    # the scores themselves, each asked at its own value and just above it: rounding cannot differ
    for hangul, roman in (("김영수", "Kim Young-soo"), ("김영수", "Young-soo Kim"), ("김영수", "Kimyoungsoo"),
                          ("김영수", "Youngsoo"), ("이정란", "Lee Jeong-ran"), ("박", "Park"), ("남궁민수", "Namgung Min-su"),
                          ("최지민", "J.M. Choi"), ("김영수", "Kin Yong-su"), ("김영수", "Politician")):
        score = names.name_score(hangul, roman)
        assert names.name_score_reaches(hangul, roman, score)
        assert not names.name_score_reaches(hangul, roman, score + 1e-4)


def test_name_score_reaches_skips_the_given_name_of_a_word_no_surname_starts(monkeypatch) -> None:
    asked: list[str] = []
    plain = names._sequence_score.__wrapped__

    def counted(syllables: str, roman: str) -> float:
        asked.append(syllables)
        return plain(syllables, roman)

    # whatever another test of this process asked before: a kept name_score would hide the programme's
    # run (the second assertion) and a kept answer its skip (the first)
    names.name_score("김영수", "Kim Yong-soo"), names.name_score("김영수", "lawmakers")
    monkeypatch.setattr(names, "_sequence_score", counted)
    names.name_score_reaches.cache_clear()
    names.name_score.cache_clear()
    assert not names.name_score_reaches("김영수", "lawmakers", 0.9)
    assert "영수" not in asked  # the surname bound (at most 0.75) answered
    assert names.name_score_reaches("김영수", "Kim Yong-soo", 0.9)
    assert "영수" in asked


def test_name_score_reaches_does_not_score_a_long_word_twice(monkeypatch) -> None:
    """A one-word romanization is cut at every letter, a surname score each: the bound would score
    every cut once more before name_score does (twice the cost of a long, quadratic word), and
    spares the given-name programme little there."""
    scored: list[str] = []
    plain = names._surname_score

    def counted(surname: str, token: str) -> float:
        scored.append(token)
        return plain(surname, token)

    monkeypatch.setattr(names, "_surname_score", counted)
    word = "kim" + "a" * 120
    names.name_score.cache_clear()
    names.name_score("김영수", word)
    alone = len(scored)
    scored.clear()
    names.name_score.cache_clear()
    names.name_score_reaches.cache_clear()
    assert not names.name_score_reaches("김영수", word, 0.9)
    assert alone > 100 and len(scored) == alone
