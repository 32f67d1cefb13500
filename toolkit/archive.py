"""Batch build of a corpus into an archive: TEI files and Parquet tables.

CORPUS/<id>/en.txt (or en.html) with an optional CORPUS/<id>/ko.txt becomes
ARCHIVE/tei/<id>.xml and rows of ARCHIVE/tables/*.parquet. One process, models loaded
once; a bad article is reported in one line and skipped. Memory stays flat in the size
of the corpus: rows are flushed to part files every `batch` articles and the parts are
combined at the end by a streaming scan + sink; articles are processed in sorted order,
so the combined tables are in (article_id, position) order without a global sort.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError
from toolkit.files import atomic_path, write_atomic
from toolkit.model import Alignment, Article
from toolkit.terminal import console

EN_NAMES = ("en.txt", "en.html", "en.htm")
KO_NAMES = ("ko.txt", "ko.html", "ko.htm")
BATCH = 200


@dataclass
class BuildReport:
    """What a build did: articles seen, built and failed (one line each), rows written."""

    archive: Path
    articles: int = 0
    built: int = 0
    failures: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    learned: int = 0  # lexicon pairs learned from the corpus for the second pass
    warnings: list[str] = field(default_factory=list)  # e.g. reviewed beads a changed source made stale
    seconds: float = 0.0
    # wall seconds per phase (pass1: ingest, segmentation, first alignment; learn;
    # pass2: second alignment, TEI, rows; tables: combining the Parquet parts, metrics;
    # terms: the word model, renderings and glossary)
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def corpus_articles(corpus: Path) -> list[tuple[str, Path]]:
    """(article_id, folder) for every folder of CORPUS, sorted by id."""
    if not corpus.is_dir():
        raise InputError(str(corpus), "corpus is not a directory")
    return sorted((p.name, p) for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("."))


def _first(folder: Path, names: tuple[str, ...]) -> Path | None:
    return next((folder / n for n in names if (folder / n).is_file()), None)


def load_pair(folder: Path) -> tuple[Article, Article | None]:
    """Read and segment one corpus folder; the English credits get their Korean names joined."""
    from toolkit.credits import join_korean_credits
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    en_path = _first(folder, EN_NAMES)
    if en_path is None:
        raise InputError(str(folder), "no en.txt or en.html in the article folder")
    en = segment_article(read_article(en_path))
    if not en.sentences:
        raise InputError(str(en_path), "no body sentences found")
    ko_path = _first(folder, KO_NAMES)
    ko = segment_article(read_article(ko_path)) if ko_path else None
    if ko is not None and not ko.sentences:
        raise InputError(str(ko_path), "no body sentences found in the Korean original")
    if ko is not None:
        en.credits = join_korean_credits(en.credits, ko.credits)
    # CORPUS/<id>/meta.json (url, published, outlet; ko_ for the original) wins over page metadata
    from toolkit.corpusmeta import apply_corpus_meta
    apply_corpus_meta(folder, en, ko)
    # the archive records sources relative to the corpus, so that the same corpus gives
    # byte-identical TEI wherever it lies and however its path was typed
    for article, path in ((en, en_path), (ko, ko_path)):
        if article is not None:
            article.source = f"{folder.name}/{path.name}"
    return en, ko


class TableSink:
    """Rows of the row tables, flushed to part files in batches and combined at the end."""

    def __init__(self, tables: Path, batch: int = BATCH) -> None:
        from toolkit.metrics.tables import ROW_TABLES

        self.tables = tables
        self.batch = batch
        self.parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=tables))
        self.pending: dict[str, list[dict]] = {t: [] for t in ROW_TABLES}
        self.files: dict[str, list[Path]] = {t: [] for t in ROW_TABLES}
        self.rows: dict[str, int] = {t: 0 for t in ROW_TABLES}
        self.articles = 0

    def add(self, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.pending[table].extend(table_rows)
        self.articles += 1
        if self.articles % self.batch == 0:
            self.flush()

    def flush(self) -> None:
        from toolkit.metrics.tables import frame

        for table, rows in self.pending.items():
            if not rows:
                continue
            part = self.parts / f"{table}-{len(self.files[table]):06d}.parquet"
            frame(table, rows).write_parquet(part)
            self.files[table].append(part)
            self.rows[table] += len(rows)
            self.pending[table] = []

    def finish(self) -> dict[str, int]:
        """Combine the parts of every table into ARCHIVE/tables/<table>.parquet, atomically."""
        import polars as pl

        from toolkit.metrics.tables import frame, schemas

        self.flush()
        try:
            for table, files in self.files.items():
                with atomic_path(self.tables / f"{table}.parquet") as tmp:
                    if files:
                        pl.scan_parquet(files, schema=schemas()[table]).sink_parquet(tmp, maintain_order=True)
                    else:
                        frame(table, []).write_parquet(tmp)
            sink_metrics(self.tables)
        finally:
            shutil.rmtree(self.parts, ignore_errors=True)
        return dict(self.rows)

    def abandon(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)


def sink_metrics(tables: Path) -> None:
    """Write ARCHIVE/tables/metrics.parquet from the other tables (one row per article)."""
    import polars as pl

    from toolkit.metrics.summary import article_metrics
    from toolkit.metrics.tables import schemas

    schema = schemas()["metrics"]
    with atomic_path(tables / "metrics.parquet") as tmp:
        (article_metrics(tables).select(pl.col(c).cast(t) for c, t in schema.items())
         .sink_parquet(tmp, maintain_order=True))


class _Aligner:
    """The aligner with its lexicon loaded once, and the corpus learning of its second pass.

    Pass one aligns every article with the built-in (+ user) lexicon and feeds confident
    beads to the learner; pass two re-aligns with the learned pairs added. When nothing
    was learned, the first alignment is kept (the second would be identical).
    """

    def __init__(self, lexicon: Path | None) -> None:
        from toolkit.align import LexiconLearner, load_lexicon

        self.lexicon = load_lexicon(lexicon)
        # counts only what the lexicon does not already explain (the documented protocol)
        self.learner = LexiconLearner(known=self.lexicon)
        self.learned = None

    def first(self, en: Article, ko: Article, reviewed=None) -> Alignment:
        from toolkit.align import align
        from toolkit.review.carry import apply_reviewed

        # reviewed beads go in before the learner sees the alignment: they are what it trusts most
        alignment = apply_reviewed(align(en.sentences, ko.sentences, self.lexicon), en, ko, reviewed)
        self.learner.observe(en.sentences, ko.sentences, alignment)
        return alignment

    def learn(self) -> int:
        pairs = list(self.learner.pairs())
        self.learned = self.lexicon.extended(pairs, source="learned") if pairs else None
        return len(pairs)

    def second(self, en: Article, ko: Article, first: Alignment, reviewed=None) -> Alignment:
        from toolkit.align import align
        from toolkit.review.carry import apply_reviewed

        if self.learned is None:
            return first
        return apply_reviewed(align(en.sentences, ko.sentences, self.learned), en, ko, reviewed)


def _progress(enabled: bool):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), TextColumn("{task.fields[current]}", markup=False),
        console=console(stderr=True), disable=not enabled, transient=False,
    )


def _remove_stale_tei(tei_dir: Path, built: set[str]) -> None:
    """The tables are rewritten whole, so the TEI folder must hold exactly this build's
    articles: a file left from an earlier build (an article since removed, or failing now)
    would be in the archive with no rows in its tables."""
    for path in tei_dir.glob("*.xml"):
        if path.stem not in built:
            path.unlink()


def _failure(article_id: str, error: Exception) -> str:
    if isinstance(error, InputError):
        return str(error)
    text = " ".join(str(error).split()) or type(error).__name__
    return f"{article_id}: internal error ({type(error).__name__}): {text}"


def _lap(report: BuildReport, phase: str, since: float) -> float:
    now = time.perf_counter()
    report.phases[phase] = now - since
    return now


def build_archive(corpus: Path, archive: Path, lexicon: Path | None = None,
                  progress: bool = True, on_error: Callable[[str], None] | None = None,
                  batch: int = BATCH) -> BuildReport:
    """Build ARCHIVE/tei/<id>.xml and ARCHIVE/tables/*.parquet from CORPUS/<id>/en.txt (+ ko.txt).

    Bad articles are skipped with one line each in `report.failures` (and passed to
    `on_error` as they happen); the tables hold the articles that were built.
    """
    from toolkit.metrics.tables import article_rows
    from toolkit.review.carry import reviewed_beads, stale_reviews
    from toolkit.tei import write_tei

    started = time.perf_counter()
    report = BuildReport(archive=archive)
    folders = corpus_articles(corpus)
    report.articles = len(folders)
    tei_dir, tables = archive / "tei", archive / "tables"
    tei_dir.mkdir(parents=True, exist_ok=True)
    tables.mkdir(parents=True, exist_ok=True)

    aligner = _Aligner(lexicon)
    cache = Path(tempfile.mkdtemp(prefix=".pass1-", dir=archive))
    sink = TableSink(tables, batch=batch)
    done: list[tuple[str, Path]] = []
    built: set[str] = set()

    def fail(article_id: str, error: Exception) -> None:
        line = _failure(article_id, error)
        report.failures.append(line)
        if on_error:
            on_error(line)

    try:
        with _progress(progress) as bar:
            first = bar.add_task("aligning", total=len(folders), current="")
            for article_id, folder in folders:
                bar.update(first, current=article_id)
                try:
                    en, ko = load_pair(folder)
                    reviewed = reviewed_beads(tei_dir / f"{article_id}.xml") if ko is not None else None
                    report.warnings += [f"{article_id}: reviewed bead {label} dropped: its sentences changed"
                                        for label in stale_reviews(en, ko, reviewed)]
                    alignment = aligner.first(en, ko, reviewed) if ko is not None else None
                    with open(cache / f"{len(done):07d}.pickle", "wb") as out:
                        pickle.dump((en, ko, alignment, reviewed), out, protocol=pickle.HIGHEST_PROTOCOL)
                    done.append((article_id, cache / f"{len(done):07d}.pickle"))
                except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
                    fail(article_id, error)
                bar.advance(first)
            mark = _lap(report, "pass1", started)
            report.learned = aligner.learn()
            mark = _lap(report, "learn", mark)
            second = bar.add_task("writing", total=len(done), current="")
            for article_id, cached in done:
                bar.update(second, current=article_id)
                try:
                    with open(cached, "rb") as data:
                        en, ko, alignment, reviewed = pickle.load(data)  # our own file from pass one
                    cached.unlink()
                    if ko is not None:
                        alignment = aligner.second(en, ko, alignment, reviewed)
                    write_atomic(tei_dir / f"{article_id}.xml", write_tei(en, ko, alignment))
                    rows = article_rows(article_id, en, ko, alignment)
                    sink.add(rows)
                    # --- pair check (align room): the files may not be a translation pair
                    if rows["articles"][0]["pair_warning"]:
                        report.warnings.append(f"{article_id}: {rows['articles'][0]['pair_warning']}")
                    # ---
                    built.add(article_id)
                    report.built += 1
                except Exception as error:  # noqa: BLE001
                    fail(article_id, error)
                bar.advance(second)
            bar.update(second, current="tables")
            _remove_stale_tei(tei_dir, built)
            mark = _lap(report, "pass2", mark)
            report.rows = sink.finish()
            mark = _lap(report, "tables", mark)
            # the terms step: a reduce over the whole archive once its links are written (the
            # word model trains on all confident beads); the given lexicon is its prior, the
            # learned pairs would judge themselves
            from toolkit.terms import write_term_tables
            report.rows.update(write_term_tables(tables, aligner.lexicon))
            _lap(report, "terms", mark)
    except BaseException:
        sink.abandon()
        raise
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report
