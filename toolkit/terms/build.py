"""The terms step over an archive's tables: every term occurrence of its linked beads, how
each is rendered, and the glossary, for an archive whose build did not make them.

A build (toolkit.archive) makes the same tables as a map and a reduce: each article's
beads where the article is built (beads.py), the archive's words and model from all of
them (model.py), each article's rows (rows.py), then the labels. This is the same in one
process, from the `links` and `sentences` tables, so it works on tables made any way.

Memory stays flat in the size of the archive: articles are read `CHUNK_ARTICLES` at a time
and their beads (Kiwi analysed once) kept in pickles beside the tables until the step ends;
what is held across chunks is vocabulary-sized (candidate words, acronyms, the model).
Three passes over the chunks: the vocabulary (words recurring in two sentences or more) and the
number of confident beads, the training data, then the rows, written as part files and
labelled at the end.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from toolkit.files import atomic_path
from toolkit.terms.beads import ArticleBeads, archive_beads
from toolkit.terms.korean import TermVocabulary
from toolkit.terms.model import Training, archive_words, sampling
from toolkit.terms.renderings import CONFIDENT_BEAD, LinkModel
from toolkit.terms.rows import article_term_rows, keyed_schema, write_labelled

CHUNK_ARTICLES = 200


def article_chunks(tables: Path, size: int | None = None) -> list[list[str]]:
    """The ids of the articles with links, sorted, `size` (CHUNK_ARTICLES) at a time."""
    import polars as pl

    from toolkit.metrics.summary import scan

    size = size or CHUNK_ARTICLES
    ids = scan(tables, "links").select(pl.col("article_id").unique()).collect()["article_id"].sort().to_list()
    return [ids[n:n + size] for n in range(0, len(ids), size)]


def fold(articles: Iterator[ArticleBeads], training: Training) -> Training:
    """The training data of these articles (in order)."""
    for article in articles:
        training.add_acronyms(article.acronyms)
        for b in article.beads:
            training.add(b.cert, b.korean, b.english.stems, [b.english.spans[k][0] for k in b.english.content])
    return training


class _Spill:
    """Each chunk's beads in a pickle beside the tables, read back by the later passes."""

    def __init__(self, tables: Path) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=".terms-", dir=tables))
        self.files: list[Path] = []

    def add(self, articles: list[ArticleBeads]) -> None:
        path = self.dir / f"{len(self.files):06d}.pickle"
        with open(path, "wb") as out:
            pickle.dump(articles, out, protocol=pickle.HIGHEST_PROTOCOL)
        self.files.append(path)

    def __iter__(self) -> Iterator[list[ArticleBeads]]:
        for path in self.files:
            with open(path, "rb") as data:
                yield pickle.load(data)  # our own file, written above

    def articles(self) -> Iterator[ArticleBeads]:
        for chunk in self:
            yield from chunk

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def write_term_tables(tables: Path, lexicon=None, model: LinkModel | None = None) -> dict[str, int]:
    """Write tables/terms.parquet and tables/glossary.parquet from the other tables (atomically);
    `model` defaults to one trained on this archive. Returns the row counts."""
    import polars as pl

    from toolkit.align import load_lexicon
    from toolkit.terms.glossary import glossary_frame

    lexicon = lexicon if lexicon is not None else load_lexicon()
    spill = _Spill(tables)
    try:
        # pass 1: Kiwi once per Korean sentence; words recurring across sentences; confident beads
        counts: Counter[str] = Counter()
        confident = 0
        for ids in article_chunks(tables):
            found = archive_beads(tables, ids, lexicon.entries)
            for article in found:
                counts.update(article.words)
                confident += sum(b.cert >= CONFIDENT_BEAD for b in article.beads)
            spill.add(found)
        words = TermVocabulary(lexicon.entries, archive_words(counts.items()))
        # pass 2: the training data, then the model (or the one given)
        training = fold(spill.articles(), Training(lexicon.entries, words, sampling(confident)))
        term_model = training.model() if model is None else training.model_of(model)
        del training
        # pass 3: keyed rows in part files, labelled over the whole archive at the end
        parts: list[Path] = []
        for found in spill:
            rows = [row for article in found for row in article_term_rows(article, term_model, lexicon)]
            parts.append(spill.dir / f"terms-{len(parts):06d}.parquet")
            pl.DataFrame(rows, schema=keyed_schema()).write_parquet(parts[-1])
        keyed = pl.scan_parquet(parts, schema=keyed_schema()) if parts else pl.LazyFrame([], schema=keyed_schema())
        n_terms = write_labelled(keyed, tables / "terms.parquet")
    finally:
        spill.close()
    glossary = glossary_frame(tables)
    with atomic_path(tables / "glossary.parquet") as tmp:
        glossary.write_parquet(tmp)
    return {"terms": n_terms, "glossary": glossary.height}
