"""Validation speed: `transprov validate` on N seed-sized TEI files in one call (issue 4: >= 100
files/s; issue 11: >= 1,000 files/s on two cores).

Usage: .venv/bin/python benchmarks/validate_speed.py [N]   (default 400)

The seed pair (fixtures/seed) is ingested, segmented, aligned and written as TEI once,
copied N times into a temporary directory, and validated: by the CLI in a fresh process
(start-up and schema compilation included) with `--workers 1` and `--workers 2`, and
in-process by validate_files.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    data = seed_tei()
    with tempfile.TemporaryDirectory() as folder:
        for i in range(n):
            (Path(folder) / f"{i:04d}.xml").write_bytes(data)
        cli_seconds = {}
        for workers in ("1", "2"):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "toolkit.cli", "validate", folder, "--workers", workers],
                                    capture_output=True, text=True, cwd=REPO)
            cli_seconds[workers] = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"validate failed: {result.stderr.strip()[:500]}")

        from toolkit.tei.validate import project_validators, validate_files

        project_validators()  # compile outside the timing: the CLI figure includes it
        start = time.perf_counter()
        reports = validate_files([Path(folder)])
        lib_seconds = time.perf_counter() - start
        assert all(r.valid for r in reports)
    print(f"{n} files of {len(data)} bytes")
    for workers, seconds in cli_seconds.items():
        print(f"transprov validate --workers {workers} (start-up included): {seconds:.2f} s, {n / seconds:.0f} files/s")
    print(f"validate_files (schemas compiled): {lib_seconds:.2f} s, {n / lib_seconds:.0f} files/s")


if __name__ == "__main__":
    main()
