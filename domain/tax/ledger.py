"""The tax engine's result: open lots, realized rows, wash sales, lots transferred out.

Each field is a Sequence of frozen dataclasses in the engine's output order (see
domain.tax.engine): a tuple from the Decimal engine, a column-backed view (`Rows`,
domain/tax/ledger_rows.py) from the kernel -- equal element for element to the tuple the Decimal
engine gives for the same input. The aggregates below read columns where they can and sum
Decimals row by row otherwise; both give the same Decimals (value and exponent), as summing the
rows in order from Decimal(0) in the caller's decimal context would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from domain.numbers import ZERO
from domain.portfolio.transactions import Transaction
from domain.tax.ledger_rows import (
    MONEY_SCALE,
    ChainRows,
    LotTable,
    Picked,
    RealizedTable,
    Rows,
    RowSource,
    WashTable,
)
from domain.tax.ledger_sums import (
    LotRows,
    RealizedRows,
    TermSum,
    WashRows,
    chain_term_sums,
    exact_decimal,
)
from domain.tax.lots import RealizedLot, TaxLot, WashSale
from domain.tax.methods import TERMS, Term

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class TermSums:
    """Reportable rows of one currency and term: their count and the sums of Form 8949
    columns (d) proceeds, (e) cost basis, (g) wash disallowed, (h) gain, in that currency."""

    rows: int = 0
    proceeds: Decimal = ZERO
    cost_basis: Decimal = ZERO
    wash_disallowed: Decimal = ZERO
    gain: Decimal = ZERO

    def plus(self, row: RealizedLot) -> TermSums:
        return TermSums(
            self.rows + 1,
            self.proceeds + row.proceeds,
            self.cost_basis + row.cost_basis,
            self.wash_disallowed + row.wash_disallowed,
            self.gain + row.gain,
        )


YearTotals = dict[str, dict[Term, TermSums]]  # currency -> term -> sums


@dataclass(frozen=True)
class TaxLedger:
    """Open lots (per account and symbol, in lot order), realized rows and wash sales (in
    processing order), and the lots that left by TRANSFER_OUT. `computed_by` says which path
    made it ("decimal" or "kernel"); it takes no part in equality."""

    open_lots: Sequence[TaxLot]
    realized: Sequence[RealizedLot]
    wash_sales: Sequence[WashSale]
    transferred_out: Sequence[TaxLot] = ()
    computed_by: str = field(default="decimal", compare=False)

    def realized_in(self, year: int) -> Sequence[RealizedLot]:
        """Rows whose sale date falls in calendar `year` (in order)."""
        rows = self.realized
        if isinstance(rows, RealizedRows):
            return rows.in_year(year)
        if isinstance(rows, ChainRows) and all(isinstance(p, RealizedRows) for p in rows.parts):
            return ChainRows([p.in_year(year) for p in rows.parts if isinstance(p, RealizedRows)])
        return tuple(row for row in rows if row.sold.year == year)

    def quantity(self, account_id: str, symbol: str) -> Decimal:
        """Shares of `symbol` held in `account_id` (sum of its open lots)."""
        lots = self.open_lots
        if isinstance(lots, LotRows):
            found = lots.quantity(account_id, symbol)
            if found is not None:
                return found
        return sum(
            (lot.quantity for lot in lots if lot.account_id == account_id and lot.symbol == symbol),
            ZERO,
        )

    def year_totals(self, year: int) -> YearTotals:
        """The reportable rows sold in `year`, summed per currency (in order of first
        appearance) and term (both terms for each currency)."""
        rows = self.realized_in(year)
        sums = None
        if isinstance(rows, RealizedRows):
            sums = rows.term_sums()
        elif isinstance(rows, ChainRows) and all(isinstance(p, RealizedRows) for p in rows.parts):
            sums = chain_term_sums([p for p in rows.parts if isinstance(p, RealizedRows)])
        if sums is not None:
            exact = _exact_totals(sums)
            if exact is not None:
                return exact
        out: YearTotals = {}
        for row in rows:
            if row.reportable:
                terms = out.setdefault(row.currency, {term: TermSums() for term in TERMS})
                terms[row.term] = terms[row.term].plus(row)
        return out


def _exact_totals(sums: dict[str, dict[Term, TermSum]]) -> YearTotals | None:
    out: YearTotals = {}
    for currency, terms in sums.items():
        mine: dict[Term, TermSums] = {}
        for term, s in terms.items():
            columns = [
                exact_decimal(value, magnitude, exponent, MONEY_SCALE)
                for value, magnitude, exponent in zip(
                    s.values, s.magnitudes, s.exponents, strict=True
                )
            ]
            proceeds, basis, disallowed, gain = columns
            if proceeds is None or basis is None or disallowed is None or gain is None:
                return None
            mine[term] = TermSums(s.rows, proceeds, basis, disallowed, gain)
        out[currency] = mine
    return out


def merge_ledgers_of(parts: Sequence[TaxLedger]) -> TaxLedger:
    """Ledgers of disjoint chunks of whole groups, one after the other (engine.merge_ledgers)."""
    if not parts:
        return TaxLedger((), (), ())
    if len(parts) == 1:
        return parts[0]
    by = {p.computed_by for p in parts}
    return TaxLedger(
        _joined([p.open_lots for p in parts]),
        _joined([p.realized for p in parts]),
        _joined([p.wash_sales for p in parts]),
        _joined([p.transferred_out for p in parts]),
        computed_by=by.pop() if len(by) == 1 else "mixed",
    )


def _joined(parts: list[Sequence[R]]) -> Sequence[R]:
    if all(isinstance(p, tuple) for p in parts):
        return tuple(item for p in parts for item in p)
    return ChainRows([p for p in parts if len(p)])


_PARTS = ("open_lots", "realized", "wash_sales", "transferred_out")


def column_state(ledger: TaxLedger) -> dict[str, Any] | None:
    """A kernel-made ledger as plain arrays and tuples (to send to another process: no row
    object is built), without its transactions; None for any other ledger."""
    tables = [getattr(ledger, part) for part in _PARTS]
    if not all(isinstance(t, Rows) and t.whole for t in tables):
        return None
    sources = {id(t.table_of().source) for t in tables}
    if len(sources) != 1:
        return None
    source = tables[0].table_of().source
    return {
        "source": {
            f.name: getattr(source, f.name) for f in fields(source) if f.name not in _NOT_SENT
        },
        "tables": [(t.table_of().c64, t.table_of().c32, t.table_of().c8) for t in tables],
    }


_NOT_SENT = frozenset({"txs", "root", "origin", "_identities"})


def from_column_state(
    state: dict[str, Any], root: Sequence[Transaction], origin: npt.NDArray[np.int64]
) -> TaxLedger:
    """The ledger `column_state` described, computed from the rows `root[origin]` (a shard)."""
    source = RowSource(txs=Picked(root, origin), root=root, origin=origin, **state["source"])
    (o, r, w, t) = state["tables"]
    return TaxLedger(
        LotRows(LotTable(source, *o)),
        RealizedRows(RealizedTable(source, *r)),
        WashRows(WashTable(source, *w)),
        LotRows(LotTable(source, *t)),
        computed_by="kernel",
    )
