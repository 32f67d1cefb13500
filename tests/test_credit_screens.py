"""The credit dispatch's screens (toolkit/credits: `_hygiene`'s guards, `learned.may_have_cue`): each skips work
only where that work could not change the answer, so every answer is the one the unscreened code gives."""

from __future__ import annotations

import random

import pytest

import toolkit.credits as credits
from toolkit.credits import learned
from toolkit.credits.learned.vocabulary import KO_CUES, ROLE_OF
from toolkit.credits.text import INVISIBLE, SEPARATOR_FORMS, tokens

_STORY = "The ministry said on Tuesday that talks with the union would resume next week in Sejong."
_KO_STORY = "정부는 다음 주 세종에서 노조와 협상을 다시 시작하겠다고 화요일 밝혔다."


def _unscreened_hygiene_head(paragraph: str) -> str:
    """The part of `_hygiene` the guards sit in, as written before them: two tables, every pattern tried."""
    text = paragraph.translate(INVISIBLE).translate(SEPARATOR_FORMS).replace(*credits.PROTECTED_EMAIL)
    text = credits._PAGE_DATE.sub("", text, count=1)
    text = credits.unglue_credits(text, credits.PHOTO_AGENCIES, credits.is_person_name, credits.organization_of)
    text = credits._TRANSCRIPT_MARK.sub(r"\n\1\n", text)
    text = credits._SPEAKER_TURN.sub(r"\n\1", text)
    text = credits._GLUED_RELATED.sub("\n", credits._RELATED_OF.sub("", text))
    text = credits._unglued_reporter_box(text)
    text = credits._PICTURE_BUTTON.sub("", text)
    return credits._DOUBLED_HOLDER.sub(r"\1", text)


_GLUED = [
    "지역 축제가 주말 내내 이어졌다.◀ 리포트 ▶제주에서 한지민 기자가 전합니다",
    "밤사이 눈이 많이 내렸습니다.◀앵커▶출근길 교통이 곳곳에서 막혔습니다",  # no space: a guard on "◀ " misses it
    "이번 사고의 원인을 짚어 봅니다 김진두 기자의 보도입니다 [기자] 아침 안개가 짙게 깔렸습니다",
    "이번 사고의 원인을 짚어 봅니다 김진두 기자의 보도입니다【 기자 】아침 안개가 짙게 깔렸습니다",
    "시장 상인들이 모였다 <앵커>오늘 소식입니다",
    "ⓒ 뉴스하나 허경민 기자관련 키워드전통시장물가",
    "오세린 기자의 다른 기사 보기",
    "관련 키워드의대증원전공의천선휴 기자 응급실 대기가 길어졌다",
    "관련키워드전통시장물가하윤서 기자 설 대목을 앞둔 시장에 손님이 줄었다",  # no space: a guard on "관련 키워드" misses it
    "경제부 허경민 기자다른기사 보기",  # a guard on "기자관련" or "기자의" misses it
    "ⓒ 한빛일보 윤일지 기자이주현 기자 합천·밀양 산불 진화",
    "Seoul｜Staff\u200b writer：Mara Ellison／Harbor Daily 〓",
    _STORY, _KO_STORY,
]


@pytest.mark.parametrize("paragraph", _GLUED)
def test_guarded_hygiene_cleans_as_the_unguarded_patterns_do(paragraph: str, monkeypatch) -> None:
    """Each guarded pattern meets a text it changes (a mutated guard, or one table missing a character, fails)."""
    seen: list[str] = []
    monkeypatch.setattr(credits, "_label_lines", lambda text: seen.append(text) or text)
    credits._hygiene(paragraph)
    assert seen == [_unscreened_hygiene_head(paragraph)]


def test_each_guarded_pattern_has_a_paragraph_it_changes() -> None:
    """Else the test above could not catch a guard that skips a pattern wrongly."""
    for pattern in (credits._TRANSCRIPT_MARK, credits._SPEAKER_TURN, credits._GLUED_RELATED, credits._RELATED_OF,
                    credits._KEYWORD_BOX, credits._CREDIT_GLUED):
        assert any(pattern.search(text) for text in _GLUED), pattern.pattern
    assert any(text.translate(INVISIBLE) != text and text.translate(SEPARATOR_FORMS) != text for text in _GLUED)


