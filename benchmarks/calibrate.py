"""Calibration of bead confidence: fit the logistic weights of toolkit/align/confidence.py
on tuning material, then report reliability on held-out material.

Tuning material (fit): the koen-news-park dev split (pseudo-articles of align_quality.py;
a bead is right when the line-level bead it belongs to is a gold bead), the tuning half of
fixtures/rewrites and any `--tune DIR` of hand-aligned pairs (a bead is right when it is a
gold bead). Held-out material (report only): the test split, TED, the other rewrites, the
blind rewrites, the seed, and any `--heldout DIR`. Links and null beads are fitted
separately (logistic regression by Newton's method, L2 penalty `--l2` on all weights but
the bias). Prints the weights as Python, to paste into confidence.py, then per held-out
set a reliability table (10 bins of cert), the expected calibration error (ECE: mean
|accuracy - confidence| over the bins, weighted by bin size) and how often beads with
cert >= 0.95 are right.

    .venv/bin/python benchmarks/calibrate.py --tune ../realdata/tune --heldout ../realdata/heldout
    .venv/bin/python benchmarks/calibrate.py --report-only --heldout ../realdata/heldout   # current weights
    .venv/bin/python benchmarks/calibrate.py --tune A --tune B --leave-one-out   # A measured by a fit on B, and so on;
                                                  # each pair by a fit on all the others; both pooled
    .venv/bin/python benchmarks/calibrate.py --tune A --ted-share 3   # a third of TED in the fit, TED
                                                  # reported on the other two thirds
    .venv/bin/python benchmarks/calibrate.py --tune A --tune B --write   # the fit replaces the weights in
                                                  # confidence.py, this command in the comment above them

`make calibrate` scores the weights in confidence.py on the validation pair sets
(CALIBRATION_SETS), then measures a refit on them by leaving each set, each pair, news dev and
the TED share out; `make calibrate WRITE=1` also writes the refit into confidence.py. Each run
ends with a line of ECE per domain (sets named alike but for a trailing number are one domain:
pairs13, pairs14 -> pairs) and their mean: the report's over the sets in no fit, the refit's
over the sets left out (news dev and the TED share too; the unrelated pseudo-pairs made of dev
stay in). After a change to the aligner's bead scores the weights must be refitted (the
features they weigh have moved), and kept only if the left-out figures per domain beat the
first report's and news test, TED and the unrelated pairs' links do not get worse (the pair
check reads link certs: CONFIDENT_LINK). ECE pools links and nulls: over TED, links too low
and nulls too high in the same bins cancel (links 0.10, nulls 0.07, pooled 0.056 in round 22),
so read the per-kind lines too.
"""

from __future__ import annotations

import argparse
import math
import re
import shlex
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from align_quality import CORPORA, find_pairs, line_components, make_articles, read_gold, rewrite_pairs  # noqa: E402
from align_tune import TUNING_REWRITES  # noqa: E402

from toolkit.align import Params, load_lexicon  # noqa: E402
from toolkit.align.confidence import LINK_WEIGHTS, NOT_FITTED, NULL_WEIGHTS, bead_cert  # noqa: E402
from toolkit.align.dp import FULL_GRID, Aligner  # noqa: E402
from toolkit.align.scoring import en_features, ko_features  # noqa: E402
from toolkit.files import write_atomic  # noqa: E402
from toolkit.model import Bead  # noqa: E402
from toolkit.segment import provided_tokens  # noqa: E402

Row = tuple[str, dict[str, float], bool]  # (kind, features, right)
Scored = list[tuple[float, bool, str]]  # (cert, right, kind) of each bead
Weighted = tuple[dict[str, float], bool, float]  # (features, right, sample weight)


def aligner_of(en, ko, lexicon, analyses: dict | None = None, params: Params | None = None) -> Aligner:
    """`analyses`: each Korean sentence as Kiwi read it in its paragraph (as a build reads it);
    `params`: the aligner's (Params() when not given)."""
    ef = [en_features(s.text) for s in en]
    with provided_tokens(analyses or {}):
        kf = [ko_features(s.text, lexicon) for s in ko]
    return Aligner(ef, kf, params or Params(), lazy=len(ef) * len(kf) > FULL_GRID,
                   paragraphs=([s.paragraph for s in en], [s.paragraph for s in ko]))


