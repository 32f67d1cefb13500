"""Two runs of one term's links with only free words of one noun phrase between them render the
term together ('Ministry' ... 'Affairs' -> 'Ministry of Foreign Affairs', 'persons' ... 'disabilities'
-> 'persons with disabilities'): on a small archive the model ties a phrase's rarer words to the
term weakly or not at all, and the heavier run alone is a cut-short rendering."""

from __future__ import annotations

from test_terms import posteriors

from toolkit.terms.renderings import English, render


def test_a_free_capitalised_word_between_two_links_joins_them():
    en = English.of("The Ministry of Foreign Affairs summoned the ambassador on Monday.")
    rows = posteriors(en, {"Ministry": 0.8, "Affairs": 0.5}, {"ambassador": 0.9})
    assert render([0], rows, en, 0.9).text == "Ministry of Foreign Affairs"


def test_a_preposition_of_the_noun_phrase_joins_two_links():
    en = English.of("The province pays a monthly allowance to persons with disabilities.")
    rows = posteriors(en, {"persons": 0.4, "disabilities": 0.7}, {"allowance": 0.9})
    assert render([0], rows, en, 0.9).text == "persons with disabilities"
    # a free modifier inside the phrase comes along ('severe' of 최중증 장애인, which no word links)
    en = English.of("Families caring for persons with severe disabilities get a care allowance.")
    rows = posteriors(en, {"persons": 0.4, "disabilities": 0.7}, {"allowance": 0.9})
    assert render([0], rows, en, 0.9).text == "persons with severe disabilities"


def test_a_word_another_korean_word_links_keeps_the_runs_apart():
    en = English.of("The Ministry of Foreign Affairs summoned the ambassador on Monday.")
    rows = posteriors(en, {"Ministry": 0.8, "Affairs": 0.5}, {"Foreign": 0.9})
    assert render([0], rows, en, 0.9).text == "Ministry"


def test_no_bridge_across_punctuation_a_verb_or_and():
    en = English.of("Officials of the ministry, citing security, declined to comment.")
    rows = posteriors(en, {"ministry": 0.8, "security": 0.5})
    assert render([0], rows, en, 0.9).text == "ministry"
    en = English.of("The ministry arrested smugglers in the city.")
    rows = posteriors(en, {"ministry": 0.8, "smugglers": 0.5})
    assert render([0], rows, en, 0.9).text == "ministry"  # 'arrested' is a verb, not a word of the phrase
    en = English.of("The police and the prosecutors opened a case.")
    rows = posteriors(en, {"police": 0.8, "prosecutors": 0.5})
    assert render([0], rows, en, 0.9).text == "police"  # "and" joins two phrases, it bridges none