def test_the_two_cleaning_tables_are_one_pass() -> None:
    """No character is in both tables, and neither table writes one the other would change."""
    assert not INVISIBLE.keys() & SEPARATOR_FORMS.keys()
    assert not {ord(ch) for ch in SEPARATOR_FORMS.values() if ch} & (INVISIBLE.keys() | SEPARATOR_FORMS.keys())


def _has_cue(text: str) -> bool:
    return learned.has_cue(text, tokens(text))


def _cue_texts() -> list[str]:
    """Each cue of has_cue, in the cases and places a page writes it: lower, title and capitals, glued to an
    underscore or a bracket, alone, and at a paragraph's start and end."""
    out = []
    for word in sorted({*ROLE_OF, "by"}):
        for form in (word, word.capitalize(), word.upper()):
            out += [f"{_STORY} {form} Lea Moreau", f"{form}: Lea Moreau", f"_{form}", f"({form})", form]
    out += [f"{_KO_STORY} {cue}" for cue in KO_CUES]
    out += [f"{_STORY} {ch} AFP" for ch in learned._CUE_PUNCTUATION] + [f"{_STORY}\nLea Moreau"]
    return out


def test_screen_passes_every_paragraph_with_a_cue() -> None:
    texts = _cue_texts()
    assert all(_has_cue(text) for text in texts)  # the texts hold cues, else the next line would prove nothing
    assert [text for text in texts if not learned.may_have_cue(text)] == []


def test_screen_passes_random_text_with_a_cue() -> None:
    """Text made of cue words, their pieces and neighbours in any case, with accents and Hangul: wherever
    has_cue finds a cue, so does the screen."""
    rng = random.Random(7)
    pieces = [*sorted({*ROLE_OF, "by"})[:40], "near", "lobby", "Σ", "İ", "é", "_", "-", "'", ".", " ", " ", "기자",
              "보도", "Lea", "Moreau", "2024", "©"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        text = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in text)
        if _has_cue(text):
            found += 1
            assert learned.may_have_cue(text), text
    assert found > 500


def test_screen_stops_story_paragraphs() -> None:
    """What it is for: a story paragraph with no credit word, no line break and no separator is not tokenized."""
    assert not learned.may_have_cue(_STORY) and not learned.may_have_cue(_KO_STORY)
    assert learned.may_have_cue("Photos: Lea Moreau") and learned.may_have_cue("한지민 기자")
    assert learned.may_have_cue("The man was detained nearby.")  # "by" inside a word: asked, as before


def test_the_dispatch_answers_as_the_unscreened_pass(monkeypatch) -> None:
    """extract_credits is the pass's answer on the text the pass reads (invisible controls dropped), also where the
    model adds a credit and where the only cue is a word an invisible control cuts ("Pho\u200btos"): a screen asked
    about the paragraph as given, or one that stops a paragraph with a cue, loses that credit. The model's threshold
    is lowered so that it adds credits here; story paragraphs alone could not tell a screen that stops too much."""
    real = learned.load_model()
    monkeypatch.setattr(learned, "load_model", lambda: {**real, "threshold": 0.3})
    added = 0
    for text in (_STORY, _KO_STORY, "Reporters said prices rose.", "Night Ferries (Pho\u200btos) Tomas Weller",
                 "(워싱턴) 백다온 특\u200b파원", "(워싱턴) 백다온 특파원", "Photos: Lea Moreau"):
        rest, found = credits.rule_credits(text)
        unscreened = learned.add_learned(text.translate(INVISIBLE), rest, found)
        assert credits.extract_credits(text) == unscreened, text
        added += len(unscreened[1]) > len(found)
    assert added >= 3  # the pass adds credits here, so a skipped pass shows
