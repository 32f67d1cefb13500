"""Two runs of one term's links with only free words of one noun phrase between them render the
term together ('Ministry' ... 'Affairs' -> 'Ministry of Foreign Affairs', 'persons' ... 'disabilities'
-> 'persons with disabilities'): on a small archive the model ties a phrase's rarer words to the
term weakly or not at all, and the heavier run alone is a cut-short rendering."""

from __future__ import annotations

import pytest
from test_terms import posteriors

from toolkit.terms.renderings import English, render


def test_a_free_capitalised_word_joins_two_links_and_a_word_another_korean_word_claims_parts_them():
    en = English.of("The Ministry of Foreign Affairs summoned the ambassador on Monday.")
    found = [render([0], posteriors(en, {"Ministry": 0.8, "Affairs": 0.5}, claim), en, 0.9).text
             for claim in ({"ambassador": 0.9}, {"Foreign": 0.9}, {"Foreign": 0.2})]
    # a weaker claim of another word, more than the term's, parts them too: its rendering may grow onto it
    assert found == ["Ministry of Foreign Affairs", "Ministry", "Ministry"]


def test_a_preposition_of_the_noun_phrase_joins_two_links():
    en = English.of("The province pays a monthly allowance to persons with disabilities.")
    rows = posteriors(en, {"persons": 0.4, "disabilities": 0.7}, {"allowance": 0.9})
    assert render([0], rows, en, 0.9).text == "persons with disabilities"
    # a free modifier inside the phrase comes along (a 'severe' no Korean word links)
    en = English.of("From March the county doubles its grant to persons with severe disabilities.")
    rows = posteriors(en, {"persons": 0.4, "disabilities": 0.7}, {"grant": 0.9})
    assert render([0], rows, en, 0.9).text == "persons with severe disabilities"
    # and a word hyphened to the one before it ('State-run')
    en = English.of("State-run media carried the speech in full.")
    rows = posteriors(en, {"State": 0.8, "media": 0.5}, {"speech": 0.9})
    assert render([0], rows, en, 0.9).text == "State-run media"


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


@pytest.mark.parametrize("text, first, second", [
    ("Police made arrests across the port town.", "Police", "arrests"),  # a verb no suffix marks
    ("Border guards began patrols along the river.", "guards", "patrols"),
    ("Traders still face fines for selling rice.", "Traders", "fines"),
    ("Officials held talks with brokers in Dandong.", "Officials", "brokers"),  # 'with' after the verb
    ("The report the unification ministry released drew fire.", "report", "ministry"),  # a clause, no 'that'
    ("Prices of rice the traders sell have doubled.", "Prices", "traders"),  # 'the' after no preposition
    ("Chairman Ri of the Committee spoke first.", "Chairman", "Committee"),  # a name of its own between
])
def test_no_bridge_over_a_content_word_that_no_preposition_opens(text, first, second):
    # two noun phrases, or a noun and a clause: the words between them are no phrase of the term
    en = English.of(text)
    rows = posteriors(en, {first: 0.8, second: 0.5})
    assert render([0], rows, en, 0.9).text == first