def line_rows(split: str, lexicon, share: int = 0, fitted: bool = False) -> list[Row]:
    """Beads of a split's pseudo-articles, right when their line-level component is gold.
    `share` N > 0: only every Nth pseudo-article (`fitted`), or only the others (not `fitted`),
    so that a share of a held-out domain can join the fit and the rest still measure it."""
    rows: list[Row] = []
    for k, art in enumerate(make_articles(split)):
        if share and (k % share == 0) != fitted:
            continue
        aligner = aligner_of(art.en, art.ko, lexicon, art.ko_analyses)
        path = aligner.path()
        beads = [Bead(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, i1, j0, j1 in path]
        for (kind, feats), component in zip(aligner.features(path), line_components(art, beads)):
            rows.append((kind, feats, component in art.gold))
    return rows


def unrelated_rows(pairs, lexicon, articles=(), kinds=("link", "null"), tagged: bool = False) -> list:
    """Beads of pairs that are no translation: the English of one article with the Korean of
    another (hand-aligned pairs: the next one; pseudo-articles: seven runs on, another story).
    Every link there is wrong and every null right; without them the model never sees a
    link made on a beat's common words alone. The fit takes their links only: their nulls,
    trivially right, would teach the null model that few links make nulls safe, which is
    false for a poorly aligned true pair. `tagged`: each row comes with the two pairs it was
    made of (None for pseudo-articles), so that a fit leaving a pair out leaves these out too."""
    from toolkit.ingest import read_article
    from toolkit.segment import article_analyses, segment_article

    kos = [segment_article(read_article(k)) for _, _, k, _ in pairs]
    sides = [(segment_article(read_article(e)).sentences, ko.sentences, article_analyses(ko))
             for (_, e, _, _), ko in zip(pairs, kos)]
    sides += [(a.en, a.ko, a.ko_analyses) for a in articles]
    names = [p[1] for p in pairs] + [None] * len(articles)
    rows: list = []
    step = 1 if not articles else 7
    for t in range(len(sides)):
        u = (t + step) % len(sides)
        aligner = aligner_of(sides[t][0], sides[u][1], lexicon, sides[u][2])
        path = aligner.path()
        for kind, feats in aligner.features(path):
            if kind in kinds:
                row = (kind, feats, kind == "null")
                rows.append((row, {names[t], names[u]} - {None}) if tagged else row)
    return rows


def pair_rows(pairs, lexicon) -> list[Row]:
    """Beads of hand-aligned pairs, right when they are gold beads."""
    from toolkit.ingest import read_article
    from toolkit.segment import article_analyses, segment_article

    rows: list[Row] = []
    for _, en_path, ko_path, gold_path in pairs:
        en = segment_article(read_article(en_path)).sentences
        ko_article = segment_article(read_article(ko_path))
        ko = ko_article.sentences
        gold = read_gold(gold_path)
        aligner = aligner_of(en, ko, lexicon, article_analyses(ko_article))
        path = aligner.path()
        for (i0, i1, j0, j1), (kind, feats) in zip(path, aligner.features(path)):
            key = (frozenset(en[i].id for i in range(i0, i1)), frozenset(ko[j].id for j in range(j0, j1)))
            rows.append((kind, feats, key in gold))
    return rows


# ------------------------------------------------------------------ logistic regression
def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(rows: list[Weighted], l2: float) -> dict[str, float]:
    """L2-penalised, sample-weighted logistic regression by Newton's method (the bias is
    not penalised)."""
    names = sorted({k for feats, _, _ in rows for k in feats} - NOT_FITTED, key=lambda k: (k != "bias", k))
    xs = [[feats.get(k, 0.0) for k in names] for feats, _, _ in rows]
    ys = [1.0 if right else 0.0 for _, right, _ in rows]
    ws = [weight for _, _, weight in rows]
    w = [0.0] * len(names)
    for _ in range(50):
        grad = [0.0] * len(names)
        hess = [[0.0] * len(names) for _ in names]
        for x, y, sw in zip(xs, ys, ws):
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1.0 / (1.0 + math.exp(-z))
            for a in range(len(names)):
                grad[a] += sw * (p - y) * x[a]
                for b in range(a, len(names)):
                    hess[a][b] += sw * p * (1 - p) * x[a] * x[b]
        for a in range(len(names)):
            for b in range(a):
                hess[a][b] = hess[b][a]
            if names[a] != "bias":
                grad[a] += l2 * w[a]
                hess[a][a] += l2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return {k: round(v, 4) for k, v in zip(names, w)}


# ------------------------------------------------------------------ reliability
def reliability(pairs: list[tuple[float, bool]], bins: int = 10) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows (bin, count, mean cert, accuracy) and the expected calibration error."""
    table, ece, total = [], 0.0, len(pairs)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        table.append((f"{lo:.1f}-{hi:.1f}", len(inside), conf, acc))
        ece += len(inside) / total * abs(acc - conf)
    return table, ece


def certified(rows: list[Row], link_w: dict, null_w: dict) -> Scored:
    """Each row's cert under the weights (bead_cert: the aligner's ceilings too), with its truth."""
    return [(bead_cert(kind, feats, link_w, null_w), right, kind) for kind, feats, right in rows]


def report(name: str, rows: list[Row], link_w: dict, null_w: dict) -> Scored:
    """Print the reliability of `rows` under the weights; return their certs for pooling."""
    scored = certified(rows, link_w, null_w)
    report_scored(name, scored)
    return scored


def report_scored(name: str, scored: Scored) -> None:
    """Reliability of beads scored already: (cert, right, kind) each."""
    table, ece = reliability([(c, r) for c, r, _ in scored])
    high = [r for c, r, _ in scored if c >= 0.95]
    print(f"[{name}] {len(scored)} beads ({sum(k == 'link' for *_, k in scored)} links), ECE {ece:.3f}; "
          f"cert >= 0.95: {len(high)} beads, {sum(high) / len(high) if high else 0:.3f} right")
    for kind in ("link", "null"):
        part = [(c, r) for c, r, k in scored if k == kind]
        hi = [r for c, r in part if c >= 0.95]
        _, e = reliability(part)
        print(f"    {kind}s: {len(part)}, ECE {e:.3f}, cert >= 0.95: {len(hi)}, {sum(hi) / len(hi) if hi else 0:.3f} right")
    print("    | cert bin | beads | mean cert | right |")
    for label, count, conf, acc in table:
        print(f"    | {label} | {count} | {conf:.3f} | {acc:.3f} |")


def domain_of(name: str) -> str:
    """Sets whose folder names differ only by a trailing number are one domain (pairs13 and
    pairs14: real pairs; rewrites7: rewrites); "news dev" and "TED share" are domains of their own."""
    return re.sub(r"\d+$", "", Path(name).name) or name


def domain_errors(by_set: dict[str, Scored]) -> dict[str, tuple[int, float]]:
    """(beads, ECE) of each domain, its sets' left-out certs pooled. A design is chosen by the mean
    over domains, not over beads: pooled by bead, the news dev lines outweigh the real pairs three
    to one, and a refit that suits them can pass while it misjudges the pairs and TED."""
    pooled: dict[str, list[tuple[float, bool]]] = {}
    for name, scored in by_set.items():
        pooled.setdefault(domain_of(name), []).extend((c, r) for c, r, _ in scored)
    return {d: (len(rows), reliability(rows)[1]) for d, rows in sorted(pooled.items()) if rows}


def print_domains(by_set: dict[str, Scored], what: str = "each set left out of the fit") -> None:
    """One line: each domain's ECE and their mean, the figure a design is chosen by."""
    errors = domain_errors(by_set)
    if errors:
        parts = ", ".join(f"{d} {e:.3f} ({n} beads)" for d, (n, e) in errors.items())
        mean = sum(e for _, e in errors.values()) / len(errors)
        print(f"[domains, {what}] ECE {parts}; mean over domains {mean:.3f}")


