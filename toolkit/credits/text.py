"""Text hygiene and tokens for the credit readers: invisible controls, e-mail addresses, dates.

Every reader here works on tokens found by one left-to-right scan, never by patterns with
nested quantifiers over alternations: a crafted credit line (hundreds of names joined by
"and", a run of spaces, a 1 MB word) costs time linear in its length (issue 12).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from toolkit.ingest.decode import INVISIBLE_MARKS

# Bidirectional controls and invisible marks: a name written "Kim\u200f Joon-Ho" is Kim Joon-Ho. The
# marks ingest strips (joiners and soft hyphen too), so a line reads the same given here directly.
INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_MARKS), None)

# Other spellings of a separator, read as the usual one: full-width and box-drawing bars, the Hangul
# letter ㅣ that Korean widgets print as a bar ("[더팩트ㅣ홍길동 기자]"; alone it spells no word),
# full-width colon and slash. A credit line may use any of them; the readers know only "|", ":", "/".
# 〓 stands for "=" in old papers' bracket bylines ("〈대구〓A기자〉")
SEPARATOR_FORMS = str.maketrans({"｜": "|", "│": "|", "┃": "|", "ㅣ": "|", "：": ":", "／": "/", "∣": "|", "〓": "="})

# A page served through Cloudflare prints every address as "[email protected]" (a script puts the
# address back in a browser); a scraped copy keeps the placeholder where a sign-off had its e-mail.
# Read as an address so that "A / Editor-in-Chief / [email protected]" signs like any other.
PROTECTED_EMAIL = ("[email protected]", "protected@email.invalid")

# One token: a word (letters/digits, with inner apostrophes, dots and hyphens) or one other
# character. The alternatives are disjoint and look one character ahead, so a scan is linear.
TOKEN = re.compile(r"[^\W_](?:[\w'’]|[.\-](?=[^\W_]))*|\S")
# quotation marks that open and close a quoted title or speech (straight, curly, guillemets)
OPENING_QUOTES = ("“", '"', "‘", "'", "«")
CLOSING_QUOTES = ("”", '"', "’", "'", "»")
_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


class Token(NamedTuple):
    """A token and its span. A named tuple, not a frozen dataclass: the readers make one for every
    word of every paragraph (144,000 in a 200-article build), and `tokens` takes a quarter less
    time with tuples (speed7)."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def clean(text: str) -> str:
    """Invisible controls removed, runs of white space made one space."""
    return " ".join(text.translate(INVISIBLE).split())


_NEW_TUPLE = tuple.__new__  # Token's own __new__ is a Python function: this skips it (a third less time)


def tokens(text: str) -> list[Token]:
    return [_NEW_TUPLE(Token, (m[0], m.start(), m.end())) for m in TOKEN.finditer(text)]


