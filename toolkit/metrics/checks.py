"""Quality checks on aligned beads: numbers, names, lengths, stray Hangul.

Each check answers True (agree), False (a mismatch) or None (nothing to compare: not
checked, which is not the same as agreeing). The rule for numbers and names is
deliberately conservative because the English is a rewrite, not a line-by-line
translation: the writer drops dates and adds figures from background, converts currencies
in parentheses and resolves relative dates, so a number (or name) present on one side
only is an omission or an addition, not a mismatch. A mismatch is a *change*: both sides
carry something of the same kind and each side has one the other lacks (Korean says 3년
where the English says five years; 민 씨 where the English says Park).

`check_numbers` and `check_names` return a `Check` with the differing values written out
(`number 4,700≠4,200`, `name Min≠박`), for a reviewer's flags per bead.
"""

from __future__ import annotations

import math

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from toolkit.datafiles import lexicon_keys
from toolkit.hangul import is_syllable_word
from toolkit.metrics.phrasings import phrased_in_english, phrased_in_korean
from toolkit.metrics.spans import fractions_as_shares, in_range, range_forms, share_agrees
from toolkit.metrics.spans import whole_step as _step
from toolkit.metrics.temperatures import converted_temperatures

if TYPE_CHECKING:
    from toolkit.align.numbers import Quantity

# an English personal name: a capitalised surname and a given name of one or two parts,
# hyphenated in any case ("Kim Joon-Ho", "Han Ji-seok", "Kim Jong Un"); a second syllable may be one
# letter (성아 "Sung-a", 지아 "Ji-A"), but not one that opens an initialism ("Korea-U.S.")
ROMAN_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+-(?:[A-Za-z][a-z]+|[A-Za-z](?![.\w]))"
                        r"| [A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b")
NAME_THRESHOLD = 0.8
# a word a Korean given name can be spelled with: syllables of (consonant) vowel (final), in the
# spellings newspapers use; "National", "University", "Foundation" are not, so "Seoul National
# University" is no person named Seoul; finals "ck" and "b" as printed in Han Duck-soo, Kim Taeck-jin, Kwon Jae-seob
_KOREAN_SYLLABLES = re.compile(
    r"(?:(?:kk|tt|pp|ss|jj|tch|ch|sh|wh|rh|th|kh|ph|[gkndtrlmbpsjh])?"
    r"(?:wae|weo|woo|yeo|yae|yoo|you|eui|ae|eo|eu|oe|oi|wa|wo|we|wi|ya|yo|yu|ye|ui|oo|ee|ou|a|e|i|o|u|y)"
    r"(?:ng|ck|[ktlmpnb])?)+", re.IGNORECASE)
# the longest part of a given name ("Hyeonggyeong"); a longer word is no part of one, and is not tried:
# a vowel spelled two ways ("ae" or "a", "e") makes the pattern try a failing word every way, 2**n
_GIVEN_PART_CHARS = 14


def _spelled_with_syllables(part: str) -> bool:
    return len(part) <= _GIVEN_PART_CHARS and _KOREAN_SYLLABLES.fullmatch(part) is not None


@dataclass(frozen=True)
class Check:
    """The outcome of a check on one bead: `agree` (None when nothing was comparable) and
    the differing values as a reviewer reads them."""

    agree: bool | None
    differences: tuple[str, ...] = ()
    en: tuple[str, ...] = ()   # the English values (or names) that differ, canonical (4700, 0.5)
    ko: tuple[str, ...] = ()   # the Korean ones

    @property
    def checked(self) -> bool:
        return self.agree is not None


def length_ratio(en_chars: int, ko_chars: int) -> float | None:
    """English characters per Korean character (about 2.05 in news); None for a null bead."""
    if en_chars <= 0 or ko_chars <= 0:
        return None
    return en_chars / ko_chars


def sets_agree(en: set, ko: set) -> bool | None:
    """The shared rule: None without evidence, False when each side has an item the other lacks."""
    if not en or not ko:
        return None
    return en <= ko or ko <= en


def _show(value: float, kind: str) -> str:
    if kind == "weekday":
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[int(value) - 1]
    if value == int(value):
        return f"{int(value)}" if kind == "year" else f"{int(value):,}"
    return f"{value:g}"


def _nearest_pairs(a: list[float], b: list[float]) -> list[tuple[float, float]]:
    """Pair values of two sides that disagree, closest in magnitude first (4,700 with 4,200,
    not the "a kilogram" 1 beside it), as many pairs as the shorter side has values."""
    def distance(x: float, y: float) -> float:
        return abs(math.log(abs(x) + 1) - math.log(abs(y) + 1))

    # closest first, as a repeated min would take them, but sorted once: quadratic, not cubic
    ranked = sorted((distance(a[s], b[t]), (a[s], b[t]), s, t) for s, t in _candidate_pairs(a, b))
    pairs, used_a, used_b = [], set(), set()
    for _, pair, s, t in ranked:
        if s not in used_a and t not in used_b:
            used_a.add(s)
            used_b.add(t)
            pairs.append(pair)
    return sorted(pairs)


# beyond this many pairs of differing values (a roll of figures, not a sentence) each value is
# ranked against its nearest neighbours on the other side only: all pairs of 2,000 x 2,000 took 19 s
_ALL_PAIRS = 10_000
_NEIGHBOURS = 2  # on each side of a value's place among the other side's


def _candidate_pairs(a: list[float], b: list[float]) -> Iterable[tuple[int, int]]:
    """Index pairs worth ranking: all of them for a sentence's few values, near neighbours for a roll."""
    if len(a) * len(b) <= _ALL_PAIRS:
        return ((s, t) for s in range(len(a)) for t in range(len(b)))
    from bisect import bisect_left

    def near(xs: list[float], ys: list[float]) -> Iterable[tuple[int, int]]:
        order = sorted(range(len(ys)), key=lambda t: ys[t])
        keys = [ys[t] for t in order]
        for s, x in enumerate(xs):
            k = bisect_left(keys, x)
            yield from ((s, order[u]) for u in range(max(0, k - _NEIGHBOURS), min(len(order), k + _NEIGHBOURS)))

    return set(near(a, b)) | {(s, t) for t, s in near(b, a)}


