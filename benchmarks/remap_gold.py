"""Carry hand-aligned gold across a segmentation change: gold.tsv names sentences by id
(en-s7, ko-s3), and any change of the segmenter renumbers them, so gold written on one
segmentation is silently wrong on the next (align_quality.py stops on unknown ids, not on
shifted ones).

    .venv/bin/python benchmarks/remap_gold.py OLD_TREE NEW_TREE PAIR_DIR... --out DIR

OLD_TREE is a `git archive` of the commit the gold was written on, NEW_TREE the code to be
scored (each a folder holding `toolkit/`). Each pair's en.txt and ko.txt are segmented by
both trees (one subprocess a tree); each sentence is placed on the pair's text by its
characters (whitespace aside), so an old sentence maps to the new sentences that overlap
it. A gold bead whose sentence was split takes both parts; gold beads whose sentences were
joined into one new sentence merge. A new sentence under no old one (text the old tree
dropped) becomes a null bead, to be checked by hand. PAIR_DIR is a pair folder or any folder
above pair folders (as align_quality.py --pairs reads them); a FILE.tsv is the repository's
fixtures/gold layout (texts in ../corpus/FILE/). Copies go to DIR/<set>/<pair>/gold.tsv with
links to the texts, so `align_quality.py --pairs DIR` scores them (a FILE.tsv's copy goes to
DIR/gold/FILE.tsv, without links: it scores once put back in fixtures/gold); originals are never
written. With no segmentation change every copy equals its original byte for byte. One line
per change goes to stderr.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
Spans = list[tuple[str, int, int]]  # (id, start, end) on the pair's text without whitespace
Listing = list[tuple[str, str]]  # (id, text) of each sentence, in order


# ------------------------------------------------------------------ segmenting with one tree
def _dump(tree: str, paths: list[str]) -> None:
    """Print {path: [[id, text], ...]} for each text file as `tree`'s segmenter cuts it (the
    same reader and segmenter align_quality.py uses), or {path: "problem"} for a file it
    cannot read, so that one bad file fails only its own pair."""
    sys.path.insert(0, tree)
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    out: dict[str, list | str] = {}
    for p in paths:
        try:
            out[p] = [[s.id, s.text] for s in segment_article(read_article(Path(p))).sentences]
        except Exception as e:  # any tree's own error class: an old tree's are not this one's
            out[p] = f"{type(e).__name__}: {e}"
    json.dump(out, sys.stdout, ensure_ascii=False)


def listings(tree: Path, paths: list[Path]) -> dict[str, Listing | str]:
    """Each file's sentences as `tree` segments it (or why it could not), in a process of its
    own (two code trees cannot share one process: both are the package `toolkit`)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, __file__, "--dump", str(tree), *map(str, paths)],
                          capture_output=True, text=True, env=env, cwd=str(tree))
    if done.returncode:
        sys.exit(f"error: {tree}: segmenting failed: {done.stderr.strip().splitlines()[-1:]}")
    return {p: rows if isinstance(rows, str) else [(i, t) for i, t in rows] for p, rows in json.loads(done.stdout).items()}


def _sentences(listing: dict[str, Listing | str], path: Path, tree: Path) -> Listing:
    """The file's sentences in `listing`; ValueError saying why `tree` could not segment it."""
    rows = listing[str(path)]
    if isinstance(rows, str):
        raise ValueError(f"{tree} cannot segment {path}: {rows}")
    return rows


# ------------------------------------------------------------------ placing and mapping
def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def place(source: str, sentences: Listing) -> Spans:
    """Each sentence's span on `source` with whitespace removed, found in order (a sentence
    starts after the one before it); ValueError naming the first sentence not found."""
    text = _squeeze(source)
    spans: Spans = []
    cursor = 0
    for sid, sentence in sentences:
        found = _find(text, _squeeze(sentence), cursor)
        if found is None:
            raise ValueError(f"{sid} not found in the text")
        spans.append((sid, *found))
        cursor = found[1]
    return spans


# the shortest piece of a sentence placed apart from the rest: the segmenter takes a label
# out of a sentence's middle (a reporter's line between two of a broadcast's sentences)
_MIN_PIECE = 4


