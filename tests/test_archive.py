"""`transprov build` end to end over fixtures/corpus: TEI files, the Parquet tables, the metrics."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from conftest import repo_root
from toolkit.archive import build_archive
from toolkit.metrics.tables import schemas

CORPUS = repo_root() / "fixtures" / "corpus"
GOLD = repo_root() / "fixtures" / "seed" / "gold.tsv"
CLI = [sys.executable, "-m", "toolkit.cli"]
SEED, CHANGED, ENGLISH_ONLY = "rfa-defectors", "rfa-defectors-3yr", "english-only"

REQUIRED = {  # issue 5, item 1: the columns every archive has at least
    "sentences": ["article_id", "lang", "sentence_id", "paragraph", "text", "chars", "origin"],
    "links": ["article_id", "bead_type", "en_ids", "ko_ids", "cert", "length_ratio",
              "numbers_match", "names_match"],
    "credits": ["article_id", "order", "role", "name", "name_ko", "service", "organization", "language"],
    "articles": ["article_id", "title", "title_ko", "dek", "date", "service", "has_original"],
    "metrics": ["article_id", "translator", "writer", "service", "n_en", "n_ko",
                "en_translated_share", "en_added_share", "ko_untranslated_share",
                "mean_length_ratio", "number_mismatches", "name_mismatches", "mean_cert"],
    "terms": ["article_id", "bead", "sentence_id", "ko_term", "status", "en_rendering", "rendering_group"],
    "glossary": ["ko_term", "rendering_group", "occurrences", "articles", "translators"],
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    report = build_archive(CORPUS, out, progress=False)
    assert report.failures == []
    assert report.built == report.articles == len([p for p in CORPUS.iterdir() if p.is_dir()])
    return out


def read(archive: Path, table: str) -> pl.DataFrame:
    return pl.read_parquet(archive / "tables" / f"{table}.parquet")


def metrics_of(archive: Path, article_id: str) -> dict:
    return read(archive, "metrics").filter(pl.col("article_id") == article_id).row(0, named=True)


def test_tables_and_columns(archive):
    ids = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    for table, columns in REQUIRED.items():
        df = read(archive, table)
        assert set(columns) <= set(df.columns), table
        assert df.schema == pl.Schema(schemas()[table]), table
    assert read(archive, "articles")["article_id"].to_list() == ids
    assert read(archive, "metrics")["article_id"].to_list() == ids
    assert read(archive, "links").schema["en_ids"] == pl.List(pl.String)
    assert sorted(p.stem for p in (archive / "tei").glob("*.xml")) == ids
    origins = set(read(archive, "sentences")["origin"].unique())
    assert origins <= {"translated", "added", "untranslated", "unaligned"}


def test_tables_read_by_pyarrow_and_duckdb(archive):
    pq = pytest.importorskip("pyarrow.parquet")
    for table in REQUIRED:
        assert pq.read_table(archive / "tables" / f"{table}.parquet").num_rows == read(archive, table).height
    duckdb = pytest.importorskip("duckdb")
    count = duckdb.sql(f"select count(*) from '{archive}/tables/links.parquet'").fetchall()[0][0]
    assert count == read(archive, "links").height


def test_seed_metrics_and_added_sentences(archive):
    seed = metrics_of(archive, SEED)
    assert seed["number_mismatches"] == 0
    assert 0.6 <= seed["en_translated_share"] <= 0.8
    gold_added = set()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            en, _, ko = line.partition("\t")
            if not ko.strip():
                gold_added.update(en.split())
    assert len(gold_added) == 6
    sentences = read(archive, "sentences").filter(
        (pl.col("article_id") == SEED) & (pl.col("lang") == "en"))
    marked = set(sentences.filter(pl.col("origin") == "added")["sentence_id"])
    assert len(marked & gold_added) >= 5
    assert len(marked - gold_added) <= 2


def test_changed_number_is_a_mismatch(archive):
    assert metrics_of(archive, CHANGED)["number_mismatches"] >= 1


def test_english_only_article(archive):
    sentences = read(archive, "sentences").filter(pl.col("article_id") == ENGLISH_ONLY)
    assert sentences.height > 0
    assert set(sentences["lang"]) == {"en"} and set(sentences["origin"]) == {"unaligned"}
    assert read(archive, "links").filter(pl.col("article_id") == ENGLISH_ONLY).height == 0
    row = metrics_of(archive, ENGLISH_ONLY)
    assert row["n_ko"] == 0 and row["en_translated_share"] is None
    assert read(archive, "articles").filter(pl.col("article_id") == ENGLISH_ONLY)["has_original"].item() is False


def test_batches_give_the_same_tables(archive, tmp_path):
    small = build_archive(CORPUS, tmp_path / "small", progress=False, chunk=1)
    assert small.ok
    for table in REQUIRED:
        assert read(tmp_path / "small", table).equals(read(archive, table)), table
    # no part files or pass-one caches are left behind
    assert sorted(p.name for p in (tmp_path / "small" / "tables").iterdir()) == sorted(
        f"{t}.parquet" for t in ("articles", "credits", "sentences", "links", "terms", "glossary", "metrics"))
    assert finished_layout(tmp_path / "small")


def finished_layout(archive: Path) -> bool:
    """The archive holds its current state and nothing else: no work files, no other state."""
    names = sorted(p.name for p in archive.iterdir())
    states = sorted(p.name for p in (archive / ".states").iterdir())
    return names == [".lock", ".states", "current", "tables", "tei"] and len(states) == 1


def test_cli_build_continues_past_bad_articles(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / ENGLISH_ONLY, corpus / ENGLISH_ONLY)
    (corpus / "binary").mkdir()
    (corpus / "binary" / "en.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    (corpus / "no-english").mkdir()
    (corpus / "no-english" / "notes.md").write_text("nothing here", encoding="utf-8")
    out = subprocess.run([*CLI, "build", str(corpus), "--archive", str(tmp_path / "a"), "--quiet"],
                         capture_output=True, text=True, cwd=repo_root())
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "Traceback" not in out.stderr
    assert any("binary" in e for e in errors) and any("no-english" in e for e in errors)
    assert "built 1 of 3" in out.stdout
    assert read(tmp_path / "a", "articles")["article_id"].to_list() == [ENGLISH_ONLY]
    usage = subprocess.run([*CLI, "build", str(tmp_path / "missing"), "--archive", str(tmp_path / "b")],
                           capture_output=True, text=True, cwd=repo_root())
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    bad_lexicon = tmp_path / "lexicon.tsv"
    bad_lexicon.write_text("no tab on this line\n", encoding="utf-8")
    lex = subprocess.run([*CLI, "build", str(corpus), "--archive", str(tmp_path / "c"), "--lexicon",
                          str(bad_lexicon), "--quiet"], capture_output=True, text=True, cwd=repo_root())
    assert lex.returncode == 1 and lex.stderr.count("\n") == 1 and "lexicon.tsv" in lex.stderr


def test_cli_metrics_outputs(archive):
    as_json = subprocess.run([*CLI, "metrics", str(archive), "--json"], capture_output=True, text=True)
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(as_json.stdout)
    assert [r["article_id"] for r in rows] == read(archive, "metrics")["article_id"].to_list()
    by = subprocess.run([*CLI, "metrics", str(archive), "--by", "translator", "--csv"],
                        capture_output=True, text=True)
    assert by.returncode == 0
    header = by.stdout.splitlines()[0].split(",")
    assert header[0] == "translator" and "en_translated_share" in header
    table = subprocess.run([*CLI, "metrics", str(archive), "--by", "service"], capture_output=True, text=True)
    assert table.returncode == 0 and "Korean" in table.stdout
    wrong = subprocess.run([*CLI, "metrics", str(archive), "--by", "year"], capture_output=True, text=True)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1
    empty = subprocess.run([*CLI, "metrics", str(archive / "tei")], capture_output=True, text=True)
    assert empty.returncode == 1 and empty.stderr.startswith("error:")


def test_rebuild_leaves_no_tei_of_articles_gone_from_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    for name in (ENGLISH_ONLY, "dprk-floods"):
        shutil.copytree(CORPUS / name, corpus / name)
    out = tmp_path / "archive"
    build_archive(corpus, out, progress=False)
    shutil.rmtree(corpus / "dprk-floods")
    build_archive(corpus, out, progress=False)
    assert sorted(p.stem for p in (out / "tei").glob("*.xml")) == [ENGLISH_ONLY]
    assert pl.read_parquet(out / "tables" / "articles.parquet")["article_id"].to_list() == [ENGLISH_ONLY]


def test_archive_files_are_readable_by_others(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / ENGLISH_ONLY, corpus / ENGLISH_ONLY)
    build_archive(corpus, tmp_path / "archive", progress=False)
    written = [*(tmp_path / "archive" / "tei").iterdir(), *(tmp_path / "archive" / "tables").iterdir()]
    assert written and all(p.stat().st_mode & 0o044 == 0o044 for p in written)  # umask 022 in tests


def test_tei_does_not_depend_on_where_the_corpus_lies(tmp_path):
    copies = []
    for place in ("a", "b/deeper"):
        corpus = tmp_path / place / "corpus"
        shutil.copytree(CORPUS / SEED, corpus / SEED)
        build_archive(corpus, tmp_path / place / "archive", progress=False)
        copies.append((tmp_path / place / "archive" / "tei" / f"{SEED}.xml").read_bytes())
    assert copies[0] == copies[1]
    assert f"{SEED}/en.txt".encode() in copies[0]
