"""Korean credit readers (issue 8): their limits that a forms record cannot show (a headline is no
picture caption, a long indented column stays linear). Every name and text here is invented."""
from __future__ import annotations

from toolkit.credits import extract_credits, korean


def test_a_headline_rubric_before_the_slash_is_a_story_and_no_picture_title() -> None:
    """"[단독] … / A 기자" is a story's headline over its reporter: the slash-caption reader, which makes
    the name a photographer, stays out; a picture's own rubric ("[포토]") keeps it."""
    assert korean.split_slash_caption("[단독] 한빛시 부시장 자택 압수수색 / 봉세아 기자") is None
    assert korean.split_slash_caption("[속보] 한빛대교 통행 전면 통제 / 한도윤 기자") is None
    head, found = korean.split_slash_caption("[포토] 물안개 핀 호수 / 봉세아 기자")
    assert head == "[포토] 물안개 핀 호수"
    assert [(c.role, c.name) for c in found] == [("photographer", "봉세아")]


def test_an_indented_value_column_is_read_against_a_bounded_block() -> None:
    """Each indented line is checked against the block above it, read whole: past a credit block's length
    the block is no label line, so a page of thousands of indented lines is read in linear time."""
    short = "글·사진 = 한도윤 기자 doyun@weekly.example"
    assert korean.continues_label_block(short, "봉세아 기자 sea@weekly.example")
    long = short + " " + " ".join(["봉세아 기자 sea@weekly.example"] * 12)
    assert len(long) > korean._MAX_LABEL_BLOCK_CHARS
    assert not korean.continues_label_block(long, "봉세아 기자 sea@weekly.example")


def test_many_indented_lines_still_end_in_credits_of_the_first_block() -> None:
    page = "글·사진 = 한도윤 기자 doyun@weekly.example\n" + "      봉세아 기자 sea@weekly.example\n" * 2000
    rest, found = extract_credits(page)
    assert ("writer", "한도윤") in [(c.role, c.name) for c in found]
