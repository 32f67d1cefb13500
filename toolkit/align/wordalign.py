"""Word alignment inside aligned beads: IBM Model 1 trained by EM, with a prior.

Sentence alignment says which English sentences translate which Korean ones; terminology
needs to know which English *words* translate a Korean word. IBM Model 1 learns t(e | k),
the probability that the Korean unit k (a Kiwi lemma, the lexicon's key) is rendered by the
English word e (a stem, english.stem: arrested ~ arrest ~ arrests, interrogated ~
interrogation), from sentence pairs alone, by expectation
maximization: each English word of a pair is shared among the pair's Korean units (and a
NULL unit, for words with no counterpart) in proportion to t, and t is re-estimated from
those shares.

Small archives give EM little to go on, so t is estimated as a posterior mean under a
Dirichlet prior (maximum a posteriori EM): the lexicon's renderings of k, names spelled in
Latin letters, and English words in the same bead that sound like a Korean loanword
(toolkit.align.phonetic: 스마트폰 ~ smartphone) add `prior_weight` pseudo-counts to
t(e | k), shared among the prior's words; every other pair gets `smoothing` pseudo-counts
spread over the English vocabulary. With enough data the counts outweigh the prior; where
the archive is silent, the lexicon speaks.

The trained model answers `link_posteriors(ko, en)`: for each English word of a pair, the
probability that it translates each Korean unit, and then that it translates none.

Model 1 in one direction lets a Korean word it knows little about collect the English words
nothing else explains ("garbage collection": a rare unit in a long sentence soaks up the
unexplained words). `Agreement` trains both directions (English from Korean, Korean from
English) and links a pair only as far as both agree: the geometric mean of the two
posteriors, a cheap form of alignment by agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Agreement", "WordAligner", "phrase_stems", "train", "train_link_model"]

NULL = ""  # the empty unit: English words that translate nothing in the Korean


@dataclass
class WordAligner:
    """t(e | k) after training, with what is needed to score pairs it never saw."""

    table: dict[str, dict[str, float]] = field(default_factory=dict)  # k -> e -> t(e | k)
    unseen: dict[str, float] = field(default_factory=dict)  # k -> t of an English word k never met
    floor: float = 1e-6  # t for a Korean unit the model never saw
    null_weight: float = 1.0  # how many Korean units the NULL unit counts for

    def t(self, k: str, e: str) -> float:
        row = self.table.get(k)
        if row is None:
            return self.floor
        return row.get(e, self.unseen.get(k, self.floor))

    def link_posteriors(self, ko: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """P(English word j translates Korean unit i) for each j (rows) and i (columns),
        the last column being P(j translates nothing)."""
        out: list[list[float]] = []
        for e in en:
            scores = [self.t(k, e) for k in ko] + [self.null_weight * self.t(NULL, e)]
            total = sum(scores) or 1.0
            out.append([s / total for s in scores])
        return out


@dataclass
class Agreement:
    """Two Model 1 directions; a link is as probable as both directions agree it is."""

    forward: WordAligner  # English words given Korean units
    backward: WordAligner  # Korean units given English words

    def link_posteriors(self, ko: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """sqrt(P(j translates i) * P(i is translated by j's word)) for each English word j and
        Korean unit i; the last column is the forward model's P(j translates nothing). The
        backward share of a word written twice in the pair is the sum over both places, so
        that a repeated word is not half as likely a translation."""
        fwd = self.forward.link_posteriors(ko, en)
        bwd = self.backward.link_posteriors(en, ko)  # rows: Korean units, columns: English words
        places: dict[str, list[int]] = defaultdict(list)
        for j, e in enumerate(en):
            places[e].append(j)
        by_word = [[sum(bwd[i][p] for p in places[e]) for e in en] for i in range(len(ko))]
        return [[(fwd[j][i] * by_word[i][j]) ** 0.5 for i in range(len(ko))] + [fwd[j][-1]]
                for j in range(len(en))]


def _reversed(prior: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """The prior of the other direction: e -> k, each English word's share spread evenly over
    the Korean units whose prior names it."""
    rows: dict[str, dict[str, float]] = defaultdict(dict)
    for k, row in prior.items():
        for e in row:
            rows[e][k] = 1.0
    return {e: {k: 1.0 / len(row) for k in row} for e, row in rows.items()}


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """An English phrase as the stems of its content words ('Ministry of State Security' ->
    ('minist', 'state', 'secur')), as the lexicon keeps its renderings."""
    from toolkit.align.english import is_content, stem, words

    return tuple(dict.fromkeys(stem(w) for w in words(phrase) if is_content(w)))


def _prior_rows(keys: Iterable[str], entries: Mapping[str, Iterable[tuple[str, ...]]]) -> dict[str, dict[str, float]]:
    """k -> e -> prior probability: the stems of k's lexicon renderings (each rendering an
    equal share, split among its words), or of the Latin spellings names.py knows for it."""
    rows: dict[str, dict[str, float]] = {}
    for k in keys:
        phrases = sorted(p for p in entries.get(k, ()) if p)
        if not phrases and k.isascii() and k.isalpha():  # a Latin token inside Korean (RFA, iOS)
            phrases = [phrase_stems(k)]
        if not phrases:
            phrases = [p for p in map(phrase_stems, sorted(_spellings(k))) if p]
        if not phrases:
            continue
        row: dict[str, float] = defaultdict(float)
        for phrase in phrases:
            for e in phrase:
                row[e] += 1.0 / (len(phrases) * len(phrase))
        rows[k] = dict(row)
    return rows


def _spellings(k: str) -> frozenset[str]:
    """Latin spellings of a Hangul place or personal name (names.transliteration_candidates)."""
    from toolkit.hangul import is_syllable_word

    if len(k) < 2 or not is_syllable_word(k):
        return frozenset()
    from toolkit.names import transliteration_candidates

    return transliteration_candidates(k)


def _sound_alikes(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], surface: Mapping[str, str],
                  known: set[str]) -> dict[str, set[str]]:
    """k -> English words met in the same pair that sound like the Korean (loanwords), for
    Hangul units the lexicon does not know."""
    from toolkit.align.phonetic import similar
    from toolkit.hangul import is_syllable_word

    out: dict[str, set[str]] = defaultdict(set)
    for ko, en in pairs:
        for k in set(ko):
            if k in known or len(k) < 2 or not is_syllable_word(k):
                continue
            for e in set(en):
                word = surface.get(e, e)
                if len(word) >= 3 and similar(k, word):
                    out[k].add(e)
    return out


def train(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], prior: Mapping[str, Mapping[str, float]] | None = None,
          iterations: int = 12, prior_weight: float = 10.0, smoothing: float = 0.5,
          null_weight: float = 1.0) -> WordAligner:
    """IBM Model 1 by MAP-EM over (Korean units, English words) pairs.

    t(e | k) = (c(e, k) + prior_weight * prior(e | k) + smoothing / V) / (c(k) + prior_weight [if k has a
    prior] + smoothing), where c are the expected counts of the last E-step and V the English
    vocabulary size; the NULL unit has no prior. Deterministic: sums run in input order.
    """
    prior = prior or {}
    vocabulary = {e for _, en in pairs for e in en} | {e for row in prior.values() for e in row}
    size = max(len(vocabulary), 1)
    base = smoothing / size

    def estimate(counts: dict[str, dict[str, float]]) -> WordAligner:
        table: dict[str, dict[str, float]] = {}
        unseen: dict[str, float] = {}
        for k in set(counts) | set(prior):
            row_counts = counts.get(k, {})
            row_prior = prior.get(k, {}) if k != NULL else {}
            weight = prior_weight if row_prior else 0.0
            total = sum(row_counts.values()) + weight + smoothing
            table[k] = {e: (row_counts.get(e, 0.0) + weight * row_prior.get(e, 0.0) + base) / total
                        for e in set(row_counts) | set(row_prior)}
            unseen[k] = base / total
        return WordAligner(table, unseen, floor=base / (smoothing or 1.0), null_weight=null_weight)

    model = estimate({})
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for ko, en in pairs:
            if not ko or not en:
                continue
            units = [*ko, NULL]
            for e in en:
                scores = [model.t(k, e) for k in ko] + [null_weight * model.t(NULL, e)]
                total = sum(scores)
                for k, s in zip(units, scores):
                    counts[k][e] += s / total
        model = estimate(counts)
    return model


def train_link_model(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], lexicon=None,
                     surface: Mapping[str, str] | None = None,
                     aliases: Mapping[str, Iterable[tuple[str, ...]]] | None = None, **options) -> Agreement:
    """The model terminology uses: Model 1 both ways over an archive's confident beads (Korean
    units, English stems), its prior the lexicon (a Lexicon, or a mapping ko -> stem tuples),
    names' Latin spellings and loanwords that sound alike. `surface` maps English stems back
    to a word for the sound test; `aliases` maps an acronym's stem to the stems of the
    expansions the texts give it (mss -> (minist, state, secur)): whatever Korean word its
    expansion renders, the acronym renders too, so it shares in that word's prior."""
    entries = {} if lexicon is None else (lexicon if isinstance(lexicon, Mapping) else lexicon.entries)
    keys = {k for ko, _ in pairs for k in ko}
    prior = _prior_rows(sorted(keys), entries)
    for k, found in _sound_alikes(pairs, surface or {}, set(prior)).items():
        row = prior.setdefault(k, {})
        for e in sorted(found):
            row[e] = row.get(e, 0.0) + 1.0 / len(found)
    for row in prior.values():
        for acronym, expansions in sorted((aliases or {}).items()):
            share = max((sum(row.get(e, 0.0) for e in exp) / len(exp) for exp in expansions if exp), default=0.0)
            if share > 0:
                row[acronym] = row.get(acronym, 0.0) + share
    for k, row in prior.items():  # a distribution again, after the shares added above
        total = sum(row.values())
        prior[k] = {e: v / total for e, v in row.items()}
    backward = [(en, ko) for ko, en in pairs]
    return Agreement(train(pairs, prior, **options), train(backward, _reversed(prior), **options))
