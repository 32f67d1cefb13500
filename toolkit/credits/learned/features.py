"""Context features of a candidate name: what surrounds it, never what it says.

A feature is "template=value" (or two joined by "&"), where a value is a word of the project's
credit vocabulary ("w:by", "w:기자") or a shape class ("Cap", "CAPS", "num", "hangul3", "(" …).
`is_project_feature` states the rule the tests check on the shipped model. All work is constant per
candidate (a window of tokens, the candidate's line measured once), so a paragraph costs linear time.
"""

from __future__ import annotations

import bisect
from collections import Counter
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from toolkit.credits.learned.candidates import Candidate
from toolkit.credits.learned.vocabulary import (
    FEATURE_WORDS, KO_PARTICLES, KO_WORK_NOUNS, MONTHS, ORGANIZATION_NAMES, ORGANIZATION_WORDS, ROLE_OF, WEEKDAYS,
    WORK_NOUNS,
)
from toolkit.credits.text import CLOSING_QUOTES, OPENING_QUOTES, Token
from toolkit.credits.vocabulary import KO_LABELS, KO_TITLES
from toolkit.credits.agents import is_news_subject, looks_like_organization
from toolkit.credits.widgets import is_byline_name, is_common_word
from toolkit.datafiles import lexicon_keys
from toolkit.hangul import has_syllable
from toolkit.names import is_korean_name, surname_spellings

PUNCTUATION = frozenset("/:()[]{}|,.;!?—–-=〓〈〉<>«»@©*+·•▲■▶※\"'“”‘’【】「」『』#~_")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
_WINDOW = 6  # tokens looked at on each side for a role word

# values a shape class may take (besides "w:<vocabulary word>", "p:<punctuation>" and "role:<role>")
SHAPES = frozenset({
    "Cap", "CAPS", "low", "num", "year", "mixed", "other", "hangul1", "hangul2", "hangul3", "hangul4", "hangul5+",
    "hangul-particle", "month", "weekday", "org", "email", "BOL", "EOL", "BOP", "EOP", "none", "latin", "hangul",
    "init", "hyphen", "diacritic", "short", "medium", "long", "verylong", "one", "two", "three", "many",
    "yes", "no", "first", "last", "only", "middle", "cased", "the", "person", "subject", "common",
    "before", "after", "both",
})
ROLES = ("writer", "reporter", "photographer", "translator", "editor", "producer", "contributor")
TEMPLATES = frozenset({
    "bias", "n", "script", "span", "glued", "surname", "L1", "L2", "R1", "R2", "roleL", "roleR", "bol", "eol",
    "bop", "eop", "line", "linewords", "lower", "slash", "bracket", "email", "date", "pos", "koR", "koL",
    "sentstart", "lines", "org", "L1R1", "L1L2", "R1R2", "nL1", "nR1", "roleLn", "ruled", "ruledline", "rulednear",
    "before", "after", "cut", "cutR1", "verbbefore", "sentend", "roleverb", "titlecase", "inline", "prevline", "nextline", "edges", "L1eol", "R1bol", "roleLL1", "roleRR1", "edgesline", "n_edges", "variant", "kind", "kindroleL", "kindedges", "kindL1",
    "work", "quoted", "workrole", "appos",
})


@cache
def _surnames() -> frozenset[str]:
    from toolkit.names import COMPOUND_SURNAMES, surnames
    return frozenset(surnames()) | COMPOUND_SURNAMES


def word_class(text: str) -> str:
    """A token as a feature value: its vocabulary word, its punctuation, or its shape."""
    low = text.lower()
    if low in FEATURE_WORDS:
        return "w:" + low
    if low.rstrip(".") in MONTHS:
        return "month"
    if low in WEEKDAYS:
        return "weekday"
    if text in PUNCTUATION:
        return "p:" + text
    if has_syllable(text[:1]):
        if text[-1:] in KO_PARTICLES and len(text) > 1:
            return "hangul-particle"
        return "hangul" + (str(len(text)) if len(text) < 5 else "5+")
    if text[:1].isdigit():
        return "year" if len(text) == 4 and text[:2] in ("19", "20") else "num" if _NUMBER.fullmatch(text) else "mixed"
    if text.isalpha() or "-" in text or "'" in text or "’" in text:
        if text.isupper() and len(text) > 1:
            return "CAPS"
        if text[:1].isupper():
            return "Cap"
        if text.islower():
            return "low"
    return "other"


