"""Huge and hostile input (issue 12): the time each command takes, against a baseline of the same run.

Every case runs the CLI in a fresh process (start-up included) with a timeout, so that a
regression shows as "timeout" rather than a hang. The baseline of each group is the same
command on an ordinary input (the seed article), measured in the same run: the ratio says how
much longer the huge input takes, whatever the machine's load.

- validate: the seed TEI with N extra links whose pointers resolve to nothing (every link
  fails `link-resolves`), and with N extra valid links (N English and Korean sentences);
- compare: a synthetic article of N sentences with itself, and with an edited copy (5% of
  sentences dropped, 10% reworded, 3% added): anchors and a banded DP;
- ingest: HTML with half of its paragraphs nested 300 levels deep, and a FIFO among good files;
- Korean credits: `credits` and `align` of the seed with a paragraph of 1 MB of spaces and list
  dots (runs of up to 3,000 spaces between names and dots: what `split_list_dots` splits), and
  `split_list_dots` itself on one run of 1,000,000 spaces (in this process, against the old
  pattern on 20,000: the CLI never hands it more than a caption's name or a 400-character roster).

    .venv/bin/python benchmarks/hostile_sizes.py                  # the figures of benchmarks/README.md
    .venv/bin/python benchmarks/hostile_sizes.py --quick          # smaller sizes
    .venv/bin/python benchmarks/hostile_sizes.py --repo ../main   # the same cases run by another checkout
    .venv/bin/python benchmarks/hostile_sizes.py --timeout 600

`--repo` runs `python -m toolkit.cli` from that checkout (its code, this venv's packages); the
inputs are always made with this checkout's writer, so both runs see identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SUBJECTS = ["Officials", "The ministry", "Residents", "A spokesman", "Local traders", "The committee",
            "Border guards", "Analysts", "The court", "Farmers"]
VERBS = ["said", "reported", "confirmed", "denied", "warned", "announced", "noted", "claimed"]
OBJECTS = ["the new rules", "a rise in prices", "the closure of the market", "talks with China",
           "a shortage of rice", "fresh arrests", "a delay in payments", "the flood damage",
           "a change of plans", "the inspection tour"]
TIMES = ["on Monday", "last week", "in March", "this year", "after the meeting", "late on Friday",
         "in 2019", "earlier"]


def seed_tei() -> bytes:
    from toolkit.align import align, load_lexicon
    from toolkit.credits import join_korean_credits
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article
    from toolkit.tei import write_tei

    en = segment_article(read_article(REPO / "fixtures/seed/en.txt"))
    ko = segment_article(read_article(REPO / "fixtures/seed/ko.txt"))
    en.credits = join_korean_credits(en.credits, ko.credits)
    return write_tei(en, ko, align(en.sentences, ko.sentences, load_lexicon()))


def dangling_links(tei: bytes, n: int) -> bytes:
    links = "".join(f'<link type="1-1" target="#en-x{i} #ko-x{i}"/>' for i in range(n))
    return tei.replace(b'<linkGrp type="alignment">', b'<linkGrp type="alignment">' + links.encode(), 1)


def valid_links(tei: bytes, n: int) -> bytes:
    text = tei.decode()
    english = "".join(f'<p><s xml:id="en-b{i}">Line {i}.</s></p>' for i in range(n))  # short: 320,000
    korean = "".join(f'<p><s xml:id="ko-b{i}">{i}줄.</s></p>' for i in range(n))  # links stay under 50 MB
    links = "".join(f'<link type="1-1" target="#en-b{i} #ko-b{i}"/>' for i in range(n))
    text = text.replace("<byline>", english + "<byline>", 1)
    original = text.index('<div type="original"')
    after_head = text.index("</head>", original) + len("</head>")
    text = text[:after_head] + korean + text[after_head:]
    return text.replace('<linkGrp type="alignment">', '<linkGrp type="alignment">' + links, 1).encode()


def article(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)} in district "
            f"{i + 1}, where {rng.randint(2, 900)} families live." for i in range(n)]


def edited(sentences: list[str], seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for sentence in sentences:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.15:
            out.append(sentence.replace(" said ", " stated ").replace(" the ", " a "))
            continue
        out.append(sentence)
        if roll < 0.18:
            out.append(f"Prices rose in {rng.randint(2, 99)} towns.")
    return out


def as_text(title: str, sentences: list[str]) -> str:
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def deep_html(depth: int, paragraphs: int) -> str:
    body = []
    for i in range(paragraphs):
        p = f"<p>Paragraph {i + 1} says that traders in the border town reopened their stalls on Monday.</p>"
        body.append("<div>" * depth + p + "</div>" * depth if i % 2 else p)
    return f"<html><body><article><h1>Deep Page</h1>{''.join(body)}</article></body></html>"


def spaces_and_dots(size: int, seed: int = 1) -> str:
    """`size` characters of names between long runs of spaces and list dots, as one paragraph."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        part = rng.choice(["한빛시", "한빛군청", "문태오"]) + " " * rng.randint(1, 3000) + rng.choice("·ㆍ") \
            + " " * rng.randint(0, 3000)
        parts.append(part)
        length += len(part)
    return "".join(parts) + "다."


def list_dot_split(runs: list[int]) -> None:
    """split_list_dots on one run of spaces no dot ends, against the pattern it replaced."""
    import re

    from toolkit.credits.korean import split_list_dots

    old = re.compile(r"\s*[·ㆍ]\s*")
    for n in runs:
        text = "한빛시" + " " * n + "청"
        start = time.perf_counter()
        split_list_dots(text)
        new = time.perf_counter() - start
        start = time.perf_counter()
        old.split(text) if n <= 20_000 else None
        before = f"{time.perf_counter() - start:8.3f} s" if n <= 20_000 else "(not run: minutes)"
        label = f"split_list_dots, {n:,} spaces (in this process)"
        print(f"  {label:<48} {new:8.4f} s  old pattern {before}")


