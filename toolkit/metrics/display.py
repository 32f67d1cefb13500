"""Terminal rendering (rich) of metrics tables and version comparisons, for the CLI."""

from __future__ import annotations

from toolkit.metrics.compare import Comparison
from toolkit.terminal import console


# short headers keep the metrics table readable in 80 columns; shares print as percentages
HEADERS = {
    "article_id": "article", "articles": "arts", "with_original": "w/ ko", "n_en": "en",
    "n_ko": "ko", "en_translated_share": "transl", "en_added_share": "added",
    "ko_untranslated_share": "untransl", "mean_length_ratio": "len", "number_mismatches": "num≠",
    "name_mismatches": "name≠", "mean_cert": "cert", "length_outliers": "outl",
    "hangul_in_english": "hangul", "pair_score": "pair", "pair_warning": "warning",
    "numbers_checked": "num✓", "names_checked": "name✓", "pair_warnings": "warnings",
}
NARROW_DROP = ("writer", "service", "with_original", "length_outliers", "hangul_in_english",
               "numbers_checked", "names_checked", "pair_warnings")
NARROWER_DROP = ("pair_score", "pair_warnings")  # below 100 columns as well
CAPTION = ("transl/added: share of English sentences translated from / added to the Korean; "
           "untransl: share of Korean left out; len: English chars per Korean char; "
           "num≠/name≠: beads whose numbers/names differ, of num✓/name✓ beads checked; "
           "outl: length-ratio outliers (|z|>3); pair: share of the English the Korean explains")


def _cell(name: str, value) -> str:
    if value is None:
        return "–"
    if name.endswith("_share") or name in ("share", "consistency"):
        return f"{100 * value:.0f}%"
    if isinstance(value, list):  # forms of a rendering, in the terms tables
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def uncredited_label(group: str) -> str:
    """How the table shows the null group of `metrics --by GROUP` (JSON: null; CSV: empty)."""
    return "(outlet unknown)" if group == "outlet" else f"(no {group} credited)"


def print_frame(df, title: str | None = None) -> None:
    """A metrics DataFrame as a rich table on stdout (text columns wrap, numbers never do)."""
    from rich import box
    from rich.table import Table

    out = console()
    caption = CAPTION if "mean_cert" in df.columns else None
    if out.width < 130:  # a narrow terminal: the secondary columns go (JSON and CSV keep them)
        empty = [c for c in df.columns if df[c].null_count() == df.height]  # e.g. no pair warnings
        drop = (*NARROW_DROP, *empty, *(NARROWER_DROP if out.width < 100 else ()))
        df = df.drop([c for c in drop if c in df.columns and c != df.columns[0]])
        caption = caption and caption + "; more columns with --json or --csv"
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption_justify="left")
    for position, (name, dtype) in enumerate(df.schema.items()):
        numeric = dtype.is_numeric()
        header = HEADERS.get(name, name)
        # the first column names the row (an article id, a person): it is never folded
        table.add_column(header, justify="right" if numeric else "left", no_wrap=numeric or position == 0,
                         min_width=len(header) if numeric else 8, overflow="fold")
    from rich.text import Text

    key = df.columns[0] if df.columns and df.columns[0] != "article_id" else None
    for row in df.iter_rows(named=True):
        cells = [_cell(k, v) for k, v in row.items()]
        if key is not None and row[key] is None:  # the null group: not a person called "–"
            cells[0] = Text(uncredited_label(key), style="italic")
        table.add_row(*cells)
    out.print(table)


def print_comparison(result: Comparison, top: int = 10) -> None:
    """Scores with their sacrebleu signatures, then the pairs that differ most."""
    from rich.table import Table

    out = console()
    scores = Table(title=f"{result.b} against {result.a}")
    scores.add_column("metric")
    scores.add_column("score", justify="right")
    scores.add_column("signature")
    for name, score in (("BLEU", result.bleu), ("chrF++", result.chrf), ("TER", result.ter)):
        scores.add_row(name, f"{score.score:.2f}", score.signature)
    out.print(scores)
    changed = result.most_different(top)
    if not changed:
        out.print("The two versions have the same sentences.")
        return
    pairs = Table(title=f"Sentences that differ most ({len(changed)} shown)", show_lines=True)
    pairs.add_column("chrF++", justify="right")
    pairs.add_column("A", overflow="fold")
    pairs.add_column("B", overflow="fold")
    for pair in changed:
        pairs.add_row(f"{pair.chrf:.1f}", pair.a or "–", pair.b or "–")
    out.print(pairs)
