"""A word joined of pieces grows its rendering to a word for each piece (소화기관 'digestive
organs'), through a neighbour that no Korean word claims but as the model's spread of rare words
(competitive linking); and the lexicon knows the official English names of public bodies."""

from __future__ import annotations

from test_terms import _terms_bead, posteriors

from toolkit.terms.renderings import English, render

TEXT = "Researchers found the bacteria in the digestive organs of mammals."


def test_a_joined_word_takes_the_modifier_its_other_piece_writes():
    # 'digestive' is tied to the term faintly and to another Korean word that links 'Researchers' far away
    en = English.of(TEXT)
    rows = posteriors(en, {"organs": 0.95, "digestive": 0.02}, {"Researchers": 0.9, "digestive": 0.3})
    assert render([0], rows, en, 0.9, pieces=2).text == "digestive organs"
    assert render([0], rows, en, 0.9).text == "organs"  # a word of one piece: no growth
    assert render([0], rows, en, 0.9, pieces=3).text == "digestive organs"  # no further than a tight noun phrase


def test_a_rival_whose_own_best_word_is_the_neighbour_keeps_it():
    en = English.of(TEXT)
    # the other Korean word links 'digestive' best: a translation of its own, not spread probability
    rows = posteriors(en, {"organs": 0.95, "digestive": 0.02}, {"digestive": 0.3})
    assert render([0], rows, en, 0.9, pieces=2).text == "organs"
    # nor does a joined word grow rightwards, past a possessive, or over a word another case writes
    en = English.of("Experts said the pressure system's edge moved north.")
    rows = posteriors(en, {"pressure": 0.9}, {"Experts": 0.9, "system": 0.2, "edge": 0.2})
    assert render([0], rows, en, 0.9, pieces=2).text == "pressure"


def test_rows_pass_the_pieces_of_a_joined_word():
    links = {("소화기관", "organs"): 0.95, ("소화기관", "digestive"): 0.02, ("연구진", "researchers"): 0.9,
             ("연구진", "digestive"): 0.3, ("세균", "bacteria"): 0.9}
    rows = _terms_bead("연구진은 소화기관에서 세균을 찾았다.", TEXT, {"소화기관", "세균", "연구진"}, links)
    assert rows["소화기관"]["en_rendering"] == "digestive organs"


def test_the_lexicon_names_a_ministry_by_its_official_english_name():
    from test_terms import TableModel

    from toolkit.align import load_lexicon
    from toolkit.align.english import stem
    from toolkit.terms.beads import Bead
    from toolkit.terms.korean import TermVocabulary, korean_units
    from toolkit.terms.model import merged_units
    from toolkit.terms.rows import keyed_rows

    entries = load_lexicon().entries
    assert ("minist", "trad", "indust", "energi") in entries["산업통상자원부"]
    # the model ties the joined word to one word of the name; the lexicon's name, written whole, grows it
    words = TermVocabulary(entries)
    units = merged_units([("ko-s1", korean_units("산업통상자원부는 수출이 늘었다고 밝혔다."))], words)
    bead = Bead("a", 0, 0.9, English.of("The Ministry of Trade, Industry and Energy said exports rose."), units)
    model = TableModel({("수출", "export"): 0.9, ("산업통상자원부", stem("Industry")): 0.6})
    rows = {r["ko_term"]: r for r in keyed_rows([bead], {}, words, model, entries,
                                                entries)}
    assert rows["산업통상자원부"]["en_rendering"] == "Ministry of Trade, Industry and Energy"