@lru_cache(maxsize=8192)  # a byline's names and the agencies recur from paragraph to paragraph
def name_kind(name: str) -> str:
    """What the project's name models make of the span, whatever page it is on: an organisation's shape,
    someone the news is about (a listed leader or place), a person's name by the strict byline test (or
    a Korean name), words of the common lexicon ("Three Years Each"), or none of these."""
    if not has_syllable(name[:1]) and looks_like_organization(name):
        return "org"
    if is_news_subject(name):
        return "subject"
    if has_syllable(name[:1]):
        if name in lexicon_keys():
            return "common"
        return "person" if is_korean_name(name) else "org" if looks_like_organization(name) else "other"
    if is_byline_name(name):
        return "person"
    words = name.split()
    return "common" if all(is_common_word(w) for w in words) else "other"


def _role_near(toks: list[Token], lo: int, hi: int, step: int) -> str:
    k = lo
    while k != hi:
        text = toks[k].text
        low = text.lower()
        if text == "\n":
            break
        role = ROLE_OF.get(low) or KO_LABELS.get(text) or KO_TITLES.get(text)
        if role:
            return "role:" + role
        k += step
    return "none"


def _length_class(chars: int) -> str:
    return "short" if chars <= 30 else "medium" if chars <= 70 else "long" if chars <= 160 else "verylong"


def _count_class(n: int) -> str:
    return "one" if n == 1 else "two" if n == 2 else "three" if n == 3 else "many"


@dataclass
class Context:
    """What the features of one paragraph's candidates share: its tokens, the rules' credited lines,
    figures of each line measured once."""
    text: str
    toks: list[Token]
    credited: list[str]  # names the rules credited in this paragraph
    breaks: list[int] = field(default_factory=list)  # offsets of the line breaks
    ruled_lines: Counter = field(default_factory=Counter)  # line number -> rule-credited names on it
    lines: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.breaks = [k for k, ch in enumerate(self.text) if ch == "\n"]
        for name in self.credited:
            at = self.text.find(name)
            if at >= 0:
                self.ruled_lines[self.line_of(at)] += 1

    def line_of(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset)

    def summary(self, line_no: int) -> dict:
        """Figures of line `line_no` (0-based), measured once."""
        info = self.lines.get(line_no)
        if info is None:
            start = self.breaks[line_no - 1] + 1 if line_no else 0
            end = self.breaks[line_no] if line_no < len(self.breaks) else len(self.text)
            info = self.lines[line_no] = _line_summary(self.text[start:end])
            info["end"] = end
        return info


def _line_summary(line: str) -> dict:
    letters = [w for w in line.split() if w[:1].isalpha()]
    lower = sum(w[:1].islower() for w in letters)
    return {
        "blank": "yes" if not line.strip() else "no", "len": _length_class(len(line)),
        "words": _count_class(min(len(letters), 4)) if len(letters) < 4 else ("many" if len(letters) < 12 else "long"),
        "lower": "yes" if letters and lower * 2 > len(letters) else "no",
        "slash": "yes" if "/" in line else "no", "email": "yes" if "@" in line else "no",
        "date": "yes" if any(w.lower().rstrip(".,") in MONTHS for w in line.split()) or re.search(r"\d{4}", line) else "no",
        "titlecase": "yes" if len(letters) >= 4 and lower * 4 <= len(letters) else "no",
    }


