"""Tuning harness for the aligner's weights: strict bead F1 on the tuning material only.

Tuning material (DESIGN: tune on dev only, plus what the project marks as tuning):
the koen-news-park dev split (line-level F1, protocol of align_quality.py), the tuning half
of fixtures/rewrites (holiday-rations, hyesan-market-raids, phone-crackdown,
prison-testimony, and the translation-style pairs `tr-*`), and any
`--pairs DIR` of hand-aligned real pairs named as a tuning half. Held-out material is
never read here. Each `--grid name=v1,v2` adds a dimension; every combination is printed.

    .venv/bin/python benchmarks/align_tune.py --pairs ../realdata/tune --grid attach=0.1,0.2 --grid w_qcount=0,0.1
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from align_quality import Score, align_pairs, find_pairs, line_beads, make_articles, rewrite_pairs  # noqa: E402

from toolkit.align import Params, align, load_lexicon  # noqa: E402

TUNING_REWRITES = ("dprk-holiday-rations", "dprk-hyesan-market-raids", "dprk-phone-crackdown", "dprk-prison-testimony")


def _value(text: str):
    if text == "None":
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


def _params(setting: dict) -> Params:
    base = Params()
    pen = dict(base.merge_pen)
    fields = {}
    for key, value in setting.items():
        if key.startswith("pen"):  # pen12=0.3 sets merge_pen[(1, 2)]
            pen[(int(key[3]), int(key[4]))] = value
        else:
            fields[key] = value
    return replace(base, merge_pen=pen, **fields)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, action="append", default=[], help="a tuning half of real pairs")
    ap.add_argument("--grid", action="append", default=[], help="name=v1,v2,... (penXY for merge_pen[(X,Y)])")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev split")
    args = ap.parse_args()
    dims = [(g.split("=")[0], [_value(v) for v in g.split("=")[1].split(",")]) for g in args.grid]
    lexicon = load_lexicon()
    dev = [] if args.no_dev else make_articles("dev")
    rewrites = [p for p in rewrite_pairs()["rewrites"] if p[0] in TUNING_REWRITES or p[0].startswith("tr-")]
    real = [p for root in args.pairs for p in find_pairs(root)]
    for combo in itertools.product(*[values for _, values in dims]) if dims else [()]:
        setting = {name: value for (name, _), value in zip(dims, combo)}
        params = _params(setting)
        row = [f"{k}={v}" for k, v in setting.items()]
        if dev:
            s = Score()
            for a in dev:
                s.add(line_beads(a, align(a.en, a.ko, lexicon, params)), a.gold)
            row.append(f"dev={s.f1:.3f}")
        for name, pairs in (("rewrites", rewrites), ("real", real)):
            if pairs:
                s = Score()
                for r in align_pairs(pairs, lexicon, params):
                    s.add(set(r.predicted), r.gold)
                row.append(f"{name}={s.f1:.3f}")
        print("  ".join(row), flush=True)


if __name__ == "__main__":
    main()
