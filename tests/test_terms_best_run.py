"""Of two runs of links, the one holding a lexicon rendering of the term renders it, whatever the
model's mass says: the mass of a word met seldom spreads onto a word that only shares a stem."""

from __future__ import annotations

from test_terms import posteriors

from toolkit.align.english import stem
from toolkit.align.wordalign import phrase_stems
from toolkit.terms.renderings import English, render

TEXT = "The National Assembly asked the UN to send food aid."
UN = [phrase_stems("UN"), phrase_stems("United Nations")]


def test_the_run_holding_a_lexicon_rendering_wins_over_more_mass():
    en = English.of(TEXT)
    assert stem("National") == stem("Nations")  # why the model's mass went there
    rows = posteriors(en, {"National": 0.7, "UN": 0.6}, {"Assembly": 0.9, "food": 0.8})
    assert render([0], rows, en, 0.9, UN, term_key="유엔").text == "UN"
    # with no lexicon rendering, the mass decides
    assert render([0], rows, en, 0.9, term_key="유엔").text == "National"


def test_countries_abbreviated_together_keep_the_mass_order():
    # 한미: a run holding one country ('Korea') is no rendering of the pair
    en = English.of("North Korea fired a missile, and Seoul and Washington condemned it.")
    rows = posteriors(en, {"Seoul": 0.6, "Washington": 0.6, "Korea": 0.5}, {"missile": 0.9})
    found = render([0], rows, en, 0.9, [phrase_stems("Korea"), phrase_stems("United States")], term_key="한미")
    assert found.text != "North Korea"


def test_of_runs_alike_in_stem_the_one_writing_the_lexicon_word_wins():
    # 'government' and 'Governor' share the stem 'govern', so the model gives them the same mass;
    # the lexicon renders 지사 "governor", not "government"
    en = English.of("Left out of the government's relief plan, farmers got help from Governor Park.")
    assert stem("government") == stem("Governor")
    rows = posteriors(en, {"government's": 0.6, "Governor": 0.6}, {"plan": 0.9})
    assert render([0], rows, en, 0.9, [phrase_stems("governor")], term_key="지사").text == "Governor"
    # with no lexicon word of its own written (a term the lexicon lacks), the first run, as before
    assert render([0], rows, en, 0.9, [phrase_stems("governor")], term_key="도백").text == "government"
