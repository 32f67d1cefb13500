"""One build per archive: an exclusive lock on ARCHIVE/.lock.

The lock is a `flock` on the file, not the file's existence: the kernel releases it when
the holder exits however it exits (kill -9 included), so a lock left by a dead process is
simply taken over, and a second build on a live one fails at once with the holder's pid.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from toolkit.errors import InputError

NAME = ".lock"


class ArchiveLock:
    """Context manager holding ARCHIVE/.lock for the whole build."""

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.path = archive / NAME
        self.fd: int | None = None

    def __enter__(self) -> "ArchiveLock":
        self.archive.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise InputError(str(self.path), f"cannot open the lock file ({error.strerror or error})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise InputError(str(self.archive), f"another build is running on this archive (pid {holder}); "
                                                "try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the flock; the file stays (removing it would race)
            self.fd = None
