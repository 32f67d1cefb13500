"""credits/gate.py: a paragraph the gate lets extract_credits skip is one that every rule reader and the
learned pass, run without the gate, leave exactly as it is; and the credits written at the edge of each
of its conditions are never skipped."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import repo_root, shared_dir
from toolkit.credits import extract_credits, learned, rule_credits
from toolkit.credits import agents, english, gate, intros, photos, vocabulary, widgets
from toolkit.credits.gate import PROSE_WORDS, may_hold_credit
from toolkit.credits.text import INVISIBLE, is_date_word
from toolkit.ingest.decode import decode_bytes


def _ungated(paragraph: str) -> tuple[str, list]:
    """What extract_credits answered before the gate: the rule readers, then the learned pass."""
    rest, credits = rule_credits(paragraph)
    return learned.add_learned(paragraph.translate(INVISIBLE), rest, credits)


def _skipped_are_untouched(texts: list[str]) -> int:
    """Every text the gate skips comes back from the ungated readers as it went in; how many were skipped."""
    skipped = [t for t in texts if t.strip() and not may_hold_credit(t)]
    wrong = [t for t in skipped if _ungated(t) != (t.strip(), [])]
    assert not wrong, wrong[:3]
    return len(skipped)


def _credit_form_texts() -> list[str]:
    records = [json.loads(line) for line in (repo_root() / "tests/data/credit_forms.jsonl").read_text().splitlines()
               if line.strip()]
    texts = [r["text"] for r in records] + [line for r in records for line in r["text"].split("\n")]
    return texts + [t.replace(" ", "  ") for t in texts]  # (spaces doubled, as scraped text has them: hygiene collapses them)


def _pieces(text: str) -> list[str]:
    """A page's paragraphs (blank-line blocks) and its lines, as a build or a widget would meet them."""
    return re.split(r"\n\s*\n", text) + text.split("\n")


def test_no_credit_form_is_skipped_and_every_skipped_line_is_untouched() -> None:
    texts = _credit_form_texts()
    assert all(may_hold_credit(r) for r in texts if _ungated(r)[1])  # every credited text is read
    _skipped_are_untouched(texts)


def test_the_fixtures_paragraphs_and_lines_skipped_are_untouched() -> None:
    texts = []
    for path in sorted((repo_root() / "fixtures").rglob("*")):
        if path.suffix in {".txt", ".html"}:
            texts += _pieces(decode_bytes(path.read_bytes(), str(path)))
    assert _skipped_are_untouched(texts) > 100  # (the gate does skip story paragraphs: a build's saving)


