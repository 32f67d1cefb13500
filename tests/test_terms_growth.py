"""Renderings grown to the words the English writes for the whole term: a neighbour only the
term claims (or that only a generic noun claims more), the head a Korean ending names among names
alike in sound, and a compound written as one Korean word whose nouns the English renders together."""

from __future__ import annotations

from test_terms import _terms_bead, posteriors

from toolkit.align.phonetic import similar
from toolkit.terms.renderings import English, render


def test_a_neighbour_no_other_korean_word_claims_joins_the_span_however_weakly_the_term_claims_it():
    en = English.of("Consumer sentiment froze after the emergency martial law shock.")
    grown = render([0], posteriors(en, {"emergency": 0.5, "martial": 0.06, "law": 0.06}), en, 0.9)
    assert grown.text == "emergency martial law"
    # another Korean word's faint claim (FAINT) keeps it out, and so the word after it
    claimed = render([0], posteriors(en, {"emergency": 0.5, "martial": 0.06, "law": 0.06}, {"martial": 0.12}), en, 0.9)
    assert claimed.text == "emergency"
    # a claim below SOLE is no evidence at all
    faint = render([0], posteriors(en, {"emergency": 0.5, "martial": 0.01, "law": 0.01}), en, 0.9)
    assert faint.text == "emergency"


def test_a_weak_sole_claim_does_not_join_a_subject_to_its_verb():
    en = English.of("Officials say the North claims victory.")
    found = render([0], posteriors(en, {"North": 0.8, "claims": 0.06}), en, 0.9)
    assert found.text == "North"  # a name and a lower-case word after it are no one phrase
    en = English.of("The army declared emergency measures.")
    found = render([0], posteriors(en, {"measures": 0.8, "declared": 0.06}), en, 0.9)
    assert found.text == "measures"  # no verb form joins a noun


def test_an_r_before_w_is_sounded_in_a_romanized_korean_name():
    # 철원 Cheorwon, 노르웨이 Norway: the r is written for ㄹ; an r before a consonant stays silent (컴퓨터 computer)
    assert similar("철원", "Cheorwon") and similar("철원", "Chorwon") and similar("노르웨이", "Norway")
    assert similar("컴퓨터", "computer")


def test_of_two_runs_alike_in_sound_the_one_the_korean_endings_head_follows_is_the_term():
    from toolkit.terms.renderings import render_by_sound
    from toolkit.terms.sound import begins_alike

    # 'Cheorwon-eup' (철원읍), written first, sounds like 철원군 as near as 'Cheorwon County' does:
    # the ending 군 names 'County'
    en = English.of('[Kim Mi-ran/Cheorwon-eup, Cheorwon County: "We planted the seedlings on April 23."]')
    unclaimed = [[0.0, 0.0, 1.0] for _ in en.content]
    assert render_by_sound("철원군", en, unclaimed, [0], alike=begins_alike).text == "Cheorwon County"
    assert render_by_sound("철원읍", en, unclaimed, [0], alike=begins_alike).text == "Cheorwon-eup"


def test_a_compound_written_as_one_word_is_rendered_where_its_nouns_english_stands_together():
    known = {"공공장소", "흉기", "휴대", "경찰", "체포"}
    links = {("공공장소", "public"): 0.8, ("공공장소", "place"): 0.8, ("흉기", "weapon"): 0.9,
             ("휴대", "carrying"): 0.9, ("경찰", "police"): 0.9, ("체포", "arrested"): 0.9}
    rows = _terms_bead("경찰은 30대 남성을 공공장소흉기휴대죄로 현행범 체포했다.",
                       "Police arrested the man for carrying a weapon in a public place.", known, links)
    whole = rows["공공장소흉기휴대죄"]
    assert whole["status"] == "rendered" and whole["en_rendering"] == "carrying a weapon in a public place"
    assert rows["흉기"]["part_of"] == "공공장소흉기휴대죄"


