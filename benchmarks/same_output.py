"""Do two checkouts build the same archive? TEI files and tables compared byte for byte.

For speed work that must not change any output: builds each corpus with this checkout's
toolkit and with another's (`--baseline DIR`, e.g. `git archive main | tar -x -C DIR`), one
fresh process each, `build_archive(workers=1)`, then compares every file of `tei/` and
`tables/` (names and bytes; a table whose bytes differ is also read with polars, to say
whether its values differ or only its encoding).

    .venv/bin/python benchmarks/same_output.py --baseline DIR                 # fixtures/corpus
    .venv/bin/python benchmarks/same_output.py --baseline DIR --articles 200  # + a build_speed corpus
    .venv/bin/python benchmarks/same_output.py --baseline DIR --corpus PATH   # + any corpus

Exit status 1 when any file differs. Archives are written under /tmp and removed.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if "--child" in sys.argv:  # a child building with one checkout's toolkit: it comes first
    sys.path.insert(0, sys.argv[sys.argv.index("--child") + 1])

import argparse  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402


def child(source: Path, corpus: Path, archive: Path) -> None:
    import toolkit
    from toolkit.archive import build_archive

    where = Path(toolkit.__file__).resolve()
    if not str(where).startswith(str(source.resolve())):
        sys.exit(f"the child imported {where}, not the toolkit of {source}")
    report = build_archive(corpus, archive, workers=1, progress=False)
    print(f"{source}: built {report.built}, failed {len(report.failures)}")


def build(source: Path, corpus: Path, archive: Path) -> None:
    subprocess.run([sys.executable, __file__, "--child", str(source), str(corpus), str(archive)], check=True)


def differences(a: Path, b: Path) -> list[str]:
    """Files of tei/ and tables/ that are not in both archives or whose bytes differ."""
    import polars as pl

    out: list[str] = []
    for folder in ("tei", "tables"):
        names_a = {p.relative_to(a / folder) for p in (a / folder).rglob("*") if p.is_file()}
        names_b = {p.relative_to(b / folder) for p in (b / folder).rglob("*") if p.is_file()}
        out += [f"{folder}/{n}: only in one archive" for n in sorted(names_a ^ names_b)]
        for name in sorted(names_a & names_b):
            x, y = (a / folder / name).read_bytes(), (b / folder / name).read_bytes()
            if x == y:
                continue
            if name.suffix == ".parquet":
                same = pl.read_parquet(a / folder / name).equals(pl.read_parquet(b / folder / name))
                out.append(f"{folder}/{name}: bytes differ ({'values equal' if same else 'values differ'})")
            else:
                out.append(f"{folder}/{name}: bytes differ")
    return out


def compare(corpus: Path, baseline: Path, work: Path, label: str) -> bool:
    mine, theirs = work / f"{label}-this", work / f"{label}-baseline"
    build(baseline, corpus, theirs)
    build(REPO, corpus, mine)
    diff = differences(theirs, mine)
    tei = len(list((mine / "tei").glob("*.xml")))
    tables = len(list((mine / "tables").rglob("*.parquet")))
    print(f"{label}: {tei} TEI files, {tables} table files: "
          f"{'identical' if not diff else f'{len(diff)} differ'}", flush=True)
    for line in diff[:20]:
        print(f"  {line}")
    return not diff


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, help="the other checkout (its toolkit/ is imported)")
    ap.add_argument("--articles", type=int, nargs="*", default=[], help="also build_speed corpora of these sizes")
    ap.add_argument("--corpus", type=Path, nargs="*", default=[], help="also these corpus directories")
    ap.add_argument("--child", nargs=3, metavar=("SOURCE", "CORPUS", "ARCHIVE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*(Path(p) for p in args.child))
        return
    if args.baseline is None or not (args.baseline / "toolkit").is_dir():
        sys.exit("--baseline DIR: a checkout with toolkit/ is needed")
    work = Path(tempfile.mkdtemp(prefix="transprov-same-", dir="/tmp"))
    try:
        ok = compare(REPO / "fixtures" / "corpus", args.baseline, work, "fixtures-corpus")
        for corpus in args.corpus:
            ok &= compare(corpus, args.baseline, work, corpus.name)
        for n in args.articles:
            sys.path.insert(0, str(REPO / "benchmarks"))
            from build_speed import write_corpus

            write_corpus(work / f"corpus-{n}", n)
            ok &= compare(work / f"corpus-{n}", args.baseline, work, f"pseudo-{n}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
