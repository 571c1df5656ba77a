"""Writing a partition's Parquet file: merged with what is stored, atomic, one writer at a time.

A write takes an exclusive flock on the partition folder's lock file (threads and processes
alike wait for it), merges the new bars with the stored ones (a new bar replaces a stored
bar of the same start), writes a temporary file in the same folder, fsyncs it, renames it
over the partition file and fsyncs the folder: a reader sees the old file or the new one,
never half of one.
"""

from __future__ import annotations

import contextlib
import fcntl
import math
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]  # no stubs
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from domain.market_data.bar_columns import BarColumns, IntArray
from domain.market_data.bars import FloatArray

SCHEMA = pa.schema(
    [
        ("start", pa.int64()),
        ("open", pa.float64()),
        ("high", pa.float64()),
        ("low", pa.float64()),
        ("close", pa.float64()),
        ("volume", pa.float64()),
        ("vwap", pa.float64()),
        ("trades", pa.int64()),
    ]
)
LOCK_NAME = ".lock"
# Prices and volumes are random to a compressor: compressing them costs half a write's time and
# saves a few per cent. Symbols, starts and trade counts compress well.
_COMPRESSION = {"symbol": "snappy", "start": "snappy", "trades": "snappy"}


def to_table(columns: BarColumns) -> pa.Table:
    """Columns as an Arrow table: a NaN VWAP and a negative trade count are stored as null."""
    return pa.table(
        [
            pa.array(columns.start),
            pa.array(columns.open),
            pa.array(columns.high),
            pa.array(columns.low),
            pa.array(columns.close),
            pa.array(columns.volume),
            pa.array(columns.vwap, mask=np.isnan(columns.vwap)),
            pa.array(columns.trades, mask=columns.trades < 0),
        ],
        schema=SCHEMA,
    )


def from_table(table: pa.Table) -> BarColumns:
    """The columns of a table read back (nulls as NaN and -1)."""

    def floats(name: str) -> FloatArray:
        return np.asarray(table.column(name).to_numpy(), dtype=np.float64)

    vwap = table.column("vwap").fill_null(math.nan)
    trades = table.column("trades").fill_null(-1)
    return BarColumns(
        start=np.asarray(table.column("start").to_numpy(), dtype=np.int64),
        open=floats("open"),
        high=floats("high"),
        low=floats("low"),
        close=floats("close"),
        volume=floats("volume"),
        vwap=np.asarray(vwap.to_numpy(), dtype=np.float64),
        trades=np.asarray(trades.to_numpy(), dtype=np.int64),
    )


def last_of_each(starts: IntArray) -> IntArray:
    """Indices of the last row of each distinct start, in ascending order of start."""
    reversed_first = np.unique(starts[::-1], return_index=True)[1]
    return np.asarray(len(starts) - 1 - reversed_first, dtype=np.int64)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """The partition folder's exclusive lock, held for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_atomic(path: Path, table: pa.Table, row_group: int | None = None) -> None:
    """`table` at `path` by way of an fsynced temporary file in the same folder and a rename.

    `row_group`: the most rows a row group holds (pyarrow's default when None).
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "wb") as handle:
            # Floats rarely repeat: dictionary pages would cost time and save nothing.
            dictionary = [n for n in ("symbol", "trades") if n in table.column_names]
            pq.write_table(
                table,
                handle,
                use_dictionary=dictionary,
                compression={n: _COMPRESSION.get(n, "none") for n in table.column_names},
                row_group_size=row_group,
            )
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def merge_into(path: Path, new: pa.Table) -> None:
    """Store `new` (sorted, one row per start) in the partition file at `path`."""
    with locked(path.parent):
        if path.exists():
            stored = pq.read_table(path, schema=SCHEMA)
            stored_starts = np.asarray(stored.column("start").to_numpy(), dtype=np.int64)
            new_starts = np.asarray(new.column("start").to_numpy(), dtype=np.int64)
            if len(stored_starts) and len(new_starts) and stored_starts[-1] < new_starts[0]:
                new = pa.concat_tables([stored, new])  # an append: already in order
            else:
                both = pa.concat_tables([stored, new])
                starts = np.concatenate([stored_starts, new_starts])
                new = both.take(pa.array(last_of_each(starts)))
        write_atomic(path, new)


def sorted_table(columns: BarColumns) -> pa.Table:
    """Columns as a table sorted by start, one row per start (the last given of it winning)."""
    table = to_table(columns)
    starts = columns.start
    if len(starts) > 1 and not bool(np.all(starts[1:] > starts[:-1])):
        table = table.take(pa.array(last_of_each(starts)))
    return table
