"""Numbers mentioned in a sentence, as comparable values, for English and Korean.

Numbers are the most reliable anchors between a Korean report and its English
rewrite: "3만 명" and "30,000 people", "5년" and "five years", "2월 21일" and
"Feb. 21" must give the same values.  Both functions return a set of canonical
strings (see `canon`) so that callers can intersect them directly.  The metrics
room reuses them to check that numbers survive translation.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from toolkit.align.kept import kept_for_sentences

__all__ = ["KO_RELATIVE", "numbers_in_english", "numbers_in_korean", "canon", "as_written", "Quantity", "quantities_in_english",
           "quantities_in_korean", "with_readings"]


def as_written(value: float) -> float:
    """The value to twelve significant digits: a decimal times a scale is not exact in binary
    (4.28 * 1e9 = 4280000000.0000005), and "4.28 billion" must equal 42억8000만."""
    return float(f"{value:.12g}")


def canon(value: float) -> str:
    """One spelling per value: 30000 -> '30000', 12.30 -> '12.3', 1.1e8 -> '110000000'."""
    value = as_written(value)
    if value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return f"{value:.6g}"


# ---------------------------------------------------------------- English
_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# whose decade of life it is: "in her forties", "in their late sixties", "in their forties and fifties"
_AGE_OWNERS = frozenset({"his", "her", "their", "my", "your", "our"})
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "twentieth": 20,
}
# nouns Korean numbers with a digit: first quarter 1분기, first round 1차, first place 1위, first anniversary 1주년
# (not "first half", 상반기 or 전반, nor "first lieutenant", 중위: no digit in them)
_COUNTED_ORDINALS = frozenset({
    "quarter", "round", "phase", "stage", "term", "grade", "place", "prize", "session", "plenary",
    "anniversary", "floor", "class", "division", "degree", "vice",
})
# meetings Korean numbers with 제N차 or N회: the first inter-Korean summit ~ 제1차 남북정상회담
_COUNTED_EVENTS = frozenset({"summit", "meeting", "talks", "congress", "conference", "plenum", "convention", "forum"})
# names and compounds that may stand between an ordinal and its meeting: "first North Korea-US summit"
_EVENT_QUALIFIERS = 3


def _counted_after(tokens: list[str], at: int) -> bool:
    """Does the ordinal before `at` number what Korean counts with a digit: the noun right after
    it ("first quarter" ~ 1분기), or a meeting after a few capitalised or hyphenated words ("the
    first inter-Korean summit" ~ 제1차 남북정상회담; not "the first time the summit met")?"""
    for k in range(at, min(at + _EVENT_QUALIFIERS + 1, len(tokens))):
        word = tokens[k].lower().rstrip(".")
        if k == at and word in _COUNTED_ORDINALS or word in _COUNTED_EVENTS:
            return True
        if not (tokens[k][:1].isupper() or "-" in tokens[k]):
            return False
    return False


# the decade of an age: "in his forties" ~ 40대 (digits, "his 40s", are read with their "s")
_EN_DECADE_WORDS = {word[:-1] + "ies": value for word, value in _EN_TENS.items() if value >= 20}
_EN_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "mln": 1e6, "bln": 1e9, "bn": 1e9, "tn": 1e12, "trln": 1e12,
    "quadrillion": 1e15,  # 1,116조 원 is "1.116 quadrillion won"
    "decade": 10, "decades": 10,  # five decades ~ 50년, a decade ~ 10년
    "dozen": 12,  # three dozen ~ 36명, about a dozen ~ 10여 명
}
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_EN_TOKEN = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th|s)?|[A-Za-z]+(?:-[A-Za-z]+)*\.?"
)
_DIGITS = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|s)?$")
_MONTH_CONTEXT = {"in", "since", "until", "last", "next", "early", "late", "mid", "by", "of", "on", "from", "through", "this"}


def _word_value(word: str) -> float | None:
    """Value of a spelled-out English number word or hyphenated compound ('twenty-five', 'twenty-first')."""
    value = _cardinal_word(word)
    if value is not None:
        return value
    if word in _EN_ORDINALS:
        return float(_EN_ORDINALS[word])
    if word in ("dozen",):
        return 12.0
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in _EN_TENS and _EN_ORDINALS.get(parts[1], 10) < 10:
        return float(_EN_TENS[parts[0]] + _EN_ORDINALS[parts[1]])
    return None


def _cardinal_word(word: str) -> float | None:
    """Value of a cardinal below 100 spelled as one token ('five', 'forty', 'twenty-one'), else None."""
    if word in _EN_UNITS:
        return float(_EN_UNITS[word])
    if word in _EN_TENS:
        return float(_EN_TENS[word])
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_UNITS and _EN_UNITS[parts[1]] < 10:
        return float(_EN_TENS[parts[0]] + _EN_UNITS[parts[1]])
    return None


def _spelled_number(tokens: list[str], i: int, first: float) -> tuple[float, int]:
    """Value of the spelled-out number that starts at tokens[i] (worth `first`), and the index after it.

    The parts of one number join: "one hundred and five" is 105, "two thousand and twelve"
    2012, "twenty one" 21, "two million five hundred thousand" 2,500,000. "and" joins only
    right after a scale word, so "five and six" stays two numbers.
    """
    total, current = 0.0, first
    prev = "tens" if first in _EN_TENS.values() and tokens[i].lower() in _EN_TENS else "num"
    j, n = i + 1, len(tokens)
    while j < n and not tokens[j - 1].endswith("."):  # a full stop ends the number
        word = tokens[j].lower().rstrip(".")
        scale = _scale_of(word)
        if scale is not None and prev in ("num", "tens", "hundred") and not (scale == 100 and prev == "hundred"):
            if scale == 100:
                current *= 100
                prev = "hundred"
            elif scale >= 1000:
                total += current * scale
                current, prev = 0.0, "scale"
                if "-" in word:  # "five million-won": joined to its noun, the scale ends the number
                    j += 1
                    break
            else:  # "decades" and the like multiply and end the number
                current *= scale
                j += 1
                break
            j += 1
            continue
        if word == "and" and prev in ("hundred", "scale") and j + 1 < n:
            after = tokens[j + 1].lower().rstrip(".")
            nxt = _word_value(after) if after != "dozen" else None  # "and fifth" too: 105th
            if nxt is None or nxt >= 100:
                break
            current += nxt
            prev = "tens" if after in _EN_TENS else "num"
            j += 2
            continue
        value = _cardinal_word(word)
        if value is None:
            break
        if prev in ("hundred", "scale"):
            current += value
            prev = "tens" if word in _EN_TENS else "num"
        elif prev == "tens" and value < 10:  # "twenty one" spelled apart
            current += value
            prev = "num"
        else:
            break
        j += 1
    return total + current, j


# a number spelled with hyphens, as broadcast scripts write for reading aloud: "ten-thousand won",
# "eight-thousand-590 won", "two-point-nine percent" (a scale word or "point" among its parts)
_EN_NUMBER_PART = "|".join(sorted([*_EN_UNITS, *_EN_TENS, "hundred", "thousand", "million", "billion", "trillion", "point"],
                                  key=len, reverse=True))
# (a number written before a hyphen-spelled scale belongs to it: "28 million-410-thousand" is 28,410,000)
_EN_HYPHENATED = re.compile(rf"(?i)(?<![\w-])(?:(?:\d+|{_EN_NUMBER_PART})\s+(?=(?:thousand|million|billion|trillion)-))?"
                            rf"(?:{_EN_NUMBER_PART}|\d+)(?:-(?:and-)?(?:{_EN_NUMBER_PART}|\d+))+(?!\w)"
                            r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)(?![\w-]))?")  # "one-point-five million"


