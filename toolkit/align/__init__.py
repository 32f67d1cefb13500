"""Sentence alignment of an English rewrite with its Korean original.

Public API:

    from toolkit.align import align, load_lexicon, LexiconLearner

    lexicon = load_lexicon(user_tsv)            # built-in data + optional `ko<TAB>en` file
    alignment = align(en_sentences, ko_sentences, lexicon)   # -> model.Alignment

Corpus learning (two passes, used by `transprov build`):

    learner = LexiconLearner(known=lexicon)     # counts only what `lexicon` does not explain
    for en, ko in articles:                     # first pass
        learner.observe(en, ko, align(en, ko, lexicon))
    lexicon2 = lexicon.extended(learner.pairs(), source="learned")
    for en, ko in articles:                     # second pass
        final = align(en, ko, lexicon2)

`learner.observe` keeps only counts (memory grows with the vocabulary, not the corpus);
`learner.pairs()` returns (Korean lemma, English word) pairs that co-occur in confident
1-1 beads (cert >= 0.75) of at least two articles, with Dice >= 0.5 and a log-likelihood
check, sorted (deterministic). `align(..., params=Params(...))` overrides the tuned weights.

Bead confidence (`Bead.cert`, in [0, 1]) is the estimated probability that the bead is
right: a logistic model over features of the bead and its neighbourhood (score, margin over
the nearest rival, shape, coverage, numbers; for a null bead the best score its sentence
would get nearby and what is left over facing it), fitted on tuning material by
benchmarks/calibrate.py (confidence.py).

Long articles (more than `dp.FULL_GRID` sentence pairs) are searched in a band around
anchors (anchors.py) with pair evidence computed lazily: time and memory follow n + m.

Numbers: `numbers_in_english(text)` / `numbers_in_korean(text)` give comparable value sets
(the metrics room reuses them).
"""

from __future__ import annotations

from toolkit.align.dp import align
from toolkit.align.lexicon import Lexicon, load_lexicon
from toolkit.align.numbers import numbers_in_english, numbers_in_korean
from toolkit.align.scoring import Params

__all__ = [
    "align", "Lexicon", "load_lexicon", "numbers_in_english", "numbers_in_korean", "Params",
    "LexiconLearner",
]


def __getattr__(name: str):
    if name == "LexiconLearner":
        from toolkit.align.learn import LexiconLearner

        return LexiconLearner
    raise AttributeError(name)
