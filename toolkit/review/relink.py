"""One correction of an alignment, applied to a TEI file: these sentences are one bead.

`relink_alignment` is the pure operation on the model (used by the CLI, the web app and the
rebuild that carries reviewed beads); `relink_file` reads a TEI file, applies it, records a
revisionDesc change naming the reviewer and writes the file back atomically.

A group of sentence ids becomes one bead: its sentences leave the beads they were in. An
empty side makes every sentence of the other side a null bead of its own (added in English,
or left untranslated). What remains of a bead that lost sentences stays one bead when it
still has both sides (its cert kept, no longer reviewed); otherwise its sentences become
null beads that nobody vouches for (cert 0, so that they stand out as low cert). A group
identical to an existing bead confirms it: the bead keeps its cert and gains the reviewer.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError
from toolkit.model import Alignment, Article, Bead, Revision

Group = tuple[tuple[int, ...], tuple[int, ...]]  # English and Korean sentence positions
ORPHAN_CERT = 0.0


class ConflictError(InputError):
    """The file changed since the caller read it: the correction was not written."""


def digest(data: bytes) -> str:
    """The version stamp of a file's content (an ETag for the web app)."""
    return hashlib.sha256(data).hexdigest()


def _nulls(bead: Bead, cert: float, reviewer: str | None) -> list[Bead]:
    return [Bead((i,), (), cert, reviewer) for i in bead.en] + [Bead((), (j,), cert, reviewer) for j in bead.ko]


def _new_beads(group: Group, old: dict[tuple, Bead], reviewer: str) -> list[Bead]:
    en, ko = group
    if en and ko:
        before = old.get((en, ko))
        return [Bead(en, ko, before.cert if before else 1.0, reviewer)]
    return [Bead(b.en, b.ko, old[(b.en, b.ko)].cert if (b.en, b.ko) in old else 1.0, reviewer)
            for b in _nulls(Bead(en, ko), 1.0, None)]


def place_beads(alignment: Alignment, placed: list[Bead]) -> Alignment:
    """The alignment with `placed` beads put in as they are: their sentences leave the beads
    they were in (see the module docstring for what remains), in the TEI's bead order."""
    from toolkit.tei.reader import canonical_order

    taken: set[tuple[str, int]] = set()
    for bead in placed:
        here = {("en", i) for i in bead.en} | {("ko", j) for j in bead.ko}
        if not here:
            raise ValueError("a bead names no sentence")
        if len(here) != len(bead.en) + len(bead.ko) or here & taken:
            raise ValueError("a sentence is named twice")
        taken |= here
    beads: list[Bead] = []
    for bead in alignment.beads:
        en = tuple(i for i in bead.en if ("en", i) not in taken)
        ko = tuple(j for j in bead.ko if ("ko", j) not in taken)
        if (en, ko) == (bead.en, bead.ko):
            beads.append(bead)
        elif en and ko:
            beads.append(Bead(en, ko, bead.cert))
        elif en or ko:
            beads.extend(_nulls(Bead(en, ko), ORPHAN_CERT, None))
    beads.extend(placed)
    beads.sort(key=lambda b: (min(b.en, default=-1), min(b.ko, default=-1)))  # links in text order
    n_en = max((i + 1 for b in beads for i in b.en), default=0)
    n_ko = max((j + 1 for b in beads for j in b.ko), default=0)
    return canonical_order(Alignment(beads, list(alignment.revisions)), n_en, n_ko)


def relink_alignment(alignment: Alignment, groups: list[Group], reviewer: str) -> Alignment:
    """The alignment with each group made one bead reviewed by `reviewer` (null beads for an
    empty side). Groups must be disjoint and name at least one sentence each (ValueError)."""
    if any(not en and not ko for en, ko in groups):
        raise ValueError("a group names no sentence")
    old = {(b.en, b.ko): b for b in alignment.beads}
    return place_beads(alignment, [b for group in groups for b in _new_beads(group, old, reviewer)])


def _describe(bead: Bead, en: Article, ko: Article) -> str:
    left = " ".join(en.sentences[i].id for i in bead.en) or "∅"
    right = " ".join(ko.sentences[j].id for j in bead.ko) or "∅"
    return f"{left} = {right}"


