"""Anchors and the search band for long articles: near-linear alignment without the n x m grid.

An ordinary article is searched over its whole grid. A long one (a transcript, a report
of thousands of lines) would cost n x m pair evidence and memory, so the search is kept
in a band: sentence pairs that share a rare key (a number, a name or Latin token, a
lexicon word found in at most `RARE` sentences of each side) are candidate anchors; the
heaviest chain of anchors increasing on both sides (a weighted longest increasing
subsequence) fixes points the path must pass near; between two anchors the band follows
their diagonal, widened by how much the two stretches differ in length (an added block
of background pushes the path that far off the diagonal). Finding the anchors reads each
key's postings once: time and memory grow with n + m, not n x m.
"""

from __future__ import annotations

import bisect

from toolkit.align.scoring import EnFeatures, KoFeatures

__all__ = ["anchor_chain", "band"]

RARE = 3            # a key counts when it occurs in at most this many sentences of each side
MIN_WEIGHT = 1.0    # an anchor needs this much rare evidence (one key in one sentence each = 1)
MARGIN = 12         # band half-width around the diagonal between two anchors
SMALL_RECT = 2_500  # between anchors this close, the whole rectangle is searched
MAX_CELLS = 1_000_000  # a band over this many cells is narrowed (about 400 MB and 10 s of search)


def _postings(keys: list[set]) -> dict:
    index: dict = {}
    for pos, ks in enumerate(keys):
        for k in ks:
            index.setdefault(k, []).append(pos)
    return index


def _english_keys(e: EnFeatures) -> set:
    return {("n", v) for v in e.numbers} | {("s", s) for s in e.stems}


def anchor_chain(ef: list[EnFeatures], kf: list[KoFeatures], names) -> list[tuple[int, int]]:
    """Anchor pairs (i, j), increasing in both i and j: the heaviest chain of sentence pairs
    that share rare keys (numbers; names, Latin tokens and lexicon words of the Korean
    sentence met by the English stems)."""
    en_index = _postings([_english_keys(e) for e in ef])
    weight: dict[tuple[int, int], float] = {}

    def credit(i_list: list[int], j: int, share: float) -> None:
        for i in i_list:
            weight[(i, j)] = weight.get((i, j), 0.0) + share

    ko_df: dict = {}
    for k in kf:
        for key in {("n", v) for v in k.numbers} | {("u", u.lemma) for u in k.units}:
            ko_df[key] = ko_df.get(key, 0) + 1
    for j, k in enumerate(kf):
        for value in k.numbers:
            hits = en_index.get(("n", value), [])
            if ko_df[("n", value)] <= RARE and 0 < len(hits) <= RARE:
                credit(hits, j, 1.0 / len(hits))
        for unit in k.units:
            if ko_df[("u", unit.lemma)] > RARE:
                continue
            phrases = unit.phrases | names.get(unit.lemma, frozenset()) if unit.kind != "word" else unit.phrases
            found: set[int] = set()
            for phrase in phrases:
                lists = [en_index.get(("s", s), []) for s in phrase]
                if not lists or any(len(lst) > RARE for lst in lists):
                    continue
                common = set(lists[0]).intersection(*lists[1:])
                found |= common
            if 0 < len(found) <= RARE:
                credit(sorted(found), j, 1.0 / len(found))
    cells = sorted((i, j, w) for (i, j), w in weight.items() if w >= MIN_WEIGHT)
    return _heaviest_chain(cells)


def _heaviest_chain(cells: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Weighted longest chain strictly increasing in i and j (cells sorted by i, then j):
    a Fenwick tree over j keeps the best chain ending below each column."""
    if not cells:
        return []
    cols = sorted({j for _, j, _ in cells})
    size = len(cols)
    tree = [(0.0, -1)] * (size + 1)  # (best total, index of its last cell)

    def query(pos: int) -> tuple[float, int]:  # best over columns [0, pos)
        best = (0.0, -1)
        while pos > 0:
            if tree[pos][0] > best[0]:
                best = tree[pos]
            pos -= pos & -pos
        return best

    def update(pos: int, value: tuple[float, int]) -> None:
        pos += 1
        while pos <= size:
            if value[0] > tree[pos][0]:
                tree[pos] = value
            pos += pos & -pos

    total = [0.0] * len(cells)
    back = [-1] * len(cells)
    start = 0
    while start < len(cells):  # cells of one row must not chain with each other
        end = start
        while end < len(cells) and cells[end][0] == cells[start][0]:
            end += 1
        for t in range(start, end):
            best, prev = query(bisect.bisect_left(cols, cells[t][1]))
            total[t], back[t] = best + cells[t][2], prev
        for t in range(start, end):
            update(bisect.bisect_left(cols, cells[t][1]), (total[t], t))
        start = end
    t = max(range(len(cells)), key=lambda x: (total[x], -x))
    chain = []
    while t >= 0:
        chain.append((cells[t][0], cells[t][1]))
        t = back[t]
    return chain[::-1]


def band(n: int, m: int, anchors: list[tuple[int, int]], max_cells: int | None = None
         ) -> tuple[list[int], list[int]]:
    """Inclusive column range [lo[i], hi[i]] for every row i in 0..n of the search grid.

    Between consecutive anchors (and the corners) the band follows the diagonal, MARGIN
    wide plus the difference of the two stretches' lengths; a small rectangle between
    anchors is searched whole. Consecutive rows overlap, so a path from (0, 0) to (n, m)
    always exists. Over `max_cells` (MAX_CELLS) cells, the widening is capped at the most
    that fits: without anchors, 2,000 English sentences against 16,000 Korean searched the
    whole grid, about 370 bytes a cell (over 10 GB, killed after 900 s)."""
    points = [(0, 0)] + [(i, j) for i, j in anchors] + [(n, m)]
    limit = MAX_CELLS if max_cells is None else max_cells
    lo, hi = _band(n, m, points, None)
    if _cells(lo, hi) <= limit:
        return lo, hi
    low, high = 0, max(abs((i1 - i0) - (j1 - j0)) for (i0, j0), (i1, j1) in zip(points, points[1:]))
    while low < high:  # the cells grow with the cap: the largest cap that fits
        mid = (low + high + 1) // 2
        if _cells(*_band(n, m, points, mid)) <= limit:
            low = mid
        else:
            high = mid - 1
    return _band(n, m, points, low)


def _cells(lo: list[int], hi: list[int]) -> int:
    return sum(b - a + 1 for a, b in zip(lo, hi))


def _band(n: int, m: int, points: list[tuple[int, int]], cap: int | None) -> tuple[list[int], list[int]]:
    """`band` with the widening of each stretch at most `cap` (None: not capped)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:]):
        di, dj = i1 - i0, j1 - j0
        whole = (di + 1) * (dj + 1) <= SMALL_RECT
        width = MARGIN + (abs(di - dj) if cap is None else min(abs(di - dj), cap))
        for i in range(i0, i1 + 1):
            if whole:
                a, b = j0, j1
            else:
                centre = j0 + (dj * (i - i0)) // max(di, 1)
                a, b = max(j0 - MARGIN, centre - width), min(j1 + MARGIN, centre + width)
            lo[i], hi[i] = min(lo[i], max(0, a)), max(hi[i], min(m, b))
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # rows must overlap for the null moves to connect them
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
        if hi[i] < lo[i - 1]:
            hi[i] = lo[i - 1]
    return lo, hi
