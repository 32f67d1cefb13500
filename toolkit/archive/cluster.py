"""The build's map on a Dask distributed cluster (`build --scheduler ADDRESS`).

Dask is an optional extra: `pip install 'transprov[cluster]'`. The workers import the
same toolkit (a worker with another version refuses its first task) and must see the
corpus and the archive at the same paths as the client (a shared file system): they read
the sources and write TEI and table parts into ARCHIVE/.work themselves; only short
results travel back to the client. Start a cluster with the `dask` command line:

    dask scheduler --host 10.0.0.5 --port 8786
    dask worker tcp://10.0.0.5:8786 --nworkers 8 --nthreads 1   # on every machine

(one thread per worker process: the work is Python and holds the GIL), or in Python with
`distributed.LocalCluster(n_workers=4, threads_per_worker=1)` and its `scheduler_address`.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from toolkit.errors import InputError

INSTALL_HINT = "--scheduler needs Dask's distributed scheduler: pip install 'transprov[cluster]'"


class ClusterUnavailable(ImportError):
    """Dask is not installed."""


def cluster_available() -> bool:
    from importlib.util import find_spec

    return find_spec("distributed") is not None


@contextmanager
def dask_executor(address: str, timeout: str = "10s") -> Iterator[tuple[Executor, int]]:
    """(a concurrent.futures Executor on the cluster at `address`, calls to keep in flight)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterUnavailable(INSTALL_HINT) from None
    _check_scheduler(address, timeout)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(address, f"cannot reach the Dask scheduler ({' '.join(str(error).split())})") from None
    try:
        threads = sum(client.nthreads().values())
        # pure=False: a call resubmitted after a kill must run again, not reuse a cached result
        yield client.get_executor(pure=False), 2 * max(threads, 1)
    finally:
        client.close()


def _check_scheduler(address: str, timeout: str) -> None:
    """Refuse an address where no Dask scheduler answers its identity call within `timeout`.

    Client(address) alone waits for ever on a server of another kind (an HTTP server on the
    port: its handshake is never answered), reads a stranger's reply as a frame of exabytes
    (MemoryError), and a Client that failed half-made stalls the exit 20 s and prints a
    traceback; this call has one deadline for all of it, and makes no Client."""
    import asyncio
    import threading

    from dask.utils import parse_timedelta
    from distributed.core import rpc

    seconds = parse_timedelta(timeout)

    async def identity() -> object:
        peer = rpc(address, timeout=seconds)
        try:
            return await peer.identity()
        finally:
            await peer.close_rpc()

    got: list[object] = []

    def ask() -> None:
        try:
            got.append(asyncio.run(asyncio.wait_for(identity(), seconds)))
        except Exception as error:  # any failure to speak with it: unreachable, not Dask, garbled
            got.append(error)

    # its own event loop, whatever loop the caller runs (a notebook), in a daemon thread nobody waits for
    # past the deadline: asyncio.run's end waits for a name lookup still running (a slow resolver)
    asker = threading.Thread(target=ask, name="transprov-scheduler-check", daemon=True)
    asker.start()
    asker.join(seconds + 1)
    answer = got[0] if got else TimeoutError()
    if isinstance(answer, Exception):
        problem = ("its answer is no Dask message" if isinstance(answer, MemoryError)  # a stranger's bytes read as a length
                   else " ".join(str(answer).split()) or f"no answer within {timeout}")
        raise InputError(address, f"cannot reach the Dask scheduler ({problem})")
    kind = answer.get("type") if isinstance(answer, dict) else None
    if kind != "Scheduler":
        raise InputError(address, f"cannot reach the Dask scheduler (a {kind or 'server of another kind'} answers there)")
