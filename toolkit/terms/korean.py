"""The Korean side of terminology: the content units a word-alignment model sees, and the
term occurrences among them.

A unit is one content morpheme of a Kiwi analysis, keyed as the lexicon keys it (nouns as
written, verbs and adjectives as stem + 다, the noun of a 하다/되다 verb standing for the
verb), so that the lexicon can serve as the model's prior. A noun with a derivational suffix
is one unit (밀수꾼 "smuggler" is not 밀수 "smuggling"; the plural 들 or 산 "made in" derive nothing).

A term is a noun or a run of nouns written together (정치범수용소, 보위원) that a
terminologist would track: a lexicon key, or a word the lexicon lacks that recurs in at
least two sentences of the archive (of one article or of several: an article's topic, 결핵
in a report on tuberculosis, recurs in it; such a word keeps a row only where the English
renders it: `admitted`), and in either case not a generic noun of the stop list
(toolkit/data/term_stoplist.tsv) nor a surname standing alone (김 씨, 권 장관). Kiwi splits
words it does not know into pieces (보위원 -> 보 + 위원), which is why runs are joined
before the pieces are looked at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from toolkit.datafiles import DATA_DIR, read_pairs
from toolkit.segment import kept_for_analyses

STOPLIST = DATA_DIR / "term_stoplist.tsv"
NOUNS = frozenset({"NNG", "NNP"})
_VERBS = frozenset({"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"})
_CONTENT = NOUNS | _VERBS | {"XR", "SL", "MAG"}
# noun suffixes that do not make another word: plural, honorific, "about", "each", and those
# that only qualify the noun (한국산 "made in Korea", 북한식 "North Korean-style"): the English
# says the noun's own word for them (South Korean smartphones)
_NON_DERIVING = frozenset("들 님 쯤 께 씩 째 여 경 당 별 산 제 계 상 간 용 풍 식".split())
_LONGEST_RUN = 4
# what may stand between a noun and the noun it modifies besides a space: a suffix that derives
# nothing (공해상 목표 수역), 간 (대륙간탄도미사일), an adjective's or the copula's adnominal ending
_MODIFIER_TAGS = frozenset({"XSN", "XSA", "VCP", "ETM"})
# what Kiwi may split off a word's head as a prefix (Unit.lead): a prefix proper, or a determiner
# it reads into a name (양/MM 강도 of 양강도: "both" + "robbery")
_PREFIXES = frozenset({"XPN", "MM"})


@dataclass(frozen=True)
class Unit:
    """One content morpheme (or nouns joined into a known word): its key, Kiwi tag, place in
    the sentence, and the keys it was joined from (보위부원 <- 보위, 부원)."""

    key: str
    tag: str
    start: int
    end: int
    parts: tuple[str, ...] = ()
    base: str = ""  # the noun a derivational suffix was added to (가능성 <- 가능)
    gloss: bool = False  # written alone in parentheses right after a noun: its synonym (남조선(남한))
    # a noun that modifies the noun after it (대인 지뢰, 우발적인 충돌, 완전한 비핵화): what stands between
    # them ("" together, " ", "한 "; 적인 is written 적 + " "); None: the next unit is no noun it modifies
    joint: str | None = None
    # a prefix Kiwi split off and wrote right before the noun, not a noun itself (무산광산 as 무/XPN
    # 산/XSN 광산, 무관세 as 무/XPN 관세, 양강도 as 양/MM 강도): merge_known joins it back where the
    # whole is a known word
    lead: str = ""


@dataclass(frozen=True)
class Occurrence:
    """A term met in a sentence: the term and the indices of the units that spell it."""

    term: str
    units: tuple[int, ...]


@cache
def stoplist() -> dict[str, str]:
    """Noun -> the group of generic nouns it belongs to (time, reporting, people, ...)."""
    return dict(read_pairs(STOPLIST))


def korean_units(text: str) -> list[Unit]:
    """The content units of one Korean sentence, in order."""
    return list(_korean_units(text))


@kept_for_analyses(8192)
def _korean_units(text: str) -> tuple[Unit, ...]:
    """korean_units, kept: a sentence met again (a repeated paragraph, an updated story) is not
    read into units again (Units are frozen, so the kept ones can be shared)."""
    from toolkit.segment import korean_tokens

    units: list[Unit] = []
    opened: int | None = None  # units before a "(" written right after a noun; None: no such "(" open
    between: list[tuple[str, str]] = []  # (form, tag) of the tokens since the last unit
    prefix: tuple[int, int] | None = None  # (start, end) of prefix tokens written together (Unit.lead)
    for form, tag, lemma, start, length in korean_tokens(text):
        end = start + length
        if tag in NOUNS and units and units[-1].tag in NOUNS:
            joint = _joint(text[units[-1].end:start], between)
            if joint is not None:
                units[-1] = replace(units[-1], joint=joint)
        between.append((form, tag))
        if tag in _PREFIXES or (tag == "XSN" and prefix is not None and prefix[1] == start):
            prefix = (start if prefix is None or prefix[1] != start else prefix[0], end)
            continue
        lead = text[prefix[0]:start] if prefix is not None and prefix[1] == start and tag in NOUNS else ""
        prefix = None
        if tag == "SSO":
            opened = len(units) if form == "(" and units and units[-1].end == start and units[-1].tag in NOUNS \
                else None
            continue
        if tag == "SSC" and opened is not None:
            if form == ")" and _one_word(units[opened - 1:], start):
                units[opened:] = [replace(u, gloss=True) for u in units[opened:]]
            opened = None
            continue
        if tag == "XSN" and units and units[-1].end == start and units[-1].tag in NOUNS:
            if form not in _NON_DERIVING:
                last = units[-1]
                units[-1] = Unit(last.key + form, last.tag, last.start, end, base=last.base or last.key, lead=last.lead)
            continue
        if tag not in NOUNS:
            opened = None  # "(송금 관련 ...)", "(당국의)": a phrase in parentheses glosses nothing
        if tag not in _CONTENT:
            continue
        key = (lemma if lemma.endswith("다") else lemma + "다") if tag in _VERBS else form
        units.append(Unit(key, tag, start, end, lead=lead))
        between = []
    return tuple(units)


def _joint(gap: str, tokens: list[tuple[str, str]]) -> str | None:
    """How a noun is tied to the noun written `gap` after it, the `tokens` between them: the
    joint of a modifier (Unit.joint), or None when a particle, a verb or punctuation stands
    between (북한의 비핵화, 라면, 과자)."""
    if len(gap) > 2 or gap.count(" ") > 1 or gap.startswith(" ") and len(gap) > 1 or \
            any(c.isspace() and c != " " for c in gap):
        return None  # a line break or a tab ends a phrase
    if not all(tag in _MODIFIER_TAGS or (tag == "NNB" and form == "간") for form, tag in tokens):
        return None
    if any(tag == "VCP" for _, tag in tokens):
        return " "  # 우발적인 충돌 is 우발적 충돌
    if any(tag == "ETM" for _, tag in tokens) and not any(tag == "XSA" for _, tag in tokens):
        return None
    return gap


def _one_word(units: list[Unit], closing: int) -> bool:
    """Whether units[1:] (what follows the noun units[0] inside its parentheses, closed at
    `closing`) are nouns written together that fill the parentheses: one word."""
    inside = units[1:]
    return bool(inside) and inside[0].start == units[0].end + 1 and inside[-1].end == closing and all(
        u.tag in NOUNS and u.start == v.end for v, u in zip(inside, inside[1:]))


def noun_runs(units: list[Unit]) -> list[tuple[int, int]]:
    """(first, last + 1) of every run of nouns written together, single nouns included."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if units[i].tag not in NOUNS:
            i += 1
            continue
        j = i + 1
        while j < len(units) and units[j].tag in NOUNS and units[j].start == units[j - 1].end:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _joined(units: list[Unit], first: int, last: int) -> str:
    return "".join(u.key for u in units[first:last])


