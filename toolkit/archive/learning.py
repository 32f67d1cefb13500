"""Corpus learning as a map and a reduce, and what a change of the learned lexicon touches.

Each article's first pass gives its own learner counts (a `LexiconLearner` that observed
that one article); the counts are rows of a small table, so that the workers' counts are
summed by a polars group-by (the reduce) and an incremental build can add the counts kept
from the previous build to those of the articles built now: integer sums, so the learned
pairs are the same as a clean build's whatever the order or the number of workers.

Which articles a changed learned lexicon touches: while an article is aligned, the
lexicon it is given records every Korean key the aligner asks about (`RecordingLexicon`).
The aligner is deterministic and sees the lexicon only through those questions, so an
article whose keys all get the same answers from the old and the new lexicon aligns the
same; only articles whose keys meet a changed entry are aligned again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable


class _RecordingSet:
    """Membership tests on a frozenset, noted in `seen`."""

    def __init__(self, items: frozenset[str], seen: set[str]) -> None:
        self._items = items
        self._seen = seen

    def __contains__(self, key: object) -> bool:
        self._seen.add(key)  # type: ignore[arg-type]
        return key in self._items


class RecordingLexicon:
    """A Lexicon that notes every Korean key it is asked about (`get`, `in`, `function_keys`)."""

    def __init__(self, lexicon) -> None:
        self._lexicon = lexicon
        self.recorded = lexicon  # scoring.ko_features takes a sentence's features from its cache, keys and all
        self.keys: set[str] = set()
        self.function_keys = _RecordingSet(lexicon.function_keys, self.keys)

    def get(self, ko: str):
        self.keys.add(ko)
        return self._lexicon.get(ko)

    def __contains__(self, ko: object) -> bool:
        self.keys.add(ko)  # type: ignore[arg-type]
        return ko in self._lexicon

    def __len__(self) -> int:
        return len(self._lexicon)


def align_recording(en, ko, lexicon):
    """Align one article and return (alignment, the Korean keys the aligner looked up)."""
    from toolkit.align import align

    recording = RecordingLexicon(lexicon)
    alignment = align(en.sentences, ko.sentences, recording)
    return alignment, sorted(recording.keys)


def contribution(en, ko, alignment, known) -> list[tuple[str, str, str, int]]:
    """Rows (sink.COUNT_COLUMNS) of one article's learner counts (what `LexiconLearner.observe` adds
    for it), in a fixed order: the learner's counters fill in the order of sets, which the hash
    seed changes, and the rows are kept in the archive's state. Tuples, not dicts: a
    200-article build makes 81,092 of them (speed23); (kind, key, value) is unique, so
    sorting the tuples gives the order of those three fields."""
    from toolkit.align import LexiconLearner

    learner = LexiconLearner(known=known)
    learner.observe(en.sentences, ko.sentences, alignment)
    rows = [("n", "", "", learner.n)] if learner.n else []
    rows += [("ko", k, "", c) for k, c in learner.ko.items()]
    rows += [("en", e, "", c) for e, c in learner.en.items()]
    rows += [("joint", k, e, c) for (k, e), c in learner.joint.items()]
    rows += [("surface", s, w, c) for s, words in learner.surface.items() for w, c in words.items()]
    rows.sort()
    return rows


def learner_from_counts(counts, known):
    """A LexiconLearner holding the summed counts of many articles.

    `counts` is a LazyFrame of contribution rows (article_id, kind, key, value, count); one
    article contributes one `joint` row per pair it saw, so the number of rows of a pair is
    the number of articles where it met (the learner's `articles` counter).
    """
    import polars as pl

    from toolkit.align import LexiconLearner

    totals = (counts.group_by("kind", "key", "value")
              .agg(pl.col("count").sum().alias("count"), pl.len().alias("articles"))
              .collect())
    learner = LexiconLearner(known=known)
    for kind, key, value, count, articles in totals.iter_rows():
        if kind == "n":
            learner.n += count
        elif kind == "ko":
            learner.ko[key] += count
        elif kind == "en":
            learner.en[key] += count
        elif kind == "joint":
            learner.joint[(key, value)] += count
            learner.articles[(key, value)] += articles
        elif kind == "surface":
            learner.surface.setdefault(key, Counter())[value] += count
    return learner


def pairs_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """A digest of learned pairs (the second pass's lexicon is the given one plus these)."""
    h = hashlib.sha256()
    for ko, en in pairs:
        h.update(f"{ko}\t{en}\n".encode())
    return h.hexdigest()


def extend(given, pairs: list[tuple[str, str]]):
    """The second pass's lexicon: the given one, plus the learned pairs when there are any."""
    return given.extended(pairs, source="learned") if pairs else given


def carry_features(given, final, changed, texts: Iterable[str]) -> None:
    """Hand the learned lexicon the Korean sentence features computed under the given one
    where none of the keys computing them asked about has changed: under the learned lexicon
    that computation would ask the same questions, get the same answers and give the same
    features (the argument that lets a whole article keep its first alignment)."""
    from toolkit.align.scoring import keep_features
    from toolkit.segment import analysis_key

    if final is given or getattr(given, "asked", None) is None or getattr(final, "asked", None) is None:
        return
    for text in texts:
        key = analysis_key(text)
        got, keys = given.features.get(key), given.asked.get(key)
        if got is not None and keys is not None and changed.isdisjoint(keys) and key not in final.asked:
            keep_features(final, text, got, keys)


def changed_keys(old, new, candidates: Iterable[str]) -> set[str]:
    """Korean keys among `candidates` that the two lexicons answer differently."""
    return {
        k for k in candidates
        if old.get(k) != new.get(k) or (k in old.function_keys) != (k in new.function_keys)
    }


def standing_keys(en, ko, given, final) -> list[str] | None:
    """For an article aligned under `given` that looked up a key `final` answers otherwise: the keys
    align_recording(en, ko, final) records, where it would give the first alignment again; None
    where it may not (the article is aligned again). It would where every Korean sentence's
    features under `final` give the aligner the evidence they gave under `given` (`same_evidence`).

    The aligner reads a sentence's lexicon translations only through the English sentences of the
    article that hold one of them whole (scoring.evidence_against) and knows nothing else of the
    lexicon: a learned pair whose English no sentence of the article writes changes no score, so
    the search would find the same beads."""
    from toolkit.align.dp import FULL_GRID
    from toolkit.align.scoring import en_features, ko_features

    recording = RecordingLexicon(final)
    after = [ko_features(s.text, recording) for s in ko.sentences]  # the look-ups `align` makes, and all
    ef = [en_features(s.text) for s in en.sentences]
    if len(ef) * len(after) > FULL_GRID or \
            not same_evidence(ef, [ko_features(s.text, given) for s in ko.sentences], after):
        return None
    return sorted(recording.keys)


def same_evidence(ef, before, after) -> bool:
    """Whether the aligner sees the Korean sentences' features `before` and `after` alike against
    the English sentences' `ef`: equal but for their units' translations (`KoUnit.phrases`), and
    every translation only one side has is held whole by no English sentence, so no pair's
    evidence (scoring.evidence_against) changes. (A long article's anchor search reads the
    translations too, apart from the evidence: `standing_keys` asks only for ordinary ones.)"""
    from dataclasses import fields

    def rest(obj, skip: str) -> tuple:
        return tuple(getattr(obj, f.name) for f in fields(obj) if f.name != skip)

    for k1, k2 in zip(before, after, strict=True):
        if k1 is k2:
            continue
        if rest(k1, "units") != rest(k2, "units") or len(k1.units) != len(k2.units):
            return False
        for u1, u2 in zip(k1.units, k2.units):
            if rest(u1, "phrases") != rest(u2, "phrases"):
                return False
            latin = u1.kind == "latin"
            for phrase in u1.phrases ^ u2.phrases:
                if any(all(s in e.stems or (latin and s in e.lower_words) for s in phrase) for e in ef):
                    return False
    return True
