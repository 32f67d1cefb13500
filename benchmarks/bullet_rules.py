"""How rules for bullet-led paragraphs classify hand-written captions, list items and subheads.

A bullet mark (▲ ◆ ◇ ■ ...) opens captions, which are rubrics, and also list items and
`◆ HEADING = body` subheads, which are story sentences. Real pairs rarely have these, so the
material is fixtures/rubrics/bullets.tsv, written for this project in the shapes Korean
outlets print (issue 9, item 2). Each rule is scored by what it makes of every labelled
paragraph: a caption must stay a rubric, the rest must give sentences. Run on demand:

    .venv/bin/python benchmarks/bullet_rules.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from toolkit import rubrics  # noqa: E402
from toolkit.model import Article, Paragraph  # noqa: E402
from toolkit.segment import segment_article  # noqa: E402

MATERIAL = REPO / "fixtures" / "rubrics" / "bullets.tsv"


def read_blocks(path: Path = MATERIAL) -> list[list[tuple[str, str, str]]]:
    """The material as blocks of (label, lang, text), in the order printed."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [[(r["label"], r["lang"], r["text"]) for r in group] for _, group in groupby(rows, key=lambda r: r["block"])]




def _progressive(text: str, lang: str) -> bool:
    return bool(rubrics._PROGRESSIVE["ko" if lang == "ko" else "en"].search(text))


def _in_list(block: list[tuple[str, str, str]], i: int, keep: Callable[[str, str], bool]) -> bool:
    """Two bullets in the paragraph, or a neighbour led by the same mark that the rule keeps too."""
    text, lang = block[i][2], block[i][1]
    mark = text.strip()[:1]
    return text.count(mark) >= 2 or any(
        0 <= j < len(block) and block[j][2].strip()[:1] == mark and keep(block[j][2], lang) for j in (i - 1, i + 1))


def _or_subhead(rule: Callable[[list, int], bool]) -> Callable[[list, int], bool]:
    """A rule for list items, with `◆ HEADING = body` paragraphs split as subheads before it."""
    return lambda b, i: rubrics.split_subhead(b[i][2], b[i][1]) is not None or rule(b, i)


RULES: dict[str, Callable[[list, int], bool]] = {  # True: the paragraph gives sentences
    "every bullet a rubric (before)": lambda b, i: not rubrics.is_rubric(b[i][2], b[i][1]),
    "ends as a sentence, no credit": _or_subhead(lambda b, i: rubrics.reads_as_story(b[i][2], b[i][1])),
    "... and not progressive": _or_subhead(
        lambda b, i: rubrics.reads_as_story(b[i][2], b[i][1]) and not _progressive(b[i][2], b[i][1])),
    "... in a list (progressive allowed)": _or_subhead(
        lambda b, i: rubrics.reads_as_story(b[i][2], b[i][1]) and _in_list(b, i, rubrics.reads_as_story)),
}


def shipped(block: list[tuple[str, str, str]], i: int) -> bool:
    """What segment_article does (the rule kept: subheads split; items not progressive, in a list)."""
    lang = block[i][1]
    article = segment_article(Article("x", lang, paragraphs=[Paragraph(t, lg) for _, lg, t in block]))
    return article.paragraphs[i].kind == "text"


def main() -> None:
    blocks = read_blocks()
    bulleted = [(b, i) for b in blocks for i, (label, _, text) in enumerate(b)
                if label != "text" and re.match(rubrics._BULLET, text.strip())]
    totals = Counter(label for b, i in bulleted for label in [b[i][0]])
    print(f"{len(bulleted)} bullet-led paragraphs: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    print(f"{'rule':40} {'captions kept rubric':>22} {'items given sentences':>22} {'subheads given sentences':>25}")
    for name, rule in [*RULES.items(), ("shipped: not progressive, in a list", shipped)]:
        right = Counter(b[i][0] for b, i in bulleted if rule(b, i) == (b[i][0] != "caption"))
        wrong = [f"{b[i][0][0]}:{b[i][2][:14]}" for b, i in bulleted if rule(b, i) != (b[i][0] != "caption")]
        print(f"{name:40} {right['caption']:>15}/{totals['caption']:<6} {right['item']:>15}/{totals['item']:<6} "
              f"{right['subhead']:>18}/{totals['subhead']:<6}")
        print(f"    wrong: {'; '.join(wrong) or '-'}")


if __name__ == "__main__":
    main()
