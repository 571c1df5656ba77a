"""The tax kernel's output as sequences of the engine's row types, built only when read.

`compute_tax_ledger`'s fast path (domain/tax/fast_engine.py) leaves its results in integer
columns; `Rows` puts a Sequence in front of them: len, index, slice (a view), iteration and
equality behave as on the tuple of frozen dataclasses the Decimal engine returns, and each row
is materialized when asked for (`RealizedLot`, `WashSale`, `TaxLot` -- the same values, ids and
Decimal exponents). Aggregates read the columns directly: `RealizedRows.in_year`,
`RealizedRows.term_sums` (exact integer sums), `LotRows.quantity`.

Columns: money in units of 10^-10 (BASIS_QUANTUM) and quantities in units of
10^-`qty_scale`, each with the exponent of the Decimal the engine would hold; ids as (the
transaction that created the lot, its `:w<n>` number, 0 for none); dates as ordinals; every
other field (account, symbol, currency, sale date, lot method, reportable) from the transaction
the row refers to (`RowSource`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Context, Decimal
from operator import index as as_index
from typing import Any, Generic, TypeVar, overload

import numpy as np
import numpy.typing as npt

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.lots import RealizedLot, TaxLot, WashSale, make_realized, make_wash
from domain.tax.methods import TERMS, LotMethod

T = TypeVar("T")
SaleColumns = tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_], npt.NDArray[np.int32]]
Ints = npt.NDArray[np.int64]
MONEY_SCALE = 10
_CHUNK = 4096
_EXACT = Context(prec=80)  # wide enough for every coefficient the kernel produces
_METHODS = (LotMethod.FIFO, LotMethod.LIFO, LotMethod.HIFO, LotMethod.SPECIFIC)
_CACHE_LIMIT = 1 << 20


class Decimals:
    """Fixed-point (value, exponent) pairs at one scale -> the engine's Decimals (cached)."""

    __slots__ = ("_cache", "_scale")

    def __init__(self, scale: int) -> None:
        self._scale = scale
        self._cache: dict[tuple[int, int], Decimal] = {}

    def __call__(self, value: int, exponent: int) -> Decimal:
        key = (value, exponent)
        found = self._cache.get(key)
        if found is None:
            found = to_decimal(value, exponent, self._scale)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found


def to_decimal(value: int, exponent: int, scale: int) -> Decimal:
    """The Decimal value x 10^-scale written with `exponent` (exact: the kernel tracked it)."""
    shift = scale + exponent
    coefficient = value * 10**-shift if shift <= 0 else value // 10**shift
    return _EXACT.scaleb(Decimal(coefficient), exponent)


@dataclass(frozen=True, eq=False)
class RowSource:
    """The transactions (as given to the engine) the rows refer to, and their columns:
    trade date (ordinal), account / currency / symbol codes, lot method in force (0..3 =
    FIFO, LIFO, HIFO, SPECIFIC; -1 for no disposal), and the accounts' IRA flags."""

    txs: Sequence[Transaction]
    qty_scale: int
    day: npt.NDArray[np.int32]
    account: npt.NDArray[np.int32]
    account_ids: tuple[str, ...]
    ira: npt.NDArray[np.bool_]
    currency: npt.NDArray[np.int32]
    currencies: tuple[str, ...]
    symbol: npt.NDArray[np.int32]
    symbols: tuple[str | None, ...]
    method: npt.NDArray[np.int8]
    root: Sequence[Transaction] | None = None  # `txs` is root[origin] (a shard's rows)
    origin: Ints | None = None
    _identities: list[Ints] = field(default_factory=list, repr=False)

    def identities(self) -> Ints:
        """id() of each transaction of the root list (cached): rows of two ledgers refer to
        the same transaction iff these agree."""
        if not self._identities:
            root = self.txs if self.root is None else self.root
            self._identities.append(np.fromiter(map(id, root), np.int64, len(root)))
        return self._identities[0]

    def lot_id(self, base: int, split: int) -> str:
        own = self.txs[base].id
        return own if split == 0 else f"{own}:w{split}"

    def purchased(self, base: int) -> date:
        tx = self.txs[base]
        if tx.kind is TransactionKind.TRANSFER_IN:
            return tx.acquired or tx.trade_date
        return tx.trade_date


