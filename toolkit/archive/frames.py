"""Table rows (dicts) to a polars frame, as `pl.DataFrame(columns, schema=, strict=False)` makes it.

That constructor turns every inner list of a list column into a Series of its own in Python
(the terms beads' thirteen list columns: 0.16 of a 200-article build's 0.2 CPU s of frames,
speed22); pyarrow converts the same lists in C. The two agree where every value already has
the schema's own Python type (str, int, float, bool, list, None); where one does not (an int in
a float column, a number in a text column, an int past Int32), polars' casts are the answer and
its constructor is used, so the frame is the same for any rows.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

_SCALARS = {"String": str, "Int8": int, "Int16": int, "Int32": int, "Int64": int,
            "UInt8": int, "UInt16": int, "UInt32": int, "UInt64": int, "Float64": float, "Boolean": bool}


def _plain(dtype, values: list) -> bool:
    """Whether every value is None or of the Python type `dtype` holds (bool is not an int here)."""
    import polars as pl

    if isinstance(dtype, pl.List):
        if not set(map(type, values)) <= {list, type(None)}:
            return False
        return _plain(dtype.inner, list(chain.from_iterable(v for v in values if v is not None)))
    kind = _SCALARS.get(dtype.__name__ if isinstance(dtype, type) else type(dtype).__name__)  # pl.String or pl.String()
    return kind is not None and set(map(type, values)) <= {kind, type(None)}


@lru_cache(maxsize=64)
def _arrow_schema(schema: tuple):
    """The pyarrow schema polars writes for `schema` (its (name, dtype) pairs)."""
    import polars as pl

    return pl.DataFrame(schema=dict(schema)).to_arrow().schema


def frame(schema: dict, rows: list[dict]):
    """The frame of `rows` under `schema` (a column a row lacks is null)."""
    import polars as pl
    import pyarrow as pa

    columns = {name: [row.get(name) for row in rows] for name in schema}
    # flat columns: polars' own constructor is as fast as the way through pyarrow
    if any(isinstance(dtype, pl.List) for dtype in schema.values()) \
            and all(_plain(dtype, columns[name]) for name, dtype in schema.items()):
        types = _arrow_schema(tuple(schema.items()))
        try:
            table = pa.table({name: pa.array(columns[name], type=types.field(name).type) for name in schema},
                             schema=types)
        except (pa.ArrowInvalid, OverflowError):  # an int past its column's width: polars' casts decide
            pass
        else:
            return pl.from_arrow(table)
    return pl.DataFrame(columns, schema=schema, strict=False)
