"""Corrections last: a rebuild keeps reviewed beads, marks them in the links table, drops stale ones."""

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
from toolkit.model import Alignment, Article, Bead, Paragraph, Sentence
from toolkit.review.carry import apply_reviewed, reviewed_beads, stale_reviews
from toolkit.review.relink import relink_file
from toolkit.tei import read_tei, write_tei
from toolkit.tei.safe_xml import parse_xml_safely
from toolkit.tei.validate import validate_tree

CORPUS = repo_root() / "fixtures" / "corpus"
CLI = [sys.executable, "-m", "toolkit.cli"]
WHEN = "2024-05-01T09:30:00Z"


def _link(tei: Path, en_ids: list[str], ko_ids: list[str]) -> Bead | None:
    en, ko, alignment = read_tei(tei)
    want = (tuple(n for n, s in enumerate(en.sentences) if s.id in en_ids),
            tuple(n for n, s in enumerate(ko.sentences) if s.id in ko_ids))
    return next((b for b in alignment.beads if (b.en, b.ko) == want), None)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """The fixture corpus built, one article relinked and another bead confirmed, then rebuilt."""
    root = tmp_path_factory.mktemp("carry")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    archive = root / "archive"
    assert build_archive(corpus, archive, progress=False).failures == []
    tei = archive / "tei" / "rfa-defectors.xml"
    assert _link(tei, ["en-s2"], []) is not None  # en-s2 was aligned as added in English
    relink_file(tei, [(["en-s2", "en-s3"], ["ko-s2"])], "Lee Min-ji", WHEN)
    relink_file(tei, [(["en-s5"], ["ko-s4"])], "박서연", WHEN, confirm=True)
    result = subprocess.run([*CLI, "build", corpus, "--archive", archive, "--quiet"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    return archive


def test_a_rebuild_keeps_the_relinked_bead_valid_and_its_history(rebuilt: Path):
    tei = rebuilt / "tei" / "rfa-defectors.xml"
    data = tei.read_bytes()
    assert validate_tree(parse_xml_safely(data, str(tei))) == []
    bead = _link(tei, ["en-s2", "en-s3"], ["ko-s2"])
    assert bead is not None and bead.reviewer == "Lee Min-ji" and bead.cert == 1.0
    assert _link(tei, ["en-s5"], ["ko-s4"]).reviewer == "박서연"
    _, _, alignment = read_tei(data)
    assert [(r.who, r.when) for r in alignment.revisions] == [("Lee Min-ji", WHEN), ("박서연", WHEN)]
    assert "linked en-s2 en-s3 = ko-s2" in alignment.revisions[0].what


def test_reviewed_beads_are_marked_in_the_links_table(rebuilt: Path):
    links = pl.read_parquet(rebuilt / "tables" / "links.parquet")
    reviewed = links.filter(pl.col("reviewed")).sort("bead")
    assert reviewed["article_id"].to_list() == ["rfa-defectors", "rfa-defectors"]
    assert reviewed["en_ids"].to_list() == [["en-s2", "en-s3"], ["en-s5"]]
    assert links.filter(pl.col("article_id") != "rfa-defectors")["reviewed"].to_list() == [False] * (
        links.height - links.filter(pl.col("article_id") == "rfa-defectors").height)


def test_show_numbers_beads_as_the_tables_do(rebuilt: Path):
    result = subprocess.run([*CLI, "show", rebuilt / "tei", "--format", "json"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    links = pl.read_parquet(rebuilt / "tables" / "links.parquet")
    for record in json.loads(result.stdout):
        article_id = Path(record["source"]).stem
        table = links.filter(pl.col("article_id") == article_id).sort("bead")
        if not record["aligned"]:
            assert table.height == 0
            continue
        # the links table holds the linked beads (null beads are sentences with no bead), numbered alike
        shown = [(b["bead"], [s["id"] for s in b["en"]], [s["id"] for s in b["ko"]]) for b in record["beads"]
                 if b["en"] and b["ko"]]
        assert shown == list(zip(table["bead"], table["en_ids"].to_list(), table["ko_ids"].to_list())), article_id


def test_a_changed_sentence_drops_its_review_with_a_warning(rebuilt: Path, tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "rfa-defectors", corpus / "rfa-defectors")
    archive = tmp_path / "archive"
    # only this article's file: any other would be a file this build did not write (an orphan, with a warning)
    shutil.copytree(rebuilt / "tei", archive / "tei", ignore=shutil.ignore_patterns("[!r]*", "*-3yr.xml"))
    en = corpus / "rfa-defectors" / "en.txt"
    en.write_text(en.read_text(encoding="utf-8").replace("31 North Korean refugees it arrested last month despite",
                                                         "31 refugees it arrested last month despite"),
                  encoding="utf-8")
    result = subprocess.run([*CLI, "build", corpus, "--archive", archive, "--quiet"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "warning: rfa-defectors: reviewed bead en-s2 en-s3 = ko-s2 dropped: its sentences changed"]
    tei = archive / "tei" / "rfa-defectors.xml"
    assert _link(tei, ["en-s5"], ["ko-s4"]).reviewer == "박서연"  # the other review is kept
    assert validate_tree(parse_xml_safely(tei.read_bytes(), str(tei))) == []


def _article(lang: str, texts: list[str]) -> Article:
    sentences = [Sentence(f"{lang}-s{n}", t, lang, 0) for n, t in enumerate(texts, 1)]
    return Article(f"{lang}.txt", lang, paragraphs=[Paragraph(" ".join(texts), lang, sentences)])


def test_apply_reviewed_puts_reviews_back_by_id_and_text():
    en, ko = _article("en", ["A.", "B.", "C."]), _article("ko", ["가.", "나."])
    old = Alignment([Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 1.0, "R"), ])
    reviewed = reviewed_beads(write_tei(en, ko, old))
    machine = Alignment([Bead((0,), (0,), 0.8), Bead((1,), (1,), 0.7), Bead((2,), (), 0.6)])
    assert apply_reviewed(machine, en, ko, reviewed).beads == [Bead((0,), (0,), 0.8), Bead((1, 2), (1,), 1.0, "R")]
    assert stale_reviews(en, ko, reviewed) == []
    changed = _article("en", ["A.", "B!", "C."])
    assert stale_reviews(changed, ko, reviewed) == ["en-s2 en-s3 = ko-s2"]
    assert apply_reviewed(machine, changed, ko, reviewed).beads == machine.beads
    assert reviewed_beads(write_tei(en, ko, machine)) is None  # nobody reviewed it


def test_build_beads_are_in_the_order_the_tei_gives_back():
    """The aligner may put a Korean null bead before an English one; the TEI reads them back
    English first. The build numbers beads in the TEI's order, so show and the tables agree."""
    from toolkit.align import align, load_lexicon
    from toolkit.archive import load_pair

    en, ko = load_pair(repo_root() / "fixtures" / "rewrites" / "dprk-hyesan-market-raids")
    built = apply_reviewed(align(en.sentences, ko.sentences, load_lexicon()), en, ko, None)
    assert read_tei(write_tei(en, ko, built))[2].beads == built.beads
