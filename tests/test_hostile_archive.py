"""Hostile conditions around the archive and its commands: a disk that fills, ids that one file
system keeps apart and another does not, hidden folders, more workers than the work needs, and
a translator's TMX written in decomposed or zero-width-marked Korean."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import repo_root

CLI = [sys.executable, "-m", "toolkit.cli"]
ENGLISH_ONLY = repo_root() / "fixtures" / "corpus" / "english-only"


def _cli(*args, **options) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=600, cwd=repo_root(),
                          stdin=subprocess.DEVNULL, **options)


def test_a_write_that_fails_names_the_file_it_was_for(tmp_path: Path):
    """A full disk fails a write() with no file name in the error (EFBIG, ENOSPC), so the build
    could only say "a build worker failed (OSError: [Errno 27] File too large)": which file, and
    where, was left unsaid. atomic_path puts the path it was writing into the error."""
    from toolkit.files import atomic_path

    target = tmp_path / "out" / "table.parquet"
    with pytest.raises(OSError) as caught, atomic_path(target):
        raise OSError(27, "File too large")
    assert (caught.value.errno, caught.value.filename) == (27, str(target))
    assert list(target.parent.iterdir()) == []  # the temporary file is gone too


def test_a_build_on_a_full_disk_names_the_file_it_could_not_write(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ENGLISH_ONLY, corpus / "english-only")
    archive = tmp_path / "archive"

    def small_files() -> None:  # as a full disk: a write past 4 KB fails (Python ignores SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = _cli("build", corpus, "--archive", archive, "--quiet", preexec_fn=small_files)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {archive}/") and ": cannot be written (File too large" in line, line
    assert line.endswith(f"; the build stopped and {archive} was left as it was")
    assert _cli("build", corpus, "--archive", archive, "--quiet").returncode == 0  # the next build finishes


def test_twin_ids_are_compared_as_case_insensitive_file_systems_compare_names():
    """str.casefold made "strasse" a twin of "straße" (full folding turns ß into ss), which APFS and
    NTFS keep apart; simple folding, one character for one, is what they compare."""
    from toolkit.archive.sources import twin_ids

    assert twin_ids(["straße", "strasse"]) == []
    assert len(twin_ids(["Straße", "straße"])) == 1
    assert len(twin_ids(["ẞ-report", "ß-report"])) == 1  # capital sharp s folds to ß, one for one
    assert len(twin_ids(["Café", unicodedata.normalize("NFD", "café")])) == 1


def test_hidden_corpus_folders_are_skipped_with_a_note(tmp_path: Path):
    """A folder ".name" is no article (".git"), but an article a tool renamed so vanished from the
    archive without a word: one note line names them; the archive kept in the corpus is not one."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ENGLISH_ONLY, corpus / "english-only")
    shutil.copytree(ENGLISH_ONLY, corpus / ".draft")
    (corpus / ".git").mkdir()
    (corpus / ".notes.txt").write_text("not a folder")
    for _ in range(2):  # the second time the archive .archive is there too
        done = _cli("build", corpus, "--archive", corpus / ".archive", "--quiet")
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().splitlines() == [
            f'note: {corpus}: 2 hidden folders skipped (a name starting with "." is no article): .draft, .git']


def test_validate_says_how_many_processes_it_runs(tmp_path: Path):
    """`validate --workers 64` on two files said "using 2" and ran one process (a process per 200 files)."""
    from toolkit.archive.sources import load_pair
    from toolkit.tei import write_tei

    en, _ = load_pair(ENGLISH_ONLY)
    for name in ("a", "b"):
        (tmp_path / f"{name}.xml").write_bytes(write_tei(en, None, None))
    done = _cli("validate", tmp_path, "--workers", "64")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[0].endswith("; using 1")


