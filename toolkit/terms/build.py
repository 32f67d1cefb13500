"""The terms step of a build: every term occurrence of the archive's linked beads, how each
is rendered, and the glossary.

It runs once the alignment pass has written the `links` and `sentences` tables, over the
whole archive and not article by article, because the word-alignment model that finds the
renderings is trained on the archive's own confident beads (with the lexicon as its prior):
a reduce over all articles has to come before any rendering can be found. The step reads
the tables, so it works the same on an archive built in one process or on many workers.

Rows are one per term and bead: a term met in two Korean sentences of one bead counts once,
since the bead is the smallest unit the English can be traced to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.files import atomic_path
from toolkit.terms.grouping import acronyms, group_key, group_labels
from toolkit.terms.korean import (Occurrence, TermVocabulary, Unit, korean_units, merge_known,
                                  recurring_words, term_occurrences)
from toolkit.terms.renderings import CONFIDENT_BEAD, English, LinkModel, render


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


def read_beads(tables: Path) -> tuple[list[Bead], dict[str, str]]:
    """The archive's linked beads with their texts, in (article_id, bead) order, and the
    English text of each article (for the acronyms it expands)."""
    import polars as pl

    from toolkit.metrics.summary import scan

    links = scan(tables, "links").select("article_id", "bead", "cert", "en_ids", "ko_ids")
    sentences = scan(tables, "sentences").select("article_id", "sentence_id", "position", "text")

    def side(ids: str):
        return (links.select("article_id", "bead", pl.col(ids).alias("sentence_id")).explode("sentence_id")
                .join(sentences, on=["article_id", "sentence_id"])
                .group_by("article_id", "bead")
                .agg(pl.col("sentence_id").sort_by("position").alias(f"{ids}_sorted"),
                     pl.col("text").sort_by("position").alias(f"{ids}_texts")))

    frame = (links.select("article_id", "bead", "cert")
             .join(side("en_ids"), on=["article_id", "bead"])
             .join(side("ko_ids"), on=["article_id", "bead"])
             .sort("article_id", "bead").collect())
    beads = [
        Bead(a, b, cert if cert is not None else 0.0, English.of(" ".join(en_texts)),
             [(sid, korean_units(text)) for sid, text in zip(ko_ids, ko_texts)])
        for a, b, cert, _, en_texts, ko_ids, ko_texts in frame.select(
            "article_id", "bead", "cert", "en_ids_sorted", "en_ids_texts", "ko_ids_sorted", "ko_ids_texts").iter_rows()
    ]
    english = (scan(tables, "sentences").filter(pl.col("lang") == "en")
               .group_by("article_id").agg(pl.col("text").sort_by("position").str.join(" "))
               .collect())
    return beads, dict(english.iter_rows())


def vocabulary(beads: Sequence[Bead], known) -> TermVocabulary:
    """Lexicon keys plus the words the lexicon lacks that recur across the archive's articles;
    the beads' units are merged into those words in place (보위 + 부 -> 보위부)."""
    by_article: dict[str, list[list[Unit]]] = {}
    for bead in beads:
        by_article.setdefault(bead.article_id, []).extend(units for _, units in bead.korean)
    words = TermVocabulary(known, recurring_words(by_article.values(), known))
    for bead in beads:
        bead.korean = [(sid, merge_known(units, words.has)) for sid, units in bead.korean]
    return words