def _find(text: str, piece: str, cursor: int) -> tuple[int, int] | None:
    """(start, end) in `text` from `cursor` of `piece`, read as few long runs in order (text
    the segmenter took out may lie between them); None when it is not there."""
    start, rest = None, piece
    while rest:
        lo, hi = 0, len(rest)  # the longest head of `rest` found from cursor
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if text.find(rest[:mid], cursor) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo < min(len(rest), _MIN_PIECE):
            return None
        at = text.find(rest[:lo], cursor)
        start = at if start is None else start
        cursor, rest = at + lo, rest[lo:]
    return None if start is None else (start, cursor)


def overlaps(old: Spans, new: Spans) -> dict[str, list[str]]:
    """old id -> the new ids whose spans share a character with it, in order."""
    return {o: [n for n, c, d in new if c < b and a < d] for o, a, b in old}


@dataclass
class Remapped:
    """A gold file carried to the new segmentation: its text and one line per change."""

    text: str
    changes: list[str] = field(default_factory=list)


def _ordered(ids: set[str]) -> list[str]:
    return sorted(ids, key=lambda i: (i.split("-s")[0] != "en", int(i.rsplit("s", 1)[1])))


def _split_bom(data: bytes) -> tuple[bytes, str]:
    """(the UTF-8 byte-order mark or b"", the gold's text after it)."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return bom, data[len(bom):].decode("utf-8")


def remap(gold: str, old: dict[str, Spans], new: dict[str, Spans]) -> Remapped:
    """The gold text with its beads carried from the `old` spans to the `new` (per language,
    "en" and "ko"). Comments and unchanged bead lines are kept as written."""
    maps: dict[str, list[str]] = {}
    for lang in ("en", "ko"):
        maps.update(overlaps(old[lang], new[lang]))
    lines = gold.splitlines(keepends=True)
    beads: dict[int, set[str]] = {}  # line number -> the old ids of its bead
    for n, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            beads[n] = set(line.rstrip("\r\n").replace("\t", " ").split())
    unknown = sorted({i for ids in beads.values() for i in ids} - set(maps))
    if unknown:
        raise ValueError(f"{', '.join(unknown)} not among the old tree's sentences")
    # beads whose old sentences fall under one new sentence are one bead now
    owner = {i: n for n, ids in beads.items() for i in ids}
    parent = {n: n for n in beads}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    under: dict[str, list[int]] = {}
    for o, ns in maps.items():
        for m in ns:
            if o in owner:
                under.setdefault(m, []).append(owner[o])
    changes: list[str] = []
    for m, owners in under.items():
        for other in owners[1:]:
            a, b = root(owners[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    for o, ns in maps.items():
        if len(ns) > 1:
            changes.append(f"split: {o} -> {' '.join(ns)}")
        elif not ns:
            changes.append(f"gone: {o} is no sentence now (dropped from its bead)")
    for m, owners in under.items():
        olds = [o for o, ns in maps.items() if m in ns]
        if len(olds) > 1:
            changes.append(f"joined: {' '.join(olds)} -> {m}")
    groups: dict[int, set[str]] = {}
    for n, ids in beads.items():
        groups.setdefault(root(n), set()).update(m for i in ids for m in maps[i])
    out: list[str] = []
    for n, line in enumerate(lines):
        if n not in beads:
            out.append(line)
        elif root(n) == n and groups[n]:
            ids = groups[n]
            if ids == beads[n] and len([r for r in beads if root(r) == n]) == 1:
                out.append(line)
                continue
            ending = line[len(line.rstrip("\r\n")):] or "\n"
            ordered = _ordered(ids)
            en = " ".join(i for i in ordered if i.startswith("en-"))
            ko = " ".join(i for i in ordered if not i.startswith("en-"))
            out.append(f"{en}\t{ko}{ending}")
        elif root(n) != n:
            changes.append(f"merged: line {n + 1} into line {root(n) + 1}")
    covered = {m for ns in maps.values() for m in ns}
    for lang in ("en", "ko"):
        for m, _, _ in new[lang]:
            if m not in covered:
                changes.append(f"new: {m} lies under no old sentence (null bead: check it)")
                if out and not out[-1].endswith("\n"):
                    out[-1] += "\n"
                out.append(f"{m}\t\n" if lang == "en" else f"\t{m}\n")
    return Remapped("".join(out), changes)


# ------------------------------------------------------------------ the pairs
@dataclass
class Pair:
    """One hand-aligned pair: where its texts and gold are, and where its copy goes."""

    en: Path
    ko: Path
    gold: Path
    out: Path


def find(args: list[Path], out: Path) -> list[Pair]:
    """The pairs at or under each argument (folders with en.txt, ko.txt and gold.tsv, or a
    fixtures/gold FILE.tsv), each copy under out/<set>/<pair>."""
    pairs: list[Pair] = []
    for arg in args:
        if arg.is_file():
            texts = arg.parent.parent / "corpus" / arg.stem
            pairs.append(Pair(texts / "en.txt", texts / "ko.txt", arg, out / arg.parent.name / arg.name))
            continue
        # "**" does not enter symlinked folders: a folder of links to pairs (as align_quality.py --pairs
        # is given for pooled sets) is read one level down as well, as find_pairs there reads it
        for gold in sorted(set(arg.glob("**/gold.tsv")) | set(arg.glob("*/gold.tsv"))):
            folder = gold.parent
            if (folder / "en.txt").is_file() and (folder / "ko.txt").is_file():
                pairs.append(Pair(folder / "en.txt", folder / "ko.txt", gold,
                                  out / folder.parent.name / folder.name / "gold.tsv"))
    return pairs


def _never_over_originals(pair: Pair) -> None:
    """ValueError when the copy would go over the gold itself, or into a folder holding real texts
    (not the links this tool makes): `--out` at the folder above the pairs' set, say, would write
    each copy over its original and each link over its text."""
    if pair.out.resolve() == pair.gold.resolve():
        raise ValueError(f"the copy would be written over the original ({pair.out}): choose another --out")
    if pair.out.name == "gold.tsv":
        for text in (pair.out.parent / "en.txt", pair.out.parent / "ko.txt"):
            if text.exists() and not text.is_symlink():
                raise ValueError(f"{text} is a text, not a link to one: choose another --out")


def _link(target: Path, link: Path) -> None:
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(target.resolve())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old_tree", type=Path)
    ap.add_argument("new_tree", type=Path)
    ap.add_argument("pairs", type=Path, nargs="+", metavar="PAIR_DIR")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    # imported here, never at module level: the --dump process must import `toolkit` from its own tree
    sys.path.insert(0, str(REPO))
    from toolkit.errors import InputError
    from toolkit.files import write_atomic
    from toolkit.ingest import decode_bytes
    pairs = find(args.pairs, args.out)
    texts = sorted({p for pair in pairs for p in (pair.en, pair.ko)})
    old, new = listings(args.old_tree, texts), listings(args.new_tree, texts)
    failed = 0
    for pair in pairs:
        name = f"{pair.gold.parent.parent.name}/{pair.gold.parent.name}"
        try:
            _never_over_originals(pair)
            # decoded as the reader decodes it (CP949, UTF-16, NFC): the sentences are cut from that text
            spans = {side: {lang: place(decode_bytes(path.read_bytes(), str(path)), _sentences(listing, path, tree))
                            for lang, path in (("en", pair.en), ("ko", pair.ko))}
                     for side, listing, tree in (("old", old, args.old_tree), ("new", new, args.new_tree))}
            # bytes decoded, not read_text: universal newlines would turn a CRLF gold's line ends into LF;
            # a byte-order mark (an editor's UTF-8 with BOM) is no part of the first bead, and is written back
            bom, gold = _split_bom(pair.gold.read_bytes())
            done = remap(gold, spans["old"], spans["new"])
        except (ValueError, OSError, InputError) as e:
            print(f"error: {pair.gold}: {e}", file=sys.stderr)
            failed += 1
            continue
        for change in done.changes:
            print(f"{name}: {change}", file=sys.stderr)
        pair.out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(pair.out, bom + done.text.encode("utf-8"))
        if pair.out.name == "gold.tsv":
            _link(pair.en, pair.out.parent / "en.txt")
            _link(pair.ko, pair.out.parent / "ko.txt")
    print(f"{len(pairs) - failed} of {len(pairs)} gold files written under {args.out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump"]:
        _dump(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(main())
