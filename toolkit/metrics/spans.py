"""Figures that stand for a span of values, for the number check.

A translator may write a figure as the range it falls in ("rose in the 40-percent range" for
44.7%; 천원대 for 1,300 won) or as a fraction of a whole ("nearly a third" for 30%; 절반 for
50%). Compared as plain values these read as changes; read by what they cover, they agree with
an exact figure inside the span and still disagree with one outside it. A figure written in
range form on both sides is compared as it is (40%대 -> 45%대 against "the 40-percent range" is
a change).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.align.numbers import Quantity

# "in the 40-percent range", "the 5,000-won range" (a digit-written "40s" is read with its "s")
_RANGE_EN = re.compile(r"(?:\s?%|[\s-](?:percent|per cent|won|yuan|dollars?))?[\s-]range\b", re.I)
# 40%대, 천원대로, 2조 원대의, 40대 (a figure, its unit if any, then 대 and a particle or nothing), and the
# first figure of a pair or span of them, 20~30대, 20·30대 (the 20 of "20~30대" is in range form too); not a
# score or a ratio, 20대 1의 경쟁률
_RANGE_KO = re.compile(r"(?:\s?[~∼〜\-·ㆍ,]\s?\d+)?\s?(?:([%％]|퍼센트|원|달러|위안|엔|유로)\s?)?대(?:[로의를에은는이가도]|(?![가-힣]))"
                       r"(?!\s?\d)")
# a bare 대 holds an exact figure as a range of ages only before the person it describes (40대 남성, 40대 탈북
# 여성, 30대 초반): 트럭 40대를, 차량 1천대가, 100대 기업 count trucks and companies, and 47 trucks against them is
# a change. Written on both sides (45대 against "her 40s") it is compared as written either way.
_PERSON_AFTER = re.compile(r"\s?(?:초반|중반|후반|(?:[가-힣]{1,5}\s)?[가-힣]{0,3}(?:남성|여성|남자|여자|남녀|청년|청소년|주부"
                           r"|직장인|노인|부부|탈북민|탈북자|주민))")
_DECADE_EN = re.compile(r"\d0s$")
_NUMBERED_KO = re.compile(r"제\s?$")  # 제20대 국회 is the 20th National Assembly, no range


def range_forms(found: list[Quantity], text: str, korean: bool, holding: bool = False) -> set[float]:
    """The amounts written as the first value of a range: 40%대, "the 40-percent range", "40s";
    `holding`: only those that may hold an exact figure of the other side (no counted 40대)."""
    out = set()
    for q in found:
        if q.kind != "amount" or q.optional:
            continue
        if korean:
            m = _RANGE_KO.match(text, q.end)
            if m and not _NUMBERED_KO.search(text, max(0, q.start - 2), q.start) \
                    and (not holding or m.group(1) or _PERSON_AFTER.match(text, m.end())):
                out.add(q.value)
        elif _RANGE_EN.match(text, q.end) or _DECADE_EN.search(text, q.start, q.end):
            out.add(q.value)
    return out


def whole_step(x: float) -> int:
    """The place of a whole number's last non-zero digit: 600,000,000 -> 100,000,000; 3,511 -> 1."""
    x, power = round(abs(x)), 1
    while x and x % (power * 10) == 0:
        power *= 10
    return power


def _place(value: float) -> float:
    """The place of a figure's last non-zero digit: 40 -> 10, 1,300 -> 100, 44.7 -> 0.1."""
    if value != int(value):
        return 10.0 ** -len(f"{value:.6f}".rstrip("0").split(".")[1])
    return float(whole_step(value))


def in_range(start: float, value: float) -> bool:
    """Does the range that starts at `start` (40 covers 40 to 49.9..., 1,000 covers 1,000 to
    1,999) hold `value`? A start with a last digit below the tens names no range."""
    width = _place(start)
    return width >= 10 and start <= value < start + width


