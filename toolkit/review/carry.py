"""Corrections last: a rebuild puts the reviewed beads of the old TEI file back.

`reviewed_beads(old_tei)` keeps, from the file a build is about to replace, each bead a
person confirmed or corrected, by sentence ids *and* texts, and the review history;
`apply_reviewed(alignment, en, ko, reviewed)` puts those beads into the new alignment,
each only where every sentence it points at is still there with the same text (a source
that changed under a bead makes that review stale: `stale_reviews` lists them, for a
warning). The result is in the TEI's bead order, the one numbering of the tables and `show`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.model import Alignment, Article, Bead, Revision

SentenceKey = tuple[str, str]  # (sentence id, text)


@dataclass(frozen=True)
class ReviewedBead:
    en: tuple[SentenceKey, ...]
    ko: tuple[SentenceKey, ...]
    cert: float
    reviewer: str

    def label(self) -> str:
        return f"{' '.join(i for i, _ in self.en) or '∅'} = {' '.join(i for i, _ in self.ko) or '∅'}"


@dataclass
class Reviewed:
    beads: list[ReviewedBead] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)


def reviewed_beads(old_tei: Path | bytes) -> Reviewed | None:
    """The reviewed beads and review history of a TEI file; None when there is no such file,
    it cannot be read, or nobody reviewed it."""
    from toolkit.errors import InputError
    from toolkit.tei import read_tei

    if isinstance(old_tei, Path) and not old_tei.is_file():
        return None
    try:
        en, ko, alignment = read_tei(old_tei)
    except InputError:
        return None
    if ko is None or alignment is None or not (alignment.revisions or any(b.reviewer for b in alignment.beads)):
        return None
    keys = ([(s.id, s.text) for s in en.sentences], [(s.id, s.text) for s in ko.sentences])
    beads = [ReviewedBead(tuple(keys[0][i] for i in b.en), tuple(keys[1][j] for j in b.ko), b.cert, b.reviewer)
             for b in alignment.beads if b.reviewer]
    return Reviewed(beads, list(alignment.revisions))


def _positions(bead: ReviewedBead, en: Article, ko: Article) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The bead's sentence positions in the new articles, None when any sentence changed."""
    found = []
    for keys, article in ((bead.en, en), (bead.ko, ko)):
        index = {(s.id, s.text): n for n, s in enumerate(article.sentences)}
        if any(key not in index for key in keys):
            return None
        found.append(tuple(index[key] for key in keys))
    return found[0], found[1]


def stale_reviews(en: Article, ko: Article, reviewed: Reviewed | None) -> list[str]:
    """The reviewed beads that cannot be carried (a sentence's id or text changed), as labels."""
    if reviewed is None:
        return []
    return [b.label() for b in reviewed.beads if _positions(b, en, ko) is None]


def apply_reviewed(alignment: Alignment, en: Article, ko: Article, reviewed: Reviewed | None) -> Alignment:
    """`alignment` (the aligner's) with the still valid reviewed beads put back and the review
    history kept, in the TEI's bead order."""
    from toolkit.review.relink import place_beads

    placed = []
    for bead in reviewed.beads if reviewed is not None else []:
        positions = _positions(bead, en, ko)
        if positions is None:
            continue
        en_idx, ko_idx = positions
        if en_idx and ko_idx:
            placed.append(Bead(en_idx, ko_idx, bead.cert, bead.reviewer))
        else:  # a reviewed null bead is one sentence (the reader's form)
            placed.extend(Bead((i,), (), bead.cert, bead.reviewer) for i in en_idx)
            placed.extend(Bead((), (j,), bead.cert, bead.reviewer) for j in ko_idx)
    result = place_beads(Alignment(list(alignment.beads)), placed)  # the aligner's beads cover every sentence
    result.revisions = list(reviewed.revisions) if reviewed is not None else []
    return result
