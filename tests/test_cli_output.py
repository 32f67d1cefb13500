"""Terminal output prints article text as written: square brackets and colons are data, not styling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "toolkit.cli"]
TITLE = "Talks stall [photo] again [/b] :flag_kr:"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def article(tmp_path: Path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(
        f"{TITLE}\n\nThe talks between the two Koreas stalled again on Monday, officials said [in Seoul].\n\n"
        "Reported by Kim Joon-Ho for RFA's Korean service.\n",
        encoding="utf-8",
    )
    return path


def test_ingest_and_credits_tables_print_brackets_as_written(tmp_path: Path) -> None:
    path = article(tmp_path)
    for command in ("ingest", "credits"):
        result = run(command, path)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert TITLE in run("ingest", path).stdout


def test_show_prints_sentences_with_brackets(tmp_path: Path) -> None:
    ko = tmp_path / "ko.txt"
    ko.write_text("남북 회담 또 공전\n\n남북 회담이 월요일 또다시 공전했다고 관리들이 밝혔습니다.\n", encoding="utf-8")
    out = tmp_path / "out.xml"
    assert run("align", article(tmp_path), ko, "-o", out).returncode == 0
    result = run("show", out)
    assert result.returncode == 0, result.stderr
    assert "[in Seoul]" in result.stdout and TITLE in result.stdout
