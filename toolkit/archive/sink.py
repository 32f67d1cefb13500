"""Table rows to Parquet: part files written by the workers, combined by the build.

Memory stays flat in the size of the corpus: every chunk of articles writes its rows as
one part file per table, and the parts are combined by a streaming scan + sink. Chunks
hold consecutive articles in id order, so concatenating the parts in chunk order gives
tables in (article_id, position) order without a global sort; the rows an incremental
build keeps from the previous state are merged in by `merge_sorted` on article_id.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from toolkit.files import atomic_path

BATCH = 200
# rows per row group of a merged table, fixed: left to polars, the groups follow the part files'
# rows (400,000 rows: 3 groups from one part, 4 from four, 4 from ten), and the parts follow the
# number of workers and what an incremental build keeps (main's incremental build of 400
# articles: counts in 3 groups, 2 in a clean build): the same table in other bytes. A table
# below this is one group (from one part: the same bytes as polars' own choice)
ROWS_PER_GROUP = 100_000


COUNT_COLUMNS = ("kind", "key", "value", "count")  # a learner-count row's fields (learning.contribution), in order


def learning_schemas() -> dict[str, dict]:
    """The build's own tables (state/learning/): learner counts and looked-up keys per article."""
    import polars as pl

    s = pl.String
    return {
        "counts": {"article_id": s, **dict(zip(COUNT_COLUMNS, (s, s, s, pl.Int64)))},
        "probes": {"article_id": s, "key": s},
    }


PART = ".arrow"  # the suffix of part files


def write_part(path: Path, schema: dict, rows: list[dict]) -> None:
    """One part file of `rows` (a column a row lacks is null). Built column by column, which
    polars does faster than from the rows (the same frame: values are cast to the schema,
    not checked, as the rows' constructor does); a part is read once, by the merge, so it is
    written as uncompressed Arrow IPC, not Parquet (a part of pass two in 60% of the time,
    speed6): the merged table is written as before, its row groups follow the parts' rows."""
    write_columns(path, schema, {name: [row.get(name) for row in rows] for name in schema})


def write_columns(path: Path, schema: dict, columns: dict[str, list]) -> None:
    """`write_part` of rows already held as columns (one list per column of `schema`, of equal
    length): the build's large learning tables (learner counts, looked-up keys) are made so, and
    their rows never become dicts (speed23)."""
    import polars as pl

    with atomic_path(path) as tmp:
        pl.DataFrame(columns, schema=schema, strict=False).write_ipc(tmp, compression="uncompressed")


def scan_parts(parts: list[Path]):
    """A lazy scan of part files (write_part), in order."""
    import polars as pl

    return pl.scan_ipc(parts)


def _conform(lazy, schema: dict):
    """A scan with exactly `schema`'s columns (a table of an older toolkit may lack some)."""
    import polars as pl

    have = lazy.collect_schema()
    return lazy.select(
        (pl.col(c) if c in have else pl.lit(None)).cast(t).alias(c) for c, t in schema.items()
    )


def combine(out: Path, schema: dict, parts: list[Path], previous: Path | None = None,
            keep: list[str] | None = None) -> None:
    """Write `out` from the part files (in order), merged by article_id with the rows of
    `previous` whose article is in `keep`."""
    import polars as pl

    frames = []
    if previous is not None and keep and previous.is_file():
        frames.append(pl.scan_parquet(previous).filter(pl.col("article_id").is_in(keep)))
    if parts:
        frames.append(scan_parts(parts))
    write_merged(out, schema, frames)


def write_merged(out: Path, schema: dict, frames: list, **options) -> None:
    """Write `out` (atomically) with `schema`'s columns from lazy frames each sorted by
    article_id, merged in article order (an empty table when there are none); `options`
    go to sink_parquet (row groups of ROWS_PER_GROUP unless given)."""
    import polars as pl

    frames = [_conform(f, schema) for f in frames]
    with atomic_path(out) as tmp:
        if not frames:
            pl.DataFrame([], schema=schema).write_parquet(tmp)
            return
        lazy = frames[0]
        for other in frames[1:]:
            lazy = lazy.merge_sorted(other, "article_id")
        lazy.sink_parquet(tmp, maintain_order=True, **{"row_group_size": ROWS_PER_GROUP, **options})


def sink_metrics(tables: Path) -> None:
    """Write ARCHIVE/tables/metrics.parquet from the other tables (one row per article)."""
    import polars as pl

    from toolkit.metrics.summary import article_metrics
    from toolkit.metrics.tables import schemas

    schema = schemas()["metrics"]
    with atomic_path(tables / "metrics.parquet") as tmp:
        (article_metrics(tables).select(pl.col(c).cast(t) for c, t in schema.items())
         .sink_parquet(tmp, maintain_order=True))


class TableSink:
    """Rows of the row tables, flushed to part files in batches and combined at the end
    (`finish`) into tables/<table>.parquet and the metrics table: for a notebook or a test
    that makes tables from articles of its own."""

    def __init__(self, tables: Path, batch: int = BATCH) -> None:
        from toolkit.metrics.tables import ROW_TABLES

        self.tables = Path(tables)
        self.batch = batch
        self.parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=self.tables))
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
        from toolkit.metrics.tables import schemas

        for table, rows in self.pending.items():
            if rows:
                part = self.parts / f"{table}-{len(self.files[table]):06d}{PART}"
                write_part(part, schemas()[table], rows)
                self.files[table].append(part)
                self.rows[table] += len(rows)
                self.pending[table] = []

    def finish(self) -> dict[str, int]:
        """Combine the parts of every table into tables/<table>.parquet, atomically."""
        from toolkit.metrics.tables import schemas

        self.flush()
        try:
            for table, files in self.files.items():
                combine(self.tables / f"{table}.parquet", schemas()[table], files)
            sink_metrics(self.tables)
        finally:
            self.abandon()
        return dict(self.rows)

    def abandon(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)
