"""Build throughput and memory: `build_archive` over corpora of N pseudo-articles (issue 3).

Pseudo-articles follow the protocol of `align_quality.py` (runs of 6-14 consecutive line
pairs of the koen-news-park test split, English additions, untranslated Korean and
background blocks; `make_articles` is imported, not copied). Each is written as a corpus
folder in a temporary directory under /tmp, never in the repository:

    CORPUS/<id>/en.txt   title line, paragraphs of 1-3 lines, an RFA credit line
                         ("Reported by ... for RFA's Korean service. Translated by ....
                         Written in English by ....")
    CORPUS/<id>/ko.txt   title line, paragraphs of 1-3 lines, the reporter's sign-off

The test split gives about 200 articles per draw; larger corpora add draws with the next
seeds (other run boundaries, other drops and insertions).

For every N (default 100, 400, 1600) a fresh child process loads the models (timed on its
own), then times in the same process:

- baseline: ingest + segmentation of every folder (`archive.load_pair`), articles/s;
- the full build (`build_archive`: two alignment passes, TEI, Parquet tables, metrics),
  articles/s after the model load, and its ratio to the baseline;
- peak RSS (getrusage) after the model load and at the end of the build: their difference
  is what the build itself needs, which must not grow with N.

Run on demand (needs ../shared/corpora); `--cpu 0` pins the run to one core, as
`taskset -c 0` does:

    .venv/bin/python benchmarks/build_speed.py --cpu 0              # N = 100, 400, 1600
    .venv/bin/python benchmarks/build_speed.py --sizes 200 --profile # cProfile of one build
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from align_quality import CORPORA, SEED, make_articles  # noqa: E402

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


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:
        return float("nan")


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

    # baseline after the build, so that the build does not profit from warm caches
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
        "n_failures": len(report.failures), "learned": report.learned, "rows": report.rows,
        "kiwi_s": t_kiwi, "lexicon_s": t_lexicon, "warm_s": t_warm, "build_s": t_build, "ingest_s": t_ingest,
        "build_cpu_s": c_build, "ingest_cpu_s": c_ingest, "phases": report.phases,
        "rss_start_mb": rss_start, "rss_loaded_mb": rss_loaded, "rss_built_mb": rss_built,
        "rss_now_mb": _current_rss_mb(),
    }


def run_size(n: int, keep: bool, profile: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"transprov-build-{n}-", dir="/tmp"))
    try:
        corpus = work / "corpus"
        t0 = time.perf_counter()
        write_corpus(corpus, n)
        gen = time.perf_counter() - t0
        cmd = [sys.executable, __file__, "--child", str(corpus), str(work)]
        if profile is not None:
            cmd += ["--profile-out", str(profile)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        result = json.loads(out.strip().splitlines()[-1])
        result["generate_s"] = gen
        archive = work / "archive"
        result["archive_mb"] = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file()) / 1024 / 1024
        if keep:
            print(f"  kept {work}")
        return result
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600], help="corpus sizes N")
    ap.add_argument("--cpu", type=int, default=None, help="pin to this core (like taskset -c CPU)")
    ap.add_argument("--profile", action="store_true", help="cProfile the build of the first size; print the top")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus and archive")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "WORK"), help=argparse.SUPPRESS)
    ap.add_argument("--profile-out", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]), args.profile_out)))
        return
    if not (CORPORA / "koen-news-park").is_dir():
        sys.exit(f"{CORPORA}/koen-news-park is absent: this benchmark needs ../shared/corpora beside the checkout")

    cores = sorted(os.sched_getaffinity(0))
    print(f"build_speed: pseudo-articles from the koen-news-park test split (seed {SEED}); "
          f"cores available: {cores}")
    print(f"{'N':>5} {'load s':>6} {'warm s':>6} {'base a/s':>8} {'build a/s':>9} {'(wall)':>6} {'ratio':>5}  "
          f"{'pass1/learn/pass2/tables/terms %':<26} {'RSS load':>8} {'peak':>5} {'build +MB':>9} "
          f"{'learned':>7} {'failed':>6}")
    for k, n in enumerate(args.sizes):
        profile = Path(tempfile.mkstemp(prefix="build-", suffix=".prof", dir="/tmp")[1]) if args.profile and k == 0 else None
        r = run_size(n, args.keep, profile)
        base = r["n"] / r["ingest_cpu_s"]
        build = r["n"] / r["build_cpu_s"]
        wall = r["n"] / r["build_s"]
        phases = "/".join(f"{100 * r['phases'].get(p, 0) / r['build_s']:.0f}" for p in ("pass1", "learn", "pass2", "tables", "terms"))
        print(f"{r['n']:>5} {r['kiwi_s'] + r['lexicon_s']:>6.2f} {r['warm_s']:>6.2f} {base:>8.1f} {build:>9.1f} {wall:>6.1f} "
              f"{build / base:>5.2f}  {phases:<26} {r['rss_loaded_mb']:>8.0f} {r['rss_built_mb']:>5.0f} "
              f"{r['rss_built_mb'] - r['rss_loaded_mb']:>9.0f} {r['learned']:>7} {r['n_failures']:>6}", flush=True)
        for line in r["failures"]:
            print(f"      failure: {line}")
        if profile is not None:
            import pstats

            print(f"  profile of the N={n} build ({profile}):")
            pstats.Stats(str(profile)).sort_stats("cumulative").print_stats(45)
    print("load s: Kiwi model, lexicon and langdetect profiles; warm s: a two-article build "
          "(first use of imports and writers); both timed apart. a/s = articles of the corpus "
          "per second of process CPU time (robust to other jobs on the machine; wall-clock beside). "
          "base: ingest + segmentation only (archive.load_pair); build: build_archive after the load "
          "(two alignment passes, TEI, Parquet tables, metrics); ratio = build / base. "
          "RSS in MB (getrusage peak): after the load, at the end of the build, and the growth.")


if __name__ == "__main__":
    main()
