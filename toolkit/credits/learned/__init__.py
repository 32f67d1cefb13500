"""A learned recall pass over credit lines the rule readers did not take.

    learned_credits(paragraph, credits)   credits the model adds to the rules' `credits`
    add_learned(paragraph, rest, credits) (rest, credits) with those credits added

The rules go first; this pass scores the name-like spans near a line's edge (candidates.py) by
their context (features.py) with a logistic regression (softmax.py) whose weights ship in
toolkit/data/credit_model.json, and keeps a span only when the model is sure (its threshold, tuned
for precision by cross-validation over the real pages, benchmarks/credit_model.py) and the rules
credited nobody of that name. It never removes a rule's credit; it takes a name out of `rest` only
where the name fills a line, or a bracket at a line's end, with nothing but credit words around it.
The model is loaded on first use, never at import.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from toolkit.credits.agents import agent_kind, organization_of, service_language, short_org
from toolkit.credits.korean import NOT_CREDITED_WORDS, is_named_in_story, is_outlet
from toolkit.credits.lists import slashed_service
from toolkit.credits.sentences import sentence_spans
from toolkit.credits.vocabulary import CREDIT_VERBS, ROLE_WORDS
from toolkit.credits.learned.candidates import Candidate, find_candidates
from toolkit.credits.learned.features import Context, features, word_class
from toolkit.credits.learned.softmax import probabilities
from toolkit.credits.learned.vocabulary import KO_CUES, ROLE_OF
from toolkit.credits.text import tokens
from toolkit.hangul import has_syllable, is_syllable_word
from toolkit.model import Credit
from toolkit.names import is_korean_name

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "credit_model.json"
NONE = "none"
CLASSES = (NONE, "writer", "reporter", "photographer", "translator", "editor", "producer", "contributor")
MAX_CHARS = 5000  # a paragraph longer than this is a story: no credit line is looked for in it
_CUE_PUNCTUATION = frozenset("/:|@〓=")
_EN_CUE_WORDS = frozenset({*ROLE_OF, "by"})  # has_cue's English words, lower-cased; may_have_cue searches for them


@cache
def load_model(path: Path = MODEL_PATH) -> dict | None:
    """The shipped model, or None when it is absent (the pass then adds nothing)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def has_cue(paragraph: str, toks) -> bool:
    """A line break, a credit punctuation, an English credit word or a Korean title, label or
    sign-off: without one, no credit line is near (and most story paragraphs cost one scan)."""
    if _has_text_cue(paragraph):
        return True
    return any(tok.text in _CUE_PUNCTUATION or tok.text.lower() in _EN_CUE_WORDS for tok in toks)


def _has_text_cue(paragraph: str) -> bool:
    """The cues has_cue finds in the text itself, not in its tokens (a line break, a Korean title or sign-off):
    one test for has_cue and its screen may_have_cue, so that the screen cannot fall behind it."""
    return "\n" in paragraph or any(word in paragraph for word in KO_CUES)


# has_cue's English cues as one search of the lower-cased text: a token that is one of them, lower-cased,
# is written in that text (the cues are ASCII, so lower-casing the whole text spells each token as
# lower-casing the token alone does); the reverse need not hold ("nearby" holds "by"), so a text this
# finds is tokenized and asked as before
_EN_CUES = re.compile("|".join(re.escape(w) for w in sorted(_EN_CUE_WORDS, key=len, reverse=True)))
_EN_CUES_ASCII = all(w.isascii() for w in _EN_CUE_WORDS)


def may_have_cue(paragraph: str) -> bool:
    """False only where has_cue is False, found without tokenizing: most story paragraphs hold no cue,
    and the dispatch (credits.extract_credits) then skips the pass, which would tokenize them to learn it."""
    if _has_text_cue(paragraph) or any(ch in paragraph for ch in _CUE_PUNCTUATION):
        return True
    return not _EN_CUES_ASCII or _EN_CUES.search(paragraph.lower()) is not None


