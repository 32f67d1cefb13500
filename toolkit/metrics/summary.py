"""Per-article metrics and their roll-ups, as lazy polars queries over the archive tables.

The `metrics` table of an archive is `article_metrics()` sunk to Parquet at the end of a
build, so the figures a researcher reads in the table and those `transprov metrics`
prints come from one query. Everything here is lazy (scan_parquet) and sorts explicitly:
the streaming engine keeps no row order through group_by and joins.
"""

from __future__ import annotations

from pathlib import Path

# every role of the credit chain groups by the credited names; service and organization by
# those the credits state; outlet by the articles table (meta.json or the page's metadata)
ROLE_GROUPS = ("translator", "writer", "reporter", "editor", "contributor", "photographer", "producer")
GROUPS = ("article", *ROLE_GROUPS, "service", "organization", "outlet")


def scan(tables: Path, table: str):
    """A LazyFrame over ARCHIVE/tables/<table>.parquet. InputError naming the table for a FIFO,
    socket or device, a missing table, or one whose footer is no Parquet's (garbage, cut short):
    the lazy query's own error would come later and name no file."""
    import polars as pl

    path = require_table(tables, table)
    try:
        pl.read_parquet_schema(path)  # the footer only: cheap
    except Exception as error:  # noqa: BLE001 - polars' errors have no common type worth naming
        raise unreadable_table(path, error) from None
    return pl.scan_parquet(path)


def unreadable_table(path: Path, error: BaseException):
    """The one line for a table polars could not read (garbage, cut short, a damaged page), the
    same in every command that reads tables (metrics, terms, export, lexicon learn)."""
    from toolkit.errors import InputError, one_line

    return InputError(str(path), f"not a readable Parquet table ({one_line(error)})")


def damaged_table(tables: Path):
    """InputError naming the first table under `tables` that cannot be read whole (a page damaged
    behind a good footer), or None. What a failed query calls to say which file failed: its
    error names none. Reads every table in batches, so only on that error path."""
    import polars as pl

    from toolkit.errors import InputError

    for path in sorted(tables.glob("*.parquet")):
        try:
            check_table(path)
            for _ in pl.scan_parquet(path).collect_batches():
                pass
        except InputError as error:
            return error
        except Exception as error:  # noqa: BLE001
            return unreadable_table(path, error)
    return None


def tables_dir(archive: Path | str) -> Path:
    """ARCHIVE/tables, or the path itself when it already is a tables directory (whose path
    polars can take: InputError otherwise). The tables themselves are checked as they are read
    (`scan`, `check_table`): a command that never reads a damaged table still answers."""
    from toolkit.polarspath import check_polars_path

    archive = Path(archive)  # a notebook's string is an archive too
    check_polars_path(archive)
    return archive / "tables" if (archive / "tables").is_dir() else archive


def check_table(path: Path) -> None:
    """InputError for a table that is a FIFO, socket or device: polars would wait on it for ever.
    A missing table, a dangling link or a loop is left to the reader, whose own error names it."""
    import os
    import stat

    from toolkit.errors import InputError
    from toolkit.inputs import not_regular

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISDIR(mode) and (problem := not_regular(mode)):
        raise InputError(str(path), problem)


def require_table(tables: Path, name: str) -> Path:
    """TABLES/<name>.parquet, there to be read: InputError naming it when it is missing, so that
    every command that needs a table says the same thing, and check_table's for a special file."""
    from toolkit.errors import InputError

    path = tables / f"{name}.parquet"
    check_table(path)
    if not path.is_file():
        raise InputError(str(path), "missing; run `transprov build` first")
    return path


def _names_in_role(credits, role: str, alias: str):
    """Every name credited in `role`, in chain order, joined by "; " (co-translators both show)."""
    import polars as pl

    return (
        credits.filter(pl.col("role") == role)
        .group_by("article_id")
        .agg(pl.col("name").sort_by("order").unique(maintain_order=True).str.join("; ").alias(alias))
    )


def group_members(tables: Path, by: str):
    """(article_id, <by>) rows: one per article and member of the group it counts for.

    An article counts once for each distinct person credited in the role (two translators:
    two rows), service or organization its credits state; an article with none has one row
    whose key is null, the uncredited group (never a made-up name such as "(none)").
    """
    import polars as pl

    if by not in GROUPS or by == "article":
        raise ValueError(f"cannot group by {by!r}: use one of {', '.join(GROUPS[1:])}")
    articles = scan(tables, "articles")
    if by == "outlet":
        return articles.select("article_id", "outlet")
    credits = scan(tables, "credits")
    if by in ROLE_GROUPS:
        value = pl.when(pl.col("role") == by).then(pl.col("name"))
    elif by == "service":
        value = pl.col("service")
    else:  # an organization credited by name (a desk, an agency) or one a person worked for
        value = pl.coalesce(pl.col("organization"),
                            pl.when(pl.col("agent") == "organization").then(pl.col("name")))
    members = (credits.select("article_id", value.alias(by)).filter(pl.col(by).is_not_null())
               .unique())
    return articles.select("article_id").join(members, on="article_id", how="left")


