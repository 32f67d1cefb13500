"""`transprov show`: an alignment side by side for review, as a terminal table, JSON or TSV.

Every view numbers beads from 0 (review_beads), as the tables and the notebook do.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from toolkit.errors import printable
from toolkit.model import Article
from toolkit.review.beads import ReviewBead
from toolkit.review.flags import LOW_CERT

FORMATS = ("table", "json", "tsv")
TSV_COLUMNS = ("file", "bead", "type", "cert", "en_ids", "ko_ids", "flags", "reviewed_by", "english", "korean")

LEGEND = (
    "bead: its number (from 0, as in the tables). type n-m: n English sentences with m Korean ones;"
    " 1-0 added in English, 0-1 left untranslated. cert: the aligner's confidence, 0 to 1.\n"
    "flags: number/name a≠b (values found on one side only, English first), low cert (below the"
    " --min-cert threshold), added, untranslated; reviewed: confirmed or corrected by the named person.\n"
    "colours: red = number, name or low cert; yellow = added; magenta = untranslated; green = reviewed."
)


def _style(bead: ReviewBead) -> str:
    if bead.reviewer is not None:
        return "green"
    kinds = {f.kind for f in bead.flags}
    if kinds & {"number", "name", "low-cert"}:
        return "red"
    if "added" in kinds:
        return "yellow"
    return "magenta" if "untranslated" in kinds else ""


def _flags_cell(bead: ReviewBead) -> str:
    lines = [f.label for f in bead.flags]
    if bead.reviewer is not None:
        lines.append(f"reviewed ({bead.reviewer})")
    return "\n".join(lines)


def _sentences_cell(sentences) -> str:
    return "\n".join(printable(f"{s.id}  {s.text}") for s in sentences)


def _credits_line(en: Article, ko: Article | None) -> str:
    parts = []
    for credit in en.credits:
        name = f"{credit.name} ({credit.name_ko})" if credit.name_ko else credit.name
        parts.append(f"{credit.role}: {name}")
    joined = {c.name_ko for c in en.credits if c.name_ko}
    parts += [f"{c.role}: {c.name} (original only)" for c in (ko.credits if ko else []) if c.name not in joined]
    return "; ".join(parts) or "(no credits)"


def summary_line(en: Article, ko: Article | None, beads: list[ReviewBead]) -> str:
    if ko is None:
        return f"{len(en.sentences)} English sentences; no Korean original in this file"
    if not beads or beads[0].cert is None:
        return "no alignment in this file"
    counts = Counter(b.type for b in beads)
    linked = sum(len(b.en) for b in beads if b.en and b.ko)
    issues = sum(b.issue for b in beads)
    reviewed = sum(b.reviewer is not None for b in beads)
    return (f"{len(beads)} beads ({', '.join(f'{n} {t}' for t, n in sorted(counts.items()))}); "
            f"{linked} of {len(en.sentences)} English sentences have a Korean counterpart; "
            f"{issues} flagged for review, {reviewed} reviewed")


def print_table(en: Article, ko: Article | None, beads: list[ReviewBead], source: str,
                only_issues: bool = False) -> None:
    from rich.table import Table

    from toolkit.terminal import console as terminal_console

    console = terminal_console()
    aligned = bool(beads) and beads[0].cert is not None
    # a TEI file may hold C1 controls and bidi overrides (XML allows them): shown escaped, not obeyed
    table = Table(title=printable(en.title or source), caption=printable(_credits_line(en, ko)), show_lines=True,
                  expand=True)
    table.add_column("bead", justify="right", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("cert", justify="right", no_wrap=True)
    table.add_column("flags", max_width=28, overflow="fold")
    table.add_column("English", ratio=1, overflow="fold")
    table.add_column("Korean", ratio=1, overflow="fold")
    for bead in beads:
        if only_issues and not bead.issue:
            continue
        table.add_row(str(bead.number), bead.type if aligned else "", f"{bead.cert:.2f}" if aligned else "",
                      _flags_cell(bead), _sentences_cell(bead.en), _sentences_cell(bead.ko),
                      style=_style(bead) if aligned else "")
    console.print(table)
    console.print(summary_line(en, ko, beads))


def print_legend() -> None:
    from toolkit.terminal import console

    console().print(LEGEND)


def json_record(source: str, en: Article, ko: Article | None, beads: list[ReviewBead],
                only_issues: bool = False) -> dict:
    """One file of `show --format json`: its beads, each with ids, texts, flags and reviewer."""
    return {
        "source": source,
        "title": en.title,
        "aligned": bool(beads) and beads[0].cert is not None,
        "beads": [b.as_dict() for b in beads if b.issue or not only_issues],
    }


def _cell(text: str) -> str:
    return " ".join(text.split())  # a TSV cell holds no tab or line break


def tsv_rows(source: str, beads: list[ReviewBead], only_issues: bool = False) -> list[str]:
    rows = []
    for b in beads:
        if only_issues and not b.issue:
            continue
        values = (source, str(b.number), b.type, "" if b.cert is None else f"{b.cert:.4g}",
                  " ".join(s.id for s in b.en), " ".join(s.id for s in b.ko),
                  "; ".join(f.label for f in b.flags), b.reviewer or "", b.en_text, b.ko_text)
        rows.append("\t".join(_cell(v) for v in values))
    return rows


def show_files(files: list[Path], fmt: str = "table", only_issues: bool = False,
               min_cert: float = LOW_CERT) -> list[str]:
    """Print the review view of each TEI file to stdout; returns the one-line failures."""
    from toolkit.errors import InputError
    from toolkit.review.beads import review_beads
    from toolkit.tei import read_tei

    failures, records = [], []
    if fmt == "tsv":
        print("\t".join(TSV_COLUMNS))
    for path in files:
        try:
            en, ko, alignment = read_tei(path)
        except InputError as error:
            failures.append(str(error))
            continue
        beads = review_beads(en, ko, alignment, low_cert=min_cert)
        if fmt == "json":
            records.append(json_record(str(path), en, ko, beads, only_issues))
        elif fmt == "tsv":
            for row in tsv_rows(str(path), beads, only_issues):
                print(row)
        else:
            print_table(en, ko, beads, str(path), only_issues)
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    return failures
