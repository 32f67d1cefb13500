"""Per-article metrics and their roll-ups, as lazy polars queries over the archive tables.

The `metrics` table of an archive is `article_metrics()` sunk to Parquet at the end of a
build, so the figures a researcher reads in the table and those `transprov metrics`
prints come from one query. Everything here is lazy (scan_parquet) and sorts explicitly:
the streaming engine keeps no row order through group_by and joins.
"""

from __future__ import annotations

from pathlib import Path

GROUPS = ("article", "translator", "writer", "service")


def scan(tables: Path, table: str):
    """A LazyFrame over ARCHIVE/tables/<table>.parquet."""
    import polars as pl

    return pl.scan_parquet(tables / f"{table}.parquet")


def tables_dir(archive: Path) -> Path:
    """ARCHIVE/tables, or the path itself when it already is a tables directory."""
    return archive / "tables" if (archive / "tables").is_dir() else archive


def _first_in_role(credits, role: str, alias: str):
    import polars as pl

    return (
        credits.filter(pl.col("role") == role)
        .group_by("article_id")
        .agg(pl.col("name").sort_by("order").first().alias(alias))
    )


def article_metrics(tables: Path, outlier_z: float = 3.0):
    """One row per article: shares of translated/added/untranslated sentences, checks, certainty."""
    import polars as pl

    from toolkit.metrics.checks import length_zscore_expr

    articles = scan(tables, "articles").select("article_id", "service", "has_original", "pair_score", "pair_warning")
    sentences = scan(tables, "sentences")
    links = scan(tables, "links")
    credits = scan(tables, "credits")

    en, ko = pl.col("lang") == "en", pl.col("lang") == "ko"
    counts = sentences.group_by("article_id").agg(
        en.sum().cast(pl.Int32).alias("n_en"),
        ko.sum().cast(pl.Int32).alias("n_ko"),
        (en & (pl.col("origin") == "translated")).sum().alias("_en_translated"),
        (en & (pl.col("origin") == "added")).sum().alias("_en_added"),
        (ko & (pl.col("origin") == "untranslated")).sum().alias("_ko_untranslated"),
        (en & pl.col("has_hangul").fill_null(False)).sum().cast(pl.Int32).alias("hangul_in_english"),
    )
    z = (
        links.filter(pl.col("length_ratio").is_not_null())
        .with_columns(length_zscore_expr())
        .group_by("article_id")
        .agg((pl.col("length_z").abs() > outlier_z).sum().cast(pl.Int32).alias("length_outliers"))
    )
    beads = links.group_by("article_id").agg(
        pl.col("length_ratio").mean().alias("mean_length_ratio"),
        (pl.col("numbers_match") == False).sum().cast(pl.Int32).alias("number_mismatches"),  # noqa: E712
        (pl.col("names_match") == False).sum().cast(pl.Int32).alias("name_mismatches"),  # noqa: E712
        pl.col("cert").mean().alias("mean_cert"),
        pl.col("numbers_match").is_not_null().sum().cast(pl.Int32).alias("numbers_checked"),
        pl.col("names_match").is_not_null().sum().cast(pl.Int32).alias("names_checked"),
    )

    def share(count: str, total: str):
        return (
            pl.when(pl.col("has_original") & (pl.col(total) > 0))
            .then(pl.col(count) / pl.col(total))
            .otherwise(None)
        )

    with_original = pl.col("has_original")
    return (
        articles.join(counts, on="article_id", how="left")
        .join(beads, on="article_id", how="left")
        .join(z, on="article_id", how="left")
        .join(_first_in_role(credits, "translator", "translator"), on="article_id", how="left")
        .join(_first_in_role(credits, "writer", "writer"), on="article_id", how="left")
        .with_columns(
            pl.col("n_en").fill_null(0), pl.col("n_ko").fill_null(0),
            share("_en_translated", "n_en").alias("en_translated_share"),
            share("_en_added", "n_en").alias("en_added_share"),
            share("_ko_untranslated", "n_ko").alias("ko_untranslated_share"),
            pl.when(with_original).then(pl.col("number_mismatches").fill_null(0)).cast(pl.Int32),
            pl.when(with_original).then(pl.col("name_mismatches").fill_null(0)).cast(pl.Int32),
            pl.when(with_original).then(pl.col("length_outliers").fill_null(0)).cast(pl.Int32),
            pl.col("hangul_in_english").fill_null(0),
            pl.when(with_original).then(pl.col("numbers_checked").fill_null(0)).cast(pl.Int32),
            pl.when(with_original).then(pl.col("names_checked").fill_null(0)).cast(pl.Int32),
        )
        .select(
            "article_id", "translator", "writer", "service", "n_en", "n_ko",
            "en_translated_share", "en_added_share", "ko_untranslated_share",
            "mean_length_ratio", "number_mismatches", "name_mismatches", "mean_cert",
            "length_outliers", "hangul_in_english",
            "pair_score", "pair_warning", "numbers_checked", "names_checked",
        )
        .sort("article_id")
    )


def summarize(archive: Path, by: str = "article"):
    """The metrics of an archive per article, or rolled up per translator, writer or service.

    Shares are weighted by sentence counts (pooled over the group's articles that have an
    original); length ratio and certainty are means over the group's beads.
    """
    import polars as pl

    if by not in GROUPS:
        raise ValueError(f"--by must be one of {', '.join(GROUPS)}")
    tables = tables_dir(archive)
    metrics = scan(tables, "metrics")
    if by == "article":
        return metrics.sort("article_id").collect()

    key = pl.col(by).fill_null("(none)")
    metrics = metrics.with_columns(key)
    has = pl.col("en_translated_share").is_not_null()

    def pooled(share: str, total: str):
        weight = pl.when(pl.col(share).is_not_null()).then(pl.col(total)).otherwise(0)
        return ((pl.col(share).fill_null(0) * pl.col(total)).sum() / weight.sum()).alias(share)

    grouped = metrics.group_by(by).agg(
        pl.len().cast(pl.Int32).alias("articles"),
        has.sum().cast(pl.Int32).alias("with_original"),
        pl.col("n_en").sum(), pl.col("n_ko").sum(),
        pooled("en_translated_share", "n_en"), pooled("en_added_share", "n_en"),
        pooled("ko_untranslated_share", "n_ko"),
        pl.col("number_mismatches").sum(), pl.col("name_mismatches").sum(),
        pl.col("length_outliers").sum(), pl.col("hangul_in_english").sum(),
        pl.col("pair_score").mean(), pl.col("pair_warning").is_not_null().sum().cast(pl.Int32).alias("pair_warnings"),
        pl.col("numbers_checked").sum(), pl.col("names_checked").sum(),
    )
    bead_means = (
        scan(tables, "links")
        .join(metrics.select("article_id", by), on="article_id", how="inner")
        .group_by(by)
        .agg(pl.col("length_ratio").mean().alias("mean_length_ratio"),
             pl.col("cert").mean().alias("mean_cert"))
    )
    return (
        grouped.join(bead_means, on=by, how="left")
        .with_columns(pl.col(c).fill_nan(None) for c in
                      ("en_translated_share", "en_added_share", "ko_untranslated_share"))
        .sort(by)
        .collect()
    )
