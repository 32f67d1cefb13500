"""Batch build of a corpus into an archive: TEI files and Parquet tables, built in parallel,
incrementally, and switched in as a whole.

    from toolkit.archive import build_archive
    report = build_archive("corpus", "archive", workers=4)   # or scheduler="tcp://host:8786"
    report.as_dict()   # articles, built, unchanged, failed, stale, seconds, phases, ...

One file a job: `sources` (the corpus, digests, reading a pair), `passes` (the per-article
map a worker runs), `executor`, `preload`, `garbage` and `cluster` (where it runs), `learning` (the reduce
between the passes), `terms` (the terms step's reduce and tables), `sink` (Parquet parts and
tables), `manifest`, `lock`, `state` (the
archive's layout and the switch), `progress`, `report`, `build` (the steps in order),
`validate` (validation of many files on the same workers).
"""

from toolkit.archive.build import build_archive
from toolkit.archive.report import BuildReport
from toolkit.archive.sink import TableSink, sink_metrics
from toolkit.archive.sources import corpus_articles, load_pair

__all__ = ["build_archive", "BuildReport", "TableSink", "sink_metrics", "corpus_articles", "load_pair"]
