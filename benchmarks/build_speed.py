"""Build throughput, scaling and memory of `transprov build` (issues 3 and 11).

Pseudo-articles follow the protocol of `align_quality.py` (runs of 6-14 consecutive line
pairs of the koen-news-park test split, English additions, untranslated Korean and
background blocks; `make_articles` is imported, not copied). Each is written as a corpus
folder in a temporary directory under /tmp, never in the repository:

    CORPUS/<id>/en.txt   title line, paragraphs of 1-3 lines, an RFA credit line
                         ("Reported by ... for RFA's Korean service. Translated by ....
                         Written in English by ....")
    CORPUS/<id>/ko.txt   title line, paragraphs of 1-3 lines, the reporter's sign-off

The test split gives about 200 articles per draw; larger corpora add draws with the next
seeds (other run boundaries, other drops and insertions over the same lines).

Scaling (the default; issue 11): whole `transprov build` commands in fresh processes, model
loads included, wall-clock, all in one run so that the figures share a baseline:

    workers 1       a clean build on one process
    workers 2       a clean build on two processes (its TEI and tables checked identical)
    no-op rebuild   the same corpus again (workers 2)
    one change      one article's English text changed (workers 2)

    .venv/bin/python benchmarks/build_speed.py                    # 2,000 articles
    .venv/bin/python benchmarks/build_speed.py --articles 400 --rounds 3

Per core (issue 3; `--per-core`): for every N a fresh process loads the models (timed on
their own), warms up, then times `build_archive(workers=1)` in CPU seconds, the ingest +
segmentation baseline (`load_pair` of every folder) and peak RSS; `--baseline DIR` runs the
same with the toolkit of another checkout (e.g. `git archive main | tar -x -C DIR`) in the
same run, for before/after figures; `--profile` prints the cProfile top of the first build.

    .venv/bin/python benchmarks/build_speed.py --per-core --sizes 200 400 --cpu 0
    .venv/bin/python benchmarks/build_speed.py --per-core --sizes 200 --profile

On a shared machine one run per tree moves by 5-20% with the load (speed21, speed22):
`--repeats K` runs each tree K times, taking turns (before, after, after, before, ...), and
prints the ratio of the two medians with the run-by-run range; each row shows the load average.

    .venv/bin/python benchmarks/build_speed.py --per-core --baseline DIR --sizes 200 --repeats 3
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if "--source" in sys.argv:  # a child measuring another checkout's toolkit: it comes first
    sys.path.insert(0, sys.argv[sys.argv.index("--source") + 1])
sys.path.insert(1 if "--source" in sys.argv else 0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

# align_quality is imported where a corpus is written, never in a child measuring another
# checkout (`--source`): importing it puts this checkout's toolkit first on sys.path

# Credits of the pseudo-articles: (romanized, Hangul) reporters; translators; writers.
REPORTERS = [("Kim Joon-ho", "김준호"), ("Lee Su-jin", "이수진"), ("Park Min-su", "박민수"),
             ("Choi Young-hee", "최영희"), ("Jung Hae-won", "정해원"), ("Moon Ji-hoon", "문지훈")]
TRANSLATORS = ["Yoon So-ra", "Han Dae-sung", "Kang Eun-ji", "Seo Hyun-woo"]
WRITERS = ["Claire Benton", "David Morgan", "Roseanne Gerin", "Eugene Whong"]


def _title(line: str, words: int) -> str:
    """A headline cut from the first line: its first words, without final punctuation."""
    return " ".join(line.split()[:words]).rstrip(".,;:!?\"'”’")


def _paragraphs(lines: list[str], rng: random.Random) -> list[str]:
    out, k = [], 0
    while k < len(lines):
        size = rng.randint(1, 3)
        out.append(" ".join(lines[k:k + size]))
        k += size
    return out


def write_corpus(corpus: Path, n: int) -> int:
    """Write n pseudo-article folders into `corpus`; returns how many were written."""
    from align_quality import SEED, make_articles

    rng = random.Random(SEED)
    written, draw = 0, 0
    while written < n:
        articles = make_articles("test", limit=n - written, seed=SEED + draw, units="lines")
        draw += 1
        for art in articles:
            en_lines = [s.text for s in art.en]
            ko_lines = [s.text for s in art.ko]
            reporter, hangul = rng.choice(REPORTERS)
            translator, writer = rng.choice(TRANSLATORS), rng.choice(WRITERS)
            en = [_title(en_lines[0], 9), *_paragraphs(en_lines, rng),
                  f"Reported by {reporter} for RFA's Korean service. Translated by {translator}. "
                  f"Written in English by {writer}."]
            ko = [_title(ko_lines[0], 6), *_paragraphs(ko_lines, rng), f"지금까지 자유아시아방송 {hangul}입니다."]
            folder = corpus / f"a{written:05d}"
            folder.mkdir(parents=True)
            (folder / "en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
            (folder / "ko.txt").write_text("\n\n".join(ko) + "\n", encoding="utf-8")
            written += 1
    return written


def change_one_article(corpus: Path) -> str:
    """Give one article's English a new sentence (the second folder: not the first chunk)."""
    folder = sorted(p for p in corpus.iterdir() if p.is_dir())[1]
    en = folder / "en.txt"
    title, rest = en.read_text(encoding="utf-8").split("\n\n", 1)
    en.write_text(f"{title}\n\nOfficials gave no figures on Tuesday.\n\n{rest}", encoding="utf-8")
    return folder.name


