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

KOREAN = "한빛대학교는 해양생명과학과 박민준 교수 연구팀이 굴 양식장의 집단 폐사를 막는 백신을 개발했다고 밝혔다."
# the lexicon's words for the department's nouns: ordinary words, none of them a term here
ENTRIES = {"해양": {(stem("marine"),)}, "생명": {(stem("life"),)}, "과학": {(stem("science"),)},
           "교수": {(stem("professor"),)}, "백신": {(stem("vaccine"),)}}


def _rows(english: str) -> dict[str, dict]:
    words = TermVocabulary({"교수", "백신"})
    bead = Bead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(KOREAN))], words))
    model = TableModel({("교수", stem("Professor")): 0.9, ("백신", stem("vaccine")): 0.9})
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, ENTRIES)}


def test_a_department_named_by_ordinary_words_gets_a_row_from_the_lexicon_and_its_head():
    rows = _rows("Hanbit University said Professor Park Min-jun of the Department of Marine Life Sciences "
                 "and his team had made a vaccine that keeps oysters on farms from dying off.")
    # the name begins at its head: the title and the person before it are not part of it
    assert rows["해양생명과학과"]["en_rendering"] == "Department of Marine Life Sciences"
    assert rows["해양생명과학과"]["status"] == "rendered"
    assert rows["교수"]["en_rendering"] == "Professor" and rows["교수"]["part_of"] is None


def test_no_row_where_the_english_writes_no_capitalised_name_holding_its_head_and_words():
    # in lower case, the words are a description, not the body's name
    assert "해양생명과학과" not in _rows("Hanbit University said a marine life science team under Professor "
                                  "Park Min-jun had made a vaccine that keeps oysters on farms from dying off.")
    # the head alone, with none of the department's words, names some other department
    assert "해양생명과학과" not in _rows("Hanbit University said Professor Park Min-jun of the Department of "
                                  "Chemistry and his team had made a vaccine that keeps oysters on farms from dying off.")


def _rows_of(korean: str, english: str, entries: dict[str, tuple[str, ...]]) -> dict[str, dict]:
    """The rows of one bead whose one term is 백신 'vaccine' (a bead without a term has no rows) and
    whose other nouns have only the lexicon's words (`entries`)."""
    words = TermVocabulary({"백신"})
    bead = Bead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
    lexicon = {k: {tuple(map(stem, w.split())) for w in ws} for k, ws in {**entries, "백신": ("vaccine",)}.items()}
    model = TableModel({("백신", stem("vaccine")): 0.9})
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, lexicon)}


def test_a_noun_the_lexicon_knows_but_the_name_does_not_write_makes_it_another_bodys_name():
    # 해양 'marine' is no word of 'Department of Life Sciences': that department is not 해양생명과학과
    assert "해양생명과학과" not in _rows("Hanbit University said Professor Park Min-jun of the Department of "
                                  "Life Sciences and his team had made a vaccine that keeps oysters on farms from dying off.")


def test_a_title_joined_to_a_body_by_of_is_no_name_of_that_body():
    # 선임연구원 'senior researcher' is a title: 'Senior' and the institute's 'Institute' are two names
    rows = _rows_of("선임연구원 김서진 박사가 이끈 연구팀은 새 백신을 학회에서 발표했다.",
                    "A team led by Senior Researcher Seojin Kim of the Hanbit Research Institute presented "
                    "the new vaccine at a conference.",
                    {"선임": ("senior",), "연구원": ("researcher", "research institute"), "연구": ("research",)})
    assert "선임연구원" not in rows


def test_a_body_name_is_cut_to_its_own_words_at_both_ends():
    # the proper name before a head-last name is the name's ('Hanbit'), though the lexicon lacks 한빛
    rows = _rows_of("한빛해양연구원 관계자는 새 백신 개발에 성공했다고 밝혔다.",
                    "An official at the Hanbit Marine Research Institute said it had developed a new vaccine.",
                    {"해양": ("marine",), "연구원": ("researcher", "research institute")})
    assert rows["한빛해양연구원"]["en_rendering"] == "Hanbit Marine Research Institute"
    # the body it belongs to, written after 'of the', is another name
    rows = _rows_of("청진시 보건국 위생방역과 관계자에 따르면 주민들은 이달 안에 백신을 맞아야 한다.",
                    "According to an official of the Sanitation and Epidemic Prevention Section of the Chongjin "
                    "Public Health Bureau, residents must get the vaccine this month.",
                    {"위생": ("sanitation", "hygiene"), "방역": ("epidemic prevention", "quarantine"),
                     "주민": ("resident",)})
    assert rows["위생방역과"]["en_rendering"] == "Sanitation and Epidemic Prevention Section"


def test_a_story_noun_ending_in_an_endings_syllable_names_no_body():
    # 결과 'result' and 정부 'government' end in 과 and 부 but are words of their own, no body's ending
    rows = _rows_of("이번 연구결과는 한빛연구소가 백신 개발에 활용할 예정이다.",
                    "The Research Division of the Hanbit Institute plans to use the findings to develop a vaccine.",
                    {"연구": ("research",), "결과": ("result", "finding")})
    assert "연구결과" not in rows
    rows = _rows_of("미국정부는 백신 수출을 금지했다.", "The U.S. State Department banned vaccine exports.",
                    {"미국": ("U.S.", "United States"), "정부": ("government", "administration")})
    assert "미국정부" not in rows