def _hyphenated_value(words: list[str]) -> float | None:
    """Value of a hyphen-spelled number's parts, or None when it has no scale word or "point"
    (twenty-five and nine-year-old are read as words already)."""
    total, current, fraction, scale_seen = 0.0, 0.0, "", False
    after_point = False
    for word in words:
        value = float(word) if word.isdigit() else _cardinal_word(word)
        if word == "point":
            if after_point:
                return None
            after_point = scale_seen = True
        elif after_point and value is not None and value < 10 and (word.isdigit() or word in _EN_UNITS):
            fraction += word if word.isdigit() else str(_EN_UNITS[word])
        elif value is not None and not after_point:
            current += value
        elif word in _EN_SCALES and _EN_SCALES[word] >= 100:
            scale_seen = True
            whole = (current or 1.0) + (float(f"0.{fraction}") if fraction else 0.0)
            fraction, after_point = "", False
            if _EN_SCALES[word] == 100:
                current = whole * 100
            else:
                total, current = total + whole * _EN_SCALES[word], 0.0
        else:
            return None
    if not scale_seen or after_point and not fraction:
        return None
    return total + current + (float(f"0.{fraction}") if fraction else 0.0)


_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
# a measure word after "a"/"an" is one of it: "a kilogram" ~ 1킬로그램, "a ton" ~ 1톤
_EN_MEASURES = {
    "kilogram", "kilograms", "kilo", "kilos", "gram", "ton", "tonne", "liter", "litre", "meter", "metre",
    "kilometer", "kilometre", "mile", "dollar", "yuan", "won", "month", "week", "year", "percent",
}
# what may stand between a count and its "and a half": its unit ("three years and a half") or nothing
# ("two and a half hours"); "two sons and a half brother", "five men ... and a half dozen" are two numbers
_HALVED_UNITS = _EN_MEASURES | {"hour", "day", "decade", "century", "minute"}


def _unit_or_nothing(between: str) -> bool:
    words = between.lower().split()
    return not words or (len(words) == 1 and (words[0] in _HALVED_UNITS or words[0].removesuffix("s") in _HALVED_UNITS))


_RELATIVE = {"ago", "earlier", "before", "later"}  # "a year earlier": a time relative to the story, no count
_EN_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_ONE_PRONOUN = {"no", "any", "every", "some", "the", "this", "that", "which", "each", "someone", "anyone"}
# a parenthesis holding a currency marker is a conversion the translator added: (about USD 310)
_CURRENCY_EN = re.compile(r"USD|US\$|\$|KRW|KPW|CNY|RMB|yuan|dollars?|won\b|euros?", re.I)
_CURRENCY_KO = re.compile(r"한화|달러|위안|원|엔|유로|북한\s?돈|중국\s?돈")


@dataclass(frozen=True)
class Quantity:
    """A number found in a sentence: its value, what kind of number it is, where it is, and
    whether it stands inside a conversion in parentheses (which a translator adds freely).

    Kinds: "amount" (counts, money, ordinals, percents, durations: comparable with one
    another), the calendar kinds "year", "month", "day" and "weekday", "time" (a clock
    hour, 0-23: "2 p.m.", 오후 2시), "night" (the nights of a stay: 1박 2일, "two nights") and
    "difference" (a gap between two values: "300 won more expensive than", 100원의 차액),
    compared only with their own kind (an English weekday says nothing against a Korean day
    of the month, "since 2 p.m." nothing against 20mm, a price gap nothing against a price)."""

    value: float
    kind: str
    start: int
    end: int
    conversion: bool = False
    unit: str = ""  # "s", "min" or "h" for a duration, whose value a translator may convert
    approx: bool = False  # hedged ("about 250,000", 24만 9천여 원): a rounder value on the other side is no change
    loose: bool = False  # a reading that may match but never disagrees: 두 before any noun (두 국가, "the two leaders")
    measure: str = ""  # "percent" or "times": a share or a multiple, compared only with its like (20.2% says nothing against 4배)

    @property
    def optional(self) -> bool:
        """A value that may match the other side but never disagrees with it: a conversion the
        translator added, or a loose reading."""
        return self.conversion or self.loose


def with_readings(found: list[Quantity], added: list[Quantity]) -> list[Quantity]:
    """`found` with further readings of the text among them, in text order (`found` itself when
    there are none): the checks add readings ("doubled" as 2배, 오후 10시 for a bare 10시) after reading."""
    return sorted(found + added, key=lambda q: (q.start, q.end)) if added else found


# ... and so is one holding a measure unit: "1,500 kilometers (932 miles)", "(약 932마일)"
_MEASURE_EN = re.compile(
    r"\b(?:miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|feet|foot|ft|inch(?:es)?|yards?|pounds?|lbs?|ounces?|oz"
    r"|acres?|hectares?|gallons?|kg|kilograms?|tons?|tonnes?|degrees?)\b|°", re.I)
_MEASURE_KO = re.compile(r"마일|킬로미터|㎞|km|피트|인치|야드|파운드|온스|에이커|헥타르|갤런|킬로그램|㎏|kg|톤|°|도\b")


def _conversions(text: str, *markers: re.Pattern) -> list[tuple[int, int]]:
    """Spans of parentheses that hold a digit and a currency or measure marker: (USD 7,882),
    (한화 약 970만 원), (932 miles)."""
    out = []
    for m in re.finditer(r"\(([^()]{1,60})\)", text):
        if any(p.search(m.group(1)) for p in markers) and re.search(r"\d", m.group(1)):
            out.append(m.span())
    return out


# ... and so is a conversion said in words: "380,000 yuan, or about $52,000"; 한화로 약 7천만 원, 우리 돈으로
# 940만 원, 환산하면 약 5만 달러 (not 중국돈으로 38만 위안, the figure itself; not 10만 달러로 늘었다, "to $100,000")
_SAID_CONVERSION_EN = re.compile(
    r"(?i)(?:\byuan|\bwon|\bdollars?|\beuros?|(?:US\$|\$|₩|€)\s?[\d.,]+(?:\s(?:million|billion|trillion))?)"
    r",?\s+or\s+(?:(?:about|around|roughly|some|nearly|approximately|almost|close to)\s+)?"
    r"(?:(?:US\$|\$|USD|KRW|CNY|RMB|₩|€)\s?[\d.,]*\d|[\d.,]*\d(?:\s(?:million|billion|trillion))?\s(?:yuan|won|dollars|euros))")
_SAID_CONVERSION_KO = re.compile(
    r"(?:(?:한화|우리\s?돈|한국\s?돈|원화|미화|미국\s?돈)\s?(?:으로|로)\s?(?:(?:환산|계산)(?:하면|해)\s?)?|(?:환산|계산)하면\s?)"
    r"(?:약|대략)?\s?\d[\d,.]*(?:\s?[십백천만억조](?:\s?\d[\d,.]*)?)*")


# a sum of money written before a Korean conversion: 중국돈 25만 위안(, 한화로 ...), read as a figure's
# whole run and then its currency, so that a long run with no currency is read once, not once a digit
_KO_FIGURE_RUN = re.compile(r"\d[\d,.]*(?:\s?[십백천만억조](?:\s?\d[\d,.]*)?)*")
_KO_CURRENCY_AFTER = re.compile(r"\s?(?:달러|위안|원|엔|유로|파운드)")
# one spelling per currency, so that "40,000 yuan, or 45,000 yuan with interest" is two sums, not a conversion
_EN_CURRENCY_KEYS = (("$", "usd"), ("usd", "usd"), ("dollar", "usd"), ("yuan", "cny"), ("cny", "cny"), ("rmb", "cny"),
                     ("won", "krw"), ("krw", "krw"), ("₩", "krw"), ("euro", "eur"), ("€", "eur"))


def _currency_of(words: str) -> str:
    low = words.lower()
    return next((key for mark, key in _EN_CURRENCY_KEYS if mark in low), "")


