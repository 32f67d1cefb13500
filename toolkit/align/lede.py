"""A lede taken out of order, with merged beads around it: one Korean sentence moved.

Writers of a rewrite open with the news, which the Korean may give third or seventh, and
translators swap a lede's second and third sentences. The one-to-one lede search of dp.py
(`Aligner._reorder_lede`) cannot see such a crossing when a split or a merge sits in the
same sentences, nor when the moved sentence lies beyond the first few. Here the chain's
first beads are searched again, with every bead type, over the Korean order in which one
sentence is moved to face the English sentence it translates; the new beads replace the
chain's when they score more by `Params.reorder_moved`. Only pairs that already have
evidence of their own (`Params.reorder_link`) propose a move, so most articles run no
extra search at all.
"""

from __future__ import annotations

from typing import Iterator

from toolkit.align.beads import BeadScorer

Bead = tuple[int, int, int, int]

LEDE = 4  # English sentences counted as the lede: a move is proposed only by one of these
REACH = 3  # the chain's beads after the smallest prefix holding a move that are searched again too
# Sentences on either side above which no move is tried: a news lede's reordering is a news article's
# matter, and on a text of thousands of sentences that repeats the lede's names each candidate's search
# costs seconds (8 English against 2,000 Korean sentences: 20 s, against 4 s for the rest of the alignment).
MAX_SENTENCES = 300


def _is_link(b: Bead) -> bool:
    """A bead with sentences on both sides (not a null bead)."""
    return b[0] < b[1] and b[2] < b[3]


def _cuts(path: list[Bead]) -> Iterator[tuple[int, int, int]]:
    """(u, E, K) for each prefix path[:u] of a monotone chain that holds exactly English [0, E)
    and Korean [0, K)."""
    e = k = 0
    for u, (i0, i1, j0, j1) in enumerate(path, 1):
        if i0 < e or (j1 > j0 and j0 < k):
            return  # the chain already crosses here (an earlier reordering): stop
        e, k = max(e, i1), max(k, j1)
        yield u, e, k


def _view(scorer: BeadScorer, rows: int, perm: list[int]) -> BeadScorer:
    """The scorer seen through the Korean order `perm`, over its first `rows` English sentences:
    an object of the scorer's own class, so that dp.py's chain search runs on it unchanged. A
    bead is scored as the span of the article it stands for (from the scorer's own cache,
    mostly); one holding the moved sentence and a sentence it passed is no span in order: refused."""
    view = object.__new__(type(scorer))
    view.ef, view.kf, view._cache = scorer.ef[:rows], [scorer.kf[j] for j in perm], {}

    def bead_score(i0: int, i1: int, j0: int, j1: int) -> float:
        lo = perm[j0]
        if any(perm[j] != lo + j - j0 for j in range(j0 + 1, j1)):
            return -1e9
        return scorer.bead_score(i0, i1, lo, lo + j1 - j0)

    view.bead_score = bead_score
    return view


def _back(beads: list[Bead], perm: list[int]) -> list[Bead] | None:
    """The view's beads in the article's Korean numbering; None when a bead's Korean sentences
    are not next to each other there (a bead must be a span on both sides)."""
    out = []
    placed = set(perm)
    after = next(k for k in range(len(perm) + 1) if k not in placed)  # the first Korean sentence the view leaves out
    for i0, i1, j0, j1 in beads:
        if j0 == j1:  # an English sentence alone: placed before the Korean sentences still to come
            # (after a far move the view ends at `after`, not past the moved sentence)
            at = min(perm[j0:] + [after])
            out.append((i0, i1, at, at))
            continue
        ko = sorted(perm[j] for j in range(j0, j1))
        if ko[-1] - ko[0] != len(ko) - 1:
            return None
        out.append((i0, i1, ko[0], ko[-1] + 1))
    return out


