"""Imported by the build's fork server only: what every worker needs, loaded once.

The local worker processes are forked from a server process that has imported this
module, so each starts with the Kiwi model, the lexicon and the toolkit's modules already
in memory (shared copy-on-write) instead of loading them itself (about two seconds of CPU
a worker). Nothing here starts a thread (Kiwi starts its pool on first use, in the
worker), so forking from the server is safe; polars, which keeps a thread pool, is left to
the workers. A Dask worker can do the same: `dask worker ... --preload toolkit.archive.preload`.
"""

import toolkit.archive.learning  # noqa: F401
import toolkit.archive.passes  # noqa: F401
import toolkit.credits  # noqa: F401
import toolkit.ingest  # noqa: F401
import toolkit.metrics.consistency  # noqa: F401
import toolkit.tei  # noqa: F401
from toolkit.align import load_lexicon
from toolkit.archive.garbage import settle
from toolkit.segment import kiwi

kiwi()
load_lexicon()
settle()  # the models are frozen out of the workers' collections (toolkit.archive.garbage)
