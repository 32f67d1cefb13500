"""The terminology stop list (toolkit/data/term_stoplist.tsv): its format, its groups and
their reasons, that every key is a noun Kiwi produces, and that it keeps terms out only of
the glossary's generic words."""

from __future__ import annotations

import re

import pytest

from conftest import repo_root
from toolkit.terms.korean import stoplist

STOPLIST = repo_root() / "toolkit" / "data" / "term_stoplist.tsv"
NOUN_FRAMES = ("그 {}에 대해", "{}의 문제", "{}는", "{}이다", "{}되는 상황")


def lines() -> list[str]:
    return STOPLIST.read_text(encoding="utf-8").splitlines()


def declared_groups() -> dict[str, str]:
    """Group -> its reason, from the comment header ('#   group   reason')."""
    return dict(re.findall(r"^#   (\w+)\s+(\S.*)$", "\n".join(lines()), re.MULTILINE))


def test_format_groups_and_no_duplicates():
    groups = declared_groups()
    assert {"time", "reporting", "people", "action", "abstract"} <= set(groups)
    assert all(len(reason.split()) >= 4 for reason in groups.values())
    keys = []
    for n, line in enumerate(lines(), 1):
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 2 and re.fullmatch(r"[가-힣A-Za-z0-9]+", fields[0]), f"line {n}: {line!r}"
        assert fields[1] in groups, f"line {n}: group {fields[1]!r} is not declared in the header"
        keys.append(fields[0])
    assert len(keys) == len(set(keys)) == len(stoplist())
    # every declared group is used
    assert set(groups) == set(stoplist().values())


def test_the_generic_nouns_of_the_issue_are_listed_and_terms_are_not():
    stop = stoplist()
    # (지난 of the issue's list is no noun: Kiwi reads 지나 + ㄴ, a verb, which is never a term)
    for generic in ("최근", "발생", "때", "가운데", "이번", "오늘", "관계자", "사람"):
        assert generic in stop, generic
    # 소식통: a house style fixes its English ('source'), as it does a named outlet's
    for term in ("보위부", "송금", "탈북자", "한반도", "장마당", "북송", "정치범", "안보리", "부장", "소식통"):
        assert term not in stop, term


def test_the_round_14_families_leave_their_kin_that_are_terms():
    from toolkit.terms.korean import TermVocabulary, korean_units, term_occurrences

    stop = stoplist()
    for generic in ("사망", "부상자", "질병", "수술", "해안", "섬", "영하", "기온", "성명", "회견", "차질"):
        assert generic in stop, generic
    # the North's own statements, a title, patients, porters and named diseases stay terms
    for term in ("담화", "대변인", "환자", "짐", "결핵", "수막염"):
        assert term not in stop, term
    # a rate of a casualty noun stays a term; a word derived from 짐 would not, had 짐 been listed
    units = korean_units("사망률이 높았고 짐꾼들이 강을 건넜다.")
    assert [o.term for o in term_occurrences(units, TermVocabulary({"짐꾼"}))] == ["사망률", "짐꾼"]


@pytest.mark.slow
def test_every_key_is_a_noun_kiwi_produces():
    from toolkit.segment import korean_tokens

    not_nouns = []
    for key in stoplist():
        found = any(t[0] == key and t[1] in ("NNG", "NNP", "NNB", "NR", "NP", "XR")
                    for frame in NOUN_FRAMES for t in korean_tokens(frame.format(key)))
        if not found:
            not_nouns.append(key)
    assert not_nouns == []


def test_staple_foods_and_livestock_are_everyday_words_and_their_homographs_are_not_listed():
    from toolkit.terms.korean import TermVocabulary, korean_units, term_occurrences

    stop = stoplist()
    for food in ("쌀", "옥수수", "콩", "돼지고기", "양고기", "식용유", "가축", "돼지"):
        assert stop.get(food) == "everyday", food
    # 밀 is also the piece of 밀수 and 밀무역, 소 also 'small', 양 also 'amount': a listed piece would
    # take the compounds Kiwi splits into it
    for homograph in ("밀", "소", "양"):
        assert homograph not in stop, homograph
    vocabulary = TermVocabulary({"쌀", "옥수수", "배급", "밀수꾼"})
    units = korean_units("쌀과 옥수수 가격이 크게 올랐지만 밀수꾼들은 배급을 기다리지 않았다.")
    assert [o.term for o in term_occurrences(units, vocabulary)] == ["밀수꾼", "배급"]


def test_a_staple_is_generic_under_the_norths_own_word_for_it_too():
    from toolkit.terms.korean import TermVocabulary, korean_units, term_occurrences

    # 강냉이 is the North's word for 옥수수, 입쌀 its word for white rice: listing one name of a staple
    # and not the other keeps 'corn' as terminology in one market report and not in the next
    vocabulary = TermVocabulary({"옥수수", "강냉이", "입쌀", "보리", "밀수꾼"})
    units = korean_units("밀수꾼들은 옥수수(강냉이)와 입쌀, 보리를 국경 너머로 넘겼다.")
    assert [o.term for o in term_occurrences(units, vocabulary)] == ["밀수꾼"]