def candidate_features(paragraph: str, credits: list[Credit], training: bool = False) -> list[tuple[Candidate, list[str]]]:
    """Each candidate the rules' credits leave open (not a credited name, nor inside one), with its features;
    in training, the credited ones too (as credits found by the context of the rules' other credits)."""
    toks = tokens(paragraph)
    if not has_cue(paragraph, toks):
        return []
    _, cands = find_candidates(paragraph, toks)
    taken = [c.name for c in credits]
    ctx = Context(paragraph, toks, taken)
    whole = [cand for cand in cands if not cand.cut and not cand.variant]  # heads and variants share a place
    positions = {cand.start: _position(whole, k, paragraph) for k, cand in enumerate(whole)}
    out = []
    for cand in cands:
        if not training and is_covered(cand.name, taken):
            continue
        place = positions.get(cand.start) or positions.get(toks[cand.first + 1].start, "only")  # "The" + run
        out.append((cand, features(ctx, cand, place, own=cand.name in taken)))
    return out


def is_covered(name: str, taken: list[str]) -> bool:
    """Whether a candidate's name is already in (or holds) a name the rules credited: the pass skips it,
    and training marks it so (benchmarks/credit_model.py), so both read one test."""
    return any(name in other or other in name for other in taken)


def _position(cands: list[Candidate], k: int, text: str) -> str:
    """first, last, middle or only candidate of its line."""
    before = k > 0 and "\n" not in text[cands[k - 1].end:cands[k].start]
    after = k + 1 < len(cands) and "\n" not in text[cands[k].end:cands[k + 1].start]
    return "middle" if before and after else "last" if before else "first" if after else "only"


def scored_candidates(paragraph: str, credits: list[Credit], model: dict) -> list[tuple[Candidate, str, float]]:
    """(candidate, its likeliest role, that role's probability) for each open candidate of the paragraph;
    a Hangul candidate by the model's `hangul_weights` when it has them (benchmarks/credit_model.py
    --hangul-from-partner)."""
    weights, classes = model["weights"], model["classes"]
    hangul = model.get("hangul_weights", weights)  # Korean names scored apart when the model says so
    out = []
    for cand, feats in candidate_features(paragraph, credits):
        probs = probabilities(hangul if has_syllable(cand.name[:1]) else weights, feats, len(classes))
        best = max(range(1, len(classes)), key=lambda c: probs[c])
        out.append((cand, classes[best], probs[best]))
    return out


def learned_credits(paragraph: str, credits: list[Credit], model: dict | None = None,
                    threshold: float | None = None) -> list[tuple[Candidate, Credit]]:
    """The credits the model adds: one per name, the rules' names (and names inside them) left out."""
    return [(cand, credit) for cand, credit, _ in sure_credits(paragraph, credits, model, threshold)]


def sure_credits(paragraph: str, credits: list[Credit], model: dict | None = None,
                 threshold: float | None = None) -> list[tuple[Candidate, Credit, float]]:
    """learned_credits with each credit's probability, which cross-validation needs to try every
    threshold from one scoring."""
    model = model or load_model()
    if model is None or len(paragraph) > MAX_CHARS:
        return []
    threshold = model["threshold"] if threshold is None else threshold
    if threshold > 1.0:
        return []  # a threshold no probability reaches: the pass is off (cross-validation found no safe one)
    best: dict[str, tuple[Candidate, str, float]] = {}
    outlets = {c.organization for c in credits if c.organization and c.agent == "person"}
    for cand, role, p in _best_span(scored_candidates(paragraph, credits, model)):
        if p < threshold or not _may_name(cand.name, outlets) or _in_prose_list(paragraph, cand) \
                or _after_other_verb(paragraph, cand) or _slash_credit_in_prose(paragraph, cand) \
                or _described_after(paragraph, cand) \
                or _after_credited_slash(paragraph, cand, credits) \
                or is_named_in_story(paragraph[cand.end:cand.end + 320]):  # "A 기자가 … 수상했습니다"
            continue
        if cand.name not in best or p > best[cand.name][2]:
            best[cand.name] = (cand, role, p)
    out = []
    kept = sorted(best.values(), key=lambda item: item[0].start)
    for cand, role, p in kept:
        if any(cand.name != other.name and cand.name in other.name for other, _, _ in kept):
            continue  # "Fenkl" of "Heinz Insu Fenkl": the whole name is credited
        org = organization_of(cand.name)
        credit = Credit(role=role, name=cand.name, organization=org, agent=agent_kind(cand.name, org))
        if (m := _SLASH_OWNER.match(paragraph, cand.end)) and (service := slashed_service(m[1])) is not None:
            credit.service, credit.organization, credit.language = service[0], service[1], service_language(service[0])
        out.append((cand, credit, p))
    return out


