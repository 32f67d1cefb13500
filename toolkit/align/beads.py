"""Bead scores: how well a run of English sentences matches a run of Korean ones.

A bead's score is additive over its sentences (scoring.py explains the evidence): each
aligned sentence earns the weighted share of its content that the other side covers and
pays `Params.tau`; numbers, quotations, lengths and a per-type merge penalty are added.
Merged beads must earn their size: every sentence meets the other side, and each part of
a split covers words the other parts do not (`Params.min_new`).
"""

from __future__ import annotations

from toolkit.align.scoring import (
    EnFeatures,
    KoFeatures,
    Params,
    evidence_against,
    length_logprob,
    name_matches,
    pair_evidence_column,
    prepared_units,
    year_unstated,
)

__all__ = ["BeadScorer"]


class _LazyGrid:
    """Pairwise evidence computed on first use and kept: (ko_mask, en_mask, strong, has)."""

    def __init__(self, ef: list[EnFeatures], kf: list[KoFeatures], names) -> None:
        self.ef, self.kf, self.names = ef, kf, names
        self.cells: dict[tuple[int, int], tuple[int, int, int, bool]] = {}
        self.prepared: dict[int, list] = {}  # a Korean sentence's units, prepared once

    def cell(self, i: int, j: int) -> tuple[int, int, int, bool]:
        got = self.cells.get((i, j))
        if got is None:
            prepared = self.prepared.get(j)
            if prepared is None:
                prepared = self.prepared[j] = prepared_units(self.kf[j], self.names)
            a, b, c = evidence_against(self.ef[i], prepared)
            got = (a, b, c, bool(a or b or (self.ef[i].numbers & self.kf[j].numbers)))
            self.cells[(i, j)] = got
        return got


class _LazyRow:
    __slots__ = ("grid", "i", "k")

    def __init__(self, grid: _LazyGrid, i: int, k: int) -> None:
        self.grid, self.i, self.k = grid, i, k

    def __getitem__(self, j: int):
        return self.grid.cell(self.i, j)[self.k]


class _LazyMatrix:
    """`matrix[i][j]` over a lazy grid, so scoring code reads both kinds alike."""

    __slots__ = ("grid", "k")

    def __init__(self, grid: _LazyGrid, k: int) -> None:
        self.grid, self.k = grid, k

    def __getitem__(self, i: int) -> _LazyRow:
        return _LazyRow(self.grid, i, self.k)