# what numbers a bead's text but says nothing: a press release's item number opening the bead ("1.", a sentence
# of its own joined to its item) and a bracketed tag opening it (`[굿뉴스365]`, a reposting site's name): read as
# amounts they were disagreements ("number 1≠365")
_OPENING_MARKS = re.compile(r"^\s*(?:\d{1,2}\.(?=\s|$)|\[[^\]\n]{1,24}\])")


def _without_opening_marks(text: str) -> str:
    """The text with its item numbers and opening tags blanked out (offsets kept for the quantities)."""
    return _OPENING_MARKS.sub(lambda m: " " * len(m.group()), text) if "." in text or "[" in text else text


# kinds compared only with their own kind; amounts also only with amounts of the same measure
_COMPARED = (("amount", ""), ("amount", "percent"), ("amount", "times"), ("amount", "mass"), ("year", ""), ("month", ""),
             ("day", ""), ("weekday", ""), ("time", ""), ("night", ""), ("difference", ""))


def check_numbers(en_text: str, ko_text: str) -> Check:
    """Compare the numbers of a bead kind by kind (amounts with amounts, months with months:
    an English weekday says nothing against a Korean day of the month; a percent or a multiple
    only with its like). A conversion in parentheses (`(USD 7,882)`, `(한화 약 940만 원)`) is an
    addition and a loose reading (두 국가) a guess: each may match, never disagree. Differences
    read `number 4,700≠4,200`, `month 3≠4`."""
    from toolkit.align.numbers import canon, quantities_in_english, quantities_in_korean

    en_text, ko_text = _without_opening_marks(en_text), _without_opening_marks(ko_text)
    en = _restated(phrased_in_english(quantities_in_english(en_text), en_text, ko_text), en_text)
    ko = _restated(phrased_in_korean(quantities_in_korean(ko_text), ko_text, en_text), ko_text)
    ko = _base_of_comparison(en, ko, en_text, ko_text)
    en = _resolved_months(en, ko, ko_text)
    en, ko = _first_said_in_korean(en, ko, en_text, ko_text)
    en, ko = _converted_units(en, ko, en_text, ko_text)
    ko = converted_temperatures(en, ko, en_text, ko_text)
    en, ko = _converted_durations(_one_hour(en, en_text), ko)
    en, en_shares = fractions_as_shares(en, ko, en_text, korean=False)
    ko, ko_shares = fractions_as_shares(ko, en, ko_text, korean=True)
    en_ranges, ko_ranges = range_forms(en, en_text, korean=False), range_forms(ko, ko_text, korean=True)
    ko_holding = range_forms(ko, ko_text, korean=True, holding=True)
    checked, differences = False, []
    en_values: list[str] = []
    ko_values: list[str] = []
    en_by, ko_by = _by_kind(en), _by_kind(ko)
    for kind, measure in _COMPARED:
        en_alike, ko_alike = en_by.get((kind, measure)), ko_by.get((kind, measure))
        if not en_alike or not ko_alike:
            continue
        # as multisets: "three ... three-month" against "3명 ... 5개월" leaves a 3 and a 5 over
        e = Counter(q.value for q in en_alike if not q.optional)
        k = Counter(q.value for q in ko_alike if not q.optional)
        if not e or not k:
            continue
        checked = True
        e_optional = {q.value for q in en_alike if q.optional}
        k_optional = {q.value for q in ko_alike if q.optional}
        e_only = sorted(v for v in (e - k).elements() if v not in k_optional)
        k_only = sorted(v for v in (k - e).elements() if v not in e_optional)
        if e_only and k_only:
            label = "number" if kind == "amount" else kind
            hedged = {q.value for q in en_alike + ko_alike if q.approx}
            under = {q.value for q in en_alike if _NEARLY_EN.search(en_text, max(0, q.start - 16), q.start)} \
                | {q.value for q in ko_alike if _NEARLY_KO.match(ko_text, q.end)}
            exact = {q.value: _last_place(ko_text[q.start:q.end]) for q in ko_alike
                     if _KO_GROUPED.search(ko_text, q.start, q.end)}
            for a, b in _nearest_pairs(e_only, k_only):  # the rest are additions on one side
                if _rounder_one_hedged(a, b, hedged) and _same_when_rounded(a, b) \
                        or b in exact and _scaled_rounding(a, b, exact[b]) \
                        or _just_under(a, b, under) \
                        or _spanned(a, b, en_ranges, ko_ranges) or _spanned(b, a, ko_holding, en_ranges) \
                        or a in en_shares and share_agrees(a, b, "under" if a in under else en_shares[a], a in hedged) \
                        or b in ko_shares and share_agrees(b, a, "under" if b in under else ko_shares[b], b in hedged):
                    continue
                differences.append(f"{label} {_show(a, kind)}≠{_show(b, kind)}")
                en_values.append(canon(a))
                ko_values.append(canon(b))
    if not checked:
        return Check(None)
    return Check(not differences, tuple(differences), tuple(dict.fromkeys(en_values)), tuple(dict.fromkeys(ko_values)))


def _by_kind(quantities: list[Quantity]) -> dict[tuple[str, str], list[Quantity]]:
    """The quantities of each (kind, measure), in order: a bead asks about eleven kinds and
    holds two or three."""
    out: dict[tuple[str, str], list[Quantity]] = {}
    for q in quantities:
        out.setdefault((q.kind, q.measure), []).append(q)
    return out


def _spanned(start: float, value: float, ranges: set[float], other_ranges: set[float]) -> bool:
    """One side writes a range ("in the 40-percent range") that holds the other's exact figure (44.7%)."""
    return start in ranges and value not in other_ranges and in_range(start, value)


# a figure the true one falls just short of: "nearly 2,000" for 1,980명; 2천 명 가까이 for "1,980"
_NEARLY_EN = re.compile(r"(?i)\b(?:nearly|almost|close to|just under|just shy of|approaching)\s+(?:[$₩]|US\$)?$")
_NEARLY_KO = re.compile(r"\s?(?:[가-힣]{1,3}\s)?(?:가까이|가까운|에\s?육박|에\s?가까운|에\s?조금\s?못\s?미치는)")
_UNDER_SHARE = 0.05


