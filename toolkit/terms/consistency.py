"""Terminology consistency: how uniformly each term is rendered, per term and per translator.

The consistency of a term (for one translator, or over the archive) is the share of its
rendered occurrences that use its most frequent rendering group; it rests on `rendered`
occurrences, which every figure reports beside it, since 1.0 over two occurrences says
little. A translator's consistency pools the terms they rendered at least `min_rendered`
times: the sum over those terms of the top group's count, over the sum of their rendered
occurrences (a weighted mean of the per-term figures). Omitted and not-found occurrences
are counted but never enter a ratio.

`by` is any group of `toolkit.metrics.summary.GROUPS` but article: a term of an article
with two translators counts for both, and articles with no one credited in the role form
the null group (kept, sorted last).
"""

from __future__ import annotations

from pathlib import Path


def _per_term(archive: Path, by: str | None):
    """Lazy (group, term) counts with the top rendering group and its count (`top_n`)."""
    import polars as pl

    from toolkit.metrics.summary import group_members, scan, tables_dir

    tables = tables_dir(archive)
    terms = scan(tables, "terms")
    keys = ["ko_term"]
    if by is not None:
        terms = terms.join(group_members(tables, by), on="article_id", how="inner")
        keys = [by, "ko_term"]
    # two group_bys and no join: a join on the group key would drop the null (uncredited) group
    counts = terms.group_by(*keys, "status", "rendering_group").agg(pl.len().alias("n"))
    rendered = pl.col("status") == "rendered"
    return keys, counts.group_by(keys).agg(
        pl.col("n").sum().cast(pl.Int32).alias("occurrences"),
        pl.col("n").filter(rendered).sum().cast(pl.Int32).alias("rendered"),
        pl.col("n").filter(pl.col("status") == "omitted").sum().cast(pl.Int32).alias("omitted"),
        pl.col("n").filter(pl.col("status") == "not_found").sum().cast(pl.Int32).alias("not_found"),
        rendered.sum().cast(pl.Int32).alias("renderings"),
        pl.col("rendering_group").filter(rendered)
        .sort_by([pl.col("n").filter(rendered), pl.col("rendering_group").filter(rendered)],
                 descending=[True, False]).first().alias("top_rendering"),
        pl.col("n").filter(rendered).max().cast(pl.Int32).alias("top_n"),
    )


def terminology_consistency(archive: Path, by: str | None = "translator", min_occurrences: int = 2):
    """Per (group, Korean term), or per term over the archive with `by=None`: occurrences,
    rendered, omitted, not_found, renderings (distinct groups), top_rendering and consistency
    (null when nothing was rendered). Terms met fewer than `min_occurrences` times are left out."""
    import polars as pl

    keys, per_term = _per_term(archive, by)
    return (
        per_term.filter(pl.col("occurrences") >= min_occurrences)
        .with_columns(pl.when(pl.col("rendered") > 0).then(pl.col("top_n") / pl.col("rendered"))
                      .alias("consistency"))
        .drop("top_n")
        .sort(keys, nulls_last=True)
        .collect()
    )


def consistency_by_group(archive: Path, by: str = "translator", min_rendered: int = 2):
    """One row per group (translator, writer, ...): the terms it rendered at least
    `min_rendered` times, the rendered occurrences they add up to, the pooled consistency and
    how many of those terms had more than one rendering group."""
    import polars as pl

    _, per_term = _per_term(archive, by)
    return (
        per_term.filter(pl.col("rendered") >= min_rendered)
        .group_by(by).agg(
            pl.len().cast(pl.Int32).alias("terms"),
            pl.col("rendered").sum().cast(pl.Int32).alias("occurrences"),
            (pl.col("top_n").sum() / pl.col("rendered").sum()).alias("consistency"),
            (pl.col("renderings") > 1).sum().cast(pl.Int32).alias("inconsistent_terms"),
        )
        .sort(by, nulls_last=True)
        .collect()
    )
