"""Rows of the archive's Parquet tables, built from one aligned article.

The schemas are fixed here, once, so that every batch file of a build, an empty table
and the synthetic benchmark archive all have the same column names and dtypes (polars,
pyarrow and DuckDB then read the files alike). The per-bead checks come from
`toolkit.metrics.checks`; corpus-wide figures (z-scores, per-article metrics) are lazy
queries over these tables in `toolkit.metrics.summary`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from toolkit.model import Alignment, Article

TABLES = ("articles", "credits", "sentences", "links", "terms", "glossary", "metrics")
# tables written row by row during a build; `metrics`, `terms` and `glossary` are derived
# from them at the end (terms need a word-alignment model trained on the whole archive)
ROW_TABLES = ("articles", "credits", "sentences", "links")

ORIGINS = ("translated", "added", "untranslated", "unaligned")


@cache
def schemas() -> dict[str, Any]:
    """Polars schema of every table (polars is imported lazily, hence a function)."""
    import polars as pl

    s, i, f, b = pl.String, pl.Int32, pl.Float64, pl.Boolean
    ids = pl.List(pl.String)
    return {
        "articles": {
            "article_id": s, "title": s, "title_ko": s, "dek": s, "date": s, "service": s,
            "has_original": b, "source": s, "source_ko": s, "n_en": i, "n_ko": i,
            "pair_score": f, "pair_warning": s,
            # publication data (meta.json, else the page's metadata); published: ISO 8601 or null
            "url": s, "published": s, "outlet": s, "url_ko": s, "published_ko": s, "outlet_ko": s,
        },
        "credits": {
            "article_id": s, "order": i, "role": s, "name": s, "name_ko": s,
            "service": s, "organization": s, "language": s, "agent": s,
        },
        "sentences": {
            "article_id": s, "lang": s, "sentence_id": s, "position": i, "paragraph": i,
            "text": s, "chars": i, "origin": s, "bead": i, "has_hangul": b,
        },
        "links": {
            "article_id": s, "bead": i, "bead_type": s, "en_ids": ids, "ko_ids": ids,
            "cert": f, "en_chars": i, "ko_chars": i, "length_ratio": f,
            "numbers_match": b, "names_match": b, "reviewed": b,
        },
        "terms": {
            "article_id": s, "bead": i, "sentence_id": s, "ko_term": s, "status": s,
            "en_rendering": s, "rendering_group": s, "confidence": f, "part_of": s,
        },
        "glossary": {
            "ko_term": s, "rendering_group": s, "forms": ids, "occurrences": i, "share": f,
            "articles": i, "translators": i, "first_date": s, "last_date": s,
        },
        "metrics": {
            "article_id": s, "translator": s, "writer": s, "service": s, "n_en": i, "n_ko": i,
            "en_translated_share": f, "en_added_share": f, "ko_untranslated_share": f,
            "mean_length_ratio": f, "number_mismatches": i, "name_mismatches": i,
            "mean_cert": f, "length_outliers": i, "hangul_in_english": i,
            "pair_score": f, "pair_warning": s, "numbers_checked": i, "names_checked": i,
        },
    }


def frame(table: str, rows: list[dict]):
    """A polars DataFrame of `rows` with the table's fixed schema (also when empty)."""
    import polars as pl

    return pl.DataFrame(rows, schema=schemas()[table])


def article_service(en: Article) -> str | None:
    """The language service the article was reported for (first credit stating one)."""
    for credit in sorted(en.credits, key=lambda c: c.order):
        if credit.service:
            return credit.service
    return None


def _publication(article: Article | None, suffix: str) -> dict:
    """url, published and outlet columns of one article; `published` only when it is an ISO date."""
    from toolkit.tei.profile import w3c_date

    return {
        f"url{suffix}": article.url if article else None,
        f"published{suffix}": w3c_date(article.date) if article and article.date else None,
        f"outlet{suffix}": article.outlet if article else None,
    }


def _bead_of(alignment: Alignment | None) -> tuple[dict[int, int], dict[int, int]]:
    """Sentence position -> index of the non-null bead holding it, per side."""
    en_bead: dict[int, int] = {}
    ko_bead: dict[int, int] = {}
    if alignment is None:
        return en_bead, ko_bead
    for n, bead in enumerate(alignment.beads):
        if bead.en and bead.ko:
            en_bead.update((i, n) for i in bead.en)
            ko_bead.update((j, n) for j in bead.ko)
    return en_bead, ko_bead