def is_bead(alignment: Alignment, group: Group) -> bool:
    """Whether the group is already a bead (for an empty side: each sentence a null bead)."""
    old = {(b.en, b.ko) for b in alignment.beads}
    en, ko = group
    if en and ko:
        return group in old
    return all((b.en, b.ko) in old for b in _nulls(Bead(en, ko), 1.0, None))


def describe_change(alignment: Alignment, groups: list[Group], en: Article, ko: Article) -> str:
    """What a relink does, in words, for revisionDesc: the new beads and the beads they replace."""
    parts = []
    for en_idx, ko_idx in groups:
        shown = _describe(Bead(en_idx, ko_idx), en, ko)
        if is_bead(alignment, (en_idx, ko_idx)):
            parts.append(f"confirmed {shown}")
            continue
        touched = [b for b in alignment.beads
                   if set(b.en) & set(en_idx) or set(b.ko) & set(ko_idx)]
        verb = "linked" if en_idx and ko_idx else "marked added" if en_idx else "marked untranslated"
        parts.append(f"{verb} {shown} (was {'; '.join(_describe(b, en, ko) for b in touched)})")
    return "; ".join(parts)


@dataclass
class Relinked:
    """What relink_file did: the change recorded, and the file's new version stamp."""

    path: Path
    change: str
    digest: str


def _positions(ids: list[str], article: Article, side: str, path: Path) -> tuple[int, ...]:
    index = {s.id: n for n, s in enumerate(article.sentences)}
    missing = [i for i in ids if i not in index]
    if missing:
        raise InputError(str(path), f"no {side} sentence {', '.join(missing)} in this file")
    return tuple(sorted(index[i] for i in ids))


def relink_file(path: Path, groups: list[tuple[list[str], list[str]]], reviewer: str, when: str,
                confirm: bool = False, expected: str | None = None) -> Relinked:
    """Make each (English ids, Korean ids) group one bead reviewed by `reviewer`; write the file.

    `confirm`: every group must already be a bead (or null beads), which only gains the
    reviewer. `expected`: the digest the caller read; a file that changed since raises
    ConflictError and is left alone. The file must be as transprov writes it (a rewrite
    must change nothing but the alignment), else InputError.
    """
    from toolkit.files import folder_lock, write_atomic
    from toolkit.inputs import read_input
    from toolkit.tei import read_tei, write_tei
    from toolkit.tei.safe_xml import MAX_BYTES

    path = Path(path)
    data = read_input(path, MAX_BYTES)  # regular files only: a FIFO named as the TEI must not block
    if expected is not None and digest(data) != expected:
        raise ConflictError(str(path), "the file changed since it was loaded; reload it and redo the correction")
    en, ko, alignment = read_tei(data, str(path))
    if ko is None or alignment is None:
        raise InputError(str(path), "no Korean original or no alignment in this file: nothing to relink")
    if write_tei(en, ko, alignment) != data:
        raise InputError(str(path), "not as transprov writes it (rewriting it would change more than the "
                                    "alignment); rebuild it with this version of transprov first")
    positions = [(_positions(e, en, "English", path), _positions(k, ko, "Korean", path)) for e, k in groups]
    try:
        relinked = relink_alignment(alignment, positions, reviewer)
    except ValueError as error:
        raise InputError(str(path), str(error)) from None
    change = describe_change(alignment, positions, en, ko)
    if confirm and not all(is_bead(alignment, group) for group in positions):
        raise InputError(str(path), f"not a bead as it stands, so it cannot be confirmed: {change}")
    relinked.revisions.append(Revision(when, reviewer, change))
    out = write_tei(en, ko, relinked)
    target = _link_target(path)
    with folder_lock(target.parent):  # no other relink between this check and the rename
        # changed while we worked (another relink, a review save): writing would undo that edit
        if digest(read_input(path, MAX_BYTES)) != (expected or digest(data)):
            raise ConflictError(str(path), "the file changed since it was loaded; reload it and redo the correction")
        write_atomic(target, out)
    return Relinked(path, change, digest(out))


def _link_target(path: Path) -> Path:
    """The file a link named `path` leads to (through a chain of links), its folders kept as
    named: renaming over the link itself would leave the file it names without the correction,
    and resolving the folders too would leave ARCHIVE/tei for the state current now."""
    for _ in range(40):  # a loop was refused when the file was read
        if not path.is_symlink():
            break
        path = path.parent / os.readlink(path)  # a relative target is relative to the link's folder
    return path