def train_model(beads: Iterable[Bead], lexicon, english_of: dict[str, str] | None = None,
                min_cert: float = CONFIDENT_BEAD) -> LinkModel:
    """The word-alignment model, trained on the confident beads with the lexicon as prior
    (acronyms share the prior of the expansions the articles give them)."""
    from toolkit.align.english import stem
    from toolkit.align.wordalign import phrase_stems, train_link_model

    entries = dict(lexicon.entries)
    for b in beads:  # a joined word the lexicon lacks starts from what its parts mean (교류 + 협력)
        for u in b.units():
            if u.parts and u.key not in entries:
                entries[u.key] = frozenset(p for part in u.parts for p in lexicon.entries.get(part, ()))
    pairs, surface = [], {}
    for b in beads:
        if b.cert < min_cert:
            continue
        pairs.append(([u.key for u in b.units()], list(b.english.stems)))
        for k, s in zip(b.english.content, b.english.stems):
            surface.setdefault(s, b.english.spans[k][0])
    aliases: dict[str, set[tuple[str, ...]]] = {}
    for text in (english_of or {}).values():
        for acronym, expansion in acronyms(text).items():
            aliases.setdefault(stem(acronym), set()).add(phrase_stems(expansion))
    return train_link_model(pairs, entries, surface=surface, aliases=aliases)


def bead_terms(bead: Bead, is_term) -> list[tuple[str, Occurrence]]:
    """(Korean sentence id, occurrence) of each term of the bead, unit indices counted over the
    whole bead; a term met in two of its sentences is kept where it is met first."""
    out: dict[str, tuple[str, Occurrence]] = {}
    offset = 0
    for sentence_id, units in bead.korean:
        for occ in term_occurrences(units, is_term):
            if occ.term not in out:
                out[occ.term] = (sentence_id, Occurrence(occ.term, tuple(offset + i for i in occ.units)))
        offset += len(units)
    return list(out.values())


def term_rows(beads: Sequence[Bead], english_of: dict[str, str], is_term, model: LinkModel,
              entries=None) -> list[dict]:
    """Rows of the terms table, rendering groups labelled over the whole archive; `entries`
    (the lexicon's: Korean key -> stem tuples) lets a rendering grow to a whole lexicon phrase."""
    entries = entries or {}
    rows: list[dict] = []
    expansions: dict[str, dict[str, str]] = {}
    for bead in beads:
        found = bead_terms(bead, is_term)
        if not found:
            continue
        posteriors = model.link_posteriors([u.key for u in bead.units()], bead.english.stems)
        for sentence_id, occ in found:
            result = render(occ.units, posteriors, bead.english, bead.cert, sorted(entries.get(occ.term, ())))
            key = None
            if result.text is not None:
                if bead.article_id not in expansions:
                    expansions[bead.article_id] = acronyms(english_of.get(bead.article_id, ""))
                key = group_key(result.text, expansions[bead.article_id])
            rows.append({
                "article_id": bead.article_id, "bead": bead.bead, "sentence_id": sentence_id,
                "ko_term": occ.term, "status": result.status, "en_rendering": result.text,
                "rendering_group": key, "confidence": round(result.confidence, 4),
            })
    labels = group_labels((r["rendering_group"], r["en_rendering"]) for r in rows if r["rendering_group"])
    for row in rows:
        if row["rendering_group"] is not None:
            row["rendering_group"] = labels[row["rendering_group"]]
    return rows


def write_term_tables(tables: Path, lexicon=None, model: LinkModel | None = None) -> dict[str, int]:
    """Write tables/terms.parquet and tables/glossary.parquet from the other tables (atomically);
    `model` defaults to one trained on this archive. Returns the row counts."""
    from toolkit.align import load_lexicon
    from toolkit.metrics.tables import frame
    from toolkit.terms.glossary import glossary_frame

    lexicon = lexicon if lexicon is not None else load_lexicon()
    beads, english_of = read_beads(tables)
    is_term = vocabulary(beads, lexicon.entries)
    if model is None:
        model = train_model(beads, lexicon, english_of)
    rows = term_rows(beads, english_of, is_term, model, lexicon.entries)
    with atomic_path(tables / "terms.parquet") as tmp:
        frame("terms", rows).write_parquet(tmp)
    glossary = glossary_frame(tables)
    with atomic_path(tables / "glossary.parquet") as tmp:
        glossary.write_parquet(tmp)
    return {"terms": len(rows), "glossary": glossary.height}
