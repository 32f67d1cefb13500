"""The `transprov` command: parse options, call the rooms, print.

Heavy modules (polars, lxml, kiwipiepy) are imported inside the commands so that
`transprov --help` answers at once.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
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


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"transprov {version('transprov')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("transprov (version unknown: the package is not installed)")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """Translation provenance and Korean-English alignment for news archives."""

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


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Corpus directory: CORPUS/<id>/en.txt (+ ko.txt).")],
    archive: Annotated[Path, typer.Option("--archive", help="Archive directory to write.")],
    lexicon: Annotated[Optional[Path], typer.Option("--lexicon", help="User lexicon TSV: ko<TAB>en.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Build an archive: ARCHIVE/tei/<id>.xml and ARCHIVE/tables/*.parquet from a corpus."""
    from toolkit.archive import build_archive

    if not corpus.is_dir():
        typer.echo(f"error: {corpus}: corpus is not a directory", err=True)
        raise typer.Exit(2)
    with _one_line_errors(archive):
        report = build_archive(corpus, archive, lexicon=lexicon, progress=not quiet,
                               on_error=lambda line: print(f"error: {line}", file=sys.stderr),
                               on_warning=lambda line: print(f"warning: {line}", file=sys.stderr))
    failed = len(report.failures)
    typer.echo(f"built {report.built} of {report.articles} articles in {report.seconds:.1f} s"
               f"{f' ({failed} failed)' if failed else ''}: {archive}/tei, {archive}/tables "
               f"({report.rows.get('sentences', 0)} sentences, {report.rows.get('links', 0)} links)")
    if failed:
        raise typer.Exit(1)


@app.command()
def metrics(
    archive: Annotated[Path, typer.Argument(help="Archive directory (or its tables/ directory).")],
    by: Annotated[str, typer.Option("--by", help=(
        "article; or a group: translator, writer, reporter, editor (or another role), service, organization, "
        "outlet. An article counts for every person credited in the role; uncredited articles form one "
        "null group."))] = "article",
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """Translation metrics of an archive, per article or per person, service, organization or outlet."""
    from toolkit.metrics.summary import GROUPS, summarize

    if by not in GROUPS:
        typer.echo(f"error: --by must be one of: {', '.join(GROUPS)}", err=True)
        raise typer.Exit(2)
    _check_tables(archive, ("metrics", "links"), as_json, as_csv)
    df = _read_tables(archive, lambda: summarize(archive, by=by))
    _print_frame(df, f"metrics by {by}: {archive}", as_json, as_csv)


def _check_tables(archive: Path, names: tuple[str, ...], as_json: bool, as_csv: bool) -> None:
    """Usage errors first (exit 2), then an archive without the tables a command reads (exit 1)."""
    from toolkit.metrics.summary import tables_dir

    if as_json and as_csv:
        typer.echo("error: choose one of --json and --csv", err=True)
        raise typer.Exit(2)
    missing = [t for t in names if not (tables_dir(archive) / f"{t}.parquet").is_file()]
    if missing:
        typer.echo(f"error: {archive}: no {missing[0]}.parquet; run `transprov build` first", err=True)
        raise typer.Exit(1)


def _read_tables(archive: Path, query):
    """`query()`, with a damaged table reported in one line, not a traceback."""
    try:
        return query()
    except Exception as error:  # noqa: BLE001
        typer.echo(f"error: {archive}: cannot read the tables ({' '.join(str(error).split())[:200]})", err=True)
        raise typer.Exit(1) from None


def _print_frame(df, title: str, as_json: bool, as_csv: bool) -> None:
    """A frame as JSON, CSV (list columns joined by '; ') or a table."""
    if as_json:
        typer.echo(json.dumps(df.to_dicts(), ensure_ascii=False, indent=2))
    elif as_csv:
        import polars as pl

        lists = [c for c, t in df.schema.items() if isinstance(t, pl.List)]
        typer.echo(df.with_columns(pl.col(c).list.join("; ") for c in lists).write_csv(), nl=False)
    else:
        from toolkit.metrics.display import print_frame

        print_frame(df, title=title)


@app.command()
def terms(
    archive: Annotated[Path, typer.Argument(help="Archive directory (or its tables/ directory).")],
    by: Annotated[Optional[str], typer.Option("--by", help=(
        "A group (translator, writer, reporter, ... as for `metrics`): consistency per group and term, "
        "or with --term that term's renderings per group."))] = None,
    term: Annotated[Optional[str], typer.Option("--term", help=(
        "One Korean term (e.g. 보위부): its renderings, omissions and an example of each."))] = None,
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """The archive's glossary, terminology consistency per translator, or one term's renderings."""
    from toolkit.metrics.summary import GROUPS

    if by is not None and (by not in GROUPS or by == "article"):
        typer.echo(f"error: --by must be one of: {', '.join(GROUPS[1:])}", err=True)
        raise typer.Exit(2)
    _check_tables(archive, ("terms", "glossary"), as_json, as_csv)
    from toolkit.terms import glossary, term_renderings, terminology_consistency

    if term is not None:
        df, title = _read_tables(archive, lambda: term_renderings(archive, term, by=by)), f"renderings of {term}"
    elif by is not None:
        df = _read_tables(archive, lambda: terminology_consistency(archive, by=by, min_occurrences=1))
        title = f"terminology by {by}"
    else:
        df, title = _read_tables(archive, lambda: glossary(archive)), "glossary"
    _print_frame(df, f"{title}: {archive}", as_json, as_csv)


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="Reference version (e.g. the published text).")],
    b: Annotated[Path, typer.Argument(help="Other version (e.g. the translator's draft).")],
    as_json: JsonFlag = False,
    top: Annotated[int, typer.Option("--top", min=0, help="How many differing sentences to list.")] = 10,
) -> None:
    """Compare two English versions of an article: BLEU, chrF++, TER and per-sentence chrF."""
    from toolkit.errors import InputError
    from toolkit.metrics.compare import compare_files

    try:
        result = compare_files(a, b)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(top), ensure_ascii=False, indent=2))
    else:
        from toolkit.metrics.display import print_comparison

        print_comparison(result, top)


