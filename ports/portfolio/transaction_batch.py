"""A batch of new ledger transactions (an import's rows), as objects and as CSV.

`PortfolioStore.import_transactions` takes one. A store that bulk-loads CSV (PostgreSQL's
COPY) streams `csv_chunks()` and never needs a Transaction object per row; the others write
`transactions()`. Both describe the same rows, in the same order.

The CSV convention (`csv_chunks`), so that any bulk loader reads back exactly the Transaction:
RFC 4180, no header, `\\n` after every row, one field per name of TRANSACTION_FIELDS in that
order; a text field is always quoted (a quote inside doubled, an empty text is `""`), a
missing value (None) is an empty unquoted field; a date is `YYYY-MM-DD`; a Decimal is an
exact decimal literal of its value and scale, quoted or not (`str(value)`); an enum is its
value (quoted); `lot_picks` is JSON
`[[lot_id, "quantity"], ...]`, or missing when there are none; `portfolio_id` is the batch's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Protocol

from domain.portfolio.transactions import LotPick, Transaction

TRANSACTION_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Transaction))
CHUNK_ROWS = 16_384


class TransactionBatch(Protocol):
    """New rows of one portfolio (module doc): `transactions()` and `csv_chunks()` agree."""

    @property
    def portfolio_id(self) -> str: ...

    def __len__(self) -> int: ...

    def transactions(self) -> Sequence[Transaction]:
        """The rows as Transaction objects (made once, on the first call)."""
        ...

    def csv_chunks(self, rows: int = CHUNK_ROWS) -> Iterator[bytes]:
        """The rows as UTF-8 CSV in the module's convention, `rows` rows a chunk (a chunk is
        made when asked for: a loader can send one while the next is written)."""
        ...


class TransactionList:
    """A TransactionBatch over Transaction objects (single rows, tests, the reference parser)."""

    __slots__ = ("_portfolio_id", "_txs")

    def __init__(self, portfolio_id: str, txs: Sequence[Transaction]) -> None:
        self._portfolio_id = portfolio_id
        self._txs = txs

    @property
    def portfolio_id(self) -> str:
        return self._portfolio_id

    def __len__(self) -> int:
        return len(self._txs)

    def transactions(self) -> Sequence[Transaction]:
        return self._txs

    def csv_chunks(self, rows: int = CHUNK_ROWS) -> Iterator[bytes]:
        for start in range(0, len(self._txs), rows):
            yield transactions_csv(self._txs[start : start + rows], self._portfolio_id)


def batch_csv(batch: TransactionBatch) -> bytes:
    """The whole batch as one CSV text."""
    return b"".join(batch.csv_chunks())


def transactions_csv(txs: Iterable[Transaction], portfolio_id: str) -> bytes:
    """`txs` as CSV in the module's convention (portfolio_id: `portfolio_id`)."""
    lines = []
    for tx in txs:
        values = [getattr(tx, name) for name in TRANSACTION_FIELDS]
        values[1] = portfolio_id
        lines.append(",".join(map(csv_field, values)))
    lines.append("")
    return "\n".join(lines).encode()


def csv_field(value: object) -> str:
    """One value as a field of the module's CSV convention."""
    if value is None or value == ():
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, tuple) and all(isinstance(p, LotPick) for p in value):
        return csv_field(json.dumps([[p.lot_id, str(p.quantity)] for p in value]))
    raise TypeError(f"no CSV form for {type(value).__name__}")
