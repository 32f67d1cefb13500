"""The terms step of a build: every term occurrence of the archive's linked beads, how each
is rendered, and the glossary.

It runs once the alignment pass has written the `links` and `sentences` tables, over the
whole archive and not article by article, because the word-alignment model that finds the
renderings is trained on the archive's own confident beads (with the lexicon as its prior):
a reduce over all articles has to come before any rendering can be found. The step reads
the tables, so it works the same on an archive built in one process or on many workers.

Memory stays flat in the size of the archive: articles are read `CHUNK_ARTICLES` at a time
and their beads (Kiwi analysed once) kept in pickles beside the tables until the step ends;
what is held across chunks is vocabulary-sized (recurring words, acronyms, the model), and
the model trains on at most `MAX_TRAINING_BEADS` confident beads (every k-th beyond that;
none longer than `MAX_TRAINING_CELLS` word pairs).
Three passes over the chunks: the vocabulary (words recurring across articles, acronyms),
the training pairs, then the rows, written as part files and combined at the end, when the
labels of the rendering groups (their most frequent forms over the archive) are known.

Rows are one per term and bead: a term met in two Korean sentences of one bead counts once,
since the bead is the smallest unit the English can be traced to.
"""

from __future__ import annotations

import math
import pickle
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.files import atomic_path
from toolkit.terms.grouping import acronyms, form_label, group_key, labels_from_counts
from toolkit.terms.korean import (Occurrence, TermVocabulary, Unit, article_words, korean_units,
                                  merge_known, recurring_words, term_occurrences)
from toolkit.terms.renderings import CONFIDENT_BEAD, English, LinkModel, render, rivals

CHUNK_ARTICLES = 200
MAX_TRAINING_BEADS = 50_000
MAX_TRAINING_CELLS = 40_000  # Korean words x English words: a longer bead teaches Model 1 little


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