def _sentence_rows(article_id: str, article: Article, beads: dict[int, int],
                   has_original: bool) -> list[dict]:
    from toolkit.hangul import has_hangul
    from toolkit.langid import UNDETERMINED

    null_origin = "added" if article.language == "en" else "untranslated"
    rows = []
    for position, sentence in enumerate(article.sentences):
        bead = beads.get(position)
        if not has_original:
            origin = "unaligned"
        else:
            origin = "translated" if bead is not None else null_origin
        rows.append({
            # a sentence of no language (emoji, kept as body text) is its article's: counted on its side
            "article_id": article_id, "lang": sentence.lang if sentence.lang not in (None, UNDETERMINED) else article.language,
            "sentence_id": sentence.id, "position": position, "paragraph": sentence.paragraph,
            "text": sentence.text, "chars": len(sentence.text), "origin": origin, "bead": bead,
            "has_hangul": has_hangul(sentence.text) if article.language == "en" else None,
        })
    return rows


def _link_rows(article_id: str, en: Article, ko: Article, alignment: Alignment) -> list[dict]:
    """One row per linked bead; a null bead (English added, Korean left out) is no link: its
    sentences are in `sentences` with `bead` null and origin added or untranslated."""
    from toolkit.metrics.checks import length_ratio, names_agree, numbers_agree

    en_s, ko_s = en.sentences, ko.sentences
    links = []
    for n, bead in enumerate(alignment.beads):
        if not (bead.en and bead.ko):
            continue
        en_text = " ".join(en_s[i].text for i in bead.en)
        ko_text = " ".join(ko_s[j].text for j in bead.ko)
        en_chars = sum(len(en_s[i].text) for i in bead.en)
        ko_chars = sum(len(ko_s[j].text) for j in bead.ko)
        links.append({
            "article_id": article_id, "bead": n, "bead_type": bead.type,
            "en_ids": [en_s[i].id for i in bead.en], "ko_ids": [ko_s[j].id for j in bead.ko],
            "cert": float(bead.cert), "en_chars": en_chars, "ko_chars": ko_chars,
            "length_ratio": length_ratio(en_chars, ko_chars),
            "numbers_match": numbers_agree(en_text, ko_text),
            "names_match": names_agree(en_text, ko_text),
            "reviewed": bead.reviewer is not None,  # confirmed or corrected by a person
        })
    return links


def article_rows(article_id: str, en: Article, ko: Article | None,
                 alignment: Alignment | None, lexicon=None) -> dict[str, list[dict]]:
    """Rows of every row table for one article (sentences must be segmented); `lexicon` is the
    one the aligner used, which the pair check reads again for a pair without a confident link."""
    from toolkit.align.pair import pair_check

    has_original = ko is not None and alignment is not None
    en_bead, ko_bead = _bead_of(alignment if has_original else None)
    rows: dict[str, list[dict]] = {t: [] for t in ROW_TABLES}
    pair = pair_check(en, ko, alignment, lexicon) if ko is not None else None
    rows["articles"].append({
        "article_id": article_id, "title": en.title, "title_ko": ko.title if ko else None,
        "dek": en.dek, "date": en.date or (ko.date if ko else None),
        "service": article_service(en), "has_original": ko is not None,
        "source": en.source, "source_ko": ko.source if ko else None,
        "n_en": len(en.sentences), "n_ko": len(ko.sentences) if ko else 0,
        "pair_score": pair.score if pair else None, "pair_warning": pair.warning if pair else None,
        **_publication(en, ""), **_publication(ko, "_ko"),
    })
    rows["credits"] = [
        {"article_id": article_id, "order": c.order, "role": c.role, "name": c.name,
         "name_ko": c.name_ko, "service": c.service, "organization": c.organization,
         "language": c.language, "agent": c.agent}
        for c in sorted(en.credits, key=lambda c: c.order)
    ]
    rows["sentences"] = _sentence_rows(article_id, en, en_bead, has_original)
    if ko is not None:
        rows["sentences"] += _sentence_rows(article_id, ko, ko_bead, has_original)
    if has_original:
        rows["links"] = _link_rows(article_id, en, ko, alignment)
    return rows


def sentence_number(column: str):
    """The number in a sentence id ('ko-s12' -> 12): sorting by it puts ko-s2 before ko-s10,
    where sorting the strings would not."""
    import polars as pl

    return pl.col(column).str.extract(r"(\d+)$").cast(pl.Int64)