@app.command()
def align(
    en: Annotated[Path, typer.Argument(help="The English article (text or HTML).")],
    ko: Annotated[Path, typer.Argument(help="Its Korean original (text or HTML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="TEI file to write.")],
    lexicon: Annotated[Optional[Path], typer.Option("--lexicon", help="Extra lexicon, TSV ko<TAB>en.")] = None,
) -> None:
    """Align an English article with its Korean original sentence by sentence; write TEI."""
    from collections import Counter

    from toolkit.align import align as align_sentences
    from toolkit.align import load_lexicon
    from toolkit.files import write_atomic
    from toolkit.credits import join_korean_credits
    from toolkit.errors import InputError
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article
    from toolkit.tei import write_tei

    if lexicon is not None and not lexicon.is_file():
        typer.echo(f"error: {lexicon}: lexicon file not found", err=True)
        raise typer.Exit(2)
    try:
        english = segment_article(read_article(en))
        korean = segment_article(read_article(ko))
        english.credits = join_korean_credits(english.credits, korean.credits)
        alignment = align_sentences(english.sentences, korean.sentences, load_lexicon(lexicon))
        data = write_tei(english, korean, alignment)
        write_atomic(output, data)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    except ValueError as error:  # an article the TEI profile cannot hold
        typer.echo(f"error: {en}: {error}", err=True)
        raise typer.Exit(1) from None
    except OSError as error:
        typer.echo(f"error: {output}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None
    from toolkit.align.pair import pair_check

    warning = pair_check(english, korean, alignment).warning
    if warning:
        typer.echo(f"warning: {en}: {warning}", err=True)
    types = Counter(b.type for b in alignment.beads)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
    typer.echo(f"{output}: {len(english.sentences)} English and {len(korean.sentences)} Korean sentences,"
               f" {len(alignment.beads)} beads ({summary})")


@app.command()
def show(
    tei_file: Annotated[Path, typer.Argument(help="A TEI file written by `transprov align` or `build`.")],
) -> None:
    """Show an alignment side by side for review: bead type, confidence, English | Korean."""
    from toolkit.errors import InputError
    from toolkit.tei import read_tei
    from toolkit.tei.show import print_alignment

    try:
        en, ko, alignment = read_tei(tei_file)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    print_alignment(en, ko, alignment, str(tei_file))


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="TEI files, or directories of them (recursive *.xml).")],
    as_json: JsonFlag = False,
    schema: Annotated[Optional[list[Path]], typer.Option(
        "--schema", help="Also validate against this RELAX NG (.rng) or Schematron (.sch) file; repeatable.")] = None,
) -> None:
    """Validate TEI files against the transprov RELAX NG and Schematron schemas."""
    from toolkit.errors import InputError
    from toolkit.tei.validate import load_schema, validate_file, xml_paths

    missing = [p for p in paths if not p.exists()]
    files = xml_paths([p for p in paths if p.exists()])
    if not files and not missing:
        typer.echo(f"error: no *.xml files in {', '.join(map(str, paths))}", err=True)
        raise typer.Exit(2)
    try:
        extra = tuple(load_schema(s) for s in schema or [])
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    reports = []
    for path in files:
        report = validate_file(path, extra)
        reports.append(report)
        if not as_json:  # the problems are the report: stdout, so that it can be redirected
            for line in report.lines():
                typer.echo(line)
    invalid = sum(not r.valid for r in reports)
    summary = f"{len(reports)} files, {len(reports) - invalid} valid, {invalid} invalid"
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2))
        typer.echo(summary, err=True)
    else:
        typer.echo(summary)
    for path in missing:  # reported last, like every batch command's failures
        typer.echo(f"error: {path}: no such file or directory", err=True)
    if invalid or missing:
        raise typer.Exit(1)


