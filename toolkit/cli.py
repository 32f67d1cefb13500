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
# sentence pairs `lexicon learn` takes unless asked for more: Kiwi reads every Korean sentence, so a
# million-line pair is many minutes and gigabytes; the refusal comes at once, before that work
MAX_LEARNED_PAIRS = 300_000


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


# readable=False (and exists=False, Typer's default): Typer would otherwise check every path
# before the command runs and stop the whole batch at the first unreadable one; the commands
# read through toolkit.inputs and report each bad file on its own line instead.
Files = Annotated[list[Path], typer.Argument(help="Article files or directories of them.", readable=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _error(text: object) -> None:
    """One `error: …` line on stderr, with every control character of paths and ids escaped,
    so that no name can start a line of its own (a forged `error:` line, say)."""
    from toolkit.errors import printable

    typer.echo(f"error: {printable(text)}", err=True)


def _warning(text: object) -> None:
    """One `warning: …` line on stderr, escaped as `_error`'s is."""
    from toolkit.errors import printable

    typer.echo(f"warning: {printable(text)}", err=True)


def _report_failures(failures: list, code: int = 1) -> None:
    for line in failures:
        _error(line)
    if failures:
        raise typer.Exit(code)


def _read_each(paths: list[Path], read) -> tuple[list, list[str]]:
    """`read(path)` of every path, collecting one line per failure instead of stopping."""
    from toolkit.errors import InputError, internal_error

    results, failures = [], []
    for path in paths:
        try:
            results.append(read(path))
        except InputError as error:
            failures.append(str(error))
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
            failures.append(f"{path}: {internal_error(error)}")
    return results, failures


def _read_all(paths: list[Path]):
    """Read every article (folders expanded), collecting one-line failures instead of stopping;
    what reading left out of an article is a warning line."""
    from toolkit.ingest import read_article
    from toolkit.inputs import expand

    files, problems = expand(paths, ARTICLE_SUFFIXES)
    articles, failures = _read_each(files, read_article)
    _warn_of_left_out(articles)
    return articles, [str(p) for p in problems] + failures


def _warn_of_left_out(articles) -> None:
    """A warning line for each thing reading left out of an article (every command that reads
    articles says it, as a build's report does)."""
    for line in (line for article in articles for line in article.warnings):
        _warning(line)


def _lexicon_or_exit(lexicon: Path | None):
    """Load --lexicon before any work starts: a bad lexicon must not leave half a build
    behind. Exit 2 when the file cannot be read, 1 when its content is wrong."""
    from toolkit.align import load_lexicon
    from toolkit.align.lexicon import MAX_LEXICON_BYTES
    from toolkit.errors import InputError
    from toolkit.inputs import read_input

    if lexicon is not None:
        try:
            read_input(lexicon, MAX_LEXICON_BYTES)
        except InputError as error:
            _error(error)
            raise typer.Exit(2) from None
    try:
        return load_lexicon(lexicon)
    except InputError as error:
        _error(error)
        raise typer.Exit(1) from None


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


def _warn_of_spare_workers(workers: int | None, scheduler: str | None = None, used: int | None = None) -> None:
    """Say so when --workers asks for more local processes than the executor starts (the cores,
    two on one core: `most_workers`): each would only add memory. `used`: what the command will
    run on when it knows (validate: one process per FILES_PER_WORKER files), said as it is."""
    from toolkit.archive.executor import default_workers, most_workers

    if workers is None or scheduler:
        return
    used = min(most_workers(), workers if used is None else used)
    if workers > most_workers():
        _warning(f"--workers {workers} is more than the {default_workers()} cores this process may use; using {used}")
    elif workers > used:
        _warning(f"--workers {workers} is more than this work needs; using {used}")


def _note_hidden_folders(corpus: Path, archive: Path) -> None:
    """One `note:` line naming the corpus's hidden folders, which the build skips (not an error:
    ".git" is no article; but a folder a tool renamed ".name" would otherwise vanish unheard)."""
    from toolkit.archive.sources import hidden_folders
    from toolkit.errors import printable
    from toolkit.files import file_identity

    hidden = [n for n in hidden_folders(corpus) if file_identity(corpus / n) != file_identity(archive)]
    if hidden:
        typer.echo(f"note: {printable(corpus)}: {len(hidden)} hidden folder{'s' if len(hidden) > 1 else ''} "
                   f"skipped (a name starting with \".\" is no article): {printable(', '.join(hidden))}", err=True)


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Corpus directory: CORPUS/<id>/en.txt (+ ko.txt).", readable=False)],
    archive: Annotated[Path, typer.Option("--archive", help="Archive directory to write.", readable=False)],
    lexicon: Annotated[Optional[Path], typer.Option("--lexicon", help="User lexicon TSV: ko<TAB>en.",
                                                    readable=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, help="Processes to build with (default: the machine's cores; 1: this process only).")] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Build on the Dask cluster at this address (tcp://HOST:PORT) instead.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the build report as JSON.")] = False,
) -> None:
    """Build an archive: ARCHIVE/tei/<id>.xml and ARCHIVE/tables/*.parquet from a corpus."""
    from toolkit.archive import build_archive
    from toolkit.archive.cluster import INSTALL_HINT, cluster_available
    from toolkit.archive.executor import default_workers

    if not corpus.is_dir():
        _error(f"{corpus}: corpus is not a directory")
        raise typer.Exit(2)
    if scheduler and not cluster_available():
        _error(INSTALL_HINT)
        raise typer.Exit(2)
    _lexicon_or_exit(lexicon)
    _warn_of_spare_workers(workers, scheduler)
    _note_hidden_folders(corpus, archive)
    with _one_line_errors(archive, after="; the archive was left as it was"):
        report = build_archive(corpus, archive, lexicon=lexicon, progress=not quiet and not as_json,
                               workers=workers or default_workers(), scheduler=scheduler, on_error=_error,
                               on_warning=_warning)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)


@app.command()
def metrics(
    archive: Annotated[Path, typer.Argument(help="Archive directory (or its tables/ directory).", readable=False)],
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
    from toolkit.errors import InputError
    from toolkit.metrics.summary import require_table, tables_dir

    if as_json and as_csv:
        typer.echo("error: choose one of --json and --csv", err=True)
        raise typer.Exit(2)
    try:
        tables = tables_dir(archive)
        for name in names:
            require_table(tables, name)
    except InputError as error:
        _error(error)
        raise typer.Exit(1) from None


def _read_tables(archive: Path, query):
    """`query()`, with a damaged table reported in one line, not a traceback."""
    from toolkit.errors import InputError, one_line

    try:
        return query()
    except InputError as error:  # it names the table itself (a FIFO, say)
        _error(error)
        raise typer.Exit(1) from None
    except Exception as error:  # noqa: BLE001
        _error(_damaged_table(archive) or f"{archive}: cannot read the tables ({one_line(error)})")
        raise typer.Exit(1) from None


def _damaged_table(archive: Path):
    """The table a failed query could not read, as an error naming it (None: none is damaged)."""
    from toolkit.errors import InputError
    from toolkit.metrics.summary import damaged_table, tables_dir

    try:
        return damaged_table(tables_dir(archive))
    except InputError as error:
        return error


def _print_frame(df, title: str, as_json: bool, as_csv: bool) -> None:
    """A frame as JSON, CSV (list columns joined by '; ') or a table."""
    if as_json:
        typer.echo(json.dumps(df.to_dicts(), ensure_ascii=False, indent=2))
    elif as_csv:
        import polars as pl

        lists = [c for c, t in df.schema.items() if isinstance(t, pl.List)]
        typer.echo(df.with_columns(pl.col(c).list.join("; ") for c in lists).write_csv(), nl=False)
    else:
        from toolkit.errors import printable
        from toolkit.metrics.display import print_frame

        print_frame(df, title=printable(title))


@app.command()
def terms(
    archive: Annotated[Path, typer.Argument(help="Archive directory (or its tables/ directory).", readable=False)],
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
    a: Annotated[Path, typer.Argument(help="Reference version (e.g. the published text).", readable=False)],
    b: Annotated[Path, typer.Argument(help="Other version (e.g. the translator's draft).", readable=False)],
    as_json: JsonFlag = False,
    top: Annotated[int, typer.Option("--top", min=0, help="How many differing sentences to list.")] = 10,
) -> None:
    """Compare two English versions of an article: BLEU, chrF++, TER and per-sentence chrF."""
    from toolkit.metrics.compare import compare_texts, read_version

    versions, failures = _read_each([a, b], read_version)  # both read: two bad files, two lines
    _report_failures(failures)
    (a_text, a_ids), (b_text, b_ids) = versions
    result = compare_texts(a_text, b_text, a_ids, b_ids, str(a), str(b))
    if as_json:
        typer.echo(json.dumps(result.as_dict(top), ensure_ascii=False, indent=2))
    else:
        from toolkit.metrics.display import print_comparison

        print_comparison(result, top)


@app.command()
def align(
    en: Annotated[Path, typer.Argument(help="The English article (text or HTML).", readable=False)],
    ko: Annotated[Path, typer.Argument(help="Its Korean original (text or HTML).", readable=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="TEI file to write.", readable=False)],
    lexicon: Annotated[Optional[Path], typer.Option("--lexicon", help="Extra lexicon, TSV ko<TAB>en.",
                                                    readable=False)] = None,
    show_table: Annotated[bool, typer.Option("--show", help="Print the review table of the result.")] = False,
) -> None:
    """Align an English article with its Korean original sentence by sentence; write TEI."""
    from collections import Counter

    from toolkit.align import align as align_sentences
    from toolkit.files import check_output, write_atomic
    from toolkit.credits import join_korean_credits
    from toolkit.errors import InputError, printable
    from toolkit.ingest import read_article
    from toolkit.segment import article_analyses, provided_tokens, segment_article
    from toolkit.tei import write_tei

    try:
        check_output(output, (en, ko, lexicon), probe=True)  # before the work: a FIFO, an input, no right to write
    except InputError as error:
        _error(error)
        raise typer.Exit(1) from None
    user_lexicon = _lexicon_or_exit(lexicon)
    articles, failures = _read_each([en, ko], lambda path: segment_article(read_article(path)))
    _report_failures(failures)  # both read: two bad files, two lines
    _warn_of_left_out(articles)
    english, korean = articles
    from toolkit.align.pair import same_language

    problem = same_language(english, korean)
    if problem:
        _error(f"{printable(en if problem[0] == 'en' else ko)}: {problem[1]}")
        raise typer.Exit(1)
    try:
        english.credits = join_korean_credits(english.credits, korean.credits)
        analyses = article_analyses(korean)  # each sentence read in its paragraph, as a build reads it
        with provided_tokens(analyses):
            alignment = align_sentences(english.sentences, korean.sentences, user_lexicon)
        data = write_tei(english, korean, alignment)
        write_atomic(output, data)
    except InputError as error:
        _error(error)
        raise typer.Exit(1) from None
    except ValueError as error:  # an article the TEI profile cannot hold
        _error(f"{en}: {error}")
        raise typer.Exit(1) from None
    except OSError as error:
        _error(f"{output}: {error.strerror or error}")
        raise typer.Exit(1) from None
    from toolkit.align.pair import pair_check

    with provided_tokens(analyses):
        warning = pair_check(english, korean, alignment, user_lexicon).warning
    if warning:
        typer.echo(f"warning: {printable(en)}: {warning}", err=True)
    types = Counter(b.type for b in alignment.beads)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
    typer.echo(f"{printable(output)}: {len(english.sentences)} English and {len(korean.sentences)} Korean sentences,"
               f" {len(alignment.beads)} beads ({summary})")
    if show_table:
        from toolkit.review.show import print_legend, show_files

        _report_failures(show_files([output]))
        print_legend()


@app.command()
def show(
    paths: Annotated[list[Path], typer.Argument(help="TEI files written by `align` or `build`, or directories of them.",
                                                readable=False)],
    fmt: Annotated[str, typer.Option("--format", help="table, json or tsv.")] = "table",
    only_issues: Annotated[bool, typer.Option("--only-issues", help="Only flagged beads no reviewer has confirmed.")] = False,
    min_cert: Annotated[float, typer.Option("--min-cert", min=0.0, max=1.0,
                                            help="Flag beads below this confidence as low cert.")] = 0.5,
) -> None:
    """Show alignments side by side for review: bead, type, confidence, flags, English | Korean."""
    from toolkit.inputs import expand
    from toolkit.review.show import FORMATS, print_legend, show_files

    if fmt not in FORMATS:
        typer.echo(f"error: --format must be one of: {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    files, problems = expand(paths, {".xml"})  # files that cannot be read are show_files' failures
    failures = show_files(files, fmt, only_issues, min_cert)
    if fmt == "table" and files:
        print_legend()
    _report_failures([str(p) for p in problems] + failures)


def _ids(value: str) -> list[str]:
    return [part for part in value.replace(",", " ").split() if part]


@app.command()
def relink(
    tei_file: Annotated[Path, typer.Argument(help="A TEI file written by `align` or `build`.", readable=False)],
    en: Annotated[str, typer.Option("--en", help="English sentence ids, comma-separated (empty: none).")] = "",
    ko: Annotated[str, typer.Option("--ko", help="Korean sentence ids, comma-separated (empty: none).")] = "",
    confirm: Annotated[bool, typer.Option("--confirm", help="Mark these sentences, already one bead, as reviewed.")] = False,
    reviewer: Annotated[Optional[str], typer.Option(
        "--reviewer", help="Your name (default: $TRANSPROV_REVIEWER, else git's user.name).")] = None,
) -> None:
    """Make these sentences one reviewed bead (an empty side: added or untranslated); rewrite the file."""
    from toolkit.errors import printable
    from toolkit.review.relink import relink_file
    from toolkit.review.reviewer import NoReviewer, resolve_reviewer, review_time

    en_ids, ko_ids = _ids(en), _ids(ko)
    if not en_ids and not ko_ids:
        typer.echo("error: name the sentences with --en and/or --ko", err=True)
        raise typer.Exit(2)
    try:
        name = resolve_reviewer(reviewer)
    except NoReviewer as error:
        _error(error)
        raise typer.Exit(2) from None
    with _one_line_errors(tei_file):
        done = relink_file(tei_file, [(en_ids, ko_ids)], name, review_time(), confirm=confirm)
    typer.echo(printable(f"{tei_file}: {done.change} (reviewer: {name})"))


@app.command()
def review(
    paths: Annotated[list[Path], typer.Argument(help="An archive (its tei/ folder), folders of TEI files, or TEI files.",
                                                readable=False)],
    port: Annotated[Optional[int], typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1 (default: a free one).")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser.")] = False,
    reviewer: Annotated[Optional[str], typer.Option(
        "--reviewer", help="Your name (default: $TRANSPROV_REVIEWER, else git's user.name).")] = None,
    min_cert: Annotated[float, typer.Option("--min-cert", min=0.0, max=1.0,
                                            help="Flag beads below this confidence as low cert.")] = 0.5,
) -> None:
    """Review alignments in a local web app: link, unlink, merge, split, mark and confirm beads."""
    from toolkit.errors import InputError
    from toolkit.review.reviewer import NoReviewer, resolve_reviewer
    from toolkit.review.server import EXTRA, missing_dependencies, serve

    missing = missing_dependencies()
    if missing:
        typer.echo(f"error: the review app needs {', '.join(missing)}: {EXTRA}", err=True)
        raise typer.Exit(1)
    try:
        name = resolve_reviewer(reviewer)
    except NoReviewer as error:
        _error(error)
        raise typer.Exit(2) from None
    absent = [p for p in paths if not p.exists()]
    if absent:
        _error(f"{absent[0]}: no such file or directory")
        raise typer.Exit(2)
    try:
        serve(paths, name, port, open_browser=not no_browser, low_cert=min_cert)
    except InputError as error:
        _error(error)
        raise typer.Exit(1) from None
    except OSError as error:
        typer.echo(f"error: 127.0.0.1:{port or 0}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        pass


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="TEI files, or directories of them (recursive *.xml).",
                                                readable=False)],
    as_json: JsonFlag = False,
    schema: Annotated[Optional[list[Path]], typer.Option(
        "--schema", help="Also validate against this RELAX NG (.rng) or Schematron (.sch) file; repeatable.",
        readable=False)] = None,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, help="Processes to validate with (default: the machine's cores; small batches use one).")] = None,
) -> None:
    """Validate TEI files against the transprov RELAX NG and Schematron schemas."""
    from toolkit.archive.executor import default_workers
    from toolkit.archive.validate import validate_in_parallel, validation_workers
    from toolkit.errors import InputError
    from toolkit.inputs import expand
    from toolkit.tei.validate import load_schema

    files, problems = expand(paths, {".xml"})
    if not files:
        _report_failures(problems, 2)
    try:
        for extra in schema or []:  # a schema that does not compile is a usage error, before any file
            load_schema(extra)
    except InputError as error:
        _error(error)
        raise typer.Exit(2) from None
    reports, unreadable = [], [str(p) for p in problems]

    def on_report(report) -> None:
        if report.unreadable is not None:  # reported last, like every batch command's failures
            unreadable.append(f"{report.file}: {report.unreadable}")
            return
        reports.append(report)
        if not as_json:  # the problems are the report: stdout, so that it can be redirected
            for line in report.lines():
                typer.echo(line)

    _warn_of_spare_workers(workers, used=validation_workers(len(files), workers or default_workers()))
    validate_in_parallel(files, schema or [], workers or default_workers(), on_report)
    invalid = sum(not r.valid for r in reports)
    summary = f"{len(reports)} files, {len(reports) - invalid} valid, {invalid} invalid"
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2))
        typer.echo(summary, err=True)
    else:
        typer.echo(summary)
    for line in unreadable:
        _error(line)
    if invalid or unreadable:
        raise typer.Exit(1)


