"""Numbers mentioned in a sentence, as comparable values, for English and Korean.

Numbers are the most reliable anchors between a Korean report and its English
rewrite: "3만 명" and "30,000 people", "5년" and "five years", "2월 21일" and
"Feb. 21" must give the same values.  Both functions return a set of canonical
strings (see `canon`) so that callers can intersect them directly.  The metrics
room reuses them to check that numbers survive translation.
"""

from __future__ import annotations

import re

__all__ = ["numbers_in_english", "numbers_in_korean", "canon"]


def canon(value: float) -> str:
    """One spelling per value: 30000 -> '30000', 12.30 -> '12.3', 1.1e8 -> '110000000'."""
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
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "twentieth": 20,
}
_EN_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "mln": 1e6, "bln": 1e9, "bn": 1e9,
    "decade": 10, "decades": 10,  # five decades ~ 50년, a decade ~ 10년
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
        scale = _EN_SCALES.get(word)
        if scale is not None and prev in ("num", "tens", "hundred") and not (scale == 100 and prev == "hundred"):
            if scale == 100:
                current *= 100
                prev = "hundred"
            elif scale >= 1000:
                total += current * scale
                current, prev = 0.0, "scale"
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


def numbers_in_english(text: str) -> set[str]:
    """Values of the numbers in an English sentence (digits, words, scales, months with a day)."""
    tokens = [m.group(0) for m in _EN_TOKEN.finditer(text)]
    out: set[str] = set()
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        low = tok.lower().rstrip(".")
        value: float | None = None
        m = _DIGITS.match(tok)
        if m:
            digits = m.group(1).replace(",", "")
            try:
                value = float(digits.rstrip("."))
            except ValueError:
                value = None
        elif low in ("a", "an") and i + 1 < n and tokens[i + 1].lower() in _EN_SCALES:
            value = 1.0
        else:
            # "nine-year-old", "five-day": take the leading number word
            head = low.split("-")
            value = _word_value(low)
            if low in _EN_ORDINALS and i and tokens[i - 1].lower() in ("a", "per"):
                value = None  # "a second" is time, not an ordinal
            if value is None and len(head) > 1:
                value = _word_value(head[0]) if head[0] not in ("one",) else None
                if value is None and len(head) > 2:
                    value = _word_value("-".join(head[:2]))
            if value is None and low in _MONTHS and tok[0].isupper():
                nxt = tokens[i + 1] if i + 1 < n else ""
                prv = tokens[i - 1].lower() if i else ""
                if low != "may" or _DIGITS.match(nxt):
                    if _DIGITS.match(nxt) or prv in _MONTH_CONTEXT or len(low) > 3 and low != "march":
                        value = float(_MONTHS[low])
        if value is None:
            i += 1
            continue
        if not m and (low in ("a", "an") or _cardinal_word(low) is not None):
            value, i = _spelled_number(tokens, i, value)
            out.add(canon(value))
            continue
        # scales: "12.3 trillion", "two million", "30 thousand"
        j = i + 1
        while j < n and tokens[j].lower().rstrip(".") in _EN_SCALES and not (m and m.group(2)):  # not "1990s decade"
            value *= _EN_SCALES[tokens[j].lower().rstrip(".")]
            j += 1
        # "twenty one" spelled apart
        if j == i + 1 and value in _EN_TENS.values() and j < n and tokens[j].lower() in _EN_UNITS:
            value += _EN_UNITS[tokens[j].lower()]
            j += 1
        out.add(canon(value))
        i = j
    return out


# ---------------------------------------------------------------- Korean
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
_KO_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# Arabic digits with Korean units: 3만, 1억 2천만, 12조3천억, 8,192, 12.3
_KO_NUM = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?|[십백천])(?:\s?(?:\d[\d,]*(?:\.\d+)?|[십백천만억조]))*"
)
_NATIVE = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "열한": 11,
    "열두": 12, "스무": 20, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "첫": 1,
}
_COUNTERS = (
    "명|번째|번|개국|개월|개|살|가지|차례|마리|권|대|곳|척|채|시간|달|사람|군데|해|배|가구|세대|발|주|쪽|장|째"
)
_NATIVE_RE = re.compile(
    r"(?<![가-힣])(" + "|".join(sorted(_NATIVE, key=len, reverse=True)) + r")\s?(?=" + _COUNTERS + r")"
)
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


def numbers_in_korean(text: str) -> set[str]:
    """Values of the numbers in a Korean sentence (Arabic with 만/억/조, native numerals before counters)."""
    out: set[str] = set()
    covered: list[tuple[int, int]] = []
    for m in _KO_NUM.finditer(text):
        covered.append(m.span())
        span = m.group(0).strip()
        if not any(ch.isdigit() for ch in span):
            # bare 천/백/십 only count before a big unit or a counter (천만 명)
            if not re.search(r"[만억조]", span):
                continue
            # "만" alone is mostly the particle: demand a digit-free compound like 천만
            if len(span.replace(" ", "")) < 2:
                continue
        value = _korean_value(span)
        if value is not None:
            out.add(canon(value))
    for m in _NATIVE_RE.finditer(text):
        out.add(canon(float(_NATIVE[m.group(1)])))
    for m in _HANGUL_BIG.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or re.search(r"\d\s?$", text[: m.start()]):
            continue
        value = (_KO_SMALL[m.group(1)] if m.group(1) else 1) * _KO_BIG[m.group(2)]
        out.add(canon(value))
    return out
