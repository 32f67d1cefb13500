"""toolkit.archive.frames: the part files' frames are the ones polars' own constructor makes."""

from __future__ import annotations

import polars as pl
import pytest

from toolkit.archive.frames import frame

SCHEMA = {"article_id": pl.String, "bead": pl.Int32, "cert": pl.Float64, "words": pl.List(pl.String),
          "starts": pl.List(pl.Int32), "glosses": pl.List(pl.Boolean), "joinable": pl.Boolean}

ROWS = [
    {"article_id": "a01", "bead": 0, "cert": 0.93, "words": ["The", "ministry", "said"], "starts": [0, 4, 13],
     "glosses": [False, True, False], "joinable": True},
    {"article_id": "a01", "bead": 1, "cert": None, "words": [], "starts": None, "glosses": [None], "joinable": None},
    {"article_id": "a02", "bead": 7, "words": ["통일부는", "이날", "밝혔다"]},  # keys missing: nulls
]


def _polars(schema: dict, rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame({name: [row.get(name) for row in rows] for name in schema}, schema=schema, strict=False)


def _same(a: pl.DataFrame, b: pl.DataFrame) -> bool:
    return a.schema == b.schema and a.equals(b, null_equal=True)


def test_plain_rows_go_through_pyarrow_and_give_polars_frame(monkeypatch):
    import pyarrow as pa

    taken = []

    original = pa.table
    monkeypatch.setattr(pa, "table", lambda *a, **k: taken.append(1) or original(*a, **k))
    got = frame(SCHEMA, ROWS)
    assert taken, "plain rows with list columns take the pyarrow way"
    assert _same(got, _polars(SCHEMA, ROWS))
    assert got["words"].to_list()[2] == ["통일부는", "이날", "밝혔다"]
    assert got["cert"].to_list() == [0.93, None, None]


@pytest.mark.parametrize("column, value", [
    ("cert", 1),  # an int in a float column: polars casts it to 1.0
    ("article_id", 3),  # a number in a text column: polars writes "3"
    ("bead", True),  # a bool in an int column
    ("bead", 2**40),  # past Int32: polars gives null
    ("starts", [2**40]),  # the same inside a list
    ("starts", [1.0]),  # a float in an int list
    ("glosses", [1]),  # an int in a bool list
    ("words", ("a", "b")),  # a tuple for a list
    ("words", ["a", 5]),  # a number among words
])
def test_values_polars_casts_give_its_frame(column, value):
    rows = [dict(ROWS[0]), dict(ROWS[1], **{column: value})]
    assert _same(frame(SCHEMA, rows), _polars(SCHEMA, rows))


def test_no_rows_and_flat_tables():
    assert _same(frame(SCHEMA, []), _polars(SCHEMA, []))
    flat = {"article_id": pl.String, "count": pl.Int64}
    rows = [{"article_id": "a03", "count": 2}, {"article_id": "a04"}]
    assert _same(frame(flat, rows), _polars(flat, rows))
