"""A related-stories box under a story: its headlines carry other stories' bylines, which are
not this story's credits (found by rv15a: the headline-plus-byline reader credited them)."""

from __future__ import annotations

from toolkit.ingest import parse_article
from toolkit.ingest.boilerplate import is_related_label

STORY = (
    "한빛시, 내달부터 시내버스 노선 12개 손본다\n\n"
    "한빛시는 다음 달 1일부터 시내버스 노선 12개를 새로 짠다고 5일 밝혔다.\n\n"
    "시는 출퇴근 시간대 배차 간격을 줄이고 외곽 노선을 늘리기로 했다.\n\n"
    "윤서준 기자 ysj@hanbit.example\n\n"
)
BOX = (
    "관련기사\n"
    "한빛시 버스 노선 개편 2023-05-02 김민 기자\n"
    "시내버스 요금 인상 2023-04-28 박하늘 기자\n"
)


def _names(text: str) -> list[str]:
    return [credit.name for credit in parse_article(text.encode(), "a.txt").credits]


def test_the_related_box_credits_none_of_its_stories_reporters():
    assert _names(STORY + BOX) == ["윤서준"]


def test_the_box_lines_are_not_body_text():
    body = "\n".join(p.text for p in parse_article((STORY + BOX).encode(), "a.txt").paragraphs)
    assert "박하늘" not in body and "요금 인상" not in body


def test_a_story_after_a_blank_line_under_the_label_is_kept():
    text = STORY.replace("윤서준 기자 ysj@hanbit.example\n\n", "") + "관련기사\n\n" + \
        "시는 노선 개편에 앞서 시민 의견을 듣는 공청회를 연다.\n\n윤서준 기자 ysj@hanbit.example\n"
    article = parse_article(text.encode(), "a.txt")
    assert any("공청회" in p.text for p in article.paragraphs)
    assert [c.name for c in article.credits] == ["윤서준"]


def test_labels_are_told_from_lines_that_name_them():
    assert is_related_label("관련기사") and is_related_label("[관련 기사]") and is_related_label("Related stories:")
    assert not is_related_label("관련기사 더보기 한빛시 버스 노선 개편 소식을 전한 관련기사를 모두 모아 봤다")
    assert not is_related_label("Read more")  # a page's "read more" button may open the rest of the story
