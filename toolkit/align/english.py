"""English word normalisation shared by the lexicon and the sentence features.

Lexicon entries and sentence words must be reduced the same way so that "arrested",
"arrests" and "arrest" all meet the Korean 체포.  A light suffix stripper plus a few
irregular forms and truncation to six letters is enough for news vocabulary and is
fast; the exact stem does not matter as long as both sides use this function.
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.align.kept import kept_for_sentences

__all__ = ["stem", "content_words", "words", "word_spans", "irregular_base", "is_content", "STOPWORDS", "LIGHT"]

STOPWORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto upon about
    as than then that this these those there here where when while which who whom whose what
    why how whether if because although though since until unless after before during over
    under between among through against without within along across around behind beyond
    is are was were be been being am do does did doing done have has had having will would
    shall should can could may might must ought i me my mine we us our ours you your yours he
    him his she her hers it its they them their theirs itself himself herself themselves
    ourselves myself yourself not no also just only very too more most much many some any
    each every all both either neither other another such own same s t d ll m re ve
    mr mrs ms dr one ones up down out off further even just well
    like per via i.e e.g etc lot lots thing things really actually kind sort""".split()
)

# Content words that carry little alignment evidence between Korean and English news:
# attribution verbs (Korean varies them: 밝혔다, 전했다, 덧붙였다), weekdays (Korean reports
# give dates instead), and number words (the numbers feature compares them).
LIGHT = frozenset(
    """say says said saying tell told according percent monday tuesday wednesday thursday
    friday saturday sunday one two three four five six seven eight nine ten eleven twelve
    twenty thirty forty fifty hundred hundreds thousand thousands million millions billion
    billions trillion dozen dozens first second third fourth fifth""".split()
)
_CONTRACTION = re.compile(r"(?:n't|'s|'re|'ve|'ll|'d|'m)$")

_IRREGULAR = {
    "said": "say", "says": "say", "went": "go", "gone": "go", "goes": "go", "men": "man",
    "women": "woman", "children": "child", "people": "people", "took": "take", "taken": "take",
    "made": "make", "gave": "give", "given": "give", "held": "hold", "met": "meet",
    "left": "leave", "told": "tell", "found": "find", "came": "come", "became": "become",
    "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy", "caught": "catch",
    "fought": "fight", "thought": "think", "sought": "seek", "taught": "teach", "sent": "send",
    "spent": "spend", "built": "build", "lost": "lose", "kept": "keep", "felt": "feel",
    "fell": "fall", "fallen": "fall", "knew": "know", "known": "know", "grew": "grow",
    "grown": "grow", "shown": "show", "seen": "see", "saw": "see", "written": "write",
    "wrote": "write", "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose",
    "won": "win", "ran": "run", "led": "lead", "fled": "flee", "struck": "strike", "stood": "stand",
    "understood": "understand", "killed": "kill", "died": "die", "dies": "die", "dying": "die",
    "lives": "life", "better": "good", "best": "good", "worse": "bad", "worst": "bad",
    "countries": "country", "wives": "wife", "mice": "mouse", "feet": "foot", "teeth": "tooth",
    "north": "north", "news": "news", "us": "us", "u.s": "us", "u.s.": "us", "america": "us",
    "american": "us", "americans": "us", "korean": "korea", "koreans": "korea", "chinese": "china",
    "japanese": "japan", "russian": "russia", "russians": "russia", "iraqi": "iraq",
    "iraqis": "iraq", "afghan": "afghanistan", "british": "britain", "french": "france",
    "german": "germany", "israeli": "israel", "palestinian": "palestine", "saudi": "saudi",
    "european": "europe", "asian": "asia", "african": "africa", "indian": "india",
    "pakistani": "pakistan", "iranian": "iran", "syrian": "syria", "egyptian": "egypt",
    "mexican": "mexico", "canadian": "canada", "australian": "australia", "italian": "italy",
    "spanish": "spain", "turkish": "turkey", "vietnamese": "vietnam", "philippine": "philippines",
    "ate": "eat", "eaten": "eat", "wore": "wear", "worn": "wear", "forcibly": "force",
    # comparatives: Korean says 더 + the adjective (더 어려워졌다 ~ harder)
    "harder": "hard", "smaller": "small", "larger": "large", "bigger": "big", "higher": "high",
    "lower": "low", "greater": "great", "longer": "long", "stronger": "strong", "fewer": "few",
    "older": "old", "younger": "young", "easier": "easy", "cheaper": "cheap", "richer": "rich",
    "poorer": "poor", "tougher": "tough", "wider": "wide", "deeper": "deep", "tighter": "tight",
    "filipino": "philippines", "daily": "day", "halve": "half", "halved": "half", "halves": "half",
    "halving": "half", "indonesian": "indonesia", "cuban": "cuba", "venezuelan": "venezuela",
}
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}(?![A-Za-z])|[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")


@lru_cache(maxsize=65536)
def singular(w: str) -> str:
    """A lower-case word with a plural -s taken off; four-letter plurals too (bags ~ bag,
    days ~ day, wars ~ war), words of three letters or less kept (bus, gas, yes)."""
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic stem: lower case, irregular forms, suffixes off, at most 6 letters."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-.")
    if w in _IRREGULAR:
        base = _IRREGULAR[w]
        if base != w:  # stem the base form like any word (easier -> easy -> easi)
            return stem(base)
        while len(w) > 3 and w.endswith("e"):
            w = w[:-1]
        return w[:6]
    w = singular(w)
    # derivational endings: election ~ elect, agreement ~ agree, darkness ~ dark
    for suffix, repl in (("ments", ""), ("ment", ""), ("ations", "ate"), ("ation", "ate"), ("tions", "t"),
                         ("tion", "t"), ("sions", "d"), ("sion", "d"), ("ness", ""), ("ities", ""), ("ity", "")):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif len(w) > 5 and w.endswith("ly"):
        w = w[:-2]
    while len(w) > 3 and w.endswith("e"):  # agree, agreed, agreement -> agr
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    return w[:6]


