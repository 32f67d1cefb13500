"""Train and cross-validate the learned credit pass (toolkit/credits/learned) on gold credit sets.

    .venv/bin/python benchmarks/credit_model.py train GOLD.jsonl [...] -o toolkit/data/credit_model.json
    .venv/bin/python benchmarks/credit_model.py cv GOLD.jsonl [...] [--misses]
    .venv/bin/python benchmarks/credit_model.py curve GOLD.jsonl [...]

A gold file is the format of benchmarks/credit_forms.py. `train` fits the model on every file given
and stores its threshold, chosen by leave-one-set-out cross-validation inside those files: the lowest
probability at which the rules plus the learned pass keep pooled precision >= --precision with the
best F1. `cv` is the honest figure: for each file, a model trained on the OTHER files (threshold
chosen by the same rule, nested, on those files alone) runs after the rules on the held-out file;
printed per file and pooled for the rules alone and for rules + learned, scored like credit_forms.py
(micro P/R/F1 over (role, name, service) triples, a multiset per paragraph). `curve` scores the
pass's additions alone, which the rules' figures (in sample on the sets they were written from) hide:
leave-one-set-out, each threshold's right and wrong additions pooled over the held-out sets.

At inference the pass sees only what the rules left; most training candidates are the rules' own
catches. `--open-weight N` / `--caught-weight M` count each candidate the rules left open N times and
each they caught M times in training (M = 0: the model is fitted on the distribution it scores alone).

`--partner MODEL` averages every fitted model's weights with MODEL's (cross-validation folds included):
the shipped model was fitted on twelve older sets that are no longer at hand, and the average of the two
ranks new pages' credits better than either (benchmarks/README.md, credits26); with `--hangul-from-partner`
Hangul candidates keep the partner's weights alone (it ranks them better than the average, on the Korean folds).

The model keeps only feature names built from the project's vocabulary and shape classes
(features.py): no word of the gold pages enters the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.credits import rule_credits  # noqa: E402
from toolkit.credits.learned import CLASSES, candidate_features, is_covered, sure_credits  # noqa: E402
from toolkit.credits.learned.softmax import averaged, dumps, rounded, train  # noqa: E402
from toolkit.files import write_atomic  # noqa: E402


@dataclass
class Record:
    text: str
    gold: Counter
    rules: list = field(default_factory=list)  # the rules' credits
    examples: list = field(default_factory=list)  # (features, class index)
    open: list = field(default_factory=list)  # per example: the rules' credits leave it open (what the pass sees)


def _triple(c) -> tuple:
    return (c["role"], c["name"], c.get("service")) if isinstance(c, dict) else tuple(c[:3])


def load(path: Path) -> list[Record]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        gold = Counter(_triple(c) for c in raw["credits"])
        rec = Record(raw["text"], gold, rule_credits(raw["text"])[1])  # the rules alone: the shipped model stays out
        roles: dict[str, str] = {}
        for role, name, _ in gold:
            roles.setdefault(name, role)
        # the candidates the pass will see: those the rules' credits leave open
        taken = [c.name for c in rec.rules]
        for cand, feats in candidate_features(rec.text, rec.rules, training=True):
            example = (feats, CLASSES.index(roles.get(cand.name, "none")))
            rec.examples.append(example)
            rec.open.append(not is_covered(cand.name, taken))
        records.append(rec)
    return records


@dataclass(frozen=True)
class Weights:
    """How many times a training candidate counts: one the rules left open (the distribution the pass
    scores) and one the rules caught or that overlaps their credits (0 leaves it out); and the partner
    model whose weights are averaged in (--partner)."""
    open: int = 1
    caught: int = 1
    partner: dict | None = field(default=None, hash=False, compare=False)  # weights averaged in (--partner)
    hangul_from_partner: bool = False  # Hangul candidates scored by the partner alone (--hangul-from-partner)
    share: float = 0.5  # the fit's share of the weights when averaged with the partner (--share)


def fit(records: list[Record], weights: Weights = Weights()) -> dict:
    """The model fitted on `records`, each candidate counted as `weights` says, averaged with
    `weights.partner` when one is given."""
    examples = [ex for rec in records for ex, is_open in zip(rec.examples, rec.open)
                for _ in range(weights.open if is_open else weights.caught)]
    fitted = train(examples, len(CLASSES))
    model = {"classes": list(CLASSES), "threshold": 1.0}
    if weights.partner:
        fitted = averaged(fitted, weights.partner, weights.share)
        if weights.hangul_from_partner:
            model["hangul_weights"] = weights.partner
    model["weights"] = rounded(fitted)
    return model


def additions(model: dict, records: list[Record]) -> list[list[tuple[float, tuple]]]:
    """For each record, the learned pass's credits at any threshold: (probability, triple)."""
    out = []
    for rec in records:
        found = sure_credits(rec.text, rec.rules, model, threshold=0.0)
        out.append([(p, (c.role, c.name, c.service)) for _, c, p in found])
    return out


