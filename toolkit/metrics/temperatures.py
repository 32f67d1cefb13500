"""Temperatures a translator converts for American readers: 영하 20도 is "minus 4 degrees
Fahrenheit", 섭씨 35도 "95 F". The number check reads such a Korean figure as the English one
when either, converted, rounds to the other at its last digit; a figure that converts to no
English one is compared as written (영하 25도 against "minus 4 degrees Fahrenheit" is a change).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.align.numbers import Quantity

# (a bare F, "95 F"; not the F of a jet's name, "16 F-16 fighters")
_FAHRENHEIT = re.compile(r"\s?(?:degrees? Fahrenheit|°\s?F\b|F\b(?![-–]?\d))")
_CELSIUS_KO = re.compile(r"\s?(?:도(?![가-힣])|도[가는를의에까로였이]|℃|°\s?C)")
_MINUS_EN = re.compile(r"(?:\bminus\s|-)$", re.I)
_MINUS_KO = re.compile(r"(?:영하\s?|-)$")


def _signed(q: Quantity, text: str, minus: re.Pattern) -> float:
    """The degrees with their sign: 영하 20도 and "minus 4" are below zero."""
    return -q.value if minus.search(text, max(0, q.start - 6), q.start) else q.value


def _rounds_to(figure: float, value: float) -> bool:
    """Is `value` the figure at its last digit? Degrees are written to the unit (영하 20도 is no
    "about 20"): -4 for -4.0, not for -4.6."""
    return abs(value - figure) <= 0.5


# past this many Fahrenheit figures none is read as a conversion (each is tried against every Korean
# figure): a sentence has one or two, a hostile roll of thousands would take minutes
MOST_TEMPERATURES = 12


def converted_temperatures(en: list[Quantity], ko: list[Quantity], en_text: str, ko_text: str) -> list[Quantity]:
    """The Korean quantities with each Celsius temperature that is an English Fahrenheit one
    converted read as the English figure (compared, and agreeing)."""
    fahrenheit = [q for q in en if q.kind == "amount" and not q.optional and _FAHRENHEIT.match(en_text, q.end)]
    if not fahrenheit or len(fahrenheit) > MOST_TEMPERATURES:
        return ko
    out = list(ko)
    for k, q in enumerate(ko):
        if q.kind != "amount" or q.optional or not _CELSIUS_KO.match(ko_text, q.end):
            continue
        celsius = _signed(q, ko_text, _MINUS_KO)
        for f in fahrenheit:
            degrees = _signed(f, en_text, _MINUS_EN)
            if _rounds_to(degrees, celsius * 9 / 5 + 32) or _rounds_to(celsius, (degrees - 32) * 5 / 9):
                out[k] = replace(q, value=f.value)
                break
    return out
