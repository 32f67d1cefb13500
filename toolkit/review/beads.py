"""Beads as a reviewer sees them: number, type, confidence, the sentences, flags, reviewer.

One list serves every view (the terminal table, JSON, TSV, the web app), so that the bead
numbers are the same everywhere: the index of the bead in the alignment read back from the
TEI, from 0, as in the `bead` column of the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.model import Alignment, Article, Sentence
from toolkit.review.flags import LOW_CERT, Flag, bead_flags


@dataclass
class ReviewBead:
    number: int
    type: str
    cert: float | None  # None: the article has no alignment
    en: list[Sentence]
    ko: list[Sentence]
    reviewer: str | None = None
    flags: list[Flag] = field(default_factory=list)

    @property
    def issue(self) -> bool:
        """Flagged and not yet confirmed by a reviewer."""
        return bool(self.flags) and self.reviewer is None

    @property
    def en_text(self) -> str:
        return " ".join(s.text for s in self.en)

    @property
    def ko_text(self) -> str:
        return " ".join(s.text for s in self.ko)

    def as_dict(self) -> dict:
        return {
            "bead": self.number,
            "type": self.type,
            "cert": None if self.cert is None else round(self.cert, 4),
            "en": [{"id": s.id, "text": s.text} for s in self.en],
            "ko": [{"id": s.id, "text": s.text} for s in self.ko],
            "flags": [f.as_dict() for f in self.flags],
            "reviewed_by": self.reviewer,
        }


def review_beads(en: Article, ko: Article | None, alignment: Alignment | None,
                 low_cert: float = LOW_CERT) -> list[ReviewBead]:
    """The beads of an article read from TEI (read_tei); without an alignment, one unflagged
    bead per English sentence."""
    en_s, ko_s = en.sentences, ko.sentences if ko is not None else []
    if ko is None or alignment is None:
        return [ReviewBead(n, "1-0", None, [s], []) for n, s in enumerate(en_s)]
    beads = []
    for n, bead in enumerate(alignment.beads):
        record = ReviewBead(n, bead.type, bead.cert, [en_s[i] for i in bead.en], [ko_s[j] for j in bead.ko],
                            bead.reviewer)
        record.flags = bead_flags(record.en_text, record.ko_text, bead.cert, low_cert)
        beads.append(record)
    return beads
