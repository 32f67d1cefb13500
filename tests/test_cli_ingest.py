"""`transprov ingest`: JSON of every readable file, one stderr line per bad one, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import repo_root
from toolkit.cli import app

SEED = repo_root() / "fixtures" / "seed" / "en.txt"
runner = CliRunner()


def test_ingest_json_of_the_seed():
    result = runner.invoke(app, ["ingest", str(SEED), "--json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    [record] = json.loads(result.stdout)
    assert record["source"] == str(SEED)
    assert record["title"] == "Pyongyang Moves to Identify Defectors"
    assert record["dek"] == "The campaign is aimed at punishing families of those who flee the country."
    assert record["language"] == "en"
    assert len(record["captions"]) == 1
    assert len(record["paragraphs"]) == 22


def test_bad_files_fail_one_line_each_while_good_files_are_printed(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02\x03" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("Rain Returns\n\nRain returned to the capital on Monday, forecasters said.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(junk), str(SEED), str(empty), str(missing), str(good), "--json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(SEED), str(good)]
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    for line, path, problem in zip(lines, (junk, empty, missing), ("binary", "empty file", "no such file")):
        assert str(path) in line and problem in line
    assert "Traceback" not in result.stderr


def test_directory_of_articles_is_expanded(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.html").write_text(
        "<html><body><h1>Dam Opens</h1><p>The dam opened on Friday, officials said.</p></body></html>", encoding="utf-8"
    )
    result = runner.invoke(app, ["ingest", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert [r["title"] for r in json.loads(result.stdout)] == ["Pyongyang Moves to Identify Defectors", "Dam Opens"]


def test_usage_errors_exit_2():
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(SEED), "--no-such-option"]).exit_code == 2


def test_console_script_without_json_prints_a_table_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 BOM then an unpaired surrogate
    script = repo_root() / ".venv" / "bin" / "transprov"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "toolkit.cli"]
    done = subprocess.run([*command, "ingest", str(SEED), str(bad)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Pyongyang" in done.stdout
    assert done.stderr.strip().splitlines() == [f"error: {bad}: invalid UTF-16 after its byte-order mark (byte offset 2)"]
