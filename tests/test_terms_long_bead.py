"""A bead too long for word alignment (one unsplit line of a whole article) gets no term rows
rather than exhausting memory; the beads beside it keep theirs."""

from __future__ import annotations

import pytest

from test_terms import TableModel

from toolkit.align.wordalign import MOST_PAIR_WORDS
from toolkit.terms.beads import Bead
from toolkit.terms.korean import TermVocabulary, korean_units
from toolkit.terms.model import merged_units
from toolkit.terms.renderings import English, stem
from toolkit.terms.rows import keyed_rows


class Recording(TableModel):
    """TableModel noting the longest pair (Korean, English words) it was asked about."""

    longest = (0, 0)

    def link_posteriors(self, ko, en):
        self.longest = max(self.longest, (len(ko), len(en)), key=max)
        return super().link_posteriors(ko, en)


def _bead(number: int, korean: str, english: str, words) -> Bead:
    return Bead("a", number, 0.9, English.of(english), merged_units([(f"ko-s{number}", korean_units(korean))], words))


@pytest.mark.parametrize("side", ["en", "ko"])
def test_a_bead_longer_than_word_alignment_takes_is_left_without_rows(side):
    words = TermVocabulary({"장마당", "쌀값"})
    korean, english = "장마당에서 쌀값이 크게 올랐다.", "Rice prices rose sharply at the jangmadang."
    short = _bead(0, korean, english, words)
    # one "sentence" of a whole stuffed line, on either side: more words than any real bead has
    times = MOST_PAIR_WORDS // 4 + 50  # each holds four content words, and at least four Korean units
    long = _bead(1, " ".join([korean] * times) if side == "ko" else korean,
                 " ".join([english] * times) if side == "en" else english, words)
    assert max(len(long.units()), len(long.english.stems)) > MOST_PAIR_WORDS
    model = Recording({("쌀값", stem("prices")): 0.9, ("장마당", stem("jangmadang")): 0.9})
    rows = keyed_rows([short, long], {}, words, model)
    assert max(model.longest) <= MOST_PAIR_WORDS
    assert {(r["bead"], r["ko_term"], r["en_rendering"]) for r in rows} >= {(0, "쌀값", "prices"),
                                                                          (0, "장마당", "jangmadang")}
    assert not [r for r in rows if r["bead"] == 1]


def _long_pair(folder, times: int = 130) -> None:
    """An article whose middle paragraph is one sentence of `times` clauses on each side: one bead
    of about 800 English content words and 1,040 Korean units."""
    en_clause = "Rice prices rose sharply at the jangmadang in Hyesan on Monday"
    ko_clause = "월요일 혜산 장마당에서 쌀값이 크게 올랐다"
    folder.mkdir(parents=True)
    (folder / "en.txt").write_text(
        "Rice Prices Soar in Hyesan\n\nTraders in Hyesan said rice prices rose again this week.\n\n"
        + ", and ".join([en_clause] * times) + ".\n\nOfficials gave no reason for the rise.\n", encoding="utf-8")
    (folder / "ko.txt").write_text(
        "혜산 쌀값 급등\n\n혜산의 상인들은 이번 주 쌀값이 또 올랐다고 말했다.\n\n"
        + " 그리고 ".join([ko_clause + "고"] * (times - 1) + [ko_clause]) + ".\n\n당국은 가격 상승의 이유를 밝히지 않았다.\n",
        encoding="utf-8")


def test_a_build_warns_of_each_bead_left_without_term_rows_and_counts_them(tmp_path):
    """The bead was skipped in silence: its terms were missing from the terms table and nobody was told."""
    import json
    import subprocess
    import sys

    import polars as pl

    from conftest import repo_root

    _long_pair(tmp_path / "corpus" / "hyesan-rice")
    archive = tmp_path / "archive"
    done = subprocess.run([sys.executable, "-m", "toolkit.cli", "build", str(tmp_path / "corpus"), "--archive",
                           str(archive), "--json"], capture_output=True, text=True, cwd=repo_root(), timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    links = pl.read_parquet(archive / "tables" / "links.parquet")
    long = [b for b, en in zip(links["bead"], links["en_chars"]) if en > 5000]
    assert len(long) == 1 and report["long_beads"] == 1
    line = f"hyesan-rice: bead {long[0]} is too long for term rows"
    assert [w for w in done.stderr.splitlines() if line in w] == [f"warning: {report['warnings'][0]}"]
    assert line in report["warnings"][0] and "1,000 a side" in report["warnings"][0]
    terms = pl.read_parquet(archive / "tables" / "terms.parquet")
    assert long[0] not in terms["bead"].to_list() and len(terms) > 0  # the short beads keep their rows
