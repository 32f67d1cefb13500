"""`build_archive`: a corpus -> a new state of the archive, switched in as a whole.

CORPUS/<id>/en.txt (or en.html) with an optional CORPUS/<id>/ko.txt becomes
ARCHIVE/tei/<id>.xml and rows of ARCHIVE/tables/*.parquet. The steps:

1. scan: the digest of every article folder, compared with the current state's manifest;
   an article is built again when its files, the toolkit or the given lexicon changed, or
   when it failed last time.
2. pass one (a map over chunks of articles on an Executor): ingest, segmentation, the first
   alignment, each article's learner counts.
3. learn (the reduce): the counts of the articles built now plus those kept from the
   previous state give the learned pairs, exactly as a clean build would; articles kept
   from before whose looked-up Korean keys meet a changed learned entry join pass two.
4. pass two (a map): the second alignment, TEI, table rows, each article's beads for the
   terms step.
5. terms (terms.py): the reduce (the archive's recurring words and word-alignment model from
   every article's beads, the model's two directions trained on two workers), then pass
   three (a map): term rows of the articles that need them.
6. the new state beside the current one (TEI of unchanged articles hard-linked, tables
   merged, terms labelled, the glossary), then the switch (state.py). An article that fails
   now keeps its previous TEI and rows and is listed as stale.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.archive.executor import InlineExecutor, executor_for, most_workers, run_all
from toolkit.archive.garbage import fewer_collections
from toolkit.archive.lock import ArchiveLock
from toolkit.archive.manifest import NAME as MANIFEST, Manifest, fingerprint
from toolkit.archive.passes import (Failure, Item, Settings, chunk_key, first_pass, read_given, second_pass,
                                    third_pass, timed_call)
from toolkit.archive.progress import progress_bar
from toolkit.archive.report import BuildReport
from toolkit.archive.sources import FolderDigest, corpus_articles, digest_folder, id_problem, twin_ids
from toolkit.archive.state import Layout, link_or_copy
from toolkit.errors import InputError, one_line, printable
from toolkit.files import write_atomic

CHUNK = 16  # articles per call: small enough to balance two workers, large enough to be cheap
LEARNED = "learned.json"


@dataclass
class _Plan:
    """What the scan decided, article by article."""

    folders: dict[str, Path]
    digests: dict[str, FolderDigest] = field(default_factory=dict)
    rebuild: list[str] = field(default_factory=list)  # pass one runs on these
    unchanged: list[str] = field(default_factory=list)  # their previous output stands (unless realigned)
    failed: dict[str, str] = field(default_factory=dict)  # id -> the one-line failure
    lasting: dict[str, dict] = field(default_factory=dict)  # failures the manifest remembers
    remembered: list[str] = field(default_factory=list)  # failing as last time: not read again
    removed: list[str] = field(default_factory=list)  # in the previous state, gone from the corpus
    usable: bool = False  # the previous state was built by this toolkit with this lexicon


class _Build:
    """One run of `build_archive` (the steps above, sharing their state)."""

    def __init__(self, corpus: Path, archive: Path, lexicon: Path | None, progress: bool,
                 on_error: Callable[[str], None] | None, on_warning: Callable[[str], None] | None,
                 workers: int, scheduler: str | None, chunk: int) -> None:
        self.corpus, self.archive, self.lexicon = corpus, archive, lexicon
        self.progress, self.chunk = progress, max(1, chunk)
        self.on_error, self.on_warning = on_error, on_warning
        self.workers, self.scheduler = workers, scheduler
        self.layout = Layout(archive)
        local = min(workers, most_workers())  # what a pool here starts at most, said even when none starts
        self.report = BuildReport(archive=archive, workers=workers if scheduler else max(1, local))
        self.started = self.mark = time.perf_counter()
        self.cpu_started = time.process_time()
        self.stack = ExitStack()
        self.pool = None

    # ------------------------------------------------------------------ helpers
    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.report.phases[phase] = self.report.phases.get(phase, 0.0) + now - self.mark
        self.mark = now

    def fail(self, article_id: str, failure: Failure) -> None:
        """Note a failure; one that the same sources would meet again is remembered."""
        self.plan.failed[article_id] = failure.line
        if failure.lasting and article_id in self.plan.digests:
            self.plan.lasting[article_id] = {"digest": self.plan.digests[article_id].digest, "error": failure.line}
        if self.on_error:
            self.on_error(failure.line)

    def warn(self, line: str) -> None:
        self.report.warnings.append(line)
        if self.on_warning:
            self.on_warning(line)

    def executor(self, articles: int):
        """The executor, started on first use (a build with nothing to do starts no worker;
        one with a chunk's worth of articles runs them in this process: starting workers
        would cost more than it saves)."""
        if self.pool is None:
            workers = 1 if articles <= self.chunk and not self.scheduler else self.workers
            self.pool = self.stack.enter_context(
                executor_for(workers, self.scheduler, preload="toolkit.archive.preload"))
            self.report.workers = self.pool[1] // 2 if workers > 1 or self.scheduler else 1
        return self.pool

    def dispatch(self, fn, calls: list[tuple], on_result) -> None:
        """fn(*call) for every call on the executor; on_result(index, result) as each ends."""
        executor, slots = self.executor(0)

        def handle(index: int, timed) -> None:
            result, cpu = timed
            if not isinstance(executor, InlineExecutor):  # in this process: counted at the end
                self.report.cpu += cpu
            on_result(index, result)

        try:
            run_all(executor, slots, timed_call, [(fn, *call) for call in calls], handle)
        except InputError:
            raise
        except OSError as error:
            if error.filename:  # a full disk or a lost folder: the file that could not be written
                raise InputError(str(error.filename), f"cannot be written ({error.strerror or one_line(error)}); "
                                                      f"the build stopped and {self.archive} was left as it was") from None
            raise self._worker_failed(error) from None
        except Exception as error:  # a worker died or refused (another toolkit, no shared files)
            raise self._worker_failed(error) from None

    def _worker_failed(self, error: Exception) -> InputError:
        return InputError(str(self.archive), f"a build worker failed ({type(error).__name__}: {one_line(error)}); "
                                             "the archive was left as it was")

    def map(self, fn, calls: list[tuple], bar, task, on_result) -> None:
        def handle(index: int, result) -> None:
            on_result(result)
            bar.update(task, advance=len(calls[index][2]), current=printable(calls[index][2][-1].article_id))

        self.dispatch(fn, calls, handle)

    def on_workers(self, fn, calls: list[tuple]) -> list:
        """[fn(*call) for call in calls], computed on the build's executor (a reduce's parallel part)."""
        out: list = [None] * len(calls)
        self.dispatch(fn, calls, out.__setitem__)
        return out

    def items(self, ids: list[str]) -> list[Item]:
        return [Item(i, os.path.abspath(self.plan.folders[i]), self.plan.digests[i].digest) for i in ids]

    def chunks(self, items: list[Item]) -> list[list[Item]]:
        """Consecutive articles, at most `chunk` a call, fewer as the end nears (about four
        calls a worker for what is left), so that the workers finish a pass together."""
        if not items:
            return []
        slots = self.executor(len(items))[1]
        out, k = [], 0
        while k < len(items):
            size = max(min(4, self.chunk), min(self.chunk, (len(items) - k) // (2 * slots)))
            out.append(items[k:k + size])
            k += size
        return out

    # ------------------------------------------------------------------ the steps
    def run(self) -> BuildReport:
        self.given, lex_digest = read_given(self.lexicon)  # a bad lexicon fails before anything is created
        folders = corpus_articles(self.corpus, exclude=self.archive)
        if not folders:
            raise InputError(str(self.corpus), "the corpus has no article folders (CORPUS/<id>/en.txt); "
                                               "the archive was left as it was")
        self.report.articles = len(folders)
        self.layout.check()
        with ArchiveLock(self.archive), self.stack:
            self.layout.check()
            self.layout.recover(self.warn)
            previous_tei = self.layout.previous_tei()
            self.settings = Settings(fingerprint(), str(Path(self.lexicon).resolve()) if self.lexicon else None,
                                     lex_digest, os.path.abspath(self.layout.work),
                                     os.path.abspath(previous_tei) if previous_tei else None)
            self.previous = self.layout.current()
            self.old = self.layout.current_manifest()
            self.scan(dict(folders))
            self.lap("scan")
            if self.nothing_to_do():
                self.report.unchanged = len(self.plan.unchanged)
                self.report.stale = sorted(i for i in self.plan.failed if self.old.articles.get(i, {}).get("stale"))
                self.report.learned = len(json.loads((self.previous / "learning" / LEARNED).read_bytes()))
                self.layout.remove_work()  # what a killed build left, if anything: nothing to resume
            else:
                with progress_bar(self.progress) as bar:
                    self.first(bar)
                    self.lap("pass1")
                    pairs, affected = self.learn(self.given)
                    self.lap("learn")
                    self.second(bar, pairs, affected)
                    self.lap("pass2")
                self.finish(pairs, affected)
        self.count_rows()
        self.report.cpu += time.process_time() - self.cpu_started
        self.report.failures = [self.plan.failed[i] for i in sorted(self.plan.failed)]
        self.report.seconds = time.perf_counter() - self.started
        return self.report

    def nothing_to_do(self) -> bool:
        """Every article is unchanged, or fails as it did last time: the state stands."""
        plan = self.plan
        return (plan.usable and not plan.rebuild and not plan.removed
                and set(plan.failed) == set(plan.lasting) <= set(self.old.failed))

    def scan(self, folders: dict[str, Path]) -> None:
        old = self.old
        plan = self.plan = _Plan(folders=folders)
        plan.usable = old is not None and old.same_settings(self.settings.fingerprint, self.settings.lexicon_digest)
        for line in twin_ids(list(folders)):
            self.warn(line)
        for article_id, folder in folders.items():
            try:
                problem = id_problem(article_id)
                if problem:
                    raise InputError(str(folder), problem)
                digest = plan.digests[article_id] = digest_folder(article_id, folder)
            except InputError as error:
                self.fail(article_id, Failure(str(error), False))
                continue
            failed = old.failed.get(article_id) if plan.usable else None
            if failed is not None and failed["digest"] == digest.digest:
                self.fail(article_id, Failure(failed["error"], True))  # the same sources fail the same way
                plan.remembered.append(article_id)
                continue
            record = old.articles.get(article_id) if plan.usable else None
            if (record is not None and record["digest"] == digest.digest and not record.get("stale")
                    and self.tei_as_written(article_id, record)):
                plan.unchanged.append(article_id)
            else:
                plan.rebuild.append(article_id)
        if old is not None:
            plan.removed = sorted(set(old.articles) - set(folders))

    def tei_as_written(self, article_id: str, record: dict) -> bool:
        """Whether the article's TEI file is the one the build wrote: a file a reviewer
        changed (relink, the review app) means building the article again, so that its
        reviewed beads reach the tables and the learner."""
        from toolkit.archive.state import file_sha256

        path = self.previous / "tei" / f"{article_id}.xml"
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return False
        if [st.st_size, st.st_mtime_ns] == record.get("tei_stat"):
            return True
        return file_sha256(path) == record["tei"]

    def first(self, bar) -> None:
        items = self.items(self.plan.rebuild)
        self.pass1_calls = [
            (self.settings, chunk_key("pass1", self.settings, [(i.article_id, i.digest) for i in chunk]), chunk)
            for chunk in self.chunks(items)
        ]
        self.passed_first: set[str] = set()

        def on_result(results) -> None:
            for article_id, failed, warnings in results:
                for line in warnings:
                    self.warn(line)
                if failed is None:
                    self.passed_first.add(article_id)
                else:
                    self.fail(article_id, failed)

        if self.pass1_calls:
            task = bar.add_task("pass 1", total=len(items), current="")
            self.map(first_pass, self.pass1_calls, bar, task, on_result)

    def counted(self) -> list[str]:
        """Articles whose learner counts are kept from the previous state: those not read
        again. (An article that passed pass one counts, as in a clean build, even when it
        failed later: its counts were kept with its remembered failure.)"""
        return sorted(self.plan.unchanged + self.plan.remembered) if self.plan.usable else []

    def learn(self, given) -> tuple[list[tuple[str, str]], list[str]]:
        """The reduce: learned pairs from every article's counts; the kept articles they touch."""
        import polars as pl

        from toolkit.archive import learning
        from toolkit.archive.sink import learning_schemas, scan_parts

        schema = learning_schemas()["counts"]
        frames = [scan_parts(self.work_parts(self.pass1_calls, "pass1", "counts"))] if self.pass1_calls else []
        old_learning = self.previous / "learning" if self.previous is not None else None
        if self.counted():
            frames.append(pl.scan_parquet(old_learning / "counts.parquet", schema=schema)
                          .filter(pl.col("article_id").is_in(self.counted())))
        counts = pl.concat(frames) if frames else pl.DataFrame([], schema=schema).lazy()
        pairs = learning.learner_from_counts(counts, given).pairs()
        self.report.learned = len(pairs)
        self.learned_digest = learning.pairs_digest(pairs)
        affected: list[str] = []
        if self.plan.usable and self.plan.unchanged and self.old.learned != self.learned_digest:
            before = [tuple(p) for p in json.loads((old_learning / LEARNED).read_bytes())]
            changed = learning.changed_keys(learning.extend(given, before), learning.extend(given, pairs),
                                            {k for k, _ in before} | {k for k, _ in pairs})
            if changed:
                probes = pl.scan_parquet(old_learning / "probes.parquet").filter(
                    pl.col("article_id").is_in(self.plan.unchanged) & pl.col("key").is_in(sorted(changed)))
                affected = sorted(probes.select("article_id").unique().collect()["article_id"].to_list())
        return pairs, affected

    def second(self, bar, pairs: list[tuple[str, str]], affected: list[str]) -> None:
        items = self.items(sorted(self.passed_first | set(affected)))
        learned = tuple(pairs)
        self.pass2_calls = [
            (self.settings, chunk_key("pass2", self.settings, self.learned_digest,
                                      [(i.article_id, i.digest) for i in chunk]), chunk, learned)
            for chunk in self.chunks(items)
        ]
        self.tei: dict[str, dict] = {}  # id -> {"tei": sha256 of the TEI written, "replaced": ...}

        def on_result(results) -> None:
            for article_id, failed, written, warnings in results:
                for line in warnings:
                    self.warn(line)
                if failed is None:
                    self.report.long_beads += written.pop("long_beads", 0)
                    self.tei[article_id] = written
                else:
                    self.fail(article_id, failed)

        if self.pass2_calls:
            task = bar.add_task("pass 2", total=len(items), current="")
            self.map(second_pass, self.pass2_calls, bar, task, on_result)
        self.tei_dirs = {i.article_id: Path(self.settings.work) / "pass2" / call[1] / "tei"
                         for call in self.pass2_calls for i in call[2]}

    def work_parts(self, calls: list[tuple], passname: str, table: str) -> list[Path]:
        from toolkit.archive.sink import PART

        return [Path(self.settings.work) / passname / call[1] / f"{table}{PART}" for call in calls]

    def finish(self, pairs: list[tuple[str, str]], affected: list[str]) -> None:
        """The new state beside the current one, then the switch; or nothing, when the
        state would hold what the current one holds."""
        plan, old = self.plan, self.old
        built = sorted(self.tei)
        realigned = set(affected)
        unchanged = [i for i in plan.unchanged if i not in realigned]
        stale = sorted(i for i in plan.failed if old is not None and i in old.articles
                       and (self.previous / "tei" / f"{i}.xml").is_file())
        self.report.built, self.report.unchanged, self.report.stale = len(built), len(unchanged), stale
        self.report.realigned = len(realigned & set(built))
        old_stale = {i for i, r in old.articles.items() if r.get("stale")} if old is not None else set()
        if not built and not plan.removed and plan.usable and set(stale) == old_stale and plan.lasting == old.failed:
            self.layout.remove_work()
            return
        self.terms(built, sorted(unchanged + stale))
        self.lap("terms")
        state = self.layout.new_state()
        try:
            self.write_state(state, built, unchanged, stale, pairs)
        except BaseException:
            import shutil

            shutil.rmtree(state, ignore_errors=True)
            raise
        self.lap("state")
        self.layout.switch(state)
        for other in self.layout.all_states():
            if other != state:
                self.layout.retire(other, self.warn)
        self.layout.remove_work()
        self.lap("switch")

    def terms(self, built: list[str], kept: list[str]) -> None:
        """The terms step's reduce and its map (toolkit.archive.terms): the archive's words
        and model from every article's beads, then term rows for the articles that need them."""
        from toolkit.archive import terms

        work = Path(self.settings.work)
        parts = {t: self.work_parts(self.pass2_calls, "pass2", f"terms-{t}") for t in terms.MATERIAL}
        from_tables = terms.gather(work, parts, self.previous, kept, self.given)
        self.terms_plan = plan = terms.plan(work, self.given, self.previous, self.plan.usable,
                                            set(built) | from_tables, run=self.on_workers)
        self.report.rendered = len(plan.render)
        digests = self.plan.digests
        items = [Item(i, "", digests[i].digest if i in digests else "") for i in plan.render]
        self.pass3_calls = [
            (self.settings, chunk_key("pass3", self.settings, self.learned_digest, plan.digest,
                                      [(i.article_id, i.digest) for i in chunk]), chunk, str(plan.model), plan.digest)
            for chunk in self.chunks(items)
        ]
        if self.pass3_calls:
            with progress_bar(self.progress) as bar:
                task = bar.add_task("terms", total=len(items), current="")
                self.map(third_pass, self.pass3_calls, bar, task, lambda results: None)

    def write_state(self, state: Path, built: list[str], unchanged: list[str], stale: list[str],
                    pairs: list[tuple[str, str]]) -> None:
        from toolkit.archive.sink import combine, learning_schemas, sink_metrics
        from toolkit.metrics.tables import ROW_TABLES, schemas

        previous, old, plan = self.previous, self.old, self.plan
        for article_id in built:
            link_or_copy(self.tei_dirs[article_id] / f"{article_id}.xml", state / "tei" / f"{article_id}.xml")
        kept = sorted(unchanged + stale)
        for article_id in kept:
            link_or_copy(previous / "tei" / f"{article_id}.xml", state / "tei" / f"{article_id}.xml")
        old_tables = previous / "tables" if previous is not None else None
        for table in ROW_TABLES:
            combine(state / "tables" / f"{table}.parquet", schemas()[table],
                    self.work_parts(self.pass2_calls, "pass2", table),
                    old_tables / f"{table}.parquet" if old_tables else None, kept)
        sink_metrics(state / "tables")
        from toolkit.archive import terms  # rows kept and made now, labelled; the glossary

        terms.write(state, Path(self.settings.work), self.terms_plan, self.work_parts(self.pass3_calls, "pass3", "terms"),
                    self.previous)
        self.lap("tables")
        learning = learning_schemas()
        old_learning = previous / "learning" if previous is not None and plan.usable else None
        combine(state / "learning" / "counts.parquet", learning["counts"],
                self.work_parts(self.pass1_calls, "pass1", "counts"),
                old_learning / "counts.parquet" if old_learning else None, self.counted())
        combine(state / "learning" / "probes.parquet", learning["probes"],
                self.work_parts(self.pass2_calls, "pass2", "probes"),
                old_learning / "probes.parquet" if old_learning else None, unchanged)
        write_atomic(state / "learning" / LEARNED, json.dumps(pairs, ensure_ascii=False).encode("utf-8"))
        articles: dict[str, dict] = {}
        for article_id in built:
            digest = plan.digests[article_id]
            written = {k: v for k, v in self.tei[article_id].items() if v is not None}
            articles[article_id] = {"digest": digest.digest, "files": digest.files, **written}
        for article_id, record in articles.items():  # how the file looks, to notice a reviewer's edit cheaply
            st = os.lstat(state / "tei" / f"{article_id}.xml")
            record["tei_stat"] = [st.st_size, st.st_mtime_ns]
        for article_id in unchanged:
            articles[article_id] = old.articles[article_id]
        for article_id in stale:
            articles[article_id] = {**old.articles[article_id], "stale": True}
        manifest = Manifest(self.settings.fingerprint, self.settings.lexicon_digest, self.learned_digest,
                            dict(sorted(articles.items())), dict(sorted(plan.lasting.items())))
        write_atomic(state / MANIFEST, manifest.to_json())  # last: a state without it is unfinished

    def count_rows(self) -> None:
        import polars as pl

        from toolkit.metrics.tables import TABLES

        state = self.layout.current()
        if state is None:
            return
        for table in TABLES:
            path = state / "tables" / f"{table}.parquet"
            if path.is_file():
                self.report.rows[table] = pl.scan_parquet(path).select(pl.len()).collect().item()


def build_archive(corpus: Path, archive: Path, lexicon: Path | None = None,
                  progress: bool = True, on_error: Callable[[str], None] | None = None,
                  workers: int = 1, scheduler: str | None = None, chunk: int = CHUNK,
                  on_warning: Callable[[str], None] | None = None) -> BuildReport:
    """Build ARCHIVE/tei/<id>.xml and ARCHIVE/tables/*.parquet from CORPUS/<id>/en.txt (+ ko.txt).

    `workers` processes on this machine (1: in this process), or the Dask cluster at
    `scheduler`; the output is the same. Bad articles are skipped with one line each in
    `report.failures` (and passed to `on_error` as they happen); an article that fails
    keeps the TEI and rows of an earlier build (`report.stale`). Files found in tei/ that
    no build wrote are moved to ARCHIVE/orphans/ (`on_warning`). Raises InputError, and
    leaves the archive as it was, for an empty corpus, a bad lexicon, a locked archive, a
    symlinked folder in the archive or a worker that failed.
    """
    with fewer_collections():
        return _Build(Path(corpus), Path(archive), Path(lexicon) if lexicon else None, progress,
                      on_error, on_warning, workers, scheduler, chunk).run()
