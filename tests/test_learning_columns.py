"""The learning tables a build keeps (learner counts, looked-up keys) are written from columns,
never from dict rows (speed23): the frame must be the one the rows would give, in the same order."""

from __future__ import annotations

from collections import Counter

import polars as pl

from conftest import repo_root

CORPUS = repo_root() / "fixtures" / "corpus"


def test_columns_write_the_frame_their_rows_write(tmp_path) -> None:
    from toolkit.archive.sink import write_columns, write_part

    schema = {"article_id": pl.String, "kind": pl.String, "count": pl.Int64, "share": pl.Float64}
    rows = [{"article_id": "a1", "kind": "ko", "count": 3, "share": 1},  # an int where a float goes: cast
            {"article_id": "a1", "kind": None, "count": 2.0, "share": 0.5},
            {"article_id": "a2", "kind": "n", "count": None, "share": None}]
    write_part(tmp_path / "rows.arrow", schema, rows)
    write_columns(tmp_path / "columns.arrow", schema, {name: [r[name] for r in rows] for name in schema})
    assert pl.read_ipc(tmp_path / "columns.arrow").equals(pl.read_ipc(tmp_path / "rows.arrow"))
    assert (tmp_path / "columns.arrow").read_bytes() == (tmp_path / "rows.arrow").read_bytes()


def test_an_articles_counts_are_the_learners_in_one_order() -> None:
    """contribution's tuples hold every count the learner kept, once, sorted by (kind, key, value)
    as the dict rows were: the order the state's counts table is written in."""
    from toolkit.align import LexiconLearner, align, load_lexicon
    from toolkit.archive.learning import contribution
    from toolkit.archive.sink import COUNT_COLUMNS
    from toolkit.archive.sources import corpus_articles, load_pair

    assert COUNT_COLUMNS == ("kind", "key", "value", "count")
    lexicon, seen = load_lexicon(), Counter()
    for _, folder in corpus_articles(CORPUS):
        en, ko = load_pair(folder)
        if ko is None:
            continue
        alignment = align(en.sentences, ko.sentences, lexicon)
        rows = contribution(en, ko, alignment, lexicon)
        learner = LexiconLearner(known=lexicon)
        learner.observe(en.sentences, ko.sentences, alignment)
        held = {("n", "", ""): learner.n} if learner.n else {}
        held |= {("ko", k, ""): c for k, c in learner.ko.items()} | {("en", e, ""): c for e, c in learner.en.items()}
        held |= {("joint", k, e): c for (k, e), c in learner.joint.items()}
        held |= {("surface", s, w): c for s, words in learner.surface.items() for w, c in words.items()}
        assert [row[:3] for row in rows] == sorted(held)  # each (kind, key, value) once, in order
        assert {row[:3]: row[3] for row in rows} == held
        seen.update(row[0] for row in rows)
    assert {"n", "ko", "en", "joint", "surface"} <= set(seen)  # the fixtures exercise every kind
