"""The English chain with the Hangul forms of the names a Korean byline gives for the same people."""

from __future__ import annotations

from dataclasses import replace

from toolkit.hangul import has_syllable
from toolkit.model import Credit
from toolkit.names import name_score


def join_korean_credits(en: list[Credit], ko: list[Credit], threshold: float = 0.85) -> list[Credit]:
    """The English chain, with name_ko set where a Korean credit names the same person.

    Pairs are taken best score first, one Korean name per English credit; a shared role
    lowers the bar (a Korean reporter byline is almost always the English reporter).
    Organizations and software are never paired with a person's name.
    """
    pairs: list[tuple[float, int, int]] = []
    for j, k in enumerate(ko):
        if not has_syllable(k.name) or k.agent != "person":
            continue
        for i, e in enumerate(en):
            if e.agent != "person":
                continue
            score = name_score(k.name, e.name)
            bar = threshold - (0.05 if e.role == k.role else 0.0)
            if score >= bar:
                pairs.append((score + (0.01 if e.role == k.role else 0.0), i, j))
    out = list(en)
    used_ko: set[int] = set()
    named: dict[str, str] = {}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if j in used_ko or out[i].name_ko or out[i].name in named:
            continue
        used_ko.add(j)
        named[out[i].name] = ko[j].name
        out[i] = replace(out[i], name_ko=ko[j].name)
    # the same person in several roles ("Reported and translated by") gets the name everywhere
    return [replace(c, name_ko=named[c.name]) if c.name in named and not c.name_ko else c for c in out]
