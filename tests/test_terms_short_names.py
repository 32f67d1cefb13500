"""Names written once: proper nouns of two syllables, rows only where the English writes them by
sound; nouns shaped like a Korean personal name, rows only where it writes them romanized whole."""

from __future__ import annotations

from test_terms import _terms_bead

KNOWN = {"소식통", "밀수꾼", "체포"}
LINKS = {("밀수꾼", "smugglers"): 0.9, ("소식통", "source"): 0.9}


def test_a_place_of_two_syllables_named_once_is_a_term_where_the_english_writes_it_by_its_sound():
    rows = _terms_bead("소식통은 후창에서 밀수꾼 두 명이 체포됐다고 전했다.",
                       "Two smugglers were arrested in Huchang, the source said.", KNOWN, LINKS)
    assert rows["후창"]["status"] == "rendered" and rows["후창"]["en_rendering"] == "Huchang"


def test_a_short_proper_noun_the_english_does_not_write_by_its_sound_has_no_row():
    rows = _terms_bead("소식통은 후창에서 밀수꾼 두 명이 체포됐다고 전했다.",
                       "Two smugglers were arrested near the border, the source said.", KNOWN, LINKS)
    assert "후창" not in rows and "소식통" in rows


def test_a_piece_kiwi_split_off_a_longer_name_is_no_short_name():
    rows = _terms_bead("김영근 교무는 밀수꾼 체포 소식을 전했다.",
                       "Kim Young-geun, an official, spoke of the arrest of smugglers.", KNOWN, LINKS)
    assert "김영" not in rows


def test_a_short_name_beginning_with_a_liquid_is_not_heard_in_an_english_word_beginning_with_w():
    """The sound skeleton of 'Walter' is RT, that of 리드 too (its W unheard): two consonants
    match many words, and the first written of a name would take the row of the second."""
    rows = _terms_bead("오바마 당선인은 이날 오전 월터 리드 육군병원을 찾아 부상병들을 위로했다.",
                       "President-elect Obama visited wounded troops at Walter Reed Army Medical Center.",
                       {"당선인", "부상병"}, {("당선인", "President-elect"): 0.9, ("부상병", "troops"): 0.9})
    assert rows["월터"]["en_rendering"] == "Walter" and rows["리드"]["en_rendering"] == "Reed"


def test_a_short_name_two_words_of_the_bead_sound_like_equally_has_no_rendering_of_either():
    """루터 sounds like 'Reed' as much as 'Luther' (RT both): two consonants cannot tell them, and
    the first written took the row."""
    rows = _terms_bead("오바마 당선인은 월터 리드 육군병원을 찾은 뒤 마틴 루터 킹 목사 추모 행사에 참석했다.",
                       "Obama visited Walter Reed Army Medical Center, then joined a service for the Reverend "
                       "Martin Luther King.", {"당선인", "목사"}, {("당선인", "Obama"): 0.9, ("목사", "Reverend"): 0.9})
    assert rows.get("루터", {}).get("en_rendering") != "Reed" and rows.get("리드", {}).get("en_rendering") != "Luther"


def test_a_short_name_the_english_writes_twice_keeps_its_row():
    rows = _terms_bead("소식통은 후창에서 밀수꾼 두 명이 체포됐다고 전했다.",
                       "Two smugglers were arrested in Huchang, the source said; Huchang is on the border.", KNOWN, LINKS)
    assert rows["후창"]["en_rendering"] == "Huchang"


# a broadcast's caption of a speaker (name/organisation title), where Kiwi tags the name a common noun
CAPTION = "[홍인서/기상청 예보관 : \"이번 주말까지 무더위가 이어지겠습니다.\"]"
CAPTION_LINKS = {("예보관", "forecaster"): 0.9, ("무더위", "heat"): 0.9, ("주말", "weekend"): 0.9}


def test_a_person_named_once_whom_kiwi_reads_as_a_common_noun_is_rendered_by_the_romanized_name():
    from toolkit.terms.korean import korean_units

    assert ("홍인서", "NNG") in [(u.key, u.tag) for u in korean_units(CAPTION)]  # the case this is about
    rows = _terms_bead(CAPTION, "The heat will last through the weekend, said Hong In-seo, a forecaster.",
                       {"예보관", "무더위", "주말"}, {**CAPTION_LINKS, ("홍인서", "Hong"): 0.6})
    assert rows["홍인서"]["status"] == "rendered" and rows["홍인서"]["en_rendering"] == "Hong In-seo"


def test_a_noun_shaped_like_a_name_that_the_english_does_not_romanize_has_no_row():
    rows = _terms_bead(CAPTION, "The heat will last through the weekend, a forecaster said.",
                       {"예보관", "무더위", "주말"}, {**CAPTION_LINKS, ("홍인서", "last"): 0.6})
    assert "홍인서" not in rows and rows["예보관"]["en_rendering"] == "forecaster"
