"""Atomic output: readers (and a crash) never see half a file.

Every file the project writes goes to a temporary name in the same directory and is renamed
over the final name when complete. Only a regular file or a new path is ever replaced: a
FIFO, a device or a directory at the output path is refused (renaming over a FIFO would
turn it into a regular file behind the back of whoever reads it).
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


@functools.cache
def _file_mode() -> int:
    """The mode an ordinary new file gets under the process umask (mkstemp would give 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def file_identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of what `path` names, through links (None: nothing there, a link loop, or
    it cannot be looked at). One folder under two spellings (a case- or normalisation-insensitive
    file system keeps the spelling given in a real path) is told only by this."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def check_output(path: Path, inputs: Iterable[Path | None] = (), probe: bool = False) -> None:
    """InputError unless `path` is a regular file (or a link to one) or does not exist yet,
    and is none of the command's `inputs` (`-o ko.txt` by a slip would replace the original).
    `probe`: also create (and remove) a temporary file where it will be written, so that a
    folder the user may not write to is said before a long piece of work, not after it (a
    real write, not os.access, which NFS servers may contradict)."""
    from toolkit.errors import InputError
    from toolkit.inputs import not_regular

    for source in inputs:
        try:
            if source is not None and os.path.samefile(path, source):
                raise InputError(str(path), f"is also an input of the command ({source}); writing would replace it")
        except OSError:
            continue  # either does not exist (yet): not the same file
    try:
        problem = not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        problem = None  # a new path (or a dangling link, which is replaced, not written through)
    except OSError as error:
        raise InputError(str(path), f"cannot write there ({error.strerror or error})") from None
    if problem:
        raise InputError(str(path), f"{problem}; output goes only to a regular file or a new path")
    if probe:
        _probe_folder(Path(path))


def _probe_folder(path: Path) -> None:
    from toolkit.errors import InputError

    folder = Path(os.path.abspath(path)).parent
    while not folder.is_dir() and folder != folder.parent:  # atomic_path makes the missing folders
        folder = folder.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(str(path), f"cannot write there ({error.strerror or error})") from None
    os.close(fd)
    os.unlink(tmp)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `path`, on failure it is removed."""
    path = Path(path)
    check_output(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        if error.filename in (None, tmp):  # a failed write (a full disk) names no file, or the temporary one
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def folder_lock(folder: Path, wait: float = 10.0) -> Iterator[None]:
    """An exclusive flock on `folder` while a writer checks a file in it and renames over it,
    so that two such writers cannot both check, then both rename (the second undoing the
    first). Held for microseconds: after `wait` seconds a holder is taken as gone wrong and
    InputError is raised rather than a hang. A folder that cannot be locked (a file system
    without flock) is written to unlocked, as before."""
    from toolkit.errors import InputError

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise InputError(str(folder), f"another writer has held its lock for {wait:.0f} s; "
                                                  "nothing was written") from None
                time.sleep(0.01)
            except OSError:
                break  # no flock here
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale_temporaries(folder: Path, temporary: re.Pattern[str]) -> list[Path]:
    """Delete the temporaries (names matching `temporary`) that writers killed between writing and
    renaming left in `folder`, holding the folder_lock every such writer holds for its temporary's
    whole life, so that a writer at work keeps its file. Nothing is deleted when the lock is held
    (tried once, not waited for) or cannot be taken (no flock here): the next call tries again.
    Returns what was deleted."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return []
    removed = []
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by a writer (BlockingIOError), or no flock on this file system
            return []
        for entry in os.scandir(folder):
            if temporary.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    finally:
        os.close(fd)  # releases the lock
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
