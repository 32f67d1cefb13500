"""What `transprov terms` prints, as polars frames a notebook can use as well: the glossary,
and one term's renderings with an example sentence pair for each."""

from __future__ import annotations

from pathlib import Path


def glossary(archive: Path, term: str | None = None):
    """The archive's glossary table (one term's rows with `term`)."""
    import polars as pl

    from toolkit.metrics.summary import scan, tables_dir

    rows = scan(tables_dir(archive), "glossary")
    if term is not None:
        rows = rows.filter(pl.col("ko_term") == term)
    return rows.sort(["ko_term", "occurrences", "rendering_group"], descending=[False, True, False]).collect()


def bead_texts(archive: Path):
    """Lazy (article_id, bead, en_text) of every linked bead: its English sentences in order."""
    import polars as pl

    from toolkit.metrics.summary import scan, tables_dir

    tables = tables_dir(archive)
    sentences = scan(tables, "sentences").select("article_id", "sentence_id", "position", "text")
    return (scan(tables, "links").select("article_id", "bead", pl.col("en_ids").alias("sentence_id"))
            .explode("sentence_id").join(sentences, on=["article_id", "sentence_id"])
            .group_by("article_id", "bead").agg(pl.col("text").sort_by("position").str.join(" ").alias("example_en")))


def term_renderings(archive: Path, term: str, by: str | None = None):
    """How one Korean term was rendered: one row per rendering group (and status: omitted and
    not-found occurrences are rows of their own), per group of `by` when given, with its
    occurrences, articles, the forms used and the first occurrence as an example (its
    article, the bead's English and the Korean sentence that holds the term)."""
    import polars as pl

    from toolkit.metrics.summary import group_members, scan, tables_dir
    from toolkit.metrics.tables import sentence_number

    tables = tables_dir(archive)
    rows = scan(tables, "terms").filter(pl.col("ko_term") == term)
    keys = ["status", "rendering_group"]
    if by is not None:
        rows = rows.join(group_members(tables, by), on="article_id", how="inner")
        keys = [by, *keys]
    first = [pl.col("article_id"), pl.col("bead"), sentence_number("sentence_id")]
    groups = (
        rows.group_by(keys).agg(
            pl.len().cast(pl.Int32).alias("occurrences"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("articles"),
            pl.col("en_rendering").drop_nulls().unique().sort().alias("forms"),
            pl.col("article_id").sort_by(first).first(),
            pl.col("bead").sort_by(first).first(),
            pl.col("sentence_id").sort_by(first).first(),
        )
    )
    korean = scan(tables, "sentences").select("article_id", "sentence_id", pl.col("text").alias("example_ko"))
    return (
        groups.join(bead_texts(archive), on=["article_id", "bead"], how="left")
        .join(korean, on=["article_id", "sentence_id"], how="left")
        .sort([*keys[:-2], "occurrences", "status", "rendering_group"],
              descending=[False] * (len(keys) - 2) + [True, False, False], nulls_last=True)
        .select(*keys, "occurrences", "articles", "forms", "article_id", "example_en", "example_ko")
        .collect()
    )