def _just_under(english: float, korean: float, under: set[float]) -> bool:
    """One side says "nearly" a round figure the other gives exactly, a little below it: "nearly
    2,000 people" for 1천980명 is a rounding; a figure above it (2,005) or a twentieth or more below
    it (1,850) is a change."""
    for rounder, exact in ((english, korean), (korean, english)):
        if rounder in under and 0 < rounder - exact <= _UNDER_SHARE * rounder and _step(rounder) > _step(exact):
            return True
    return False


def _rounder_one_hedged(a: float, b: float, hedged: set[float]) -> bool:
    """Is the hedge on the rounder figure? "about 2,000" for 1,980 is a rounding; "nearly 2,100"
    for 2천 is not: the hedge sits on the finer figure, and the round one it hides is a change
    (2천 -> 2,100 with "nearly" before it)."""
    return a in hedged and _step(a) > _step(b) or b in hedged and _step(b) > _step(a)


def _same_when_rounded(a: float, b: float) -> bool:
    """Whole numbers equal when the rounder one drops one digit of the other: "about 250,000"
    for 24만 9천여 (249,000) is a rounding, no change; a hedged 20 against 25, or "around
    1,400" against 1,405 (two digits dropped), is still one."""
    if a != int(a) or b != int(b):
        return False
    coarse, fine = max(_step(a), _step(b)), min(_step(a), _step(b))
    return coarse >= 10 and fine * 10 >= coarse and abs(a - b) < coarse / 2


# the least a value must be to be written with a scale word (million, billion, trillion)
_SCALED = 1e6
_ROUNDING_SHARE = 0.1
# the least a Korean figure must be against the place of its last non-zero digit to count as exact
# (three significant digits: 5억5천400만 is, 1억1천만 is not)
_EXACT_DIGITS = 100
# a Korean figure stated to the last unit, a big unit with more digits after it: 160억400만, 2880만1000
_KO_GROUPED = re.compile(r"[만억조]\s?\d")


def _last_place(figure: str) -> int:
    """The place of the last digit written in a Korean figure: 21억3005만 -> 10,000 (the 5 counts
    만), 16억3천만 -> 10,000,000, 2880만1000 -> 1."""
    from toolkit.align.numbers import _KO_BIG, _KO_SMALL

    last = max((k for k, ch in enumerate(figure) if ch.isdigit()), default=None)
    if last is None:
        return 1
    rest = re.match(r"\s?([십백천])?\s?([만억조])?", figure[last + 1:])
    return int(_KO_SMALL.get(rest.group(1), 1) * _KO_BIG.get(rest.group(2), 1))


def _scaled_rounding(english: float, korean: float, korean_place: int = 1) -> bool:
    """An English amount of millions or more that is an exact Korean figure (one with digits
    after its big unit, see `_KO_GROUPED`) rounded at the English one's last digit: a
    translator who turns 160억400만 달러 into "$16 billion", 35억1천100만 into "$3.51 billion" or
    400조2,346억 into "400.2 trillion" has kept the figure, with fewer digits. Only the English
    may be the rounder one (a figure more exact than its original is a change), and the
    rounding stays within a tenth of the value ("$600 million" for 5억5천400만 is; "2 million"
    for 240만, 17% off, is not). A round Korean figure (205만, 2505만) gets no tolerance: its
    last digit is what a change would alter; so is a figure that differs from the English one in
    its last written digit alone, two places or more below the English one's ("$2.13 billion"
    against 21억3005만 is a changed 21억3000만; against 16억3천만, "$1.6 billion" is a rounding).
    Two significant digits are a round figure however the units split them (1억1천만 is as round as
    11억): a planted 1억 -> 1억1천만 against "$100 million" is a change."""
    if english < _SCALED or korean < _SCALED:
        return False
    english, korean = round(english), round(korean)  # 512.3 trillion is 512,299,999,999,999.94 in floats
    if korean < _EXACT_DIGITS * _step(korean):
        return False
    step, gap = _step(english), abs(english - korean)
    changed_last_digit = gap % korean_place == 0 and gap // korean_place < 10 and korean_place * 10 < step
    return step > _step(korean) and gap < step / 2 and gap <= _ROUNDING_SHARE * korean and not changed_last_digit


_FOLLOWING = re.compile(r"[\s-]?([A-Za-z가-힣]{1,2})")


def _restated(found: list, text: str) -> list:
    """A number written again with the same word after it is one fact restated (개원 23주년 in
    the lede and again in the next sentence), counted once: the other side giving it once
    and an unrelated number beside it is no change."""
    seen, out = set(), []
    for q in found:
        after = _FOLLOWING.match(text, q.end)
        key = (q.kind, q.value, q.conversion, after.group(1) if after else "")
        if key[3] and key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out


def _resolved_months(en: list, ko: list, ko_text: str) -> list:
    """English months that only complete a day the Korean gives bare are additions: a
    translator writes "on Apr. 14" for 14일 (the month of the report, left implicit in
    Korean), which says nothing against another month the Korean names (3월 초순). So is a
    month or a year the translator names for the Korean's 지난달, 이달 or 지난해 ("In April, exports
    rose" for 지난달 수출은; "236 in 2024" for 지난해에는 236명), one English month or year the
    Korean lacks for each such word."""
    bare = {q.value for k, q in enumerate(ko) if q.kind == "day"
            and not (k and ko[k - 1].kind == "month" and q.start - ko[k - 1].end <= 3)}
    out = list(en)
    for k, q in enumerate(en[:-1]):
        day = en[k + 1]
        if q.kind == "month" and day.kind == "day" and day.start - q.end <= 2 and day.value in bare:
            out[k] = replace(q, conversion=True)
    from toolkit.align.numbers import KO_RELATIVE  # a month or a year named by its distance: 지난달, 지난해

    for kind, words in KO_RELATIVE.items():
        relative = len(words.findall(ko_text))
        named = {q.value for q in ko if q.kind == kind and not q.optional}
        # a Korean value the English lacks, one last digit away, is more likely the same figure changed
        unmatched = named - {q.value for q in en if q.kind == kind}
        for k, q in enumerate(out):
            if relative and q.kind == kind and not q.optional and q.value not in named \
                    and not any(_last_digit_apart(q.value, w) for w in unmatched):
                out[k] = replace(q, conversion=True)
                relative -= 1
    return out


