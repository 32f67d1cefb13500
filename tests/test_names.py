"""Hangul personal and place names against their romanized spellings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import names
from toolkit.names import (
    is_korean_name,
    name_score,
    place_romanizations,
    romanizations,
    syllable_variants,
    transliteration_candidates,
)


@pytest.mark.parametrize(
    ("hangul", "roman"),
    [
        ("김준호", "Kim Joon-Ho"), ("김준호", "Kim Joon Ho"), ("김준호", "Kim Joonho"), ("김준호", "kim jun-ho"),
        ("김준호", "Joon-ho Kim"), ("강민경", "Kang Min Kyung"), ("강민경", "Kang Min-kyeong"),
        ("김정은", "Kim Jong Un"), ("김정은", "Kim Jong-un"), ("김정일", "Kim Jong Il"), ("도희윤", "Do Hee-Yun"),
        ("이명박", "Lee Myung-bak"), ("이승만", "Rhee Syngman"), ("박근혜", "Park Geun-hye"), ("최선희", "Choe Son Hui"),
        ("리설주", "Ri Sol Ju"), ("문재인", "Moon Jae-in"), ("노무현", "Roh Moo-hyun"), ("남궁민", "Namgung Min"),
        ("윤석열", "Yoon Suk Yeol"), ("장성택", "Jang Song Thaek"), ("황병서", "Hwang Pyong So"), ("문성휘", "Moon Sung Hui"),
        ("김여정", "Kim Yo Jong"), ("반기문", "Ban Ki-moon"), ("정영", "Jung Young"), ("손혜민", "Son Hye-min"),
    ],
)
def test_same_person_scores_high(hangul, roman):
    assert name_score(hangul, roman) >= 0.9


@pytest.mark.parametrize(
    ("hangul", "roman"),
    [
        ("김준호", "Parameswaran Ponnudurai"), ("김준호", "Kang Min Kyung"), ("강민경", "Kim Joon-Ho"),
        ("김정은", "Moon Jae-in"), ("박근혜", "Joshua Lipes"), ("이명박", "Choe Son Hui"), ("김준호", "Luisetta Mudie"),
    ],
)
def test_unrelated_names_score_low(hangul, roman):
    assert name_score(hangul, roman) < 0.5


def test_near_misses_stay_below_the_join_threshold():
    assert name_score("김준호", "Kim Jun-hee") < 0.8  # same surname, different given name
    assert name_score("김준호", "Lee Joon-ho") < 0.8  # same given name, different surname
    assert name_score("김영남", "Kim Jong Nam") < 0.8  # one consonant apart
    assert name_score("김정일", "Kim Jong-pil") < 0.8
    assert name_score("김준호", "Kim Jun-Hee") > name_score("김준호", "Parameswaran Ponnudurai")


def test_people_in_the_table_are_told_apart():
    """Every romanized person of transliterations.tsv against the other listed people of that surname."""
    table = names.transliterations()
    people = [(ko, en) for ko, ens in table.items() for en in ens
              if is_korean_name(ko) and len(names._roman_tokens(en)) >= 2]
    if len(people) < 20:
        pytest.skip("transliterations.tsv lists too few people")
    romanized = {en: ko for ko, en in people}
    # the hard cases share a surname (김영남 / Kim Yong-sam); other pairs are far apart anyway
    cross = [(ko, en) for ko, _ in people for en, other in romanized.items() if other != ko and other[0] == ko[0]]
    scores = [name_score(ko, en) for ko, en in cross]
    # a score of 1.0 means a regular spelling of both (리영호 and 리용호 are both "Ri Yong Ho"):
    # ambiguous, not an error; near misses scoring high would be errors
    false = [sc for sc in scores if 0.85 <= sc < 1.0]
    print(f"different people scoring 0.85-0.99: {len(false)}/{len(cross)}; spelled alike: {scores.count(1.0)}")
    assert len(false) <= 0.002 * len(cross)


def test_syllable_tables_cover_the_systems():
    assert {"jun", "joon", "chun"} <= syllable_variants("준")
    assert {"kyung", "gyeong", "kyeong", "kyong"} <= syllable_variants("경")
    assert {"hee", "hui", "hi"} <= syllable_variants("희")
    assert {"seok", "suk", "sok"} <= syllable_variants("석")
    assert {"cheol", "chul", "chol"} <= syllable_variants("철")
    assert {"young", "yeong", "yong"} <= syllable_variants("영")


COMMON = "민준서연지호우현수영정은경희성진철석혜재동훈"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from("김이박최정강조윤장임한오서신권황안송홍전고문"), st.text(COMMON, min_size=1, max_size=2))
def test_every_listed_romanization_scores_back_high(surname, given_name):
    name = surname + given_name
    forms = romanizations(name)
    assert forms and all(name_score(name, form) >= 0.9 for form in forms)


def test_romanizations_lead_with_usual_forms():
    forms = romanizations("김준호")
    assert forms[0] == "Kim Jun-ho"
    assert "Kim Joon-ho" in forms and "Kim Jun Ho" in forms
    assert "Kim Jong Un" in romanizations("김정은")


def test_is_korean_name():
    assert is_korean_name("김준호") and is_korean_name("정영") and is_korean_name("남궁민")
    assert is_korean_name("리설주") and is_korean_name("선우용여")
    for word in ("기자", "자유아시아방송", "정부", "이번", "Kim", "김준호씨는", "", "이라크", "로부터", "공화당", "전하는"):
        assert not is_korean_name(word)


def test_place_romanizations():
    assert place_romanizations("평양")[0] == "Pyongyang"
    assert "Kaesong" in place_romanizations("개성")
    assert "Chongjin" in place_romanizations("청진")
    assert "Yongbyon" in place_romanizations("영변")
    assert "Punggye-ri" in place_romanizations("풍계리")
    assert "Busan" in place_romanizations("부산")


def test_transliteration_candidates_read_the_table_lazily(tmp_path, monkeypatch):
    (tmp_path / "transliterations.tsv").write_text("# ko\ten\n부시\tBush\n이라크\tIraq\n평양\tPyongyang\n김정은\tKim Jong Un\n조지아\tGeorgia\n", encoding="utf-8")
    monkeypatch.setattr(names, "TRANSLITERATIONS", tmp_path / "transliterations.tsv")
    names.transliterations.cache_clear()
    names.transliteration_candidates.cache_clear()
    names.is_korean_name.cache_clear()
    try:
        assert transliteration_candidates("부시") == {"Bush"}
        assert transliteration_candidates("부시는") == {"Bush"}  # particle stripped
        assert transliteration_candidates("이라크에서") == {"Iraq"}
        assert "Kaesong" in transliteration_candidates("개성에서")  # not listed: romanized
        assert "Kim Jong Un" in transliteration_candidates("김정은")
        assert transliteration_candidates("Bush") == frozenset()
        assert is_korean_name("김정은")  # a listed person stays a person
        assert not is_korean_name("조지아")  # a listed country does not (its shape is a name)
    finally:
        names.transliterations.cache_clear()
        names.transliteration_candidates.cache_clear()
        names.is_korean_name.cache_clear()


def test_transliteration_candidates_without_table(tmp_path, monkeypatch):
    monkeypatch.setattr(names, "TRANSLITERATIONS", tmp_path / "absent.tsv")
    names.transliterations.cache_clear()
    names.transliteration_candidates.cache_clear()
    names.is_korean_name.cache_clear()
    try:
        assert "Pyongyang" in transliteration_candidates("평양")
    finally:
        names.transliterations.cache_clear()
        names.transliteration_candidates.cache_clear()
        names.is_korean_name.cache_clear()


def test_people_listed_in_the_transliteration_table_score_high():
    """The lexicon helper's table lists public figures (반기문 Ban Ki-moon): an independent check."""
    table = names.transliterations()
    pairs = [(ko, en) for ko, ens in table.items() for en in ens
             if is_korean_name(ko) and len(names._roman_tokens(en)) >= 2]
    if len(pairs) < 20:
        pytest.skip("transliterations.tsv lists too few people")
    good = sum(name_score(ko, en) >= 0.85 for ko, en in pairs)
    print(f"people in transliterations.tsv: {good}/{len(pairs)} score >= 0.85")
    assert good / len(pairs) >= 0.9
