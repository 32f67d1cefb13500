"""A lone pair (one sentence facing one between anchors, no shared evidence) is refused when the
Korean quotes someone and the English reports no one's words (speech.py, Params.lone_speech)."""

from __future__ import annotations

import pytest

from toolkit.align import Params, align, load_lexicon
from toolkit.align.dp import Aligner
from toolkit.align.scoring import en_features, ko_features
from toolkit.align.speech import english_reports, korean_reports
from toolkit.model import Sentence

_EN = ["The Bank of Korea raised its benchmark interest rate to 3.5 percent on Thursday.",
       "Household debt has long worried policymakers.",
       "Prices of processed foods such as ramen rose 4.1 percent in April."]
_KO = ["한국은행이 목요일 기준금리를 3.5%로 올렸습니다.",
       "한 시중은행 관계자는 “당분간 대출 금리도 따라 오를 수밖에 없다”고 말했습니다.",
       "라면 등 가공식품 가격은 4월에 4.1% 올랐습니다."]


def _sents(texts: list[str], lang: str) -> list[Sentence]:
    return [Sentence(f"{lang}-s{i + 1}", t, lang, i) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _pairs(en: list[str], lexicon, params: Params | None = None) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.en, b.ko) for b in align(_sents(en, "en"), _sents(_KO, "ko"), lexicon, params).beads}


def test_korean_quotation_closed_by_a_quotative_particle_reports_speech() -> None:
    assert korean_reports("한 주민은 “쌀값이 한 달 새 두 배로 뛰었다”고 말했다.")
    assert korean_reports("그는 \"더는 버틸 수 없다\"며 가게 문을 닫았다.")
    assert korean_reports("“조금만 더 기다려 달라”라고 당부했다.")
    # a term or title set off in quotation marks is no one's words; nor an indirect report of a belief
    assert not korean_reports("정부는 “한반도 비핵화” 원칙을 다시 확인했다.")
    assert not korean_reports("전문가들은 물가가 당분간 더 오를 것이라고 본다.")


def test_english_quotation_or_verb_of_saying_reports_speech() -> None:
    def reports(text: str) -> bool:
        return english_reports(en_features(text).lower_words, text)

    assert reports("Rice prices doubled in a month, a resident said.")
    assert reports("According to the source, the market was closed.")
    assert reports("He called the plan ‘a dead end’.")
    assert not reports("The province borders China and is home to the country's arms industry.")


def test_background_facing_an_untranslated_quote_is_no_lone_pair(lexicon) -> None:
    en_f = [en_features(t) for t in _EN]
    ko_f = [ko_features(t, lexicon) for t in _KO]
    scorer = Aligner(en_f, ko_f, Params(), lazy=False)
    assert not scorer.has[1][1]  # nothing in common: only order and length could pair them
    assert ((1,), (1,)) in _pairs(_EN, lexicon, Params(lone_speech=False))
    beads = _pairs(_EN, lexicon)
    assert ((1,), (1,)) not in beads and {((1,), ()), ((), (1,))} <= beads
    assert {((0,), (0,)), ((2,), (2,))} <= beads  # the anchors stay


def test_an_english_sentence_reporting_the_words_still_pairs_alone(lexicon) -> None:
    """The translator's rendering keeps the attribution: it reports someone's words, so the
    lone pair stands, though it shares no word with the Korean."""
    en = list(_EN)
    en[1] = "It cannot be helped for a while, one banker warned."
    scorer = Aligner([en_features(t) for t in en], [ko_features(t, lexicon) for t in _KO], Params(), lazy=False)
    assert not scorer.has[1][1]
    assert ((1,), (1,)) in _pairs(en, lexicon)


@pytest.mark.parametrize("text", [
    "그는 “더는 물러설 곳이 없다”라면서 대책 마련을 촉구했다.",
    "한 소식통은 “국경 경비가 크게 강화됐다”라고도 전했다.",
    "그는 “검토한 바 없다”고만 짧게 답했다.",
    "당국은 ‘국경 봉쇄를 해제하라’고 지시했다.",
    "소식통은 '단속이 예전보다 심해졌다'고 전했다.",
    "노동신문은 「자력갱생만이 살길」이라며 증산을 독려했다.",
])
def test_korean_quotative_forms_news_writers_use_report_speech(text: str) -> None:
    """-라면서 is -라며's long form; -도 / -만 follow the particle (…라고도 전했다); news sets
    indirect and partial quotations in single marks, and some North Korean texts in 「」."""
    assert korean_reports(text)


@pytest.mark.parametrize("text", [
    "정부는 “비핵화”라는 원칙을 재확인했다.",  # a term named, not words reported
    "\"고 정주영 회장 생가\" 복원 사업이 이달 시작된다.",  # an opening mark before 고(故)
])
def test_a_term_or_an_opening_mark_before_a_particle_is_no_report(text: str) -> None:
    assert not korean_reports(text)


@pytest.mark.parametrize("text, expected", [
    ("The United States imposed new sanctions on the bank in 2017.", False),
    ("State media carried the report on Tuesday.", True),  # "report" is attribution
    ("Member states adopted the resolution without a vote.", False),
    ("Smugglers were paid in 100-yuan notes.", False),
    ("The minister vowed to hold those responsible to account.", True),
    ("He promised to raise wages next year.", True),
    ("She criticized the ministry for its slow response.", True),
    ("The official replied that no plan had been reviewed.", True),
    ("The source pointed out that border guards had been reinforced.", True),
    ("He wrote that the border had been sealed since March.", True),
])
def test_english_verbs_of_saying_not_nouns_of_state(text: str, expected: bool) -> None:
    """The English renderings of 약속했다 / 다짐했다 / 비판했다 / 답했다 / 지적했다 report words; the
    United States, member states and bank notes do not."""
    assert english_reports(en_features(text).lower_words, text) is expected


@pytest.mark.parametrize("text", [
    "그는 “국민의 정부” 고 김대중 전 대통령의 대북정책을 이어받겠다고 했다.",
    "‘햇볕정책’ 고 김대중 전 대통령의 구상은 지금도 논쟁거리다.",
])
def test_a_term_then_go_the_late_is_no_report(text: str) -> None:
    """A particle is written against the mark; after a space, 고 is 故 (the late) before a name."""
    assert not korean_reports(text)
