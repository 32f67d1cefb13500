"""Name-like spans of a paragraph that a credit could name: the candidates the learned pass scores.

One left-to-right token scan (toolkit/credits/text.py's TOKEN, linear), then:
- Latin: a run of 1-5 capitalised words, initials or acronyms joined by single spaces, cut at the
  project's cue words ("By", "Photo", "with", months…): "Noel Celis" in "(AP: Noel Celis)"; a run of
  three or more words also offers its shorter heads ("Mina Cho" of "Mina Cho Since May …", a byline
  glued to a lede whose first word no list knows), marked `cut`, and the model picks the span; a run
  also goes on past a change of case ("RNZ Pacific", "Tomas WELLER") and takes a "The" before it
  ("The Harbour Gazette"), marked `variant`, for the same choice;
- Hangul: a word of 2-4 syllables, or one glued to a title ("정용균기자" -> 정용균, "홍길동입니다").
Only spans near a line's edge count (credits sit at the start or end of a line, not mid-prose), so a
long story paragraph gives few candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from toolkit.credits.agents import APOSTROPHES
from toolkit.credits.learned.vocabulary import CUT_WORDS, GIVEN_WORDS, KO_GLUED_ENDINGS, ORGANIZATION_NAMES, TITLES
from toolkit.credits.text import Token, tokens
from toolkit.hangul import has_syllable

MAX_WORDS = 5
EDGE_CHARS = 90  # a candidate starts or ends this close to its line's start or end


_ENDINGS = frozenset(KO_GLUED_ENDINGS)
_ENDING_SIZES = sorted({len(e) for e in KO_GLUED_ENDINGS}, reverse=True)


@dataclass(frozen=True)
class Candidate:
    name: str
    start: int  # character offsets of the name in the text
    end: int
    first: int  # token indices of the name (first .. last inclusive) in the token list
    last: int
    glued: str = ""  # a Korean ending glued to the name ("기자", "입니다"), "" when none
    cut: bool = False  # a head of a longer capitalised run (the run itself is a candidate too)
    variant: str = ""  # "cased": the run on past a change of case ("RNZ Pacific"); "the": with its "The"


def _is_name_word(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isalpha() or not text[:1].isupper() or has_syllable(text[:1]):
        return False
    low = text.lower().rstrip(".")
    return low not in CUT_WORDS or (low in GIVEN_WORDS and text[:1].isupper() and not text.isupper())


def _case_change(toks: list[Token], first: int, j: int) -> int:
    """The last word before a change between Title-case and ALL-CAPS words (both of 2+ letters)."""
    caps = [t.text.isupper() and len(t.text) > 1 for t in toks[first:j + 1]]
    for k in range(1, len(caps)):
        if toks[first + k].text != "." and toks[first + k - 1].text != "." and caps[k] != caps[k - 1] \
                and len(toks[first + k - 1].text) > 1 and len(toks[first + k].text) > 1:
            return first + k - 1
    return j


def _near_edge(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return start - line_start <= EDGE_CHARS or line_end - end <= EDGE_CHARS


def _hangul_candidate(text: str, tok: Token, k: int) -> Candidate | None:
    word = tok.text
    for size in _ENDING_SIZES:  # longest first; of one size only the word's own last letters can match
        ending = word[-size:]
        if ending in _ENDINGS and 2 <= len(word) - size <= 4:
            name = word[: len(word) - size]
            if _all_hangul(name):
                return Candidate(name, tok.start, tok.start + len(name), k, k, ending)
    if 2 <= len(word) <= 4 and _all_hangul(word) and (word[:1] in _surnames() or word.lower() in ORGANIZATION_NAMES):
        return Candidate(word, tok.start, tok.end, k, k)  # a name starts with a surname ("한결"), or is an agency's
    return None


@cache
def _surnames() -> frozenset[str]:
    from toolkit.names import COMPOUND_SURNAMES, surnames
    return frozenset(surnames()) | frozenset(s[:1] for s in COMPOUND_SURNAMES)


def _all_hangul(word: str) -> bool:
    return all("가" <= ch <= "힣" for ch in word)


def _ends_a_name(word: str) -> bool:
    """A possessive ("Ellison's", "Morales'") or a word glued to Hangul ("Ji-an서지안"): a name does not go
    on past it, and a head ending in it is no name (the shipped model scored "Mara Ellison's" at 0.99)."""
    return has_syllable(word) or word.translate(APOSTROPHES).lower().endswith(("'s", "'"))


def _heads(text: str, toks: list[Token], first: int, j: int) -> list[Candidate]:
    """The shorter heads (two words or more) of the run of name words toks[first..j], longest first,
    each before the run's first possessive or Hangul-glued word."""
    words = [k for k in range(first, j + 1) if toks[k].text != "."]
    plain = next((n for n, k in enumerate(words) if _ends_a_name(toks[k].text)), len(words))
    out = []
    for size in range(min(len(words) - 1, plain), 1, -1):
        last = words[size - 1]
        if last + 1 <= j and toks[last + 1].text == ".":
            last += 1  # "J." keeps its stop
        start, end = toks[first].start, toks[last].end
        out.append(Candidate(text[start:end], start, end, first, last, cut=True))
    return out