# what follows a name after its slash, up to the bracket or line that closes the credit: "A/VOA Khmer)"
_SLASH_OWNER = re.compile(r" ?/ ?([^/()\[\]\n]{2,40}?) ?(?:[)\]\n]|$)")


def _best_span(scored: list[tuple[Candidate, str, float]]) -> list[tuple[Candidate, str, float]]:
    """Of a run and its heads (one start), the span the model is surest of: where the name ends."""
    best: dict[int, tuple[Candidate, str, float]] = {}
    for item in scored:
        start = item[0].start
        if start not in best or item[2] > best[start][2]:
            best[start] = item
    return list(best.values())


_PARTICLE_ENDS = frozenset("가이의은는을를와과")


def _may_name(name: str, outlets: set[str]) -> bool:
    """A Hangul word of the credit vocabulary ("기자", "소식통") or of three syllables or fewer that the name
    test refuses names nobody unless it is an outlet ("이아리따" may be a name); the outlet of a person the
    rules credited ("[전주=뉴시스]Reporter A =") is that person's, not a credit of its own."""
    if is_syllable_word(name) and not is_outlet(name) and (
            name in NOT_CREDITED_WORDS or (len(name) <= 3 and not is_korean_name(name))
            or (name[-1] in _PARTICLE_ENDS and name[:-1] in NOT_CREDITED_WORDS)):  # "기자가": a title and its particle
        return False
    return short_org(name) not in outlets


# the last "<participle> by" of a line before a name: "Printed by A", "was arrested by B"
_PARTICIPLE_BY = re.compile(r"\b([A-Za-z]+ed) by\b(?!.*\bby\b)", re.IGNORECASE)
# participles a credit is said with besides the role words: who published, posted, shot or supplied it
_CREDIT_PARTICIPLES = frozenset(ROLE_WORDS) | frozenset(CREDIT_VERBS) | {
    "published", "posted", "created", "provided", "supplied", "captured", "mixed", "remixed", "shared",
    "uploaded", "contributed", "narrated", "voiced", "hosted", "presented", "directed", "prepared", "licensed",
    "distributed", "syndicated", "sponsored", "commissioned", "released", "issued", "obtained"}
_AGENT_CHARS = 60  # the passive's agent runs to the name: "Printed by A,\nInternational Secretariat"


def _after_other_verb(paragraph: str, cand: Candidate) -> bool:
    """A name in the agent of a passive that is no credit ("Printed by A, International Secretariat",
    "were detained by B"): the pass credits who made the page, not who printed or arrested something."""
    start, reach = paragraph.rfind("\n", 0, cand.start) + 1, max(1, cand.start - _AGENT_CHARS)
    while start > reach and _ends_in_comma(paragraph, start - 1):  # a list wrapped onto the next line
        start = paragraph.rfind("\n", 0, start - 1) + 1  # (lines above the agent's reach change nothing)
    m = _PARTICIPLE_BY.search(paragraph, max(start, cand.start - _AGENT_CHARS), cand.start)
    between = paragraph[m.end():cand.start] if m else ""
    return m is not None and m[1].lower() not in _CREDIT_PARTICIPLES and not re.search(r"[.;:!?]\s", between)


# a relative clause opened right after the name: ", who left her post in March"
_RELATIVE_AFTER = re.compile(r",?\s+(?:who|whom|whose)\s+[a-z]")