def _exact_sum(values):
    """The sum of a float expression, the same on any number of threads: the values are added
    as integers in units of 2^-32 (exact, so in any order), then scaled back. polars adds the
    partial sums of a parallel group-by in an order that depends on its thread count, which
    moved the last digits of the metrics between a build on one core and one on several.
    128 bits: an Int64 sum wraps silently past 2^31 in these units (a long article's ratios
    summed over a large group)."""
    import polars as pl

    unit = float(2**32)
    return (values * unit).round().cast(pl.Int128).sum().cast(pl.Float64) / unit


def _exact_mean(column: str):
    import polars as pl

    count = pl.col(column).count()
    return pl.when(count > 0).then(_exact_sum(pl.col(column)) / count)


def article_metrics(tables: Path, outlier_z: float = 3.0):
    """One row per article: shares of translated/added/untranslated sentences, checks, certainty."""
    import polars as pl

    from toolkit.metrics.checks import length_zscore_expr

    tables = tables_dir(tables)  # public: the folder is checked as every other reader checks it
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
        _exact_mean("length_ratio").alias("mean_length_ratio"),
        (pl.col("numbers_match") == False).sum().cast(pl.Int32).alias("number_mismatches"),  # noqa: E712
        (pl.col("names_match") == False).sum().cast(pl.Int32).alias("name_mismatches"),  # noqa: E712
        _exact_mean("cert").alias("mean_cert"),
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
        .join(_names_in_role(credits, "translator", "translator"), on="article_id", how="left")
        .join(_names_in_role(credits, "writer", "writer"), on="article_id", how="left")
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
    """The metrics of an archive per article, or rolled up per group (see GROUPS).

    An article counts in every group it belongs to (an article translated by two people
    counts for both, so group totals may exceed the archive's); articles in no group form
    one group whose key is null, sorted last. Shares are weighted by sentence counts (pooled
    over the group's articles that have an original); length ratio and certainty are means
    over the group's beads.
    """
    import polars as pl

    if by not in GROUPS:
        raise ValueError(f"--by must be one of {', '.join(GROUPS)}")
    tables = tables_dir(archive)
    metrics = scan(tables, "metrics")
    if by == "article":
        return metrics.sort("article_id").collect()

    members = group_members(tables, by)
    # bead sums per article, so that the group means are over the group's beads (no join on
    # the group key, whose null group a join would drop)
    beads = scan(tables, "links").group_by("article_id").agg(
        _exact_sum(pl.col("length_ratio")).alias("_ratio_sum"), pl.col("length_ratio").count().alias("_ratios"),
        _exact_sum(pl.col("cert")).alias("_cert_sum"), pl.col("cert").count().alias("_certs"),
    )
    metrics = (members.join(metrics.drop(c for c in ("translator", "writer", "service") if c == by),
                            on="article_id", how="inner")
               .join(beads, on="article_id", how="left"))
    has = pl.col("en_translated_share").is_not_null()

    def pooled(share: str, total: str):
        weight = pl.when(pl.col(share).is_not_null()).then(pl.col(total)).otherwise(0)
        return (_exact_sum(pl.col(share).fill_null(0) * pl.col(total)) / weight.sum()).alias(share)

    def mean(total: str, count: str, alias: str):
        return pl.when(pl.col(count).sum() > 0).then(_exact_sum(pl.col(total)) / pl.col(count).sum()).alias(alias)

    return (
        metrics.group_by(by).agg(
            pl.len().cast(pl.Int32).alias("articles"),
            has.sum().cast(pl.Int32).alias("with_original"),
            pl.col("n_en").sum(), pl.col("n_ko").sum(),
            pooled("en_translated_share", "n_en"), pooled("en_added_share", "n_en"),
            pooled("ko_untranslated_share", "n_ko"),
            pl.col("number_mismatches").sum(), pl.col("name_mismatches").sum(),
            pl.col("length_outliers").sum(), pl.col("hangul_in_english").sum(),
            mean("_ratio_sum", "_ratios", "mean_length_ratio"), mean("_cert_sum", "_certs", "mean_cert"),
            _exact_mean("pair_score").alias("pair_score"), pl.col("pair_warning").is_not_null().sum().cast(pl.Int32).alias("pair_warnings"),
            pl.col("numbers_checked").sum(), pl.col("names_checked").sum(),
        )
        .with_columns(pl.col(c).fill_nan(None) for c in
                      ("en_translated_share", "en_added_share", "ko_untranslated_share"))
        .sort(by, nulls_last=True)
        .collect()
    )