class BeadScorer:
    """Scores beads of one article pair from precomputed per-sentence features.

    Pairwise evidence (which words, names and numbers of English sentence i meet Korean
    sentence j) is computed for every pair of an ordinary article; with `lazy=True` (long
    articles, whose search stays in a band) only for the pairs the search touches, so
    memory follows the band, not the n x m grid.
    """

    def __init__(self, ef: list[EnFeatures], kf: list[KoFeatures], params: Params, lazy: bool = False,
                 paragraphs: tuple[list[int], list[int]] | None = None) -> None:
        self.ef, self.kf, self.p, self.lazy = ef, kf, params, lazy
        # each sentence's paragraph (English, Korean), when known: a split stays in its paragraph
        self.en_par, self.ko_par = paragraphs if paragraphs is not None else (None, None)
        n, m = len(ef), len(kf)
        self.names = names = name_matches(ef, kf)
        if lazy:
            grid = _LazyGrid(ef, kf, names)
            self.ko_mask, self.en_mask, self.strong, self.has = (_LazyMatrix(grid, k) for k in range(4))
        else:
            self.ko_mask = [[0] * m for _ in range(n)]
            self.en_mask = [[0] * m for _ in range(n)]
            self.strong = [[0] * m for _ in range(n)]
            for j in range(m):
                for i, (a, b, c) in enumerate(pair_evidence_column(ef, kf[j], names)):
                    self.ko_mask[i][j], self.en_mask[i][j], self.strong[i][j] = a, b, c
            # a pair "has evidence" when a word, name or number meets its counterpart
            self.has = [
                [bool(self.ko_mask[i][j] or self.en_mask[i][j] or (ef[i].numbers & kf[j].numbers)) for j in range(m)]
                for i in range(n)
            ]
            self._runs = self._evidence_runs(self.has, n, m)
        # words repeated all over the article say little about which sentence is which:
        # weight each word by its in-article sentence frequency ** -idf_power
        self.en_w = self._weights([list(e.stems) for e in ef])
        self.ko_w = self._weights([[u.lemma for u in k.units] for k in kf])
        self.en_total = [sum(w) for w in self.en_w]
        self.ko_total = [sum(w) for w in self.ko_w]
        self._cache: dict[tuple[int, int, int, int], float] = {}
        self._fits: dict[tuple[int, int], float] = {}
        self._gains: dict[tuple[int, int, int, int], float] = {}

    @staticmethod
    def _evidence_runs(has: list[list[bool]], n: int, m: int) -> tuple[list[list[int]], list[list[int]]]:
        """How many pairs with evidence run up to each cell: along English sentence i's row, those
        of columns j-1, j-2, ... (ko[i][j], j from 0 to m), and down Korean sentence j's column,
        those of rows i-1, i-2, ... (en[i][j], i from 0 to n). A bead of one English sentence i and
        Korean sentences j0..j1-1 is lonely (bead_score) exactly where ko[i][j1] < j1 - j0; the
        search reads this instead of asking for the bead (most beads it tries are lonely)."""
        ko = []
        for i in range(n):
            run = [0] * (m + 1)
            row = has[i]
            for j in range(m):
                run[j + 1] = run[j] + 1 if row[j] else 0
            ko.append(run)
        en = [[0] * m]
        for i in range(n):
            row, above = has[i], en[-1]
            en.append([above[j] + 1 if row[j] else 0 for j in range(m)])
        return ko, en

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
        that the others do not (incidental overlap, the same 'North Korea' again, is not enough);
        a short Korean lead sentence may cover fewer (`_korean_lead`)."""
        need = self.p.min_new
        if not need or (i1 - i0 > 1 and j1 - j0 > 1):
            return True
        if self.p.min_new_fit is not None and self.length_gain(i0, i1, j0, j1) > self.p.fit_gain_min:
            need = self.p.min_new_fit
        if self.p.min_new_quoted is not None and j1 - j0 == 1 and self.kf[j0].quotes >= max(2, i1 - i0):
            need = min(need, self.p.min_new_quoted)
        if i1 - i0 > 1:  # several English sentences, one Korean
            j = j0
            masks = [self.ko_mask[i][j] for i in range(i0, i1)]
            nums = [self.ef[i].numbers & self.kf[j].numbers for i in range(i0, i1)]
        else:
            i = i0
            masks = [self.en_mask[i][j] for j in range(j0, j1)]
            nums = [self.ef[i].numbers & self.kf[j].numbers for j in range(j0, j1)]
        alone = self.p.split_alone
        for a, mask in enumerate(masks):
            others, other_nums = 0, set()
            for b, other in enumerate(masks):
                if b != a:
                    others |= other
                    other_nums |= nums[b]
            unique = nums[a] - other_nums  # a large number is as specific as several words
            own = (mask & ~others).bit_count() + sum(self.p.num_new if float(v) >= 100 else 1 for v in unique)
            lead = a == 0 and self.p.ko_lead_new is not None and own >= self.p.ko_lead_new
            if own < need and not (lead and self._korean_lead(i0, i1, j0, j1)):
                if alone is None:
                    return False
                # a part repeating the other parts' words may still be a translation of the single
                # sentence in its own right (the same source, the same gold, restated)
                part = (i0 + a, i0 + a + 1, j0, j1) if i1 - i0 > 1 else (i0, i1, j0 + a, j0 + a + 1)
                if self.bead_score(*part) < alone:
                    return False
        return True

    def _korean_lead(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """Whether the bead is one English sentence against two Korean ones, the first short and
        quoting nobody, the second translated well by the English on its own
        (`Params.ko_lead_len`, `Params.ko_lead_link`): a writer's summary sentence ("야당도
        환영했다.") that the translator folds into the next one's English ("The opposition
        welcomed it too, its leader saying ..."). Such a sentence has few words, so it need cover
        only `Params.ko_lead_new` English words of its own. A short sentence after the link is
        held to `min_new`: in news and TED pseudo-articles it is mostly a line with its own
        English sentence, which a relaxed split would leave unaligned; so is a short quotation."""
        if self.p.ko_lead_new is None or i1 - i0 != 1 or j1 - j0 != 2:
            return False
        lead = self.kf[j0]
        return not lead.quote and lead.length <= self.p.ko_lead_len and self.bead_score(i0, i1, j0 + 1, j1) >= self.p.ko_lead_link

    def shares(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """Mean covered share (idf-weighted) of the bead's Korean sentences and of its English ones."""
        ko = [self._weighted(self._or(self.ko_mask, range(i0, i1), j, True), self.ko_w[j]) / self.ko_total[j]
              if self.ko_total[j] else 0.0 for j in range(j0, j1)]
        en = [self._weighted(self._or(self.en_mask, range(j0, j1), i, False), self.en_w[i]) / self.en_total[i]
              if self.en_total[i] else 0.0 for i in range(i0, i1)]
        return sum(ko) / len(ko), sum(en) / len(en)

    @staticmethod
    def _or(matrix, others, fixed: int, fixed_is_column: bool) -> int:
        mask = 0
        for k in others:
            mask |= matrix[k][fixed] if fixed_is_column else matrix[fixed][k]
        return mask

    def length_fit(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Gale-Church-style log-probability of the bead's lengths (0 at the usual ratio)."""
        len_en = sum(self.ef[i].length for i in range(i0, i1))
        len_ko = sum(self.kf[j].length for j in range(j0, j1))
        return length_logprob(len_en, len_ko, self.p)

    def length_gain(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """For one sentence rendered as several: how much better the whole bead fits the usual
        length ratio than its best-fitting part alone (the 1-1 bead the search would otherwise
        keep). A translator's split completes the single sentence; a neighbouring addition
        overshoots it. Remembered per bead: a split's score asks for it twice (its coverage
        test and its score)."""
        key = (i0, i1, j0, j1)
        got = self._gains.get(key)
        if got is None:
            got = self._gains[key] = self._length_gain(i0, i1, j0, j1)
        return got

    def _length_gain(self, i0: int, i1: int, j0: int, j1: int) -> float:
        ef, kf = self.ef, self.kf
        len_en = sum(ef[i].length for i in range(i0, i1))
        len_ko = sum(kf[j].length for j in range(j0, j1))
        fit = self._fit
        if i1 - i0 == 1:
            part = max(fit(len_en, kf[j].length) for j in range(j0, j1))
        else:
            part = max(fit(ef[i].length, len_ko) for i in range(i0, i1))
        return fit(len_en, len_ko) - part

    def _connected(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """Whether the pairs with evidence link all the bead's sentences into one piece."""
        has = self.has
        en_in, ko_in = {i0}, set()
        frontier_en, frontier_ko = [i0], []
        while frontier_en or frontier_ko:
            if frontier_en:
                i = frontier_en.pop()
                for j in range(j0, j1):
                    if j not in ko_in and has[i][j]:
                        ko_in.add(j)
                        frontier_ko.append(j)
            else:
                j = frontier_ko.pop()
                for i in range(i0, i1):
                    if i not in en_in and has[i][j]:
                        en_in.add(i)
                        frontier_en.append(i)
        return len(en_in) == i1 - i0 and len(ko_in) == j1 - j0

    def _fit(self, len_en: int, len_ko: int) -> float:
        """length_logprob, remembered per length pair (the search asks for the same pairs often)."""
        key = (len_en, len_ko)
        got = self._fits.get(key)
        if got is None:
            got = self._fits[key] = length_logprob(len_en, len_ko, self.p)
        return got

    def bead_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Score of the bead English [i0, i1) with Korean [j0, j1); both sides non-empty."""
        key = (i0, i1, j0, j1)
        got = self._cache.get(key)
        if got is not None:
            return got
        if i1 - i0 == 1 and j1 - j0 == 1:
            score = self._score_pair(i0, j0)
            self._cache[key] = score
            return score
        # a merged bead in which some sentence meets nothing on the other side is
        # dominated by the smaller bead plus a null bead: do not score it
        lonely = False
        if i1 - i0 == 1:  # one English sentence, several Korean: each must meet it
            row = self.has[i0]
            for j in range(j0, j1):
                if not row[j]:
                    lonely = True
                    break
        elif j1 - j0 == 1:
            has = self.has
            for i in range(i0, i1):
                if not has[i][j0]:
                    lonely = True
                    break
        else:
            # several sentences on both sides: their evidence must hold them together as one
            # piece; if it falls apart into blocks, the smaller beads of those blocks score the
            # same evidence without this bead's merge penalty (and it covers the lonely case)
            lonely = not self._connected(i0, i1, j0, j1)
        if lonely or not self._adds_coverage(i0, i1, j0, j1):
            self._cache[key] = -1e9
            return -1e9
        p, ef, kf = self.p, self.ef, self.kf
        ko_mask, en_mask, weighted = self.ko_mask, self.en_mask, self._weighted
        score = 0.0
        strong = 0
        for j in range(j0, j1):
            mask = 0
            for i in range(i0, i1):
                mask |= ko_mask[i][j]
                strong += self.strong[i][j]
            score += weighted(mask, self.ko_w[j]) / (self.ko_total[j] + p.smooth) - p.tau
        for i in range(i0, i1):
            mask = 0
            for j in range(j0, j1):
                mask |= en_mask[i][j]
            score += p.w_en * weighted(mask, self.en_w[i]) / (self.en_total[i] + p.smooth) - p.tau
        score += p.w_strong * strong
        ne: set[str] = set()
        nk: set[str] = set()
        for i in range(i0, i1):
            ne |= ef[i].numbers
        for j in range(j0, j1):
            nk |= kf[j].numbers
        if ne or nk:
            score += p.w_num * len(ne & nk) - p.w_num_miss * min(len(ne ^ nk), 4)
        qe = any(ef[i].quote for i in range(i0, i1))
        qk = any(kf[j].quote for j in range(j0, j1))
        if qe or qk:
            score += p.w_quote if qe == qk else -p.w_quote
            if p.w_qcount:  # a source quoted twice in one Korean sentence: two English quotations
                ce = sum(ef[i].quotes for i in range(i0, i1))
                ck = sum(kf[j].quotes for j in range(j0, j1))
                score += p.w_qcount if ce == ck else -p.w_qcount * min(abs(ce - ck), 2) / 2
        len_en = sum(ef[i].length for i in range(i0, i1))
        len_ko = sum(kf[j].length for j in range(j0, j1))
        score += p.w_len * self._fit(len_en, len_ko)
        if p.w_len_gain and (i1 - i0 == 1) != (j1 - j0 == 1):
            score += p.w_len_gain * self.length_gain(i0, i1, j0, j1)
        score -= p.merge_pen.get((i1 - i0, j1 - j0), 0.0)
        self._cache[key] = score
        return score

    def _score_pair(self, i: int, j: int) -> float:
        """bead_score of a 1-1 bead (the search asks for most of these): the same terms without
        the loops over the bead's sentences."""
        if not self.has[i][j]:
            return -1e9  # no word, name or number in common: never a pair, whatever the lengths say
        p, e, k = self.p, self.ef[i], self.kf[j]
        score = (self._weighted(self.ko_mask[i][j], self.ko_w[j]) / (self.ko_total[j] + p.smooth)
                 + p.w_en * self._weighted(self.en_mask[i][j], self.en_w[i]) / (self.en_total[i] + p.smooth)
                 - 2 * p.tau + p.w_strong * self.strong[i][j])
        ne, nk = e.numbers, k.numbers
        if ne or nk:
            score += p.w_num * len(ne & nk) - p.w_num_miss * min(len(ne ^ nk), 4)
        if e.quote or k.quote:
            score += p.w_quote if e.quote == k.quote else -p.w_quote
            if p.w_qcount:
                score += p.w_qcount if e.quotes == k.quotes else -p.w_qcount * min(abs(e.quotes - k.quotes), 2) / 2
        score += p.w_len * self._fit(e.length, k.length) - p.merge_pen.get((1, 1), 0.0)
        if p.dated_link is not None and score < p.dated_link and year_unstated(e, k):
            # a writer's dated background facing a Korean sentence that states no number nor a
            # year by its distance (the untranslated one of its gap), paired on a word or two: not
            # a pair; a translation resolving 작년 to "2025" may share no more than that
            return -1e9
        return score