# words a credit line's opening "… by" is made of: "By", "Reported by", "Written in English by"
_BY_OPENING_WORDS = frozenset(ROLE_WORDS) | CREDIT_VERBS | {"and", "in", "english", "additional", "with"}


def _described_after(paragraph: str, cand: Candidate) -> bool:
    """A name a relative clause goes on to describe ("Meduza is edited by A, who left her post"): a person
    the story tells of; a credit line names who made the page and stops. A line that is a credit from its
    first word ("Reported by A, who reported from Lima, and B") keeps A: its clause says where A worked."""
    if _RELATIVE_AFTER.match(paragraph, cand.end) is None:
        return False
    start = next((a for a, b in sentence_spans(paragraph) if a <= cand.start < b), 0)
    start = paragraph.rfind(";", start, cand.start) + 1 or start  # "Reporting by A; Editing by B, who …"
    opening = _PROSE_WORDS.findall(paragraph[start:cand.start].lower())
    return not (opening and opening[-1] == "by" and all(w in _BY_OPENING_WORDS for w in opening[:-1]))


# a slash credit ("A/AFP/Getty Images") and what follows it in its sentence
_SLASH_CHAIN = re.compile(r"(?:\s?/\s?[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,3}){1,4}[\s,—–-]*")
_PROSE_WORDS = re.compile(r"[a-z][a-z'’\-]*")
_PROSE_AFTER = 3  # lower-case words running on after the credit: a sentence, not a caption's slot
_PROSE_CHARS = 80


def _slash_credit_in_prose(paragraph: str, cand: Candidate) -> bool:
    """A slash credit the sentence runs on after ("names like A/AFP/Getty Images — does more than …"):
    an example of a credit line quoted in prose; a caption's slot closes its line or its caption."""
    m = _SLASH_CHAIN.match(paragraph, cand.end)
    if m is None or m.end() == cand.end:
        return False
    after = paragraph[m.end():m.end() + _PROSE_CHARS]
    after = re.split(r"[.!?\n]", after, maxsplit=1)[0]
    words = after.split()
    return bool(words) and words[0][:1].islower() and len([w for w in words if _PROSE_WORDS.fullmatch(w)]) >= _PROSE_AFTER


def _after_credited_slash(paragraph: str, cand: Candidate, credits: list[Credit]) -> bool:
    """"A/Project Dawn/AFP/Getty Images" whose photographer A the rules credited: what follows A's slash
    handed the picture out or moved it, it took no picture of its own."""
    before = paragraph[max(0, cand.start - _AGENT_CHARS):cand.start].rstrip()
    for _ in range(_CHAIN_LINKS):  # "A/SOPA Images/Sipa USA": back along the chain of agencies to A
        if not before.endswith("/"):
            return False
        before = before[:-1].rstrip()
        if any(c.role == "photographer" and before.endswith(c.name) for c in credits):
            return True
        link = before.rfind("/")
        if link < 0 or "\n" in before[link:]:
            return False
        before = before[:link + 1]
    return False


_CHAIN_LINKS = 4  # "A/Project Dawn/AFP/Getty Images": a picture moves through three hands at most


