"""Sentences of a credit paragraph, cut as toolkit.segment cuts English.

Breaks as in toolkit.segment (whose abbreviation rules decide every full stop), plus a break
at a full stop glued to a credit verb ("...News Service.Translated by"), at a Korean
sentence end glued to the next one ("…않습니다.이석재 기자가 보도합니다."), and at line ends.
"""

from __future__ import annotations

import re

from toolkit.segment import period_is_abbreviation

_BOUNDARY = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*\s+|\n+"
    r"|\.(?=(?:Reported|Translated|Written|Edited|Produced|Photos?|Additional|With|Credit(?=:)|Supplied(?=:))\b)"
    # "…있다./김용국기자 a@b", "…있다./오승현 기자", "…있다./워싱턴=김은중 특파원": a byline glued to the caption
    r"|(?<=[\uac00-\ud7a3][.!?])(?=[\uac00-\ud7a3\[(<ⓒ©]"
    r"|/(?:[\uac00-\ud7a3]{2,6}=)?[\uac00-\ud7a3]{2,4} ?[\uac00-\ud7a3]{0,4}(?:기자|특파원|통신원))"
    r"|(?<=[\uac00-\ud7a3]니다) (?=[\uac00-\ud7a3(])"  # "…지적했습니다 안소영 기자입니다": a video page's text without full stops
)
_LOOK = 64  # characters either side of a full stop that decide whether it ends a sentence
# "JP/P.J. Leo", "(BT/R.K. Sumarno", "JP/P. Leo": a photographer's initials after a paper's slash; a
# letter after a letter ("… to Grade A/B. Reported by …") ends its sentence
_SLASHED_INITIALS = re.compile(r"(?:(?<![A-Za-z])[A-Z]{2,5}/(?:[A-Z]\.)*|/(?:[A-Z]\.)+)[A-Z]$")
# "Translated by C.Y. Hsu", "Photo: D.W. Park": a name's run-together initials right after a credit's cue
# (segment reads "C.Y." before a capital as an acronym that may end its sentence, as "U.S." does)
_RUN_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]")
_CUE_BEFORE = re.compile(r"(?:\b[Bb][Yy]|:)\s+$")
# "(tr. Spencer Lee-Lenfield)", "Tr. from Ukrainian by": the translator follows (in either case)
_CREDIT_ABBREVIATIONS = {"tr", "trans", "transl"}


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; no break after initials (J. P.) or abbreviations (Dr.)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        if m.group().strip() and m.group()[0] == ".":
            before = paragraph[max(start, m.start() - _LOOK) : m.start()]
            word = before.rsplit(None, 1)[-1] if before.split() else ""
            if period_is_abbreviation(word, paragraph[m.end() : m.end() + _LOOK]) \
                    or word.lstrip("([").lower() in _CREDIT_ABBREVIATIONS \
                    or _SLASHED_INITIALS.search(word) or _cued_initials(word, before):
                continue
        spans.append((start, m.end()))  # (a glued Korean break is empty: it ends where it starts)
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


def _cued_initials(word: str, before: str) -> bool:
    """"… by C.Y. Hsu": the stop after run-together initials right after "by" or a colon is the name's."""
    return bool(_RUN_INITIALS.fullmatch(word)) and bool(_CUE_BEFORE.search(before[:len(before) - len(word)]))