def run(repo: Path, timeout: float, *args) -> tuple[float | None, int | None, str]:
    """(seconds, exit code, stdout) of the CLI of `repo`; (None, None, "") after `timeout`."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "toolkit.cli", *map(str, args)], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=timeout, text=True)
    except subprocess.TimeoutExpired:
        return None, None, ""
    return time.perf_counter() - start, done.returncode, done.stdout


def report(label: str, result: tuple, baseline: float, timeout: float, note: str = "") -> None:
    seconds, code, _ = result
    if seconds is None:
        print(f"  {label:<48} > {timeout:.0f} s (timeout)")
    else:
        print(f"  {label:<48} {seconds:8.2f} s  x{seconds / baseline:7.1f}  exit {code}{note}")


GROUPS = ["validate", "compare", "ingest", "korean"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose CLI is run")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--quick", action="store_true", help="small sizes (the code before the fix finishes them)")
    parser.add_argument("--links", type=int, nargs="+", help="numbers of dangling links")
    parser.add_argument("--valid", type=int, nargs="+", help="numbers of valid links")
    parser.add_argument("--sentences", type=int, nargs="+", help="article lengths for compare")
    parser.add_argument("--groups", nargs="+", choices=GROUPS, default=GROUPS, help="which groups of cases to run")
    args = parser.parse_args()
    repo, timeout = args.repo.resolve(), args.timeout
    link_sizes = args.links or ([2_000, 5_000, 10_000] if args.quick else [20_000, 40_000, 80_000, 320_000])
    valid_sizes = args.valid or ([20_000] if args.quick else [80_000, 320_000])
    sentence_sizes = args.sentences or ([100, 200] if args.quick else [500, 1_000])
    print(f"CLI of {repo}; timeout {timeout:.0f} s; one process per case")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        seed = REPO / "fixtures/seed/en.txt"
        if "validate" in args.groups:
            tei = seed_tei()
            (tmp / "seed.xml").write_bytes(tei)
            baseline = run(repo, timeout, "validate", tmp / "seed.xml")[0] or 1.0
            print(f"validate (baseline: the seed TEI, {baseline:.2f} s)")
            for n in link_sizes:
                path = tmp / f"dangling-{n}.xml"
                path.write_bytes(dangling_links(tei, n))
                report(f"{n:,} dangling links ({path.stat().st_size / 1e6:.1f} MB)", run(repo, timeout, "validate", path),
                       baseline, timeout)
            for n in valid_sizes:
                path = tmp / f"valid-{n}.xml"
                path.write_bytes(valid_links(tei, n))
                report(f"{n:,} valid links ({path.stat().st_size / 1e6:.1f} MB)", run(repo, timeout, "validate", path),
                       baseline, timeout)

        if "compare" in args.groups:
            baseline = run(repo, timeout, "compare", seed, seed)[0] or 1.0
            print(f"compare (baseline: the seed with itself, {baseline:.2f} s)")
            for n in sentence_sizes:
                sentences = article(n)
                a, b = tmp / f"article-{n}.txt", tmp / f"edited-{n}.txt"
                a.write_text(as_text(f"Report on {n} Districts", sentences), encoding="utf-8")
                b.write_text(as_text(f"Report on {n} Districts", edited(sentences)), encoding="utf-8")
                report(f"{n:,} sentences with itself", run(repo, timeout, "compare", a, a), baseline, timeout)
                report(f"{n:,} sentences with an edited copy", run(repo, timeout, "compare", a, b), baseline, timeout)

        if "ingest" in args.groups:
            baseline = run(repo, timeout, "ingest", seed)[0] or 1.0
            print(f"ingest (baseline: the seed, {baseline:.2f} s)")
            deep = tmp / "deep.html"
            deep.write_text(deep_html(300, 40), encoding="utf-8")
            result = run(repo, timeout, "ingest", "--json", deep)
            read = sum(len(r["paragraphs"]) for r in json.loads(result[2] or "[]"))
            report("HTML, 20 of 40 paragraphs 300 levels deep", result, baseline, timeout, f", {read} of 40 paragraphs read")
            fifo = tmp / "pipe.txt"
            os.mkfifo(fifo)
            report("a FIFO between two good files", run(repo, min(timeout, 30), "ingest", seed, fifo, seed), baseline,
                   min(timeout, 30))

        if "korean" in args.groups:
            korean = REPO / "fixtures/seed/ko.txt"
            baseline = run(repo, timeout, "credits", korean)[0] or 1.0
            print(f"Korean credits (baseline: credits of the seed's Korean, {baseline:.2f} s)")
            paragraphs = korean.read_text(encoding="utf-8").split("\n\n")
            dotted = tmp / "dotted-ko.txt"
            dotted.write_text("\n\n".join(paragraphs[:4] + [spaces_and_dots(1_000_000)] + paragraphs[4:]), encoding="utf-8")
            report("credits, 1 MB paragraph of spaces and list dots", run(repo, timeout, "credits", dotted), baseline,
                   timeout)
            report("align, the same against the seed's English", run(repo, timeout, "align", seed, dotted, "-o",
                                                                     tmp / "dotted.xml"), baseline, timeout)
            if repo == REPO:  # in this process: this checkout's function
                list_dot_split([20_000, 1_000_000])


if __name__ == "__main__":
    main()