def features(ctx: Context, cand: Candidate, position: str = "only", own: bool = False) -> list[str]:
    """The feature names of one candidate (`position`: first, last, middle or only candidate of its line;
    `own`: the rules credited this very name, training only: the rules' other credits are its context)."""
    text, toks = ctx.text, ctx.toks
    f = ["bias=yes"]
    first, last = cand.first, cand.last
    words = toks[first:last + 1]
    hangul = has_syllable(cand.name[:1])
    f.append("script=" + ("hangul" if hangul else "latin"))
    if hangul:
        f.append("n=hangul" + str(len(cand.name)))
        f.append("surname=" + ("yes" if cand.name[:1] in _surnames() or cand.name[:2] in _surnames() else "no"))
        if cand.glued:
            f.append("glued=w:" + cand.glued)
    else:
        real = [t for t in words if t.text != "."]
        f.append("n=" + _count_class(len(real)))
        for t in real:
            f.append("span=" + word_class(t.text))
            if len(t.text) == 1:
                f.append("span=init")
            if "-" in t.text:
                f.append("span=hyphen")
            if any(ord(ch) > 127 for ch in t.text):
                f.append("span=diacritic")
    if cand.name.lower() in ORGANIZATION_NAMES or any(t.text.lower() in ORGANIZATION_WORDS for t in words):
        f.append("org=yes")
    line_no = ctx.line_of(cand.start)
    info = ctx.summary(line_no)
    f += ["line=" + info["len"], "linewords=" + info["words"], "lower=" + info["lower"], "slash=" + info["slash"],
          "email=" + info["email"], "date=" + info["date"], "titlecase=" + info["titlecase"], "inline=" + position]
    for name, step in (("prevline", -1), ("nextline", 1)):
        other, gap = line_no + step, "no"
        if 0 <= other <= len(ctx.breaks) and ctx.summary(other)["blank"] == "yes":
            other, gap = other + step, "yes"  # one blank line between
        if 0 <= other <= len(ctx.breaks):
            near_info = ctx.summary(other)
            f.append(f"{name}={gap}&{near_info['len']}&{near_info['titlecase']}&{near_info['date']}&{near_info['lower']}")
        else:
            f.append(f"{name}=none")
    line_start = ctx.breaks[line_no - 1] + 1 if line_no else 0
    f.append("ruled=" + ("yes" if len(ctx.credited) > own else "no"))
    f.append("ruledline=" + ("yes" if ctx.ruled_lines[line_no] > own else "no"))
    near = any(ctx.ruled_lines[line_no + d] for d in (-2, -1, 1, 2))
    f.append("rulednear=" + ("yes" if near else "no"))
    at_bol = cand.start == line_start or not text[line_start:cand.start].strip()
    at_eol = not text[cand.end:info["end"]].strip(" .")
    f.append("bol=" + ("yes" if at_bol else "no"))
    f.append("eol=" + ("yes" if at_eol else "no"))
    f.append("bop=" + ("yes" if not text[:cand.start].strip() else "no"))
    f.append("eop=" + ("yes" if not text[cand.end:].strip(" .") else "no"))
    f.append("lines=" + _count_class(min(text.count("\n", 0, 2000) + 1, 4)))
    # neighbouring tokens (a line break is a token of its own here)
    left = _neighbours(text, toks, first, -1)
    right = _neighbours(text, toks, last, +1) if not cand.glued else ["w:" + cand.glued] + _neighbours(text, toks, last, +1)[:1]
    f += ["L1=" + left[0], "L2=" + left[1], "R1=" + right[0], "R2=" + right[1]]
    f += ["L1R1=" + left[0] + "&" + right[0], "L1L2=" + left[0] + "&" + left[1], "R1R2=" + right[0] + "&" + right[1]]
    n = f[2].split("=", 1)[1]  # the size class: "two", "hangul3"
    f += ["nL1=" + n + "&" + left[0], "nR1=" + n + "&" + right[0]]
    role_left = _role_near(toks, first - 1, max(-1, first - 1 - _WINDOW), -1)
    role_right = _role_near(toks, last + 1, min(len(toks), last + 1 + _WINDOW), +1)
    if cand.glued and cand.glued in KO_TITLES:
        role_right = "role:" + KO_TITLES[cand.glued]
    f += ["roleL=" + role_left, "roleR=" + role_right, "roleLn=" + role_left + "&" + n]
    edges = ("yes" if at_bol else "no") + "&" + ("yes" if at_eol else "no")
    f += ["edges=" + edges, "L1eol=" + left[0] + "&" + edges.split("&")[1], "R1bol=" + right[0] + "&" + edges.split("&")[0],
          "roleLL1=" + role_left + "&" + left[0], "roleRR1=" + role_right + "&" + right[0],
          "edgesline=" + edges + "&" + info["len"], "n_edges=" + n + "&" + edges]
    f.append("variant=" + (cand.variant or "none"))
    kind = name_kind(cand.name)
    f += ["kind=" + kind, "kindroleL=" + kind + "&" + role_left, "kindedges=" + kind + "&" + edges,
          "kindL1=" + kind + "&" + left[0]]
    f += ["cut=" + ("yes" if cand.cut else "no"), "cutR1=" + ("yes" if cand.cut else "no") + "&" + right[0]]
    f += _sentence(text, toks, first, last, role_left)
    f.append("sentstart=" + ("yes" if left[0] in ("BOL", "BOP", "p:.", "p:?", "p:!") else "no"))
    return f


_SENTENCE_TOKENS = 40  # tokens looked at on each side for the candidate's sentence (constant work)
_VERBS = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would", "said", "says"})
_ENDS = frozenset({".", "?", "!"})


