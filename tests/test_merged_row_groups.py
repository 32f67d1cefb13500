"""A merged table's bytes do not depend on how its rows were cut into part files.

The chunks (and so the parts) follow the number of workers, and an incremental build merges
the previous table's rows with new parts: the archive must come out byte-identical either way
(`--workers 1` and `--workers 2`, a clean build and an incremental one)."""

from __future__ import annotations

import hashlib

import pyarrow.parquet as pq

from toolkit.archive.sink import combine, learning_schemas, write_part

ROWS = 260_000  # more than a row group: below one, every layout gives one group anyway


def _rows() -> list[dict]:
    return [{"article_id": f"art-{i // 40:05d}", "kind": "word", "key": f"k{i % 997}", "value": f"v{i % 13}",
             "count": i % 7} for i in range(ROWS)]


def _merged(tmp_path, name: str, cuts: list[int], previous_until: int = 0) -> tuple[str, list[int]]:
    schema = learning_schemas()["counts"]
    rows = _rows()
    folder = tmp_path / name
    folder.mkdir()
    previous = None
    keep: list[str] = []
    if previous_until:  # an incremental build: the first articles kept from the previous table
        previous = folder / "previous.parquet"
        combine(previous, schema, [_part(folder / "old.arrow", schema, rows[:previous_until])])
        keep = sorted({r["article_id"] for r in rows[:previous_until]})
    bounds = [previous_until, *cuts, ROWS]
    parts = [_part(folder / f"{j:03d}.arrow", schema, rows[a:b]) for j, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    out = folder / "counts.parquet"
    combine(out, schema, parts, previous, keep)
    meta = pq.ParquetFile(out).metadata
    return hashlib.sha256(out.read_bytes()).hexdigest(), [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def _part(path, schema, rows):
    write_part(path, schema, rows)
    return path


def test_a_merged_table_is_the_same_bytes_however_its_rows_were_cut_into_parts(tmp_path) -> None:
    one = _merged(tmp_path, "one", [])
    four = _merged(tmp_path, "four", [ROWS // 4, ROWS // 2, 3 * ROWS // 4])
    many = _merged(tmp_path, "many", list(range(10_000, ROWS, 10_000)))
    kept = _merged(tmp_path, "kept", [200_000], previous_until=120_000)
    assert len(one[1]) > 1  # the table spans several row groups
    assert four == one
    assert many == one
    assert kept == one