# ------------------------------------------------------------------ writing the weights
CONFIDENCE = REPO / "toolkit" / "align" / "confidence.py"
# the generated block: the comment naming the command, then the two dicts (nothing else in between)
_BLOCK = re.compile(r"^# Fitted by `.*?^NULL_WEIGHTS: dict\[str, float\] = \{.*?^\}\n", re.S | re.M)


def _dict_lines(name: str, weights: dict[str, float]) -> list[str]:
    """`name: dict[str, float] = {...}` wrapped at 100 columns, bias first, as calibrate prints them."""
    items = [f"{k!r}: {v!r}," for k, v in weights.items()]
    lines, line = [], "   "
    for item in items:
        if len(line) + 1 + len(item) > 100:
            lines.append(line)
            line = "   "
        line += " " + item
    return [f"{name}: dict[str, float] = {{", *lines, line, "}"]


def weights_block(link: dict[str, float], null: dict[str, float], command: str, pair_weight: float) -> str:
    """The comment and the two dicts that replace the fitted block of confidence.py: the comment
    records the exact command, so that anyone can refit after the aligner changes."""
    comment = textwrap.wrap(
        f"Fitted by `{command}` (logistic regression; --write) on the tuning material: the koen-news-park dev "
        f"split, the tuning half of fixtures/rewrites and the --tune pairs (weight {pair_weight:g}), as the "
        "command says. With `--leave-one-out` the same fit measures each pair set and each pair without it "
        "(benchmarks/README.md). Feature meanings: see link_features / null_features.",
        width=100, initial_indent="# ", subsequent_indent="# ", break_long_words=False, break_on_hyphens=False)
    return "\n".join(comment + _dict_lines("LINK_WEIGHTS", link) + _dict_lines("NULL_WEIGHTS", null)) + "\n"