def _said_conversions_en(text: str) -> list[tuple[int, int]]:
    """Spans of English conversions said in words, only into another currency ("40,000 yuan, or
    45,000 yuan with interest" is two sums)."""
    out = []
    for m in _SAID_CONVERSION_EN.finditer(text):
        first, _, second = re.split(r"(,?\s+or\s+)", m.group(0), maxsplit=1)
        if _currency_of(first) != _currency_of(second):
            out.append(m.span())
    return out


def _said_conversions_ko(text: str) -> list[tuple[int, int]]:
    """Spans of Korean conversions said in words, only after a sum of money they convert (한화로 약
    7억 원 alone is the figure itself, as 미화로 2만 달러를 받았다 is)."""
    money_end = _first_money_end(text)
    if money_end is None:
        return []
    return [m.span() for m in _SAID_CONVERSION_KO.finditer(text) if money_end <= m.start()]


def _first_money_end(text: str) -> int | None:
    """Where the first Korean sum of money ends. One pattern for figure and currency searched
    again at every digit of a long run with no currency after it (1조 1조 ... : 75 s at 100 kB)."""
    for run in _KO_FIGURE_RUN.finditer(text):
        currency = _KO_CURRENCY_AFTER.match(text, run.end())
        if currency:
            return currency.end()
    return None


def _mark_conversions(found: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    # the spans merged and bisected: a 100 kB "sentence" of conversions is thousands of each
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]

    def inside(at: int) -> bool:
        k = bisect_right(starts, at) - 1
        return k >= 0 and at < merged[k][1]
    return [replace(q, conversion=inside(q.start)) for q in found]


# what follows an amount that makes it a share or a multiple
_PERCENT_EN = re.compile(r"[\s-]?(?:%|percent(?:age points?)?\b|per cent\b|pct\b)", re.I)
# "three times the pace" is a multiple (3배); "flashed a torch three times" counts occasions (3번)
# ("four times this year" counts visits: a demonstrative before a time noun is no multiple)
_TIMES_EN = re.compile(r"[\s-]?(?:fold\b|times\s+(?:the|as|more|less|higher|lower|larger|greater|bigger|faster|what"
                       r"|its|their|his|her|(?:this|that|those|these)\b(?!\s+(?:year|month|week|day|morning|afternoon"
                       r"|evening|night|season|quarter|summer|winter|spring|autumn|fall|weekend|time|decade)s?\b))\b)", re.I)
_PERCENT_KO = re.compile(r"\s?(?:[%％]|퍼센트|프로(?![그젝포세필야듀모펠]))")
# 4배, 4배가, 4배나, 4배였다, 4배인, 4배까지, 4배씩: the particles and the copula after a multiple
_TIMES_KO = re.compile(r"\s?배(?![가-힣])|\s?배(?:[가나는로를에의이였와도만씩쯤인]|까지|보다|입니)")


# a weight: "100 kilograms", "a kilogram", "2 tons"; 100킬로그램, 1kg당, 2톤 (not 킬로미터)
_MASS_EN = re.compile(r"[\s-]?(?:kilo(?:gram)?s?|kg|tons?|tonnes?|grams?)\b", re.I)
_MASS_KO = re.compile(r"\s?(?:킬로그램|킬로(?!미터|와트|칼로리|바이트)|kg|㎏|톤|t(?![A-Za-z])|그램)")  # 10만t: tons


def _mark_measures(found: list[Quantity], text: str, percent: re.Pattern, times: re.Pattern,
                   mass: re.Pattern) -> list[Quantity]:
    """Amounts followed by a percent sign, a multiplier or a unit of weight: a translator who
    adds "up 20.2 percent" beside a Korean "4배" has not changed either, and "20,000 won a
    kilogram" against 5킬로그램에 2만 원 is a changed weight however many 한 척 and 한 번 the
    Korean counts (a weight is compared with weights only; "per kg" against 1kg당 with none)."""
    def measure(q: Quantity) -> str:
        if q.kind != "amount":
            return ""
        if percent.match(text, q.end):
            return "percent"
        # 5배, "two-fold", "rose two-fold." (a figure that ends a sentence keeps its full stop)
        if times.match(text, q.end) or re.search(r"fold\W*$", text[q.start:q.end], re.I):
            return "times"
        # the weight after the figure, or inside it ("a kilogram" is read whole)
        return "mass" if mass.match(text, q.end) or re.search(r"[A-Za-z]", text[q.start:q.end]) \
            and mass.search(text, q.start, q.end) else ""
    return [replace(q, measure=m) if (m := measure(q)) else q for q in found]


# a clock hour: "2 p.m.", "10:30 a.m.", "five in the evening"; a duration: "7,560 seconds", "126 minutes", "3 hours"
_EN_CLOCK = re.compile(
    r"\s?(?::\d\d)?\s?(?:([ap])\.?m\b\.?|o['’]clock|in the (morning|afternoon|evening)|(at night))", re.I)
_EN_DURATION = re.compile(r"[\s-]?(seconds?|minutes?|hours?)\b", re.I)
_KO_CLOCK = re.compile(r"\s?시(?!간|기|각|장|민|절|대|점|즌|행|범|작|도|설|위|청|의|내|외|계|험|공)")
# the part of the day said before an hour (오후 2시), also in a speaker's aside in parentheses: (밤) 10시
_KO_DAY_PART = re.compile(r"(오전|오후|새벽|아침|낮|저녁|밤)\)?\s?$")
_KO_AFTERNOON = frozenset({"오후", "저녁", "밤"})
_KO_MIDNIGHT = frozenset({"오전", "새벽", "밤"})  # 밤 12시 is midnight, as "12 a.m." is
_KO_DURATION = re.compile(r"\s?(초(?![반순과등])|분(?![기의야석량류배])|시간)")
_UNITS = {"second": "s", "minute": "min", "hour": "h", "초": "s", "분": "min", "시간": "h"}


def _scale_of(token: str) -> float | None:
    """The scale a token multiplies by: "million", "bn", and a large scale joined to its noun
    by a hyphen ("million-dollar", "billion-won": 5 million-won is 5,000,000 won)."""
    word = token.lower().rstrip(".")
    if word in _EN_SCALES:
        return _EN_SCALES[word]
    head = word.split("-")[0]
    return _EN_SCALES[head] if head in ("thousand", "million", "billion", "trillion", "quadrillion") and head != word else None


def _clock_and_duration(q: Quantity, text: str, korean: bool) -> Quantity | None:
    """`q` as a clock hour (kind "time") or a duration (unit s/min/h) when its text says so;
    None for the minutes of a clock time (10:30, 10시 30분)."""
    if not math.isfinite(q.value):  # scale words multiplied past any real figure ("1 trillion trillion …")
        return None
    if q.kind != "amount":
        return q
    if q.value != int(q.value):  # "two and a half hours", 1.5시간: a duration, never a clock hour
        duration = (_KO_DURATION if korean else _EN_DURATION).match(text, q.end)
        return replace(q, unit=_UNITS[duration.group(1) if korean else duration.group(1).lower().rstrip("s")]) \
            if duration else q
    if (text[q.start - 1:q.start] == ":" if not korean
            else re.search(r"\d\s?시\s?$", text[max(0, q.start - 5):q.start]) and text[q.end:q.end + 1] == "분"):
        return None
    after, value = text[q.end:q.end + 20], q.value
    clock = _KO_CLOCK.match(after) if korean else _EN_CLOCK.match(after)
    if clock and 0 <= value <= 24 and not (korean and _KO_DURATION.match(after)):
        if korean:
            said = _KO_DAY_PART.search(text[max(0, q.start - 4):q.start])
            part = said.group(1) if said else ""
            pm = part in _KO_AFTERNOON
            if value == 12 and part in _KO_MIDNIGHT:
                value, pm = 0, False
        else:
            pm = (clock.group(1) or "").lower() == "p" or clock.group(2) in ("afternoon", "evening") or bool(clock.group(3))
            value = value % 12 if clock.group(1) else value
        return replace(q, value=value + 12 if pm and value < 12 else value, kind="time")
    duration = (_KO_DURATION if korean else _EN_DURATION).match(after)
    if duration:
        word = duration.group(1).lower().rstrip("s") if not korean else duration.group(1)
        return replace(q, unit=_UNITS[word])
    return q


