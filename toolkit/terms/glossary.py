"""The glossary table: one row per Korean term and rendering group, from the terms table.

What a terminologist reads first: how often each rendering of a term was used, in how many
articles, by how many credited translators, over which dates, and what share of the
term's renderings it is. Dates are the English publication date (`articles.published`),
else the original's (`published_ko`), as YYYY-MM-DD; null when neither is known.
"""

from __future__ import annotations

from pathlib import Path


def glossary_frame(tables: Path):
    """The glossary of an archive's tables, sorted by term, then most used rendering first."""
    import polars as pl

    from toolkit.metrics.summary import group_members, scan
    from toolkit.metrics.tables import schemas

    rendered = scan(tables, "terms").filter(pl.col("status") == "rendered")
    dates = scan(tables, "articles").select(
        "article_id", pl.coalesce("published", "published_ko").str.slice(0, 10).alias("date"))
    translators = group_members(tables, "translator")
    keys = ["ko_term", "rendering_group"]
    counts = (
        rendered.join(dates, on="article_id", how="left")
        .group_by(keys).agg(
            pl.col("en_rendering").value_counts(sort=True).alias("_forms"),
            pl.len().alias("occurrences"),
            pl.col("article_id").n_unique().alias("articles"),
            pl.col("date").min().alias("first_date"),
            pl.col("date").max().alias("last_date"),
        )
    )
    people = (rendered.select(*keys, "article_id").unique()
              .join(translators, on="article_id", how="inner")
              .group_by(keys).agg(pl.col("translator").drop_nulls().n_unique().alias("translators")))
    total = pl.col("occurrences").sum().over("ko_term")
    schema = schemas()["glossary"]
    return (
        counts.join(people, on=keys, how="left")
        .with_columns(
            # forms as written, most used first, ties alphabetical (value_counts' order is not stable)
            pl.col("_forms").list.eval(
                pl.element().sort_by([pl.element().struct.field("count"), pl.element().struct.field("en_rendering")],
                                     descending=[True, False]).struct.field("en_rendering")).alias("forms"),
            (pl.col("occurrences") / total).alias("share"),
            pl.col("translators").fill_null(0),
        )
        .select(pl.col(c).cast(t) for c, t in schema.items())
        .sort(["ko_term", "occurrences", "rendering_group"], descending=[False, True, False])
        .collect()
    )
