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
