"""What a reviewer should look at in a bead, with the values that differ.

A flag is a fact about one bead: its numbers or names disagree (`number 4,700≠4,200`,
`name Min≠박`), the aligner was unsure (`low cert`), or one side is empty (`added`: English
with no Korean counterpart; `untranslated`: Korean left out of the English).

The decision whether numbers or names disagree belongs to the checks of the metrics room
(the same rule fills the `numbers_match` / `names_match` columns of the tables); this module
only asks them, through one function per check (`number_difference`, `name_difference`),
and lists the values that differ. Those two functions are the seam to point at richer
checks (dates, ordinals, 만/억, surname-only names) when they land.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("number", "name", "low-cert", "added", "untranslated")
LOW_CERT = 0.5  # beads below this confidence are flagged for review


@dataclass(frozen=True)
class Flag:
    kind: str  # one of KINDS
    en: tuple[str, ...] = ()  # the English values the Korean lacks (number, name)
    ko: tuple[str, ...] = ()  # the Korean values the English lacks
    cert: float | None = None  # the bead's confidence (low-cert)

    @property
    def label(self) -> str:
        if self.kind in ("number", "name"):
            return f"{self.kind} {', '.join(self.en)}≠{', '.join(self.ko)}"
        if self.kind == "low-cert":
            return f"low cert {self.cert:.2f}"
        return self.kind

    def as_dict(self) -> dict:
        record: dict = {"kind": self.kind, "label": self.label}
        if self.kind in ("number", "name"):
            record.update(en=list(self.en), ko=list(self.ko))
        if self.cert is not None:
            record["cert"] = round(self.cert, 4)
        return record


# ------------------------------------------------------------------ the seam
def number_difference(en_text: str, ko_text: str) -> tuple[list[str], list[str]] | None:
    """(English values, Korean values) that differ, as written where possible; None when
    the numbers agree or there is no evidence (metrics.checks.numbers_agree decides)."""
    from toolkit.metrics.checks import check_numbers

    check = check_numbers(en_text, ko_text)  # compared kind by kind: only the values that disagree
    if check.agree is not False:
        return None
    return ([_shown(v, en_text) for v in _by_value(set(check.en))],
            [_shown(v, ko_text) for v in _by_value(set(check.ko))])


def name_difference(en_text: str, ko_text: str) -> tuple[list[str], list[str]] | None:
    """(English names, Korean names) that find no counterpart; None when the names agree or
    there is no evidence (metrics.checks.names_agree decides)."""
    from toolkit.metrics.checks import (NAME_THRESHOLD, english_name_candidates, korean_name_candidates,
                                        names_agree)
    from toolkit.names import name_score

    if names_agree(en_text, ko_text) is not False:
        return None
    en_names = english_name_candidates(en_text)
    ko_names = korean_name_candidates(ko_text, en_names)
    ko_only = [k for k in ko_names if all(name_score(k, e) < NAME_THRESHOLD for e in en_names)]
    en_only = [e for e in en_names if all(name_score(k, e) < NAME_THRESHOLD for k in ko_names)]
    return sorted(en_only, key=en_text.find), sorted(ko_only, key=ko_text.find)
# ------------------------------------------------------------------


def _by_value(values: set[str]) -> list[str]:
    return sorted(values, key=float)


def _shown(value: str, text: str) -> str:
    """A canonical value as the text writes it (4,700 or 4700), else with thousands separators."""
    if "." not in value and len(value) > 3:
        grouped = f"{int(value):,}"
        if re.search(rf"(?<![\d,.]){re.escape(grouped)}(?![\d,]|\.\d)", text):
            return grouped
        if re.search(rf"(?<![\d,.]){value}(?![\d,]|\.\d)", text):
            return value
        return grouped
    return value


def bead_flags(en_text: str, ko_text: str, cert: float | None, low_cert: float = LOW_CERT) -> list[Flag]:
    """The flags of one bead from its English and Korean text (either may be empty: a null
    bead); `cert` None for an article that was never aligned (no flags at all)."""
    if cert is None:
        return []
    flags: list[Flag] = []
    if en_text and ko_text:
        for kind, difference in (("number", number_difference), ("name", name_difference)):
            found = difference(en_text, ko_text)
            if found is not None:
                flags.append(Flag(kind, tuple(found[0]), tuple(found[1])))
    elif en_text:
        flags.append(Flag("added"))
    elif ko_text:
        flags.append(Flag("untranslated"))
    if cert < low_cert:
        flags.append(Flag("low-cert", cert=cert))
    return flags
