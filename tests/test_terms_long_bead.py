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
