"""Figures a check reads from how they are said rather than written: "doubled" (2배), "twice a
week" (두 번), "a year earlier" against 1년 전보다, "Kim and three others" (김 씨 등 4명). Readings
for the number check only: the aligner's number reader stays as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.align.numbers import Quantity

# a multiple said by a verb or "twice": prices "doubled" ~ 두 배로 뛰었다, "nearly triple the share" ~ 3배 가까이,
# "twice as many" ~ 2배 (not "double-digit", "a double murder": no verb, no comparison); "twice" without a
# comparison counts occasions, "twice a week" ~ 일주일에 두 번
_EN_MULTIPLE = re.compile(r"(?i)\b(?:(doubl|tripl|quadrupl)(?:ed|ing|es)\b|(double|triple|quadruple)(?= (?:the|that|what|its|their)\b)"
                          r"|(twice|thrice)\b(?P<compared> (?:as|the|that|what)\b)?)")
_KO_MULTIPLE = re.compile(r"(?<![가-힣])(?:곱절|갑절)")  # 곱절로 늘었다 ~ "doubled"
_KO_COUNTED_BEFORE = re.compile(r"(?:\d|두|세|네)\s?$")  # 세 곱절: the numeral is read already
_MULTIPLES = {"doubl": 2.0, "double": 2.0, "twice": 2.0, "tripl": 3.0, "triple": 3.0, "thrice": 3.0, "quadrupl": 4.0,
              "quadruple": 4.0}


def _multiples(found: list[Quantity], text: str, korean: bool) -> list[Quantity]:
    """The quantities with each multiple said in words as one of measure "times": "doubled" is
    2배, and "tripled" against 2배 is a change."""
    from toolkit.align.numbers import Quantity, with_readings

    if korean:
        said = [Quantity(2.0, "amount", m.start(), m.end(), measure="times") for m in _KO_MULTIPLE.finditer(text)
                if not _KO_COUNTED_BEFORE.search(text, max(0, m.start() - 3), m.start())]
    else:
        said = [Quantity(_MULTIPLES[next(g for g in m.groups() if g).lower()], "amount", m.start(), m.end(),
                         measure="times" if m.group(1) or m.group(2) or m.group("compared") else "")
                for m in _EN_MULTIPLE.finditer(text)]
    return with_readings(found, said)


# "a year earlier", "a month ago": one of the span, against a Korean count of the same span before or after
# (1년 전보다, 한 달 뒤); against 지난해보다 or 전월 대비, which count nothing, it is no figure
_EN_ONE_BEFORE = re.compile(r"(?i)\ba (year|month|week)(?= (?:earlier|ago|before|later)\b)")
# (전, 뒤, 후 as a word: 1년 전보다, 한 달 뒤에, 2년 후인; not 50년 전통, 3년 전후, 2년 전세, 10년 후배)
_BEFORE_AFTER = r"\s?(?:전|뒤|후)(?:보다|부터|까지|에|의|과|와|인|이|만|쯤|께|엔|도|로)?(?:는|은|도|에)?(?![가-힣])"
_KO_SPAN_BEFORE = {"year": re.compile(r"(?:\d|한)\s?(?:년|해)" + _BEFORE_AFTER),
                   "month": re.compile(r"(?:\d|한)\s?(?:개월|달)" + _BEFORE_AFTER),
                   "week": re.compile(r"(?:\d|한)\s?주일?" + _BEFORE_AFTER)}


def _one_span_before(en: list[Quantity], en_text: str, ko_text: str) -> list[Quantity]:
    """The English quantities with "a year earlier" (a month, a week; ago, before, later) as 1,
    where the Korean counts that span before or after in figures (1년 전보다): a Korean 5년 전 is
    then a change."""
    from toolkit.align.numbers import Quantity, with_readings

    said = [Quantity(1.0, "amount", m.start(), m.end()) for m in _EN_ONE_BEFORE.finditer(en_text)
            if _KO_SPAN_BEFORE[m.group(1).lower()].search(ko_text)]
    return with_readings(en, said)


# "Kim and three others" names four people (김 씨 등 4명); 김 씨 외 3명 is four too: the count with the one
# named beside it, a reading that may match but never disagrees; where both sides count the others ("and
# three others", 외 4명) the two counts are compared as written, or 3 + 1 would excuse the 4
_EN_OTHERS = re.compile(r"(?i)\s(?:others|other [a-z]+)\b")
_EN_AND_BEFORE = re.compile(r"(?i)\b(?:and|with|plus|along with)\s$")
_KO_BESIDES = re.compile(r"외(?:에)?\s?$")
_EN_OTHERS_SAID = re.compile(r"(?i)\b(?:and|with|plus|along with)\s+[\w,.-]+\s+(?:others|other [a-z]+)\b")
_KO_OTHERS_SAID = re.compile(r"(?<![가-힣])외(?:에)?\s?[\d한두세네다여일이삼사오육칠팔구십]")


def _with_the_one_named(found: list[Quantity], text: str, korean: bool, other_text: str) -> list[Quantity]:
    """The quantities with each count of "others" (외 N명) also read with the one named beside it,
    unless `other_text` counts the others too."""
    from toolkit.align.numbers import Quantity, with_readings

    if (_EN_OTHERS_SAID if korean else _KO_OTHERS_SAID).search(other_text):
        return found
    said = [Quantity(q.value + 1, "amount", q.start, q.end, loose=True) for q in found
            if q.kind == "amount" and q.value == int(q.value) and not q.optional and (
                _KO_BESIDES.search(text, max(0, q.start - 3), q.start) if korean
                else _EN_AND_BEFORE.search(text, max(0, q.start - 12), q.start) and _EN_OTHERS.match(text, q.end))]
    return with_readings(found, said)


def phrased_in_english(found: list[Quantity], en_text: str, ko_text: str) -> list[Quantity]:
    """The English quantities with the figures said in words read (see the module)."""
    return _with_the_one_named(_one_span_before(_multiples(found, en_text, korean=False), en_text, ko_text),
                               en_text, korean=False, other_text=ko_text)


def phrased_in_korean(found: list[Quantity], ko_text: str, en_text: str) -> list[Quantity]:
    """The Korean quantities with the figures said in words read (곱절, 외 3명)."""
    return _with_the_one_named(_multiples(found, ko_text, korean=True), ko_text, korean=True, other_text=en_text)
