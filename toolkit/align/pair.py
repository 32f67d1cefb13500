"""Is this a translation pair at all? The check behind `pair_score` and the `warning:` lines.

A corpus folder can hold the wrong files: the English of one story with the Korean of
another (the aligner then finds a few weak links and builds silently), or en.txt and
ko.txt swapped. Two signals answer it:

- script, known before anything is aligned: an "English" file that is mostly Hangul and a
  "Korean" file that is mostly Latin letters are swapped;
- `pair_score`: how much of the English the Korean explains, the share of English
  characters in aligned beads, each weighted by its calibrated confidence. Translations
  and rewrites score high; a background-heavy rewrite lower; an unrelated pair near zero.
  Two stories of one beat can still reach 0.35 through many weak links, so a pair with no
  link of confidence CONFIDENT_LINK or more is flagged too: a translation, even a loose
  rewrite, always has a few sentences that plainly match. Both thresholds sit below every
  real pair measured (benchmarks/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.hangul import count_hangul
from toolkit.model import Alignment, Article

__all__ = ["PairCheck", "pair_check", "hangul_share", "languages_swapped", "PAIR_THRESHOLD", "CONFIDENT_LINK"]

PAIR_THRESHOLD = 0.08
CONFIDENT_LINK = 0.53


@dataclass(frozen=True)
class PairCheck:
    score: float | None        # None when there is no alignment to judge
    swapped: bool
    warning: str | None = None


def hangul_share(text: str) -> float:
    """Hangul among the letters of a text (0 for pure English, near 1 for Korean)."""
    letters = sum(1 for c in text if c.isalpha())
    return count_hangul(text) / letters if letters else 0.0


def _text(article: Article) -> str:
    return " ".join(p.text for p in article.paragraphs)


def languages_swapped(en: Article, ko: Article) -> bool:
    """The English file is mostly Hangul and the Korean one mostly not: swapped files."""
    return hangul_share(_text(en)) > 0.5 and hangul_share(_text(ko)) < 0.2


def pair_check(en: Article, ko: Article, alignment: Alignment | None) -> PairCheck:
    """Score the pair and say, in one line, what looks wrong with it (None: nothing)."""
    swapped = languages_swapped(en, ko)
    score = None
    if alignment is not None:
        lengths = [len(s.text) for s in en.sentences]
        total = sum(lengths)
        explained = sum(b.cert * sum(lengths[i] for i in b.en) for b in alignment.beads if b.en and b.ko)
        score = round(explained / total, 4) if total else 0.0
    if swapped:
        return PairCheck(score, True, "the English file is Korean and the Korean file English: swapped?")
    if alignment is not None:
        best = max((b.cert for b in alignment.beads if b.en and b.ko), default=0.0)
        if score < PAIR_THRESHOLD or best < CONFIDENT_LINK:
            return PairCheck(score, False, f"the Korean explains little of the English (pair score {score:.2f}, "
                                           f"best link {best:.2f}): not a translation pair?")
    return PairCheck(score, False)