def test_a_compounds_english_holds_no_other_terms_word_and_no_clause():
    from toolkit.terms.compounds import render_written_together

    en = English.of("Police said he was carrying a sharp weapon in a public place.")
    pieces = ["carrying", "weapon", "public place"]
    assert render_written_together(pieces, en).text == "carrying a sharp weapon in a public place"
    sharp = en.text.index("sharp")
    assert render_written_together(pieces, en, [(sharp, sharp + 5)]) is None  # another term renders 'sharp'
    en = English.of("North Korea to substantially improve its human rights record.")
    assert render_written_together(["North Korea", "human rights"], en) is None  # 'to', 'its' begin a clause
    assert render_written_together(["weapon", "place"], English.of("A weapon, found in a place.")) is None


def test_a_joined_word_the_model_ties_to_nothing_is_rendered_by_the_words_that_sound_like_it():
    # Kiwi reads 남양 + 지구; the archive joins them; the English names the place by its sound alone
    korean = "지난주 폭우로 남양지구의 논밭이 물에 잠겼다."
    rows = _terms_bead(korean, "Last week's heavy rain flooded fields in Namyang, a source said.",
                       {"남양지구", "폭우"}, {("폭우", "rain"): 0.9})
    assert rows["남양지구"]["status"] == "rendered" and rows["남양지구"]["en_rendering"] == "Namyang"
    # no words alike in sound: still not found
    rows = _terms_bead(korean, "Last week's heavy rain flooded fields in the area, a source said.",
                       {"남양지구", "폭우"}, {("폭우", "rain"): 0.9})
    assert rows["남양지구"]["status"] == "not_found"


def test_an_r_before_w_may_still_be_silent_as_korean_writes_english_names():
    """terms21 sounded every r before a w (Cheorwon, Norway); Korean writes most English names with
    that r silent (다윈 Darwin, 셔우드 Sherwood, 어윈 Irwin): both readings must stay alike, in
    `similar` and in the aligner's name check, which finds a name by its skeleton first."""
    from toolkit.align import load_lexicon
    from toolkit.align.scoring import en_features, ko_features, name_matches

    for ko, en in [("다윈", "Darwin"), ("셔우드", "Sherwood"), ("머윈", "Merwin"), ("셔윈", "Sherwin"),
                   ("철원", "Cheorwon"), ("노르웨이", "Norway"), ("마르완", "Marwan")]:
        assert similar(ko, en), (ko, en)
    ef = [en_features("Sherwood Anderson read Darwin in a village near Cheorwon.")]
    kf = [ko_features("셔우드 앤더슨은 철원 인근 마을에서 다윈을 읽었다.", load_lexicon())]
    found = name_matches(ef, kf)
    # 다윈 (TN) and Darwin sounded (TRN) differ in length: only the silent reading's index entry finds it
    assert found["다윈"] == {("darwin",)} and found["철원"], found


def test_a_generic_nouns_claim_keeps_no_tight_neighbour_from_the_term():
    # 딥러닝 glossed by a parenthesis the English leaves out, whose 학습 (the stop list's) claims
    # 'learning' more than 딥러닝 does
    en = English.of("Deep learning tools now sort satellite photos in seconds.")
    rows = posteriors(en, {"Deep": 0.8, "learning": 0.32}, {"learning": 0.6})
    assert render([0], rows, en, 0.9, generic=[1]).text == "Deep learning"
    # a noun that is no generic one keeps its word
    assert render([0], rows, en, 0.9).text == "Deep"
    # and the term must link the word by its own mass: a weak claim is the habit of a noun written
    # beside another (북한 tied a little to the 'residents' of 주민, which is no head of 북한 in 북한의 주민들)
    for weak in (0.1, 0.2):
        rows = posteriors(en, {"Deep": 0.8, "learning": weak}, {"learning": 0.7})
        assert render([0], rows, en, 0.9, generic=[1]).text == "Deep"
    en = English.of("North Korean residents crossed the river at night.")
    rows = posteriors(en, {"North": 0.8, "Korean": 0.7, "residents": 0.2}, {"residents": 0.7})
    assert render([0], rows, en, 0.9, generic=[1]).text == "North Korean"
