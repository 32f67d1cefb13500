"""Dynamic programming over the two sentence sequences: the best chain of beads.

Beads: 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4, 4-1, 2-3, 3-2 and the null beads 1-0 / 0-1
(always singletons), scored by beads.py. Null beads score 0 and every aligned sentence
pays `Params.tau`, so the search leaves a sentence unaligned unless the evidence for a
counterpart outweighs that price: a block of English background with no Korean evidence
becomes a run of 1-0 beads and the sentences after it still meet their counterparts.

Search: (1) a 1-1/null pass finds the path, over the whole grid for an ordinary article
(n x m up to FULL_GRID) and within the band around anchors (anchors.py) for a long one,
whose pair evidence is then computed lazily; (2) all bead types are searched within a
band of 3 sentences around it, merged beads only near a null bead or a weak link
(`Params.merge_weak`) of the first pass; (3) in each gap between aligned beads, the null sentences
on both sides are paired (1-1, 2-1, 1-2) when they share evidence and score at least
`Params.rescue` (raised by `Params.rescue_step` for every extra candidate pair a gap
offers: one weak match among four background sentences is likelier chance than one
between a single sentence on each side): order alone makes them likely partners (but an
English sentence naming a year stays apart from a Korean one stating no number,
`Params.rescue_years`: a writer's background; the search itself refuses such a 1-1 pair when it
scores below `Params.dated_link` and the year is in the running text, beads.py);
(4) the first sentences may be paired out of order (a reworked lede, `Params.reorder`),
or, when that one-to-one search finds nothing, the chain's first beads are searched again with
one Korean sentence moved to face its English (lede.py: merged beads around the crossing, or
a sentence from beyond the lede, `Params.reorder_moved`), and sentences left unaligned in
different gaps pair across when they clearly match (a
moved paragraph, `Params.cross`; a sentence held by a weak link is free for it, `Params.cross_weak`),
its neighbours following it in order (`Params.block`);
(5) a gap of one sentence on each side between anchors pairs up on order and length alone
(`Params.lone`: a greeting, a short caption line; not a Korean quotation facing an English
sentence that reports no one's words, `Params.lone_speech`); (6) an English sentence left unaligned
beside a link joins it when the link's Korean already says most of it (`Params.join_cover`:
a split refused for adding no word of its own), or, right after the link, a good part of it
and a word of that Korean the link's English leaves unsaid (`Params.join_explains`); (7) a
sentence of either language left unaligned beside a link joins it when a fitted model of
refused splits puts it at `Params.join_split` or more (joins.py; a Korean one at `Params.join_split_ko`);
before that, an English sentence left between the links of two adjacent Korean sentences that says a
word of each left unsaid joins both (a 3-2 bead, `Params.join_straddle`).
Otherwise a pair with no word, name or number in common is never aligned. Each bead's
confidence is the calibrated probability of confidence.py.
"""

from __future__ import annotations

from toolkit.align.anchors import anchor_chain
from toolkit.align.anchors import band as anchor_band
from toolkit.align.beads import BeadScorer
from toolkit.align.confidence import article_context, bead_cert, link_features, null_features
from toolkit.align.joins import MAX_BEAD, grown_links, join_splits, join_straddles
from toolkit.align.lede import moved_lede
from toolkit.align.lexicon import Lexicon, load_lexicon
from toolkit.align.scoring import Params, en_features, is_year, ko_features
from toolkit.model import Alignment, Bead, Sentence

__all__ = ["align", "Aligner"]

# Articles up to this many sentence pairs (n x m) are searched over the whole grid, as
# always; longer ones in a band around anchors (anchors.py), with lazily computed evidence.
FULL_GRID = 40_000

MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3), (2, 2), (4, 1), (1, 4), (3, 2), (2, 3))


def _english_only(b: tuple[int, int, int, int]) -> bool:
    """A null bead holding an English sentence (no Korean)."""
    return b[1] > b[0] and b[2] == b[3]


def _korean_only(b: tuple[int, int, int, int]) -> bool:
    """A null bead holding a Korean sentence (no English)."""
    return b[3] > b[2] and b[0] == b[1]