# the English compares with the month or year before without naming it: "fell 20 percent on-month",
# "up from a year earlier", "compared with the previous month"
_EN_ON_PREVIOUS = {
    "month": re.compile(r"(?i)\b(?:(?:month-)?on-month|(?:than|from|over|with) (?:a|the previous|the preceding) month"
                        r"(?: earlier| before)?)\b"),
    "year": re.compile(r"(?i)\b(?:(?:year-)?on-year|(?:than|from|over|with) (?:a|the previous|the preceding) year"
                       r"(?: earlier| before)?)\b"),
}


def _base_of_comparison(en: list, ko: list, en_text: str, ko_text: str) -> list:
    """The Korean month (or year) a change is measured against, when the English says "on-month"
    for it: "fell 20 percent on-month in July" for 지난달 ... 6월과 비교해 names June only in
    Korean. Such a Korean value, one before an English one the Korean lacks, is an addition,
    where the Korean also names the English one by its distance (지난달: July): a changed month
    keeps no such neighbour (a planted 7월 -> 5월 is still flagged)."""
    from toolkit.align.numbers import KO_RELATIVE

    out = list(ko)
    for kind, phrase in _EN_ON_PREVIOUS.items():
        if not phrase.search(en_text) or not KO_RELATIVE[kind].search(ko_text):
            continue
        ko_values = {q.value for q in ko if q.kind == kind}
        later = {q.value for q in en if q.kind == kind and not q.optional} - ko_values
        for k, q in enumerate(out):
            if q.kind == kind and q.value + 1 in later:
                out[k] = replace(q, conversion=True)
                later.discard(q.value + 1)
    return out


def _last_digit_apart(a: float, b: float) -> bool:
    """Whole numbers of as many digits that differ in their last one only: 2023 and 2025, 4 and 5."""
    x, y = f"{a:.0f}", f"{b:.0f}"
    return len(x) == len(y) and x[:-1] == y[:-1] and x != y


_SECONDS = {"s": 1, "min": 60, "h": 3600}
_SPAN_GAP = len(" hours and ")  # the most between the parts of one span: "2 hours and 15 minutes", 2시간 15분


# "an hour", "a minute" (not "an hour earlier"): one of the unit, read here for the check alone
_EN_ONE_SPAN = re.compile(r"(?i)\ban? (hour|minute)\b(?! (?:ago|earlier|later|before))")


def _one_hour(en: list, en_text: str) -> list:
    """The English quantities with each "an hour" or "a minute" as one of its unit, a reading that
    may match but never disagrees ("9,000 won an hour" ~ 시간당): with the minutes after it, "an
    hour and 20 minutes", it makes one span with them (80분)."""
    from toolkit.align.numbers import Quantity, with_readings

    spans = [Quantity(1.0, "amount", m.start(), m.end(), unit=_UNITS_EN[m.group(1).lower()], loose=True)
             for m in _EN_ONE_SPAN.finditer(en_text)]
    # "half an hour" (30분) and "an hour and a half" (1시간 30분): the span, its "half" no number of its own
    halves = [(m.span(), Quantity(0.5 if m.group(1) else 1.5, "amount", m.start(), m.end(),
                                  unit=_UNITS_EN[(m.group(1) or m.group(2)).lower()]))
              for m in _EN_HALF_SPAN.finditer(en_text)]
    if halves:
        en = [replace(q, loose=True) if any(a <= q.start < b for (a, b), _ in halves) else q for q in en]
        spans += [q for _, q in halves]
    return with_readings(en, spans)


_UNITS_EN = {"hour": "h", "minute": "min"}
_EN_HALF_SPAN = re.compile(r"(?i)\bhalf an? (hour|minute)\b|\ban? (hour|minute) and a half\b")

# "first" said without a digit: 첫 회담, 처음 열린, 최초의
_KO_FIRST = re.compile(r"(?<![가-힣])(?:첫|처음|최초)")


def _first_said_in_korean(en: list, ko: list, en_text: str, ko_text: str) -> tuple[list, list]:
    """The quantities without the "first"s that render a Korean 첫, 처음 or 최초, one English "first"
    for each such word (and the 1 of 첫 with it, 첫해, 첫 번째): "the first summit in three years" for
    3년 만에 처음 열린 정상회담 is no 1 against a figure the English leaves out. A plain "first" (a loose
    reading already) takes a Korean word before a "first" that numbers what Korean counts with a
    digit (the first ... summit, first-year), so that one stays: 제1차 -> 제5차 against "the first ...
    summit" and "the first occasion" (처음) is still a change, and so is 1학년 -> 5학년 against "in
    their first year" (첫해) and "first-year students"."""
    words = [m.start() for m in _KO_FIRST.finditer(ko_text)]
    firsts = sorted((k for k, q in enumerate(en) if en_text[q.start:q.end].lower().startswith("first")),
                    key=lambda k: not en[k].loose)
    taken = set(firsts[:len(words)])
    said = set(words[:len(taken)])
    return [q for k, q in enumerate(en) if k not in taken], [q for q in ko if q.start not in said]


# a length or an area with its unit in metres or square metres: a translator converts miles to km
# outside parentheses ("about 150 miles north of the capital" for 약 240km), mph to 시속 km, feet to m
_LENGTH_EN = (re.compile(r"[\s-]?(?:square|sq\.?)[\s-](?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|foot|ft)\b", re.I),
              re.compile(r"[\s-]?(?:miles?|mph|kilomet(?:er|re)s?|km|kph|(?:centi|milli)?met(?:er|re)s?|cm|mm|m\b|feet|foot|ft"
                         r"|inch(?:es)?|yards?|knots?)\b", re.I))
