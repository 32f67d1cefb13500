"""Credit extraction against a hand-judged gold set of credit paragraphs.

    .venv/bin/python benchmarks/credit_forms.py GOLD.jsonl [GOLD2.jsonl ...] [--misses] [--by-form]

A gold file has one JSON object a line: {"text": ..., "credits": [...]} where a credit is
[role, name, service] or {"role", "name", "service"[, "agent"]}; optional "form" and "outlet"
fields group the figures. Scored like tests/test_credits.py: micro precision/recall/F1 over
(role, name, service) triples, a multiset per paragraph. Also reported: agent accuracy on
matched triples (where the gold says the agent), and how many paragraphs without gold
credits lost text or gained a credit (false positives that would eat body text).

The real pages studied for issue 8 are kept outside the repository (their text may not be
committed); the committed gold sets in tests/data run through the same script.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.credits import extract_credits  # noqa: E402


def _triples(credits: list) -> list[tuple]:
    out = []
    for c in credits:
        if isinstance(c, dict):
            out.append((c["role"], c["name"], c.get("service")))
        else:
            out.append(tuple(c[:3]))
    return out


def _agents(credits: list) -> dict[tuple, str]:
    return {(c["role"], c["name"], c.get("service")): c["agent"] for c in credits if isinstance(c, dict) and "agent" in c}


def score(paths: list[Path], misses: bool, by_form: bool) -> float:
    tp = fp = fn = 0
    agent_right = agent_total = 0
    touched = eaten = 0
    forms: dict[str, Counter] = defaultdict(Counter)
    records = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            records += 1
            rest, found = extract_credits(record["text"])
            got = Counter((c.role, c.name, c.service) for c in found)
            gold = Counter(_triples(record["credits"]))
            hit = sum((got & gold).values())
            tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(gold.values()) - hit
            form = record.get("form", "-")
            forms[form].update(tp=hit, fp=sum(got.values()) - hit, fn=sum(gold.values()) - hit, n=1)
            wanted = _agents(record["credits"])
            for c in found:
                key = (c.role, c.name, c.service)
                if key in wanted and key in gold:
                    agent_total += 1
                    agent_right += c.agent == wanted[key]
            if not record["credits"]:
                touched += bool(found)
                eaten += rest.strip() != record["text"].strip()
            if misses and (got != gold):
                print(f"-- {record.get('outlet', '')} [{form}]\n   {record['text'][:200]}")
                print(f"   gold: {sorted(gold.elements())}\n   got:  {sorted(got.elements())}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{records} paragraphs, {tp + fn} gold credits: P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
          f" (tp={tp} fp={fp} fn={fn})")
    if agent_total:
        print(f"agent right on {agent_right}/{agent_total} matched credits whose gold names the agent")
    print(f"paragraphs without credits: {touched} gained a credit, {eaten} lost text")
    if by_form:
        for form, c in sorted(forms.items(), key=lambda kv: (-(kv[1]["fn"] + kv[1]["fp"]), kv[0])):
            print(f"  {form:40s} n={c['n']:3d} tp={c['tp']:3d} fp={c['fp']:3d} fn={c['fn']:3d}")
    return f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="print every paragraph scored wrong")
    parser.add_argument("--by-form", action="store_true", help="figures per credit form")
    args = parser.parse_args()
    score(args.gold, args.misses, args.by_form)


if __name__ == "__main__":
    main()
