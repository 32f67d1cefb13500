"""Consistency across articles: how repeated sources are translated.

The same or nearly the same Korean sentence in different articles (wire copy, stock
background paragraphs) should get the same English. Candidates share character 4-grams;
pairs whose Korean chrF is at least `min_similarity` are compared by chrF++ between their
English sides. (Terminology consistency lives in `toolkit.terms`.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path


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
    from toolkit.metrics.tables import sentence_number

    return pl.DataFrame(out, schema=schema).sort(
        pl.col("en_chrf"), pl.col("article_a"), sentence_number("ko_id_a"), pl.col("article_b"),
        sentence_number("ko_id_b"))