def _bare_hours(found: list[Quantity], text: str) -> list[Quantity]:
    """A Korean hour said without its part of the day (그 전날 10시) may be the evening's: the
    translator who writes "10 p.m." from the context has changed nothing, so the later hour is
    added as a reading that may match but never disagrees."""
    later = [replace(q, value=q.value + 12, loose=True) for q in found
             if q.kind == "time" and 1 <= q.value < 12 and not _KO_DAY_PART.search(text[max(0, q.start - 5):q.start])]
    return with_readings(found, later)


def _day_position(tokens: list[str], i: int) -> bool:
    """An ordinal that names a day: "on the 4th", "the fourth of last month", "the 4th of July"."""
    if i == 0 or tokens[i - 1].lower() != "the":
        return False
    before = tokens[i - 2].lower() if i > 1 else ""
    after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return before in ("on", "by", "since", "until") or after == "of"


# Numbers that are parts of names or terms, not quantities: COVID-19 / 코로나19, a third
# country / 제3국, 1호 방침 (a first-rank directive), 8자 (a figure-eight); and a news agency's dateline
# ("SEOUL, April 14 (Yonhap) --"), which dates the dispatch, not the story. Blanked out
# (same length, so positions hold) before the numbers are read.
_NOT_QUANTITY_EN = re.compile(
    r"(?i)(?<=covid-)19|(?<=covid)19|\bthird(?= countr)"
    r"|^[A-Z][A-Za-z .]+, [A-Z][a-z]+\.? \d{1,2} \([A-Za-z ]+\) --"
)
# a run of 40 or more digits and separators is an identifier or noise, never a figure a translator renders;
# read as one number it would also overflow a float (a 10 kB run of digits raised OverflowError)
_DIGIT_RUN = re.compile(r"\d[\d.,]{39,}")
# A 호/자 number is a whole run of digits, tried only where a run starts (or right after 코로나19, which is
# matched on its own): tried from every digit, a long run cost its length squared (50,000 digits: over 30 s).
_NOT_QUANTITY_KO = re.compile(r"(?<=코로나)19|(?<=코로나 )19|(?<=제)3(?=국)"
                              r"|(?:(?<!\d)|(?<=코로나19)|(?<=코로나 19))\d++"
                              r"(?=호\s?(?:방침|지시|행사|열차)|자(?:[’'”\"]|\s?(?:모양|형태|꼴)))")  # ‘8자’를 그리며: a figure-eight


# hedges: "about 250-thousand won", "an estimated 3 billion"; 약 30만 원, 24만 9천여 원, 20명 가량
_APPROX_EN = re.compile(r"(?i)\b(?:about|approximately|around|roughly|some|nearly|almost|estimated|close to)[\s-]+$")
_APPROX_KO_BEFORE = re.compile(r"약\s?$")
_APPROX_KO_AFTER = re.compile(r"\s?(?:[가-힣]{0,2}\s?)?(?:여(?![가-힣])|여\s?(?=명|원|개|곳|건|톤|달러|가구|차례)|가량|남짓|안팎|내외|가까[이운]|정도|쯤)")
# what joins the two days of a range in English: "Jan. 1-10", "May 1 to 20"
_DAY_RANGE = re.compile(r"\s?(?:[-–]|to|through|till|until)\s?")
# a number of days named before it: 조업일수는 7일, 이 기간 7.5일 (a count, not a day of the month)
_KO_DAYS_COUNTED = re.compile(r"일수(?:는|은|가|이)?\s?$")
# a span of years and months, which a translator may give in months alone: 1년 6개월 ~ "18 months"
_KO_YEARS_AND_MONTHS = re.compile(r"(?<![\d.])(\d{1,2})\s?년\s?(\d{1,2})\s?개월")
# a half after a span of time: 1년 반 ~ "a year and a half", 두 시간 반; a particle may follow (1년 반이);
# not 3반 ("class 3"), 반면, 반대, 반년
_KO_AND_A_HALF = re.compile(r"\s?(년|개월|달|시간|주일|주|살|세)\s?반(?:(?![가-힣])|(?=이|을|의|에|만|가량|정도|쯤|동안))")
# the end of a range of months or days: 1∼3월, 10~12일
_KO_RANGE_END = re.compile(r"\s?[∼~〜]\s?(\d{1,2})\s?([월일])")
# a month and day written with a dot, alone in parentheses after the day's name: 태양절(4.15), 광명성절(2.16)
_KO_DOTTED_DATE = re.compile(r"(?<=\()(1[0-2]|[1-9])[.·](3[01]|[12]\d|[1-9])(?=\))")
# a day whose name is its month and day with a middle dot: 7·27 전승절, 4·15 명절, 6·25 전쟁, 3·1절. It
# names the day, as "Victory Day" does: the translator writes the name, the date of the report
# or nothing, so its digits are no date or amount of the story. A counter written tight after
# the pair makes it a list (2·3위, 1·2학년, 3·4월), which stays numbers.
_KO_NAMED_DAY = re.compile(r"(?<![\d.·ㆍ])(?:1[0-2]|[1-9])[·ㆍ](?:3[01]|[12]\d|[1-9])(?=절|\s+[^\s\d]|[)”’\"',.]|$)")


# a number that measures the gap between two values in their unit: "around 300 won more
# expensive than", 100원의 차액, 300원 더 비싸다. (A relative change, "50% more than last year"
# ~ 50% 늘린, or "five times higher" ~ 5배, is written as an amount in both languages.)
_EN_DIFFERENCE = re.compile(
    r"(?i)(?:\s(?:won|yuan|dollars?|people))?\s(?:more expensive|more|less|fewer|cheaper|higher|lower|dearer)\s+than\b")
_KO_DIFFERENCE = re.compile(r"\s?(?:원|위안|달러|명)?\s?(?:의\s?)?(?:차액|차이|격차)|\s?(?:원|위안|달러|명)?\s?더\s?(?:비싸|비싼|싸|싼|많|높|낮|적)")
_KO_DIFFERENCE_BEFORE = re.compile(r"(?:차액|차이|격차)(?:은|는|이|가)?\s?$")
_DIFFERENCE_BEFORE_CHARS = 6  # past the longest text it matches ("차액은 " and a line end): looked for there, not in all before (quadratic)
# the nights of a stay, counted apart from its days: 1박 2일 ~ "for two days", 2박 3일간, "two nights"
_KO_NIGHTS = re.compile(r"\s?박\s?\d{1,2}\s?일")
_EN_NIGHTS = re.compile(r"[\s-]nights\b|-night\b", re.I)
# a count of days, not a day of the month: 2일간, 3일 동안, 사흘째 is read as a count already;
# a 간 written apart starts a word of its own where more Hangul follows (7일 간담회: a date)
_KO_DAY_COUNT = re.compile(r"일\s?동안|일간|일 간(?=의|에|[^가-힣]|$)")


