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


def test_a_worker_keeps_its_own_analyses_without_reading_them_back(tmp_path, monkeypatch) -> None:
    import toolkit.archive.passes as passes
    from toolkit.archive import build_archive
    from toolkit.segment import korean_tokens

    read: list[str] = []
    real = passes._load_result

    def counting(path):
        read.append(str(path))
        return real(path)

    monkeypatch.setattr(passes, "_load_result", counting)
    monkeypatch.setattr(passes, "SHARED_EVERY", 0.0)  # list the folder before every chunk
    monkeypatch.setattr(passes, "_SHARED", {})
    monkeypatch.setattr(passes, "_SHARED_READ", set())
    monkeypatch.setattr(passes, "_SHARED_LISTED", {})
    corpus = tmp_path / "corpus"
    for name in ("dprk-floods", "dprk-rice-prices", "rfa-defectors"):
        shutil.copytree(repo_root() / "fixtures" / "corpus" / name, corpus / name)
    assert build_archive(corpus, tmp_path / "archive", progress=False, chunk=1).ok
    assert not [p for p in read if "/kiwi/" in p]  # three chunks, none of its own files read back
    # ... and what it kept is what reading them would have given: each sentence's analysis
    assert len(passes._SHARED) > 10
    assert all(passes._SHARED[text] == korean_tokens(text) for text in passes._SHARED)

    # a file another worker left is still read
    work = tmp_path / "work"
    (work / "kiwi").mkdir(parents=True)
    other = {"다른 작업자가 분석한 문장입니다.": (("다른", "MM", "다른", 0, 2),)}
    with open(work / "kiwi" / "other.pickle", "wb") as out:
        pickle.dump(other, out)
    assert passes.shared_analyses(Path(work))["다른 작업자가 분석한 문장입니다."] == other["다른 작업자가 분석한 문장입니다."]
    assert str(work / "kiwi" / "other.pickle") in read
