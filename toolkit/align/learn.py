"""Learning translation pairs from the corpus being aligned (the second pass of `build`).

After a first pass, confident 1-1 beads are near-certain translations; a Korean lemma
and an English word that meet in them far more often than chance (Dice coefficient,
with a minimum count and a log-likelihood check) are very likely translations of each
other.  Only counts are kept, so memory grows with the vocabulary, not the corpus.
"""

from __future__ import annotations

import math
from collections import Counter

from toolkit.align.english import is_content, stem, words
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

    def __init__(self, min_cert: float = 0.75, known: Lexicon | None = None) -> None:
        self.min_cert = min_cert
        self.known = known  # the first pass's lexicon: what it explains is not relearned
        self.articles = Counter()  # (ko, en) -> number of articles where they met
        self.n = 0
        self.ko = Counter()
        self.en = Counter()
        self.joint = Counter()
        self.surface: dict[str, Counter] = {}

    def observe(self, en: list[Sentence], ko: list[Sentence], alignment: Alignment) -> None:
        """Add the confident 1-1 beads of one aligned article to the counts.

        With `known` (the lexicon of the first pass), words the lexicon already pairs in
        a bead are left out: only what the first pass could not explain is counted, so
        the learned pairs fill gaps instead of echoing the lexicon.
        """
        from toolkit.align.scoring import en_features, ko_features, name_matches, pair_evidence

        lexicon = self.known if self.known is not None else _EMPTY
        seen: set[tuple[str, str]] = set()
        confident = [(en[b.en[0]].text, ko[b.ko[0]].text) for b in alignment.beads
                     if len(b.en) == 1 and len(b.ko) == 1 and (b.cert >= self.min_cert or b.reviewer is not None)]
        # a bead a reviewer confirmed is trusted whatever its cert
        feats = [(en_features(e_text), ko_features(k_text, lexicon)) for e_text, k_text in confident]
        names = name_matches([ef for ef, _ in feats], [kf for _, kf in feats])  # once per article
        for (e_text, k_text), (ef, kf) in zip(confident, feats):
            ko_mask, en_mask, _ = pair_evidence(ef, kf, names)
            covered = {s for s, bit in ef.stems.items() if en_mask >> bit & 1}
            e_stems: set[str] = set()
            for w in words(e_text):
                if not is_content(w) or not w.isascii():
                    continue
                s = stem(w)
                if s in covered:
                    continue
                e_stems.add(s)
                self.surface.setdefault(s, Counter())[w.lower().replace("’", "'")] += 1
            k_lemmas = {
                u.lemma for bit, u in enumerate(kf.units) if u.kind != "latin" and not ko_mask >> bit & 1
            }
            if not e_stems or not k_lemmas:
                continue
            self.n += 1
            self.en.update(e_stems)
            self.ko.update(k_lemmas)
            pairs = [(k, e) for k in k_lemmas for e in e_stems]
            self.joint.update(pairs)
            seen.update(pairs)
        self.articles.update(seen)

    def pairs(
        self, min_count: int = 3, min_articles: int = 2, min_dice: float = 0.5, min_llr: float = 10.0, per_word: int = 1
    ) -> list[tuple[str, str]]:
        """(Korean lemma, English word) pairs, best per Korean lemma first, deterministic order.

        A pair must meet in `min_count` confident beads of at least `min_articles`
        articles (a name repeated within one story is not a translation).
        """
        by_ko: dict[str, list[tuple[float, str]]] = {}
        for (k, e), c in self.joint.items():
            if c < min_count or self.articles[(k, e)] < min_articles:
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