def read_beads(tables: Path, articles: Sequence[str] | None = None) -> tuple[list[Bead], dict[str, str]]:
    """The linked beads of `articles` (all when None) with their texts, in (article_id, bead)
    order, and the English text of each article (for the acronyms it expands)."""
    import polars as pl

    from toolkit.metrics.summary import scan

    def only(frame):
        return frame if articles is None else frame.filter(pl.col("article_id").is_in(list(articles)))

    links = only(scan(tables, "links")).select("article_id", "bead", "cert", "en_ids", "ko_ids")
    sentences = only(scan(tables, "sentences")).select("article_id", "lang", "sentence_id", "position", "text")

    def side(ids: str):
        return (links.select("article_id", "bead", pl.col(ids).alias("sentence_id")).explode("sentence_id")
                .join(sentences.drop("lang"), on=["article_id", "sentence_id"])
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
    english = (sentences.filter(pl.col("lang") == "en")
               .group_by("article_id").agg(pl.col("text").sort_by("position").str.join(" "))
               .collect())
    return beads, dict(english.iter_rows())


def article_chunks(tables: Path, size: int | None = None) -> list[list[str]]:
    """The ids of the articles with links, sorted, `size` (CHUNK_ARTICLES) at a time."""
    import polars as pl

    from toolkit.metrics.summary import scan

    size = size or CHUNK_ARTICLES
    ids = scan(tables, "links").select(pl.col("article_id").unique()).collect()["article_id"].sort().to_list()
    return [ids[n:n + size] for n in range(0, len(ids), size)]


def merged(beads: Sequence[Bead], words: TermVocabulary) -> list[Bead]:
    """The beads with their Korean units joined into the archive's words (보위 + 부 -> 보위부)."""
    for bead in beads:
        bead.korean = [(sid, merge_known(units, words.has)) for sid, units in bead.korean]
    return list(beads)


def vocabulary(beads: Sequence[Bead], known) -> TermVocabulary:
    """Lexicon keys plus the words the lexicon lacks that recur across the beads' articles;
    the beads' units are merged into those words in place."""
    words = TermVocabulary(known, recurring_words(_by_article(beads).values(), known))
    merged(beads, words)
    return words


def _by_article(beads: Sequence[Bead]) -> dict[str, list[list[Unit]]]:
    out: dict[str, list[list[Unit]]] = {}
    for bead in beads:
        out.setdefault(bead.article_id, []).extend(units for _, units in bead.korean)
    return out


def training_pairs(beads: Sequence[Bead], lexicon_entries, entries: dict, surface: dict, every: int = 1,
                   min_cert: float = CONFIDENT_BEAD, seen: list[int] | None = None) -> list[tuple[list[str], list[str]]]:
    """(Korean words, English stems) of every `every`-th confident bead. Fills `surface` (stem
    -> a written word, for the sound test) and `entries` (a joined word the lexicon lacks
    starts from what its parts mean: 교류 + 협력); `seen` counts confident beads across calls."""
    seen = seen if seen is not None else [0]
    pairs = []
    for b in beads:
        for u in b.units():
            if u.parts and u.key not in entries:
                entries[u.key] = frozenset(p for part in u.parts for p in lexicon_entries.get(part, ()))
        if b.cert < min_cert:
            continue
        seen[0] += 1
        ko = [u.key for u in b.units()]
        if (seen[0] - 1) % every or len(ko) * len(b.english.stems) > MAX_TRAINING_CELLS:
            continue
        pairs.append((ko, list(b.english.stems)))
        for k, s in zip(b.english.content, b.english.stems):
            surface.setdefault(s, b.english.spans[k][0])
    return pairs


def train_model(beads: Sequence[Bead], lexicon, expansions: dict[str, dict[str, str]] | None = None,
                min_cert: float = CONFIDENT_BEAD) -> LinkModel:
    """The word-alignment model, trained on the confident beads with the lexicon as prior
    (acronyms share the prior of the expansions the articles give them)."""
    entries, surface = dict(lexicon.entries), {}
    pairs = training_pairs(beads, lexicon.entries, entries, surface, min_cert=min_cert)
    return _trained(pairs, entries, surface, expansions or {})


def _trained(pairs, entries, surface, expansions: dict[str, dict[str, str]]) -> LinkModel:
    from toolkit.align.english import stem
    from toolkit.align.wordalign import phrase_stems, train_link_model

    aliases: dict[str, set[tuple[str, ...]]] = {}
    for found in expansions.values():
        for acronym, expansion in found.items():
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


def keyed_rows(beads: Sequence[Bead], expansions: dict[str, dict[str, str]], is_term, model: LinkModel,
               entries=None) -> list[dict]:
    """Rows of the terms table with `rendering_group` still a group key (see `term_rows`)."""
    entries = entries or {}
    rows: list[dict] = []
    for bead in beads:
        found = bead_terms(bead, is_term)
        if not found:
            continue
        posteriors = model.link_posteriors([u.key for u in bead.units()], bead.english.stems)
        top = rivals(posteriors)
        for sentence_id, occ in found:
            result = render(occ.units, posteriors, bead.english, bead.cert, sorted(entries.get(occ.term, ())), top)
            key = group_key(result.text, expansions.get(bead.article_id, {})) if result.text is not None else None
            rows.append({
                "article_id": bead.article_id, "bead": bead.bead, "sentence_id": sentence_id,
                "ko_term": occ.term, "status": result.status, "en_rendering": result.text,
                "rendering_group": key, "confidence": round(result.confidence, 4),
            })
    return rows


def term_rows(beads: Sequence[Bead], expansions: dict[str, dict[str, str]], is_term, model: LinkModel,
              entries=None) -> list[dict]:
    """Rows of the terms table, rendering groups labelled over these beads; `entries` (the
    lexicon's: Korean key -> stem tuples) lets a rendering grow to a whole lexicon phrase."""
    rows = keyed_rows(beads, expansions, is_term, model, entries)
    labels = labels_from_counts(Counter((r["rendering_group"], form_label(r["en_rendering"]))
                                        for r in rows if r["rendering_group"]))
    for row in rows:
        if row["rendering_group"] is not None:
            row["rendering_group"] = labels[row["rendering_group"]]
    return rows


class _Spill:
    """Each chunk's beads in a pickle beside the tables, read back by the later passes."""

    def __init__(self, tables: Path) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=".terms-", dir=tables))
        self.files: list[Path] = []

    def add(self, beads: list[Bead]) -> None:
        path = self.dir / f"{len(self.files):06d}.pickle"
        with open(path, "wb") as out:
            pickle.dump(beads, out, protocol=pickle.HIGHEST_PROTOCOL)
        self.files.append(path)

    def __iter__(self) -> Iterator[list[Bead]]:
        for path in self.files:
            with open(path, "rb") as data:
                yield pickle.load(data)  # our own file, written above

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def write_term_tables(tables: Path, lexicon=None, model: LinkModel | None = None) -> dict[str, int]:
    """Write tables/terms.parquet and tables/glossary.parquet from the other tables (atomically);
    `model` defaults to one trained on this archive. Returns the row counts."""
    import polars as pl

    from toolkit.align import load_lexicon
    from toolkit.metrics.tables import frame, schemas
    from toolkit.terms.glossary import glossary_frame

    lexicon = lexicon if lexicon is not None else load_lexicon()
    spill = _Spill(tables)
    try:
        # pass 1: Kiwi once per Korean sentence; words recurring across articles; acronyms
        expansions: dict[str, dict[str, str]] = {}
        recurring: Counter[str] = Counter()
        confident = 0
        for ids in article_chunks(tables):
            beads, english_of = read_beads(tables, ids)
            expansions.update({a: found for a, text in english_of.items() if (found := acronyms(text))})
            for sentences in _by_article(beads).values():
                recurring.update(article_words(sentences, lexicon.entries))
            confident += sum(b.cert >= CONFIDENT_BEAD for b in beads)
            spill.add(beads)
        words = TermVocabulary(lexicon.entries, frozenset(w for w, n in recurring.items() if n >= 2))
        # pass 2: the model, on the confident beads (every k-th beyond MAX_TRAINING_BEADS)
        entries, surface, pairs, seen = dict(lexicon.entries), {}, [], [0]
        every = max(1, math.ceil(confident / MAX_TRAINING_BEADS))
        for beads in spill:
            pairs += training_pairs(merged(beads, words), lexicon.entries, entries, surface, every, seen=seen)
        if model is None:
            model = _trained(pairs, entries, surface, expansions)
        del pairs
        # pass 3: rows, in part files; the group labels need the counts of the whole archive
        counts: Counter[tuple[str, str]] = Counter()
        parts: list[Path] = []
        for beads in spill:
            rows = keyed_rows(merged(beads, words), expansions, words, model, entries)
            counts.update((r["rendering_group"], form_label(r["en_rendering"])) for r in rows if r["rendering_group"])
            parts.append(spill.dir / f"terms-{len(parts):06d}.parquet")
            frame("terms", rows).write_parquet(parts[-1])
        labels = labels_from_counts(counts)
        for part in parts:  # keys -> labels, part by part (a join would reorder the rows)
            pl.read_parquet(part).with_columns(
                pl.col("rendering_group").replace_strict(labels, default=None, return_dtype=pl.String)
            ).write_parquet(part)
        with atomic_path(tables / "terms.parquet") as tmp:
            if parts:
                pl.scan_parquet(parts, schema=schemas()["terms"]).sink_parquet(tmp, maintain_order=True)
            else:
                frame("terms", []).write_parquet(tmp)
        n_terms = pl.scan_parquet(tables / "terms.parquet").select(pl.len()).collect().item()
    finally:
        spill.close()
    glossary = glossary_frame(tables)
    with atomic_path(tables / "glossary.parquet") as tmp:
        glossary.write_parquet(tmp)
    return {"terms": n_terms, "glossary": glossary.height}
