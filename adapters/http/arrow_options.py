"""Apache Arrow IPC streams for the options compute endpoints.

`application/vnd.apache.arrow.stream` in: one table (any number of record batches) whose
columns are named as the JSON fields: numeric columns of any integer or floating type (cast to
float64), `right` a string column ("call" / "put"). Optional columns (rate, dividend_yield,
right) may be left out: their defaults apply to every row. Nulls are refused like NaN (422
naming the row). An unknown or missing column, or a column of the wrong type, is 400
VALIDATION_ERROR naming it; bytes that are no Arrow stream are 400 MALFORMED_ARROW.

Out (when the request's Accept names the Arrow type): one record batch, a float64 column per
output (volatility NaN where none fits; `reason` dictionary-encoded strings), the units in each
field's metadata (`unit`) and in the schema's metadata (`units`, a JSON object), plus
`backend` and `count` in the schema metadata.

pyarrow (with pandas, ~60 MB resident and ~0.8 s of CPU to import) is imported by the first
Arrow request, not with the routes: a process that never gets one never loads it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from litestar.exceptions import ValidationException

from adapters.http.analytics.options_compute_schemas import (
    GREEKS_UNITS,
    IMPLIED_VOL_UNITS,
    greeks_arrays,
)
from application.analytics.options_compute import NUMERIC_FIELDS, Column, InvalidOptionsInput
from domain.analytics.options.bsm import Greeks
from domain.analytics.options.implied_vol import ImpliedVols, IVReason

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]  # no stubs

ARROW_STREAM = "application/vnd.apache.arrow.stream"
MALFORMED_ARROW = "MALFORMED_ARROW"


@cache
def _reason_names() -> Any:
    import pyarrow as pa

    return pa.array([reason.name for reason in IVReason], type=pa.string())


class MalformedArrow(ValueError):
    """The body is not an Arrow IPC stream (400 MALFORMED_ARROW)."""

    code = MALFORMED_ARROW


def read_columns(
    raw: bytes, fields: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Column]:
    """The stream's columns as arrays for `application.analytics.options_compute` (see the module
    doc)."""
    import pyarrow as pa

    try:
        table = pa.ipc.open_stream(pa.py_buffer(raw)).read_all()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise MalformedArrow(f"the body is not an Arrow IPC stream: {str(exc)[:200]}") from None
    names = table.column_names
    for name in names:
        if name not in fields:
            _invalid(name, f"unknown column {name[:64]!r}; expected some of {', '.join(fields)}")
    if len(set(names)) != len(names):
        _invalid("columns", "a column name appears twice")
    for name in required:
        if name not in names:
            _invalid(name, f"required column {name!r} is missing")
    return {name: _column(name, table.column(name)) for name in names}


def _column(name: str, column: pa.ChunkedArray) -> Column:
    import pyarrow as pa
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    if column.null_count:
        index = int(pc.index(pc.is_null(column), True).as_py())
        raise InvalidOptionsInput(f"{name} must not be null", field=f"{name}[{index}]")
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if name in NUMERIC_FIELDS:
        if not (pa.types.is_integer(kind) or pa.types.is_floating(kind)):
            _invalid(name, f"column {name!r} must be numeric, not {kind}")
        values: Column = column.cast(pa.float64()).to_numpy()
        return values
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        _invalid(name, f"column {name!r} must be strings (call / put), not {kind}")
    rights: Column = np.asarray(column.to_numpy(), dtype=object)
    return rights


def _invalid(field: str, message: str) -> None:
    raise ValidationException(
        detail=message, extra=[{"key": field, "message": message, "source": "body"}]
    )


def greeks_stream(greeks: Greeks, backend: str) -> bytes:
    """The Greeks as one record batch with units in the metadata."""
    arrays = greeks_arrays(greeks)
    return _stream(arrays, GREEKS_UNITS, backend)


def implied_vol_stream(result: ImpliedVols, backend: str) -> bytes:
    """Volatilities (NaN where none fits) and reasons (dictionary strings) as one batch."""
    import pyarrow as pa

    codes = pa.array(result.reason.reshape(-1), type=pa.int8())
    reasons = pa.DictionaryArray.from_arrays(codes, _reason_names())
    arrays = {"volatility": result.volatility.reshape(-1), "reason": reasons}
    return _stream(arrays, IMPLIED_VOL_UNITS, backend)


def _stream(arrays: Mapping[str, object], units: Mapping[str, str], backend: str) -> bytes:
    import pyarrow as pa

    fields = []
    columns = []
    count = 0
    for name, values in arrays.items():
        column = values if isinstance(values, pa.Array) else pa.array(values, type=pa.float64())
        count = len(column)
        fields.append(pa.field(name, column.type, nullable=False, metadata={"unit": units[name]}))
        columns.append(column)
    metadata = {"units": json.dumps(dict(units)), "backend": backend, "count": str(count)}
    schema = pa.schema(fields, metadata=metadata)
    batch = pa.record_batch(columns, schema=schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as writer:
        writer.write_batch(batch)
    return bytes(sink.getvalue())
