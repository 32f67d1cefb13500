"""Word alignment by EM: IBM Model 1 in both directions, for lexicons and for term renderings.

Given sentence pairs (a translation memory, two line-aligned files, an archive's confident
beads), IBM Model 1 learns t(e|k), the probability that Korean word k is rendered by
English word e, by expectation-maximisation over all pairings within each sentence pair
(with a NULL word, so that function words need not be explained). It is trained in both
directions and only pairs both directions agree on are trusted: Model 1 alone likes to
pair a rare word with whatever frequent word stands beside it, the reverse model does not.

Tokens: Korean lemmas as the aligner sees them (scoring.ko_features: nouns, verb and
adjective stems + 다, light words dropped), English content words reduced by
english.stem; `surface` keeps the most frequent written form of each English stem, so a
learned entry reads `체포<TAB>arrested` and loads like any lexicon line.

    model = WordAligner()
    model.train(pairs)                 # pairs of (Korean tokens, English tokens)
    model.links(ko_tokens, en_tokens)  # which English word renders each Korean word
    model.entries(min_count=3)         # (ko, en, t(e|k)) for a lexicon

A prior, for small archives (terminology, `train_link_model`): EM then estimates t as a
posterior mean under a Dirichlet prior (maximum a posteriori EM). The lexicon's renderings
of k, names spelled in Latin letters, English words in the same pair that sound like a
Korean loanword (phonetic: 스마트폰 ~ smartphone) and acronyms whose expansion renders k add
`prior_weight` pseudo-counts to t(e|k), shared among the prior's words; `smoothing`
pseudo-counts are spread over the whole English vocabulary. With enough data the counts
outweigh the prior; where the archive is silent, the lexicon speaks. `link_posteriors`
then gives, inside one pair, the probability that each English word translates each Korean
word, as far as both directions agree (their geometric mean).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["WordAligner", "english_tokens", "korean_tokens", "phrase_stems", "train_link_model"]

NULL = ""


def korean_tokens(text: str) -> list[str]:
    """Korean lemmas of a sentence, as the aligner's features give them (no lexicon needed)."""
    from toolkit.align.lexicon import Lexicon
    from toolkit.align.scoring import ko_features

    return [u.lemma for u in ko_features(text, Lexicon()).units if u.kind != "latin"]


def english_tokens(text: str, surface: Counter | None = None) -> list[str]:
    """English content-word stems of a sentence; counts written forms into `surface`."""
    from toolkit.align.english import is_content, stem, words

    out = []
    for w in words(text):
        if not is_content(w) or not w.isascii():
            continue
        s = stem(w)
        out.append(s)
        if surface is not None:
            surface[(s, w.lower())] += 1
    return out


Prior = Mapping[str, Mapping[str, float]]  # source -> target -> prior probability