def words(text: str) -> list[str]:
    """Word tokens of an English text (hyphenated words split; dotted acronyms joined:
    'U.S.' -> 'US', 'U.N.' -> 'UN', else they fell apart into one-letter non-words)."""
    return [w for w, _, _ in _word_spans(text)]


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """`words` with where each word lies in the text: (word, start, end), so that a run of
    words can be cut from the text as written (terminology renderings)."""
    return list(_word_spans(text))


@kept_for_sentences(16384)
def _word_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            continue
        if "-" not in tok and "." not in tok:  # the common word: one part, no acronym (both need a mark)
            out.append((tok, m.start(), m.end()))
            continue
        if _ACRONYM.fullmatch(tok):
            out.append((tok.replace(".", "").upper(), m.start(), m.end()))
            continue
        at = m.start()
        for part in tok.split("-"):
            if part:
                out.append((part, at, at + len(part)))
            at += len(part) + 1
    return tuple(out)


def irregular_base(word: str) -> str | None:
    """The base of an irregular or derived form the stemmer lists (said -> say, men -> man,
    Chinese -> china), lower case; None for any other word."""
    return _IRREGULAR.get(word.lower().replace("’", "'"))


@lru_cache(maxsize=65536)
def is_content(word: str) -> bool:
    """False for stopwords (also in contractions: it's, don't) and light words; an acronym
    in capitals is content even when its letters spell a stopword (US, IT)."""
    if 2 <= len(word) <= 5 and word.isupper() and word.isalpha():
        return True
    low = _CONTRACTION.sub("", word.lower().replace("’", "'")).strip("'")
    return len(low) > 1 and low not in STOPWORDS and low not in LIGHT


def content_words(text: str) -> list[str]:
    """Stems of the content words of an English text, in order, stopwords dropped."""
    return [stem(w) for w in words(text) if is_content(w)]
