"""A compound met once, which the model ties evenly to every rare word of its bead, is rendered by the
proper name that writes its head and another of its pieces, even where the name leaves a piece out."""

from __future__ import annotations

from toolkit.align.wordalign import phrase_stems
from toolkit.terms.compounds import render_name_of_pieces
from toolkit.terms.renderings import English

LEXICON = {"국립": ["national"], "중앙": ["central"], "도서관": ["library"], "시민": ["citizen"]}
PIECES = ("국립", "중앙", "도서관")


def phrases_of(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [phrase_stems(r) for k in keys for r in LEXICON.get(k, ())]


def known(word: str) -> bool:
    return word in LEXICON


def test_the_name_writing_the_head_and_another_piece_renders_the_compound():
    en = English.of("Readers lined up outside the National Library of Korea in Seoul on Monday.")
    found = render_name_of_pieces(PIECES, en, phrases_of, known)
    assert found is not None and found.text == "National Library of Korea"  # 'Central' left out, no date taken


def test_no_name_without_the_head_or_with_the_head_alone():
    en = English.of("Readers lined up outside the National Museum of Korea in Seoul.")
    assert render_name_of_pieces(PIECES, en, phrases_of, known) is None  # no 'Library'
    en = English.of("Readers lined up outside the Library in Seoul.")
    assert render_name_of_pieces(PIECES, en, phrases_of, known) is None  # the head alone
    en = English.of("The national library opened a new wing.")
    assert render_name_of_pieces(PIECES, en, phrases_of, known) is None  # not written as a proper name
    en = English.of("Library staff said the National Assembly met.")
    assert render_name_of_pieces(PIECES, en, phrases_of, known) is None  # capitalised only as a sentence opens


def test_a_barred_word_is_no_piece_of_the_name():
    en = English.of("Readers lined up outside the National Library of Korea in Seoul.")
    national = next(n for n in range(len(en.content)) if en.word(n) == "National")
    assert render_name_of_pieces(PIECES, en, phrases_of, known, barred={national}) is None


def test_a_title_in_capitals_is_no_name():
    # every word of a title written in capitals is capitalised: the whole title would be read as one name
    en = English.of("READERS LINED UP OUTSIDE THE NATIONAL LIBRARY OF KOREA ON MONDAY.")
    assert render_name_of_pieces(PIECES, en, phrases_of, known) is None
    # a name in capitals inside a sentence written in lower case is still a name
    en = English.of("Readers lined up outside the NATIONAL LIBRARY OF KOREA on Monday.")
    found = render_name_of_pieces(PIECES, en, phrases_of, known)
    assert found is not None and found.text == "NATIONAL LIBRARY OF KOREA"