def _gaps_and_nights(found: list[Quantity], text: str, korean: bool) -> list[Quantity]:
    """Amounts re-kinded by what follows them: a gap between two values ("difference") and
    the nights of a stay ("night"), each compared only with its own kind."""
    gap, nights = (_KO_DIFFERENCE, _KO_NIGHTS) if korean else (_EN_DIFFERENCE, _EN_NIGHTS)
    out = []
    for q in found:
        if q.kind == "amount" and (gap.match(text, q.end) or korean and _KO_DIFFERENCE_BEFORE.search(
                text, max(0, q.start - _DIFFERENCE_BEFORE_CHARS), q.start)):
            q = replace(q, kind="difference")
        elif q.kind == "amount" and (nights.match(text, q.end) or re.search(r"(?i)-nights?$", text[q.start:q.end])):
            q = replace(q, kind="night")
        out.append(q)
    return out


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`_blank` for matches a pattern alone does not choose (a reading kept only after a test of its values)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _exact(quantities: list[Quantity]) -> tuple[Quantity, ...]:
    """The readers' values as written (`as_written`), for every caller alike."""
    return tuple(replace(q, value=as_written(q.value)) for q in quantities)


def quantities_in_english(text: str) -> list[Quantity]:
    """The numbers of an English sentence with their kinds (digits, words, scales, dates)."""
    return list(_quantities_in_english(text))


# a fraction: "a fifth of", "one-third", "two-thirds", "three quarters" (one value, 5분의 1 in Korean);
# a singular after "a"/"one" only before "of" or joined by a hyphen ("a third day" is an ordinal)
_EN_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                    "ninth": 9, "tenth": 10}
_EN_FRACTION = re.compile(
    r"(?i)\b(?:(a|one)(?:-|\s+)(" + "|".join(_EN_DENOMINATORS) + r")(?=\s+of\b)|(one)-(" + "|".join(_EN_DENOMINATORS)
    + r")\b|(two|three|four|five|six|seven|eight|nine)[\s-](" + "|".join(_EN_DENOMINATORS) + r")s\b)"
)


# a fraction in digits, before "of" or closing the sentence: "1/30 of the day", "not even 1/30." (30분의 1);
# not a date ("on 3/4", "through 6/30.", "1/30/2024"), a name ("the 9/11 attacks", "after 9/11.", "the anniversary
# of 9/11.": a word of time or "of" before it) or a ratio ("24/7": the top not under the bottom)
_EN_SLASH_FRACTION = re.compile(r'(?<![\d/.])(?<!\bon )(?<!\bsince )(?<!\buntil )(?<!\bafter )(?<!\bbefore )'
                                r'(?<!\bthrough )(?<!\btill )(?<!\bby )(?<!\bof )(\d{1,3})/(\d{1,3})'
                                r'(?=\s+of\b|[.?!,;]?["\u201d\])]*\s*$)')


def _slash_fractions(text: str) -> list[Quantity]:
    return [Quantity(int(m.group(1)) / int(m.group(2)), "amount", m.start(), m.end())
            for m in _EN_SLASH_FRACTION.finditer(text) if 0 < int(m.group(1)) < int(m.group(2))]


def _english_fraction(m: re.Match) -> float:
    top, bottom = m.group(1) or m.group(3) or m.group(5), m.group(2) or m.group(4) or m.group(6)
    return (1 if top.lower() in ("a", "one") else _EN_UNITS[top.lower()]) / _EN_DENOMINATORS[bottom.lower()]


@kept_for_sentences(8192)
def _quantities_in_english(text: str) -> tuple[Quantity, ...]:
    text = _blank(_NOT_QUANTITY_EN, _blank(_DIGIT_RUN, text))
    read_first: list[Quantity] = [Quantity(_english_fraction(m), "amount", m.start(), m.end())
                                  for m in _EN_FRACTION.finditer(text)]
    text = _blank(_EN_FRACTION, text)
    slashed = _slash_fractions(text)
    text = _blank_spans(text, [(q.start, q.end) for q in slashed])
    read_first += slashed

    def read_whole(m: re.Match) -> str:  # read once, whole, and blanked: its parts are no numbers of their own
        words = [w for w in re.split(r"[\s-]+", m.group(0)[: m.start("scale") - m.start() if m["scale"] else None].lower())
                 if w != "and"]  # "one-hundred-and-twenty"
        value = _hyphenated_value(words)
        if value is None:
            return m.group(0)  # no scale and no point: read word by word, with any scale after it, as before
        if m["scale"]:
            value = _hyphenated_value([*words, m["scale"].strip().lower()]) or value
        read_first.append(Quantity(value, "amount", m.start(), m.end()))
        return " " * len(m.group(0))

    text_read = _EN_HYPHENATED.sub(read_whole, text)
    matches = list(_EN_TOKEN.finditer(text_read))
    tokens = [m.group(0) for m in matches]

    def next_to_next(i: int) -> bool:  # no number read whole between ("a ninety-nine-point-nine percent")
        return not text[matches[i].end():matches[i + 1].start()].strip()
    out: list[Quantity] = []
    i = 0
    n = len(tokens)

    def add(value: float, kind: str, first: int, last: int) -> None:
        # "first" mostly renders 처음, 최초 or 첫, which hold no digit: it may match a 1 but never
        # disagrees, unless it numbers what Korean counts with a digit (first quarter ~ 1분기)
        loose = first == last and tokens[first].lower().rstrip(".") == "first" and not _counted_after(tokens, last + 1)
        out.append(Quantity(value, kind, matches[first].start(), matches[last].end(), loose=loose))

    lows = [tok.lower().rstrip(".") for tok in tokens]  # each token lowered once, not again as the next one's `prv`
    while i < n:
        tok = tokens[i]
        low = lows[i]
        prv = lows[i - 1] if i else ""
        value: float | None = None
        kind = "amount"
        m = _DIGITS.match(tok)
        if m:
            digits = m.group(1).replace(",", "")
            try:
                value = float(digits.rstrip("."))
            except ValueError:
                value = None
            if value is not None:
                if prv in _MONTHS and tokens[i - 1][:1].isupper() and value <= 31 and not m.group(2):
                    kind = "day"  # Feb. 21, March 4
                elif out and out[-1].kind == "day" and value <= 31 and not m.group(2) \
                        and _DAY_RANGE.fullmatch(text, out[-1].end, matches[i].start()):
                    kind = "day"  # the end of "Jan. 1-10", "Jan. 1 to 10" ~ 1∼10일
                elif re.fullmatch(r"\d{4},?", m.group(1)) and 1800 <= value <= 2100 and m.group(2) in (None, "s"):
                    kind = "year"
                elif m.group(2) in ("st", "nd", "rd", "th") and value <= 31 and _day_position(tokens, i):
                    kind = "day"  # on the 4th, the 4th of July
        elif low in ("a", "an") and i + 1 < n and tokens[i + 1].lower() in _EN_SCALES and next_to_next(i):
            value = 1.0
        elif low in ("a", "an") and i + 1 < n and tokens[i + 1].lower().rstrip(".") in _EN_MEASURES and next_to_next(i) \
                and not (i + 2 < n and tokens[i + 2].lower().rstrip(".") in _RELATIVE):  # "a year earlier" ~ 지난해
            add(1.0, "amount", i, i + 1)  # "a kilogram" is 1킬로그램
            i += 2
            continue
        elif low == "half" and prv == "a" and i > 1 and tokens[i - 2].lower() == "and" and out \
                and out[-1].kind == "amount" and out[-1].end <= matches[i - 2].start() \
                and _unit_or_nothing(text_read[out[-1].end:matches[i - 2].start()]):
            value, j = out[-1].value + 0.5, i + 1  # a year and a half ~ 1년 반
            while j < n and (scale := _scale_of(tokens[j])):  # one and a half million
                value, j = value * scale, j + 1
            out[-1] = replace(out[-1], value=value, end=matches[j - 1].end())
            i = j
            continue
        elif low in _EN_FRACTIONS and prv not in ("first", "second", "latter"):
            add(_EN_FRACTIONS[low], "amount", i, i)  # half ~ 절반
            i += 1
            continue
        elif low in _WEEKDAYS and tok[0].isupper():
            add(float(_WEEKDAYS[low]), "weekday", i, i)
            i += 1
            continue
        else:
            # "nine-year-old", "five-day": take the leading number word
            head = low.split("-")
            value = _word_value(low)
            if low in _EN_ORDINALS and i and tokens[i - 1].lower() in ("a", "per"):
                value = None  # "a second" is time, not an ordinal
            nxt_low = tokens[i + 1].lower() if i + 1 < n else ""
            if low == "one" and (prv in _ONE_PRONOUN or nxt_low in ("another", "of", "or")):
                value = None  # "no one", "the one", "one another", "one of", "one or more": not a count
            if prv == "the" and low in ("two", "three", "four", "five"):
                value = None  # "the two men": a count already given, mentioned again
            if value is None and len(head) > 1:
                value = _word_value(head[0]) if head[0] not in ("one",) else None
                if value is None and len(head) > 2:
                    value = _word_value("-".join(head[:2]))
            if value is None and (low in _EN_DECADE_WORDS or len(head) == 2 and head[0] in ("mid", "early", "late")
                                  and head[1] in _EN_DECADE_WORDS) \
                    and _AGE_OWNERS.intersection(t.lower() for t in tokens[max(0, i - 3):i]):  # not "the Roaring Twenties"
                value = float(_EN_DECADE_WORDS[head[-1]])  # in his mid-forties ~ 40대 중반
            if value is None and len(head) == 2 and head[0] in ("mid", "early", "late") and head[1] in _MONTHS \
                    and tok.split("-")[1][:1].isupper():
                value, kind = float(_MONTHS[head[1]]), "month"  # mid-October ~ 10월 중순
            if value is None and low in _MONTHS and tok[0].isupper():
                nxt = tokens[i + 1] if i + 1 < n else ""
                if low != "may" or _DIGITS.match(nxt) or (i and prv in _MONTH_CONTEXT):
                    if _DIGITS.match(nxt) or prv in _MONTH_CONTEXT or len(low) > 3 and low != "march":
                        value, kind = float(_MONTHS[low]), "month"
        if value is None:
            i += 1
            continue
        if not m and low in _EN_ORDINALS and value <= 31 and _day_position(tokens, i):
            add(value, "day", i, i)  # "around the fourth of last month" ~ 지난달 4일경
            i += 1
            continue
        if not m and (low in ("a", "an") or _cardinal_word(low) is not None):
            value, j = _spelled_number(tokens, i, value)
            add(value, "amount", i, j - 1)
            i = j
            continue
        # scales: "12.3 trillion", "two million", "30 thousand"
        j = i + 1
        while j < n and (scale := _scale_of(tokens[j])) and not (m and m.group(2)):  # not "1990s decade"
            value *= scale
            kind = "amount"
            j += 1
            if "-" in tokens[j - 1]:  # "a 10 million-dollar deal": the scale joined to its noun ends the number
                break
        # "twenty one" spelled apart
        if j == i + 1 and value in _EN_TENS.values() and j < n and tokens[j].lower() in _EN_UNITS:
            value += _EN_UNITS[tokens[j].lower()]
            j += 1
        add(value, kind, i, j - 1)
        i = j
    out = _shared_scale(sorted(out + read_first, key=lambda q: (q.start, q.end)), text, _EN_RANGE)
    out = [t for q in out if (t := _clock_and_duration(q, text, False)) is not None]
    out = _gaps_and_nights(out, text, False)
    out = [replace(q, approx=True) if _APPROX_EN.search(text[max(0, q.start - 20):q.start]) else q for q in out]
    out = _mark_measures(out, text, _PERCENT_EN, _TIMES_EN, _MASS_EN)
    return _exact(_mark_conversions(out, _conversions(text, _CURRENCY_EN, _MEASURE_EN) + _said_conversions_en(text)))