@app.command()
def export(
    archive: Annotated[Path, typer.Argument(help="Archive directory written by `transprov build`.")],
    fmt: Annotated[str, typer.Option("--format", help="prov-o (Turtle) or prov-json.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    base: Annotated[Optional[str], typer.Option(
        "--base", help="Base IRI of the archive's articles and agents (ends in / or #; "
        "default https://transprov.invalid/, a placeholder).")] = None,
) -> None:
    """Export the archive for other tools: the W3C PROV graph of its credit chains."""
    import re

    from toolkit.errors import InputError
    from toolkit.export import FORMATS, MissingExtra, export_archive

    if fmt not in FORMATS:
        typer.echo(f"error: --format must be one of: {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if base is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*[/#]", base):
        typer.echo(f"error: --base must be an absolute IRI ending in / or #, not {base!r}", err=True)
        raise typer.Exit(2)
    try:
        export_archive(archive, fmt, output, **({"base": base} if base else {}))
    except (InputError, MissingExtra) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    except OSError as error:
        typer.echo(f"error: {output}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{output}: {fmt} of {archive}")


lexicon_app = typer.Typer(help="Lexicons for --lexicon: learn one from a translator's parallel text.",
                          no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("learn")
def lexicon_learn(
    files: Annotated[list[Path], typer.Argument(
        help="TMX files, archive directories, or pairs of line-aligned text files (English and Korean).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Lexicon TSV to write (ko<TAB>en).")],
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Sentence pairs a word pair must meet in.")] = 3,
) -> None:
    """Learn Korean-English lexicon entries by word alignment (IBM Model 1, both directions)."""
    from toolkit.align.training import learn_lexicon, lexicon_tsv, read_pairs_from
    from toolkit.errors import InputError
    from toolkit.files import write_atomic

    with _one_line_errors(output):
        pairs = read_pairs_from(files)
        if not pairs:
            raise InputError(str(files[0]), "no English-Korean sentence pairs found")
        entries = learn_lexicon(pairs, min_count=min_count)
        write_atomic(output, lexicon_tsv(entries, files))
    typer.echo(f"{output}: {len(entries)} entries learned from {len(pairs)} sentence pairs")


@contextmanager
def _one_line_errors(output: Path):
    """Bad input (InputError) and a failed write of `output` (OSError) as one `error:` line, exit 1."""
    from toolkit.errors import InputError

    try:
        yield
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    except OSError as error:
        typer.echo(f"error: {output}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None


def main() -> None:  # pragma: no cover - entry point for `python -m toolkit.cli`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
