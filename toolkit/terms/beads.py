"""The linked beads as the terms step sees them, one article at a time: from the rows a
build has just made for the article (on the worker that holds its Kiwi analyses), or from
an archive's tables; and as rows of the build's own tables, so that an incremental build
keeps them for the articles it does not build again.

An article's beads carry its Korean units as Kiwi gives them, not yet joined into the
archive's own words (보위 + 부 -> 보위부 needs every article: see model.py), with the
English content-word stems the model trains on. Besides its beads, an article gives its
candidate words (nouns the lexicon lacks, counted by sentence for the archive's
vocabulary) and the acronyms its English text expands.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from toolkit.terms.grouping import acronyms
from toolkit.terms.korean import Unit, article_words, can_join, korean_units
from toolkit.terms.renderings import English


@dataclass
class Bead:
    """A linked bead as the terms step sees it."""

    article_id: str
    bead: int
    cert: float
    english: English
    korean: list[tuple[str, list[Unit]]]  # (sentence_id, units) of each Korean sentence

    def units(self) -> list[Unit]:
        return [u for _, units in self.korean for u in units]


@dataclass
class ArticleBeads:
    """One article's part of the terms step (an article without links has none)."""

    article_id: str
    beads: list[Bead]
    words: tuple[str, ...]     # nouns and noun runs the lexicon lacks, once a sentence (korean.article_words)
    acronyms: dict[str, str]   # acronym -> expansion, as the article's English pairs them


def _position(row: dict) -> int:
    return row["position"]


def article_beads(article_id: str, rows: dict[str, list[dict]], known: Container[str]) -> ArticleBeads | None:
    """The article's linked beads from its rows (toolkit.metrics.tables.article_rows, or its
    rows read back from the tables: `archive_beads`); None when it has no links."""
    sentences = {r["sentence_id"]: r for r in rows["sentences"]}
    beads = []
    for link in sorted(rows["links"], key=lambda r: r["bead"]):
        en = sorted((sentences[i] for i in link["en_ids"] if i in sentences), key=_position)
        ko = sorted((sentences[i] for i in link["ko_ids"] if i in sentences), key=_position)
        if en and ko:
            beads.append(Bead(article_id, link["bead"], link["cert"] if link["cert"] is not None else 0.0,
                              English.of(" ".join(s["text"] for s in en)),
                              [(s["sentence_id"], korean_units(s["text"])) for s in ko]))
    if not beads:
        return None
    english = " ".join(r["text"] for r in sorted((r for r in rows["sentences"] if r["lang"] == "en"), key=_position))
    sentences_units = [units for bead in beads for _, units in bead.korean]
    return ArticleBeads(article_id, beads, article_words(sentences_units, known), acronyms(english))


def archive_beads(tables: Path, articles: Sequence[str] | None, known: Container[str]) -> list[ArticleBeads]:
    """`article_beads` of the given articles (all when None) with links, in article order,
    from their rows in the tables (Kiwi analyses their Korean sentences again: for an
    archive whose build did not keep its beads)."""
    import polars as pl

    from toolkit.metrics.summary import scan

    def by_article(table: str, *columns: str) -> dict[str, list[dict]]:
        frame = scan(tables, table)
        if articles is not None:
            frame = frame.filter(pl.col("article_id").is_in(list(articles)))
        out: dict[str, list[dict]] = {}
        for row in frame.select("article_id", *columns).collect().iter_rows(named=True):
            out.setdefault(row["article_id"], []).append(row)
        return out

    links = by_article("links", "bead", "cert", "en_ids", "ko_ids")
    sentences = by_article("sentences", "lang", "sentence_id", "position", "text")
    found = (article_beads(a, {"links": links[a], "sentences": sentences.get(a, [])}, known) for a in sorted(links))
    return [article for article in found if article is not None]


# ---------------------------------------------------------------- the build's own tables