class WordAligner:
    """IBM Model 1 trained in both directions; `t[(k, e)]` = t(e|k), `r[(e, k)]` = t(k|e).

    `prior_weight`, `smoothing` and `null_weight` matter only to MAP training with a prior
    (`train(pairs, prior=...)`); without one, training is plain maximum-likelihood EM."""

    def __init__(self, iterations: int = 5, prior_weight: float = 10.0, smoothing: float = 0.0,
                 null_weight: float = 1.0) -> None:
        self.iterations = iterations
        self.prior_weight, self.smoothing, self.null_weight = prior_weight, smoothing, null_weight
        self.t: dict[tuple[str, str], float] = {}
        self.r: dict[tuple[str, str], float] = {}
        # t of a target a source never met in training (smoothing mass), per source
        self.t_unseen: dict[str, float] = {}
        self.r_unseen: dict[str, float] = {}
        self.ko_count: Counter = Counter()
        self.en_count: Counter = Counter()
        self.joint: Counter = Counter()

    def _em(self, pairs: list[tuple[list[str], list[str]]], prior: Prior | None
            ) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
        """t(target|source) by Model 1 EM, every sentence's sources including NULL; the first
        E-step shares each target evenly. Returns t and each source's t of unseen targets.
        Deterministic: sums run in input order."""
        prior = prior or {}
        targets = {w for _, tgt in pairs for w in tgt} | {w for row in prior.values() for w in row}
        base = self.smoothing / max(len(targets), 1)
        t: dict[tuple[str, str], float] = {}
        unseen: dict[str, float] = {}

        def prob(s: str, w: str) -> float:
            return t.get((s, w), unseen.get(s, 0.0))

        for iteration in range(self.iterations):
            count: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            for src, tgt in pairs:
                sources = src + [NULL]
                for w in tgt:
                    if iteration == 0:
                        scores = [1.0] * len(sources)
                    else:
                        scores = [prob(s, w) for s in src] + [self.null_weight * prob(NULL, w)]
                    norm = sum(scores)
                    if norm <= 0:
                        continue
                    for s, score in zip(sources, scores):
                        count[s][w] += score / norm
            t, unseen = {}, {}
            for s in sorted(set(count) | set(prior)):
                row_prior = prior.get(s, {}) if s != NULL else {}
                weight = self.prior_weight if row_prior else 0.0
                row = count.get(s, {})
                denom = sum(row.values()) + weight + self.smoothing
                if denom <= 0:
                    continue
                for w in set(row) | set(row_prior):
                    value = (row.get(w, 0.0) + weight * row_prior.get(w, 0.0) + base) / denom
                    if value > 0:
                        t[(s, w)] = value
                if base:
                    unseen[s] = base / denom
        return t, unseen

    def train(self, pairs: Iterable[tuple[list[str], list[str]]], prior: Prior | None = None) -> "WordAligner":
        """Train both directions; `prior` (Korean -> English -> probability) is reversed for
        the backward direction (each English word's share spread over the Korean words
        whose prior names it)."""
        data = [(list(k), list(e)) for k, e in pairs if k and e]
        for k, e in data:
            self.ko_count.update(set(k))
            self.en_count.update(set(e))
            self.joint.update((a, b) for a in set(k) for b in set(e))
        self.t, self.t_unseen = self._em(data, prior)
        self.r, self.r_unseen = self._em([(e, k) for k, e in data], _reversed(prior) if prior else None)
        return self

    def links(self, ko: list[str], en: list[str]) -> list[tuple[int, int]]:
        """(Korean position, English position) pairs both directions choose (Viterbi of each
        direction, intersected): the English word that renders each Korean word, if any."""
        forward = set()
        for j, e in enumerate(en):
            best = max(range(len(ko)), key=lambda i: self.t.get((ko[i], e), 0.0), default=None)
            if best is not None and self.t.get((ko[best], e), 0.0) > self.t.get((NULL, e), 0.0):
                forward.add((best, j))
        backward = set()
        for i, k in enumerate(ko):
            best = max(range(len(en)), key=lambda j: self.r.get((en[j], k), 0.0), default=None)
            if best is not None and self.r.get((en[best], k), 0.0) > self.r.get((NULL, k), 0.0):
                backward.add((i, best))
        return sorted(forward & backward)

    def link_posteriors(self, ko: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """For each English word j (rows) and Korean word i (columns): sqrt(P(j translates i) *
        P(i is translated by j's word)), the posteriors of the two directions inside this
        pair; the last column is the forward P(j translates nothing). The backward share of a
        word written twice in the pair is the sum over both places, so that a repeated word
        is not half as likely a translation."""
        def posterior(table, unseen, sources, targets):
            rows = []
            for w in targets:
                scores = [table.get((s, w), unseen.get(s, 0.0)) for s in sources]
                scores.append(self.null_weight * table.get((NULL, w), unseen.get(NULL, 0.0)))
                total = sum(scores)
                rows.append([x / total for x in scores] if total > 0 else [0.0] * len(sources) + [1.0])
            return rows

        fwd = posterior(self.t, self.t_unseen, ko, en)
        bwd = posterior(self.r, self.r_unseen, en, ko)  # rows: Korean words, columns: English words
        places: dict[str, list[int]] = defaultdict(list)
        for j, e in enumerate(en):
            places[e].append(j)
        by_word = [[sum(bwd[i][p] for p in places[e]) for e in en] for i in range(len(ko))]
        return [[(fwd[j][i] * by_word[i][j]) ** 0.5 for i in range(len(ko))] + [fwd[j][-1]]
                for j in range(len(en))]

    def entries(self, min_count: int = 3, min_prob: float = 0.3) -> list[tuple[str, str, float]]:
        """(Korean lemma, English stem, t(e|k)) for lexicon entries: the best English word of
        each Korean word seen at least `min_count` times, when both directions give the pair
        at least `min_prob` and they met in at least `min_count` sentence pairs. Sorted by
        Korean word (deterministic)."""
        best: dict[str, tuple[float, str]] = {}
        for (k, e), p in self.t.items():
            if k == NULL or p < min_prob or self.ko_count[k] < min_count or self.joint[(k, e)] < min_count:
                continue
            if self.r.get((e, k), 0.0) < min_prob:
                continue
            if k not in best or (p, e) > best[k]:
                best[k] = (p, e)
        return [(k, e, round(p, 4)) for k, (p, e) in sorted(best.items())]


def _reversed(prior: Prior) -> dict[str, dict[str, float]]:
    """The prior of the other direction: e -> k, each English word's share spread evenly over
    the Korean words whose prior names it."""
    rows: dict[str, dict[str, float]] = defaultdict(dict)
    for k, row in prior.items():
        for e in row:
            rows[e][k] = 1.0
    return {e: {k: 1.0 / len(row) for k in row} for e, row in rows.items()}


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """An English phrase as the stems of its content words ('Ministry of State Security' ->
    ('minist', 'stat', 'secur')), as the lexicon keeps its renderings."""
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
    """k -> English stems met in the same pair that sound like the Korean (loanwords), for
    Hangul words the lexicon does not know."""
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


def train_link_model(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], lexicon=None,
                     surface: Mapping[str, str] | None = None,
                     aliases: Mapping[str, Iterable[tuple[str, ...]]] | None = None,
                     iterations: int = 12, prior_weight: float = 10.0, smoothing: float = 0.5) -> WordAligner:
    """The model terminology uses: Model 1 both ways over an archive's confident beads (Korean
    words, English stems), MAP-trained with a prior: the lexicon (a Lexicon, or a mapping
    ko -> stem tuples), names' Latin spellings and loanwords that sound alike. `surface` maps
    English stems back to a word for the sound test; `aliases` maps an acronym's stem to the
    stems of the expansions the texts give it (mss -> (minist, stat, secur)): whatever Korean
    word its expansion renders, the acronym renders too, so it shares in that word's prior.
    Ten pseudo-counts: the archive's own evidence outweighs the lexicon where it is plentiful."""
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
    model = WordAligner(iterations, prior_weight=prior_weight, smoothing=smoothing)
    return model.train([(list(k), list(e)) for k, e in pairs], prior)