def moved_lede(scorer: BeadScorer, moves, path: list[Bead]) -> list[Bead]:
    """`path` (a monotone chain) with its first beads searched again over a Korean order in which
    one sentence is moved (see the module docstring); `moves` are the bead shapes of dp.py."""
    margin = scorer.p.reorder_moved
    if margin is None or scorer.lazy or not path or max(len(scorer.ef), len(scorer.kf)) > MAX_SENTENCES:
        return path
    cuts = list(_cuts(path))
    if not cuts:
        return path
    ko_null = {b[2] for b in path if b[0] == b[1] and b[3] > b[2]}
    partner = {}  # English sentence -> the Korean sentences of its link
    for b in path:
        if _is_link(b):
            for i in range(b[0], b[1]):
                partner[i] = range(b[2], b[3])
    lede_ko = next((k for _, e, k in cuts if e > LEDE), cuts[-1][2])  # the Korean the lede's beads hold
    best: tuple[float, list[Bead], int | None, int] | None = None
    m = len(scorer.kf)
    for i in range(min(LEDE, len(scorer.ef))):
        before = [j for x in range(i) for j in partner.get(x, ())]
        q = max(before) + 1 if before else 0  # where the English order wants i's Korean sentence
        for j in range(m):
            if j == q or not scorer.has[i][j]:
                continue
            # a move from beyond the lede pairs two sentences far apart: a crossing link of dp.py's
            # `_cross` (anchor evidence), where one within it needs only `reorder_link`
            near = j < lede_ko
            if not near and (j not in ko_null or i not in partner or scorer.p.cross is None):
                # a sentence beyond the lede that the chain links elsewhere stays there; one facing an
                # unaligned English sentence is dp.py's `_cross`'s, with the block that follows it
                continue
            if scorer.bead_score(i, i + 1, j, j + 1) < (scorer.p.reorder_link if near else scorer.p.cross):
                continue
            if j in partner.get(i, ()) and len(partner[i]) == 1:
                continue  # already its 1-1 link
            got = _try(scorer, moves, path, cuts, i, j, q, j in ko_null)
            if got is not None and (best is None or got[0] > best[0]):
                best = got
    if best is None or best[0] <= margin:
        return path
    _, lede, far, u = best
    rest = [b for b in path[u:] if not (far is not None and b[0] == b[1] and b[2] == far)]
    return lede + rest


def _try(scorer: BeadScorer, moves, path: list[Bead], cuts: list[tuple[int, int, int]], i: int, j: int,
         q: int, null: bool) -> tuple[float, list[Bead], int | None, int] | None:
    """(gain, new first beads, the far Korean null taken in or None, cut) of moving Korean `j` to
    place `q` for English `i`, over the smallest prefix of the chain holding the move and the
    next REACH - 1; None when none holds it or no crossing comes out."""
    # the first cut that holds the move, read no further: a candidate per Korean sentence of a long
    # original each reading every cut would make this step quadratic
    start = next((t for t, c in enumerate(cuts) if c[1] > i and c[2] >= q and (c[2] > j or null)), None)
    if start is None:
        return None
    top = None
    for u, e_end, k_end in cuts[start:start + REACH]:
        far = j if j >= k_end else None
        order = [x for x in range(k_end) if x != j]
        order.insert(min(q, len(order)), j)
        view = _view(scorer, e_end, order)
        beads = view._search(moves)
        lede = _back(beads, order)
        if lede is None:
            continue
        if not any(b[0] <= i < b[1] and b[2] <= j < b[3] for b in lede):
            continue  # the move was made for i and j: beads that do not pair them are no reason for it
        if not any(_crosses(a, b) for a in lede for b in lede if _is_link(a) and _is_link(b)):
            continue  # the same order after all: the chain search already weighed it
        new = sum(view.bead_score(*b) for b in beads if _is_link(b))
        old = sum(scorer.bead_score(*b) for b in path[:u] if _is_link(b))
        lede.sort(key=lambda b: (b[0] if b[1] > b[0] else b[0] - 0.5, b[2]))
        if top is None or new - old > top[0]:
            top = (new - old, lede, far, u)
    return top


def _crosses(a: Bead, b: Bead) -> bool:
    """Whether two beads run in opposite orders on the two sides."""
    return (a[0] - b[0]) * (a[2] - b[2]) < 0