_LENGTH_KO = (re.compile(r"\s?(?:제곱(?:킬로)?미터|㎡|㎢|m²|km²|평(?![가-힣]{2})|헥타르|에이커)"),
              re.compile(r"\s?(?:마일|킬로미터|㎞|km|(?:센티|밀리)?미터|센티|㎝|㎜|cm|mm|m(?![A-Za-z²])|피트|인치|야드|노트)"))
_METRES = {"mile": 1609.344, "mph": 1609.344, "kilomet": 1000, "km": 1000, "kph": 1000, "met": 1, "m": 1, "feet": 0.3048,
           "foot": 0.3048, "ft": 0.3048, "yard": 0.9144, "knot": 1852, "마일": 1609.344, "킬로미터": 1000, "㎞": 1000,
           "미터": 1, "피트": 0.3048, "야드": 0.9144, "노트": 1852, "centimet": 0.01, "cm": 0.01, "millimet": 0.001, "mm": 0.001,
           "inch": 0.0254, "센티미터": 0.01, "센티": 0.01, "㎝": 0.01, "밀리미터": 0.001, "㎜": 0.001, "인치": 0.0254}
# area units of their own (the English ones are "square" and a length: its metres squared)
_SQUARE_METRES = {"제곱미터": 1, "제곱킬로미터": 1e6, "㎡": 1, "㎢": 1e6, "m²": 1, "km²": 1e6, "평": 3.305785, "헥타르": 1e4,
                  "에이커": 4046.856}
_UNIT_WORDS = sorted([*_METRES, *_SQUARE_METRES], key=len, reverse=True)  # longest first: km² before km


# past this many lengths or areas on a side, none is read as a conversion (compared as written): every
# pair is tried, so a hostile line of 10,000 "N miles" would take minutes; a sentence has a handful
MOST_UNIT_FIGURES = 12


def _unit_of(q, text: str, patterns: tuple[re.Pattern, re.Pattern]) -> tuple[str, float] | None:
    """(family, metres or square metres per unit) of the length or area written after `q`."""
    for family, pattern in zip(("area", "length"), patterns):
        m = pattern.match(text, q.end)
        if m:
            word = re.sub(r"^[\s-]*(?:square|sq\.?)[\s-]", "", m.group(0).strip(" -"), flags=re.I).lower()
            key = next(k for k in _UNIT_WORDS if word.startswith(k))
            if key in _SQUARE_METRES:
                return family, _SQUARE_METRES[key]
            return family, _METRES[key] ** 2 if family == "area" else _METRES[key]
    return None


def _converted_units(en: list, ko: list, en_text: str, ko_text: str) -> tuple[list, list]:
    """The Korean lengths and areas that are an English one converted to another unit (150 miles
    ~ 240km, 75 mph ~ 시속 120km, 9,700 feet ~ 2956m) read as the English figure: the same fact,
    where either figure, converted, rounds to the other at its last digit. A figure in the same
    unit on both sides is compared as it is; one that converts to no figure of the other side
    stays (110 miles against 117km is flagged)."""
    en_units = {k: u for k, q in enumerate(en) if q.kind == "amount" and (u := _unit_of(q, en_text, _LENGTH_EN))}
    ko_units = {k: u for k, q in enumerate(ko) if q.kind == "amount" and (u := _unit_of(q, ko_text, _LENGTH_KO))}
    if not en_units or not ko_units or max(len(en_units), len(ko_units)) > MOST_UNIT_FIGURES:
        return en, ko
    en_values, ko_values = {q.value for q in en}, {q.value for q in ko}
    ko, used = list(ko), set()
    for a, (family, factor) in en_units.items():
        for b, (family_k, factor_k) in ko_units.items():
            x, y = en[a].value, ko[b].value
            # (a figure the other side gives as it is, or a conversion in parentheses, matches already)
            if family != family_k or factor == factor_k or en[a].optional or ko[b].optional or b in used \
                    or x in ko_values or y in en_values:
                continue
            # (and within a tenth: 127 mm rounds to 100 at its hundreds, but "5 inches" is no 100mm)
            if (abs(y * factor_k / factor - x) <= _step(x) / 2 or abs(x * factor / factor_k - y) <= _step(y) / 2) \
                    and abs(y * factor_k - x * factor) <= _ROUNDING_SHARE * x * factor:
                ko[b] = replace(ko[b], value=x)  # compared as the English figure: agreed, and checked
                used.add(b)
                break
    return en, ko


def _converted_durations(en: list, ko: list) -> tuple[list, list]:
    """Durations in seconds when the two sides state them in different units (126분 ~
    "7,560 seconds"): a translator's conversion, compared by what it means."""
    en_units, ko_units = {q.unit for q in en if q.unit}, {q.unit for q in ko if q.unit}
    if not en_units or not ko_units or en_units == ko_units:
        return en, ko

    def seconds(qs: list) -> list:
        out = [replace(q, value=q.value * _SECONDS[q.unit], unit="s") if q.unit else q for q in qs]
        # one span in two units, 1시간 30분 or "1 hour and 30 minutes", is their sum ("90 minutes"); the
        # parts stay readings that may match
        for k in range(len(qs) - 1):
            a, b = qs[k], qs[k + 1]
            if a.unit and b.unit and _SECONDS[a.unit] > _SECONDS[b.unit] and b.start - a.end <= _SPAN_GAP:
                out.append(replace(a, value=out[k].value + out[k + 1].value, end=b.end, unit="s", loose=False))
                out[k], out[k + 1] = replace(out[k], loose=True), replace(out[k + 1], loose=True)
        return out

    return seconds(en), seconds(ko)


def numbers_agree(en_text: str, ko_text: str) -> bool | None:
    """Do the numbers of an English and a Korean span agree (5년 ~ five years, 3만 ~ 30,000)?"""
    return check_numbers(en_text, ko_text).agree


