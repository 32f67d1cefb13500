"""The `transprov` command: parse options, call the rooms, print.

Heavy modules (polars, lxml, kiwipiepy) are imported inside the commands so that
`transprov --help` answers at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="Translation provenance and Korean-English alignment for news archives.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}

Files = Annotated[list[Path], typer.Argument(help="Article files or directories of them.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _article_paths(paths: list[Path]) -> list[Path]:
    """Expand directories to the article files inside them, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


def _report_failures(failures: list[str]) -> None:
    for line in failures:
        typer.echo(f"error: {line}", err=True)
    if failures:
        raise typer.Exit(1)


def _read_all(paths: list[Path]):
    """Read every article, collecting one-line failures instead of stopping."""
    from toolkit.errors import InputError
    from toolkit.ingest import read_article

    articles, failures = [], []
    for path in _article_paths(paths):
        try:
            articles.append(read_article(path))
        except InputError as error:
            failures.append(str(error))
    return articles, failures


@app.command()
def ingest(files: Files, as_json: JsonFlag = False) -> None:
    """Read articles: title, dek, captions, body paragraphs, credits, language."""
    from toolkit.report import article_summary, ingest_table

    articles, failures = _read_all(files)
    if as_json:
        typer.echo(json.dumps([article_summary(a) for a in articles], ensure_ascii=False, indent=2))
    else:
        ingest_table(articles)
    _report_failures(failures)


@app.command()
def credits(files: Files, as_json: JsonFlag = False) -> None:
    """Print each article's chain of credits (who reported, translated, wrote, edited)."""
    from toolkit.report import credits_record, credits_table

    articles, failures = _read_all(files)
    if as_json:
        typer.echo(json.dumps([credits_record(a) for a in articles], ensure_ascii=False, indent=2))
    else:
        credits_table(articles)
    _report_failures(failures)


def main() -> None:  # pragma: no cover - entry point for `python -m toolkit.cli`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