# a fraction written in words: "a third", "two-thirds", "half", 3분의 1, 절반 (not a decimal, 0.5)
_DECIMAL = re.compile(r"[\d.,]+")
# "the first half" (of the year) is 상반기, a period, not a share
_PERIOD_HALF = re.compile(r"(?i)\b(?:first|second|latter|former|last)\s+(?:half|quarter)$")
# the characters before a fraction where its period word ("latter ") stands: searched from the text's
# start instead, a 50 kB roll of 3분의 1 took 14 s (each fraction scanned everything before it)
_PERIOD_BEFORE = 12
# "half a percentage point" is 0.5%p, a share of one point, not 50%
_OF_A_POINT = re.compile(r"(?i)\s+(?:of\s+)?an?\s+(?:percentage\s+)?(?:point|percent)\b")
# a fraction said in words with a hedge is a round figure: "about half" for 48.7%, "nearly half" for 45%
_WORDS_SHARE = 0.1
# a fraction as a bound: "more than half", 절반 이상 (no 45%); "less than a third", 절반 미만 (no 35%)
_OVER_EN = re.compile(r"(?i)\b(?:more than|over|above|at least|upwards of|better than)\s+(?:an?\s+)?$")
_UNDER_EN = re.compile(r"(?i)\b(?:less than|fewer than|under|below)\s+(?:an?\s+)?$")
_OVER_KO = re.compile(r"\s?(?:이상|초과|[을이]?\s?넘|[을를]\s?웃돌)")
_UNDER_KO = re.compile(r"\s?(?:미만|이하|에\s?(?:못|안)\s?미치|도\s?안\s?되|[을를]\s?밑돌)")


def _bound(q: Quantity, text: str, korean: bool) -> str:
    """"over" or "under" when a fraction is said as a bound, else ""."""
    if korean:
        return "over" if _OVER_KO.match(text, q.end) else "under" if _UNDER_KO.match(text, q.end) else ""
    before = text[max(0, q.start - 16):q.start]
    return "over" if _OVER_EN.search(before) else "under" if _UNDER_EN.search(before) else ""


def fractions_as_shares(mine: list[Quantity], other: list[Quantity], text: str,
                        korean: bool) -> tuple[list[Quantity], dict[float, str]]:
    """`mine` with each fraction in words read as a percent where `other` gives percents and no
    such fraction ("a third" ~ 33.3%), and the percents so made with the bound each is said as
    ("over" for "more than half", 절반 이상; "under"; "")."""
    if not any(q.measure == "percent" and not q.optional for q in other):
        return mine, {}
    theirs = {q.value for q in other if q.measure == "" and 0 < q.value < 1}
    out, shares = [], {}
    for q in mine:
        if q.kind == "amount" and q.measure == "" and 0 < q.value < 1 and q.value not in theirs \
                and not _DECIMAL.fullmatch(text[q.start:q.end]) \
                and not _PERIOD_HALF.search(text, max(0, q.start - _PERIOD_BEFORE), q.end):
            if _OF_A_POINT.match(text, q.end):
                q = replace(q, measure="percent")
            else:
                bound = _bound(q, text, korean)
                q = replace(q, value=round(q.value * 100, 6), measure="percent")
                shares[q.value] = bound
        out.append(q)
    return out, shares


def share_agrees(share: float, figure: float, bound: str, hedged: bool) -> bool:
    """Is `figure` what a fraction said in words stands for: the share rounded at the figure's
    last digit ("a third" for 30% or 33%, "two-thirds" for 67%; not "a quarter" for 30%), or,
    when the fraction is hedged or a bound, within a tenth of it ("about half" for 48.7%, "more
    than half" for 55%)? A plain "three-quarters" for 68% or "half" for 45% is a change. A share
    said as a bound is not passed from its wrong side: "nearly a third" or "less than a third" is
    no 35%, "more than half" and 절반 이상 no 45%."""
    if bound == "under" and figure > share or bound == "over" and figure < share:
        return False
    return abs(share - figure) < _place(figure) / 2 or (hedged or bool(bound)) and abs(share - figure) <= _WORDS_SHARE * share