def korean_name_candidates(ko_text: str, en_names: Iterable[str] = ()) -> set[str]:
    """Proper nouns (Kiwi NNP) of two to four syllables that are shaped like Korean personal
    names, a name Kiwi cut in two (손 + 서영) taken whole; with `en_names` (the bead's
    english_name_candidates), also the Hangul words that spell the given name of one of them
    after any surname (박정은 beside "Kim Jong Un"), which Kiwi may not tag: a changed surname
    is a different name, not no name."""
    from toolkit.segment import korean_tokens

    runs: list[list[tuple]] = []  # adjacent proper nouns, no space between them
    for t in korean_tokens(ko_text):
        if t[1] == "NNP" and runs and runs[-1][-1][1] == "NNP" and runs[-1][-1][3] + runs[-1][-1][4] == t[3]:
            runs[-1].append(t)
        else:
            runs.append([t])
    found = set()
    for run in runs:
        if run[0][1] != "NNP":
            continue
        whole = "".join(t[0] for t in run)
        found |= {whole} if len(run) > 1 and _person_shaped(whole) else {t[0] for t in run if _person_shaped(t[0])}
    found |= {m.group(1) for m in _KO_NAME_TITLE.finditer(ko_text) if _person_shaped(m.group(1))
              and not _common_noun(m.group(1))}
    return found | _names_spelled_in(ko_text, en_names)


def _person_shaped(word: str) -> bool:
    from toolkit.names import is_korean_name

    return 2 <= len(word) <= 4 and is_syllable_word(word) and is_korean_name(word) \
        and not (len(word) == 3 and word[-1] in _NOT_PERSON_ENDINGS)


def _common_noun(word: str) -> bool:
    """A word the lexicon translates (백화점, 천주교), or a people named from one (조선인, 한국인):
    Kiwi tags these before a title (백화점 사장, 조선인 대표) just as it tags a name it has not seen,
    so only the lexicon tells them from a person's name."""
    words = lexicon_keys()
    return word in words or word.endswith("인") and word[:-1] in words


# a district, county or city (종로구, 삼수군), a holiday (태양절, 광명성절) or a people (조선족): names Kiwi tags like a person's
_NOT_PERSON_ENDINGS = frozenset("구군시읍면절족")
# what may follow a name inside one written word: a particle (김정은은, 박정은의)
_NAME_PARTICLES = frozenset("은 는 이 가 을 를 의 에게 와 과 도 에 께서 이다 이라고 입니다 이었다 으로".split()) | {""}
GIVEN_NAME_THRESHOLD = 0.9


def _names_spelled_in(ko_text: str, en_names: Iterable[str]) -> set[str]:
    """Hangul words (a particle aside) made of a known surname and a given name that the given
    name of one of the English names spells."""
    from toolkit.names import given_name_score, is_korean_name, split_name, surnames

    givens = {" ".join(re.split(r"[ -]", e)[1:]) for e in en_names}
    if not givens:
        return set()
    known, found = surnames(), set()
    for m in re.finditer(r"(?<![가-힣])[가-힣]{2,6}(?![가-힣])", ko_text):
        word = m.group(0)
        for size in (3, 2, 4):
            name = word[:size]
            sur, given = split_name(name)
            if len(name) == size and word[size:] in _NAME_PARTICLES and sur in known and given \
                    and is_korean_name(name) and any(given_name_score(given, g) >= GIVEN_NAME_THRESHOLD for g in givens):
                found.add(name)
                break
    return found


@cache
def _surname_spellings() -> frozenset[str]:
    from toolkit.names import surnames

    return frozenset(s.lower() for spellings in surnames().values() for s in spellings)


def english_name_candidates(en_text: str) -> set[str]:
    """Capitalized two- or three-part spans starting with a Korean surname (Kim Joon-Ho, Do Hee-Yun)."""
    known = _surname_spellings()
    found, at = set(), 0
    while (m := ROMAN_NAME.search(en_text, at)) is not None:
        parts = m.group(0).split(" ")
        # "In Hyesan", "In September": a surname that is also a word, before one plain word, is that word
        word_first = parts[0].lower() in _EN_WORD_SURNAMES and len(parts) == 2 and "-" not in parts[1]
        given_spelled = all(_spelled_with_syllables(p) for part in parts[1:] for p in part.split("-") if p)
        if parts[0].lower() in known and not word_first and given_spelled:
            found.add(m.group(0))
            at = m.end()
        else:  # "Anchor Choi Moon-jong": the name may start at the next word
            at = m.start() + len(m.group(0).split(" ")[0])
    return found


def _same_person(hangul: str, roman: str) -> float:
    """`name_score` of two full names, held to the surname a surname named alone must match:
    the given name outweighs the surname in `name_score` (a few surnames cover most people), so
    정민호 scores 0.94 against "Jang Min-ho"; a check that takes 정 for Jang alone as a change
    (정 씨 / "Mr. Jang") takes it so in a full name too. The surname is the first or the last
    romanised part ("Min-ho Jang")."""
    from toolkit.names import name_score, split_name

    parts = re.split(r"[ -]+", roman.strip())
    sur = split_name(hangul)[0]
    return min(name_score(hangul, roman), max(name_score(sur, parts[0]), name_score(sur, parts[-1])))


def _one_name_for_another(hangul: str, roman: str) -> bool:
    """Is one of two full names the other changed? Yes where they share their surname or their
    given name (박동영 for "Chung Dong-young", 김정일 for "Kim Jong-un"), and where they share
    nothing but have the same shape, a given name of as many syllables (박정수 for "Kim
    Yong-chol"): a whole name swapped for another is the forger's change, and a translator's
    two people in one bead are rare. Names of different shapes that share nothing (원효 or 유신,
    one syllable after the surname, beside "Kim Jong-un"; 자오징 beside "Wang Zhaoqian") are
    two people or a misread word, one on each side: an omission and an addition."""
    from toolkit.names import given_name_score, name_score, split_name

    sur, given = split_name(hangul)
    parts = re.split(r"[ -]+", roman.strip())
    return max(name_score(sur, parts[0]), name_score(sur, parts[-1])) >= NAME_THRESHOLD \
        or any(given_name_score(given, " ".join(rest)) >= GIVEN_NAME_THRESHOLD for rest in (parts[1:], parts[:-1])) \
        or len(given) == len(parts) - 1 >= 2


