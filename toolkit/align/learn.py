"""Learning translation pairs from the corpus being aligned (the second pass of `build`).

After a first pass, confident 1-1 beads are near-certain translations; a Korean lemma
and an English word that meet in them far more often than chance (Dice coefficient,
with a minimum count and a log-likelihood check) are very likely translations of each
other.  Only counts are kept, so memory grows with the vocabulary, not the corpus.
"""

from __future__ import annotations

import math
from collections import Counter

from toolkit.align.english import STOPWORDS, stem, words
from toolkit.align.lexicon import Lexicon
from toolkit.model import Alignment, Sentence

__all__ = ["LexiconLearner"]

_EMPTY = Lexicon()


def _llr(k11: int, k1: int, k2: int, n: int) -> float:
    """Dunning's log-likelihood ratio for a 2x2 co-occurrence table."""
    def h(*ks: int) -> float:
        total = sum(ks)
        return sum(k * math.log(k / total) for k in ks if k > 0)

    k12, k21 = k1 - k11, k2 - k11
    k22 = max(n - k1 - k2 + k11, 0)
    return 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


class LexiconLearner:
    """Counts co-occurrences in confident 1-1 beads; `pairs()` gives the learned entries."""

    def __init__(self, min_cert: float = 0.75) -> None:
        self.min_cert = min_cert
        self.n = 0
        self.ko = Counter()
        self.en = Counter()
        self.joint = Counter()
        self.surface: dict[str, Counter] = {}

    def observe(self, en: list[Sentence], ko: list[Sentence], alignment: Alignment) -> None:
        """Add the confident 1-1 beads of one aligned article to the counts."""
        from toolkit.align.scoring import ko_features

        for bead in alignment.beads:
            if len(bead.en) != 1 or len(bead.ko) != 1 or bead.cert < self.min_cert:
                continue
            e_stems: set[str] = set()
            for w in words(en[bead.en[0]].text):
                low = w.lower().strip("'’")
                if low in STOPWORDS or len(low) < 2 or not w.isascii():
                    continue
                s = stem(w)
                e_stems.add(s)
                self.surface.setdefault(s, Counter())[low] += 1
            k_lemmas = {u.lemma for u in ko_features(ko[bead.ko[0]].text, _EMPTY).units if u.kind != "latin"}
            if not e_stems or not k_lemmas:
                continue
            self.n += 1
            self.en.update(e_stems)
            self.ko.update(k_lemmas)
            self.joint.update((k, e) for k in k_lemmas for e in e_stems)

    def pairs(self, min_count: int = 3, min_dice: float = 0.3, min_llr: float = 10.0, per_word: int = 2) -> list[tuple[str, str]]:
        """(Korean lemma, English word) pairs, best per Korean lemma first, deterministic order."""
        by_ko: dict[str, list[tuple[float, str]]] = {}
        for (k, e), c in self.joint.items():
            if c < min_count:
                continue
            dice = 2 * c / (self.ko[k] + self.en[e])
            if dice < min_dice or _llr(c, self.ko[k], self.en[e], self.n) < min_llr:
                continue
            by_ko.setdefault(k, []).append((dice, e))
        out: list[tuple[str, str]] = []
        for k in sorted(by_ko):
            for dice, e in sorted(by_ko[k], key=lambda t: (-t[0], t[1]))[:per_word]:
                word = sorted(self.surface[e].items(), key=lambda t: (-t[1], t[0]))[0][0]
                out.append((k, word))
        return out
