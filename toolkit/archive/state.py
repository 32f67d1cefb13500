"""The archive's states and the switch from one to the next.

    ARCHIVE/tei     -> current/tei        what readers open: fixed symlinks into the
    ARCHIVE/tables  -> current/tables     current state
    ARCHIVE/current -> .states/000007     switched with one atomic rename
    ARCHIVE/.states/000007/               tei/, tables/, learning/, terms/, manifest.json
    ARCHIVE/.work/                        a build's intermediate files (kept across a kill
                                          so that the next build resumes; removed after)
    ARCHIVE/orphans/                      files found in tei/ that the build did not write
    ARCHIVE/.lock                         see lock.py

A build writes its new state beside the current one (TEI files of unchanged articles are
hard links, not copies), then points `current` at it: a reader sees the old state or the
new one, never a mixture, and a build that is killed or runs out of disk leaves the old
one as it was. The next build retires every state that is not current: files in its tei/
that no build wrote (or that were changed since) are moved to orphans/ with a warning,
the rest is deleted. Nothing else is ever deleted, and symlinks inside the archive other
than the three above are refused, so a build never writes or deletes outside ARCHIVE.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from toolkit.archive.manifest import NAME as MANIFEST, Manifest
from toolkit.errors import InputError
from toolkit.files import remove_stale_temporaries
from toolkit.polarspath import check_polars_path

STATES, WORK, CURRENT, ORPHANS = ".states", ".work", "current", "orphans"
VIEWS = ("tei", "tables")
STATE_PARTS = ("tei", "tables", "learning", "terms")
_GENERATION = re.compile(r"\d{6}")
_TEMPORARY = re.compile(r"\..*\.tmp")  # files.atomic_path's temporary names
_SWITCH_LINK = f".{CURRENT}.{{}}.tmp"  # the link a switch renames over `current`, named by its process id
LEGACY = "old-layout"  # marks a state made of an old archive's real tei/ and tables/ folders


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _refuse(path: Path, problem: str) -> InputError:
    return InputError(str(path), f"{problem}; refusing to build (nothing was changed)")


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (an unchanged TEI file costs no space in the new state); a copy where
    the file system has no hard links."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copyfile(source, target, follow_symlinks=False)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


class Layout:
    """Paths of one archive, the checks made before anything is written, and the switch."""

    def __init__(self, archive: Path) -> None:
        self.archive = Path(archive)
        self.states = self.archive / STATES
        self.work = self.archive / WORK
        self.orphans = self.archive / ORPHANS

    # ------------------------------------------------------------------ checks
    def check(self) -> None:
        """Refuse an archive whose folders are symlinks (other than the build's own) or
        not folders: a build must never follow one out of the archive."""
        check_polars_path(self.archive)
        st = _lstat(self.archive)
        if st is not None and not self.archive.is_dir():
            raise _refuse(self.archive, "the archive exists and is not a directory")
        if st is None:
            return
        for view in VIEWS:
            path = self.archive / view
            st = _lstat(path)
            if st is None or stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISLNK(st.st_mode):
                raise _refuse(path, "is not a directory")
            if os.readlink(path) != f"{CURRENT}/{view}":
                raise _refuse(path, f"is a symlink to {os.readlink(path)}, not a folder of the archive")
        for path in (self.states, self.work, self.orphans):
            st = _lstat(path)
            if st is not None and not stat.S_ISDIR(st.st_mode):
                raise _refuse(path, "is a symlink or a file, not a folder of the archive")
        current = self.current()
        for state in self.all_states():
            for part in (*STATE_PARTS, *VIEWS):
                st = _lstat(state / part)
                if st is not None and not stat.S_ISDIR(st.st_mode):
                    raise _refuse(state / part, "is a symlink or a file, not a folder of the archive")
        if current is None and _lstat(self.archive / CURRENT) is not None:
            raise _refuse(self.archive / CURRENT, "is not the archive's own link to its current state")

    def current(self) -> Path | None:
        """The current state's folder (None for a new archive or one of the old layout)."""
        link = self.archive / CURRENT
        st = _lstat(link)
        if st is None or not stat.S_ISLNK(st.st_mode):
            return None
        target = os.readlink(link)
        parent, _, name = target.partition("/")
        if parent != STATES or not _GENERATION.fullmatch(name):
            return None
        state = self.states / name
        st = _lstat(state)
        return state if st is not None and stat.S_ISDIR(st.st_mode) else None

    def current_manifest(self) -> Manifest | None:
        state = self.current()
        return Manifest.read(state / MANIFEST) if state is not None else None

    def previous_tei(self) -> Path | None:
        """Where the TEI files a build starts from are: the current state's, or an archive
        of the old layout's tei/ folder. (During a build this is also where an article's
        previous TEI can be read, e.g. to keep reviewed beads.)"""
        state = self.current()
        if state is not None:
            return state / "tei"
        legacy = self.archive / "tei"
        st = _lstat(legacy)
        return legacy if st is not None and stat.S_ISDIR(st.st_mode) else None

    def all_states(self) -> list[Path]:
        if _lstat(self.states) is None:
            return []
        return sorted(p for p in self.states.iterdir() if not p.is_symlink() and p.is_dir())

    # ------------------------------------------------------------------ a new state
    def new_state(self) -> Path:
        gens = [int(p.name) for p in self.all_states() if _GENERATION.fullmatch(p.name)]
        state = self.states / f"{max(gens, default=0) + 1:06d}"
        for part in STATE_PARTS:
            (state / part).mkdir(parents=True)
        return state

    def switch(self, state: Path) -> None:
        """Make `state` current with one atomic rename of the `current` link."""
        self._adopt_old_layout(state)
        self._point_current(state)
        self._link_views()

    def _link_views(self) -> None:
        """ARCHIVE/tei and ARCHIVE/tables, the links through `current`, where they are missing."""
        for view in VIEWS:
            if _lstat(self.archive / view) is None:
                os.symlink(f"{CURRENT}/{view}", self.archive / view)

    def _point_current(self, state: Path) -> None:
        tmp = self.archive / _SWITCH_LINK.format(os.getpid())
        if _lstat(tmp) is not None:
            tmp.unlink()
        os.symlink(f"{STATES}/{state.name}", tmp)
        os.replace(tmp, self.archive / CURRENT)

    def _adopt_old_layout(self, new: Path) -> None:
        """An archive of the old layout has real tei/ and tables/ folders: make them a state
        of their own (marked, so that `retire` sorts its files) and current, one folder at a
        time, before the switch to `new`. A reader meanwhile sees the old files or, for an
        instant, no folder; never old TEI beside new tables."""
        real = [v for v in VIEWS if (st := _lstat(self.archive / v)) is not None and stat.S_ISDIR(st.st_mode)]
        if not real:
            return
        legacy = self.states / f"{int(new.name) + 1:06d}"  # `new` is the newest: this name is free
        legacy.mkdir(parents=True)
        (legacy / LEGACY).touch()
        self._point_current(legacy)
        for view in real:
            os.rename(self.archive / view, legacy / view)
            os.symlink(f"{CURRENT}/{view}", self.archive / view)

    # ------------------------------------------------------------------ retiring states
    def recover(self, warn: Callable[[str], None]) -> None:
        """Before a build: retire every state that is not current (a killed build's
        unfinished one, or the previous one whose removal was interrupted), remove what
        builds of the old layout left behind (`.pass1-*`, `tables/.parts-*`, temporaries) and the
        temporaries of killed relinks in the current state's tei/ (files.remove_stale_temporaries), and
        finish a switch a kill interrupted (its temporary link; the views a build with nothing
        to do would not make again)."""
        for leftover in self.archive.glob(".pass1-*"):
            if not leftover.is_symlink() and leftover.is_dir():
                shutil.rmtree(leftover)
        for view in VIEWS:
            path = self.archive / view
            st = _lstat(path)
            if st is not None and stat.S_ISDIR(st.st_mode):  # the old layout
                for entry in path.iterdir():
                    if entry.name.startswith(".parts-") and not entry.is_symlink() and entry.is_dir():
                        shutil.rmtree(entry)
                    elif _TEMPORARY.fullmatch(entry.name) and not entry.is_symlink():
                        entry.unlink()
        for leftover in self.archive.glob(_SWITCH_LINK.format("*")):  # a switch killed before its rename
            if leftover.is_symlink():
                leftover.unlink()
        current = self.current()
        if current is not None:  # a switch killed after its rename: a build with nothing to do makes no switch
            self._link_views()
            # a relink (or a review save) killed between writing and renaming: a build with nothing to
            # do keeps this state, so its temporary would stay; a relink at work holds the lock and keeps it
            remove_stale_temporaries(current / "tei", _TEMPORARY)
        for state in self.all_states():
            if state != current:
                self.retire(state, warn)

    def retire(self, state: Path, warn: Callable[[str], None]) -> None:
        """Delete a state that is not current, moving to orphans/ what no build wrote."""
        manifest = Manifest.read(state / MANIFEST)
        current = self.current()
        now = Manifest.read(current / MANIFEST) if current is not None else None
        legacy = (state / LEGACY).is_file()
        for part in VIEWS:
            folder = state / part
            st = _lstat(folder)
            if st is None:
                continue
            if not stat.S_ISDIR(st.st_mode):  # never followed
                folder.unlink()
                continue
            for entry in sorted(folder.iterdir()):
                if not self._written_by_a_build(part, entry, manifest, current, now, legacy):
                    self._rescue(entry, warn)
        shutil.rmtree(state)

    def _written_by_a_build(self, part: str, entry: Path, manifest: Manifest | None,
                            current: Path | None, now: Manifest | None, legacy: bool) -> bool:
        """Whether a file of a retired state may go: the build's own output, or the file a
        rebuilt article replaced (its reviewed beads were carried into the new one)."""
        name = entry.name
        if _TEMPORARY.fullmatch(name) or name.startswith(".parts-"):
            return True
        if part == "tables":
            from toolkit.metrics.tables import TABLES

            return name in {f"{t}.parquet" for t in TABLES}
        if manifest is None and not legacy:
            return True  # an unfinished state of a killed build: every file is the build's own
        st = entry.lstat()
        if not stat.S_ISREG(st.st_mode) or not name.endswith(".xml"):
            return False
        cur = _lstat(current / "tei" / name) if current is not None else None
        if cur is not None and (cur.st_ino, cur.st_dev) == (st.st_ino, st.st_dev):
            return True  # the same file lives on in the current state
        article_id = name[:-4]
        known = {manifest.articles.get(article_id, {}).get("tei") if manifest else None,
                 now.articles.get(article_id, {}).get("replaced") if now else None} - {None}
        return bool(known) and file_sha256(entry) in known

    def _rescue(self, entry: Path, warn: Callable[[str], None]) -> None:
        self.orphans.mkdir(exist_ok=True)
        target = self.orphans / entry.name
        n = 0
        while _lstat(target) is not None:
            n += 1
            target = self.orphans / f"{Path(entry.name).stem}.{n}{Path(entry.name).suffix}"
        os.rename(entry, target)
        shown = self.archive / ("tei" if entry.parent.name == "tei" else "tables") / entry.name
        warn(f"{shown}: not written by transprov build (or changed since); moved to {target}")

    def remove_work(self) -> None:
        if _lstat(self.work) is not None:
            shutil.rmtree(self.work)