@pytest.mark.parametrize("form", ["nfd", "zero-width"])
def test_a_tmx_in_decomposed_or_marked_korean_gives_the_pairs_of_its_plain_form(tmp_path: Path, form: str):
    """`lexicon learn` read TMX and text pairs as they came: decomposed jamo made Kiwi learn other
    words (24 entries instead of 15 on a 1,500-unit memory) and a zero-width space split 장마당."""
    from toolkit.align.training import read_pairs_from

    units = [("The market in Hyesan closed early.", "혜산 장마당이 일찍 문을 닫았다."),
             ("The security ministry searched the homes.", "보위부가 집들을 수색했다.")]
    body = "".join(f'<tu><tuv xml:lang="en"><seg>{e}</seg></tuv><tuv xml:lang="ko"><seg>{k}</seg></tuv></tu>'
                   for e, k in units)
    plain = f'<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header/><body>{body}</body></tmx>'
    changed = unicodedata.normalize("NFD", plain) if form == "nfd" else \
        plain.replace("장마당", "장\u200b마당").replace("보위부", "보\u200d위부")
    (tmp_path / "m.tmx").write_text(changed, encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(e for e, _ in units), encoding="utf-8")
    (tmp_path / "ko.txt").write_text("\n".join(unicodedata.normalize("NFD", k) if form == "nfd"
                                               else k.replace("장마당", "장\u2060마당") for _, k in units),
                                     encoding="utf-8")
    assert read_pairs_from([tmp_path / "m.tmx"]) == units
    assert read_pairs_from([tmp_path / "en.txt", tmp_path / "ko.txt"]) == units


# ---------------------------------------------------------------- damaged tables are named

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture corpus built once; each test damages a copy."""
    from toolkit.archive import build_archive

    archive = tmp_path_factory.mktemp("built") / "archive"
    assert build_archive(repo_root() / "fixtures" / "corpus", archive, progress=False).ok
    return archive


def _damage(path: Path, how: str) -> None:
    """garbage: no Parquet at all; cut: the footer cut off; pages: every data page scrambled behind
    a good footer (read_parquet_schema still answers); missing: the file removed."""
    if how == "missing":
        path.unlink()
        return
    data = bytearray(path.read_bytes())
    if how == "garbage":
        data = bytearray(b"not a table")
    elif how == "cut":
        data = data[: len(data) // 2]
    else:
        footer = int.from_bytes(data[-8:-4], "little")
        for i in range(4, len(data) - 8 - footer):
            data[i] = (data[i] * 7 + 13) & 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["garbage", "cut", "pages", "missing"])
@pytest.mark.parametrize("table,command", [("credits", ["metrics", "--by", "translator"]),
                                           ("credits", ["terms", "--by", "translator"]),
                                           ("metrics", ["metrics"]),
                                           ("sentences", ["terms", "--term", "보위부"]),
                                           ("links", ["lexicon", "learn", "-o", "{tmp}/learned.tsv"])])
def test_a_damaged_or_missing_table_is_named_not_only_its_archive(built, tmp_path, how, table, command):
    """`metrics` and `terms` said "ARCHIVE: cannot read the tables (parquet: File out of
    specification …)": which of seven tables was damaged was left to the user to find."""
    archive = tmp_path / "archive"
    shutil.copytree(built, archive, symlinks=True)
    _damage(archive / "current" / "tables" / f"{table}.parquet", how)
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    done = _cli(*args[:2], archive, *args[2:]) if args[0] == "lexicon" else _cli(*args, archive)
    assert done.returncode == 1, done.stdout
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {archive}/tables/{table}.parquet: "), line
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("table,command", [("articles", ["export", "--format", "prov-o", "-o", "{tmp}/x.ttl"]),
                                           ("credits", ["export", "--format", "prov-o", "-o", "{tmp}/x.ttl"]),
                                           ("articles", ["export", "--format", "tmx", "-o", "{tmp}/x.tmx"]),
                                           ("credits", ["metrics", "--by", "translator"]),
                                           ("glossary", ["terms"]),
                                           ("links", ["lexicon", "learn", "-o", "{tmp}/learned.tsv"])])
def test_an_unreadable_table_is_said_in_the_same_words_by_every_command(built, tmp_path, table, command):
    """`export` said "cannot read the table (…)" (prov-o) or "cannot be read (…)" (tmx) where
    metrics, terms and lexicon learn say "not a readable Parquet table (…)": one problem, one wording."""
    archive = tmp_path / "archive"
    shutil.copytree(built, archive, symlinks=True)
    _damage(archive / "current" / "tables" / f"{table}.parquet", "garbage")
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    done = _cli(*args[:2], archive, *args[2:]) if args[0] == "lexicon" else _cli(*args, archive)
    assert done.returncode == 1, done.stdout
    assert done.stderr.startswith(f"error: {archive}/tables/{table}.parquet: not a readable Parquet table ("), done.stderr
