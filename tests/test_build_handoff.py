"""What one pass of a build hands the next: part files and Kiwi's analyses (speed5).

Behaviour only, nothing timed: a part file holds exactly the frame its rows make, and a
worker keeps the analyses it leaves for the others without reading its own file back,
while it still reads the files other workers leave.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import polars as pl

from conftest import repo_root


def test_a_part_file_holds_the_frame_its_rows_make(tmp_path) -> None:
    from toolkit.archive.sink import write_part

    schema = {"article_id": pl.String, "units": pl.List(pl.Int64), "cert": pl.Float64, "count": pl.Int64,
              "kept": pl.Boolean, "note": pl.String}
    rows = [
        {"article_id": "a1", "units": [1, 2], "cert": 1, "count": 3, "kept": True, "note": "x"},
        {"article_id": "a1", "cert": 0.25, "count": 2.0, "kept": 0},  # missing keys; an int and a float to cast
        {"article_id": "a2", "units": [], "cert": None, "count": None, "kept": None, "note": 7, "extra": "?"},
    ]
    write_part(tmp_path / "part.arrow", schema, rows)
    got = pl.read_ipc(tmp_path / "part.arrow")
    assert got.schema == pl.Schema(schema)
    assert got.equals(pl.DataFrame(rows, schema=schema))  # what the rows' own constructor gives
    assert got.row(1) == ("a1", None, 0.25, 2, False, None) and got["note"].to_list() == ["x", None, "7"]
    write_part(tmp_path / "empty.arrow", schema, [])
    assert pl.read_ipc(tmp_path / "empty.arrow").equals(pl.DataFrame([], schema=schema))


def test_pass_two_reads_each_sentence_as_pass_one_did(tmp_path, monkeypatch) -> None:
    """Each Korean sentence is read as Kiwi read it in its paragraph: Kiwi splits each paragraph
    once and never analyses a sentence of it again, and pass two (another process, maybe) is
    handed pass one's analyses, which are those of the paragraphs' splits."""
    import toolkit.archive.passes as passes
    import toolkit.segment as segment
    from toolkit.archive import build_archive

    segment._split_korean.cache_clear()
    segment.korean_tokens.cache_clear()
    segment._ONE_SENTENCE.clear()
    real, asked = segment.kiwi(), []

    class Counting:
        def split_into_sents(self, text, **options):
            return real.split_into_sents(text, **options)

        def tokenize(self, text):
            asked.append(text)
            return real.tokenize(text)

    monkeypatch.setattr(segment, "kiwi", lambda: Counting())
    dumped = []
    real_dump = passes._dump
    monkeypatch.setattr(passes, "_dump", lambda path, value: (dumped.append((path, value)), real_dump(path, value)))
    corpus = tmp_path / "corpus"
    for name in ("dprk-floods", "rfa-defectors"):
        shutil.copytree(repo_root() / "fixtures" / "corpus" / name, corpus / name)
    assert build_archive(corpus, tmp_path / "archive", progress=False, chunk=1).ok
    handed = [value for path, value in dumped if "/articles/" in str(path)]
    assert len(handed) == 2
    for en, ko, alignment, keys, tokens, previous in handed:
        assert tokens == segment.article_analyses(ko) and len(tokens) == len({s.text for s in ko.sentences})
        for s in ko.sentences:
            key, analysis = tokens[s.text]
            assert key[0] == s.text
            assert all(0 <= start and start + n <= len(s.text) for _, _, _, start, n in analysis)
    sentences = {s.text for value in handed for s in value[1].sentences}
    assert not sentences & set(asked)  # no sentence of a paragraph analysed alone
