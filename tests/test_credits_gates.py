"""The exact gates before the credit readers: a sentence a gate lets through still gets its credit,
and the gate's premise (which endings a parse can close on) still holds for the readers' word lists."""
from __future__ import annotations

import pytest

from toolkit.credits import extract_credits, korean


@pytest.mark.parametrize("sentence, name", [
    ("사진은 뉴스1 오현지 기자가 촬영했다.", "오현지"),  # the one parse whose sentence closes on a plain "다"
    ("지금까지 서울에서 김하늘 기자였습니다.", "김하늘"),
    ("북한 내부소식, 문성휘 기자가 보도합니다.", "문성휘"),
    ("이 소식 윤다솜 기자가 전해드립니다.", "윤다솜"),
    ("사진=한빛뉴스 박소민 기자", "박소민"),
])
def test_a_credit_sentence_passes_the_story_ending_gate(sentence: str, name: str) -> None:
    assert not korean.story_ending(sentence.rstrip("."))
    assert name in [c.name for c in korean.parse_sentence(sentence) or []]


@pytest.mark.parametrize("sentence", [
    "정부는 이날 새 대책을 발표했다.",
    "김하늘 기자는 현장에서 주민들의 이야기를 들었다.",
    "한빛일보는 이 문제를 처음 보도했다.",
])
def test_a_story_sentence_is_gated_and_read_as_before(sentence: str) -> None:
    assert korean.story_ending(sentence.rstrip("."))
    assert korean.parse_sentence(sentence) is None


def test_a_signoff_after_story_sentences_keeps_its_credit() -> None:
    text, credits = extract_credits("시는 다음 달부터 버스 노선을 늘린다고 밝혔다. 서울에서 한빛방송 김하늘 기자입니다.")
    assert [c.name for c in credits] == ["김하늘"]
    assert "밝혔다" in text


def test_no_reader_ending_closes_on_a_plain_da() -> None:
    """The gate's premise: every verb ending a byline parse accepts ends in "니다" if it ends in "다"."""
    endings = korean._REPORT_ENDINGS + korean._INTRO_ENDINGS + korean._HANDOVER_ENDINGS + korean._COPULAS
    words = set(korean._FILLERS) | set(korean.KO_LABELS) | set(korean.KO_TITLES) | korean._LABEL_TAILS
    assert [e for e in endings if e.endswith("다") and not e.endswith("니다")] == []
    assert [w for w in words if w.endswith("다") and not w.endswith("니다")] == []