def _matched(names: Iterable[str], others: Iterable[str], score) -> set[str]:
    others = list(others)
    return {n for n in names if any(score(n, o) >= NAME_THRESHOLD for o in others)}


# a surname alone: 민 씨, 조 모 씨, 이모 씨, 김모(35) 씨; before a title only where the syllable
# cannot be a word of its own (한 의원 is also "a lawmaker", 이 대표 "this leader", 당 부부장 "the
# party's vice director", 도 위원장 "the province's chairman")
_KO_SURNAME_ONLY = re.compile(
    r"(?<![가-힣])([가-힣]{1,2}?)(?:\s?모(?:\s?\(\d{1,3}\))?\s?|\s?\(\d{1,3}\)\s?|\s)씨(?![가-힣]{2})")
_KO_TITLES = (r"(?:의원|대표|장관|부?위원장|국무위원장|부부장|특파원|교수|대통령|부?총리|총비서|총재|의장|차관"
              r"|청장|지사|대사|감독|선수|사령관|국장|소장|회장|후보자?|외무상|국방상|외교부장|부상|비서|비서실장|실장|원장|수석"
              r"|대변인|단장|부장|주석|판사|검사|목사|기자|사장|시장|총장|차장|군수|할머니|할아버지)(?![가-힣]{2})")
_KO_SURNAME_TITLE = re.compile(r"(?<![가-힣])([가-힣])\s" + _KO_TITLES)
# a full name written apart before its title, the office joined to it or not: 정동영 통일장관은, 박미선 의원
# (Kiwi tags a name it has not seen, a surname changed, as a common noun); not 원효 대사 (two syllables)
_KO_NAME_TITLE = re.compile(r"(?<![가-힣])([가-힣]{3})\s(?:[가-힣]{1,4}?)?" + _KO_TITLES)
# syllables that are also words before a title: 한 ("a"), 이 ("this"), 전 ("former"), 현 ("current"), 고 ("the late"), ...
_NOT_SURNAME_BEFORE_TITLE = frozenset("한이그저전현각제본새두세네당도시국부원양모고")
# of those, the two a news writer uses before a title mostly as the surname (이 대통령 is President Lee,
# 한 총리 Prime Minister Han), read so when the English names that surname; 전 장관 is "the former
# minister", 현 시장 "the current mayor", 고 the late, 양 both: never the surname of the English's Jeon
_SURNAME_IF_NAMED = frozenset("이한")
# 모 standing alone before 씨 or a title is "a certain" (某, 모 씨, 모 의원: the name withheld), not the rare surname
_WITHHELD = "모"
_EN_WORD_SURNAMES = frozenset("do so an go ha ma ban ok on in no to be oh seoul".split())  # words and places, not names
# titles that stand before a surname named alone ("Minister Kim said"): no given name
_EN_TITLES = frozenset("""minister president chairman chairwoman leader premier ambassador envoy general
    secretary spokesman spokeswoman lawmaker governor mayor professor director commissioner coach manager
    chief judge gov grandmother grandfather grandma grandpa defector pastor reverend prosecutor
    colonel captain lieutenant sergeant reporter correspondent""".split())


def korean_surname_mentions(ko_text: str, en_surnames: Iterable[str] = ()) -> set[str]:
    """Surnames named alone: `민 씨`, `조 모 씨`, `한 의원` (where 한 is a surname, not "a"). A
    syllable that is also a word before a title (이 대통령 is "this president" or President Lee)
    is the surname when the English names it (`en_surnames`: "President Lee said"), if it is one
    of `_SURNAME_IF_NAMED` (전 장관 is a former minister, whoever the English names)."""
    from toolkit.names import name_score, surnames

    known = surnames()
    found = {m.group(1) for m in _KO_SURNAME_ONLY.finditer(ko_text) if m.group(1) in known and m.group(1) != _WITHHELD}
    found |= {m.group(1) for m in _KO_SURNAME_TITLE.finditer(ko_text) if m.group(1) in known and (
        m.group(1) not in _NOT_SURNAME_BEFORE_TITLE or m.group(1) in _SURNAME_IF_NAMED
        and any(name_score(m.group(1), e) >= NAME_THRESHOLD for e in en_surnames))}
    return found


def _given_name_before(before: str) -> bool:
    """Does a capitalised word other than a title end `before` (the surname is then part of a
    full name, "Kim" in "Jong Kim"), unlike "Minister Kim"?"""
    cap = re.search(r"[A-Z][a-z]+$", before)
    return bool(cap) and cap.group(0).lower() not in _EN_TITLES


def english_surname_mentions(en_text: str) -> set[str]:
    """Capitalised surnames standing alone (`identified only as Min`, `Cho said`), not the
    first part of a full name and not a word that merely looks like one."""
    from toolkit.align.english import STOPWORDS

    known = _surname_spellings()
    found = set()
    # (a capital before an apostrophe and more letters than a possessive's is a place or a name
    # of its own, Ji'an or O'Brien, not the surname Ji or O)
    for m in re.finditer(r"\b([A-Z][a-z]{1,5})\b(?![ -][A-Z])(?!['’](?![sS]\b)[A-Za-z])", en_text):
        word = m.group(1)
        before = en_text[: m.start()].rstrip()
        if word.lower() in known and word.lower() not in _EN_WORD_SURNAMES and word.lower() not in STOPWORDS \
                and not _given_name_before(before):
            found.add(word)
    return found


# full names on one side of a bead beyond which the names are not compared: every name is scored
# against every other (and each Korean word against each English given name, _names_spelled_in),
# so a hostile "sentence" listing 400 names on each side took 30 s; a bead naming this many people
# is a roll of names, not a statement whose names a translator could change unnoticed
MOST_NAMES = 40


