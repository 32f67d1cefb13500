"""Terminology against hand labels: does the `terms` table give the right English words?

Labels are a TSV with a header line (lines starting with # are comments), one labelled
occurrence of a Korean term a line, kept wherever the labeller keeps real text (never in
the repository):

    article_id   the archive's article
    ko_term      the term as the labeller saw it (a lexicon key, as the old terms table had it)
    kind         term (a terminologist would track it), generic, or unclear (left out)
    status       for terms: rendered, omitted, or untranslated (left out of the figures)
    english      the words that render it, alternatives separated by |
    ko_sentence  the Korean sentence holding the term (or ko_sid: its sentence id)

Optional: `batch` (figures per batch too). A label is found in the table through the
archive's Korean sentence that holds the labelled sentence's text (or its id), the link
holding that sentence, and the term in that link. "Right" compares words after folding case,
a plural -s and a possessive; "without one" is no row, or a row not rendered.

    .venv/bin/python benchmarks/terms_quality.py ARCHIVE --labels labels.tsv [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.align.english import singular  # noqa: E402


def fold(text: str | None) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", (text or "").replace("’", "'").replace("'s", ""))
    return " ".join(singular(w.lower()) for w in words)


def read_labels(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


class Table:
    """The terms table, looked up by (article, Korean sentence, term)."""

    def __init__(self, archive: Path) -> None:
        tables = archive / "tables"
        self.terms = pl.read_parquet(tables / "terms.parquet")
        links = pl.read_parquet(tables / "links.parquet")
        ko = pl.read_parquet(tables / "sentences.parquet").filter(pl.col("lang") == "ko")
        self.sentences: dict[str, list[tuple[str, str]]] = {}
        for a, sid, text in ko.select("article_id", "sentence_id", "text").iter_rows():
            self.sentences.setdefault(a, []).append((sid, re.sub(r"\s+", "", text)))
        self.bead = {(a, k): b for a, b, ids in links.select("article_id", "bead", "ko_ids").iter_rows() for k in ids}
        self.rows: dict[tuple[str, int, str], list[dict]] = {}
        for r in self.terms.iter_rows(named=True):
            self.rows.setdefault((r["article_id"], r["bead"], r["ko_term"]), []).append(r)

    def find(self, label: dict) -> list[dict]:
        a, text = label["article_id"], re.sub(r"\s+", "", label.get("ko_sentence", ""))
        ids = [sid for sid, t in self.sentences.get(a, []) if text and (t in text or text in t)]
        for sid in ids or [label.get("ko_sid", "")]:
            bead = self.bead.get((a, sid))
            if bead is not None and (a, bead, label["ko_term"]) in self.rows:
                return self.rows[(a, bead, label["ko_term"])]
        return []


def report(table: Table, labels: list[dict], name: str, show: bool) -> None:
    generic = [x for x in labels if x["kind"] == "generic"]
    rendered = [x for x in labels if x["kind"] == "term" and x["status"] == "rendered"]
    omitted = [x for x in labels if x["kind"] == "term" and x["status"] == "omitted"]
    right = without = 0
    for label in rendered:
        found = [r for r in table.find(label) if r.get("status", "rendered" if r["en_rendering"] else "") == "rendered"]
        if not found:
            without += 1
            verdict = "NONE "
        elif any(fold(r["en_rendering"]) in {fold(x) for x in label["english"].split("|")} for r in found):
            right += 1
            continue
        else:
            verdict = "WRONG"
        if show:
            print(f"  {verdict} {label['article_id']} {label['ko_term']}: want {label['english']!r}, "
                  f"got {[(r['status'], r['en_rendering']) for r in table.find(label)]}")
    kept = sum(bool(table.find(x)) for x in generic)
    marked = sum(any(r.get("status") == "omitted" for r in table.find(x)) for x in omitted)
    wrongly = sum(any(r.get("status") == "omitted" for r in table.find(x)) for x in rendered)
    n = max(len(rendered), 1)
    print(f"{name:8} rendered: {right}/{len(rendered)} right ({right / n:.0%}), {without} without one "
          f"({without / n:.0%}); generic still in the table: {kept}/{len(generic)} ({kept / max(len(generic), 1):.0%}); "
          f"omitted marked omitted: {marked}/{len(omitted)}; rendered marked omitted: {wrongly}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--show", action="store_true", help="list the labels the table gets wrong")
    args = parser.parse_args()
    table = Table(args.archive)
    labels = read_labels(args.labels)
    report(table, labels, "all", args.show)
    for batch in sorted({x["batch"] for x in labels if x.get("batch")}):
        report(table, [x for x in labels if x.get("batch") == batch], f"batch {batch}", False)
    # every rendering occurs in its bead's English text
    tables = args.archive / "tables"
    text = {(a, s): t for a, s, t in pl.read_parquet(tables / "sentences.parquet")
            .select("article_id", "sentence_id", "text").iter_rows()}
    english = {(a, b): " ".join(text[(a, i)] for i in ids) for a, b, ids in
               pl.read_parquet(tables / "links.parquet").select("article_id", "bead", "en_ids").iter_rows()}
    rendered = table.terms.filter(pl.col("en_rendering").is_not_null())
    outside = sum(r not in english.get((a, b), "") for a, b, r in
                  rendered.select("article_id", "bead", "en_rendering").iter_rows())
    print(f"renderings not in their bead's English text: {outside} of {rendered.height}")


if __name__ == "__main__":
    main()
