"""Bylines as listing pages, aggregators and syndication notes print them.

- "Jeongmin Kim | Kelly Kasulis | Won-Gi Jung February 16, 2021": several names between bars,
  then a date (an author page's list; one name and a date alone stays unread: it cannot be told
  from "Washington, April 3, 2024");
- "Reuters Staff" alone on its line;
- "This content originally appeared on Radio Free Asia and was authored by Radio Free Asia.";
- "The following is a partner post from EurasiaNet.org by Mike Runey.";
- a teaser closing with its author and date: "… tighten the US-Korean bond. - Donald Kirk (Mar 17, '15)".

All writers. Each form is matched on its own words with bounded patterns or a split at one
marker, so the work is linear in the line.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import is_person_name, organization_of, short_org
from toolkit.credits.lists import parse_agents
from toolkit.credits.text import tokens, trailing_date_start
from toolkit.model import Credit

_SYNDICATED = re.compile(
    r"This (?:content|post|article|story) (?:originally |first )?(?:appeared|was (?:first |originally )?published)"
    r" (?:on|in|at) (?P<site>[^.;]{1,80}?) and was (?:authored|written) by (?P<who>[^;]{1,80})"
)
_PARTNER_POST = re.compile(
    r"The following (?:is|was) (?:a|an) (?:partner |guest )?(?:post|article|story|report) (?:from|on) "
    r"(?P<site>[^,;]{1,60}?) by (?P<who>[^,;]{1,60})"
)
_TEASER_DATE = re.compile(r"\((?:[A-Z][a-z]{2,3}\.? \d{1,2}, '\d{2}|[A-Z][a-z]{2,3}\.? \d{1,2}, \d{4})\)")
_MAX_NAMES = 8
_MAX_TAIL = 80


def _writers(text: str) -> list[Credit] | None:
    return parse_agents(text.strip().rstrip("."), ["writer"], None, None)


def parse_listing(sentence: str, byline: bool) -> list[Credit] | None:
    """Writers of a whole listing or syndication line, or None. `byline`: the line is a paragraph of its own."""
    s = sentence.strip()
    for pattern in (_SYNDICATED, _PARTNER_POST):
        if (m := pattern.fullmatch(s.rstrip("."))) is not None:
            return _writers(m["who"])
    if not byline:
        return None
    words = s.split()
    if len(words) >= 2 and words[-1] == "Staff" and organization_of(" ".join(words[:-1])):
        org = short_org(" ".join(words[:-1]))
        return [Credit("writer", s, organization=org, agent="organization")]  # "Reuters Staff"
    return _barred_names(s)


def _barred_names(s: str) -> list[Credit] | None:
    """"A | B | C February 16, 2021": two or more person names between bars, then a date."""
    parts = [p.strip() for p in s.split(" | ")]
    if not 2 <= len(parts) <= _MAX_NAMES:
        return None
    toks = tokens(parts[-1])
    cut = trailing_date_start(toks)
    if cut == len(toks) or cut == 0:
        return None
    parts[-1] = parts[-1][: toks[cut].start].strip().rstrip(",")
    if not all(len(p.split()) >= 2 and is_person_name(p) for p in parts):
        return None
    return [Credit("writer", p) for p in parts]


def split_teaser_byline(sentence: str) -> tuple[str, list[Credit]] | None:
    """"… tighten the US-Korean bond. - Donald Kirk (Mar 17, '15)" -> (the teaser, [Donald Kirk])."""
    s = sentence.strip()
    if not s.endswith(")"):
        return None
    k = s.rfind(" - ", max(0, len(s) - _MAX_TAIL))
    if k <= 0:
        if not s.startswith("- "):  # the teaser's last sentence cut off before the dash
            return None
        k = -1
    tail = s[k + 3:]
    m = _TEASER_DATE.search(tail)
    if m is None or m.end() != len(tail):
        return None
    name = tail[: m.start()].strip()
    if len(name.split()) < 2 or not is_person_name(name):
        return None
    return (s[:k].rstrip() if k > 0 else ""), [Credit("writer", name)]
