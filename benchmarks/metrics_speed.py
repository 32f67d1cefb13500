"""Speed of the archive metrics over a synthetic archive of a million link rows (issue 5, item 6).

Writes a synthetic archive (tables with the real schemas: articles, credits, sentences,
links, terms; beads of realistic types and length ratios) and times, in the same run:

- baseline: a plain lazy scan of the links table (count and mean certainty);
- the per-article metrics query that `build` sinks to metrics.parquet;
- `transprov metrics --by article|translator|writer|reporter|service|organization|outlet`
  (toolkit.metrics.summarize; one article in ten has two translators);
- length-ratio outliers (z-scores against the whole archive);
- terminology consistency per translator.

Prints seconds, link rows per second and the ratio to the baseline.

    .venv/bin/python benchmarks/metrics_speed.py [--links 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.archive import sink_metrics  # noqa: E402
from toolkit.metrics.checks import length_outliers  # noqa: E402
from toolkit.metrics.summary import summarize  # noqa: E402
from toolkit.metrics.tables import schemas  # noqa: E402
from toolkit.terms import terminology_consistency  # noqa: E402

BEADS_PER_ARTICLE = 20
# bead types of a rewrite (en sentences, ko sentences) and their shares
TYPES = [((1, 1), 0.60), ((1, 0), 0.15), ((0, 1), 0.10), ((2, 1), 0.08), ((1, 2), 0.07)]
TRANSLATORS = [f"Translator {i:02d}" for i in range(40)]
WRITERS = [f"Writer {i:02d}" for i in range(15)]
SERVICES = ["Korean", "Tibetan", "Uyghur", "Cantonese", "Mandarin"]
OUTLETS = ["Radio Free Asia", "Wire Service", None]
TERMS = ["탈북자", "당국", "주민", "가족", "소식통", "조사", "국경", "처벌"]
RENDERINGS = ["defector", "authorities", "resident", "family", "source", "investigation", "border",
              "punishment", "refugee", "official", "citizen", "relative"]


def synthetic_archive(tables: Path, n_links: int, seed: int = 7) -> None:
    """Write the row tables of a synthetic archive with `n_links` beads, then its metrics."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n_articles = max(n_links // BEADS_PER_ARTICLE, 1)
    n_links = n_articles * BEADS_PER_ARTICLE
    kinds = rng.choice(len(TYPES), size=n_links, p=[p for _, p in TYPES])
    n_en = np.array([TYPES[k][0][0] for k in range(len(TYPES))])[kinds]
    n_ko = np.array([TYPES[k][0][1] for k in range(len(TYPES))])[kinds]
    ids = pl.Series("article_id", [f"a{i:07d}" for i in range(n_articles)])
    article_of = np.repeat(np.arange(n_articles), BEADS_PER_ARTICLE)
    ko_chars = (n_ko * rng.integers(30, 90, size=n_links)).astype(np.int32)
    en_chars = np.where(n_en > 0, (ko_chars.clip(min=40) * rng.lognormal(np.log(2.05), 0.25, n_links)
                                   * np.maximum(n_en, 1)).astype(np.int32), 0).astype(np.int32)

    links = pl.DataFrame({
        "article_id": ids.gather(article_of), "bead": np.tile(np.arange(BEADS_PER_ARTICLE), n_articles),
        "n_en": n_en, "n_ko": n_ko, "en_chars": en_chars, "ko_chars": ko_chars,
        "cert": rng.beta(5, 2, n_links),
    }).with_columns(
        (pl.col("n_en").cum_sum().over("article_id") - pl.col("n_en")).alias("en_start"),
        (pl.col("n_ko").cum_sum().over("article_id") - pl.col("n_ko")).alias("ko_start"),
    )

    def id_lists(lang: str):
        start, count = pl.col(f"{lang}_start"), pl.col(f"n_{lang}")
        return (pl.int_ranges(start + 1, start + count + 1, dtype=pl.Int32)
                .list.eval(pl.format(f"{lang}-s{{}}", pl.element())).alias(f"{lang}_ids"))

    both = (pl.col("n_en") > 0) & (pl.col("n_ko") > 0)
    numbers = rng.random(n_links)
    links = links.with_columns(
        id_lists("en"), id_lists("ko"),
        pl.format("{}-{}", "n_en", "n_ko").alias("bead_type"),
        pl.when(both).then(pl.col("en_chars") / pl.col("ko_chars")).alias("length_ratio"),
        pl.when(both & (pl.Series(numbers) < 0.3)).then(pl.Series(numbers) > 0.01).alias("numbers_match"),
        pl.when(both & (pl.Series(numbers) > 0.9)).then(pl.Series(numbers) > 0.905).alias("names_match"),
    )
    # the links table holds linked beads only; null beads are sentences with no bead
    links.filter(both).select(pl.col(c).cast(t) for c, t in schemas()["links"].items()).write_parquet(
        tables / "links.parquet")

    def sentences(lang: str, other: str):
        null_origin = "added" if lang == "en" else "untranslated"
        return (
            links.filter(pl.col(f"n_{lang}") > 0)
            .select("article_id", "bead", pl.col(f"{lang}_ids").alias("sentence_id"),
                    (pl.col(f"n_{other}") > 0).alias("paired"),
                    (pl.col(f"{lang}_chars") // pl.col(f"n_{lang}")).alias("chars"))
            .explode("sentence_id")
            .with_columns(
                pl.lit(lang).alias("lang"),
                (pl.col("sentence_id").str.slice(4).cast(pl.Int32) - 1).alias("position"),
                pl.when(pl.col("paired")).then(pl.lit("translated")).otherwise(pl.lit(null_origin)).alias("origin"),
                pl.when(pl.col("paired")).then(pl.col("bead")).alias("bead"),
                pl.lit("synthetic sentence").alias("text"),
                pl.lit(False if lang == "en" else None, dtype=pl.Boolean).alias("has_hangul"),
            )
            .with_columns((pl.col("position") // 2).alias("paragraph"))
        )

    pl.concat([sentences("en", "ko"), sentences("ko", "en")]).select(
        pl.col(c).cast(t) for c, t in schemas()["sentences"].items()
    ).sort("article_id", "lang", "position").write_parquet(tables / "sentences.parquet")

    pick = lambda values, size: pl.Series([values[i] for i in rng.integers(0, len(values), size)])  # noqa: E731
    services = pick(SERVICES, n_articles)
    pl.DataFrame({
        "article_id": ids, "title": pl.Series(["Synthetic story"] * n_articles),
        "title_ko": pl.Series(["합성 기사"] * n_articles), "dek": pl.Series([None] * n_articles, dtype=pl.String),
        "date": pl.Series(["2012-03-01"] * n_articles), "service": services,
        "has_original": pl.Series([True] * n_articles), "source": ids + "/en.txt",
        "source_ko": ids + "/ko.txt", "n_en": pl.Series([0] * n_articles), "n_ko": pl.Series([0] * n_articles),
        "published": pl.Series(["2012-03-01"] * n_articles), "outlet": pick(OUTLETS, n_articles),
    }).with_columns(missing_columns("articles", ("article_id", "title", "title_ko", "dek", "date", "service",
                                                 "has_original", "source", "source_ko", "n_en", "n_ko",
                                                 "published", "outlet"))
                    ).select(pl.col(c).cast(t) for c, t in schemas()["articles"].items()
                             ).write_parquet(tables / "articles.parquet")

    co = ids.filter(pl.Series(rng.random(n_articles) < 0.1))  # co-translated articles
    credit_ids = pl.concat([ids, ids, ids, co])
    roles = ["reporter"] * n_articles + ["translator"] * n_articles + ["writer"] * n_articles + ["translator"] * len(co)
    names = (pick([f"Reporter {i}" for i in range(60)], n_articles).to_list()
             + pick(TRANSLATORS, n_articles).to_list() + pick(WRITERS, n_articles).to_list()
             + pick(TRANSLATORS, len(co)).to_list())
    pl.DataFrame({
        "article_id": credit_ids, "role": roles, "name": names,
        "order": [1] * n_articles + [2] * n_articles + [4] * n_articles + [3] * len(co),
        "service": services.to_list() + [None] * (2 * n_articles + len(co)),
        "organization": ["RFA"] * n_articles + [None] * (2 * n_articles + len(co)),
        "agent": ["person"] * (3 * n_articles + len(co)),
    }).with_columns(missing_columns("credits", ("article_id", "role", "name", "order", "service", "organization",
                                                "agent"))
                    ).select(pl.col(c).cast(t) for c, t in schemas()["credits"].items()
                             ).sort("article_id", "order").write_parquet(tables / "credits.parquet")

    paired = links.filter(both).select("article_id", "bead")
    term_rows = paired.sample(fraction=0.5, seed=seed).with_columns(
        pick(TERMS, int(paired.height * 0.5)).alias("ko_term"),
        pick(RENDERINGS + [None], int(paired.height * 0.5)).alias("en_rendering"),
    ).with_columns(
        pl.when(pl.col("en_rendering").is_null()).then(pl.lit("not_found")).otherwise(pl.lit("rendered"))
        .alias("status"),
        pl.col("en_rendering").alias("rendering_group"),
    ).with_columns(missing_columns("terms", ("article_id", "bead", "ko_term", "en_rendering", "status",
                                             "rendering_group")))
    term_rows.select(pl.col(c).cast(t) for c, t in schemas()["terms"].items()).write_parquet(tables / "terms.parquet")
    sink_metrics(tables)


def missing_columns(table: str, given: tuple[str, ...]):
    """Null columns for the rest of the table's schema (what the synthetic archive leaves unset)."""
    return [pl.lit(None, dtype=t).alias(c) for c, t in schemas()[table].items() if c not in given]


def timed(label: str, fn, rows: int, baseline: float | None) -> float:
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    height = getattr(result, "height", None)
    ratio = f"{seconds / baseline:6.1f}x" if baseline else "     1x"
    print(f"{label:<34} {seconds:8.3f} s  {rows / seconds / 1e6:8.2f} M link rows/s  {ratio}"
          + (f"  ({height} rows out)" if height is not None else ""))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1_000_000, help="link rows in the synthetic archive")
    parser.add_argument("--keep", type=Path, help="write the archive here and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="transprov-metrics-bench-"))
    tables = root / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        synthetic_archive(tables, args.links)
        rows = pl.scan_parquet(tables / "links.parquet").select(pl.len()).collect().item()
        sentences = pl.scan_parquet(tables / "sentences.parquet").select(pl.len()).collect().item()
        articles = pl.scan_parquet(tables / "articles.parquet").select(pl.len()).collect().item()
        print(f"synthetic archive: {rows:,} links, {sentences:,} sentences, {articles:,} articles "
              f"(written in {time.perf_counter() - started:.1f} s) at {root}")
        print(f"polars {pl.__version__}, {pl.thread_pool_size()} threads")

        links = lambda: pl.scan_parquet(tables / "links.parquet")  # noqa: E731
        base = timed("baseline: scan links, count+mean",
                     lambda: links().select(pl.len(), pl.col("cert").mean()).collect(), rows, None)
        timed("per-article metrics (build's sink)", lambda: sink_metrics(tables), rows, base)
        for by in ("article", "translator", "writer", "reporter", "service", "organization", "outlet"):
            timed(f"metrics --by {by}", lambda by=by: summarize(root, by=by), rows, base)
        timed("length-ratio outliers (|z|>3)", lambda: length_outliers(links()).collect(), rows, base)
        timed("terminology consistency", lambda: terminology_consistency(root), rows, base)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
