"""The speed paths of the credit readers, the English word splitter and the Korean money reader answer
as the plain definitions do: each is checked against the definition written out here, on text built from the
characters that decide them (capitals, digits, letters of other scripts, marks)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.align import numbers
from toolkit.align.english import words
from toolkit.credits import korean, widgets


def _unglued_by_definition(s: str) -> str:
    """widgets._unglue as its docstring defines it, one character at a time."""
    out: list[str] = []
    run = 0  # letters since the last non-letter or the last cut
    for k, ch in enumerate(s):
        if k and (ch.isupper() or ch.isdigit()):
            prev = s[k - 1]
            if ((ch.isupper() and prev.islower() and run >= 3 and k < len(s) - 1 and s[k + 1].islower())
                    or (ch.isdigit() and prev.isalpha() and prev.isascii())
                    or (ch.isalpha() and ch.isupper() and prev.isdigit())):
                out.append(" | ")
                run = 0
        out.append(ch)
        run = run + 1 if ch.isalpha() else 0
    return "".join(out)


# capitals and lower case of several scripts, digits of several kinds (fullwidth too), Hangul, title-case
# letters, a capital with no lower-case form, Turkish dotted İ (lowered to two characters), a combining
# accent (a mark, no letter: it ends a run), spaces and marks
_DECIDING = "aAbBzZéÉßǅǈℂⅣİＡｂ0129²٣１가힣\u0301 .-/"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_DECIDING, max_size=16))
def test_unglue_cuts_where_the_definition_does(s: str) -> None:
    assert widgets._unglue(s) == _unglued_by_definition(s)


def test_unglue_cuts_glued_credits_and_keeps_names_whole() -> None:
    assert widgets._unglue("ReutersJoyce Lee") == "Reuters | Joyce Lee"
    assert widgets._unglue("Connor7 2013Donald") == "Connor | 7 2013 | Donald"
    assert widgets._unglue("McDonough DeShawn") == "McDonough DeShawn"  # fewer than three letters before the capital
    assert widgets._unglue("AbcdEfHij") == "Abcd | EfHij"  # the count restarts at a cut: two letters before "H"


def _title_role_by_definition(token: str) -> str | None:
    for title in korean._TITLES_LONGEST_FIRST:
        if token == title or (token.endswith(title) and korean._is_modifier(token[: -len(title)])):
            return korean.KO_TITLES[title]
    return None


def test_title_role_answers_as_its_definition_for_titles_and_other_words() -> None:
    tokens = [*korean._TITLES_LONGEST_FIRST, *(f"홍길동{t}" for t in korean._TITLES_LONGEST_FIRST),
              *(f"{t}들" for t in korean._TITLES_LONGEST_FIRST), "군사전문기자", "인턴기자", "기자회견", "발표했다", "", "A"]
    assert [korean.title_role(t) for t in tokens] == [_title_role_by_definition(t) for t in tokens]
    assert korean.title_role("기자") == "reporter" and korean.title_role("기자회견") is None


def _is_stamp_by_definition(token: str) -> bool:
    if token in korean._WEEKDAYS or korean._ISSUE.fullmatch(token):
        return True
    if any(token.startswith(label) or token.endswith(label) for label in korean._STAMP_LABELS):
        return True
    core = token.rstrip("건회명")
    return bool(core) and all(ch in korean._STAMP_CHARS for ch in core) and any(ch.isdigit() for ch in core)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["입력", "수정", "조회", "댓글", "0", "9", "²", ".", "-", ":", "/", "건", "회", "명",
                                 "목", "제", "호", "기사", "a"]), max_size=6).map("".join))
def test_is_stamp_answers_as_its_definition(token: str) -> None:
    assert korean._is_stamp(token) == _is_stamp_by_definition(token)


def test_words_split_hyphens_and_join_dotted_acronyms() -> None:
    assert words("U.S. envoy Kim Jong-un met the U.N. team on 3 May") == \
        ["US", "envoy", "Kim", "Jong", "un", "met", "the", "UN", "team", "on", "May"]


def test_kiwi_tuples_take_the_lemma_and_fall_back_to_the_form_without_one() -> None:
    from types import SimpleNamespace

    from toolkit.segment import _as_tuples
    with_lemma = [SimpleNamespace(form="먹", tag="VV", lemma="먹다", start=0, len=1),
                  SimpleNamespace(form="었", tag="EP", lemma="었", start=1, len=1)]
    without = [SimpleNamespace(form="북한", tag="NNP", start=0, len=2)]
    assert _as_tuples(with_lemma) == (("먹", "VV", "먹다", 0, 1), ("었", "EP", "었", 1, 1))
    assert _as_tuples(without) == (("북한", "NNP", "북한", 0, 2),)
    assert _as_tuples([]) == ()


# the Korean sum of money as one pattern, figure and currency together (searched again at every digit
# of a long run with no currency after it)
_MONEY_BY_DEFINITION = re.compile(r"\d[\d,.]*(?:\s?[십백천만억조](?:\s?\d[\d,.]*)?)*\s?(?:달러|위안|원|엔|유로|파운드)")
_MONEY_PIECES = ["1", "0", "5", "１", ",", ".", " ", "\n", "조", "억", "만", "천", "십", "원", "달러", "위안", "엔",
                 "유로", "파운", "드", "가"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MONEY_PIECES), max_size=16).map("".join))
def test_first_money_end_is_where_the_one_pattern_ends(text: str) -> None:
    found = _MONEY_BY_DEFINITION.search(text)
    assert numbers._first_money_end(text) == (found.end() if found else None)


def test_first_money_end_reads_a_long_run_once() -> None:
    # 20,000 figures with no currency, then one sum: the run is read as one piece, the sum after it found
    text = "1조 " * 20_000 + "중국돈 25만 위안"
    assert numbers._first_money_end(text) == len(text)
    assert numbers._KO_FIGURE_RUN.match(text).end() == len("1조 " * 20_000) - 1
