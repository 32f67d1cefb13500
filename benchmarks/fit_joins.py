"""Fit the refused-split model of toolkit/align/joins.py (JOIN_WEIGHTS) on tuning material.

Material: the koen-news-park dev split (pseudo-articles of align_quality.py; a sentence belongs
to a link when its line is the gold partner of a line of the link's other side) and any
`--pairs DIR` of hand-aligned pairs (weight `--pair-weight`; a sentence belongs to a link when
its gold bead holds one of the link's sentences). The candidates are the unaligned sentences
beside a link in the aligner's path without the model (`Params(join_split=None)`).
Logistic regression by Newton's method (benchmarks/calibrate.py), L2 penalty `--l2`.
Prints the weights as Python, to paste into joins.py; with `--leave-one-out`, the strict bead
F1 of every `--pairs` set when each pair is aligned by a fit on all the other material.

    .venv/bin/python benchmarks/fit_joins.py --pairs DIR --pairs DIR2 --l2 3 --leave-one-out
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from align_quality import Score, find_pairs, make_articles, read_gold  # noqa: E402
from calibrate import aligner_of, fit  # noqa: E402

from toolkit.align import Params, load_lexicon  # noqa: E402
from toolkit.align.joins import join_candidates, join_features, join_splits  # noqa: E402

WITHOUT = Params(join_split=None)


class Article:
    """One article's aligner, its path without the model and a labeller of candidates."""

    def __init__(self, name: str, en, ko, analyses: dict, same_bead, lexicon) -> None:
        self.name, self.same_bead = name, same_bead
        self.aligner = aligner_of(en, ko, lexicon, analyses, WITHOUT)
        self.path = self.aligner.path()

    def rows(self) -> list[tuple[dict[str, float], bool]]:
        out = []
        for t, link in enumerate(self.path):
            if link[0] < link[1] and link[2] < link[3]:
                for _, k, english in join_candidates(self.aligner, self.path, t):
                    out.append((join_features(self.aligner, self.path, link, k, english),
                                self.same_bead(link, k, english)))
        return out


def pseudo_articles(lexicon) -> list[Article]:
    out = []
    for n, art in enumerate(make_articles("dev")):
        partner = {next(iter(e)): next(iter(k)) for e, k in art.gold if e and k}
        en_line = [next(iter(x)) for x in art.en_line]
        ko_line = [next(iter(x)) for x in art.ko_line]

        def same(link, k, english, en_line=en_line, ko_line=ko_line, partner=partner) -> bool:
            i0, i1, j0, j1 = link
            if english:
                return partner.get(en_line[k], -1) in {ko_line[j] for j in range(j0, j1)}
            return any(partner.get(en_line[i]) == ko_line[k] for i in range(i0, i1))

        out.append(Article(f"dev{n}", art.en, art.ko, art.ko_analyses, same, lexicon))
    return out


def pair_articles(root: Path, lexicon) -> list[tuple[Article, set]]:
    """Hand-aligned pairs as articles, each with its gold as index beads."""
    from toolkit.ingest import read_article
    from toolkit.segment import article_analyses, segment_article

    out = []
    for name, en_path, ko_path, gold_path in find_pairs(root):
        en = segment_article(read_article(en_path)).sentences
        ko_article = segment_article(read_article(ko_path))
        ko = ko_article.sentences
        e_at = {s.id: i for i, s in enumerate(en)}
        k_at = {s.id: j for j, s in enumerate(ko)}
        gold = {(frozenset(e_at[x] for x in e), frozenset(k_at[x] for x in k)) for e, k in read_gold(gold_path)}
        bead_of = {("en", i): g for g in gold for i in g[0]} | {("ko", j): g for g in gold for j in g[1]}

        def same(link, k, english, bead_of=bead_of) -> bool:
            i0, i1, j0, j1 = link
            g = bead_of.get(("en" if english else "ko", k))
            return g is not None and bool(g[1] & set(range(j0, j1)) if english else g[0] & set(range(i0, i1)))

        out.append((Article(name, en, ko, article_analyses(ko_article), same, lexicon), gold))
    return out


def _weights_lines(weights: dict[str, float]) -> str:
    items = [f"{k!r}: {v}" for k, v in weights.items()]
    lines, line = [], "    "
    for item in items:
        if len(line) + len(item) + 2 > 110:
            lines.append(line.rstrip())
            line = "    "
        line += item + ", "
    lines.append(line.rstrip())
    return "JOIN_WEIGHTS: dict[str, float] = {\n" + "\n".join(lines) + "\n}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, action="append", default=[], help="hand-aligned pairs (tuning material)")
    ap.add_argument("--pair-weight", type=float, default=3.0, help="sample weight of a pair's candidates")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--leave-one-out", action="store_true", help="F1 of each --pairs set, each pair by a fit without it")
    args = ap.parse_args()
    lexicon = load_lexicon()
    dev = [(f, right, 1.0) for a in pseudo_articles(lexicon) for f, right in a.rows()]
    sets = [(root, pair_articles(root, lexicon)) for root in args.pairs]
    pair_rows = {id(a): [(f, right, args.pair_weight) for f, right in a.rows()] for _, arts in sets for a, _ in arts}
    weights = fit(dev + [r for rows in pair_rows.values() for r in rows], args.l2)
    print(_weights_lines(weights))
    if not args.leave_one_out:
        return
    threshold, korean_threshold = Params().join_split, Params().join_split_ko
    for root, arts in sets:
        before, after = Score(), Score()
        for article, gold in arts:
            rows = dev + [r for key, rs in pair_rows.items() if key != id(article) for r in rs]
            joined = join_splits(article.aligner, article.path, threshold, fit(rows, args.l2), korean_threshold)
            for score, path in ((before, article.path), (after, joined)):
                score.add({(frozenset(range(a, b)), frozenset(range(c, d))) for a, b, c, d in path}, gold)
        print(f"[{root}] {len(arts)} pairs, left out: F1 without the model {before.f1:.3f}, with {after.f1:.3f}")


if __name__ == "__main__":
    main()
