"""Language of a span of text: script first, statistics only where script cannot tell.

Why this order: Hangul, kana, Han and most non-Latin scripts identify a language (or a
small family) by themselves, for free and even on a three-word line. langdetect is only
good on longer Latin text (it calls "• Print" Lithuanian and "Min added." Welsh), costs
milliseconds a call and half a second to load, and is random unless seeded. In a
Korean-English archive a short Latin span is English far more often than anything
else, and an English paragraph is recognised cheaply by its function words, so
langdetect is consulted only for longer Latin text that does not read as English.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from toolkit.hangul import count_hangul, is_hangul

UNDETERMINED = "und"
MIN_LATIN_LETTERS = 40  # below this, langdetect is guesswork: Latin text defaults to English
MIN_CONFIDENCE = 0.90  # langdetect must be this sure to overrule the English default
_SAMPLE = 600  # characters of a long span handed to langdetect (it gains nothing from more)

# Frequent English function words. A span where they make up a good share of the words
# is English; no other Latin-script language reaches that share with these words.
_ENGLISH_WORDS = frozenset(
    """a an the of to in on at for from with by as and or but not no is are was were be been
    being has have had do does did will would can could should may might must that this these
    those which who whom whose what when where why how it its he she they them their his her
    we our you your i said says there than then also after before about into over under
    between against during while if so""".split()
)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ENGLISH_SHARE = 0.22
# no word of any Latin-script language is longer ("pneumonoultramicroscopicsilicovolcanoconiosis" is 45):
# a longer run of letters is no word, and text made only of such runs is told by its script alone
# (langdetect called a 200,000-letter run "so", Somali)
_LONGEST_WORD = 45
_PROSE_SHARE = 0.4  # prose in any Latin-script language has this share of lower-case words

# Script of a letter -> language it decides on its own (None: needs langdetect or "und").
_SCRIPT_LANGUAGE = {
    "hangul": "ko",
    "kana": "ja",
    "han": "zh",
    "thai": "th",
    "lao": "lo",
    "khmer": "km",
    "myanmar": "my",
    "tibetan": "bo",
    "georgian": "ka",
    "armenian": "hy",
    "hebrew": "he",
    "greek": "el",
    "mongolian": "mn",
    "ethiopic": "am",
    "sinhala": "si",
}


def _script(ch: str) -> str | None:
    """The script of one letter, by code point range (cheap; no unicodedata lookups)."""
    o = ord(ch)
    if o < 0x80:
        return "latin" if ch.isalpha() else None
    if is_hangul(ch):
        return "hangul"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F:
        return "han"
    if not ch.isalpha():
        return None
    if o <= 0x024F or 0x1E00 <= o <= 0x1EFF or 0xFF21 <= o <= 0xFF5A:
        return "latin"
    if 0x0370 <= o <= 0x03FF or 0x1F00 <= o <= 0x1FFF:
        return "greek"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x0530 <= o <= 0x058F:
        return "armenian"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x0D80 <= o <= 0x0DFF:
        return "sinhala"
    if 0x0900 <= o <= 0x0D7F:
        return "indic"
    if 0x0E00 <= o <= 0x0E7F:
        return "thai"
    if 0x0E80 <= o <= 0x0EFF:
        return "lao"
    if 0x0F00 <= o <= 0x0FFF:
        return "tibetan"
    if 0x1000 <= o <= 0x109F:
        return "myanmar"
    if 0x10A0 <= o <= 0x10FF:
        return "georgian"
    if 0x1200 <= o <= 0x139F:
        return "ethiopic"
    if 0x1780 <= o <= 0x17FF:
        return "khmer"
    if 0x1800 <= o <= 0x18AF:
        return "mongolian"
    return "other"


_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]")
_LETTER = re.compile(r"[^\W\d_]")


def script_counts(text: str) -> dict[str, int]:
    """Letters of `text` counted by script (regular expressions for the common scripts:
    this runs on every paragraph, so it must not loop over characters in Python)."""
    counts = {"hangul": count_hangul(text), "latin": len(_LATIN.findall(text)),
              "kana": len(_KANA.findall(text)), "han": len(_HAN.findall(text))}
    rest = len(_LETTER.findall(text)) - sum(counts.values())
    if rest > 0:  # some other script: classify those letters one by one
        counts = {}
        for ch in text:
            script = _script(ch)
            if script is not None:
                counts[script] = counts.get(script, 0) + 1
    return {script: n for script, n in counts.items() if n}


def detect_language(text: str) -> str:
    """BCP 47 code of the language of `text`: "en", "ko", another code, or "und".

    Hangul decides Korean by its share of the letters (a Hangul syllable counts double:
    it carries about as much as two Latin letters, so a Korean sentence with an English
    acronym or name is still Korean). Japanese is told from Chinese by kana. Latin
    text is English unless it is long, not English by function words, and langdetect
    is confidently sure of another language.
    """
    counts = script_counts(text)
    if not counts:
        return UNDETERMINED
    hangul = counts.get("hangul", 0)
    latin = counts.get("latin", 0)
    weight = {s: n * (2 if s in ("hangul", "han", "kana") else 1) for s, n in counts.items()}
    total = sum(weight.values())
    if hangul and 2 * weight["hangul"] >= total:
        return "ko"
    if counts.get("kana", 0) and 2 * (weight.get("kana", 0) + weight.get("han", 0)) >= total:
        return "ja"
    top = max(weight, key=lambda s: (weight[s], s))
    if top == "latin":
        return _latin_language(text, latin)
    if top in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[top]
    if top == "hangul":  # Hangul is the largest script but short of half (mixed text)
        return "ko"
    # Cyrillic, Arabic, Indic scripts: each is written by several languages.
    return _langdetect(text, min_letters=MIN_LATIN_LETTERS // 2) or UNDETERMINED


def _latin_language(text: str, letters: int) -> str:
    if letters < MIN_LATIN_LETTERS:
        return "en"
    words = [w for w in _WORD.findall(text[: _SAMPLE * 2]) if len(w) <= _LONGEST_WORD]
    if not words:
        return "en"
    english = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    if english >= _ENGLISH_SHARE * len(words):
        return "en"
    # Lists of names and title-case headlines are not prose, which is all langdetect
    # knows ("Kim Jong Un, Kim Yo Jong, Choe Ryong Hae, ..." comes out Tagalog).
    if sum(1 for w in words if w[0].islower()) < _PROSE_SHARE * len(words):
        return "en"
    return _langdetect(text) or "en"


def _langdetect(text: str, min_letters: int = MIN_LATIN_LETTERS) -> str | None:
    """langdetect's answer when it is confident, else None."""
    return _langdetect_sample(unicodedata.normalize("NFC", text[:_SAMPLE]), min_letters)


@functools.lru_cache(maxsize=4096)
def _langdetect_sample(sample: str, min_letters: int) -> str | None:
    """`_langdetect` of a sample, kept: a paragraph met again costs milliseconds less, and the
    answer is the same (each detector is seeded afresh, see _detector_factory)."""
    if sum(ch.isalpha() for ch in sample) < min_letters:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _detector_factory().create()
        best.append(sample)
        ranked = best.get_probabilities()
    except LangDetectException:
        return None
    if not ranked or ranked[0].prob < MIN_CONFIDENCE:
        return None
    return _BCP47.get(ranked[0].lang, ranked[0].lang)


# langdetect codes that are not the BCP 47 preferred form
_BCP47 = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}


@functools.cache
def _detector_factory():
    """langdetect's profiles, loaded once per process and seeded for repeatable answers."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def dominant_language(spans: list[tuple[str, int]]) -> str:
    """The language with the most weight among (language, weight) pairs, ignoring "und"."""
    totals: dict[str, int] = {}
    for lang, weight in spans:
        if lang != UNDETERMINED:
            totals[lang] = totals.get(lang, 0) + max(weight, 1)
    if not totals:
        return UNDETERMINED
    return max(sorted(totals), key=lambda lang: totals[lang])