def counts(records: list[Record], added: list[list[tuple[float, tuple]]] | None, threshold: float) -> tuple[int, int, int, int]:
    """(tp, fp, fn, paragraphs without gold credits that gained one)."""
    tp = fp = fn = gained = 0
    for k, rec in enumerate(records):
        got = Counter((c.role, c.name, c.service) for c in rec.rules)
        if added is not None:
            got.update(t for p, t in added[k] if p >= threshold)
        hit = sum((got & rec.gold).values())
        tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(rec.gold.values()) - hit
        gained += not rec.gold and bool(got)
    return tp, fp, fn, gained


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


THRESHOLDS = [round(0.5 + 0.025 * k, 3) for k in range(20)] + [0.99, 0.995, 0.999]  # 0.5 .. 0.999
OFF = 1.01  # a threshold no probability reaches: the learned pass adds nothing (sure_credits)


def held_out_additions(sets: list[list[Record]], always: list[Record],
                       weights: Weights = Weights()) -> list[tuple[list[Record], list]]:
    """Leave-one-set-out: each set with the additions of a model fitted on the others and `always`."""
    pooled = []
    for k in range(len(sets)):
        model = fit(always + [rec for j, s in enumerate(sets) if j != k for rec in s], weights)
        pooled.append((sets[k], additions(model, sets[k])))
    return pooled


def pooled_counts(pooled: list[tuple[list[Record], list]], threshold: float) -> tuple[int, int, int]:
    """(tp, fp, fn) of the rules plus the additions at `threshold`, summed over the held-out sets."""
    tp = fp = fn = 0
    for records, added in pooled:
        a, b, c, _ = counts(records, added, threshold)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def choose_threshold(sets: list[list[Record]], min_precision: float, always: list[Record],
                     min_added: float = 0.0, weights: Weights = Weights()) -> float:
    """Leave-one-set-out inside `sets` (`always` in every training fold): the threshold with the best
    pooled F1 at precision >= min_precision, where the credits the pass adds are themselves right at
    least `min_added` of the time (the rules' high precision on the sets they were built on must not
    pay for a pass that is wrong on new pages as often as it is right)."""
    pooled = held_out_additions(sets, always, weights)
    rules_tp, rules_fp, _ = pooled_counts(pooled, OFF)  # the rules alone
    best, best_f1 = OFF, -1.0
    for t in THRESHOLDS:
        tp, fp, fn = pooled_counts(pooled, t)
        p, _, f1 = prf(tp, fp, fn)
        gained, lost = tp - rules_tp, fp - rules_fp
        added_ok = gained + lost == 0 or gained / (gained + lost) >= min_added
        if p >= min_precision and added_ok and f1 > best_f1:
            best, best_f1 = t, f1
    return best


def clean_threshold(model: dict, records: list[Record], threshold: float) -> float:
    """The lowest threshold >= `threshold` at which the model adds no wrong credit to `records`
    (the committed fixtures, whose tests demand exact answers); OFF when a wrong credit's probability
    is above every threshold tried (at 1.0 exactly, as a saturated softmax gives, it looped forever)."""
    added = additions(model, records)
    wrong = [p for rec, add in zip(records, added) for p, t in add if t not in rec.gold]
    if wrong and threshold <= max(wrong):
        threshold = next((t for t in [*THRESHOLDS, 1.0] if t > max(wrong)), OFF)
    return threshold


def cmd_train(paths: list[Path], always_paths: list[Path], out: Path, min_precision: float, min_added: float,
              weights: Weights) -> None:
    sets = [load(p) for p in paths]
    always = [rec for p in always_paths for rec in load(p)]
    threshold = choose_threshold(sets, min_precision, always, min_added, weights) if len(sets) > 1 else 0.9
    model = fit(always + [rec for s in sets for rec in s], weights)
    chosen, threshold = threshold, clean_threshold(model, always, threshold)
    print(f"threshold by cross-validation {chosen}, clean on the --always sets at {threshold}")
    model["threshold"] = threshold
    write_atomic(out, dumps(model).encode("utf-8"))
    print(f"{sum(len(s) for s in sets)} paragraphs, {sum(len(r.examples) for s in sets for r in s)} candidates;"
          f" {len(model['weights'])} features; threshold {threshold} -> {out}")


