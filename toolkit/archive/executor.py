"""The map over articles, written against `concurrent.futures.Executor`.

The same calls run in this process (`--workers 1`), on a pool of local processes
(`--workers N`) or on a Dask cluster (`--scheduler ADDRESS`, see cluster.py). Results are
handled in the calling thread as they arrive; a bounded number of calls is in flight, so
that the progress bar moves (also in this process) and memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager


class InlineExecutor(Executor):
    """Runs each call when it is submitted, in this process (no pickling, no model loaded twice)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(error)
        return future


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def most_workers() -> int:
    """The local workers a pool starts at most: the cores, but two on one core, so that a pool
    asked for stays a pool (its tests, and a worker's failure kept apart from the build)."""
    return max(2, default_workers())


@contextmanager
def executor_for(workers: int, scheduler: str | None = None,
                 preload: str | None = None) -> Iterator[tuple[Executor, int]]:
    """(executor, how many calls to keep in flight) for `--workers` / `--scheduler`.

    Local workers are never forked from this process (it may hold polars' thread pool,
    which a fork would copy half-alive): they are spawned, or, with `preload` (a module
    that loads the models), forked from a fork server that imported it. They are at most
    the cores this process may use, two on one core (`most_workers`): the work is CPU-bound,
    so more only cost memory (a 120-article build with `--workers 64` on two cores: 32
    processes, 11.5 GB resident summed, 59 s, against 1.1 GB and 28 s with 2)."""
    if scheduler:
        from toolkit.archive.cluster import dask_executor

        with dask_executor(scheduler) as pair:
            yield pair
        return
    workers = min(workers, most_workers())
    if workers <= 1:
        yield InlineExecutor(), 1
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if preload:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])
        _start_fork_server()
    else:
        context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_watch_builder, initargs=_builder())
    try:
        yield pool, 2 * workers
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _builder() -> tuple[int, str | None]:
    """This process, as a worker can recognise it: its pid and start time (a pid is reused)."""
    try:
        return os.getpid(), _started(os.getpid())
    except OSError:  # (cannot read /proc now: the workers go unwatched)
        return os.getpid(), None


def _started(pid: int) -> str | None:
    """The start time of a live process (None: gone, a zombie, or no /proc to ask; another
    OSError, such as too many open files, is raised: it says nothing about the process)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return None if fields[0] == b"Z" else fields[19].decode()


def _watch_builder(pid: int, started: str | None) -> None:
    """In each worker: end it when the build that started it is gone. A worker waits for
    calls on a queue whose writing end it holds itself, so a build killed with -9 (or an
    out-of-memory kill) would leave the workers and the fork server waiting for good, holding
    the models' memory (1.6 GB for two workers)."""
    import threading
    import time

    if started is None:  # no /proc: nothing to watch with
        return

    def gone() -> bool:
        try:
            return _started(pid) != started
        except OSError:  # cannot tell now: ask again later
            return False

    def watch() -> None:
        while not gone():
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="watch-builder", daemon=True).start()


def _start_fork_server() -> None:
    """Start the fork server without the working directory on its import path.

    Python 3.11 runs the server as `python -c ...` and ignores the sys.path it is handed, so
    a build started inside another checkout of transprov would preload that checkout's
    toolkit. PYTHONSAFEPATH (3.11+) keeps the directory off; it is set only while the server
    starts, and the workers it forks still move to this process's directory."""
    from multiprocessing import forkserver

    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before


def run_all(executor: Executor, slots: int, fn: Callable, calls: Sequence[tuple],
            on_result: Callable[[int, object], None]) -> None:
    """Call fn(*args) for every args of `calls`; on_result(index, result) in the calling
    thread as each finishes. A call that raises stops the map and the exception propagates."""
    queue = iter(enumerate(calls))
    pending: dict[Future, int] = {}

    def fill() -> None:
        for index, args in queue:
            pending[executor.submit(fn, *args)] = index
            if len(pending) >= slots:
                return

    fill()
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=pending.__getitem__):
            index = pending.pop(future)
            on_result(index, future.result())
        fill()