def test_the_pseudo_articles_skipped_are_untouched(tmp_path: Path) -> None:
    shared_dir()
    spec = importlib.util.spec_from_file_location("build_speed", repo_root() / "benchmarks/build_speed.py")
    build_speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_speed)
    build_speed.write_corpus(tmp_path, 40)
    texts = [p for f in sorted(tmp_path.rglob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    assert _skipped_are_untouched(texts) > 20


_STORY = ("The ferry operator said on Monday that crossings to the island would resume next week, "
          "once engineers have checked the pier that the storm damaged. ")


@pytest.mark.parametrize("paragraph", [
    _STORY + "Kim Min-ji, USFK",  # a bare photo slot: a name and an acronym no list knows, no credit word
    "Ships leave the port of Mokpo at dawn on Monday. Mara Ellison",  # a caption's photographer by name alone
    _STORY + "Will Ripley, USFK",  # "Will" is a name here: only a lower-case clause word counts
    _STORY + "Han Do-yun, USFK",  # "do" of a hyphenated given name is no clause word
    _STORY + "AFP",  # a wire closing the story
    "Officials said the pier would reopen once the repairs were finished.YonhapFarmers expect no crossings.",
    "Officials said the pier would reopen once the repairs were finished.ApFarmers expect no crossings.",
    _STORY + "Korea Herald file. The ferry is the island's only link.",  # an outlet's own picture
    _STORY + "Kwon Soa has our top story.",  # an anchor's hand-over
    "This is Mara Ellison reporting from Mokpo, where the ferry that was damaged has been towed away.",
    "Reporter Mara Ellison will explain what the ministry has announced for the islanders who were stranded.",
    _STORY + "Ko Ji-won contributed to this report.",
    _STORY + "Mara Ellison reports from Mokpo.",
    "SEOUL. HANBIT-The ferry operator said crossings would resume, and that the pier was being checked.",
    "Mara Ellison, Jakarta --Looking back, the islanders said that the ferry was their only link.",
    "Ships leave the port of Mokpo as the storm passes, and the islanders say that they have waited - AFP, "
    "March 3, 2009",
    "Islanders wait for the ferry that was cancelled after the storm damaged the pier (Hanbit/Mara Ellison)",
    _STORY + "\nBy Mara Ellison",  # two lines
    _STORY + "The PD was asked about it.",  # a Korean credit cue the learned pass reads in Latin text too
    "Mara Ellison has  more.",  # a phrase of several words with two spaces inside: the readers collapse them
    "This  is Mara Ellison, Hanbit TV.",
    "This page was machine-tran\u017flated.",  # a long s, which the readers' case-blind patterns read as "s"
])
def test_a_credit_at_the_edge_of_a_condition_is_read(paragraph: str) -> None:
    assert may_hold_credit(paragraph)
    assert extract_credits(paragraph) == _ungated(paragraph)


@pytest.mark.parametrize("paragraph", [
    _STORY + "It was the second closure this year, and islanders said they had run short of fresh food.",
    "Prices of rice and fuel have risen sharply since the spring, and traders say that many families "
    "can no longer afford more than one meal a day.",
    "He said it was over.",
])
def test_story_prose_is_skipped_as_the_readers_would_leave_it(paragraph: str) -> None:
    assert not may_hold_credit(paragraph)
    assert extract_credits(paragraph) == _ungated(paragraph) == (paragraph.strip(), [])


def test_no_clause_word_is_a_word_of_a_name_title_outlet_or_stamp() -> None:
    """The premise of the clause-word condition: none of them is what the readers let stand in a bare
    name, a job title, an outlet or institution, a date, a stamp or a photo slot's qualifier."""
    allowed = (agents.PARTICLES | vocabulary.EN_JOB_WORDS | widgets._STAMP_WORDS | widgets._INSTITUTION_SMALL
               | vocabulary.NOT_PHOTO_SOURCES | photos._QUALIFIERS | photos._DESK_GLUE | vocabulary.CONTRIBUTION_WORDS
               | {w.lower() for w in vocabulary.ROLE_WORDS} | {w.lower() for w in vocabulary.LABEL_NOUNS}
               | agents.ORG_WORDS | set(photos._PLATFORMS) | widgets._NEWS_HEADS
               | english._TITLE_SMALL_WORDS)  # (a work's title before its "by": "War and Visual Culture")
    assert not PROSE_WORDS & allowed
    assert not [w for w in PROSE_WORDS if is_date_word(w) or agents.is_person_name(f"Mara {w} Ellison")
                or widgets.is_byline_name(f"Mara {w}") or widgets._english_title(f"senior {w} writer")]


@pytest.fixture
def fresh_gate_words():
    """The gate's word tables rebuilt around a test that changes a reader's list, and after it."""
    gate._words.cache_clear()
    yield
    gate._words.cache_clear()


def test_an_anchor_phrase_added_to_intros_is_seen_by_the_gate(monkeypatch, fresh_gate_words) -> None:
    """The gate reads intros' own hand-over phrases: one added there is never skipped (a copy would drift)."""
    monkeypatch.setattr(intros, "_ANCHOR_VERBS", (*intros._ANCHOR_VERBS, " brings us the latest"))
    sentence = "Mara Ellison brings us the latest."
    assert intros.parse_intro(sentence)  # the reader credits it ...
    assert may_hold_credit(sentence)  # ... so the gate must let it through


def test_an_accented_latin_name_in_the_lists_is_seen_by_the_gate(monkeypatch, fresh_gate_words) -> None:
    """A list entry in Latin letters beyond ASCII (an agency such as "Télam") is looked for like any other:
    only entries in other scripts, which a paragraph the gate may skip cannot hold, are left out."""
    monkeypatch.setattr(gate, "PHOTO_AGENCIES", frozenset({*gate.PHOTO_AGENCIES, "télam"}))
    assert may_hold_credit("Ships will leave the port at dawn, and that is what Télam said.")
