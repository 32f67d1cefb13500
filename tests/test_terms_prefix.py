"""A Korean prefix Kiwi splits off a noun (반사회주의 -> 반 + 사회주의) is rendered by the English
prefix hyphened to the noun's rendering: the rendering takes it along ('anti-socialist')."""

from __future__ import annotations

from toolkit.terms.korean import korean_units
from toolkit.terms.renderings import English, Rendering, with_prefix


def test_kiwi_leaves_the_prefix_as_the_nouns_lead():
    units = [u for u in korean_units("당국은 반사회주의·비사회주의 행위를 뿌리 뽑겠다고 밝혔다.") if u.key == "사회주의"]
    assert [u.lead for u in units] == ["반", "비"]


def test_the_rendering_takes_the_hyphened_english_prefix_of_its_korean_prefix():
    en = English.of("Officials vowed to stamp out anti-socialist and non-socialist acts in the county.")
    found = Rendering("rendered", "socialist", 0.8)
    assert with_prefix(found, "반", en).text == "anti-socialist"
    assert with_prefix(found, "비", en).text == "non-socialist"
    assert with_prefix(found, "반", en).confidence == 0.8


def test_no_prefix_without_a_korean_one_or_without_the_english_one():
    en = English.of("Officials vowed to stamp out anti-socialist acts; socialist ideals stay, they said.")
    found = Rendering("rendered", "socialist", 0.8)
    assert with_prefix(found, "", en) == found  # the Korean has no prefix
    assert with_prefix(found, "친", en) == found  # 'pro-' is not written
    assert with_prefix(Rendering("not_found", None, 0.0), "반", en).text is None
    en = English.of("They were accused of anti-socialistic behaviour.")
    assert with_prefix(found, "반", en) == found  # 'socialist' is not a word of its own there
