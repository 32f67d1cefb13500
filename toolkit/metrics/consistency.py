"""Consistency across articles: how lexicon terms are rendered, how repeated sources are translated.

Terminology: at build time every aligned bead lists the Korean lexicon terms (nouns, by
Kiwi lemma, adjacent nouns joined as compounds) of its Korean side with the lexicon
rendering found in its English side (`terms` table). Researchers then ask, per
translator, how the renderings of each term are distributed; the consistency ratio is
the share of the most frequent rendering among the rendered occurrences.

Repeated sources: the same or nearly the same Korean sentence in different articles
(wire copy, stock background paragraphs) should get the same English. Candidates share
character 4-grams; pairs whose Korean chrF is at least `min_similarity` are compared by
chrF++ between their English sides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from toolkit.align.english import singular, stem, words

NOUN_TAGS = {"NNG", "NNP"}


def lexicon_entries(lexicon) -> Mapping[str, Iterable[tuple[str, ...]]]:
    """Korean lemma -> English renderings (tuples of stems), from the aligner's Lexicon or a mapping."""
    if lexicon is None:
        return {}
    if isinstance(lexicon, Mapping):
        return lexicon
    return lexicon.entries


def korean_terms(ko_text: str, known: Mapping[str, object]) -> list[str]:
    """Lexicon nouns of a Korean span, compounds of two adjacent nouns preferred over their parts."""
    from toolkit.segment import korean_tokens

    tokens = korean_tokens(ko_text)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        form, tag = tokens[i][0], tokens[i][1]
        if tag in NOUN_TAGS:
            if i + 1 < len(tokens) and tokens[i + 1][1] in NOUN_TAGS and form + tokens[i + 1][0] in known:
                found.append(form + tokens[i + 1][0])
                i += 2
                continue
            if form in known:
                found.append(form)
        i += 1
    return list(dict.fromkeys(found))


_NOT_PLURAL = frozenset("news series species politics economics physics headquarters means".split())


def _surface(word: str) -> str:
    """A word as a rendering label: lower case and singular, so 'defectors' and 'defector' count as one."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w if w in _NOT_PLURAL else singular(w)


def find_rendering(en_text: str, renderings: Iterable[tuple[str, ...]]) -> str | None:
    """The lexicon rendering present in the English span, labelled by the words used there.

    Renderings are tuples of stems (toolkit.align.english.stem), so "defectors" meets the
    entry "defector"; the longest rendering whose stems all occur wins, and its label is
    the span's own words (plural folded) so that distinct wordings stay distinct.
    """
    return _rendering_in(_surfaces(en_text), _longest_first(frozenset(renderings)))


def _surfaces(en_text: str) -> dict[str, str]:
    """Stem -> surface label of the first word with that stem (computed once per English span)."""
    surface: dict[str, str] = {}
    for word in words(en_text):
        surface.setdefault(stem(word), _surface(word))
    return surface


@lru_cache(maxsize=65536)
def _longest_first(renderings: frozenset[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(renderings, key=lambda p: (-len(p), p)))


def _rendering_in(surface: dict[str, str], ordered: tuple[tuple[str, ...], ...]) -> str | None:
    for phrase in ordered:
        if phrase and all(s in surface for s in phrase):
            return " ".join(surface[s] for s in phrase)
    return None


def term_finder(lexicon) -> Callable[[str, str], list[tuple[str, str | None]]] | None:
    """A function (en_text, ko_text) -> [(ko_term, rendering or None)] for the build's terms table."""
    entries = lexicon_entries(lexicon)
    if not entries:
        return None

    def terms(en_text: str, ko_text: str) -> list[tuple[str, str | None]]:
        found = korean_terms(ko_text, entries)
        if not found:
            return []
        surface = _surfaces(en_text)  # once per bead, not once per term
        return [(t, _rendering_in(surface, _longest_first(frozenset(entries[t])))) for t in found]

    return terms