class Picked(Sequence[Transaction]):
    """root[origin[i]] for each i: a shard's transactions without copying them."""

    __slots__ = ("_origin", "_root")

    def __init__(self, root: Sequence[Transaction], origin: Ints) -> None:
        self._root, self._origin = root, origin

    def __len__(self) -> int:
        return int(self._origin.shape[0])

    @overload
    def __getitem__(self, key: int) -> Transaction: ...

    @overload
    def __getitem__(self, key: slice) -> Sequence[Transaction]: ...

    def __getitem__(self, key: int | slice) -> Transaction | Sequence[Transaction]:
        if isinstance(key, slice):
            return [self._root[i] for i in self._origin[key].tolist()]
        return self._root[int(self._origin[key])]


class Table(Generic[T]):
    """Rows of one kind in three column blocks (int64 values, int32 references, int8
    exponents and flags); `build` materializes the rows at some positions."""

    def __init__(
        self,
        source: RowSource,
        c64: Ints,
        c32: npt.NDArray[np.int32],
        c8: npt.NDArray[np.int8],
    ) -> None:
        self.source, self.c64, self.c32, self.c8 = source, c64, c32, c8
        self.size = int(c64.shape[0])
        self._qty = Decimals(source.qty_scale)
        self._money = Decimals(MONEY_SCALE)

    refs: tuple[int, ...] = ()  # the c32 columns that hold transaction indices

    def build(self, positions: Ints) -> list[T]:  # pragma: no cover - abstract
        raise NotImplementedError

    def canonical(self, positions: Ints) -> tuple[Any, ...]:
        """The rows at `positions` as arrays that are equal iff the rows are (at one quantity
        scale): the quantity scale, then the columns with transactions as their identities."""
        src = self.source
        c32 = self.c32[positions].astype(np.int64)
        identities = src.identities()
        for col in self.refs:
            refs = c32[:, col] if src.origin is None else src.origin[c32[:, col]]
            c32[:, col] = identities[refs]
        return src.qty_scale, self.c64[positions], c32, self.c8[positions]


class Rows(Sequence[T]):
    """A read-only sequence over (a subset, `index`, of) a table's rows, in order."""

    __slots__ = ("_index", "_table")

    def __init__(self, table: Table[T], index: Ints | None = None) -> None:
        self._table = table
        self._index = index

    @property
    def whole(self) -> bool:
        """Every row of the table, in order (not a slice or a filter of it)."""
        return self._index is None

    def table_of(self) -> Table[T]:
        return self._table

    def positions(self) -> Ints:
        if self._index is None:
            return np.arange(self._table.size, dtype=np.int64)
        return self._index

    def __len__(self) -> int:
        return self._table.size if self._index is None else int(self._index.shape[0])

    @overload
    def __getitem__(self, key: int) -> T: ...

    @overload
    def __getitem__(self, key: slice) -> Rows[T]: ...

    def __getitem__(self, key: int | slice) -> T | Rows[T]:
        if isinstance(key, slice):
            return type(self)(self._table, self.positions()[key])
        i = as_index(key)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("row index out of range")
        at = i if self._index is None else int(self._index[i])
        return self._table.build(np.array([at], dtype=np.int64))[0]

    def __iter__(self) -> Iterator[T]:
        positions = self.positions()
        for start in range(0, positions.shape[0], _CHUNK):
            yield from self._table.build(positions[start : start + _CHUNK])

    def __eq__(self, other: object) -> bool:
        return _equal(self, other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self)} rows>"


class RealizedTable(Table[RealizedLot]):
    """r64: quantity, proceeds, basis, wash disallowed, gain; r32: sale transaction, lot base,
    lot `:w`, acquired; r8: the five exponents, long term (1)."""

    refs = (0, 1)

    def sale_columns(self) -> SaleColumns:
        """Per row, from its sale: the date sold (ordinal), reportable (not an IRA), the
        currency code; computed once."""
        if not hasattr(self, "_sales"):
            src = self.source
            sales = self.c32[:, 0]
            self._sales = (src.day[sales], ~src.ira[src.account[sales]], src.currency[sales])
        return self._sales

    def build(self, positions: Ints) -> list[RealizedLot]:
        src, qty, money = self.source, self._qty, self._money
        txs, ira, account, method = src.txs, src.ira, src.account, src.method
        values = self.c64[positions].tolist()
        refs = self.c32[positions].tolist()
        exps = self.c8[positions].tolist()
        out = []
        for value, ref, e in zip(values, refs, exps, strict=True):
            q, proceeds, basis, disallowed, gain = value
            t, base, split, acq = ref
            tx = txs[t]
            out.append(
                make_realized(
                    tx.id,
                    src.lot_id(base, split),
                    tx.account_id,
                    tx.symbol,
                    qty(q, e[0]),
                    date.fromordinal(acq),
                    tx.trade_date,
                    money(proceeds, e[1]),
                    money(basis, e[2]),
                    money(disallowed, e[3]),
                    money(gain, e[4]),
                    TERMS[e[5]],
                    tx.currency,
                    _METHODS[method[t]],
                    not ira[account[t]],
                )
            )
        return out


