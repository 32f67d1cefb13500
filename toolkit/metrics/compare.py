"""Compare two English versions of one article (a draft and the published text, two translations).

Both are read and segmented like any article, their sentences aligned monotonically by
dynamic programming on chrF similarity (1-1, 2-1, 1-2, and sentences present in one
version only; exact for articles of ordinary length, anchored and banded for long ones so
that time grows with n, not n*m), and the aligned pairs scored with sacrebleu: corpus BLEU, chrF++
(word_order=2) and TER, each with its signature, plus the chrF of every pair so that
an editor sees where the versions differ most. A is the reference, B the hypothesis;
a sentence of one version only is scored against an empty string.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

MATCH_COST = 0.3  # a pair must be more than 30% similar (chrF) to beat leaving both unpaired


@dataclass
class Pair:
    a: str
    b: str
    chrf: float
    a_ids: list[str] = field(default_factory=list)
    b_ids: list[str] = field(default_factory=list)


@dataclass
class Score:
    score: float
    signature: str


@dataclass
class Comparison:
    a: str
    b: str
    bleu: Score
    chrf: Score
    ter: Score
    pairs: list[Pair]

    def most_different(self, n: int = 10) -> list[Pair]:
        """The pairs with the lowest chrF (ties in document order), changed pairs only."""
        changed = [p for p in self.pairs if p.a != p.b]
        return sorted(changed, key=lambda p: p.chrf)[:n]

    def as_dict(self, n: int | None = None) -> dict:
        data = asdict(self)
        data["pairs"] = [asdict(p) for p in (self.pairs if n is None else self.most_different(n))]
        return data


@lru_cache(maxsize=4096)
def _char_grams(text: str, order: int = 6) -> tuple[Counter, ...]:
    chars = "".join(text.split())
    return tuple(Counter(chars[i:i + n] for i in range(len(chars) - n + 1)) for n in range(1, order + 1))


def similarity(a: str, b: str) -> float:
    """chrF (character 1-6-grams, beta 2) in [0, 1], computed directly: the DP calls it n*m times."""
    if a == b:
        return 1.0
    precision = recall = 0.0
    orders = 0
    for ga, gb in zip(_char_grams(a), _char_grams(b)):
        total_a, total_b = sum(ga.values()), sum(gb.values())
        if not total_a or not total_b:
            continue
        common = sum((ga & gb).values())
        precision += common / total_b
        recall += common / total_a
        orders += 1
    if not orders or not (precision or recall):
        return 0.0
    precision, recall = precision / orders, recall / orders
    return 5 * precision * recall / (4 * precision + recall)


FULL_DP_CELLS = 10_000  # n*m up to this (100 x 100 sentences): the exact DP over every cell
BAND = 12  # beyond it, sentences either side of the diagonal a gap between anchors may stray


def align_versions(a: list[str], b: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Monotonic alignment of two sentence lists: beads of (indices in a, indices in b).

    Articles of ordinary length get the exact DP over all n*m cells. Longer ones would take
    minutes (a similarity per cell and move), so their sentences found once, identical, in
    both versions are fixed first as anchors (the longest monotonic chain of them); the gaps
    between anchors get the exact DP when small and a DP in a band around their diagonal
    otherwise. Time and memory then grow with n, not n*m.
    """
    n, m = len(a), len(b)
    if n * m <= FULL_DP_CELLS:
        return _dp(a, b)
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i0 = j0 = 0
    for i, j in _anchors(a, b) + [(n, m)]:
        gap = _dp(a[i0:i], b[j0:j], band=None if (i - i0) * (j - j0) <= FULL_DP_CELLS else BAND)
        beads.extend((tuple(x + i0 for x in ai), tuple(y + j0 for y in bj)) for ai, bj in gap)
        if i < n:
            beads.append(((i,), (j,)))
        i0, j0 = i + 1, j + 1
    return beads


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """(i, j) of sentences that occur exactly once in each version, identical: the longest
    chain of them increasing in both (patience sorting, as in patience diff)."""
    count_a, count_b = Counter(a), Counter(b)
    in_b = {text: j for j, text in enumerate(b) if count_b[text] == 1}
    pairs = [(i, in_b[text]) for i, text in enumerate(a) if count_a[text] == 1 and text in in_b]
    tails: list[int] = []  # tails[k]: index in `pairs` ending the best chain of length k + 1
    previous: list[int | None] = [None] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j, key=lambda t: pairs[t][1])
        previous[index] = tails[k - 1] if k else None
        if k == len(tails):
            tails.append(index)
        else:
            tails[k] = index
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else None
    while at is not None:
        chain.append(pairs[at])
        at = previous[at]
    return chain[::-1]


def _dp(a: list[str], b: list[str], band: int | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The DP over all cells (band None), or over the cells within `band` sentences (plus the
    slope of the diagonal, so that the path can always follow it) of the diagonal."""
    sim = similarity
    n, m = len(a), len(b)
    neg = float("-inf")
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    width = None if band is None else band + math.ceil(m / n if n else m)
    moves = ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2))
    for i in range(n + 1):
        if width is None:
            columns = range(m + 1)
        else:
            centre = i * m / n if n else 0
            columns = range(max(0, math.floor(centre) - width), min(m, math.ceil(centre) + width) + 1)
        for j in columns:
            here = best.get((i, j), neg)
            if here == neg:
                continue
            for di, dj in moves:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di and dj:
                    gain = sim(" ".join(a[i:ni]), " ".join(b[j:nj])) - MATCH_COST
                    gain -= 0.01 * (di + dj - 2)  # prefer 1-1 when a merge is no better
                else:
                    gain = 0.0
                if here + gain > best.get((ni, nj), neg):
                    best[(ni, nj)] = here + gain
                    back[(ni, nj)] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[(i, j)]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def compare_texts(a: list[str], b: list[str], a_ids: list[str] | None = None,
                  b_ids: list[str] | None = None, a_name: str = "A", b_name: str = "B") -> Comparison:
    """Score sentence lists B against A (the reference)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    a_ids = a_ids or [f"s{i + 1}" for i in range(len(a))]
    b_ids = b_ids or [f"s{i + 1}" for i in range(len(b))]
    sentence_chrf = CHRF(word_order=2)
    pairs = []
    for ai, bi in align_versions(a, b):
        ref, hyp = " ".join(a[i] for i in ai), " ".join(b[j] for j in bi)
        score = 100.0 if ref == hyp else sentence_chrf.sentence_score(hyp, [ref]).score
        pairs.append(Pair(ref, hyp, score, [a_ids[i] for i in ai], [b_ids[j] for j in bi]))
    refs, hyps = [p.a for p in pairs], [p.b for p in pairs]
    scores = {}
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF(word_order=2)), ("ter", TER())):
        result = metric.corpus_score(hyps, [refs])
        scores[name] = Score(round(result.score, 4), str(metric.get_signature()))
    return Comparison(a_name, b_name, scores["bleu"], scores["chrf"], scores["ter"], pairs)


def read_version(path: Path) -> tuple[list[str], list[str]]:
    """The body sentences of one version (texts, ids); InputError when there are none."""
    from toolkit.errors import InputError
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    sentences = segment_article(read_article(path)).sentences
    if not sentences:
        raise InputError(str(path), "no body sentences to compare")
    return [s.text for s in sentences], [s.id for s in sentences]


def compare_files(a: Path, b: Path) -> Comparison:
    """Read, segment and compare two English versions of an article."""
    (a_text, a_ids), (b_text, b_ids) = read_version(a), read_version(b)
    return compare_texts(a_text, b_text, a_ids, b_ids, str(a), str(b))
