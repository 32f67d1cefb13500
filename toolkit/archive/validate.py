"""Validation of many TEI files on the build's workers (`validate --workers N`).

Files are validated in chunks on the same kind of executor as the build; reports come
back in the order of the files, whatever order the workers finish in. A worker process
costs a start-up and a schema compilation, so small batches stay in this process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CHUNK = 50
FILES_PER_WORKER = 200  # fewer than this per extra process and the start-up costs more than it saves


def _validate_chunk(paths: list[str], schemas: tuple[str, ...]) -> list:
    from toolkit.errors import internal_error
    from toolkit.tei.validate import FileReport, load_schema, validate_file

    extra = tuple(load_schema(Path(s)) for s in schemas)  # compiled once per process
    reports = []
    for path in paths:
        try:
            reports.append(validate_file(Path(path), extra))
        except Exception as error:  # noqa: BLE001 - validate_file catches what lxml raises; this is the net
            reports.append(FileReport(path, unreadable=internal_error(error)))
    return reports


def validation_workers(files: int, workers: int) -> int:
    """The processes `files` files are validated on when `workers` are asked for: no more than the
    executor starts (`most_workers`), and one per FILES_PER_WORKER files (at least this one)."""
    from toolkit.archive.executor import most_workers

    return max(1, min(workers, most_workers(), files // FILES_PER_WORKER))


def validate_in_parallel(files: list[Path], schemas: list[Path], workers: int,
                         on_report: Callable[[object], None]) -> None:
    """Validate `files` against the project's schemas and `schemas`; on_report(FileReport)
    for each file, in order, as soon as it and every file before it are done."""
    from toolkit.archive.executor import executor_for, run_all

    workers = validation_workers(len(files), workers)
    chunks = [[str(p) for p in files[k:k + CHUNK]] for k in range(0, len(files), CHUNK)]
    extra = tuple(str(Path(s).resolve()) for s in schemas)
    done: dict[int, list] = {}
    following = 0

    def on_result(index: int, reports: list) -> None:
        nonlocal following
        done[index] = reports
        while following in done:
            for report in done.pop(following):
                on_report(report)
            following += 1

    with executor_for(workers) as (executor, slots):
        run_all(executor, slots, _validate_chunk, [(c, extra) for c in chunks], on_result)