def check_names(en_text: str, ko_text: str) -> Check:
    """Do the Korean personal names of a bead agree (names.name_score)? Full names are
    compared with full names (김준호 ~ Kim Joon-Ho, in any hyphenation or case) and a
    surname named alone with a surname (민 씨 ~ Min; 민 씨 against Park is a change). A name
    on one side only is an omission or an addition; so are two full names that share neither
    surname nor given name nor shape (`_one_name_for_another`), and a bead with only such names
    is not checked. Differences read `name Min≠박`. Not
    checked past `MOST_NAMES` full names on a side."""
    from toolkit.names import name_score, split_name

    en_full = english_name_candidates(en_text)
    if len(en_full) > MOST_NAMES:
        return Check(None)
    en_sur = english_surname_mentions(en_text)
    if not (en_full or en_sur):  # not checked whatever the Korean holds: its names (Kiwi) are not read
        return Check(None)
    ko_full = korean_name_candidates(ko_text, en_full)
    if len(ko_full) > MOST_NAMES:
        return Check(None)
    ko_sur = korean_surname_mentions(ko_text, en_sur | {re.split(r"[ -]", e)[0] for e in en_full})
    if not (ko_full or ko_sur):
        return Check(None)
    differences = []
    # a full name matches a full name, or the same surname named alone on the other side (박근혜 and
    # "President Park"; "Kim Jong Un" and 김 위원장); someone named only as another's relative ("the
    # sister of Kim Jong Un" for 김여정) may match but is no name the translator changed
    # (whose relative someone is, named so on both sides, is compared: "sister of Kim Jong Il" / 박정일의 여동생)
    ko_kin, en_kin = _kin_only(ko_full, ko_text, _KO_KIN), _kin_only(en_full, en_text, _EN_KIN)
    if ko_kin and en_kin:
        ko_kin = en_kin = set()
    ko_matched = _matched(ko_full, en_full, _same_person) | ko_kin \
        | {k for k in ko_full if _matched({split_name(k)[0]}, en_sur, name_score)}
    en_matched = _matched(en_full, ko_full, lambda e, k: _same_person(k, e)) | en_kin \
        | {e for e in en_full if _matched(ko_sur, {re.split(r"[ -]", e)[0]}, name_score)}
    related = sorted((e, k) for e in en_full - en_matched for k in ko_full - ko_matched if _one_name_for_another(k, e))
    if related:
        differences.append(f"name {related[0][0]}≠{related[0][1]}")
    elif ko_sur or en_sur:
        # a surname alone against the surnames of the other side's names left unmatched
        ko_s = ko_sur | {split_name(k)[0] for k in ko_full - ko_matched}
        en_s = en_sur | {re.split(r"[ -]", e)[0] for e in en_full - en_matched}
        ko_any = ko_s | {split_name(k)[0] for k in ko_full}
        en_any = en_s | {re.split(r"[ -]", e)[0] for e in en_full}
        ko_missing = {k for k in ko_s if not any(name_score(k, e) >= NAME_THRESHOLD for e in en_any)}
        en_missing = {e for e in en_s if not any(name_score(k, e) >= NAME_THRESHOLD for k in ko_any)}
        # (one of them named alone: two full names that share nothing are two people, see above)
        if ko_missing and en_missing and (ko_missing & ko_sur or en_missing & en_sur):
            differences.append(f"name {sorted(en_missing)[0]}≠{sorted(ko_missing)[0]}")
    comparable = (ko_full and en_full) and (ko_matched or en_matched or differences) \
        or (ko_sur and (en_sur or en_full)) or (en_sur and ko_full)
    if not comparable:
        return Check(None)
    return Check(not differences, tuple(differences))


_KIN_EN = ("sisters?|brothers?|wife|husband|sons?|daughters?|father|mother|uncle|aunt|widow|nephew|niece"
           "|grand(?:son|daughter|father|mother)")
# a name that serves to say whose relative someone is: "the sister of (North Korean leader) Kim Jong Un",
# "Kim Jong Un's younger sister"; 김정은(위원장)의 여동생
_EN_KIN = (re.compile(rf"(?i)\b(?:{_KIN_EN})\s+of\s+(?:(?:the\s+)?[A-Za-z.-]+\s+){{0,4}}$"),
           re.compile(rf"(?i)^['’]s?\s+(?:[a-z-]+\s+)?(?:{_KIN_EN})\b"))
_KO_KIN = (re.compile("(?!)"), re.compile(r"^(?:\s?[가-힣]{1,6})?의\s?(?:[가-힣]+\s)?(?:친)?(?:여동생|남동생|동생|누나|누이|언니|오빠|형|부인|아내"
                                    r"|남편|아들|딸|아버지|어머니|부친|모친|삼촌|숙부|고모|이모|조카|손자|손녀|사위|며느리|미망인)"))
_KIN_BEFORE = 60  # characters before a name where "the sister of ... " may start


def _kin_only(names: Iterable[str], text: str, kin: tuple[re.Pattern, re.Pattern]) -> set[str]:
    """The names every mention of which says whose relative someone else is."""
    before, after = kin
    out = set()
    for name in names:
        mentions = list(re.finditer(re.escape(name), text))
        if mentions and all(before.search(text[max(0, m.start() - _KIN_BEFORE):m.start()]) or after.match(text[m.end():])
                            for m in mentions):
            out.add(name)
    return out


def names_agree(en_text: str, ko_text: str) -> bool | None:
    """Do the personal names of an English and a Korean span agree? See `check_names`."""
    return check_names(en_text, ko_text).agree


def length_zscore_expr():
    """Polars expression: z-score of log(length_ratio) against every bead of the frame."""
    import polars as pl

    log_ratio = pl.col("length_ratio").log()
    return ((log_ratio - log_ratio.mean()) / log_ratio.std(ddof=0)).alias("length_z")


def length_outliers(links, threshold: float = 3.0):
    """Beads whose log length ratio lies more than `threshold` SDs from the corpus mean.

    Takes and returns a LazyFrame of the links table (with a `length_z` column added), so
    that it runs over a whole archive without loading it.
    """
    import polars as pl

    return (
        links.filter(pl.col("length_ratio").is_not_null())
        .with_columns(length_zscore_expr())
        .filter(pl.col("length_z").abs() > threshold)
    )
