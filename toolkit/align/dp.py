"""Dynamic programming over the two sentence sequences: the best chain of beads.

Beads: 1-1, 1-2, 2-1, 1-3, 3-1, 2-2 and the null beads 1-0 / 0-1 (always singletons).
Null beads score 0 and every aligned sentence pays `Params.tau`, so the search leaves
a sentence unaligned unless the evidence for a counterpart outweighs that price: a
block of English background with no Korean evidence becomes a run of 1-0 beads and
the sentences after it still meet their counterparts.  Per-sentence features and the
pairwise evidence masks are computed once; bead scores combine them by bit unions.
"""

from __future__ import annotations

import math

from toolkit.align.lexicon import Lexicon, load_lexicon
from toolkit.align.scoring import (
    EnFeatures,
    KoFeatures,
    Params,
    en_features,
    ko_features,
    length_logprob,
    name_matches,
    pair_evidence,
)
from toolkit.model import Alignment, Bead, Sentence

__all__ = ["align", "Aligner"]

MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3), (2, 2))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class Aligner:
    """Scores beads of one article pair from precomputed features (see module docstring)."""

    def __init__(self, ef: list[EnFeatures], kf: list[KoFeatures], params: Params) -> None:
        self.ef, self.kf, self.p = ef, kf, params
        n, m = len(ef), len(kf)
        self.ko_mask = [[0] * m for _ in range(n)]
        self.en_mask = [[0] * m for _ in range(n)]
        self.strong = [[0] * m for _ in range(n)]
        names = name_matches(ef, kf)
        for i in range(n):
            for j in range(m):
                a, b, c = pair_evidence(ef[i], kf[j], names)
                self.ko_mask[i][j], self.en_mask[i][j], self.strong[i][j] = a, b, c
        # a pair "has evidence" when a word, name or number meets its counterpart
        self.has = [
            [bool(self.ko_mask[i][j] or self.en_mask[i][j] or (ef[i].numbers & kf[j].numbers)) for j in range(m)]
            for i in range(n)
        ]
        self._cache: dict[tuple[int, int, int, int], float] = {}

    def bead_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Score of the bead English [i0, i1) with Korean [j0, j1); both sides non-empty."""
        key = (i0, i1, j0, j1)
        got = self._cache.get(key)
        if got is not None:
            return got
        if i1 - i0 > 1 or j1 - j0 > 1:
            # a merged bead in which some sentence meets nothing on the other side is
            # dominated by the smaller bead plus a null bead: do not score it
            has = self.has
            if not all(any(has[i][j] for j in range(j0, j1)) for i in range(i0, i1)) or not all(
                any(has[i][j] for i in range(i0, i1)) for j in range(j0, j1)
            ):
                self._cache[key] = -1e9
                return -1e9
        p, ef, kf = self.p, self.ef, self.kf
        score = 0.0
        strong = 0
        for j in range(j0, j1):
            mask = 0
            for i in range(i0, i1):
                mask |= self.ko_mask[i][j]
                strong += self.strong[i][j]
            score += mask.bit_count() / (kf[j].size + p.smooth) - p.tau
        for i in range(i0, i1):
            mask = 0
            for j in range(j0, j1):
                mask |= self.en_mask[i][j]
            score += mask.bit_count() / (ef[i].size + p.smooth) - p.tau
        score += p.w_strong * strong
        ne: set[str] = set()
        nk: set[str] = set()
        for i in range(i0, i1):
            ne |= ef[i].numbers
        for j in range(j0, j1):
            nk |= kf[j].numbers
        if ne or nk:
            both = len(ne & nk)
            score += p.w_num * both - p.w_num_miss * min(len(ne ^ nk), 4)
        qe = any(ef[i].quote for i in range(i0, i1))
        qk = any(kf[j].quote for j in range(j0, j1))
        if qe or qk:
            score += p.w_quote if qe == qk else -p.w_quote
        len_en = sum(ef[i].length for i in range(i0, i1))
        len_ko = sum(kf[j].length for j in range(j0, j1))
        score += p.w_len * length_logprob(len_en, len_ko, p)
        score -= p.merge_pen.get((i1 - i0, j1 - j0), 0.0)
        self._cache[key] = score
        return score

    def _search(self, moves, allowed=None) -> list[tuple[int, int, int, int]]:
        """Best bead chain using `moves`; `allowed(i, j)` limits the cells searched."""
        n, m = len(self.ef), len(self.kf)
        NEG = -1e18
        best = [[NEG] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n + 1):
            row = best[i]
            cols = range(m + 1) if allowed is None else allowed[i]
            for j in cols:
                if i == 0 and j == 0:
                    continue
                top, arg = NEG, None
                for di, dj in moves:
                    pi, pj = i - di, j - dj
                    if pi < 0 or pj < 0:
                        continue
                    prev = best[pi][pj]
                    if prev <= NEG:
                        continue
                    s = prev if (di == 0 or dj == 0) else prev + self.bead_score(pi, i, pj, j)
                    if s > top:
                        top, arg = s, (di, dj)
                row[j] = top
                back[i][j] = arg
        path: list[tuple[int, int, int, int]] = []
        i, j = n, m
        while i > 0 or j > 0:
            di, dj = back[i][j]
            path.append((i - di, i, j - dj, j))
            i, j = i - di, j - dj
        path.reverse()
        return path

    def run(self, band: int = 3) -> list[Bead]:
        """Two stages: a 1-1/null search finds the anchor path, then all bead types are
        searched within `band` cells of it (the full grid when the article is small)."""
        n, m = len(self.ef), len(self.kf)
        allowed = None
        if n * m > 64:
            first = self._search(MOVES[:3])
            cols: list[set[int]] = [set() for _ in range(n + 1)]
            for i0, i1, j0, j1 in first:
                for i in range(max(0, i0 - band), min(n, i1 + band) + 1):
                    cols[i].update(range(max(0, j0 - band), min(m, j1 + band) + 1))
            cols[n].add(m)
            allowed = [sorted(c) for c in cols]
        return [self._bead(*b) for b in self._search(MOVES, allowed)]

    def _bead(self, i0: int, i1: int, j0: int, j1: int) -> Bead:
        k = self.p.cert_k
        if i1 > i0 and j1 > j0:
            cert = _sigmoid(k * self.bead_score(i0, i1, j0, j1))
        elif i1 > i0:  # English added: how weak is the best counterpart it could have had?
            alt = max((self.bead_score(i0, i1, j, j + 1) for j in range(len(self.kf))), default=-1.0)
            cert = _sigmoid(-k * alt)
        else:
            alt = max((self.bead_score(i, i + 1, j0, j1) for i in range(len(self.ef))), default=-1.0)
            cert = _sigmoid(-k * alt)
        return Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(cert, 4))


def align(
    en: list[Sentence],
    ko: list[Sentence],
    lexicon: Lexicon | None = None,
    params: Params | None = None,
) -> Alignment:
    """Align English sentences with Korean ones; bead indices are 0-based into the lists."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    params = params or Params()
    ef = [en_features(s.text) for s in en]
    kf = [ko_features(s.text, lexicon) for s in ko]
    return Alignment(Aligner(ef, kf, params).run())
