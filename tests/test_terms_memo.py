"""The bead memo of the terms rows (toolkit.terms.memo): a bead that reads the same as one met
before takes that bead's rows, labelled for itself, and gives what it would give alone."""

from __future__ import annotations

import pytest
from test_terms import TableModel

from toolkit.align.english import stem
from toolkit.terms import memo as memo_module
from toolkit.terms import rows as rows_module
from toolkit.terms.beads import Bead
from toolkit.terms.grouping import phrase_key
from toolkit.terms.korean import TermVocabulary, korean_units
from toolkit.terms.model import merged_units
from toolkit.terms.renderings import English
from toolkit.terms.rows import keyed_rows

KOREAN = "보위부는 국경 지역에서 밀수꾼 세 명을 체포했다."
ENGLISH = "The MSS arrested three smugglers in the border area."
KNOWN = {"보위부", "밀수꾼", "국경", "체포"}
LINKS = {("보위부", "MSS"): 0.8, ("밀수꾼", "smugglers"): 0.7, ("국경", "border"): 0.8, ("체포", "arrested"): 0.8}


def _bead(article: str, number: int, sentence: str, cert: float = 0.9, english: str = ENGLISH) -> Bead:
    return Bead(article, number, cert, English.of(english), merged_units([(sentence, korean_units(KOREAN))],
                                                                         TermVocabulary(KNOWN)))


@pytest.fixture
def model() -> TableModel:
    return TableModel({(k, stem(e)): p for (k, e), p in LINKS.items()})


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The terms rendered anew (not taken from the memo)."""
    met: list[str] = []
    plain = rows_module.render

    def counted(*args, **kwargs):
        met.append(args[7])
        return plain(*args, **kwargs)

    monkeypatch.setattr(rows_module, "render", counted)
    return met


def _alone(bead: Bead, expansions: dict, model: TableModel) -> list[dict]:
    memo_module._MEMO.clear()
    return keyed_rows([bead], expansions, TermVocabulary(KNOWN), model)


def test_a_bead_met_again_takes_its_rows_labelled_for_itself(model, renders):
    words = TermVocabulary(KNOWN)
    first, again = _bead("a", 0, "ko-s1"), _bead("b", 4, "ko-s9")
    expansions = {"b": {"MSS": "Ministry of State Security"}}
    memo_module._MEMO.clear()
    rows = keyed_rows([first], expansions, words, model)
    rendered = len(renders)
    assert rendered >= 3
    later = keyed_rows([again], expansions, words, model)
    assert len(renders) == rendered  # nothing rendered anew
    assert later == _alone(again, expansions, model)
    assert {r["article_id"] for r in later} == {"b"} and {r["bead"] for r in later} == {4}
    assert {r["sentence_id"] for r in later} == {"ko-s9"}
    # the article's own acronyms group its renderings
    ministry = {r["ko_term"]: r["rendering_group"] for r in later}["보위부"]
    assert ministry == phrase_key("Ministry of State Security")
    assert {r["ko_term"]: r["rendering_group"] for r in rows}["보위부"] == phrase_key("MSS")


def test_a_bead_that_reads_otherwise_is_rendered_anew(model, renders):
    words = TermVocabulary(KNOWN)
    memo_module._MEMO.clear()
    keyed_rows([_bead("a", 0, "ko-s1")], {}, words, model)
    # unsure where it was sure: whether a term may be called omitted changes
    doubtful = _bead("a", 1, "ko-s2", cert=0.2)
    before = len(renders)
    found = keyed_rows([doubtful], {}, words, model)
    assert len(renders) > before
    assert found == _alone(doubtful, {}, model)
    other = _bead("a", 2, "ko-s3", english="The MSS arrested three smugglers near the border.")
    before = len(renders)
    keyed_rows([other], {}, words, model)
    assert len(renders) > before


def test_a_model_given_new_tables_starts_a_new_memo(model, renders):
    words = TermVocabulary(KNOWN)
    memo_module._MEMO.clear()
    bead = _bead("a", 0, "ko-s1")
    keyed_rows([bead], {}, words, model)
    model.links = {**model.links, ("밀수꾼", stem("border")): 0.9}  # trained again: a new table
    before = len(renders)
    assert keyed_rows([bead], {}, words, model) == _alone(bead, {}, model)
    assert len(renders) > before


def test_kept_rows_are_copies_a_caller_may_change(model):
    words = TermVocabulary(KNOWN)
    memo_module._MEMO.clear()
    rows = keyed_rows([_bead("a", 0, "ko-s1")], {}, words, model)
    for row in rows:
        row["en_rendering"], row["part_of"] = "changed", "changed"
    again = keyed_rows([_bead("a", 1, "ko-s2")], {}, words, model)
    assert again == _alone(_bead("a", 1, "ko-s2"), {}, model)
    assert all(r["en_rendering"] != "changed" for r in again)
