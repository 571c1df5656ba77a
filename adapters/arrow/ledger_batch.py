"""An import's good rows, column-wise: the batch the column parser hands to the store.

Each field is a `Column`: its distinct values (Python objects: str, Decimal, date, an enum,
None) and, per row, the index of its value. `csv_chunks()` (what PostgreSQL's COPY reads) is
written by pyarrow from those columns: the distinct values become Arrow arrays once, each
chunk's rows are a `take` of them. `transactions()` (the tax engine's input, and the other stores')
builds the Transaction objects once, on the first call. Both follow the CSV convention of
ports/portfolio/transaction_batch.py (a Decimal as `str(value)`: its exact digits and scale).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from itertools import repeat
from threading import Lock
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]

from domain.portfolio.transactions import Transaction, TransactionSource
from ports.portfolio.transaction_batch import CHUNK_ROWS, TRANSACTION_FIELDS

# The fields every imported row has the same value of (no lot method or picks: no column).
_CONSTANT = {"lot_method": None, "lot_picks": (), "source": TransactionSource.IMPORT}
_WRITE = pacsv.WriteOptions(include_header=False, quoting_style="needed")


@dataclass(frozen=True, slots=True)
class Column:
    """One field of the rows: `values` (distinct: Python objects, or an Arrow text array)
    and `index` (per row, into `values`)."""

    values: Any
    index: np.ndarray[Any, np.dtype[np.int32]]

    def arrow(self) -> Any:
        """The distinct values as an Arrow array (a date as date32, anything else as text)."""
        if isinstance(self.values, pa.Array):
            return self.values
        if any(type(v) is date for v in self.values):
            return pa.array(self.values, pa.date32())
        return pa.array([_text(v) for v in self.values], pa.string())

    def python(self) -> list[Any]:
        """The rows' values as Python objects (shared: one object per distinct value)."""
        if isinstance(self.values, pa.Array):
            return self.values.take(pa.array(self.index)).to_pylist()  # type: ignore[no-any-return]
        if not len(self.values):
            return []
        distinct = np.empty(len(self.values), dtype=object)
        distinct[:] = self.values
        return distinct[self.index].tolist()  # type: ignore[no-any-return]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"no text form for {type(value).__name__}")


class ArrowImportBatch:
    """An ImportBatch (application/portfolio/transaction_import.py) over columns (module doc)."""

    def __init__(
        self,
        portfolio_id: str,
        ids: Sequence[str],
        columns: dict[str, Column],
        rows: np.ndarray[Any, np.dtype[np.int64]],
    ) -> None:
        missing = set(TRANSACTION_FIELDS) - set(columns) - set(_CONSTANT) - {"id", "portfolio_id"}
        if missing:
            raise ValueError(f"columns missing: {sorted(missing)}")
        self._portfolio_id = portfolio_id
        self._ids = ids
        self._columns = columns
        self._rows = rows
        self._made: list[Transaction] | None = None
        self._lock = Lock()  # the tax check's thread and the caller may both ask

    @property
    def portfolio_id(self) -> str:
        return self._portfolio_id

    def __len__(self) -> int:
        return len(self._ids)

    def row_numbers(self) -> Sequence[int]:
        return self._rows.tolist()  # type: ignore[no-any-return]

    def transactions(self) -> Sequence[Transaction]:
        with self._lock:
            if self._made is None:
                self._made = self._make()
            return self._made

    def _make(self) -> list[Transaction]:
        n = len(self._ids)
        fields: list[Any] = []
        for name in TRANSACTION_FIELDS:
            if name == "id":
                fields.append(self._ids)
            elif name == "portfolio_id":
                fields.append(repeat(self._portfolio_id, n))
            elif name in _CONSTANT:
                fields.append(repeat(_CONSTANT[name], n))
            else:
                fields.append(self._columns[name].python())
        return list(map(Transaction, *fields))

    def csv_chunks(self, rows: int = CHUNK_ROWS) -> Iterator[bytes]:
        distinct = {name: column.arrow() for name, column in self._columns.items()}
        for start in range(0, len(self._ids), rows):
            yield self._csv(distinct, start, min(start + rows, len(self._ids)))

    def _csv(self, distinct: dict[str, Any], start: int, stop: int) -> bytes:
        n = stop - start
        arrays: list[Any] = []
        for name in TRANSACTION_FIELDS:
            if name == "id":
                arrays.append(pa.array(self._ids[start:stop], pa.string()))
            elif name == "portfolio_id":
                arrays.append(pa.repeat(self._portfolio_id, n))
            elif name == "source":
                arrays.append(pa.repeat(TransactionSource.IMPORT.value, n))
            elif name in _CONSTANT:
                arrays.append(pa.nulls(n, pa.string()))
            else:
                arrays.append(distinct[name].take(self._columns[name].index[start:stop]))
        out = io.BytesIO()
        pacsv.write_csv(pa.table(arrays, names=list(TRANSACTION_FIELDS)), out, _WRITE)
        return out.getvalue()