def terminology_consistency(archive: Path, by: str = "translator", min_occurrences: int = 2,
                            rendered_only: bool = True):
    """Per (translator, Korean term): occurrences, renderings, the top one and the consistency ratio.

    `by` is any group of `summarize` but article: a term of an article with two translators
    counts for both; articles with no one credited in the role form the null group.

    `occurrences` counts aligned beads whose Korean side has the term, `rendered` those whose
    English side has one of its lexicon renderings. With `rendered_only`, terms never
    rendered by the lexicon (generic nouns such as 때 or 가운데, or free paraphrase) are left out.
    """
    import polars as pl

    from toolkit.metrics.summary import group_members, scan, tables_dir

    tables = tables_dir(archive)
    terms = scan(tables, "terms").join(group_members(tables, by), on="article_id", how="inner")
    # two group_bys and no join: a join on the group key would drop the null (uncredited) group
    counts = terms.group_by(by, "ko_term", "en_rendering").agg(pl.len().alias("n"))
    found = pl.col("en_rendering").is_not_null()
    return (
        counts.group_by(by, "ko_term").agg(
            pl.col("n").sum().alias("occurrences"),
            pl.col("en_rendering").sort_by([~found, pl.col("n"), pl.col("en_rendering")],
                                            descending=[False, True, False]).first().alias("top_rendering"),
            pl.col("n").filter(found).max().alias("top_n"),
            pl.col("n").filter(found).sum().alias("rendered"),
            found.sum().cast(pl.UInt32).alias("renderings"),
        )
        .with_columns((pl.col("top_n") / pl.col("rendered")).alias("consistency"))
        .filter(pl.col("occurrences") >= min_occurrences)
        .filter(pl.col("rendered") > 0 if rendered_only else pl.lit(True))
        .drop("top_n")
        .sort([by, "ko_term"], nulls_last=True)
        .collect()
    )


def _normalize(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _grams(text: str, n: int = 4) -> set[str]:
    return {text[i:i + n] for i in range(max(len(text) - n + 1, 1))}


def repeated_sources(archive: Path, min_similarity: float = 80.0, max_bucket: int = 50):
    """Pairs of translated Korean sentences in different articles that (nearly) repeat each other.

    Columns: article_a, ko_id_a, article_b, ko_id_b, ko_similarity (chrF, 100 = same after
    normalizing spaces and punctuation), en_chrf (chrF++ of B's English against A's).
    Candidate pairs share a rare character 4-gram (4-grams in more than `max_bucket`
    sentences are too common to block on), so the cost stays near-linear.
    """
    import polars as pl
    from sacrebleu.metrics import CHRF

    from toolkit.metrics.summary import scan, tables_dir

    tables = tables_dir(archive)
    sentences = scan(tables, "sentences")
    ko = (sentences.filter((pl.col("lang") == "ko") & (pl.col("origin") == "translated"))
          .select("article_id", "sentence_id", "bead", "text").collect())
    en = (sentences.filter((pl.col("lang") == "en") & pl.col("bead").is_not_null())
          .group_by("article_id", "bead")
          .agg(pl.col("text").sort_by("position").str.join(" ").alias("en_text")).collect())
    en_of = {(a, b): t for a, b, t in en.iter_rows()}
    rows = ko.rows()
    keys = [_normalize(text) for _, _, _, text in rows]

    buckets: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for gram in _grams(key):
            buckets[gram].append(index)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 1 < len(members) <= max_bucket:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if rows[i][0] != rows[j][0]:
                        candidates.add((i, j))

    chrf, chrf_pp = CHRF(), CHRF(word_order=2)
    out = []
    for i, j in sorted(candidates):
        similarity = 100.0 if keys[i] == keys[j] else chrf.sentence_score(rows[j][3], [rows[i][3]]).score
        if similarity < min_similarity:
            continue
        en_a, en_b = en_of.get((rows[i][0], rows[i][2]), ""), en_of.get((rows[j][0], rows[j][2]), "")
        out.append({
            "article_a": rows[i][0], "ko_id_a": rows[i][1], "article_b": rows[j][0],
            "ko_id_b": rows[j][1], "ko_similarity": similarity,
            "en_a": en_a, "en_b": en_b, "en_chrf": chrf_pp.sentence_score(en_b, [en_a]).score,
        })
    schema = {"article_a": pl.String, "ko_id_a": pl.String, "article_b": pl.String,
              "ko_id_b": pl.String, "ko_similarity": pl.Float64, "en_a": pl.String,
              "en_b": pl.String, "en_chrf": pl.Float64}
    return pl.DataFrame(out, schema=schema).sort("en_chrf", "article_a", "ko_id_a")
