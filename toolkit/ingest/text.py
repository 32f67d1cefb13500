"""Scraped plain text -> paragraph units, and the page's layout read from their order.

Scrapers write one paragraph a line, or paragraphs separated by blank lines, and
sometimes hard-wrap a paragraph over several lines. Headers are stacked lines
(title, dek, share buttons, a caption printed twice) with no blank line between them,
so a line is a unit unless it plainly continues the line above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.errors import InputError
from toolkit.ingest import boilerplate as bp
from toolkit.ingest.decode import strip_invisible
from toolkit.ingest.assemble import Draft, Piece, ends_sentence, is_credit_only, key, split_credits, weighted_length

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"""[.!?。…:;"'”’)\]」』다요죠까]\W*$""")
_CONTINUES = re.compile(r"[,\-–—(]$|\b(and|or|but|the|a|an|of|to|in|for|with|by|that|who|which|as|at|on|from)$", re.I)


@dataclass
class Unit:
    """A paragraph of the page with the blank-line block it came from."""

    text: str
    block: int
    line: int = 0  # the page's line it starts on (from 1), to say where something was left out


def clean_line(line: str) -> str:
    """Collapse runs of spaces (including no-break and ideographic spaces), drop invisible
    and bidi control characters, compose (NFC) and trim: an HTML page's character references
    become characters only after decode_bytes ran (strip_invisible)."""
    return _SPACE.sub(" ", strip_invisible(line)).strip()


def split_units(text: str) -> list[Unit]:
    """Paragraph units in order; hard-wrapped lines are joined back into their paragraph."""
    units: list[Unit] = []
    block = 0
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), 1):
        line = clean_line(raw)
        if not line:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        if not previous_blank and units and _is_wrapped(units[-1].text, line):
            units[-1].text = f"{units[-1].text}{_joiner(units[-1].text, line)}{line}"
        else:
            units.append(Unit(line, block, number))
        previous_blank = False
    return units


def _is_wrapped(previous: str, line: str) -> bool:
    """Does `line` continue `previous` (a hard-wrapped paragraph) rather than start anew?"""
    if _SENTENCE_END.search(previous) or bp.is_boilerplate(line) or bp.is_boilerplate(previous):
        return False
    if not key(line) or not key(previous):
        return False  # no letter or digit: a separator (or stuffing), never part of a paragraph
    first = line[0]
    if first.islower() or first.isdigit() and _CONTINUES.search(previous):
        return True
    return bool(_CONTINUES.search(previous)) and len(previous) >= 30


def _joiner(previous: str, line: str) -> str:
    if previous.endswith("-") and previous[-2:-1].isalpha() and line[:1].islower():
        return ""  # a word hyphenated across the break: "defec-" + "tors"
    return " "


MAX_DEK_CHARS = 250  # English-equivalent characters; a longer line after the title is body
MAX_CAPTION_CHARS = 400