def _sentence(text: str, toks: list[Token], first: int, last: int, role_left: str) -> list[str]:
    """How much prose shares the candidate's sentence: lower-case words before and after it, a verb
    before it ("The film was edited by A" is a story; "Edited by A" a credit), the sentence's last word,
    a work's noun or a quoted title beside it ('"Human Acts" by A, a novel': A wrote the work, not the page)."""
    before = lowers = 0
    verb = work_before = work_after = quoted_before = quoted_after = False
    role_at = prose_at_role = -1  # the nearest role word before the name in its sentence ("written" of
    # "…, written by A") and the lower-case words counted up to it (those before it are the sentence's prose)
    k = first - 1
    while k >= 0 and first - k <= _SENTENCE_TOKENS:
        tok = toks[k]
        if tok.text in _ENDS or "\n" in text[tok.end:toks[k + 1].start]:
            break
        before += 1
        lowers += tok.text[:1].islower()
        verb = verb or tok.text.lower() in _VERBS
        work_before = work_before or is_work_noun(tok.text)
        quoted_before = quoted_before or tok.text in _QUOTES
        if role_at < 0 and tok.text.lower() in ROLE_OF:
            role_at, prose_at_role = k, lowers
        k -= 1
    after = 0
    end_word = "EOP"
    k = last + 1
    while k < len(toks) and k - last <= _SENTENCE_TOKENS:
        tok = toks[k]
        if "\n" in text[toks[k - 1].end:tok.start]:
            break
        if tok.text in _ENDS:
            break
        after += tok.text[:1].islower() or has_syllable(tok.text[:1])
        work_after = work_after or is_work_noun(tok.text)
        quoted_after = quoted_after or tok.text in _QUOTES
        end_word = word_class(tok.text)
        k += 1
    work, quote = _sides(work_before, work_after), _sides(quoted_before, quoted_after)
    return ["before=" + _bucket(lowers), "after=" + _bucket(after), "verbbefore=" + ("yes" if verb else "no"),
            "sentend=" + end_word, "roleverb=" + role_left + "&" + ("yes" if verb else "no") + "&" + _bucket(lowers),
            "work=" + work, "workrole=" + work + "&" + role_left, "quoted=" + quote,
            "appos=" + ("yes" if _is_appositive(toks, role_at) else "no") + "&" + _bucket(lowers - max(prose_at_role, 0))]


def _sides(before: bool, after: bool) -> str:
    return "both" if before and after else "before" if before else "after" if after else "none"


def _is_appositive(toks: list[Token], role_at: int) -> bool:
    """", written by A" after a capitalised or quoted title: the role word says who made the thing named
    before the comma ("reviews Please Look After Mom, written by A"); with prose before it (the lower-case
    words the feature is joined with) that thing is a work the story is about, not the page ("Haruto Mori,
    translated by A" has none)."""
    k = role_at - 1
    if k >= 2 and toks[k].text in _QUOTES and toks[k - 1].text == ",":
        k -= 1  # '"Salt Winds," written by A': American style puts the comma inside the quote
    if k < 1 or toks[k].text != ",":
        return False
    prev = toks[k - 1].text
    return prev in _QUOTES or word_class(prev) in ("Cap", "CAPS")


_QUOTES = frozenset(OPENING_QUOTES + CLOSING_QUOTES) | frozenset("『』「」《》〈〉")


def is_work_noun(word: str) -> bool:
    """A noun of a work that is not the page (a novel, a play, 소설을): a name in its sentence made or
    translated that work, the shape of a review or a culture story rather than of a credit line."""
    low = word.lower()
    if low in WORK_NOUNS:  # but "By Song Ho-kyun and A": a capitalised surname spelling is a name
        return word == low or low not in surname_spellings()
    if not has_syllable(word[:1]) or word in KO_TITLES:  # 소설가, 수필가: a writer who signs, not 소설 + 가
        return False
    return word in KO_WORK_NOUNS or (word[-1] in KO_PARTICLES and word[:-1] in KO_WORK_NOUNS) \
        or (word[-2:] in KO_PARTICLES and word[:-2] in KO_WORK_NOUNS)


def _bucket(n: int) -> str:
    return "none" if n == 0 else "one" if n == 1 else "two" if n <= 3 else "three" if n <= 7 else "many"


def _neighbours(text: str, toks: list[Token], k: int, step: int) -> list[str]:
    """Classes of the two tokens beside token k, a line break counting as "BOL"/"EOL"."""
    out: list[str] = []
    pos = k
    while len(out) < 2:
        nxt = pos + step
        if nxt < 0:
            out.append("BOP")
            break
        if nxt >= len(toks):
            out.append("EOP")
            break
        gap = text[toks[nxt].end:toks[pos].start] if step < 0 else text[toks[pos].end:toks[nxt].start]
        if "\n" in gap:
            out.append("BOL" if step < 0 else "EOL")
            if len(out) == 2:
                break
        out.append(word_class(toks[nxt].text))
        pos = nxt
    while len(out) < 2:
        out.append(out[-1])
    return out[:2]


def is_project_feature(name: str) -> bool:
    """A feature name made only of the templates, vocabulary words and shape classes above."""
    template, _, values = name.partition("=")
    return template in TEMPLATES and all(_is_value(value) for value in values.split("&"))


def _is_value(value: str) -> bool:
    kind, _, word = value.partition(":")
    if value in SHAPES:
        return True
    if kind == "w":
        return word in FEATURE_WORDS
    if kind == "p":
        return word in PUNCTUATION
    if kind == "role":
        return word in ROLES
    return False