lexicon_app = typer.Typer(help="Lexicons for --lexicon: learn one from a translator's parallel text.",
                          no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("learn")
def lexicon_learn(
    files: Annotated[list[Path], typer.Argument(
        help="TMX files, archive directories, or pairs of line-aligned text files (English and Korean).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Lexicon TSV to write (ko<TAB>en).")],
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Sentence pairs a word pair must meet in.")] = 3,
    max_pairs: Annotated[int, typer.Option("--max-pairs", min=1, help=(
        "Refuse more sentence pairs than this (every Korean sentence is analysed: a million takes many minutes)."))]
    = MAX_LEARNED_PAIRS,
) -> None:
    """Learn Korean-English lexicon entries by word alignment (IBM Model 1, both directions)."""
    from toolkit.align.training import learn_lexicon, lexicon_tsv, read_pairs_from
    from toolkit.errors import InputError
    from toolkit.export import check_outside
    from toolkit.files import check_output, write_atomic

    with _one_line_errors(output):
        check_output(output, files, probe=True)
        for archive in (path for path in files if path.is_dir()):
            check_outside(archive, output)  # its tables are read: never written over
        pairs = read_pairs_from(files, most=max_pairs)
        if not pairs:
            raise InputError(str(files[0]), "no English-Korean sentence pairs found")
        entries = learn_lexicon(pairs, min_count=min_count)
        write_atomic(output, lexicon_tsv(entries, files))
    typer.echo(f"{output}: {len(entries)} entries learned from {len(pairs)} sentence pairs")


@contextmanager
def _one_line_errors(output: Path, also: tuple[type[Exception], ...] = (), after: str = ""):
    """Bad input (InputError, or one of `also`) and a failed write of `output` (OSError) as one
    `error:` line, exit 1; `after` ends the OSError's line."""
    from toolkit.errors import InputError

    try:
        yield
    except (InputError, *also) as error:
        _error(error)
        raise typer.Exit(1) from None
    except OSError as error:
        _error(f"{output}: {error.strerror or error}{after}")
        raise typer.Exit(1) from None


@app.command()
def export(
    archive: Annotated[Path, typer.Argument(help="Archive directory written by `transprov build`.", readable=False)],
    fmt: Annotated[str, typer.Option("--format", help="prov-o (Turtle), prov-json, tmx (TMX 1.4) or tsv (bitext).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.", readable=False)],
    base: Annotated[Optional[str], typer.Option(
        "--base", help="Base IRI of the archive's articles and agents (ends in / or #; "
        "default https://transprov.invalid/, a placeholder).")] = None,
    min_cert: Annotated[float, typer.Option("--min-cert", min=0.0, max=1.0, help=(
        "tmx, tsv: unreviewed beads need at least this confidence (reviewed beads always go)."))] = 0.5,
) -> None:
    """Export the archive for other tools: the W3C PROV graph of its credit chains, or its aligned
    beads (reviewed ones, and others at or above --min-cert) as a TMX memory or a bitext."""
    import re

    from toolkit.errors import printable
    from toolkit.export import BEAD_FORMATS, FORMATS, MissingExtra, export_archive

    if fmt not in FORMATS:
        typer.echo(f"error: --format must be one of: {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if base is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*[/#]", base):
        typer.echo(f"error: --base must be an absolute IRI ending in / or #, not {base!r}", err=True)
        raise typer.Exit(2)
    if base is not None and fmt in BEAD_FORMATS:
        typer.echo(f"error: --base applies to prov-o and prov-json, not {fmt}", err=True)
        raise typer.Exit(2)
    if fmt in BEAD_FORMATS and not archive.is_dir():
        _error(f"{archive}: not a directory")
        raise typer.Exit(2)
    failures: list[str] = []
    options = {"min_cert": min_cert, "failures": failures} if fmt in BEAD_FORMATS else {}
    if base:
        options["base"] = base
    with _one_line_errors(output, also=(MissingExtra,)):
        written = export_archive(archive, fmt, output, **options)
    typer.echo(printable(f"{output}: {fmt} of {archive}") + (f" ({written} beads)" if fmt in BEAD_FORMATS else ""))
    _report_failures(failures)


def main() -> None:  # pragma: no cover - entry point for `python -m toolkit.cli`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
