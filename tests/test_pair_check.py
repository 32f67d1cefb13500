"""Pair check: `build` and `align` warn when two files are no translation pair or are swapped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from conftest import repo_root
from toolkit.align.pair import hangul_share, pair_check
from toolkit.ingest import read_article
from toolkit.segment import segment_article

CORPUS = repo_root() / "fixtures" / "corpus"
CLI = [sys.executable, "-m", "toolkit.cli"]


@pytest.fixture(scope="module")
def odd_corpus(tmp_path_factory) -> Path:
    """Three good pairs, the English of one story with the Korean of another, and a swapped pair."""
    root = tmp_path_factory.mktemp("corpus")
    for name in ("dprk-floods", "dprk-rice-prices", "rfa-defectors"):
        shutil.copytree(CORPUS / name, root / name)
    (root / "unrelated").mkdir()
    shutil.copy(CORPUS / "dprk-floods" / "en.txt", root / "unrelated" / "en.txt")
    shutil.copy(CORPUS / "rfa-defectors" / "ko.txt", root / "unrelated" / "ko.txt")
    (root / "swapped").mkdir()
    shutil.copy(CORPUS / "dprk-rice-prices" / "ko.txt", root / "swapped" / "en.txt")
    shutil.copy(CORPUS / "dprk-rice-prices" / "en.txt", root / "swapped" / "ko.txt")
    return root


def test_build_names_the_unrelated_and_the_swapped_pair_only(odd_corpus, tmp_path) -> None:
    run = subprocess.run(CLI + ["build", str(odd_corpus), "--archive", str(tmp_path / "a"), "--quiet"],
                         capture_output=True, text=True, cwd=repo_root())
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert sorted(line.split(":")[1].strip() for line in warnings) == ["swapped", "unrelated"], run.stderr
    assert any("swapped?" in line for line in warnings)
    metrics = pl.read_parquet(tmp_path / "a" / "tables" / "metrics.parquet").sort("article_id")
    flagged = dict(zip(metrics["article_id"], metrics["pair_warning"].is_not_null()))
    assert flagged == {"dprk-floods": False, "dprk-rice-prices": False, "rfa-defectors": False,
                       "swapped": True, "unrelated": True}
    scores = dict(zip(metrics["article_id"], metrics["pair_score"]))
    assert scores["unrelated"] < min(scores[k] for k in ("dprk-floods", "dprk-rice-prices", "rfa-defectors"))
    assert all(metrics["numbers_checked"] >= 0) and all(metrics["names_checked"] >= 0)


def test_align_warns_about_an_unrelated_pair(odd_corpus, tmp_path) -> None:
    good = subprocess.run(CLI + ["align", str(odd_corpus / "dprk-floods" / "en.txt"), str(odd_corpus / "dprk-floods" / "ko.txt"),
                                 "-o", str(tmp_path / "good.xml")], capture_output=True, text=True, cwd=repo_root())
    bad = subprocess.run(CLI + ["align", str(odd_corpus / "unrelated" / "en.txt"), str(odd_corpus / "unrelated" / "ko.txt"),
                                "-o", str(tmp_path / "bad.xml")], capture_output=True, text=True, cwd=repo_root())
    assert good.returncode == bad.returncode == 0
    assert "warning:" not in good.stderr
    assert bad.stderr.startswith(f"warning: {odd_corpus / 'unrelated' / 'en.txt'}: ")


def test_swapped_languages_are_known_from_script_alone() -> None:
    en = segment_article(read_article(CORPUS / "dprk-floods" / "en.txt"))
    ko = segment_article(read_article(CORPUS / "dprk-floods" / "ko.txt"))
    assert hangul_share(" ".join(p.text for p in ko.paragraphs)) > 0.9 > 0.1 > hangul_share(en.paragraphs[0].text)
    check = pair_check(ko, en, None)  # nothing aligned yet
    assert check.swapped and check.score is None and "swapped" in check.warning
    assert pair_check(en, ko, None) == pair_check(en, ko, None) and not pair_check(en, ko, None).swapped


TRUNCATED = repo_root() / "tests" / "data" / "truncated-rewrite"


def _weakened(alignment, ceiling: float):
    """The same beads with no link surer than `ceiling`: the alignment of a cut rewrite whose
    lede crosses and splits (the real pair this models had no link above 0.45)."""
    from toolkit.model import Alignment, Bead

    return Alignment([Bead(b.en, b.ko, min(b.cert, ceiling) if b.en and b.ko else b.cert) for b in alignment.beads])


def test_a_cut_rewrite_without_a_confident_link_is_not_warned_about_but_an_unrelated_one_is() -> None:
    """A real pair cut after three English sentences, its lede reordered: the Korean says most
    of the English, in another order; the English of that pair against another story's Korean
    with links just as weak is still named."""
    from toolkit.align import align
    from toolkit.align.pair import EXPLAINED, explained_share

    en = segment_article(read_article(TRUNCATED / "en.txt"))
    ko = segment_article(read_article(TRUNCATED / "ko.txt"))
    other = segment_article(read_article(CORPUS / "dprk-floods" / "ko.txt"))
    assert len(en.sentences) == 3 < len(ko.sentences)
    assert explained_share(en, ko) >= EXPLAINED > explained_share(en, other)
    check = pair_check(en, ko, _weakened(align(en.sentences, ko.sentences), 0.45))
    assert check.warning is None and check.score > 0.1
    unrelated = pair_check(en, other, _weakened(align(en.sentences, other.sentences), 0.45))
    assert unrelated.warning is not None and "not a translation pair" in unrelated.warning


def test_a_line_or_two_of_the_beats_words_does_not_make_a_pair(tmp_path) -> None:
    """Word overlap proves nothing for a one-line English: "Floods hit North Korea." meets the
    Korean of any flood story, so without a confident link it is still named."""
    from toolkit.align import align
    from toolkit.align.pair import EXPLAINED, explained_share

    (tmp_path / "en.txt").write_text("Floods\n\nFloods hit North Korea. Many people died.\n", encoding="utf-8")
    en = segment_article(read_article(tmp_path / "en.txt"))
    ko = segment_article(read_article(CORPUS / "dprk-floods" / "ko.txt"))
    assert explained_share(en, ko) >= EXPLAINED
    check = pair_check(en, ko, _weakened(align(en.sentences, ko.sentences), 0.45))
    assert check.warning is not None and "not a translation pair" in check.warning


def test_the_rows_check_the_pair_with_the_lexicon_the_aligner_used() -> None:
    """The articles row's warning reads the pair with the lexicon it is given (the build passes
    the one it aligned with): without the words that let the Korean say the English, the same
    cut rewrite is named."""
    from toolkit.align import align
    from toolkit.align.lexicon import Lexicon
    from toolkit.metrics.tables import article_rows

    en = segment_article(read_article(TRUNCATED / "en.txt"))
    ko = segment_article(read_article(TRUNCATED / "ko.txt"))
    weak = _weakened(align(en.sentences, ko.sentences), 0.45)
    assert article_rows("cut", en, ko, weak)["articles"][0]["pair_warning"] is None
    bare = article_rows("cut", en, ko, weak, Lexicon())["articles"][0]["pair_warning"]
    assert bare is not None and "not a translation pair" in bare


def test_two_stories_of_the_beat_run_together_do_not_make_a_pair() -> None:
    """The share the Korean says grows with the Korean's length: the Korean of a restaurant story
    and a school story run together says most of the school-firewood English somewhere, yet its
    weak links explain little of it, so the pair is still named."""
    import tempfile

    from toolkit.align import align
    from toolkit.align.pair import CONFIDENT_LINK, EXPLAINED, EXPLAINED_SCORE, explained_share

    rewrites = repo_root() / "fixtures" / "rewrites"
    en = segment_article(read_article(rewrites / "dprk-school-firewood" / "en.txt"))
    text = "\n\n".join((rewrites / name / "ko.txt").read_text(encoding="utf-8")
                       for name in ("blind-dandong-restaurants", "tr-dprk-school-levy"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ko.txt"
        path.write_text(text, encoding="utf-8")
        ko = segment_article(read_article(path))
    alignment = align(en.sentences, ko.sentences)
    assert max(b.cert for b in alignment.beads if b.en and b.ko) < CONFIDENT_LINK
    assert explained_share(en, ko) >= EXPLAINED
    check = pair_check(en, ko, alignment)
    assert check.score < EXPLAINED_SCORE
    assert check.warning is not None and "not a translation pair" in check.warning


def test_two_files_of_one_language_are_a_clear_error_naming_the_odd_file(tmp_path) -> None:
    """A ko.txt that reads as English (a bilingual study sheet, an English story saved twice) has no
    translation to record: `build` names that file in one line and builds the rest; `align` exits 1.
    It used to reach the TEI writer and come out as an internal error naming en.txt."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / "dprk-floods", root / "dprk-floods")
    (root / "english-twice").mkdir()
    shutil.copy(CORPUS / "dprk-rice-prices" / "en.txt", root / "english-twice" / "en.txt")
    shutil.copy(CORPUS / "dprk-rice-prices" / "en.txt", root / "english-twice" / "ko.txt")
    run = subprocess.run(CLI + ["build", str(root), "--archive", str(tmp_path / "a"), "--quiet"],
                         capture_output=True, text=True, cwd=repo_root())
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    problem = "reads as English (most of its paragraphs by length), as the English file does: not a translation pair"
    assert errors == [f"error: {root / 'english-twice' / 'ko.txt'}: {problem}"], run.stderr
    assert run.returncode == 1
    assert "internal error" not in run.stderr
    assert (tmp_path / "a" / "tei" / "dprk-floods.xml").exists()
    align = subprocess.run(CLI + ["align", str(root / "english-twice" / "en.txt"), str(root / "english-twice" / "ko.txt"),
                                  "-o", str(tmp_path / "x.xml")], capture_output=True, text=True, cwd=repo_root())
    assert align.returncode == 1 and not (tmp_path / "x.xml").exists()
    assert align.stderr == f"error: {root / 'english-twice' / 'ko.txt'}: {problem}\n"