class WashTable(Table[WashSale]):
    """w64: quantity, disallowed; w32: sale, sold lot base, `:w`, replacement base, `:w`,
    holding days carried; w8: the two exponents, permanent (1)."""

    refs = (0, 1, 3)

    def build(self, positions: Ints) -> list[WashSale]:
        src, qty, money, txs = self.source, self._qty, self._money, self.source.txs
        values = self.c64[positions].tolist()
        refs = self.c32[positions].tolist()
        exps = self.c8[positions].tolist()
        return [
            make_wash(
                txs[sale].id,
                src.lot_id(sold, sold_split),
                src.lot_id(target, target_split),
                txs[target].account_id,
                qty(q, e[0]),
                money(amount, e[1]),
                days,
                e[2] == 1,
            )
            for (q, amount), (sale, sold, sold_split, target, target_split, days), e in zip(
                values, refs, exps, strict=True
            )
        ]


class LotTable(Table[TaxLot]):
    """l64: quantity, basis, wash adjustment; l32: base, `:w`, acquired; l8: the exponents."""

    refs = (0,)

    def build(self, positions: Ints) -> list[TaxLot]:
        src, qty, money, txs = self.source, self._qty, self._money, self.source.txs
        values = self.c64[positions].tolist()
        refs = self.c32[positions].tolist()
        exps = self.c8[positions].tolist()
        out = []
        for (q, basis, wash), (base, split, acq), e in zip(values, refs, exps, strict=True):
            tx = txs[base]
            out.append(
                TaxLot(
                    src.lot_id(base, split),
                    tx.account_id,
                    tx.symbol or "",
                    qty(q, e[0]),
                    money(basis, e[1]),
                    date.fromordinal(acq),
                    src.purchased(base),
                    tx.currency,
                    money(wash, e[2]),
                )
            )
        return out


class ChainRows(Sequence[T]):
    """Several row sequences one after the other (ledgers of disjoint groups, merged)."""

    __slots__ = ("_ends", "_parts")

    def __init__(self, parts: Sequence[Sequence[T]]) -> None:
        self._parts = tuple(parts)
        self._ends = np.cumsum([len(p) for p in self._parts], dtype=np.int64)

    @property
    def parts(self) -> tuple[Sequence[T], ...]:
        return self._parts

    def __len__(self) -> int:
        return int(self._ends[-1]) if self._parts else 0

    @overload
    def __getitem__(self, key: int) -> T: ...

    @overload
    def __getitem__(self, key: slice) -> Sequence[T]: ...

    def __getitem__(self, key: int | slice) -> T | Sequence[T]:
        if isinstance(key, slice):
            return tuple(self)[key]
        i = as_index(key)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("row index out of range")
        part = int(np.searchsorted(self._ends, i, side="right"))
        before = int(self._ends[part - 1]) if part else 0
        return self._parts[part][i - before]

    def __iter__(self) -> Iterator[T]:
        for part in self._parts:
            yield from part

    def __eq__(self, other: object) -> bool:
        return _equal(self, other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<ChainRows of {len(self)} rows in {len(self._parts)} parts>"


def _equal(mine: Sequence[Any], other: object) -> bool:
    """Sequence equality, element for element; column to column when both sides are column
    rows over the same transactions at one quantity scale (no row is built)."""
    if not isinstance(other, Sequence) or isinstance(other, str | bytes):
        return NotImplemented  # type: ignore[no-any-return]
    if len(mine) != len(other):
        return False
    a, b = _canonical(mine), _canonical(other)
    if a is not None and b is not None and a[0] == b[0]:
        return all(np.array_equal(x, y) for x, y in zip(a[1:], b[1:], strict=True))
    return all(x == y for x, y in zip(mine, other, strict=True))


def _canonical(rows: object) -> tuple[Any, ...] | None:
    """(quantity scale, the concatenated canonical columns) of column rows."""
    if isinstance(rows, Rows):
        return rows._table.canonical(rows.positions())
    if not isinstance(rows, ChainRows):
        return None
    parts = [_canonical(p) for p in rows.parts]
    if not parts or any(p is None for p in parts):
        return None
    scales = {p[0] for p in parts if p is not None}
    if len(scales) != 1:
        return None
    columns = [np.concatenate([p[k] for p in parts if p is not None]) for k in (1, 2, 3)]
    return (scales.pop(), *columns)
