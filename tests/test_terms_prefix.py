"""A Korean prefix Kiwi splits off a noun (반사회주의 -> 반 + 사회주의) is rendered by the English
prefix hyphened to the noun's rendering: the rendering takes it along ('anti-socialist')."""

from __future__ import annotations

import pytest

from toolkit.terms.korean import korean_units
from toolkit.terms.renderings import English, Rendering, with_prefix


def test_kiwi_leaves_the_prefix_as_the_nouns_lead():
    units = [u for u in korean_units("보안 당국은 반사회주의·비사회주의 현상에 대한 집중 단속에 들어갔다.")
             if u.key == "사회주의"]
    assert [u.lead for u in units] == ["반", "비"]


@pytest.mark.parametrize("sentence, nouns", [
    ("항공사는 연료 비용이 오르자 비행 횟수를 줄였다.", {"비용", "비행"}),
    ("대통령 비서실장은 야당의 반대에도 법안 처리를 밀어붙였다.", {"비서실장", "반대"}),
    ("한반도 남부에 많은 비가 내렸다.", {"한반도", "비"}),
    ("반도체 수출이 석 달 연속 늘었다.", {"반도체"}),
])
def test_a_noun_that_only_begins_like_a_prefix_has_no_lead(sentence, nouns):
    # 비 is rain and the first syllable of 비용, 비행, 비서; 반 of 반대, 반도: no prefix, so no English one
    units = {u.key: u for u in korean_units(sentence)}
    assert nouns <= set(units) and all(units[key].lead == "" for key in nouns)


def test_the_rendering_takes_the_hyphened_english_prefix_of_its_korean_prefix():
    en = English.of("Security officials began a sweep against non-socialist and anti-socialist practices.")
    found = Rendering("rendered", "socialist", 0.8)
    assert with_prefix(found, "반", en).text == "anti-socialist"
    assert with_prefix(found, "비", en).text == "non-socialist"
    assert with_prefix(found, "반", en).confidence == 0.8


def test_no_prefix_without_a_korean_one_or_without_the_english_one():
    en = English.of("The sweep targets anti-socialist habits; socialist ideals stay, officials said.")
    found = Rendering("rendered", "socialist", 0.8)
    assert with_prefix(found, "", en) == found  # the Korean has no prefix
    assert with_prefix(found, "친", en) == found  # 'pro-' is not written
    assert with_prefix(Rendering("not_found", None, 0.0), "반", en).text is None
    en = English.of("They were accused of anti-socialistic behaviour.")
    assert with_prefix(found, "반", en) == found  # 'socialist' is not a word of its own there
