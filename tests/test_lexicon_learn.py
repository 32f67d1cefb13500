"""`transprov lexicon learn`: IBM Model 1 both ways, from TMX, line-aligned files or an archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import repo_root
from toolkit.align import load_lexicon
from toolkit.align.training import learn_lexicon, read_pairs_from
from toolkit.align.wordalign import WordAligner

CLI = [sys.executable, "-m", "toolkit.cli"]

# (English, Korean) pairs written for this test: 탈곡기 ~ thresher and 양봉 ~ beekeeping
# are in no built-in lexicon; the other words vary so that only those pairs co-occur.
PAIRS = [
    ("The farm repaired its thresher before the harvest.", "농장은 수확을 앞두고 탈곡기를 고쳤다."),
    ("A new thresher arrived at the cooperative farm.", "협동농장에 새 탈곡기가 들어왔다."),
    ("Villagers shared one thresher among three farms.", "마을 주민들은 농장 세 곳이 탈곡기 한 대를 나눠 썼다."),
    ("The thresher broke down twice in October.", "탈곡기가 10월에 두 번 고장 났다."),
    ("Beekeeping has become a popular side job.", "양봉이 인기 있는 부업이 됐다."),
    ("Officials encouraged beekeeping in mountain villages.", "간부들은 산골 마을에 양봉을 장려했다."),
    ("Beekeeping brings in Chinese yuan at the border.", "국경에서는 양봉으로 중국 돈을 번다."),
    ("Families sell honey from beekeeping at the market.", "가족들은 양봉으로 얻은 꿀을 장마당에 판다."),
]


def test_model_one_finds_what_renders_each_korean_word() -> None:
    from toolkit.align.wordalign import english_tokens, korean_tokens

    data = [(korean_tokens(k), english_tokens(e)) for e, k in PAIRS]
    model = WordAligner(iterations=8).train(data)
    ko, en = data[0]
    links = {(ko[i], en[j]) for i, j in model.links(ko, en)}
    assert ("탈곡기", "thresh") in links
    entries = {k: e for k, e, _ in model.entries(min_count=3)}
    assert entries["탈곡기"] == "thresh" and entries["양봉"] == "beekee"


def test_learned_lexicon_is_what_lexicon_option_reads(tmp_path) -> None:
    entries = learn_lexicon(PAIRS, min_count=3)
    assert ("탈곡기", "thresher") in entries and ("양봉", "beekeeping") in entries
    out = tmp_path / "learned.tsv"
    en_file, ko_file = tmp_path / "memory.en", tmp_path / "memory.ko"
    en_file.write_text("\n".join(e for e, _ in PAIRS) + "\n", encoding="utf-8")
    ko_file.write_text("\n".join(k for _, k in PAIRS) + "\n", encoding="utf-8")
    run = subprocess.run(CLI + ["lexicon", "learn", str(ko_file), str(en_file), "-o", str(out)],
                         capture_output=True, text=True, cwd=repo_root())
    assert run.returncode == 0, run.stderr
    lexicon = load_lexicon(out)  # the output loads as a user lexicon
    assert ("thresh",) in lexicon.get("탈곡기")


def test_tmx_and_bad_input(tmp_path) -> None:
    units = "".join(f'<tu><tuv xml:lang="en-US"><seg>{e}</seg></tuv><tuv lang="KO"><seg>{k}</seg></tuv></tu>'
                    for e, k in PAIRS)
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header/><body>{units}</body></tmx>', encoding="utf-8")
    assert read_pairs_from([tmx]) == PAIRS
    uneven = tmp_path / "uneven.ko"
    uneven.write_text("한 줄\n", encoding="utf-8")
    (tmp_path / "two.en").write_text("one\ntwo\n", encoding="utf-8")
    run = subprocess.run(CLI + ["lexicon", "learn", str(tmp_path / "two.en"), str(uneven), "-o", str(tmp_path / "x.tsv")],
                         capture_output=True, text=True, cwd=repo_root())
    assert run.returncode == 1 and run.stderr.startswith(f"error: {uneven}: ") and "Traceback" not in run.stderr
    assert not (tmp_path / "x.tsv").exists()


def test_learning_from_an_archive(tmp_path) -> None:
    from toolkit.archive import build_archive

    archive = tmp_path / "archive"
    build_archive(repo_root() / "fixtures" / "corpus", archive, progress=False)
    pairs = read_pairs_from([archive])
    assert len(pairs) > 20 and all(e and k for e, k in pairs)
    assert any("Pyongyang" in e and "평양" in k for e, k in pairs)


def test_special_files_and_damaged_tables_are_one_line_each(tmp_path) -> None:
    """A FIFO given as parallel text (or as a notebook's lexicon) blocked for ever, /dev/zero
    filled memory, and a damaged archive table was a polars traceback."""
    from toolkit.archive import build_archive

    fifo = tmp_path / "memory.en"
    os.mkfifo(fifo)
    ko = repo_root() / "fixtures" / "seed" / "ko.txt"
    archive = tmp_path / "archive"
    build_archive(repo_root() / "fixtures" / "corpus", archive, progress=False)
    (archive / "tables" / "links.parquet").write_bytes(b"PAR1 cut short")
    for args, problem in (([fifo, ko], "named pipe"), (["/dev/zero", ko], "character device"),
                          ([archive], "tables/links.parquet: not a readable Parquet table")):
        run = subprocess.run(CLI + ["lexicon", "learn", *map(str, args), "-o", str(tmp_path / "x.tsv")],
                             capture_output=True, text=True, cwd=repo_root(), timeout=120)
        assert run.returncode == 1 and len(run.stderr.splitlines()) == 1, run.stderr
        assert run.stderr.startswith(f"error: {args[0]}") and problem in run.stderr
    probe = f"from toolkit.align import load_lexicon\ntry: load_lexicon({str(fifo)!r})\nexcept Exception as e: print(e)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=repo_root(), timeout=120)
    assert "named pipe" in run.stdout
    assert not (tmp_path / "x.tsv").exists()


def test_an_output_inside_an_archive_it_learns_from_is_refused(tmp_path) -> None:
    """`lexicon learn ARCHIVE -o ARCHIVE/tables/links.parquet` replaced the table it had just read
    with the lexicon TSV, rc 0 (export refused this; lexicon learn reads the same tables)."""
    import shutil

    from toolkit.archive import build_archive

    corpus = tmp_path / "corpus"
    shutil.copytree(repo_root() / "fixtures" / "corpus" / "dprk-floods", corpus / "dprk-floods")
    archive = tmp_path / "archive"
    build_archive(corpus, archive, progress=False)
    table = archive / "tables" / "links.parquet"
    before = table.read_bytes()
    run = subprocess.run(CLI + ["lexicon", "learn", str(archive), "-o", str(table), "--min-count", "1"],
                         capture_output=True, text=True, cwd=repo_root(), timeout=120)
    assert run.returncode == 1 and len(run.stderr.splitlines()) == 1, run.stderr
    assert "inside the archive" in run.stderr and table.read_bytes() == before


def test_more_sentence_pairs_than_max_pairs_are_refused_at_once_and_nothing_is_written(tmp_path) -> None:
    """A million-line pair ran for more than five minutes and gigabytes with no word: the limit
    (--max-pairs) refuses it before Kiwi reads a sentence, one line naming the file."""
    out = tmp_path / "learned.tsv"
    en_file, ko_file = tmp_path / "memory.en", tmp_path / "memory.ko"
    en_file.write_text("\n".join(e for e, _ in PAIRS) + "\n", encoding="utf-8")
    ko_file.write_text("\n".join(k for _, k in PAIRS) + "\n", encoding="utf-8")
    args = CLI + ["lexicon", "learn", str(en_file), str(ko_file), "-o", str(out)]
    run = subprocess.run(args + ["--max-pairs", "7"], capture_output=True, text=True, cwd=repo_root())
    assert run.returncode == 1
    assert run.stderr.strip() == (f"error: {en_file}: 8 sentence pairs, more than --max-pairs 7: "
                                  "give a larger --max-pairs to learn from them all")
    assert not out.exists()
    run = subprocess.run(args + ["--max-pairs", "8"], capture_output=True, text=True, cwd=repo_root())
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").count("\n") > 1


def test_the_max_pairs_error_names_the_input_that_passed_the_limit(tmp_path) -> None:
    """The limit counts every input together: the error named the first file, though the pairs
    that passed the limit were another's (a TMX of 2 units was said to hold 10)."""
    from toolkit.errors import InputError

    small, large = tmp_path / "small.tmx", tmp_path / "large.tmx"
    for path, pairs in ((small, PAIRS[:2]), (large, PAIRS)):
        units = "".join(f'<tu><tuv xml:lang="en"><seg>{e}</seg></tuv><tuv xml:lang="ko"><seg>{k}</seg></tuv></tu>'
                        for e, k in pairs)
        path.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header/><body>{units}</body></tmx>', encoding="utf-8")
    assert len(read_pairs_from([small, large], most=10)) == 10
    with pytest.raises(InputError) as raised:
        read_pairs_from([small, large], most=9)
    assert raised.value.source == str(large)
    assert raised.value.problem.startswith("10 sentence pairs (2 from the inputs before it), more than --max-pairs 9")
