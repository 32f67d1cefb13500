"""Multinomial logistic regression over sparse binary features, in plain Python.

Deterministic: examples in a fixed order shuffled by a seeded generator, a fixed number of epochs,
weights rounded when saved. Scoring costs one dictionary look-up per feature, and sums each class's
column in C.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence

Example = tuple[list[str], int]  # (feature names, class index)


def train(examples: Sequence[Example], n_classes: int, epochs: int = 12, rate: float = 0.2,
          l2: float = 1e-4, seed: int = 0) -> dict[str, list[float]]:
    """Weights feature -> one weight per class, fitted by stochastic gradient descent on log-loss."""
    weights: dict[str, list[float]] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for i in order:
            feats, gold = examples[i]
            probs = probabilities(weights, feats, n_classes)
            for feat in feats:
                row = weights.get(feat)
                if row is None:
                    row = weights[feat] = [0.0] * n_classes
                for c in range(n_classes):
                    grad = probs[c] - (1.0 if c == gold else 0.0)
                    row[c] -= step * (grad + l2 * row[c])
    return weights


def probabilities(weights: dict[str, list[float]], feats: list[str], n_classes: int) -> list[float]:
    rows = [row for row in map(weights.get, feats) if row is not None]
    # a column's sum in feature order, as adding row by row gave, but the loop over classes runs in C
    scores = [sum(column, 0.0) for column in zip(*rows)] if rows else [0.0] * n_classes
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def averaged(a: dict[str, list[float]], b: dict[str, list[float]], share: float = 0.5) -> dict[str, list[float]]:
    """`share` of `a`'s weights plus the rest of `b`'s (a feature one lacks counts 0 there): their logits mixed,
    in one file that costs what one model costs; how a model fitted on sets no longer at hand keeps its part
    (0.5, the plain mean, while the new fit had fewer sets than it; less once it has more: benchmarks/README.md,
    credits33)."""
    width = len(next(iter(a.values()), None) or next(iter(b.values())))
    zero = [0.0] * width
    return {f: [share * x + (1 - share) * y for x, y in zip(a.get(f, zero), b.get(f, zero))]
            for f in sorted(set(a) | set(b))}


def rounded(weights: dict[str, list[float]], digits: int = 3, floor: float = 0.01) -> dict[str, list[float]]:
    """Weights rounded (byte-identical files across runs); a feature whose weights all stay under
    `floor` is dropped (it moves no probability by more than about 1%)."""
    out = {}
    for feat in sorted(weights):
        row = [round(w, digits) + 0.0 for w in weights[feat]]
        if max(abs(w) for w in row) >= floor:
            out[feat] = row
    return out


def dumps(model: dict) -> str:
    """The model as JSON, one feature a line (small diffs when it is retrained)."""
    tables = [k for k in ("hangul_weights", "weights") if k in model]
    head = {k: v for k, v in model.items() if k not in tables}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ","]
    for n, table in enumerate(tables):
        rows = [f"{json.dumps(feat, ensure_ascii=False)}: {json.dumps(row)}" for feat, row in sorted(model[table].items())]
        lines += [f'"{table}": {{', ",\n".join(rows), "}" + ("," if n + 1 < len(tables) else "}")]
    return "\n".join(lines) + "\n"