# ---------------------------------------------------------------- scaling: whole commands


def _command(corpus: Path, archive: Path, workers: int) -> dict:
    """One `transprov build --json` in a fresh process: its report and wall seconds."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "toolkit.cli", "build", str(corpus), "--archive", str(archive),
                          "--workers", str(workers), "--json"], capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    if not out.stdout.strip().startswith("{"):
        sys.exit(f"build failed: {out.stderr.strip()[-500:]}")
    return {"wall": wall, **json.loads(out.stdout)}


def same_archives(a: Path, b: Path) -> bool:
    import polars as pl

    from toolkit.metrics.tables import TABLES

    names = sorted(p.name for p in (a / "tei").iterdir())
    if names != sorted(p.name for p in (b / "tei").iterdir()):
        return False
    if any((a / "tei" / n).read_bytes() != (b / "tei" / n).read_bytes() for n in names):
        return False
    return all(pl.read_parquet(a / "tables" / f"{t}.parquet").equals(pl.read_parquet(b / "tables" / f"{t}.parquet"))
               for t in TABLES)


def scaling(n: int, rounds: int, keep: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"transprov-scaling-{n}-", dir="/tmp"))
    try:
        corpus = work / "corpus"
        write_corpus(corpus, n)
        print(f"scaling: {n} pseudo-articles, whole `transprov build` commands (model loads included); "
              f"cores {sorted(os.sched_getaffinity(0))}; load average before: {os.getloadavg()[0]:.2f}")
        walls: dict[int, list[float]] = {1: [], 2: []}
        reports: dict[int, dict] = {}
        for r in range(rounds):  # alternate, so that a change in the machine's load hits both
            for workers in ((1, 2) if r % 2 == 0 else (2, 1)):
                archive = work / f"archive-{workers}"
                shutil.rmtree(archive, ignore_errors=True)
                reports[workers] = _command(corpus, archive, workers)
                walls[workers].append(reports[workers]["wall"])
        identical = same_archives(work / "archive-1", work / "archive-2")
        noop = _command(corpus, work / "archive-2", 2)
        changed = change_one_article(corpus)
        one = _command(corpus, work / "archive-2", 2)
        w1, w2 = statistics.median(walls[1]), statistics.median(walls[2])
        print(f"{'run':<16} {'wall s':>7} {'a/s':>7} {'a/cpu-s':>7} {'built':>6} {'unchanged':>9} {'failed':>6}  phases (s)")
        for label, report, wall in (("workers 1", reports[1], w1), ("workers 2", reports[2], w2),
                                    ("no-op rebuild", noop, noop["wall"]), ("one change", one, one["wall"])):
            phases = " ".join(f"{p} {s:.1f}" for p, s in report["phases"].items())
            per_cpu = f"{report['built'] / report['cpu']:>7.1f}" if report.get("cpu") and report["built"] else f"{'-':>7}"
            print(f"{label:<16} {wall:>7.2f} {n / wall:>7.1f} {per_cpu} {report['built']:>6} {report['unchanged']:>9} "
                  f"{report['failed']:>6}  {phases}")
        print(f"2 workers / 1 worker: {w1 / w2:.2f}x (median of {rounds}: {[round(w, 1) for w in walls[1]]} vs "
              f"{[round(w, 1) for w in walls[2]]}); identical TEI and equal tables: {identical}")
        print(f"no-op rebuild {w2 / noop['wall']:.1f}x faster than the 2-worker build; one change ({changed}): "
              f"built {one['built']} ({one['realigned']} realigned); load average after: {os.getloadavg()[0]:.2f}")
        if keep:
            print(f"  kept {work}")
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- per core: one process


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(corpus: Path, work: Path, profile: Path | None) -> dict:
    """In a fresh process: model load, build, then the ingest+segment baseline."""
    from toolkit.align import load_lexicon
    from toolkit.archive import build_archive, corpus_articles, load_pair
    from toolkit.langid import detect_language
    from toolkit.segment import kiwi, split_korean

    rss_start = _rss_mb()
    t0 = time.perf_counter()
    kiwi()
    split_korean("모델을 불러옵니다.")
    t_kiwi = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_lexicon()
    # langdetect's profiles are a model too (loaded on the first non-English Latin paragraph)
    detect_language("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir "
                    "les familles qui ont quitté le pays pendant la crise économique.")
    t_lexicon = time.perf_counter() - t0
    # first use of the build's code paths (module imports, regex compilation, the Parquet
    # and TEI writers): a two-article build into a throwaway archive, timed apart
    t0 = time.perf_counter()
    warm = work / "warm-corpus"
    for _, folder in corpus_articles(corpus)[:2]:
        shutil.copytree(folder, warm / folder.name)
    build_archive(warm, work / "warm-archive", progress=False)
    t_warm = time.perf_counter() - t0
    rss_loaded = _rss_mb()

    t0, c0 = time.perf_counter(), time.process_time()
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        report = profiler.runcall(build_archive, corpus, work / "archive", progress=False)
        profiler.dump_stats(profile)
    else:
        report = build_archive(corpus, work / "archive", progress=False)
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    rss_built = _rss_mb()

    # baseline after the build, so that the build does not profit from warm caches; the
    # caches of paragraphs already split or detected are emptied (where the toolkit has them),
    # or the baseline would read them instead of segmenting
    import toolkit.langid
    import toolkit.segment

    getattr(getattr(toolkit.segment, "_split_korean", None), "cache_clear", lambda: None)()
    getattr(getattr(toolkit.langid, "_langdetect_sample", None), "cache_clear", lambda: None)()
    folders = corpus_articles(corpus)
    t0, c0 = time.perf_counter(), time.process_time()
    for _, folder in folders:
        try:
            load_pair(folder)
        except Exception:  # noqa: BLE001 - the build reported it already
            pass
    t_ingest, c_ingest = time.perf_counter() - t0, time.process_time() - c0
    return {
        "n": report.articles, "built": report.built, "failures": report.failures[:3],
        "n_failures": len(report.failures), "learned": report.learned,
        "kiwi_s": t_kiwi, "lexicon_s": t_lexicon, "warm_s": t_warm, "build_s": t_build, "ingest_s": t_ingest,
        "build_cpu_s": c_build, "ingest_cpu_s": c_ingest, "phases": report.phases,
        "rss_loaded_mb": rss_loaded, "rss_built_mb": rss_built, "rss_start_mb": rss_start,
        "toolkit": str(Path(sys.modules["toolkit"].__file__).resolve()),  # which checkout was measured
    }


def run_size(corpus: Path, work: Path, profile: Path | None, source: Path | None, cpu: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(corpus), str(work)]
    if profile is not None:
        cmd += ["--profile-out", str(profile)]
    if source is not None:
        cmd += ["--source", str(source)]
    if cpu is not None:
        cmd += ["--cpu", str(cpu)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    expected = str((source or REPO).resolve())
    if not result["toolkit"].startswith(expected):
        sys.exit(f"the child measured {result['toolkit']}, not {expected}")
    return result


def per_core(sizes: list[int], profile: bool, baseline: Path | None, cpu: int | None, keep: bool,
             repeats: int = 1) -> None:
    print(f"per core: build_archive(workers=1) in one process, CPU time; cores {sorted(os.sched_getaffinity(0))}"
          f"{f', pinned to {cpu}' if cpu is not None else ''}; load average: {os.getloadavg()[0]:.2f}")
    print(f"{'code':<9} {'N':>5} {'load s':>6} {'warm s':>6} {'base a/s':>8} {'build a/s':>9} {'(wall)':>6} "
          f"{'pass1/learn/pass2/tables/terms %':<26} {'RSS load':>8} {'peak':>5} {'+MB':>5} {'learned':>7} {'failed':>6} "
          f"{'load avg':>8}")
    for k, n in enumerate(sizes):
        work = Path(tempfile.mkdtemp(prefix=f"transprov-build-{n}-", dir="/tmp"))
        speeds: dict[str, list[float]] = {"before": [], "after": []}
        try:
            write_corpus(work / "corpus", n)
            for r in range(repeats):
                # the trees take turns, first one then the other, so that a change in the machine's
                # load falls on both alike; each run is its own fresh process
                order = (("before", baseline), ("after", None)) if r % 2 == 0 else (("after", None), ("before", baseline))
                for label, source in order:
                    if label == "before" and baseline is None:
                        continue
                    shutil.rmtree(work / "archive", ignore_errors=True)
                    shutil.rmtree(work / "warm-archive", ignore_errors=True)
                    shutil.rmtree(work / "warm-corpus", ignore_errors=True)
                    prof = (Path(tempfile.mkstemp(prefix="build-", suffix=".prof", dir="/tmp")[1])
                            if profile and k == 0 and r == 0 and source is None else None)
                    load = os.getloadavg()[0]
                    got = run_size(work / "corpus", work, prof, source, cpu)
                    base, build = got["n"] / got["ingest_cpu_s"], got["n"] / got["build_cpu_s"]
                    speeds[label].append(build)
                    phases = "/".join(f"{100 * got['phases'].get(p, 0) / got['build_s']:.0f}"
                                      for p in ("pass1", "learn", "pass2", "tables", "terms"))
                    print(f"{label:<9} {got['n']:>5} {got['kiwi_s'] + got['lexicon_s']:>6.2f} {got['warm_s']:>6.2f} "
                          f"{base:>8.1f} {build:>9.1f} {got['n'] / got['build_s']:>6.1f} {phases:<26} "
                          f"{got['rss_loaded_mb']:>8.0f} {got['rss_built_mb']:>5.0f} "
                          f"{got['rss_built_mb'] - got['rss_loaded_mb']:>5.0f} {got['learned']:>7} "
                          f"{got['n_failures']:>6} {load:>8.1f}", flush=True)
                    if prof is not None:
                        import pstats

                        print(f"  profile of the N={n} build ({prof}):")
                        pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(40)
            if repeats > 1 and speeds["before"]:
                before, after = statistics.median(speeds["before"]), statistics.median(speeds["after"])
                pairs = [a / b for a, b in zip(speeds["after"], speeds["before"])]
                print(f"N={n}: median of {repeats} runs each, build a/s {before:.1f} -> {after:.1f}: "
                      f"{after / before:.2f}x (run by run {min(pairs):.2f}x-{max(pairs):.2f}x)")
        finally:
            if keep:
                print(f"  kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    print("a/s = articles per second of process CPU time (one core); base: ingest + segmentation only "
          "(load_pair); load s: Kiwi, lexicon, langdetect; warm s: a two-article build, timed apart; "
          "RSS in MB (getrusage peak) after the load, at the end, and the growth; load avg: the machine's "
          "1-minute load average when the run started.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus size of the scaling run")
    ap.add_argument("--rounds", type=int, default=1, help="clean builds per worker count (median)")
    ap.add_argument("--per-core", action="store_true", help="the one-process CPU measurement instead")
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 800], help="corpus sizes of --per-core")
    ap.add_argument("--baseline", type=Path, default=None, help="--per-core: also measure this checkout's toolkit")
    ap.add_argument("--repeats", type=int, default=1,
                    help="--per-core: runs per tree and size, the trees taking turns; prints the medians")
    ap.add_argument("--cpu", type=int, default=None, help="--per-core: pin to this core (like taskset -c CPU)")
    ap.add_argument("--profile", action="store_true", help="--per-core: cProfile the first build; print the top")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus and archives")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "WORK"), help=argparse.SUPPRESS)
    ap.add_argument("--profile-out", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--source", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cpu is not None and args.child:
        os.sched_setaffinity(0, {args.cpu})
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]), args.profile_out)))
        return
    from align_quality import CORPORA

    if not (CORPORA / "koen-news-park").is_dir():
        sys.exit(f"{CORPORA}/koen-news-park is absent: this benchmark needs ../shared/corpora beside the checkout")
    if args.per_core:
        per_core(args.sizes, args.profile, args.baseline, args.cpu, args.keep, args.repeats)
    else:
        scaling(args.articles, args.rounds, args.keep)


if __name__ == "__main__":
    main()
