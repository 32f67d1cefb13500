"""The one way every command reads an input file: regular files only, the size capped while reading.

A path on a command line (or in a corpus) may name anything: a FIFO, on which a read waits
for ever; a device such as /dev/zero, which never ends; a directory, a socket, a dangling
symbolic link or a loop of them. `st_size` is 0 for most of these, so it proves nothing: the
kind of file is checked before opening it and again on the open descriptor (opened with
O_NONBLOCK, so that even opening a FIFO cannot wait), and the limit is enforced on the bytes
actually read. Every refusal is an InputError naming the file in one line.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from toolkit.errors import InputError

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode cannot be read as a document (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((problem for test, problem in _KINDS if test(mode)), "is not a regular file")


def open_problem(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        try:
            return f"dangling symbolic link (its target {os.readlink(path)} does not exist)"
        except OSError:  # not a link (or gone meanwhile): simply absent
            return "no such file or directory"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOTDIR:
        return "no such file or directory (a part of the path is not a directory)"
    if error.errno == errno.ENXIO:
        return "is a socket or a device with nothing behind it, not a file"
    return f"cannot read ({error.strerror or error})"


def _too_large(limit: int) -> str:
    """"over the 20 MB limit"; a limit under a megabyte in KB ("0.0625 MB" said meta.json's 64 KB)."""
    size = f"{limit / 1048576:g} MB" if limit >= 1048576 else f"{limit / 1024:g} KB"
    return f"file is over the {size} limit"


def read_input(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; InputError otherwise."""
    path = Path(path)
    source = str(path)
    try:
        problem = not_regular(os.stat(path).st_mode)  # before opening: opening a device can act
        if problem:
            raise InputError(source, problem)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(source, open_problem(path, error)) from None
    try:
        status = os.fstat(fd)  # what was opened, whatever was at the path a moment before
        problem = not_regular(status.st_mode)
        if problem:
            raise InputError(source, problem)
        if status.st_size > limit:  # a regular file's size may be trusted to say "too big"
            raise InputError(source, _too_large(limit))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise InputError(source, _too_large(limit))
        return b"".join(chunks)
    except OSError as error:
        raise InputError(source, f"cannot read ({error.strerror or error})") from None
    finally:
        os.close(fd)


def _patterns(suffixes: set[str]) -> str:
    names = [f"*{s}" for s in sorted(suffixes)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def expand(paths: Iterable[Path | str], suffixes: set[str]) -> tuple[list[Path], list[InputError]]:
    """(files, problems): every path as given, except that a folder is replaced by the entries
    under it whose suffix is in `suffixes` (lower case, with the dot), sorted.

    Entries of any kind are kept (a FIFO or a dangling link named x.txt is the reader's to
    report, not to be skipped in silence); sub-folders are walked, symbolic links to folders
    are not (they could loop). A folder that holds no such entry, or cannot be listed, is a
    problem: a batch must never look complete when a folder was not read.
    """
    found: list[Path] = []
    problems: list[InputError] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        entries: list[Path] = []
        for folder, error in _walk(path, suffixes, entries):
            problems.append(InputError(str(folder), f"cannot list the folder ({error.strerror or error})"))
        found.extend(sorted(entries))
        if not entries:
            problems.append(InputError(str(path), f"no {_patterns(suffixes)} files in this folder"))
    return found, problems


def _walk(folder: Path, suffixes: set[str], out: list[Path]) -> list[tuple[Path, OSError]]:
    """Collect matching entries under `folder`; return the folders that could not be listed."""
    unlisted: list[tuple[Path, OSError]] = []
    pending = [folder]
    while pending:  # iterative: a very deep tree must not exhaust the stack
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as error:
            unlisted.append((current, error))
            continue
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                pending.append(Path(entry.path))
            elif os.path.splitext(entry.name)[1].lower() in suffixes:
                out.append(Path(entry.path))
    return unlisted
