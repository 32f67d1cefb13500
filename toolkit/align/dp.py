"""Dynamic programming over the two sentence sequences: the best chain of beads.

Beads: 1-1, 1-2, 2-1, 1-3, 3-1, 2-2 and the null beads 1-0 / 0-1 (always singletons).
Null beads score 0 and every aligned sentence pays `Params.tau`, so the search leaves
a sentence unaligned unless the evidence for a counterpart outweighs that price: a
block of English background with no Korean evidence becomes a run of 1-0 beads and
the sentences after it still meet their counterparts.  Per-sentence features and the
pairwise evidence masks are computed once; bead scores combine them by bit unions.

Search: (1) a 1-1/null pass over the whole grid finds the anchor path; (2) all bead types
are searched within a band of 3 sentences around it; (3) in each gap between aligned
beads, the null sentences on both sides are paired (1-1, 2-1, 1-2) when they share
evidence and score at least `Params.rescue` (raised by `Params.rescue_step` for every
extra candidate pair a gap offers: one weak match among four background sentences is
likelier chance than one between a single sentence on each side): order alone makes them
likely partners.  A pair with no word, name or number in common is never aligned.
Null beads left facing nulls of the other side in one gap get a capped confidence
(`Params.facing_null_cert`): they may be a pair the evidence missed.
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
        # words repeated all over the article say little about which sentence is which:
        # weight each word by its in-article sentence frequency ** -idf_power
        self.en_w = self._weights([list(e.stems) for e in ef])
        self.ko_w = self._weights([[u.lemma for u in k.units] for k in kf])
        self.en_total = [sum(w) for w in self.en_w]
        self.ko_total = [sum(w) for w in self.ko_w]
        self._cache: dict[tuple[int, int, int, int], float] = {}

    def _weights(self, items: list[list[str]]) -> list[list[float]]:
        power = self.p.idf_power
        df: dict[str, int] = {}
        for seq in items:
            for key in set(seq):
                df[key] = df.get(key, 0) + 1
        return [[df[key] ** -power if power else 1.0 for key in seq] for seq in items]

    @staticmethod
    def _weighted(mask: int, weights: list[float]) -> float:
        total = 0.0
        while mask:
            low = mask & -mask
            total += weights[low.bit_length() - 1]
            mask ^= low
        return total

    def _adds_coverage(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """A true split translates different parts of the single sentence: each sentence of
        the many side must cover at least `min_new` words or numbers of the single side
        that the others do not (incidental overlap, the same 'North Korea' again, is not enough)."""
        need = self.p.min_new
        if not need or (i1 - i0 > 1 and j1 - j0 > 1):
            return True
        if i1 - i0 > 1:  # several English sentences, one Korean
            j = j0
            masks = [self.ko_mask[i][j] for i in range(i0, i1)]
            nums = [self.ef[i].numbers & self.kf[j].numbers for i in range(i0, i1)]
        else:
            i = i0
            masks = [self.en_mask[i][j] for j in range(j0, j1)]
            nums = [self.ef[i].numbers & self.kf[j].numbers for j in range(j0, j1)]
        for a, mask in enumerate(masks):
            others, other_nums = 0, set()
            for b, other in enumerate(masks):
                if b != a:
                    others |= other
                    other_nums |= nums[b]
            if (mask & ~others).bit_count() + len(nums[a] - other_nums) < need:
                return False
        return True

    def bead_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Score of the bead English [i0, i1) with Korean [j0, j1); both sides non-empty."""
        key = (i0, i1, j0, j1)
        got = self._cache.get(key)
        if got is not None:
            return got
        if i1 - i0 == 1 and j1 - j0 == 1 and not self.has[i0][j0]:
            # no word, name or number in common: never a pair, whatever the lengths say
            self._cache[key] = -1e9
            return -1e9
        if i1 - i0 > 1 or j1 - j0 > 1:
            # a merged bead in which some sentence meets nothing on the other side is
            # dominated by the smaller bead plus a null bead: do not score it
            has = self.has
            if not all(any(has[i][j] for j in range(j0, j1)) for i in range(i0, i1)) or not all(
                any(has[i][j] for i in range(i0, i1)) for j in range(j0, j1)
            ):
                self._cache[key] = -1e9
                return -1e9
            if not self._adds_coverage(i0, i1, j0, j1):
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
            score += self._weighted(mask, self.ko_w[j]) / (self.ko_total[j] + p.smooth) - p.tau
        for i in range(i0, i1):
            mask = 0
            for j in range(j0, j1):
                mask |= self.en_mask[i][j]
            score += p.w_en * self._weighted(mask, self.en_w[i]) / (self.en_total[i] + p.smooth) - p.tau
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
        """Best bead chain using `moves`; `allowed[i]` lists the columns searched in row i."""
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
        return self._facing_nulls([self._bead(*b) for b in self._rescue(self._search(MOVES, allowed))])

    def _facing_nulls(self, beads: list[Bead]) -> list[Bead]:
        """Cap the confidence of null beads whose gap has unaligned sentences on both sides.

        English and Korean left over between the same two anchors may well translate each
        other with evidence the features miss (on the dev split only about a quarter of
        such confident nulls were right), so their confidence is capped: at
        `Params.facing_null_cert` when both sides have as many, less so on the side that
        has more; a null with nothing facing it (a background block) keeps its own."""
        cap = self.p.facing_null_cert
        out = list(beads)
        k = 0
        while k < len(out):
            g = k
            while g < len(out) and not (out[g].en and out[g].ko):
                g += 1
            n_en = sum(1 for b in out[k:g] if b.en)
            n_ko = (g - k) - n_en
            if n_en and n_ko:
                for x in range(k, g):
                    # at most min(n_en, n_ko) of them can be pairs: a null on the longer
                    # side (a background block facing one omission) is less in doubt
                    side = n_en if out[x].en else n_ko
                    limit = round(1.0 - (1.0 - cap) * min(n_en, n_ko) / side, 4)
                    if out[x].cert > limit:
                        out[x] = Bead(out[x].en, out[x].ko, limit)
            k = max(g, k + 1)
        return out

    def _rescue(self, path: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Pair the null sentences of each gap between aligned beads (see `_pair_gap`).

        Translations run in order, so unmatched sentences facing each other in the same gap
        are likely translations even on weaker evidence; they must still share some
        evidence and score at least `Params.rescue`.
        """
        theta = self.p.rescue
        if theta is None:
            return path
        out: list[tuple[int, int, int, int]] = []
        k = 0
        while k < len(path):
            # a gap: a maximal run of null beads
            g = k
            while g < len(path) and (path[g][0] == path[g][1] or path[g][2] == path[g][3]):
                g += 1
            if g == k:
                out.append(path[k])
                k += 1
                continue
            gap = path[k:g]
            en_nulls = [b[0] for b in gap if b[1] > b[0]]
            ko_nulls = [b[2] for b in gap if b[3] > b[2]]
            if en_nulls and ko_nulls:
                gap_theta = theta + self.p.rescue_step * (len(en_nulls) * len(ko_nulls) - 1)
                out.extend(self._pair_gap(en_nulls, ko_nulls, gap_theta))
            else:
                out.extend(gap)
            k = g
        return out

    def _pair_gap(self, en: list[int], ko: list[int], theta: float) -> list[tuple[int, int, int, int]]:
        """Best order-keeping pairing of the null sentences of one gap (a small DP over
        1-1, 2-1 and 1-2 beads); a bead needs evidence and a score of at least `theta`.
        The sentences of a gap are consecutive on each side."""
        a, b = len(en), len(ko)
        NEG = -1e18
        gain = [[NEG] * (b + 1) for _ in range(a + 1)]
        move: list[list[tuple[int, int]]] = [[(0, 0)] * (b + 1) for _ in range(a + 1)]
        gain[0][0] = 0.0
        for x in range(a + 1):
            for y in range(b + 1):
                if x == 0 and y == 0:
                    continue
                best, arg = NEG, (0, 0)
                for dx, dy in ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2)):
                    if dx > x or dy > y or gain[x - dx][y - dy] <= NEG:
                        continue
                    g = gain[x - dx][y - dy]
                    if dx and dy:
                        i0, j0 = en[x - dx], ko[y - dy]
                        i1, j1 = en[x - 1] + 1, ko[y - 1] + 1
                        if dx == dy == 1 and not self.has[i0][j0]:
                            continue
                        s = self.bead_score(i0, i1, j0, j1)
                        if s < theta:
                            continue
                        g += s - theta + 1e-6
                    if g > best:
                        best, arg = g, (dx, dy)
                gain[x][y], move[x][y] = best, arg
        beads: list[tuple[int, int, int, int]] = []
        x, y = a, b
        while x or y:
            dx, dy = move[x][y]
            if dx and dy:
                beads.append((en[x - dx], en[x - 1] + 1, ko[y - dy], ko[y - 1] + 1))
            elif dx:
                pos = ko[y - 1] + 1 if y else ko[0]
                beads.append((en[x - 1], en[x - 1] + 1, pos, pos))
            else:
                pos = en[x - 1] + 1 if x else en[0]
                beads.append((pos, pos, ko[y - 1], ko[y - 1] + 1))
            x, y = x - dx, y - dy
        beads.reverse()
        return beads

    def _bead(self, i0: int, i1: int, j0: int, j1: int) -> Bead:
        k = self.p.cert_k
        if i1 > i0 and j1 > j0:
            cert = _sigmoid(k * self.bead_score(i0, i1, j0, j1))
        elif i1 > i0:  # English added: how weak are the Korean sentences at this point?
            near = range(max(0, j0 - 1), min(len(self.kf), j0 + 1))
            alt = max((self.bead_score(i0, i1, j, j + 1) for j in near), default=-1.0)
            cert = _sigmoid(-k * alt)
        else:  # Korean left out: likewise with the English sentences around it
            near = range(max(0, i0 - 1), min(len(self.ef), i0 + 1))
            alt = max((self.bead_score(i, i + 1, j0, j1) for i in near), default=-1.0)
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
