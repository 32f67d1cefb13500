"""Language of a span: script decides where it can, langdetect only for longer Latin text."""

from __future__ import annotations

import pytest

import toolkit.langid as langid
from toolkit.langid import detect_language, dominant_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "und"),
        ("   ", "und"),
        ("2012-02-21 — 31 / 22", "und"),
        ("북한 당국이 탈북자 가족 색출에 나섰습니다.", "ko"),
        ("자유아시아방송(RFA)의 보도에 따르면 UN 안보리가 회의를 열었습니다.", "ko"),
        ("ㅋㅋㅋ", "ko"),
        ("東京で会議が開かれた。", "ja"),
        ("北京今天天气很好，我们去公园散步吧。", "zh"),
        ("• Print", "en"),
        ("Min added.", "en"),
        ("Pyongyang Moves to Identify Defectors", "en"),
        ("The North Korean government has launched a campaign to identify and punish families of defectors.", "en"),
        ("Le gouvernement nord-coréen a lancé une campagne pour identifier et punir les familles des transfuges.", "fr"),
        ("Der Bundestag hat am Donnerstag ein neues Gesetz zur Einwanderung beschlossen, teilte die Regierung mit.", "de"),
        ("Путин заявил журналистам, что переговоры продолжатся на следующей неделе.", "ru"),
        ("Kim Jong Un, Kim Yo Jong, Choe Ryong Hae, Pak Pong Ju, Ri Sol Ju, Hyon Song Wol, Jang Song Thaek", "en"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_english_with_a_korean_word_stays_english():
    assert detect_language('Residents called the campaign "색출" (rooting out), according to the source.') == "en"


def test_short_and_english_latin_text_never_reaches_langdetect(monkeypatch):
    calls = []
    monkeypatch.setattr(langid, "_langdetect", lambda text, **kw: calls.append(text) or None)
    for text in ("• Print", "Email story", "Min added.", "Kim Jong Un met Moon Jae-in in Panmunjom.",
                 "The resident from the North Korean capital who recently visited China told RFA about the probe."):
        assert detect_language(text) == "en"
    assert calls == []


def test_letters_in_runs_longer_than_any_word_are_told_by_their_script(monkeypatch):
    """A 200,000-letter run came out Somali (langdetect on "aaaa..."): text with no word in it
    is Latin, so English here, whatever a letter-statistics model makes of it."""
    calls = []
    monkeypatch.setattr(langid, "_langdetect", lambda text, **kw: calls.append(text) or "so")
    for text in ("a" * 200_000, "zqxw" * 60, "hxq" * 50 + " " + "mnbv" * 40):
        assert detect_language(text) == "en"
    assert calls == []
    # a sentence of real words in another language still reaches langdetect
    assert detect_language("Il governo ha annunciato nuove misure per sostenere le famiglie colpite.") == "so"


def test_langdetect_answers_are_repeatable():
    text = "Il governo ha annunciato nuove misure per sostenere le famiglie colpite dall'alluvione."
    assert {detect_language(text) for _ in range(5)} == {"it"}


def test_unsure_langdetect_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(langid, "_langdetect", lambda text, **kw: None)
    assert detect_language("Uri minjokkiri sogeseo uri ui him euro tongil eul iruja nara ui mirae rul yeolja") == "en"


def test_dominant_language_weighs_by_length_and_ignores_und():
    assert dominant_language([("en", 300), ("ko", 40), ("ko", 50), ("und", 1000)]) == "en"
    assert dominant_language([("und", 5)]) == "und"
    assert dominant_language([]) == "und"
