"""A word joined of pieces grows its rendering to a word for each piece (호흡기관 'respiratory
organs'), through a neighbour that no Korean word claims but as the model's spread of rare words
(competitive linking); and the lexicon knows the official English names of public bodies."""

from __future__ import annotations

from test_terms import _terms_bead, posteriors

from toolkit.terms.renderings import English, render

TEXT = "Doctors found the virus in the respiratory organs of the patients."


def test_a_joined_word_takes_the_modifier_its_other_piece_writes():
    # 'respiratory' is tied to the term faintly and to another Korean word that links 'Doctors' far away
    en = English.of(TEXT)
    rows = posteriors(en, {"organs": 0.95, "respiratory": 0.02}, {"Doctors": 0.9, "respiratory": 0.3})
    assert render([0], rows, en, 0.9, pieces=2).text == "respiratory organs"
    assert render([0], rows, en, 0.9).text == "organs"  # a word of one piece: no growth
    assert render([0], rows, en, 0.9, pieces=3).text == "respiratory organs"  # no further than a tight noun phrase


def test_a_rival_whose_own_best_word_is_the_neighbour_keeps_it():
    en = English.of(TEXT)
    # the other Korean word links 'respiratory' best: a translation of its own, not spread probability
    rows = posteriors(en, {"organs": 0.95, "respiratory": 0.02}, {"respiratory": 0.3})
    assert render([0], rows, en, 0.9, pieces=2).text == "organs"
    # nor does a joined word grow rightwards ('pressure system')
    en = English.of("Experts said the pressure system's edge moved north.")
    rows = posteriors(en, {"pressure": 0.9}, {"Experts": 0.9, "system": 0.2, "edge": 0.2})
    assert render([0], rows, en, 0.9, pieces=2).text == "pressure"


def test_rows_pass_the_pieces_of_a_joined_word():
    links = {("호흡기관", "organs"): 0.95, ("호흡기관", "respiratory"): 0.02, ("의료진", "doctors"): 0.9,
             ("의료진", "respiratory"): 0.3, ("바이러스", "virus"): 0.9}
    rows = _terms_bead("의료진은 환자들의 호흡기관에서 바이러스를 찾아냈다.", TEXT, {"호흡기관", "바이러스", "의료진"}, links)
    assert rows["호흡기관"]["en_rendering"] == "respiratory organs"


def test_the_lexicon_names_a_ministry_by_its_official_english_name():
    from test_terms import TableModel

    from toolkit.align import load_lexicon
    from toolkit.align.english import stem
    from toolkit.terms.beads import Bead
    from toolkit.terms.korean import TermVocabulary, korean_units
    from toolkit.terms.model import merged_units
    from toolkit.terms.rows import keyed_rows

    entries = load_lexicon().entries
    assert ("minist", "health", "welfar") in entries["보건복지부"]
    # the model ties the joined word to one word of the name; the lexicon's name, written whole, grows it
    words = TermVocabulary(entries)
    units = merged_units([("ko-s1", korean_units("보건복지부는 독감 환자가 늘었다고 밝혔다."))], words)
    bead = Bead("a", 0, 0.9, English.of("The Ministry of Health and Welfare said flu cases rose."), units)
    model = TableModel({("독감", "flu"): 0.9, ("보건복지부", stem("Welfare")): 0.6})
    rows = {r["ko_term"]: r for r in keyed_rows([bead], {}, words, model, entries, entries)}
    assert rows["보건복지부"]["en_rendering"] == "Ministry of Health and Welfare"


def test_a_joined_word_does_not_grow_across_a_spaced_dash():
    # a hyphen with a space beside it is a dash between two phrases, not a compound's join
    for dash in (" - ", " -- ", "- "):
        en = English.of(f"Doctors examined the lungs{dash}organs that fail first.")
        rows = posteriors(en, {"organs": 0.95}, {"Doctors": 0.9})
        assert render([0], rows, en, 0.9, pieces=2).text == "organs"
    # a hyphen joining the words still does ('lung-organs'), as does a space
    for join in ("-", " "):
        en = English.of(f"Doctors examined the lung{join}organs that fail first.")
        rows = posteriors(en, {"organs": 0.95}, {"Doctors": 0.9})
        assert render([0], rows, en, 0.9, pieces=2).text == f"lung{join}organs"