@dataclass(frozen=True)
class TermVocabulary:
    """The words of an archive: lexicon keys and the recurring words the lexicon lacks;
    calling it tells a term (a word of either kind the stop list does not name)."""

    known: Container[str]
    recurring: frozenset[str] = field(default_factory=frozenset)

    def has(self, key: str) -> bool:
        return key in self.known or key in self.recurring

    def __call__(self, key: str) -> bool:
        return self.has(key) and key not in stoplist()


def vouched(term: str, known: Container[str], vouchers: Container[str]) -> bool:
    """Whether more than the archive's recurrence says `term` is terminology: a lexicon key
    (`known`), or one of the article's `vouchers`, its proper nouns and rates (is_rate: a term even
    written once); a phrase, by one of its words. A recurring word nothing else vouches for is as
    often an article's everyday word (관람객, 외지, 교제) as its term; the translator's choice tells
    them apart, so such a word is kept only where the English renders it (admitted)."""
    return any(word in known or word in vouchers for word in term.split())


def admitted(rows: list[dict], known: Container[str], vouchers: Container[str]) -> list[dict]:
    """The term rows that stay in the table: a vouched term's always (its omission is news), a word
    only recurrence admitted where its bead's English renders it by words of its own, and any row
    a kept row names in `part_of` (the longer term keeps a row of its own)."""
    kept = [row["status"] == "rendered" or vouched(row["ko_term"], known, vouchers) for row in rows]
    while True:
        held = {(row["bead"], row["part_of"]) for row, keep in zip(rows, kept) if keep and row["part_of"]}
        more = [keep or (row["bead"], row["ko_term"]) in held for row, keep in zip(rows, kept)]
        if more == kept:
            return [row for row, keep in zip(rows, kept) if keep]
        kept = more