class Aligner(BeadScorer):
    """Searches the best chain of beads of one article pair (see module docstring)."""

    def _search(self, moves) -> list[tuple[int, int, int, int]]:
        """Best bead chain using `moves` over the whole grid (ordinary articles)."""
        n, m = len(self.ef), len(self.kf)
        return self._search_band(moves, [0] * (n + 1), [m] * (n + 1))

    def _search_band(self, moves, lo: list[int], hi: list[int], merging: list[bool] | None = None
                     ) -> list[tuple[int, int, int, int]]:
        """Best bead chain using `moves` with row i searched only in columns lo[i]..hi[i]:
        memory and time follow the band, not the grid (long articles). Where `merging[i]` is
        false, beads ending in row i are 1-1 or null (the first three moves) only."""
        n = len(self.ef)
        NEG = -1e18
        best: list[list[float]] = []
        back: list[list[int]] = []
        cache, score = self._cache, self.bead_score  # bead_score's own cache, read here first
        runs = self.__dict__.get("_runs")  # an ordinary article's (BeadScorer._evidence_runs); not a lede view's
        for i in range(n + 1):
            lo_i = lo[i]
            row = [NEG] * (hi[i] - lo_i + 1)
            arg = [-1] * len(row)
            row_moves = moves if merging is None or merging[i] else moves[:3]
            # per move: its index, dj, the previous row (this one for di = 0), its band, whether it is a null
            # bead, and where a bead of one sentence on a side is seen to be lonely (`_lonely_runs`)
            steps = [(k, dj, i - di, best[i - di] if di else row, lo[i - di], hi[i - di], di == 0 or dj == 0,
                      *self._lonely_runs(runs, i, di, dj))
                     for k, (di, dj) in enumerate(row_moves) if i - di >= 0]
            for j in range(lo_i, hi[i] + 1):
                if i == 0 and j == 0:
                    row[0] = 0.0
                    continue
                top, which = NEG, -1
                for k, dj, pi, prev_row, lo_p, hi_p, null, run, at_j, need in steps:
                    pj = j - dj
                    if pj < lo_p or pj > hi_p:
                        continue
                    prev = prev_row[pj - lo_p]
                    if prev <= NEG:
                        continue
                    if null:
                        s = prev
                    elif run is not None and run[j if at_j else pj] < need:
                        s = prev + -1e9  # bead_score's answer for a lonely bead, without asking it
                    else:
                        got = cache.get((pi, i, pj, j))
                        s = prev + (got if got is not None else score(pi, i, pj, j))
                    if s > top:
                        top, which = s, k
                row[j - lo_i] = top
                arg[j - lo_i] = which
            best.append(row)
            back.append(arg)
        path: list[tuple[int, int, int, int]] = []
        i, j = n, hi[n]
        while i > 0 or j > 0:
            di, dj = moves[back[i][j - lo[i]]]
            path.append((i - di, i, j - dj, j))
            i, j = i - di, j - dj
        path.reverse()
        return path

    @staticmethod
    def _lonely_runs(runs, i: int, di: int, dj: int) -> tuple[list[int] | None, bool, int]:
        """For the move (di, dj) into row i: (a list, whether it is read at the bead's last column j
        or at its first pj, the least value there of a bead that is not lonely), or (None, False, 0)
        where the runs do not tell (a null bead, several sentences on both sides, no runs). A bead
        of one English sentence is lonely where one of its Korean sentences has no evidence with it
        (bead_score), so where the run of evidence in its row ending at its last column is shorter
        than its Korean side; a bead of one Korean sentence likewise down its column."""
        if runs is None or not di or not dj or (di > 1 and dj > 1):
            return None, False, 0
        ko_runs, en_runs = runs
        if di == 1:
            return ko_runs[i - 1], True, dj
        return en_runs[i], False, di

    def path(self, band: int = 3) -> list[tuple[int, int, int, int]]:
        """Two stages: a 1-1/null search finds the path, then all bead types are searched
        within `band` cells of it (the full grid when the article is small). The first
        stage covers the whole grid for an ordinary article, and only the band around the
        anchors of anchors.py for a long one (`lazy`)."""
        n, m = len(self.ef), len(self.kf)
        if n * m <= 64:
            path = self._search(MOVES)
        else:
            if self.lazy:
                lo, hi = anchor_band(n, m, anchor_chain(self.ef, self.kf, self.names))
                first = self._search_band(MOVES[:3], lo, hi)
            else:
                first = self._search(MOVES[:3])
            lo, hi = [m] * (n + 1), [0] * (n + 1)
            merging = [False] * (n + 1)
            for i0, i1, j0, j1 in first:
                for i in range(max(0, i0 - band), min(n, i1 + band) + 1):
                    lo[i], hi[i] = min(lo[i], max(0, j0 - band)), max(hi[i], min(m, j1 + band))
                if i0 == i1 or j0 == j1:
                    # a merged bead joins sentences the 1-1 search left unaligned: try merges
                    # only near a null bead of the first stage (most of an article is 1-1)
                    for i in range(max(0, i0 - band), min(n, i1 + band) + 1):
                        merging[i] = True
                elif self._weak_link(i0, i1, j0, j1):
                    # or linked on little evidence: the merged beads holding the link's
                    # sentences end in its row or the next ones
                    for i in range(i0, min(n, i1 + band) + 1):
                        merging[i] = True
            path = self._search_band(MOVES, lo, hi, merging)
        chain = self._rescue(path)
        path = self._reorder_lede(chain)
        if path == chain:  # the one-to-one lede search found nothing: one moved sentence, merges around it
            path = moved_lede(self, MOVES, chain)
        path = self._join_covered(self._lone_pairs(self._cross(path)))
        if self.p.join_straddle:
            path = join_straddles(self, path)
        if self.p.join_split is None:
            return path
        return join_splits(self, path, self.p.join_split, korean_threshold=self.p.join_split_ko)

    def _weak_link(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """A first-stage 1-1 link whose score is below `Params.merge_weak`: the 1-1 search pairs
        the part of a split with whatever sentence shares a word or two with it (the Korean
        detail sentence with the English sentence after its translation), so such a link
        marks a place where a merged bead may be the better reading."""
        theta = self.p.merge_weak
        return theta is not None and self.bead_score(i0, i1, j0, j1) < theta

    def _cross(self, path: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Pair sentences left unaligned in different gaps when they clearly translate each
        other: a paragraph the writer moved (its English earlier, its Korean later) leaves a
        run of null beads on each side that a monotone chain cannot link; crossing links are
        fine in TEI. A pair needs a 1-1 score of `Params.cross` (an anchor's evidence), and
        the best pairs are taken first. One side of a pair may also be held by a weak link: the
        chain, unable to cross, pairs a moved sentence's Korean with whatever sentence of its gap
        shares a word with it (often an English background sentence that closes the article); the
        crossing partner takes it, and the weak link's other sentence is left unaligned."""
        theta = self.p.cross
        if theta is None:
            return path
        en_null = [b[0] for b in path if _english_only(b)]
        ko_null = [b[2] for b in path if _korean_only(b)]
        # a sentence held by a weak 1-1 link (below `Params.cross_weak`: the rescue's pairing of a gap
        # on order, or the search's on a word or two) is free for a crossing partner too
        held = self._held_weakly(path)
        ko_free = ko_null + [j for (j, side) in held if side == "ko"]
        en_free = en_null + [k for (k, side) in held if side == "en"]
        if len(en_free) * len(ko_free) > FULL_GRID:  # weak links must not cost a long article its nulls' crossings
            held, en_free, ko_free = {}, en_null, ko_null
        if not (en_null or ko_null) or len(en_free) * len(ko_free) > FULL_GRID:
            return path  # a long article's nulls are not all compared (its evidence is computed lazily)
        unaligned_en, unaligned_ko = set(en_null), set(ko_null)
        pairs = sorted(((s, i, j) for i in en_free for j in ko_free
                        if (i in unaligned_en or j in unaligned_ko) and self.has[i][j]
                        and (s := self.bead_score(i, i + 1, j, j + 1)) >= theta),
                       key=lambda x: (-x[0], x[1], x[2]))
        used_en: set[int] = set()
        used_ko: set[int] = set()
        links = []
        for _, i, j in pairs:
            if i not in used_en and j not in used_ko:
                used_en.add(i)
                used_ko.add(j)
                links.append((i, i + 1, j, j + 1))
        if not links:
            return path
        links += self._extend_block(links, unaligned_en, unaligned_ko, used_en, used_ko)
        # a weak link that gave up a sentence leaves its other sentence unaligned
        broken = {held[(i, "en")] for i in used_en if (i, "en") in held} | {held[(j, "ko")] for j in used_ko if (j, "ko") in held}
        kept = [b for b in path if not (_english_only(b) and b[0] in used_en)
                and not (_korean_only(b) and b[2] in used_ko) and b not in broken]
        for i0, _, j0, _ in broken:
            if i0 not in used_en:
                kept.append((i0, i0 + 1, j0, j0))
            if j0 not in used_ko:
                kept.append((i0, i0, j0, j0 + 1))
        # each crossing link takes the place of its English sentence in the order
        out = kept + links
        out.sort(key=lambda b: (b[0] if b[1] > b[0] else b[0] - 0.5, b[2]))
        return out

    def _held_weakly(self, path: list[tuple[int, int, int, int]]) -> dict[tuple[int, str], tuple[int, int, int, int]]:
        """(sentence, "en" / "ko") -> its 1-1 link, for the links scoring below `Params.cross_weak`."""
        weak = self.p.cross_weak
        out: dict[tuple[int, str], tuple[int, int, int, int]] = {}
        if weak is None:
            return out
        for b in path:
            if b[1] - b[0] == 1 and b[3] - b[2] == 1 and self.bead_score(*b) < weak:
                out[(b[0], "en")] = out[(b[2], "ko")] = b
        return out

    def _extend_block(self, links, en_null: set[int], ko_null: set[int], used_en: set[int], used_ko: set[int]
                      ) -> list[tuple[int, int, int, int]]:
        """A moved paragraph moves whole: next to a crossing link, the unaligned sentences that
        follow (or precede) it on both sides pair up in order on a rescue's evidence
        (`Params.block`), as the null sentences of one gap do."""
        theta = self.p.block
        if theta is None:
            return []
        out = []
        for i, _, j, _ in links:
            for step in (1, -1):
                a, b = i + step, j + step
                while (a in en_null and b in ko_null and a not in used_en and b not in used_ko
                       and self.has[a][b] and self.bead_score(a, a + 1, b, b + 1) >= theta):
                    used_en.add(a)
                    used_ko.add(b)
                    out.append((a, a + 1, b, b + 1))
                    a, b = a + step, b + step
        return out

    def _reorder_lede(self, path: list[tuple[int, int, int, int]], size: int = 4) -> list[tuple[int, int, int, int]]:
        """Pair the first sentences out of order when that scores clearly better.

        Translators rework a lede: the English opens with the Korean second sentence (the
        news) and follows with the first (the anchor's summary). A monotone chain cannot
        link both, so within the first `size` English and `size` + 1 Korean sentences the
        best one-to-one pairing with crossings allowed (an exact search over subsets) is
        compared with the chain; it replaces the chain's beads there when it crosses and
        gains more than `Params.reorder`. Only the shortest run of the chain's first beads that
        holds the crossing is replaced when it crosses alike: a merged bead after it is kept; and
        when the whole region does not gain, its shorter runs are tried, so that a merged bead
        after the crossing (which the one-to-one pairing cannot score) does not hide it."""
        margin = self.p.reorder
        if margin is None:
            return path
        t = 0  # the chain's beads inside the lede region
        while t < len(path) and path[t][1] <= size and path[t][3] <= size + 1:
            t += 1
        if t == 0:
            return path
        crossed = self._crossed_lede(path[:t])
        if crossed is None:
            # the one-to-one pairing cannot hold a merged bead of the region (a split the translator
            # made just after the crossed sentences): try the shorter runs of the first beads, longest
            # first, so that the crossing is still found and the merged bead after it stays whole
            for u in range(t - 1, 0, -1):
                crossed = self._crossed_lede(path[:u])
                if crossed is not None:
                    return crossed[0] + path[u:]
            return path
        # the lede is the shortest part of the chain holding the crossing: a merged bead after it
        # (a split the translator made in the third sentence) stays, not broken into 1-1 pairs
        for u in range(1, t):
            if path[u - 1][1] > max(i for i, _ in crossed[1]) and path[u - 1][3] > max(j for _, j in crossed[1]):
                shorter = self._crossed_lede(path[:u])
                if shorter is not None and crossed[1] <= shorter[1]:
                    return shorter[0] + path[u:]
                break
        return crossed[0] + path[t:]

    def _crossed_lede(self, chain: list[tuple[int, int, int, int]]
                      ) -> tuple[list[tuple[int, int, int, int]], set[tuple[int, int]]] | None:
        """The beads of `chain` (the first beads of the path) paired out of order, and the crossing
        pairs, when that scores clearly better (see `_reorder_lede`); else None."""
        margin = self.p.reorder
        e_end, k_end = chain[-1][1], chain[-1][3]
        if e_end < 2 or k_end < 2:
            return None
        score_chain = sum(self.bead_score(*b) for b in chain if b[0] < b[1] and b[2] < b[3])
        weight = [[max(0.0, self.bead_score(i, i + 1, j, j + 1)) for j in range(k_end)] for i in range(e_end)]
        best: dict[int, tuple[float, list[tuple[int, int]]]] = {0: (0.0, [])}  # used Korean mask -> best
        for i in range(e_end):
            nxt = dict(best)  # English i left unpaired
            for used, (score, pairs) in best.items():
                for j in range(k_end):
                    if weight[i][j] > 0 and not used >> j & 1:
                        cand = (score + weight[i][j], pairs + [(i, j)])
                        key = used | 1 << j
                        if cand[0] > nxt.get(key, (-1.0, []))[0]:
                            nxt[key] = cand
            best = nxt
        score, pairs = max(best.values(), key=lambda v: (v[0], -len(v[1])))
        crossing = {p for p in pairs for q in pairs if (p[0] - q[0]) * (p[1] - q[1]) < 0}
        if not crossing or score <= score_chain + margin:
            return None
        if any(weight[i][j] < self.p.reorder_link for i, j in crossing):
            return None  # each crossing link needs evidence of its own, not just a better sum
        if self._worse_than_chain(chain, crossing, weight):
            return None
        linked_en, linked_ko = {i for i, _ in pairs}, {j for _, j in pairs}
        lede = [(i, i + 1, j, j + 1) for i, j in pairs]
        lede += [(i, i + 1, k_end, k_end) for i in range(e_end) if i not in linked_en]
        lede += [(e_end, e_end, j, j + 1) for j in range(k_end) if j not in linked_ko]
        lede.sort(key=lambda b: (b[0] if b[0] < b[1] else b[0] - 0.5, b[2]))
        return lede, crossing

    def _worse_than_chain(self, chain: list[tuple[int, int, int, int]], crossing: set[tuple[int, int]],
                          weight: list[list[float]]) -> bool:
        """True when a crossing link is weaker than the chain's 1-1 link of its English or of
        its Korean sentence: a reworked lede moves a sentence to a better partner; two
        sentences that merely share a name ("the G-8") trade a good partner for a worse one.
        (A merged bead of the chain scores several sentences at once: no yardstick for one.)"""
        held: dict[tuple[str, int], float] = {}
        for i0, i1, j0, j1 in chain:
            if i1 - i0 == 1 and j1 - j0 == 1:
                held[("en", i0)] = held[("ko", j0)] = self.bead_score(i0, i1, j0, j1)
        return any(weight[i][j] < max(held.get(("en", i), 0.0), held.get(("ko", j), 0.0)) for i, j in crossing)

    def run(self, band: int = 3) -> list[Bead]:
        """The aligned beads of the article, each with its calibrated confidence."""
        return self.certify(self.path(band))

    def certify(self, path: list[tuple[int, int, int, int]]) -> list[Bead]:
        """Beads with `cert` = estimated probability of being right (confidence.py)."""
        out = []
        for (i0, i1, j0, j1), (kind, features) in zip(path, self.features(path)):
            cert = bead_cert(kind, features)
            out.append(Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), cert))
        return out

    def features(self, path: list[tuple[int, int, int, int]]) -> list[tuple[str, dict[str, float]]]:
        """("link" or "null", confidence features) of every bead of `path`, in order."""
        context = article_context(self, path)
        out = []
        for t, bead in enumerate(path):
            if bead[0] < bead[1] and bead[2] < bead[3]:
                out.append(("link", link_features(self, bead, context)))
            else:
                out.append(("null", null_features(self, path, t, context)))
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

    def _lone_pairs(self, path: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Pair the one English and the one Korean sentence of a gap that share no evidence
        but fit each other's length (`Params.lone`): between two anchors of a translation
        (links scoring `Params.lone_beside`, or an anchor and the article's edge), the sentence facing
        a sentence is its translation ("Hello everyone." / "여러분 안녕하십니까."). Anchors keep
        it out of unrelated articles, whose few links are weak."""
        if self.p.lone is None:
            return path
        out = list(path)
        k = 0
        while k + 1 < len(out):
            a, b = out[k], out[k + 1]
            if _english_only(a) and _korean_only(b):
                i, j = a[0], b[2]
            elif _english_only(b) and _korean_only(a):
                i, j = b[0], a[2]
            else:
                k += 1
                continue
            beside = out[max(0, k - 1) : k] + out[k + 2 : k + 3]
            # a pair with evidence was the rescue's to take: its anchors are not scored
            if (not self.has[i][j] and not self.kf[j].sign_in and beside and not self._unreported(i, j)
                    and all(c[0] < c[1] and c[2] < c[3] and self.bead_score(*c) >= self.p.lone_beside for c in beside)
                    and self.length_fit(i, i + 1, j, j + 1) >= self.p.lone):
                out[k : k + 2] = [(i, i + 1, j, j + 1)]
            k += 1
        return out

    def _join_covered(self, path: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Join to a link the English sentence left unaligned beside it whose words the link's
        Korean already says for the most part (`Params.join_cover` of its idf-weighted content)
        and which states no number that Korean lacks: the second half of a split that the score
        refused because it adds no word the first half lacks (a translator restating the Korean
        in two sentences), not an addition (a sentence with a figure of its own is a fact of its own)."""
        if self.p.join_cover is None:
            return path

        def most_covered(out: list[tuple[int, int, int, int]], t: int):
            i0, i1, j0, j1 = out[t]
            if not (i0 < i1 and j0 < j1):
                return None
            best = None
            korean_numbers = set().union(*(self.kf[j].numbers for j in range(j0, j1)))
            for u in (t - 1, t + 1):
                if 0 <= u < len(out) and _english_only(out[u]) and out[u][0] in (i0 - 1, i1) \
                        and (i1 - i0) + (j1 - j0) < MAX_BEAD \
                        and not self.ef[out[u][0]].numbers - korean_numbers:
                    cover = self.shares(out[u][0], out[u][1], j0, j1)[1]
                    if (cover >= self.p.join_cover or self._explains_rest(out[u][0], out[t], cover)) \
                            and (best is None or cover > best[0]):
                        best = (cover, u)
            if best is None:
                return None
            u = best[1]
            return u, (min(i0, out[u][0]), max(i1, out[u][1]), j0, j1)
        return grown_links(path, most_covered)

    def _explains_rest(self, i: int, link: tuple[int, int, int, int], cover: float) -> bool:
        """Whether English sentence `i`, right after `link`, is the rest of the link's Korean: it
        says a word of that Korean which the link's English leaves unsaid, the link's Korean
        says `Params.join_explains` of it, and the joined bead fits the lengths about as well.
        A translator splitting a long Korean sentence puts the news first and the rest (a
        quote's second half, a detail, a consequence) in a sentence of its own, whose few
        words the search found too little to pay for a split; an addition beside the link
        says nothing of its Korean that the link leaves unsaid."""
        theta = self.p.join_explains
        if theta is None or cover < theta:
            return False
        i0, i1, j0, j1 = link
        if i != i1:  # the rest follows: the link holds the split's first sentence, which carries the news
            return False
        if not any(self.ko_mask[i][j] & ~self._or(self.ko_mask, range(i0, i1), j, True) for j in range(j0, j1)):
            return False
        return self.length_fit(i0, i + 1, j0, j1) - self.length_fit(i0, i1, j0, j1) >= self.p.join_fit

    def _dated_background(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """Whether the bead's English names a year (1900-2100) while its Korean states no number at
        all: a writer's background ("passed a law on it in 2013", "estimated in 2023 that ...")
        facing a Korean sentence the English left out. The rescue pairs such gap sentences on a
        word or two in common; a year the Korean report never gives marks the English as a fact of
        its own (as a number does for `_join_covered`). Other numbers are not read so: noisier on
        the news lines, whose Korean often spells them in words."""
        if any(self.kf[j].numbers for j in range(j0, j1)):
            return False
        return any(is_year(v) for i in range(i0, i1) for v in self.ef[i].numbers)

    def _unreported(self, i: int, j: int) -> bool:
        """Whether Korean sentence `j` quotes someone and English sentence `i` reports no one's
        words (speech.py, `Params.lone_speech`): a translator keeps a quote's attribution, while a
        rewrite's background sentence (a law, a UN figure) faces the source's untranslated quote
        between the same anchors. A pair on order and length alone is refused then."""
        return self.p.lone_speech and self.kf[j].reports and not self.ef[i].reports

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
                        if self.p.rescue_years and self._dated_background(i0, i1, j0, j1):
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
    paragraphs = ([s.paragraph for s in en], [s.paragraph for s in ko])
    return Alignment(Aligner(ef, kf, params, lazy=len(ef) * len(kf) > FULL_GRID, paragraphs=paragraphs).run())
