"""Compare two English versions of one article (a draft and the published text, two translations).

Both are read and segmented like any article, their sentences aligned monotonically by
dynamic programming on chrF similarity (1-1, 2-1, 1-2, and sentences present in one
version only), and the aligned pairs scored with sacrebleu: corpus BLEU, chrF++
(word_order=2) and TER, each with its signature, plus the chrF of every pair so that
an editor sees where the versions differ most. A is the reference, B the hypothesis;
a sentence of one version only is scored against an empty string.
"""

from __future__ import annotations

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


def align_versions(a: list[str], b: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Monotonic alignment of two sentence lists: beads of (indices in a, indices in b)."""
    sim = similarity
    n, m = len(a), len(b)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == neg:
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
                if best[i][j] + gain > best[ni][nj]:
                    best[ni][nj] = best[i][j] + gain
                    back[ni][nj] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
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


def compare_files(a: Path, b: Path) -> Comparison:
    """Read, segment and compare two English versions of an article."""
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    from toolkit.errors import InputError

    versions = []
    for path in (a, b):
        sentences = segment_article(read_article(path)).sentences
        if not sentences:
            raise InputError(str(path), "no body sentences to compare")
        versions.append(([s.text for s in sentences], [s.id for s in sentences]))
    (a_text, a_ids), (b_text, b_ids) = versions
    return compare_texts(a_text, b_text, a_ids, b_ids, str(a), str(b))