def article_words(sentences: Iterable[list[Unit]], known: Container[str]) -> tuple[str, ...]:
    """The nouns and runs of nouns written together in one article (its sentences' units)
    that the lexicon lacks, each once for every sentence that has it (sorted): candidates for
    the archive's own vocabulary, counted by sentence."""
    words: list[str] = []
    for units in sentences:
        words.extend({word for first, last in noun_runs(units)
                      for word in (_joined(units, first, last), units[first].lead + _joined(units, first, last))
                      if last - first <= _LONGEST_RUN and word not in known and len(word) >= 2})
    return tuple(sorted(words))


def recurring_words(articles: Iterable[Iterable[list[Unit]]], known: Container[str],
                    min_sentences: int = 2) -> frozenset[str]:
    """Nouns and runs of nouns the lexicon lacks that occur in `min_sentences` sentences or
    more (each article given as its sentences' units): the archive's own vocabulary, for
    example 보위원 or 국가보위성, which a terminologist would track although no lexicon lists it."""
    seen = Counter(word for sentences in articles for word in article_words(sentences, known))
    return frozenset(w for w, n in seen.items() if n >= min_sentences)


def can_join(units: list[Unit]) -> bool:
    """Whether merge_known could join anything: some nouns are written together, a prefix
    was split off a noun, or a name may hold a particle."""
    return any(last - first >= 2 for first, last in noun_runs(units)) or \
        any(u.lead or _particle(u) for u in units)


# particles Kiwi sometimes leaves inside a proper noun it does not know (무산광산만, 하나원에서)
_PARTICLES = ("에서", "으로", "까지", "부터", "에게", "만", "은", "는", "이", "가", "을", "를", "의", "도", "에",
              "와", "과", "로")


def _particle(unit: Unit) -> int:
    """The length of a particle a proper noun may end in (0: none)."""
    if unit.tag != "NNP":
        return 0
    return next((len(p) for p in _PARTICLES if unit.key.endswith(p) and len(unit.key) - len(p) >= 2), 0)