def bead_schemas() -> dict[str, dict]:
    """Schemas of the tables that keep articles' beads (state/terms/ of a build)."""
    import polars as pl

    s, n = pl.String, pl.List(pl.Int32)
    return {
        "beads": {"article_id": s, "bead": pl.Int32, "cert": pl.Float64, "en": s,
                  # the English's words as renderings.English holds them (no need to split it again)
                  "words": pl.List(s), "starts": n, "ends": n, "content": n, "stems": pl.List(s),
                  # the Korean sentences (ids, how many units each) and their units, flat
                  "ko_ids": pl.List(s), "ko_units": n, "keys": pl.List(s), "tags": pl.List(s),
                  "unit_starts": n, "unit_ends": n, "bases": pl.List(s), "glosses": pl.List(pl.Boolean),
                  "joints": pl.List(s),  # Unit.joint (null: modifies no noun)
                  "leads": pl.List(s),  # Unit.lead
                  "joinable": pl.Boolean},  # korean.can_join: without it the keys are the words
        "words": {"article_id": s, "word": s},
        "acronyms": {"article_id": s, "acronym": s, "expansion": s},
    }


def bead_rows(found: Iterable[ArticleBeads]) -> dict[str, list[dict]]:
    """Rows of the tables of `bead_schemas` for these articles (in their order)."""
    out: dict[str, list[dict]] = {"beads": [], "words": [], "acronyms": []}
    for art in found:
        for b in art.beads:
            e, flat = b.english, b.units()
            out["beads"].append({
                "article_id": art.article_id, "bead": b.bead, "cert": b.cert, "en": e.text,
                "words": [w for w, _, _ in e.spans], "starts": [a for _, a, _ in e.spans], "ends": [z for _, _, z in e.spans],
                "content": list(e.content), "stems": list(e.stems), "ko_ids": [sid for sid, _ in b.korean],
                "ko_units": [len(units) for _, units in b.korean], "keys": [u.key for u in flat],
                "tags": [u.tag for u in flat], "unit_starts": [u.start for u in flat],
                "unit_ends": [u.end for u in flat], "bases": [u.base for u in flat],
                "glosses": [u.gloss for u in flat], "joints": [u.joint for u in flat],
                "leads": [u.lead for u in flat],
                "joinable": any(can_join(units) for _, units in b.korean),
            })
        out["words"] += [{"article_id": art.article_id, "word": w} for w in art.words]  # a row a sentence
        out["acronyms"] += [{"article_id": art.article_id, "acronym": a, "expansion": x}
                            for a, x in sorted(art.acronyms.items())]
    return out


KOREAN = ("ko_ids", "ko_units", "keys", "tags", "unit_starts", "unit_ends", "bases", "glosses", "joints",
          "leads")  # of units_of


def units_of(ko_ids, ko_units, keys, tags, starts, ends, bases, glosses, joints, leads) -> list[tuple[str, list[Unit]]]:
    """(sentence_id, units) of each Korean sentence of a `beads` row (its KOREAN columns)."""
    units = [Unit(*fields) for fields in zip(keys, tags, starts, ends, repeat(()), bases, glosses, joints, leads)]
    out, at = [], 0
    for sid, n in zip(ko_ids, ko_units):
        out.append((sid, units[at:at + n]))
        at += n
    return out


def english_of(row: dict) -> English:
    """The English of a `beads` row."""
    return English(row["en"], tuple(zip(row["words"], row["starts"], row["ends"])), tuple(row["content"]),
                   tuple(row["stems"]))


def stored_beads(beads, acronym_rows) -> Iterator[ArticleBeads]:
    """ArticleBeads from rows of the `beads` and `acronyms` tables (each sorted by article;
    an article's candidate words are not needed to render it)."""
    expansions: dict[str, dict[str, str]] = {}
    for row in acronym_rows:
        expansions.setdefault(row["article_id"], {})[row["acronym"]] = row["expansion"]
    current: ArticleBeads | None = None
    for row in beads:
        if current is None or current.article_id != row["article_id"]:
            if current is not None:
                yield current
            current = ArticleBeads(row["article_id"], [], (), expansions.get(row["article_id"], {}))
        current.beads.append(Bead(row["article_id"], row["bead"], row["cert"], english_of(row),
                                  units_of(*(row[c] for c in KOREAN))))
    if current is not None:
        yield current
