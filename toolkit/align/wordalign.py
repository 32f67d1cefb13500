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

A prior, for small archives (terminology, `train_link_model`): EM then estimates t as a
posterior mean under a Dirichlet prior (maximum a posteriori EM). The lexicon's renderings
of k, names spelled in Latin letters, English words in the same pair that sound like a
Korean loanword (phonetic: 스마트폰 ~ smartphone) and acronyms whose expansion renders k add
`prior_weight` pseudo-counts to t(e|k), shared among the prior's words; `smoothing`
pseudo-counts are spread over the whole English vocabulary. With enough data the counts
outweigh the prior; where the archive is silent, the lexicon speaks. `link_posteriors`
then gives, inside one pair, the probability that each English word translates each Korean
word, as far as both directions agree (their geometric mean).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain

__all__ = ["WordAligner", "english_tokens", "korean_tokens", "phrase_stems", "train_link_model"]

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


Prior = Mapping[str, Mapping[str, float]]  # source -> target -> prior probability
Runner = Callable[[Callable, list[tuple]], list]  # run(fn, calls) -> [fn(*call) for call in calls]
CHUNK_CELLS = 500_000  # (target, source) cells an E-step holds at once: memory stays bounded
CACHE_CELLS = 4_000_000  # cells whose pair lookup is kept across iterations (~70 MB at most)
# words on a side of one pair whose link posteriors are computed (`posteriors_fit`): a pair costs
# (Korean words + 1) x English words cells, several arrays of them, so a bead of one 400,000-word
# "sentence" (a 2 MB line with no sentence end) asked for a 14.9 GiB array and the build was killed.
# The largest bead of the validation pairs (pairs13-31, rewrites7-16) and the fixture corpus has 87
# English and 74 Korean words: ten times that is no real bead.
MOST_PAIR_WORDS = 1_000


def posteriors_fit(ko_words: int, en_words: int) -> bool:
    """Whether a pair of this many Korean and English words is short enough for
    `link_posterior_arrays` (MOST_PAIR_WORDS a side); a longer one is no sentence pair but an
    unsplit text, which the caller leaves without posteriors rather than run out of memory."""
    return ko_words <= MOST_PAIR_WORDS and en_words <= MOST_PAIR_WORDS


def _unique(values):
    """np.unique of an integer array (sorted distinct values) by a sort: numpy 2's hashing
    np.unique takes fifty times longer on the millions of codes of an archive's pairs."""
    import numpy as np

    return _distinct(np.sort(values))


def _shares(values, totals):
    """values / totals, 0 where a total is 0: the division alone when no total is (the common case,
    which spares the mask and the zeroed output a guarded division needs; the floats are the same)."""
    import numpy as np

    if totals.min(initial=1.0) > 0:
        return values / totals
    return np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)


def _distinct(ordered):
    """The distinct values of a sorted array."""
    import numpy as np

    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _ids(words: Iterable[str]) -> dict[str, int]:
    """Each word's number, in order of first appearance."""
    return {w: n for n, w in enumerate(dict.fromkeys(words))}


def _cells(s_flat, s_len, s_start, t_flat, t_len, t_start, width: int, first: int, last: int):
    """Codes (source * width + target) and target-token rows of the EM cells of pairs first..last,
    each pair's ids in flat arrays (`s_flat[s_start[p]:][:s_len[p]]`, its sources with NULL last):
    each target token of each pair, then each of the pair's sources, in order. Returns (codes,
    rows, number of rows)."""
    import numpy as np

    lengths = t_len[first:last]
    n_rows = int(lengths.sum())
    row_pair = np.repeat(np.arange(first, last), lengths)  # each target token's pair
    per_row = s_len[row_pair]
    rows = np.repeat(np.arange(n_rows, dtype=np.int64), per_row)
    token = t_start[first] + np.arange(n_rows)             # each row's target token
    place = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    codes = t_flat[token][rows] + s_flat[s_start[row_pair][rows] + place] * width
    return codes, rows, n_rows


