"""Look-alikes of the English credit forms credits24 added, found in review (rv14b): each is a credit the
new readers read wrongly. Every case keeps its paragraph whole."""

from __future__ import annotations

from toolkit.credits import extract_credits


def _read(paragraph: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.role, c.name, c.service, c.organization) for c in extract_credits(paragraph)[1]]


def test_a_slash_to_an_agency_named_service_gives_no_language_service() -> None:
    """"National Intelligence Service" is an agency, not a language service: no service "Intelligence"."""
    found = _read("Agents escort a defector at Incheon airport. (Kim Ji-hoon/National Intelligence Service)")
    assert [c[2] for c in found] == [None]


def test_told_a_person_of_an_agency_named_service_is_no_interviewer() -> None:
    """The person told is an official of an agency whose name ends in "Service", not a reporter of a language service."""
    sentence = "The defector told Park Ji-won of Korea's National Intelligence Service that he had crossed in 2019."
    assert _read(sentence) == []


def test_told_a_person_of_a_language_service_is_still_the_interviewer() -> None:
    assert _read("The farmer told Choi Eun-bi of RFA's Korean Service that the harvest had failed.") == [
        ("reporter", "Choi Eun-bi", "Korean", "RFA")]


def test_a_comma_set_position_in_a_story_sentence_does_not_make_its_byline_a_photographer() -> None:
    """", centre," beside a speaker who "said" something is a story sentence: its byline stays the writer's."""
    paragraph = "Lee Jae-myung, centre, said the party would fight the bill in the National Assembly.\nBy Park Ji-won"
    assert _read(paragraph) == [("writer", "Park Ji-won", None, None)]


def test_a_comma_set_position_in_a_caption_still_makes_its_byline_a_photographer() -> None:
    paragraph = "Lee Jae-myung, centre, waves to supporters outside the National Assembly.\nBy Park Ji-won"
    assert _read(paragraph) == [("photographer", "Park Ji-won", None, None)]


def test_a_note_about_another_work_credits_nobody_for_this_page() -> None:
    """"This article draws on a diary … translated by A": the diary was translated, not this page (the own-work
    note reads a page's publication history: "This article was first published … and translated by A")."""
    assert _read("This article draws on a diary kept by a soldier and translated by Park Ji-won.") == []


def test_a_review_note_does_not_credit_the_reviewed_book_s_writer() -> None:
    found = _read("This article reviews Please Look After Mom, written by Shin Kyung-sook and translated by Kim Chi-young.")
    assert ("writer", "Shin Kyung-sook", None, None) not in found


def test_a_note_with_an_aside_before_its_verb_still_credits_the_page_s_translator() -> None:
    assert _read("This report, first aired on KBS in May, was translated by Lee Min-ho and edited by Park So-yeon.") == [
        ("translator", "Lee Min-ho", None, None), ("editor", "Park So-yeon", None, None)]


def test_an_interviewer_named_inside_a_quotation_is_the_speaker_s_not_the_story_s() -> None:
    """A speaker who says they told another outlet's reporter something credits no one on this page."""
    for sentence in ("“I told CNN’s correspondent Anna Coren everything I saw,” Kim said.",
                     "\"We spoke with VOA's Seoul bureau chief Mara Ellison last year,\" the defector said.",
                     "“We told Choi Eun-bi of RFA’s Korean Service what happened,” the farmer said."):
        assert _read(sentence) == []


def test_an_interviewer_after_a_closed_quotation_is_still_credited() -> None:
    sentence = "“The road is closed,” the farmer told Choi Eun-bi of RFA’s Korean Service on Monday."
    assert _read(sentence) == [("reporter", "Choi Eun-bi", "Korean", "RFA")]


def test_a_name_slash_country_closing_a_results_line_is_no_photo_credit() -> None:
    """"Athlete/Country" closes a sports result; the unknown-owner tail ("A B/Harbor Visual") needs an owner
    the news does not name as a place or subject."""
    for paragraph in ("Women's singles gold went to the top seed. An Se-young/South Korea",
                      "The archery final was held in Paris on Aug. 3, 2024. Lim Si-hyeon/South Korea"):
        assert _read(paragraph) == []


def test_a_name_slash_unlisted_owner_closing_a_caption_is_still_a_photo_credit() -> None:
    assert _read("Fishing boats wait out the storm at Mokpo, May 3, 2021. Yoon Da-som/Seagull Pictures") == [
        ("photographer", "Yoon Da-som", None, "Seagull Pictures")]


def test_a_broadcast_caption_naming_who_speaks_is_no_photo_credit() -> None:
    """A news programme's transcript puts "Name / Job" over each sound bite; a job title of common words is
    no picture owner, so the speaker is no photographer (seen on a KBS transcript of a validation pair)."""
    for paragraph in ("Park Ji-won / Actor\nI never meant to hurt anyone, and I am sorry.",
                      "Choi Min-seo / Lawyer\nThe messages prove nothing beyond a friendship."):
        _, credits = extract_credits(paragraph)
        assert not [c for c in credits if c.role == "photographer"], paragraph