def write_weights(path: Path, link: dict[str, float], null: dict[str, float], command: str,
                  pair_weight: float) -> None:
    """Replace the fitted block of `path` (confidence.py) atomically; SystemExit naming the file
    when it has no such block (edited by hand into another shape)."""
    text = path.read_text(encoding="utf-8")
    if len(_BLOCK.findall(text)) != 1:
        sys.exit(f"error: {path}: no single block '# Fitted by ...' through NULL_WEIGHTS to replace")
    new = _BLOCK.sub(lambda _: weights_block(link, null, command, pair_weight), text)
    write_atomic(path, new.encode("utf-8"))


def _share(value: str) -> int:
    """`--ted-share N`: N >= 2, or 0 for none; with 1 (or less) every TED pseudo-article is fitted and
    TED is "measured" on none, which prints ECE 0.000 over 0 beads, a figure that reads as perfect."""
    n = int(value)
    if n != 0 and n < 2:
        raise argparse.ArgumentTypeError(f"N must be 2 or more (0: no share), not {n}")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, action="append", default=[], help="hand-aligned tuning pairs (fit)")
    ap.add_argument("--heldout", type=Path, action="append", default=[], help="hand-aligned held-out pairs (report)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--pair-weight", type=float, default=3.0, help="sample weight of hand-aligned tuning pairs")
    ap.add_argument("--unrelated-weight", type=float, default=0.5, help="sample weight of unrelated-pair links")
    ap.add_argument("--report-only", action="store_true", help="report the weights in confidence.py; fit nothing")
    ap.add_argument("--no-corpora", action="store_true", help="leave out the dev/test/TED splits")
    ap.add_argument("--ted-share", type=_share, default=0, metavar="N",
                    help="fit also on every Nth TED pseudo-article (weight 1) and report TED on the others only")
    ap.add_argument("--leave-one-out", action="store_true",
                    help="for each --tune DIR, then each pair of them, then news dev and the TED share, fit "
                         "without it and report on it; then the left-out figures pooled, by bead and by domain "
                         "(then fit on all as usual)")
    ap.add_argument("--write", nargs="?", type=Path, const=CONFIDENCE, default=None, metavar="FILE",
                    help="write the fitted weights, and this command, into confidence.py (or FILE)")
    args = ap.parse_args()
    if args.write and args.report_only:
        sys.exit("error: --write: nothing is fitted with --report-only")
    if not args.report_only:  # the last line scores the --heldout sets as in no fit: none may be fitted
        fitted = {p[1].resolve() for d in args.tune for p in find_pairs(d)}
        for d in args.heldout:
            if any(p[1].resolve() in fitted for p in find_pairs(d)):
                ap.error(f"--heldout {d}: holds pairs of a --tune set, which the fit sees")
    lexicon = load_lexicon()
    corpora = CORPORA.is_dir() and not args.no_corpora
    rewrites = rewrite_pairs()["rewrites"]
    tuning_rewrites = [p for p in rewrites if p[0] in TUNING_REWRITES or p[0].startswith("tr-")]
    heldout_rewrites = [p for p in rewrites if p not in tuning_rewrites]
    link_w, null_w = LINK_WEIGHTS, NULL_WEIGHTS
    if not args.report_only:
        corpus = {"news dev": line_rows("dev", lexicon) if corpora else []}
        if corpora and args.ted_share:
            corpus["TED share"] = line_rows("ted", lexicon, args.ted_share, fitted=True)
        dev_articles = make_articles("dev")[::3] if corpora else ()
        tuning = [(None, p) for p in tuning_rewrites] + [(d, p) for d in args.tune for p in find_pairs(d)]
        own = {p[1]: pair_rows([p], lexicon) for _, p in tuning}  # each pair's rows, by its en.txt
        unrelated = unrelated_rows([p for _, p in tuning], lexicon, dev_articles, kinds=("link",), tagged=True)

        def fit_on(left_out: set[Path], without: str | None = None) -> tuple[list[Row], dict, dict]:
            """Fit on the tuning material but the pairs whose en.txt is in `left_out` (and the
            corpus part named `without`)."""
            pairs = [row for _, p in tuning if p[1] not in left_out for row in own[p[1]]]
            foreign = [row for row, made_of in unrelated if not made_of & left_out]
            lines = [row for name, part in corpus.items() if name != without for row in part]
            parts = [(pairs, args.pair_weight), (lines, 1.0), (foreign, args.unrelated_weight)]
            weighted = [(kind, (f, r, weight)) for part, weight in parts for kind, f, r in part]
            return ([row for part, _ in parts for row in part], fit([x for k, x in weighted if k == "link"], args.l2),
                    fit([x for k, x in weighted if k == "null"], args.l2))

        if args.leave_one_out:  # each tuning set, then each tuning pair, measured by a fit that never saw it
            folds = {"set": [(d, [p for e, p in tuning if e == d]) for d in args.tune],
                     "article": [(None, [p]) for e, p in tuning if e is not None]}
            by_set: dict[str, Scored] = {}
            for by, groups in folds.items():
                pooled: Scored = []
                for d, group in groups:
                    _, left_link, left_null = fit_on({p[1] for p in group})
                    scored = certified([row for p in group for row in own[p[1]]], left_link, left_null)
                    pooled += scored
                    if d is not None:
                        report_scored(f"{d} (left out of the fit)", scored)
                        by_set[str(d)] = scored
                report_scored(f"all --tune pairs pooled, each {by} left out of the fit", pooled)
            for name, rows in corpus.items():  # the pseudo-articles are sets too: a fit without them
                if rows:
                    _, left_link, left_null = fit_on(set(), without=name)
                    by_set[name] = report(f"{name} (left out of the fit)", rows, left_link, left_null)
            print_domains(by_set)
        rows, link_w, null_w = fit_on(set())
        print(f"# fitted on {len(rows)} tuning beads")
        print(f"LINK_WEIGHTS = {link_w!r}")
        print(f"NULL_WEIGHTS = {null_w!r}")
        report("tuning material (fit)", rows, link_w, null_w)
        if args.write:
            command = shlex.join(["benchmarks/calibrate.py", *sys.argv[1:]])
            write_weights(args.write, link_w, null_w, command, args.pair_weight)
            print(f"# written to {args.write}")
    sets = [("held-out rewrites (incl. blind)", pair_rows(heldout_rewrites, lexicon)),
            ("seed", pair_rows(rewrite_pairs()["seed"], lexicon))]
    sets += [(str(d), pair_rows(find_pairs(d), lexicon)) for d in args.heldout]
    heldout_pairs = heldout_rewrites + [p for d in args.heldout for p in find_pairs(d)]
    sets.append(("unrelated pairs of held-out articles", unrelated_rows(heldout_pairs, lexicon)))
    if corpora:
        ted = "TED" if not args.ted_share else f"TED (all but the fitted 1 in {args.ted_share})"
        sets += [("news test", line_rows("test", lexicon)), (ted, line_rows("ted", lexicon, args.ted_share))]
    scored = {name: report(name, rows, link_w, null_w) for name, rows in sets}
    measured = [str(d) for d in args.heldout] + (["news test", ted] if corpora else [])  # in no fit
    print_domains({name: scored[name] for name in measured}, "in no fit")


if __name__ == "__main__":
    main()