class PairTable(Mapping):
    """A read-only mapping (source, target) -> number over sorted integer codes: the model's
    t tables and co-occurrence counts without a Python object per pair (an archive has
    millions of pairs)."""

    def __init__(self, sources: dict[str, int], targets: dict[str, int], codes, values) -> None:
        self.sources, self.targets = sources, targets
        self.width = max(len(targets), 1)
        self.codes, self.values = codes, values
        self._source_words, self._target_words = list(sources), list(targets)

    def _position(self, key) -> int:
        import numpy as np

        s, w = self.sources.get(key[0]), self.targets.get(key[1])
        if s is None or w is None:
            return -1
        code = s * self.width + w
        pos = int(np.searchsorted(self.codes, code))
        return pos if pos < len(self.codes) and self.codes[pos] == code else -1

    def __getitem__(self, key):
        pos = self._position(key)
        if pos < 0:
            raise KeyError(key)
        return self.values[pos].item()

    def __iter__(self):
        for code in self.codes.tolist():
            yield self._source_words[code // self.width], self._target_words[code % self.width]

    def __len__(self) -> int:
        return len(self.codes)

    def matrix(self, sources: Sequence[str], targets: Sequence[str], default: Sequence[float]):
        """values[i][j] for source i and target j as a numpy array; `default[i]` where absent."""
        import numpy as np

        get_source, get_target = self.sources.get, self.targets.get
        s_ids = np.array([get_source(x, -1) for x in sources], dtype=np.int64)
        t_ids = np.array([get_target(x, -1) for x in targets], dtype=np.int64)
        rows, cols = len(s_ids), len(t_ids)
        return self.cells(np.repeat(s_ids, cols), np.tile(t_ids, rows),
                          np.repeat(np.asarray(default, dtype=float), cols)).reshape(rows, cols)

    def cells(self, s_ids, t_ids, default):
        """The value of each cell (s_ids[k], t_ids[k]) (numbers of `sources` and `targets`, -1 for a
        word not among them) as a float array; `default[k]` where absent."""
        import numpy as np

        out = np.array(default, dtype=float)
        if not len(self.codes) or not len(out):
            return out
        codes = s_ids * self.width + t_ids
        # searched in rising order (numpy starts each search where the last ended): a third less work
        order = np.argsort(codes, kind="stable")
        pos = np.empty_like(order)
        pos[order] = np.searchsorted(self.codes, codes[order])
        pos[pos == len(self.codes)] = len(self.codes) - 1  # past the last code: found by no cell
        found = self.codes[pos] == codes
        found &= s_ids >= 0  # an unknown word's code may be another pair's
        found &= t_ids >= 0
        out[found] = self.values[pos[found]]
        return out


class WordAligner:
    """IBM Model 1 trained in both directions; `t[(k, e)]` = t(e|k), `r[(e, k)]` = t(k|e).

    `prior_weight`, `smoothing` and `null_weight` matter only to MAP training with a prior
    (`train(pairs, prior=...)`); without one, training is plain maximum-likelihood EM."""

    def __init__(self, iterations: int = 5, prior_weight: float = 10.0, smoothing: float = 0.0,
                 null_weight: float = 1.0, min_t: float = 0.0) -> None:
        self.iterations = iterations
        self.prior_weight, self.smoothing, self.null_weight = prior_weight, smoothing, null_weight
        self.min_t = min_t  # t values below this are not kept (an unseen pair's t stands in)
        self.t: Mapping[tuple[str, str], float] = {}
        self.r: Mapping[tuple[str, str], float] = {}
        # t of a target a source never met in training (smoothing mass), per source
        self.t_unseen: dict[str, float] = {}
        self.r_unseen: dict[str, float] = {}
        self.ko_count: Counter = Counter()
        self.en_count: Counter = Counter()
        self.joint: Mapping[tuple[str, str], int] = {}  # sentence pairs each (ko, en) pair met in

    def _em(self, pairs: list[tuple[list[str], list[str]]], prior: Prior | None, joint: bool = False):
        """t(target|source) by Model 1 EM, every sentence's sources including NULL; the first
        E-step shares each target evenly. Returns t, each source's t of unseen targets and
        (with `joint`) how many pairs each (source, target) met in.

        Vectorised (numpy): the (target token, source) cells of a chunk of pairs are flat
        arrays, so an iteration is a few bincounts per chunk, and at most CHUNK_CELLS cells
        are held at once. The result does not depend on chunking beyond float rounding."""
        import numpy as np

        prior = prior or {}
        # sorted by key alone (keys are distinct): comparing (key, value) tuples costs three times more
        prior_rows = [(k, [(w, prior[k][w]) for w in sorted(prior[k])]) for k in sorted(prior)]
        # ids in order of first appearance: the pairs' words, then the prior's
        sources = _ids(chain([NULL], chain.from_iterable(src for src, _ in pairs), (k for k, _ in prior_rows)))
        targets = _ids(chain(chain.from_iterable(tgt for _, tgt in pairs), (w for _, row in prior_rows for w, _ in row)))
        width = max(len(targets), 1)
        # every pair's ids in two flat arrays (its sources with NULL last): no small array per pair
        used = [(src, tgt) for src, tgt in pairs if tgt]
        s_flat = np.fromiter(map(sources.__getitem__, chain.from_iterable((*src, NULL) for src, _ in used)), np.int64)
        t_flat = np.fromiter(map(targets.__getitem__, chain.from_iterable(tgt for _, tgt in used)), np.int64)
        s_len = np.array([len(src) + 1 for src, _ in used], dtype=np.int64)
        t_len = np.array([len(tgt) for _, tgt in used], dtype=np.int64)
        s_start, t_start = np.cumsum(s_len) - s_len, np.cumsum(t_len) - t_len
        chunks, size, start = [], 0, 0
        for n, cells_of_pair in enumerate((s_len * t_len).tolist()):
            size += cells_of_pair
            if size >= CHUNK_CELLS:
                chunks.append((start, n + 1))
                start, size = n + 1, 0
        if start < len(used):
            chunks.append((start, len(used)))

        def cells(first: int, last: int):
            return _cells(s_flat, s_len, s_start, t_flat, t_len, t_start, width, first, last)

        prior_codes = np.array([sources[s_word] * width + targets[w] for s_word, row in prior_rows for w, _ in row],
                               dtype=np.int64)
        prior_mass = np.array([p for _, row in prior_rows for _, p in row], dtype=float)
        # a chunk's cells are computed once and kept while they fit in CACHE_CELLS (then made
        # again in each iteration): the lookup of their pairs is most of an iteration's work
        kept: dict[int, tuple] = {}
        room = CACHE_CELLS
        uniques = []
        for n, (a, b) in enumerate(chunks):
            codes, rows, n_rows = cells(a, b)
            if len(codes) <= room:  # its order is kept too: codes searched in rising order are found faster
                room -= len(codes)
                order = np.argsort(codes, kind="stable")
                uniques.append(_distinct(codes[order]))
                kept[n] = (codes, rows, n_rows, order)
            else:
                uniques.append(_unique(codes))
        universe = _unique(np.concatenate([prior_codes] + uniques))
        del uniques

        def lookup(codes, rows, n_rows, order=None):
            """(pair index, row, rows, factor of each cell: the NULL weight, or None for 1)."""
            if order is None:
                pair = np.searchsorted(universe, codes)
            else:
                pair = np.empty_like(order)
                pair[order] = np.searchsorted(universe, codes[order])
            null = np.where(codes // width == 0, self.null_weight, 1.0) if self.null_weight != 1.0 else None
            return pair, rows, n_rows, null

        kept = {n: lookup(*cell) for n, cell in kept.items()}
        pair_source = universe // width
        n_pairs, n_sources = len(universe), len(sources)
        prior_counts = np.zeros(n_pairs)
        has_prior = np.zeros(n_sources, dtype=bool)
        if len(prior_codes):
            np.add.at(prior_counts, np.searchsorted(universe, prior_codes), self.prior_weight * prior_mass)
            has_prior[prior_codes // width] = True
        has_prior[0] = False  # NULL has no prior
        prior_counts[pair_source == 0] = 0.0
        weight = np.where(has_prior, self.prior_weight, 0.0)
        base = self.smoothing / width
        t_vals = np.ones(n_pairs)
        denom = np.zeros(n_sources)
        for iteration in range(self.iterations):
            counts = np.zeros(n_pairs)
            for n, (a, b) in enumerate(chunks):
                pair, rows, n_rows, null = kept[n] if n in kept else lookup(*cells(a, b))
                if iteration == 0:
                    values = np.ones(len(pair))
                else:  # (x * 1.0 is x: a weight of 1 changes nothing, so it is not applied)
                    values = t_vals[pair] if null is None else t_vals[pair] * null
                norm = np.bincount(rows, weights=values, minlength=n_rows)[rows]
                counts += np.bincount(pair, weights=_shares(values, norm), minlength=n_pairs)
            denom = np.bincount(pair_source, weights=counts, minlength=n_sources) + weight + self.smoothing
            t_vals = _shares(counts + prior_counts + base, denom[pair_source])
        keep = t_vals > max(self.min_t, 0.0)
        t = PairTable(sources, targets, universe[keep], t_vals[keep].astype(np.float32))
        unseen = {word: base / float(d) for word, d in zip(sources, denom.tolist()) if base and d > 0}
        met = None
        if joint:  # per pair of sentences, each (source, target) once, NULL left out
            met_counts = np.zeros(n_pairs, dtype=np.int64)
            for s_at, s_n, t_at, t_n in zip(s_start.tolist(), s_len.tolist(), t_start.tolist(), t_len.tolist()):
                s_ids, t_ids = s_flat[s_at:s_at + s_n], t_flat[t_at:t_at + t_n]
                codes = _unique((t_ids[:, None] + s_ids[None, :-1] * width).ravel())
                met_counts[np.searchsorted(universe, codes)] += 1
            seen = met_counts > 0
            met = PairTable(sources, targets, universe[seen], met_counts[seen])
        return t, unseen, met

    def train(self, pairs: Iterable[tuple[list[str], list[str]]], prior: Prior | None = None,
              joint: bool = True, run: Runner | None = None) -> "WordAligner":
        """Train both directions; `prior` (Korean -> English -> probability) is reversed for
        the backward direction (each English word's share spread over the Korean words
        whose prior names it). `joint`: count the pairs each (ko, en) met in, for `entries`.
        `run(fn, calls)` returns [fn(*call) for call in calls], perhaps computed elsewhere:
        the two directions are independent (a build trains them on two workers)."""
        data = [(list(k), list(e)) for k, e in pairs if k and e]
        calls = [(data, prior, joint), ([(e, k) for k, e in data], _reversed(prior) if prior else None)]
        (self.t, self.t_unseen, met), (self.r, self.r_unseen, _) = (run or _here)(self._em, calls)
        self.joint = met if met is not None else {}
        for k, e in data:
            self.ko_count.update(set(k))
            self.en_count.update(set(e))
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

    def knows(self, k: str) -> bool:
        """Whether training met the Korean word k (else its posteriors say nothing of it)."""
        return k in (self.t.sources if isinstance(self.t, PairTable) else {s for s, _ in self.t})

    def link_posteriors(self, ko: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """For each English word j (rows) and Korean word i (columns): sqrt(P(j translates i) *
        P(i is translated by j's word)), the posteriors of the two directions inside this
        pair; the last column is the forward P(j translates nothing). The share of a word
        written twice in the pair (either side) is the sum over both places, so that a repeated
        word is not half as likely a translation: each of its columns holds the word's whole
        share."""
        return self.link_posterior_array(ko, en).tolist()

    def link_posterior_array(self, ko: Sequence[str], en: Sequence[str]):
        """`link_posteriors` as a float array (empty without English words): the terms rows keep
        it as an array, which the lists would only be turned back into."""
        return self.link_posterior_arrays([(ko, en)])[0]

    def link_posterior_arrays(self, pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list:
        """`link_posterior_array` of each pair, all computed in one numpy pass over the cells of
        every pair (an article's beads): numpy's cost is per call, and a bead's matrices are
        small. Each cell is the float one pair alone would give (`_Cells`)."""
        import numpy as np

        out: list = [np.empty(0)] * len(pairs)
        done = [n for n, (_, en) in enumerate(pairs) if en]
        if not done:
            return out
        ko, en = [list(pairs[n][0]) for n in done], [list(pairs[n][1]) for n in done]
        fwd = _Cells(self.t, self.t_unseen, self.null_weight, ko, en)   # (ko + NULL) x en per pair
        bwd = _Cells(self.r, self.r_unseen, self.null_weight, en, ko)   # (en + NULL) x ko per pair
        # output pair p is en x (ko + NULL), as many cells as fwd's, in row order: cell (j, i)
        pair = fwd.pair
        width = fwd.n_rows[pair]
        local = np.arange(len(pair)) - fwd.start[pair]
        j, i = local // width, local % width
        f_at = fwd.start[pair] + i * fwd.n_cols[pair] + j
        null = i == width - 1
        word = ~null
        agreed = np.empty(len(pair))
        agreed[null] = fwd.share[f_at[null]]
        b_at = bwd.start[pair[word]] + j[word] * bwd.n_cols[pair[word]] + i[word]
        agreed[word] = np.sqrt(fwd.summed_by_word()[f_at[word]] * bwd.summed_by_word()[b_at])
        for k, n in enumerate(done):
            rows, cols = int(fwd.n_cols[k]), int(fwd.n_rows[k])
            out[n] = agreed[fwd.start[k]:fwd.start[k] + rows * cols].reshape(rows, cols)
        return out

    def entries(self, min_count: int = 3, min_prob: float = 0.3) -> list[tuple[str, str, float]]:
        """(Korean lemma, English stem, t(e|k)) for lexicon entries: the best English word of
        each Korean word seen at least `min_count` times, when both directions give the pair
        at least `min_prob` and they met in at least `min_count` sentence pairs. Sorted by
        Korean word (deterministic)."""
        best: dict[str, tuple[float, str]] = {}
        for (k, e), p in self.t.items():
            if k == NULL or p < min_prob or self.ko_count[k] < min_count or self.joint.get((k, e), 0) < min_count:
                continue
            if self.r.get((e, k), 0.0) < min_prob:
                continue
            if k not in best or (p, e) > best[k]:
                best[k] = (p, e)
        return [(k, e, round(p, 4)) for k, (p, e) in sorted(best.items())]


class _Cells:
    """P(target j comes from source i) of many pairs at once: pair p's (sources + NULL) x targets
    matrix, rows in order, one after another in flat arrays. Column sums are bincounts over the
    cells in row order, which add as numpy's sum down the rows of one matrix does, except for a
    matrix of one column, whose sum numpy adds pairwise: that one is summed as numpy would."""

    def __init__(self, table, unseen: Mapping[str, float], null_weight: float,
                 sources: Sequence[Sequence[str]], targets: Sequence[Sequence[str]]) -> None:
        import numpy as np

        self.n_rows = np.array([len(s) + 1 for s in sources], dtype=np.int64)
        self.n_cols = np.array([len(t) for t in targets], dtype=np.int64)
        sizes = self.n_rows * self.n_cols
        self.start = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        self.pair = np.repeat(np.arange(len(sizes)), sizes)
        local = np.arange(len(self.pair)) - self.start[self.pair]
        cols = self.n_cols[self.pair]
        row_start = np.concatenate(([0], np.cumsum(self.n_rows)[:-1]))
        self.col_start = col_start = np.concatenate(([0], np.cumsum(self.n_cols)[:-1]))
        self.row = row_start[self.pair] + local // cols   # the cell's source, over all pairs
        self.col = col_start[self.pair] + local % cols    # the cell's target, over all pairs
        self.words = [w for s in sources for w in (*s, NULL)]
        scores = self._scores(table, unseen, [w for t in targets for w in t])
        null = local // cols == self.n_rows[self.pair] - 1
        scores[null] *= null_weight
        total = np.bincount(self.col, weights=scores, minlength=int(self.n_cols.sum()))
        for p in np.flatnonzero(self.n_cols == 1).tolist():  # numpy's own sum of a one-column matrix
            first = self.start[p]
            total[col_start[p]] = scores[first:first + self.n_rows[p]].sum()
        total = total[self.col]
        self.share = _shares(scores, total)
        self.share[null & (total <= 0)] = 1.0

    def _scores(self, table, unseen: Mapping[str, float], targets: list[str]):
        """t(target | source) of every cell, the source's t of unseen targets where the table has none."""
        import numpy as np

        if not isinstance(table, PairTable):  # an untrained model: nothing is known
            return np.zeros(len(self.pair))
        get, get_source, get_target = unseen.get, table.sources.get, table.targets.get
        default = np.array([get(w, 0.0) for w in self.words], dtype=float)
        s_ids = np.array([get_source(w, -1) for w in self.words], dtype=np.int64)
        t_ids = np.array([get_target(w, -1) for w in targets], dtype=np.int64)
        return table.cells(s_ids[self.row], t_ids[self.col], default[self.row])

    def summed_by_word(self):
        """`share` with each source word's cells summed over its places in its pair (NULL's
        cells kept): a word written twice holds its whole share in each place."""
        import numpy as np

        group: dict[tuple[int, str | None], int] = {}
        pair_of_row = np.repeat(np.arange(len(self.n_rows)), self.n_rows)
        last = np.cumsum(self.n_rows) - 1  # each pair's NULL row, a group of its own
        names = [None if r in nulls else w for nulls in [set(last.tolist())] for r, w in enumerate(self.words)]
        ids = np.array([group.setdefault(key, len(group)) for key in zip(pair_of_row.tolist(), names)], dtype=np.int64)
        # each row owns n_cols cells of the sums; a group uses its first row's
        row_cells = np.cumsum(self.n_cols[pair_of_row]) - self.n_cols[pair_of_row]
        first = np.zeros(len(group), dtype=np.int64)
        first[ids[::-1]] = row_cells[::-1]
        key = first[ids[self.row]] + self.col - self.col_start[self.pair]
        return np.bincount(key, weights=self.share)[key]


def _here(fn, calls):
    return [fn(*call) for call in calls]


def _reversed(prior: Prior) -> dict[str, dict[str, float]]:
    """The prior of the other direction: e -> k, each English word's share spread evenly over
    the Korean words whose prior names it."""
    rows: dict[str, dict[str, float]] = defaultdict(dict)
    for k, row in prior.items():
        for e in row:
            rows[e][k] = 1.0
    return {e: {k: 1.0 / len(row) for k in row} for e, row in rows.items()}


@lru_cache(maxsize=65536)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """An English phrase as the stems of its content words ('Ministry of State Security' ->
    ('minist', 'stat', 'secur')), as the lexicon keeps its renderings."""
    from toolkit.align.english import is_content, stem, words

    return tuple(dict.fromkeys(stem(w) for w in words(phrase) if is_content(w)))


def _prior_rows(keys: Iterable[str], entries: Mapping[str, Iterable[tuple[str, ...]]]) -> dict[str, dict[str, float]]:
    """k -> e -> prior probability: the stems of k's lexicon renderings (each rendering an
    equal share, split among its words), or of the Latin spellings names.py knows for it."""
    rows: dict[str, dict[str, float]] = {}
    for k in keys:
        phrases = sorted(p for p in entries.get(k, ()) if p)
        if not phrases and k.isascii() and k.isalpha():  # a Latin token inside Korean (RFA, iOS)
            phrases = [phrase_stems(k)]
        if not phrases:
            phrases = [p for p in map(phrase_stems, sorted(_spellings(k))) if p]
        if not phrases:
            continue
        row: dict[str, float] = defaultdict(float)
        for phrase in phrases:
            for e in phrase:
                row[e] += 1.0 / (len(phrases) * len(phrase))
        rows[k] = dict(row)
    return rows


def _spellings(k: str) -> frozenset[str]:
    """Latin spellings of a Hangul place or personal name (names.transliteration_candidates)."""
    from toolkit.hangul import is_syllable_word

    if len(k) < 2 or not is_syllable_word(k):
        return frozenset()
    from toolkit.names import transliteration_candidates

    return transliteration_candidates(k)


def _sound_alikes(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], surface: Mapping[str, str],
                  known: set[str]) -> dict[str, set[str]]:
    """k -> English stems met in the same pair that sound like the Korean (loanwords), for
    Hangul words the lexicon does not know."""
    from toolkit.align.phonetic import similar
    from toolkit.hangul import is_syllable_word

    out: dict[str, set[str]] = defaultdict(set)
    for ko, en in pairs:
        for k in set(ko):
            if k in known or len(k) < 2 or not is_syllable_word(k):
                continue
            for e in set(en):
                word = surface.get(e, e)
                if len(word) >= 3 and similar(k, word):
                    out[k].add(e)
    return out


def _add_aliases(prior: dict[str, dict[str, float]], aliases: Mapping[str, Iterable[tuple[str, ...]]]) -> None:
    """Give each prior row its acronyms: in the order of sorted(aliases), an acronym gets the
    row's mean share of its best expansion's words. Only the acronyms whose expansions name a
    word of the row are looked at (the others would add nothing), including those an acronym
    added on the way names (an expansion may hold another acronym)."""
    import heapq

    ordered = sorted(aliases.items())
    naming: dict[str, list[int]] = defaultdict(list)  # stem -> acronyms whose expansions hold it
    for n, (_, expansions) in enumerate(ordered):
        for e in sorted({e for exp in expansions for e in exp}):
            naming[e].append(n)
    for row in prior.values():
        todo = sorted({n for e in row for n in naming.get(e, ())})
        done: set[int] = set()
        while todo:
            n = heapq.heappop(todo)
            if n in done:
                continue
            done.add(n)
            acronym, expansions = ordered[n]
            share = max((sum(row.get(e, 0.0) for e in exp) / len(exp) for exp in expansions if exp), default=0.0)
            if share > 0:
                if acronym not in row:
                    for m in naming.get(acronym, ()):
                        if m > n:
                            heapq.heappush(todo, m)
                row[acronym] = row.get(acronym, 0.0) + share


def train_link_model(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], lexicon=None,
                     surface: Mapping[str, str] | None = None,
                     aliases: Mapping[str, Iterable[tuple[str, ...]]] | None = None,
                     iterations: int = 12, prior_weight: float = 10.0, smoothing: float = 0.5,
                     min_t: float = 1e-4, run: Runner | None = None) -> WordAligner:
    """The model terminology uses: Model 1 both ways over an archive's confident beads (Korean
    words, English stems), MAP-trained with a prior: the lexicon (a Lexicon, or a mapping
    ko -> stem tuples), names' Latin spellings and loanwords that sound alike. `surface` maps
    English stems back to a word for the sound test; `aliases` maps an acronym's stem to the
    stems of the expansions the texts give it (mss -> (minist, stat, secur)): whatever Korean
    word its expansion renders, the acronym renders too, so it shares in that word's prior.
    Ten pseudo-counts: the archive's own evidence outweighs the lexicon where it is plentiful.
    t below `min_t` is dropped after training (most co-occurring pairs end far below it):
    the model's memory then grows with what it learned, not with all it saw."""
    entries = {} if lexicon is None else (lexicon if isinstance(lexicon, Mapping) else lexicon.entries)
    keys = {k for ko, _ in pairs for k in ko}
    prior = _prior_rows(sorted(keys), entries)
    for k, found in _sound_alikes(pairs, surface or {}, set(prior)).items():
        row = prior.setdefault(k, {})
        for e in sorted(found):
            row[e] = row.get(e, 0.0) + 1.0 / len(found)
    _add_aliases(prior, aliases or {})
    for k, row in prior.items():  # a distribution again, after the shares added above
        total = sum(row.values())
        prior[k] = {e: v / total for e, v in row.items()}
    model = WordAligner(iterations, prior_weight=prior_weight, smoothing=smoothing, min_t=min_t)
    return model.train([(list(k), list(e)) for k, e in pairs], prior, joint=False, run=run)
