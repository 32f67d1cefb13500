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

Optional: `batch` (figures per batch too) and `compound`: the longer word the labelled noun
is part of, when a terminologist would track that word (보유국 -> 핵보유국, 대인 -> 대인 지뢰);
where it is given, kind, status and english describe the compound. A label is found in the
table through the archive's Korean sentence that holds the labelled sentence's text (or its
id), the link holding that sentence, and the term in that link. "Right" compares words after
folding case, a plural -s and a possessive; "without one" is no row, or a row not rendered.

Two figures, both printed:
- **strict**: only the table's row of the labelled noun itself counts.
- **compound-aware**: also the rows of the bead whose term is the label's compound (spaces
  left out on both sides: a noun phrase's row 대인 지뢰 is the compound 대인지뢰) or a piece of it (the table may give the compound's English under another of
  its nouns), or a longer word holding the labelled noun (the table joined it into a word:
  수용소 in 정치범수용소). Such a row is right when its rendering is one of the label's,
  or, for a longer word the label does not name as its compound, holds the label's words
  as a run (정치범수용소 "political prison camp" for 수용소 "prison camp").
Labels judged rendered whose Korean sentence the alignment leaves without a link are
counted as without one in both, and their number is printed beside.

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

        self.by_bead: dict[tuple[str, int], list[str]] = {}
        for a, b, term in self.rows:
            self.by_bead.setdefault((a, b), []).append(term)

    def sentence_ids(self, label: dict) -> list[str]:
        a, text = label["article_id"], re.sub(r"\s+", "", label.get("ko_sentence", ""))
        return [sid for sid, t in self.sentences.get(a, []) if text and (t in text or text in t)] or \
            [label.get("ko_sid", "")]

    def unlinked(self, label: dict) -> bool:
        """The labelled sentence is in the archive but in no link (the alignment left it untranslated)."""
        a = label["article_id"]
        known = {sid for sid, _ in self.sentences.get(a, [])}
        ids = [sid for sid in self.sentence_ids(label) if sid in known]
        return bool(ids) and all((a, sid) not in self.bead for sid in ids)

    def find(self, label: dict, compound: bool = False) -> list[dict]:
        """The rows for the label: its own term's (strict), or, `compound`, also those of its
        compound, of a word of its compound, or of a longer word holding it (see the docstring)."""
        a, term = label["article_id"], label["ko_term"]
        named = label.get("compound", "").strip()
        for sid in self.sentence_ids(label):
            bead = self.bead.get((a, sid))
            if bead is None:
                continue
            if not compound:
                if (a, bead, term) in self.rows:
                    return self.rows[(a, bead, term)]
                continue
            joined = named.replace(" ", "")
            found = [r for t in self.by_bead.get((a, bead), [])
                     if t == term or (term in t) or (joined and t.replace(" ", "") in joined)
                     for r in self.rows[(a, bead, t)]]
            if found:
                return found
        return []


def right(label: dict, row: dict) -> bool:
    """Whether the row renders the label: the same words, or (a longer word holding the
    labelled noun, not the label's own compound) the label's words as a run inside."""
    wanted = {fold(x) for x in label["english"].split("|")}
    got = fold(row["en_rendering"])
    if got in wanted:
        return True
    named = {label.get("compound", "").replace(" ", "").strip(), *label.get("compound", "").split()} - {""}
    term = row["ko_term"].replace(" ", "")  # a noun phrase's row (대인 지뢰) is the compound written together
    longer = term != label["ko_term"] and label["ko_term"] in term and term not in named
    return longer and any(w and f" {w} " in f" {got} " for w in wanted)


def report(table: Table, labels: list[dict], name: str, show: bool, compound: bool) -> None:
    generic = [x for x in labels if x["kind"] == "generic"]
    rendered = [x for x in labels if x["kind"] == "term" and x["status"] == "rendered"]
    omitted = [x for x in labels if x["kind"] == "term" and x["status"] == "omitted"]
    good = without = unlinked = wrongly = 0
    for label in rendered:
        rows = table.find(label, compound)
        wrongly += any(r["status"] == "omitted" for r in rows)
        found = [r for r in rows if r["status"] == "rendered"]
        if not found:
            without += 1
            unlinked += table.unlinked(label)
            verdict = "NONE "
        elif any(right(label, r) for r in found):
            good += 1
            continue
        else:
            verdict = "WRONG"
        if show:
            print(f"  {verdict} {label['article_id']} {label['ko_term']}"
                  f"{' (' + label['compound'] + ')' if label.get('compound') else ''}: want {label['english']!r}, "
                  f"got {[(r['ko_term'], r['status'], r['en_rendering']) for r in rows]}"
                  f"{' [sentence in no link]' if table.unlinked(label) else ''}")
    # a generic noun inside a longer word the table tracks is not itself in the table
    kept = sum(bool(table.find(x, compound and bool(x.get("compound")))) for x in generic)
    marked = sum(any(r["status"] == "omitted" for r in table.find(x, compound)) for x in omitted)
    n = max(len(rendered), 1)
    print(f"{name:9} rendered: {good}/{len(rendered)} right ({good / n:.0%}), {without} without one "
          f"({without / n:.0%}; {unlinked} of them in a sentence the alignment left unlinked); generic still in the "
          f"table: {kept}/{len(generic)} ({kept / max(len(generic), 1):.0%}); "
          f"omitted marked omitted: {marked}/{len(omitted)}; rendered marked omitted: {wrongly}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--show", action="store_true", help="list the labels the table gets wrong")
    args = parser.parse_args()
    table = Table(args.archive)
    labels = read_labels(args.labels)
    for compound, title in ((False, "STRICT (the row of the labelled noun itself)"),
                            (True, "COMPOUND-AWARE (also rows of its compound or of a longer word holding it)")):
        print(title)
        report(table, labels, "all", args.show, compound)
        for batch in sorted({x["batch"] for x in labels if x.get("batch")}):
            report(table, [x for x in labels if x.get("batch") == batch], f"batch {batch}", False, compound)
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
