"""Word alignment by EM: IBM Model 1 in both directions, for lexicons and for term renderings.

Given sentence pairs (a translation memory, two line-aligned files, an archive's confident
beads), IBM Model 1 learns t(e|k), the probability that Korean word k is rendered by
English word e, by expectation-maximisation over all pairings within each sentence pair
(with a NULL word, so that function words need not be explained). It is trained in both
directions and only pairs both directions agree on are trusted: Model 1 alone likes to
pair a rare word with whatever frequent word stands beside it, the reverse model does not.

Tokens: Korean lemmas as the aligner sees them (scoring.ko_features: nouns, verb and
adjective stems + 다, light words dropped), English content words reduced by
english.stem; `surface` keeps the most frequent written form of each English stem, so a
learned entry reads `체포<TAB>arrested` and loads like any lexicon line.

    model = WordAligner()
    model.train(pairs)                 # pairs of (Korean tokens, English tokens)
    model.links(ko_tokens, en_tokens)  # which English word renders each Korean word
    model.entries(min_count=3)         # (ko, en, t(e|k)) for a lexicon
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["WordAligner", "korean_tokens", "english_tokens"]

NULL = ""


def korean_tokens(text: str) -> list[str]:
    """Korean lemmas of a sentence, as the aligner's features give them (no lexicon needed)."""
    from toolkit.align.lexicon import Lexicon
    from toolkit.align.scoring import ko_features

    return [u.lemma for u in ko_features(text, Lexicon()).units if u.kind != "latin"]


def english_tokens(text: str, surface: Counter | None = None) -> list[str]:
    """English content-word stems of a sentence; counts written forms into `surface`."""
    from toolkit.align.english import is_content, stem, words

    out = []
    for w in words(text):
        if not is_content(w) or not w.isascii():
            continue
        s = stem(w)
        out.append(s)
        if surface is not None:
            surface[(s, w.lower())] += 1
    return out


class WordAligner:
    """IBM Model 1 trained in both directions; `t[(k, e)]` = t(e|k), `r[(e, k)]` = t(k|e)."""

    def __init__(self, iterations: int = 5) -> None:
        self.iterations = iterations
        self.t: dict[tuple[str, str], float] = {}
        self.r: dict[tuple[str, str], float] = {}
        self.ko_count: Counter = Counter()
        self.en_count: Counter = Counter()
        self.joint: Counter = Counter()

    @staticmethod
    def _em(pairs: list[tuple[list[str], list[str]]], iterations: int) -> dict[tuple[str, str], float]:
        """t(target|source) by Model 1 EM; every sentence's sources include NULL."""
        t: dict[tuple[str, str], float] = {}
        for src, tgt in pairs:  # uniform start over co-occurring pairs
            for s in set(src) | {NULL}:
                for w in set(tgt):
                    t[(s, w)] = 1.0
        for _ in range(iterations):
            count: Counter = Counter()
            total: Counter = Counter()
            for src, tgt in pairs:
                sources = src + [NULL]
                for w in tgt:
                    norm = sum(t[(s, w)] for s in sources)
                    if norm <= 0:
                        continue
                    for s in sources:
                        c = t[(s, w)] / norm
                        count[(s, w)] += c
                        total[s] += c
            t = {key: count[key] / total[key[0]] for key in t if total[key[0]] > 0 and count[key] > 0}
        return t

    def train(self, pairs: Iterable[tuple[list[str], list[str]]]) -> "WordAligner":
        data = [(list(k), list(e)) for k, e in pairs if k and e]
        for k, e in data:
            self.ko_count.update(set(k))
            self.en_count.update(set(e))
            self.joint.update((a, b) for a in set(k) for b in set(e))
        self.t = self._em(data, self.iterations)
        self.r = self._em([(e, k) for k, e in data], self.iterations)
        return self

    def links(self, ko: list[str], en: list[str]) -> list[tuple[int, int]]:
        """(Korean position, English position) pairs both directions choose (Viterbi of each
        direction, intersected): the English word that renders each Korean word, if any."""
        forward = set()
        for j, e in enumerate(en):
            best = max(range(len(ko)), key=lambda i: self.t.get((ko[i], e), 0.0), default=None)
            if best is not None and self.t.get((ko[best], e), 0.0) > self.t.get((NULL, e), 0.0):
                forward.add((best, j))
        backward = set()
        for i, k in enumerate(ko):
            best = max(range(len(en)), key=lambda j: self.r.get((en[j], k), 0.0), default=None)
            if best is not None and self.r.get((en[best], k), 0.0) > self.r.get((NULL, k), 0.0):
                backward.add((i, best))
        return sorted(forward & backward)

    def entries(self, min_count: int = 3, min_prob: float = 0.3) -> list[tuple[str, str, float]]:
        """(Korean lemma, English stem, t(e|k)) for lexicon entries: the best English word of
        each Korean word seen at least `min_count` times, when both directions give the pair
        at least `min_prob` and they met in at least `min_count` sentence pairs. Sorted by
        Korean word (deterministic)."""
        best: dict[str, tuple[float, str]] = {}
        for (k, e), p in self.t.items():
            if k == NULL or p < min_prob or self.ko_count[k] < min_count or self.joint[(k, e)] < min_count:
                continue
            if self.r.get((e, k), 0.0) < min_prob:
                continue
            if k not in best or (p, e) > best[k]:
                best[k] = (p, e)
        return [(k, e, round(p, 4)) for k, (p, e) in sorted(best.items())]
