"""Look-alikes of the English credit forms credits20 added, found in review: each is story text that a
new reader took for a credit (or a credit it read wrongly). Every case keeps its paragraph whole."""

from __future__ import annotations

import pytest

from toolkit.credits import extract_credits


def _read(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    rest, found = extract_credits(paragraph)
    return rest, [(c.role, c.name) for c in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Interviewed by Dana Cole, the poet said he missed home.",
        "Interviewed by Reuters, the minister denied the claims.",
    ],
)
def test_interviewed_by_opening_a_story_sentence_is_no_credit(sentence: str) -> None:
    """"Interview by A" opens a credit line; "Interviewed by A, the poet said …" is the story."""
    assert _read(sentence) == (sentence, [])


def test_interview_by_opening_a_line_still_credits_who_asked() -> None:
    assert _read("Interview by Dana Cole") == ("", [("reporter", "Dana Cole")])


@pytest.mark.parametrize(
    "sentence",
    [
        "Our former correspondent Dana Cole, who was expelled in 2019, said the ban was unjust.",
        "Our late correspondent Dana Cole was killed in 2003.",
        "Our one-time reporter Dana Cole now runs a bakery in Busan.",
    ],
)
def test_a_former_or_late_correspondent_of_ours_is_story(sentence: str) -> None:
    """"Our correspondent A was outside the prison" hands the transcript to A; a former one is news."""
    assert _read(sentence) == (sentence, [])


def test_our_correspondent_opening_a_transcript_sentence_is_still_credited() -> None:
    sentence = "Our Seoul correspondent Dana Cole has been following the talks."
    assert _read(sentence) == (sentence, [("reporter", "Dana Cole")])


@pytest.mark.parametrize("line", ["Courtesy Calls Between Leaders Resume", "(Courtesy Of The Ministry)"])
def test_courtesy_without_of_is_a_credit_only_inside_a_captions_brackets(line: str) -> None:
    """"(Courtesy A)" closes a caption; a headline opening on "Courtesy" is no credit, and "Of" is no
    name's first word."""
    assert _read(line) == (line, [])


def test_a_bracketed_bare_courtesy_still_credits_the_lender() -> None:
    line = "A fishing boat leaves the harbour at dawn (Courtesy Dana Cole)"
    assert _read(line) == ("A fishing boat leaves the harbour at dawn", [("photographer", "Dana Cole")])


@pytest.mark.parametrize(
    "line",
    [
        "The Vegetarian by Han Kang, a novel about a woman who stops eating meat",
        '"Human Acts" by Han Kang, a novel about the Gwangju uprising',
        "Our Reporter by Dana Cole, a comedy in three acts",
    ],
)
def test_a_works_title_by_its_author_then_a_description_is_a_review_heading(line: str) -> None:
    """The description after "Title by A" is the work's: a book review names its author, no credit."""
    assert _read(line) == (line, [])


def test_a_credit_cue_then_a_description_of_its_agent_is_still_read() -> None:
    line = "Originally by Lea Moreau, a web novelist banned for her posts"
    assert _read(line) == ("", [("writer", "Lea Moreau")])


@pytest.mark.parametrize(
    "paragraph",
    [
        "The minister visited Tokyo - AFP, March 3, 2009. He met officials there.",
        "He met officials there. The minister visited Tokyo - AFP, March 3, 2009",
    ],
)
def test_a_dash_wire_and_date_inside_a_paragraph_is_story(paragraph: str) -> None:
    """"Headline - AFP, March 3, 2009" credits the wire only as a line of its own."""
    assert _read(paragraph) == (paragraph, [])


def test_a_headline_line_closed_by_its_wire_and_date_still_credits_the_wire() -> None:
    line = "Island ferries return after a decade - AFP, March 3, 2009"
    assert _read(line) == ("Island ferries return after a decade", [("writer", "AFP")])


def test_a_filing_place_after_each_writer_is_never_a_writer() -> None:
    """The place after the last writer was dropped; the one after the first became a writer."""
    _, found = _read("By Dana Cole, Tokyo, and Lea Moreau, Seoul")
    assert [name for _, name in found] == ["Dana Cole", "Lea Moreau"]


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("Letter to the Editor: Ferries Must Run Again Photo: Dana Cole", "Ferries Must Run Again"),
        ("Watch Video: Kim Jong Un Visits Ferry Yard Photo: Yonhap", "Kim Jong Un Visits Ferry Yard"),
    ],
)
def test_a_label_inside_a_headline_does_not_cut_the_line(line: str, wrong: str) -> None:
    """Labels run into one line are cut apart only when the line opens on one ("Author: A Translator: B")."""
    assert wrong not in [name for _, name in _read(line)[1]]


def test_a_line_opening_on_labels_is_still_cut_apart() -> None:
    _, found = _read("Author: Dana Cole Translator: Lea Moreau Published on: 2/24/15")
    assert found == [("writer", "Dana Cole"), ("translator", "Lea Moreau")]


@pytest.mark.parametrize("line", ["(Dana Cole for President)", "Supporters wave flags (Dana Cole for Mayor)"])
def test_a_name_for_an_office_in_a_caption_is_a_placard(line: str) -> None:
    """"(A for The Harbor Post)" / "Photo: A for Harbor Times" credit a freelancer; "for President" no outlet."""
    assert _read(line) == (line, [])


def test_a_freelancer_for_an_outlet_without_the_is_still_credited() -> None:
    assert _read("Photo: Dana Cole for Harbor Times") == ("", [("photographer", "Dana Cole")])
