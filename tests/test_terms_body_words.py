"""A body's name written as ordinary nouns together (a university department: 해양생명과학과),
whose nouns are no terms and so have no rows to build it from: rows._bodies_of_words finds it
through the lexicon's words for its nouns and the head its Korean ending names."""

from test_terms import TableModel

from toolkit.align.english import stem
from toolkit.terms.beads import Bead
from toolkit.terms.korean import TermVocabulary, korean_units
from toolkit.terms.model import merged_units
from toolkit.terms.renderings import English
from toolkit.terms.rows import term_rows

KOREAN = "한빛대학교 해양생명과학과 박민준 교수 연구팀이 새로운 백신을 개발했다."
# the lexicon's words for the department's nouns: ordinary words, none of them a term here
ENTRIES = {"해양": {(stem("marine"),)}, "생명": {(stem("life"),)}, "과학": {(stem("science"),)},
           "교수": {(stem("professor"),)}, "백신": {(stem("vaccine"),)}}


def _rows(english: str) -> dict[str, dict]:
    words = TermVocabulary({"교수", "백신"})
    bead = Bead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(KOREAN))], words))
    model = TableModel({("교수", stem("Professor")): 0.9, ("백신", stem("vaccine")): 0.9})
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, ENTRIES)}


def test_a_department_named_by_ordinary_words_gets_a_row_from_the_lexicon_and_its_head():
    rows = _rows("A research team led by Professor Park Min-jun of the Department of Marine Life Sciences "
                 "at Hanbit University has developed a new vaccine.")
    # the name begins at its head: the title and the person before it are not part of it
    assert rows["해양생명과학과"]["en_rendering"] == "Department of Marine Life Sciences"
    assert rows["해양생명과학과"]["status"] == "rendered"
    assert rows["교수"]["en_rendering"] == "Professor" and rows["교수"]["part_of"] is None


def test_no_row_where_the_english_writes_no_capitalised_name_holding_its_head_and_words():
    # in lower case, the words are a description, not the body's name
    assert "해양생명과학과" not in _rows("A marine life science team led by Professor Park Min-jun "
                                  "at Hanbit University has developed a new vaccine.")
    # the head alone, with none of the department's words, names some other department
    assert "해양생명과학과" not in _rows("Professor Park Min-jun of the Department of Chemistry "
                                  "at Hanbit University has developed a new vaccine.")
