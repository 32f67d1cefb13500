"""Python's cycle collector during a build: fewer collections, none over the loaded models.

A build allocates millions of small containers (Kiwi's tokens, sentence features, table
rows) and frees nearly all of them by reference counting. With the default thresholds the
collector still scans the young ones over a thousand times for 200 articles, and each full
collection walks everything loaded (Kiwi's and the lexicon's objects): about 4% of a
build's CPU time, measured with gc.callbacks (0.6-0.8 s of 14-17 s for 200 articles; 0.15-0.2 s
with these settings). Collections only free garbage, later or sooner: the output cannot change.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# gen-0 allocations, then gen-0 and gen-1 collections between the next. 100,000 rather than
# 20,000: a 200-article build in one process then spends 0.19 s in 7 collections instead of
# 0.31 s in 40 (gc.callbacks, speed4); what the collector frees is freed a little later.
# 400,000 rather than 100,000: 0.17 s in 2 collections instead of 0.28 s in 5, the same peak
# RSS (875 / 876 MB; speed6, one fresh process each, 200 articles)
THRESHOLDS = (400_000, 20, 20)


def settle() -> None:
    """For a process that exists to build (the workers' fork server, after loading the
    models): what is loaded now lives as long as the process, so it is frozen out of every
    collection (and its pages stay shared with the forked workers); collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


# builds running in this process now (threads of a notebook), and the caller's thresholds
# from before the first: the last build to end restores them, not the first (which would put
# the caller's back under the others, while the last put a build's back for good)
_RUNNING = [0, None]
_LOCK = threading.Lock()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The thresholds above while a build runs in this process; the caller's afterwards."""
    with _LOCK:
        if not _RUNNING[0]:
            _RUNNING[1] = before = gc.get_threshold()
            if before[0]:  # (0: the caller turned the collector off; it stays off)
                gc.set_threshold(*(max(a, b) for a, b in zip(before, THRESHOLDS)))
        _RUNNING[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            _RUNNING[0] -= 1
            if not _RUNNING[0]:
                gc.set_threshold(*_RUNNING[1])