def cmd_cv(paths: list[Path], always_paths: list[Path], min_precision: float, min_added: float, misses: bool,
           weights: Weights) -> None:
    sets = [load(p) for p in paths]
    always = [rec for p in always_paths for rec in load(p)]
    totals = {"rules": [0, 0, 0, 0], "learned": [0, 0, 0, 0]}
    print(f"{'held-out set':44s} {'n':>4s} {'gold':>4s} | rules P / R / F1 (fp) | +learned P / R / F1 (fp, gained) | threshold")
    for k, path in enumerate(paths):
        rest = [s for j, s in enumerate(sets) if j != k]
        threshold = choose_threshold(rest, min_precision, always, min_added, weights)
        model = fit(always + [rec for s in rest for rec in s], weights)
        threshold = clean_threshold(model, always, threshold)
        added = additions(model, sets[k])
        base = counts(sets[k], None, 1.0)
        plus = counts(sets[k], added, threshold)
        for name, c in (("rules", base), ("learned", plus)):
            totals[name] = [a + b for a, b in zip(totals[name], c)]
        p0, r0, f0 = prf(*base[:3])
        p1, r1, f1 = prf(*plus[:3])
        gold = sum(sum(r.gold.values()) for r in sets[k])
        print(f"{str(path)[-44:]:44s} {len(sets[k]):4d} {gold:4d} | {p0:.3f} / {r0:.3f} / {f0:.3f} ({base[1]:3d}) |"
              f" {p1:.3f} / {r1:.3f} / {f1:.3f} ({plus[1]:3d}, {plus[3]}) | {threshold}", flush=True)
        if misses:
            for rec, add in zip(sets[k], added):
                for p, t in add:
                    if p >= threshold:
                        print(f"   {'ok ' if t in rec.gold else 'BAD'} {p:.2f} {t}  <- {rec.text[:100]!r}")
    for name in ("rules", "learned"):
        tp, fp, fn, gained = totals[name]
        p, r, f1 = prf(tp, fp, fn)
        print(f"pooled {name:8s}: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn}; no-credit paragraphs that gained one: {gained})")


def cmd_curve(paths: list[Path], always_paths: list[Path], weights: Weights) -> None:
    sets = [load(p) for p in paths]
    always = [rec for p in always_paths for rec in load(p)]
    pooled = held_out_additions(sets, always, weights)
    rules_tp, rules_fp, rules_fn = pooled_counts(pooled, OFF)
    print(f"rules alone: P / R / F1 {' / '.join(f'{x:.3f}' for x in prf(rules_tp, rules_fp, rules_fn))}")
    print("threshold | additions right / wrong (their precision) | rules + learned P / R / F1")
    for t in [0.3, 0.4, *THRESHOLDS]:
        tp, fp, fn = pooled_counts(pooled, t)
        right, wrong = tp - rules_tp, fp - rules_fp
        share = right / (right + wrong) if right + wrong else 1.0
        print(f"{t:9.3f} | {right:4d} / {wrong:4d} ({share:.2f}) | {' / '.join(f'{x:.3f}' for x in prf(tp, fp, fn))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("gold", nargs="+", type=Path)
    shared.add_argument("--always", nargs="*", type=Path, default=[], help="gold files always trained on, never held out")
    shared.add_argument("--precision", type=float, default=0.96, help="pooled precision the threshold must keep")
    shared.add_argument("--open-weight", type=int, default=1,
                        help="times each candidate the rules leave open counts in training")
    shared.add_argument("--caught-weight", type=int, default=1,
                        help="times each candidate the rules caught (or that overlaps their credits) counts; 0 drops them")
    shared.add_argument("--partner", type=Path, default=None,
                        help="a model fitted on other sets (the shipped one, read before -o writes) whose weights are "
                             "averaged with every model fitted here, cross-validation folds included")
    shared.add_argument("--hangul-from-partner", action="store_true",
                        help="Hangul candidates keep the partner's weights alone (it ranks Korean names better, "
                             "leave-one-set-out on the Korean study sets); Latin ones the average")
    shared.add_argument("--share", type=float, default=0.5,
                        help="with --partner: the fitted model's share of the averaged weights (0.5 the plain mean; "
                             "0.9 on nineteen sets, benchmarks/README.md, credits33)")
    shared.add_argument("--added-precision", type=float, default=0.0,
                        help="precision the learned pass's own additions must keep (pooled over the inner folds); "
                             "0 leaves the choice to --precision alone, as for the shipped model")
    t = sub.add_parser("train", parents=[shared], help="fit on every gold file, threshold by cross-validation inside them")
    t.add_argument("-o", "--output", type=Path, required=True)
    c = sub.add_parser("cv", parents=[shared], help="leave-one-set-out figures: rules alone and rules + learned")
    c.add_argument("--misses", action="store_true", help="print every credit the learned pass adds")
    sub.add_parser("curve", parents=[shared], help="leave-one-set-out: the pass's additions alone, right / wrong by threshold")
    args = parser.parse_args()
    if not 0.0 <= args.share <= 1.0:  # past 1 the fit's weights are pushed away from the partner's, not mixed
        parser.error(f"--share {args.share}: the fit's share of the averaged weights must lie in [0, 1]")
    partner = json.loads(args.partner.read_text(encoding="utf-8"))["weights"] if args.partner else None
    weights = Weights(args.open_weight, args.caught_weight, partner, args.hangul_from_partner, args.share)
    if args.command == "curve":
        cmd_curve(args.gold, args.always, weights)
    elif args.command == "train":
        cmd_train(args.gold, args.always, args.output, args.precision, args.added_precision, weights)
    else:
        cmd_cv(args.gold, args.always, args.precision, args.added_precision, args.misses, weights)


if __name__ == "__main__":
    main()