def _ends_in_comma(text: str, end: int) -> bool:
    """text[:end] ends in a comma past any white space, read in place (no copy of the text above)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] == ","


_SENTENCE_CLOSE = re.compile(r"(?:[a-z)\]”\"]|다)\.\s*$")
_LIST_COMMAS = 3
_AFFILIATION = re.compile(r"^\s*\([^()]{1,30}\)")  # "조용학(연합뉴스)": an item's affiliation after it
# what stands before a list's item: a comma, a middle dot, 및, or "and" as a word ("Grand", "Roland" are none)
_ITEM_BEFORE = re.compile(r"(?:[,·]|및|(?<![A-Za-z])and)\s*$")


def _in_prose_list(paragraph: str, cand: Candidate) -> bool:
    """A name in a sentence that lists people ("…, A (연합뉴스), B (월간청풍).", "… reporter A, and B
    participated."): who took part in something, not who made the page (one scan of the line)."""
    start = paragraph.rfind("\n", 0, cand.start) + 1
    end = paragraph.find("\n", cand.end)
    line = paragraph[start:] if end < 0 else paragraph[start:end]
    if line.count(",") < _LIST_COMMAS or not _SENTENCE_CLOSE.search(line):
        return False
    before = paragraph[max(start, cand.start - 6):cand.start]
    after = _AFFILIATION.sub("", paragraph[cand.end:cand.end + 40], count=1)
    return bool(_ITEM_BEFORE.search(before)) or after.lstrip().startswith((",", "and "))  # an item


def add_learned(paragraph: str, rest: str, credits: list[Credit],
                threshold: float | None = None) -> tuple[str, list[Credit]]:
    """The rules' answer with the learned credits added after them, each one's text taken out of
    `rest` where that is safe (removable_text); `threshold` overrides the shipped model's."""
    found = learned_credits(paragraph, credits, threshold=threshold)
    for cand, _ in found:
        piece = removable_text(paragraph, cand)
        if piece and rest.count(piece) == 1:
            rest = _cut(rest, piece)
    return rest, credits + [credit for _, credit in found]


_FILLER = frozenset({"month", "weekday", "num", "year"})


def _only_credit_words(text: str, cand: Candidate, start: int) -> bool:
    """Every token of text (at offset `start` of the paragraph) outside the name is a credit word,
    punctuation or a date: nothing of a sentence would go with it."""
    for tok in tokens(text):
        a = start + tok.start
        if cand.start <= a < cand.end:
            continue
        kind = word_class(tok.text)
        if not (kind.startswith(("w:", "p:")) or kind in _FILLER):
            return False
    return True


_WIDGET_WORDS = 4
_BRACKETS = {"〈": "〉", "[": "]", "<": ">", "(": ")", "【": "】"}


def _bracketed_widget(line: str) -> bool:
    """A line that is one short bracket ("〈부산〓김하늘기자〉", "[김하늘 기자]"): a credit widget, never prose."""
    line = line.strip()
    if len(line) < 3 or _BRACKETS.get(line[0]) != line[-1] or any(ch in line[1:-1] for ch in "〈〉[]<>()【】"):
        return False
    return sum(1 for tok in tokens(line[1:-1]) if tok.text[:1].isalnum()) <= _WIDGET_WORDS


def removable_text(paragraph: str, cand: Candidate) -> str | None:
    """The text a learned credit may take out of the body: its whole line ("Photo: Tomas Weller", a short
    bracketed widget "〈부산〓김하늘기자〉"),
    or the bracket closing its line ("… properties. (AP: Noel Celis)"), when nothing but the name,
    credit words, punctuation and dates is in it; else None (the body is left alone)."""
    line_start = paragraph.rfind("\n", 0, cand.start) + 1
    line_end = paragraph.find("\n", cand.end)
    line_end = len(paragraph) if line_end < 0 else line_end
    line = paragraph[line_start:line_end]
    if _only_credit_words(line, cand, line_start) or _bracketed_widget(line):
        return line.strip()
    opening = max(line.rfind("(", 0, cand.start - line_start), line.rfind("[", 0, cand.start - line_start))
    if opening < 0:
        return None
    closing = line.find(")" if line[opening] == "(" else "]", cand.end - line_start)
    if closing < 0 or line[closing + 1:].strip(" .") or not _only_credit_words(
            line[opening:closing + 1], cand, line_start + opening):
        return None
    return line[opening:closing + 1]


def _cut(rest: str, piece: str) -> str:
    """`rest` without `piece`, the spaces and the empty lines it leaves closed up."""
    at = rest.index(piece)
    before, after = rest[:at].rstrip(" "), rest[at + len(piece):].lstrip(" ")
    glue = " " if before and after and not before.endswith("\n") and not after.startswith(("\n", ".")) else ""
    return re.sub(r"\n{3,}", "\n\n", before + glue + after).strip()