def find_emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, grown outwards from each "@". Each character lies in the
    reach of at most one "@" on each side ("@" itself stops both scans), so this is linear."""
    spans: list[tuple[int, int]] = []
    floor = 0
    at = text.find("@")
    while at != -1:
        left = at
        while left > floor and text[left - 1] in _EMAIL_CHARS:
            left -= 1
        end = at + 1
        while end < len(text) and text[end] in _HOST_CHARS:
            end += 1
        while end > at + 1 and text[end - 1] in ".-":
            end -= 1
        host = text[at + 1 : end]
        if left < at and "." in host and not host.startswith("."):
            spans.append((left, end))
            floor = end
        at = text.find("@", at + 1)
    return spans


def remove_spans(text: str, spans: list[tuple[int, int]], between: str = " ") -> str:
    """The text without the spans; `between` stands where each was, so that a reader that must
    not join the words on either side (a name) can put a separator there."""
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:a])
        pos = b
    out.append(text[pos:])
    return clean(between.join(out))


MONTHS = frozenset({
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
})
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_DATE_GLUE = {",", ".", "|", "-", "–", "—", ":", "/", "on", "at", "am", "pm", "a.m", "p.m", "gmt", "utc",
              "kst", "jst", "est", "edt", "et", "updated", "update", "published", "posted", "last", "(", ")"}
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d{2}(?::\d{2})?|\d{4}[-./]\d{1,2}[-./]\d{1,2}")


def is_date_word(token: str) -> bool:
    """A token that can be part of a printed date or time ("Jan.", "03", "2018", "06:53", "|")."""
    if token.lower() in _DATE_GLUE:
        return True
    low = token.lower().rstrip(".")
    return bool(low in MONTHS or low in _WEEKDAYS or low in _DATE_GLUE or _NUMBER.fullmatch(low))


def is_dating(words: list[str]) -> bool:
    """Words that together print a date: date words only, a number among them ("Jun" alone is a name)."""
    return bool(words) and all(is_date_word(w) for w in words) and any(w[:1].isdigit() for w in words)


def trailing_date_start(toks: list[Token]) -> int:
    """Index where a run of date words closing `toks` begins (len(toks) when there is none)."""
    i = len(toks)
    while i > 0 and is_date_word(toks[i - 1].text):
        i -= 1
    tail = [t.text for t in toks[i:]]
    if not is_dating(tail):
        return len(toks)
    while i < len(toks) and toks[i].text in {",", ".", ")"}:  # the comma before the date stays
        i += 1
    return i


# A credit glued to the next sentence on a scraped page: "… photo by Baek Ji-hoonThe storm …",
# "… March 28. YonhapFarmers expect …", "AFP-YonhapBy Han Seo-yeonSpring came", "CNN’sMara Ellison".
_GLUE = re.compile(r"[a-z](?=[A-Z][a-z])")
_BY_NAME_BEFORE = re.compile(r"(?:\b[Bb]y|(?<=[a-z])By):? ((?:[A-Z][\w'’.\-]*\s){0,3}[A-Z][\w'’.\-]*)$")
_MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d")
_GLUE_WINDOW = 60  # characters looked at before a glue point: constant work per point
_MIN_GLUED_PART = 4  # "by Lee MacArthur", "DeSantis", "LeBron": a short piece before a capital is a name's own
_NOT_A_NEW_WORD = ("News", "Photo", "Photos", "Images", "Press", "Tv", "Times", "Daily", "Ilbo")


def unglue_credits(line: str, agencies: frozenset[str], is_name: Callable[[str], bool],
                   is_org: Callable[[str], object]) -> str:
    """A lost line break put back where a credit ends and the next sentence starts without one:
    after a known agency ("YonhapFarmers", "AFP-YonhapBy"), after "by" and a name ("photo by
    Baek Ji-hoonThe"), and a lost space after an outlet's possessive ("CNN’sMara"). Camel-case
    words (McDonald, JoongAng, YouTube) meet none of these, so they stay whole. Linear: each glue
    point looks at a bounded window before it."""
    if not _GLUE.search(line):
        return line
    out: list[str] = []
    last = 0
    for m in _GLUE.finditer(line):
        p = m.end()  # the capital that starts the next sentence
        window = line[max(0, p - _GLUE_WINDOW):p]
        word = re.split(r"[\s(\[/]", window)[-1]
        right = line[p:p + 12].split(" ", 1)[0]
        joint = None
        if _MONTH_DAY.match(line, p):
            continue  # "By Lena OrtizMay 2, 2024": a byline glued to its date, read whole (widgets.py)
        paired = word.rsplit("-", 1)[-1].lower() in agencies and word.split("-", 1)[0].lower() in agencies  # "AFP-Yonhap"
        if word.lower() in agencies or paired:
            if not right.startswith(_NOT_A_NEW_WORD):
                joint = "\n"
        elif word[-2:] in ("’s", "'s") and is_org(word[:-2]):
            joint = " "
        elif (by := _BY_NAME_BEFORE.search(window)) and is_name(by.group(1)) \
                and len(word) >= _MIN_GLUED_PART and not word.startswith(("Mc", "Mac")):
            joint = "\n"
        if joint is not None:
            out.append(line[last:p] + joint)
            last = p
    return "".join(out) + line[last:]