_ARTICLES = frozenset({"The", "THE"})


def _variants(text: str, toks: list[Token], first: int, j: int, run_end: int) -> list[Candidate]:
    """Other readings of the run toks[first..j] for the model to weigh against it: on past a change of
    case ("RNZ Pacific", "Gauthier DELECROIX", cut at the change for "Hyonhee Shin SEOUL"), and with the
    article the cue words cut off ("The Associated Press", an outlet's name)."""
    out = []
    if run_end > j and run_end - first < MAX_WORDS:
        start, end = toks[first].start, toks[run_end].end
        if _near_edge(text, start, end):
            out.append(Candidate(text[start:end], start, end, first, run_end, variant="cased"))
    if first > 0 and toks[first - 1].text in _ARTICLES and toks[first - 1].end + 1 == toks[first].start:
        start, end = toks[first - 1].start, toks[j].end
        if _near_edge(text, start, end):
            out.append(Candidate(text[start:end], start, end, first - 1, j, variant="the"))
    return out


def find_candidates(text: str, toks: list[Token] | None = None) -> tuple[list[Token], list[Candidate]]:
    """(the tokens of `text`, the candidate spans in text order)."""
    toks = tokens(text) if toks is None else toks
    out: list[Candidate] = []
    k = 0
    n = len(toks)
    while k < n:
        tok = toks[k]
        if has_syllable(tok.text[:1]):
            cand = _hangul_candidate(text, tok, k)
            if cand is not None and _near_edge(text, cand.start, cand.end):
                out.append(cand)
            k += 1
            continue
        if not _is_name_word(tok):
            k += 1
            continue
        j = k
        while True:  # j: the run's last word (its initial's full stop, "J.", is a word of its own)
            nxt = j + 1
            if nxt < n and toks[nxt].text == "." and toks[nxt].start == toks[j].end and len(toks[j].text) <= 3:
                nxt += 1  # "J." / "Dr.": the stop belongs to the initial or title
            if nxt < n and toks[nxt].start == toks[nxt - 1].end + 1 and text[toks[nxt - 1].end] == " " \
                    and _is_name_word(toks[nxt]):
                j = nxt
            else:
                break
        first = k
        while first <= j and (toks[first].text.lower() in TITLES or toks[first].text == "."):
            first += 1  # "Dr. Antonio Graceffo"
        run_end = j
        j = _case_change(toks, first, j)  # "Hyonhee Shin SEOUL": the name stops where capitals start
        last = j + 1 if j + 1 < n and toks[j + 1].text == "." and toks[j + 1].start == toks[j].end \
            and len(toks[j].text) == 1 else j  # a name closing on an initial ("Ho J.")
        if first <= j and j - first < MAX_WORDS:
            start, end = toks[first].start, toks[last].end
            if _near_edge(text, start, end):
                out.append(Candidate(text[start:end], start, end, first, last))
                out.extend(h for h in _heads(text, toks, first, j) if _near_edge(text, h.start, h.end))
                out.extend(_variants(text, toks, first, j, run_end))
        k = max(j + 1, k + 1)
    return toks, out