def _unglued(unit: Unit, is_known) -> Unit:
    """A proper noun with a particle Kiwi left on it (무산광산만) as the known word before the
    particle; any other unit as it is."""
    n = _particle(unit)
    if n and not is_known(unit.key) and is_known(unit.key[:-n]):
        return replace(unit, key=unit.key[:-n], end=unit.end - n)
    return unit


def merge_known(units: list[Unit], is_known) -> list[Unit]:
    """Nouns written together become one unit where the joined form is a known word (보위 + 부
    -> 보위부, 핵 + 보유국 -> 핵보유국): the longest known sub-run from the left, so that the
    model and the glossary see one word where Kiwi saw pieces."""
    units = [_unglued(u, is_known) for u in units]
    out: list[Unit] = []
    done = 0
    for first, last in noun_runs(units):
        out.extend(units[done:first])
        i = first
        while i < last:
            lead = units[i].lead
            for j in range(min(last, i + _LONGEST_RUN), i, -1):
                joined = _joined(units, i, j)
                # with the prefix Kiwi split off first (무 + 산 + 광산 -> 무산광산), then without
                prefix = lead if lead and is_known(lead + joined) else ""
                if prefix or (j > i + 1 and is_known(joined)):
                    out.append(Unit(prefix + joined, units[i].tag, units[i].start - len(prefix), units[j - 1].end,
                                    (*((prefix,) if prefix else ()), *(u.key for u in units[i:j])),
                                    gloss=all(u.gloss for u in units[i:j]), joint=units[j - 1].joint))
                    i = j
                    break
            else:
                out.append(units[i])
                i += 1
        done = last
    out.extend(units[done:])
    return out


def _name(unit: Unit) -> bool:
    """A proper noun Kiwi knows as one word (최문종, 뉴스나인), not a piece it split off: a
    name is tracked even when it is written once."""
    return unit.tag == "NNP" and len(unit.key) >= 3 and not unit.parts and unit.key not in stoplist()


RATE_SUFFIXES = ("률", "율")


def is_rate(unit: Unit) -> bool:
    """A rate derived from a noun (고용률 "employment rate", 상승률 "rate of increase"): an
    indicator a terminologist tracks even when written once, and even from a generic noun."""
    return bool(unit.base) and unit.tag in NOUNS and unit.key[len(unit.base):] in RATE_SUFFIXES


def term_occurrences(units: list[Unit], is_term) -> list[Occurrence]:
    """The term occurrences of one sentence's (merged) units: one per term, in order of first
    appearance. A surname standing alone (김, 권) is never one, nor a word derived from a
    generic noun (가능성 from 가능, 구체적 from 구체): the suffix makes no terminology of it,
    except a rate's (is_rate)."""
    found: dict[str, Occurrence] = {}
    for i, unit in enumerate(units):
        if is_rate(unit) and unit.key not in stoplist():
            found.setdefault(unit.key, Occurrence(unit.key, (i,)))
        elif (unit.tag in NOUNS and (is_term(unit.key) or _name(unit)) and not (unit.tag == "NNP" and len(unit.key) == 1)
                and unit.base not in stoplist()):
            found.setdefault(unit.key, Occurrence(unit.key, (i,)))
    return list(found.values())


def known_pieces(word: str, is_known, last: bool = True) -> tuple[str, ...] | None:
    """A word Kiwi reads as one noun (스파이크미사일, 북한군) as the known words it is compounded
    of, the head last: the longest known ending (of two syllables, or of one, the head's, after two
    or more: 북한군), then the same for what is before it, which may be left as one unknown word of
    two syllables or more at the start (a name: 스파이크); None when no known ending leaves such a
    start."""
    for size in range(len(word) - 1, 0, -1):
        head, rest = word[-size:], word[:-size]
        if not is_known(head) or (size == 1 and (len(rest) < 2 or not last)):
            continue
        if is_known(rest):
            return rest, head
        before = known_pieces(rest, is_known, False)
        if before is not None:
            return (*before, head)
        if len(rest) >= 2:
            return rest, head
    return None