# between the ends of a range whose scale word is written once, after the second: "1-1.8 million",
# "3 to 4 million", "between 3 and 4 thousand" (not "by 5 to 1.8 million", a change and a level),
# 100~180만 명, 3~4천 명
_EN_RANGE = re.compile(r"\s?[-–]\s?|\s+to\s+|\s+and\s+")
_EN_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
_KO_RANGE = re.compile(r"\s?[-~∼〜]\s?")
_PLAIN_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _shared_scale(found: list[Quantity], text: str, between: re.Pattern) -> list[Quantity]:
    """The range's first end multiplied by the scale the second end alone carries: "some 1-1.8
    million" is one million to 1.8 million, not 1 and 1.8 million; so is 100~180만. Only where the
    first end is a plain figure below the second's own digits (a range rises)."""
    out = list(found)
    for k, (a, b) in enumerate(zip(found, found[1:])):
        if a.kind != "amount" or b.kind != "amount" or not _PLAIN_FIGURE.fullmatch(text, a.start, a.end) \
                or not (gap := between.fullmatch(text, a.end, b.start)) \
                or re.search(r"(?i)\bby\s+$", text[max(0, a.start - 4):a.start]) \
                or "and" in gap.group(0) and not _EN_BETWEEN.search(text, max(0, a.start - 9), a.start):
            continue
        digits = _PLAIN_FIGURE.match(text, b.start)
        mantissa = float(digits.group(0).replace(",", "")) if digits else 0.0
        if mantissa and b.value / mantissa >= 1000 and a.value < mantissa:
            out[k] = replace(a, value=a.value * b.value / mantissa)
    return out


def numbers_in_english(text: str) -> set[str]:
    """Values of the numbers in an English sentence (digits, words, scales, months with a day)."""
    return {canon(q.value) for q in _quantities_in_english(text) if q.kind != "weekday"}


# ---------------------------------------------------------------- Korean
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
_KO_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# Arabic digits with Korean units: 3만, 1억 2천만, 12조3천억, 8,192, 12.3. Atomic: a run of digits splits
# into parts in 2^n ways ("12" is 12 or 1 2), all retried when a match must fail (fullmatch of 40 digits and
# a stray character: hours); finditer takes the first, greedy reading, which the group keeps unchanged.
_KO_NUM = re.compile(
    r"(?>(?:(?<![가-힣])[만억]\s?(?=\d[\d,]*\s?[천백십])|\d[\d,]*(?:\.\d+)?|[십백천])"  # 만 2천: 1만 2천, its 1 unwritten
    r"(?:\s?(?:\d[\d,]*(?:\.\d+)?|[십백천만억조]|여(?=\s?[만억조](?!에))))*)"  # 200여만 원 (200여 만 원): "more than 2 million"
)
# ... but a 만 after a span of time is "since" (한 달 만 2천 명, "2,000 in a month"; headlines drop its 에),
# and one before a number that reaches 만 itself is no unwritten 1 (10년 만 1천억 원)
_KO_ELAPSED = re.compile(r"(?:\d\s?(?:년|개월|달|주일?|일|시간|분|초)|(?<![가-힣])(?:하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|"
                         r"보름|달|년|주일?|시간|개월))\s+$")


def _without_elapsed_man(text: str) -> str:
    """The text with each leading 만/억 that is no unwritten 1 blanked, so that the number after it reads alone."""
    blank = [m.start() for m in _KO_NUM.finditer(text) if m.group()[0] in "만억" and (
        re.search("[만억조]", m.group()[1:]) or _KO_ELAPSED.search(text, max(0, m.start() - 8), m.start()))]
    if not blank:
        return text
    chars = list(text)
    for at in blank:
        chars[at] = " "
    return "".join(chars)