def read_text(text: str, source: str) -> Draft:
    """The layout of a scraped text page: title, dek, captions, date and body candidates.

    Title: the first line that is not boilerplate or a date. Captions: a line printed
    twice in a row (scrapers pick up a photo's alt text and its caption) or a line marked
    as a caption. Dek: the line after the title when it is short and the page shows it
    is a header, not the lead: boilerplate, a caption or a date follows it, or it is a
    subtitle without a full stop.
    """
    units = split_units(text)
    kinds = ["body"] * len(units)
    date = None
    related_block = None  # the block under a related-stories label: other stories' headlines
    for i, unit in enumerate(units):
        if bp.is_related_label(unit.text):
            related_block = unit.block
        if bp.is_boilerplate(unit.text) or unit.block == related_block:
            kinds[i] = "boilerplate"
        elif (found := bp.parse_date_line(unit.text)) is not None:
            kinds[i] = "date"
            date = date or found
    first = next((i for i, kind in enumerate(kinds) if kind == "body"), None)
    if first is None:
        raise InputError(source, "no text found (only boilerplate)" if units else "no text found (blank file)")
    title = units[first].text
    kinds[first] = "title"
    captions: list[str] = []
    prose = [kind == "body" and _is_prose(unit.text) for unit, kind in zip(units, kinds)] \
        if any(bp.is_agency_closed_line(unit.text) for unit in units) else [False] * len(units)  # (asked once a line)
    last_prose = max((i for i, is_prose in enumerate(prose) if is_prose), default=-1)
    prose_before, previous = False, None  # read as the loop goes: each line is asked about once
    listed = _list_items([unit.text for unit in units])
    for i in range(first + 1, len(units)):
        if kinds[i] != "body":
            continue
        if key(units[i].text) == key(title):
            kinds[i] = "boilerplate"  # the title repeated
        elif i + 1 < len(units) and kinds[i + 1] == "body" and units[i + 1].text == units[i].text \
                and len(units[i].text) <= MAX_CAPTION_CHARS:
            kinds[i], kinds[i + 1] = "caption", "boilerplate"
            captions.append(units[i].text)
        elif (bp.is_marked_caption(units[i].text) and i not in listed) or (
                bp.is_agency_closed_line(units[i].text) and not _closes_story(
                    units[i].text, prose_before, last_prose <= i, previous)):
            kinds[i] = "caption"
            captions.append(units[i].text)
        prose_before = prose_before or (kinds[i] == "body" and prose[i])
        previous = kinds[i] if kinds[i] in ("body", "caption") else previous
    dek = None
    candidate = next((i for i in range(first + 1, len(units)) if kinds[i] in ("body", "caption")), None)
    if candidate is not None and kinds[candidate] == "body" and _is_dek(units, kinds, candidate):
        kinds[candidate] = "dek"
        dek = units[candidate].text
    pieces = [Piece(u.text, line=u.line) for u, kind in zip(units, kinds) if kind == "body"]
    return Draft(source=source, title=title, dek=dek, captions=_unique(captions), pieces=pieces, date=date)


def _list_items(lines: list[str]) -> set[int]:
    """Lines that are items of a bulleted list of story sentences (`▲ 정부는 ...했다.` twice or
    more): the caption mark opens them too, but they are body text (toolkit.rubrics.list_items)."""
    from toolkit.rubrics import list_items

    return list_items(lines, "ko") | list_items(lines, "en")


def _is_prose(text: str) -> bool:
    return ends_sentence(text) and not is_credit_only(text)


def _closes_story(text: str, prose_before: bool, none_after: bool, previous: str | None) -> bool:
    """A wire story carried by another outlet ends its last paragraph "... (Yonhap)", the same way
    a caption does; the place tells them apart: prose before it and none after. Right under a caption
    it may be a gallery's last caption as well as the story's end under a picture: there only a line
    that reads as a picture ("… on Monday.", no "said") is a caption; in doubt it stays body text."""
    if not (prose_before and none_after):
        return False
    if previous != "caption":
        return True
    from toolkit.credits import context  # (the credits room loads on first use, as for split_credits)

    remainder = split_credits(text)[0]
    return not (context.is_english_caption(remainder) or context.is_korean_caption(remainder))


def _is_dek(units: list[Unit], kinds: list[str], i: int) -> bool:
    text = units[i].text
    if weighted_length(text) > MAX_DEK_CHARS or split_credits(text)[1]:
        return False
    if not any(
        kinds[j] == "body" and ends_sentence(units[j].text) and not is_credit_only(units[j].text)
        for j in range(i + 1, len(units))
    ):
        return False  # the only prose paragraph is the body, not a dek
    # (A byline after it is no evidence: a Korean lead ends "... 김준호 기자가 보도합니다.")
    if i + 1 < len(units) and kinds[i + 1] in ("boilerplate", "caption", "date"):
        return True
    return not ends_sentence(text)


def _unique(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for line in lines:
        if key(line) not in seen:
            seen.add(key(line))
            out.append(line)
    return out