_NATIVE = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "열한": 11,
    "열두": 12, "스무": 20, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "첫": 1,
}
_COUNTERS = (
    "명|번째|번|개국|개월|개|살(?![포해인상균충림리아려피펴])|가지|차례|마리|권|대(?![가-힣])|대(?=[가를의와에씩도만는은이])|곳|척|채|시간|달|사람|군데|해|배|가구|세대|발|주(?!민)|쪽|장|째"
)
# (세대 written as one word is a generation or a household, 젊은 세대 / 1인 세대, not three of something: 세 대)
_NATIVE_RE = re.compile(
    r"(?<![가-힣])(?!세대)(" + "|".join(sorted(_NATIVE, key=len, reverse=True)) + r")\s?(?=" + _COUNTERS + r")"
)
# a native numeral written apart before any noun counts it too: 두 국가 ~ "two states", 세 나라 ~ "three
# countries" (한, 열 and the like are left out: 한 관계자 is "an official", 열 계획 "a plan to open")
_NATIVE_BEFORE_NOUN = re.compile(r"(?<![^\s‘“'\"(\[])(두|세|네|다섯|여섯|일곱|여덟|아홉) (?=[가-힣])")
# two native numerals run together name a small range, "two or three" in English: 두세 명, 서너 곳,
# 대여섯 집. Read as both ends, hedged (a rounder figure beside it is no change; "three or four" against
# 대여섯 is one); only before a counter or a word written apart, so that 두세요 ('put it down') and
# 세네갈 (Senegal) stay words
_NATIVE_PAIRS = {
    "한두": (1, 2), "두세": (2, 3), "두셋": (2, 3), "서너": (3, 4), "서넛": (3, 4), "세네": (3, 4), "너덧": (4, 5), "네댓": (4, 5),
    "너댓": (4, 5), "대여섯": (5, 6), "대엿": (5, 6), "예닐곱": (6, 7), "일고여덟": (7, 8), "일여덟": (7, 8),
}
_NATIVE_PAIR_RE = re.compile(
    r"(?<![가-힣])(" + "|".join(sorted(_NATIVE_PAIRS, key=len, reverse=True)) + r")(?=\s[가-힣]|(?:" + _COUNTERS + r"))"
)
# native counts of days, each one word: 이틀 연속 ~ "two days in a row", 이틀째 ~ "a second day"
# (하루 is left out: 하루 만에, 하루빨리 and 하루 평균 are mostly rendered without a number)
_KO_DAYS = {"이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "열흘": 10}
_KO_DAYS_RE = re.compile(r"(?<![가-힣])(" + "|".join(_KO_DAYS) + r")")
# a money unit after a bare 천 or 백 (천 원, 백 달러, 천원대로), not a word it starts (원장, 원래, 달러화 aside)
_KO_BARE_MONEY = re.compile(r"\s?(?:원(?:대|선|[은는이가을를에의과도만씩짜으로였]|(?![가-힣]))|달러(?!화)|위안)")
# the loanword 제로 ("zero": 접촉이 ‘제로’가 됐다), not 제로섬 or 넷제로
_KO_ZERO = re.compile(r"(?<![가-힣])제로(?=[가이는은을를의로에도]?(?![가-힣]))")
# pure-Hangul large numbers that stand alone: 천만, 백만, 수십만 is vague and skipped
_HANGUL_BIG = re.compile(r"(?<![가-힣])(십|백|천)?(만|억)(?=\s?(명|달러|원|개|마리|대|표|톤|가구|건))")


def _korean_value(span: str) -> float | None:
    """Evaluate '1억 2천만' or '12조3천억' or '8,192'."""
    total = 0.0
    group = 0.0  # value below the current big unit
    pending: float | None = None  # an Arabic number waiting for its unit
    seen = False
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|[십백천만억조]", span):
        tok = m.group(0)
        if tok[0].isdigit():
            if pending is not None:
                group += pending
            try:
                pending = float(tok.replace(",", ""))
            except ValueError:
                return None
            seen = True
        elif tok in _KO_SMALL:
            group += (pending if pending is not None else 1.0) * _KO_SMALL[tok]
            pending = None
            seen = True
        else:
            group += pending if pending is not None else 0.0
            if group == 0.0:
                group = 1.0
            total += group * _KO_BIG[tok]
            group, pending = 0.0, None
            seen = True
    if pending is not None:
        group += pending
    total += group
    return total if seen else None


def quantities_in_korean(text: str) -> list[Quantity]:
    """The numbers of a Korean sentence with their kinds (Arabic digits with 만/억/조, native
    numerals before counters, 절반, dates: 2월, 21일, 2012년, 화요일)."""
    return list(_quantities_in_korean(text))


# an article of a law, whose 조 is no trillion: 헌법 제116조, 국가보안법 7조 1항, 제3조의2 ("Article 116"); a sum
# (세법 개정으로 5조 원) keeps its money word after it
_KO_ARTICLE = re.compile(r"(?:제\s?\d+|(?:법|헌법|조례|규정|조약|협정|규칙|령)\s?\d+|\d+(?=조\s?(?:제\s?)?\d+\s?[항호]|조의\s?\d))조"
                         r"(?!\s?(?:원(?:[을이은의에으과와도만로씩]|대|어치|짜리|가량|까지|부터|(?![가-힣]))|달러|위안|엔|유로|규모|대|가량|여"
                         r"|\d[\d,.]*\s?[천백십]?\s?[억만]))")  # 1조 원대, 1조3천억 원: a sum
# a fraction: 5분의 1 is a fifth (0.2), 3분의 2 two-thirds, not the numbers 5 and 1
_KO_FRACTION = re.compile(r"(?<![\d.,])(\d{1,3})\s?분의\s?(\d{1,3})(?![\d.,])")
# two neighbouring decades run together before 세대 name two age groups: 5060 세대 ~ "people in their 50s and
# 60s", 2030세대; a count of households is written so too (총 2030세대 규모의 단지), told by what stands around it
_KO_GENERATIONS = re.compile(r"(?<![\d.,])(?<!총 )(?<!총)(?<!약 )(?<!약)([1-9]0)([1-9]0)(?=\s?세대(?!\s?(?:규모|가구|아파트|단지|입주|분양|공급)))")


def _generations(text: str) -> list[re.Match]:
    return [m for m in _KO_GENERATIONS.finditer(text) if int(m.group(2)) == int(m.group(1)) + 10]


@kept_for_sentences(8192)
def _quantities_in_korean(text: str) -> tuple[Quantity, ...]:
    text = _blank(_KO_NAMED_DAY, _blank(_NOT_QUANTITY_KO, _blank(_DIGIT_RUN, text)))
    read_first = [Quantity(int(m.group(2)) / int(m.group(1)), "amount", m.start(), m.end())
                  for m in _KO_FRACTION.finditer(text) if int(m.group(1))]
    text = _blank(_KO_FRACTION, text)
    generations = _generations(text)
    read_first += [Quantity(float(m.group(k)), "amount", m.start(k), m.end(k)) for m in generations for k in (1, 2)]
    text = _blank_spans(text, [m.span() for m in generations])
    dated = _without_elapsed_man(_KO_DOTTED_DATE.sub(lambda m: " " * len(m.group(0)), text))  # dates read below
    dated = _KO_ARTICLE.sub(lambda m: m.group(0)[:-1] + "#", dated)  # 제116조 is Article 116, no 116 trillion
    out: list[Quantity] = []
    covered: list[tuple[int, int]] = []
    for m in _KO_NUM.finditer(dated):
        covered.append(m.span())
        for start, span in _ko_parts(text, m):
            stripped = span.strip()
            if not any(ch.isdigit() for ch in stripped):
                # bare 천/백/십 only count before a big unit or a counter (천만 명), or alone before money
                # (천 원, 천원대: "1,000 won"), not inside a word (인천, 백두산)
                money = stripped in ("천", "백") and not re.match(r"[가-힣]", text[start - 1:start]) \
                    and _KO_BARE_MONEY.match(text, start + len(span))
                if not re.search(r"[만억조]", stripped) and not money:
                    continue
                # "만" alone is mostly the particle: demand a digit-free compound like 천만
                if len(stripped.replace(" ", "")) < 2 and not money:
                    continue
            value = _korean_value(stripped)
            if value is None:
                continue
            end = start + len(span)
            unit_at = end
            ranged = _KO_RANGE_END.match(text, end)  # 1∼3월: the range's start is a month too
            if ranged and value == int(value) and value < float(ranged.group(1)):
                unit_at = ranged.start(2)
            after = text[unit_at:unit_at + 3]
            kind = "amount"
            # an impossible month (15월) is still a month: a typo or a change, not an amount
            if after.startswith("월") and 1 <= value < 100 and value == int(value) and not re.match(r"월[급세]", after):
                kind = "month"
            elif after.startswith("일") and 1 <= value <= 31 and not re.match(r"일(?:부(?!터)|대|본|반|정|단|원|선|자리)", after) \
                    and not _KO_DAY_COUNT.match(text, unit_at) and value == int(value) \
                    and not _KO_DAYS_COUNTED.search(text, max(0, start - 8), start):
                kind = "day"
            elif after.startswith("년") and 1800 <= value <= 2100 and value == int(value):
                kind = "year"
            out.append(Quantity(value, kind, start, end))
    natives = list(_NATIVE_RE.finditer(text))
    for m in natives:
        out.append(Quantity(float(_NATIVE[m.group(1)]), "amount", m.start(1), m.end(1)))
    native = {m.start(1) for m in natives}
    for m in _NATIVE_BEFORE_NOUN.finditer(text):
        if m.start(1) not in native:
            out.append(Quantity(float(_NATIVE[m.group(1)]), "amount", m.start(1), m.end(1), loose=True))
    for m in _NATIVE_PAIR_RE.finditer(text):
        for value in _NATIVE_PAIRS[m.group(1)]:
            out.append(Quantity(float(value), "amount", m.start(1), m.end(1), approx=True))
    for m in _KO_DAYS_RE.finditer(text):
        out.append(Quantity(float(_KO_DAYS[m.group(1)]), "amount", m.start(1), m.end(1)))
    covered_starts = [a for a, _ in covered]  # in order, apart: one bisect finds the span a match may lie in
    for m in _HANGUL_BIG.finditer(text):
        k = bisect_right(covered_starts, m.start()) - 1
        # a digit just before (with a space, or a line's end after it: the `$` of the whole prefix)
        if (k >= 0 and m.start() < covered[k][1]) or re.search(r"\d\s?$", text[max(0, m.start() - 3):m.start()]):
            continue
        value = (_KO_SMALL[m.group(1)] if m.group(1) else 1) * _KO_BIG[m.group(2)]
        out.append(Quantity(float(value), "amount", m.start(), m.end()))
    for m in _KO_YEARS_AND_MONTHS.finditer(text):  # 징역 1년 6개월 ~ "18 months", "a year and a half"
        years, months = int(m.group(1)), int(m.group(2))
        for value in {years * 12 + months, years + months / 12} if months % 3 == 0 else {years * 12 + months}:
            out.append(Quantity(float(value), "amount", m.start(), m.end(), loose=True))
    for m in re.finditer(r"(?<![가-힣])(절반|반절)", text):
        out.append(Quantity(0.5, "amount", m.start(), m.end()))
    for m in re.finditer(r"([월화수목금토일])요일", text):
        out.append(Quantity(float("월화수목금토일".index(m.group(1)) + 1), "weekday", m.start(), m.end()))
    for m in _KO_DOTTED_DATE.finditer(text):  # 태양절(4.15): a holiday's date, month and day
        out.append(Quantity(float(m.group(1)), "month", m.start(1), m.end(1)))
        out.append(Quantity(float(m.group(2)), "day", m.start(2), m.end(2)))
    for m in _KO_ZERO.finditer(text):
        out.append(Quantity(0.0, "amount", m.start(), m.end()))
    out = [t for q in out + read_first for t in _with_a_half(q, text)]
    out.sort(key=lambda q: (q.start, q.end))
    out = _shared_scale(out, text, _KO_RANGE)
    out += _shares(out, text)
    out.sort(key=lambda q: (q.start, q.end))
    out = _bare_hours([t for q in out if (t := _clock_and_duration(q, text, True)) is not None], text)
    out = _gaps_and_nights(out, text, True)
    out = [replace(q, approx=True) if _APPROX_KO_BEFORE.search(text[max(0, q.start - 3):q.start])
           or _APPROX_KO_AFTER.match(text[q.end:q.end + 8]) or "여" in text[q.start:q.end] else q for q in out]
    out = _mark_measures(out, text, _PERCENT_KO, _TIMES_KO, _MASS_KO)
    return _exact(_mark_conversions(out, _conversions(text, _CURRENCY_KO, _MEASURE_KO) + _said_conversions_ko(text)))


# "so many of so many": 5명 중 1명, 다섯 명 가운데 한 명, 3곳 중 2곳 (a fifth, two-thirds in English)
_KO_OF = re.compile(r"\s?([가-힣]{1,2}?)\s?(?:중에서|중에|중|가운데)\s?")


def _shares(found: list[Quantity], text: str) -> list[Quantity]:
    """The share M/N that "N of them, M" names, as a reading that may match but never disagrees:
    a translator writes "a fifth of the soldiers" for 병사 5명 중 1명."""
    out = []
    for whole, part in zip(found, found[1:]):
        between = _KO_OF.fullmatch(text, whole.end, part.start)
        if whole.kind == part.kind == "amount" and between and 0 < part.value < whole.value \
                and text.startswith(between.group(1), part.end + (text[part.end:part.end + 1] == " ")):
            out.append(Quantity(part.value / whole.value, "amount", whole.start, part.end, loose=True))
    return out


def _with_a_half(q: Quantity, text: str) -> list[Quantity]:
    """`q` with the half after its span of time (1년 반 is 1.5), and the loose readings a
    translator may give instead: the whole part ("over a year") and, for years, the months
    ("18 months"). A number with no half after it is returned as it is."""
    half = _KO_AND_A_HALF.match(text, q.end) if q.kind == "amount" and q.value == int(q.value) else None
    if not half:
        return [q]
    loose = [replace(q, loose=True)]
    if half.group(1) == "년":
        loose.append(replace(q, value=q.value * 12 + 6, loose=True))
    return [replace(q, value=q.value + 0.5, end=half.end()), *loose]


def _ko_parts(text: str, m: re.Match) -> list[tuple[int, str]]:
    """A numeral match split at list separators: "2, 3위" is 2 and 3, not 2 and 3 added up
    (a comma followed by a space separates; "8,192" is one number)."""
    out, start = [], m.start()
    for part in re.split(r"(,\s+)", m.group(0)):
        if part and not re.fullmatch(r",\s+", part):
            out.append((start, part))
        start += len(part)
    return out


# a month or a year named by its distance from the report's: 지난달 ("last month"), 이달, 내달;
# 지난해, 올해, 내년 (not 전달, mostly "delivered": 소식통이 전달했다). A translator names the
# month or year they mean ("in April", "in 2024"): metrics.checks reads them as conversions, the
# aligner as the date an English sentence's year translates.
KO_RELATIVE = {
    "month": re.compile(r"(?<![가-힣])(?:지난\s?달|이\s?달|이번\s?달|다음\s?달|내달|전월(?!세))(?![러력])"),
    "year": re.compile(r"(?<![가-힣])(?:지난\s?해|작년|재작년|올해|금년|내년|전년|올\s(?=\d))"),
}


def numbers_in_korean(text: str) -> set[str]:
    """Values of the numbers in a Korean sentence (Arabic with 만/억/조, native numerals before counters)."""
    return {canon(q.value) for q in _quantities_in_korean(text) if q.kind != "weekday"}
