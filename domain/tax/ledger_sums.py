"""Column-wise aggregates of the kernel's rows (domain/tax/ledger_rows.py): the year's
realized rows, their reportable totals by currency and term, an account's position, the count
of permanent wash sales -- read from the integer columns, no row object built.

Sums are exact integer sums of fixed-point values (money in units of 10^-10); turned into
Decimals they equal what adding the rows' Decimals in order from Decimal(0) gives in the
caller's decimal context -- value and exponent -- whenever that addition is exact, which
`exact_decimal` checks (else the caller adds the rows itself, as before).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, getcontext

import numpy as np

from domain.tax.ledger_rows import (
    Ints,
    LotTable,
    RealizedTable,
    Rows,
    WashTable,
    to_decimal,
)
from domain.tax.lots import RealizedLot, TaxLot, WashSale
from domain.tax.methods import Term

_TERMS = (Term.SHORT, Term.LONG)


@dataclass
class TermSum:
    """Exact sums of one (currency, term): rows, the four money columns (10^-10 units), the
    sums of their absolute values and their smallest exponents (0 when no rows)."""

    rows: int = 0
    values: tuple[int, int, int, int] = (0, 0, 0, 0)
    magnitudes: tuple[int, int, int, int] = (0, 0, 0, 0)
    exponents: tuple[int, int, int, int] = (0, 0, 0, 0)

    def plus(self, other: TermSum) -> TermSum:
        return TermSum(
            self.rows + other.rows,
            _pairwise(self.values, other.values, int.__add__),
            _pairwise(self.magnitudes, other.magnitudes, int.__add__),
            _pairwise(self.exponents, other.exponents, min),
        )


def _pairwise(a: tuple[int, ...], b: tuple[int, ...], op: object) -> tuple[int, int, int, int]:
    f = op  # a binary int function
    w, x, y, z = (f(p, q) for p, q in zip(a, b, strict=True))  # type: ignore[operator]
    return w, x, y, z


def exact_sum(values: Ints) -> int:
    """The exact sum of int64 values below 2^62 in magnitude (no wrap-around)."""
    high = int(np.sum(values >> 31))
    low = int(np.sum(values & ((1 << 31) - 1)))
    return (high << 31) + low


class RealizedRows(Rows[RealizedLot]):
    """Realized rows with column-wise aggregates."""

    __slots__ = ()

    @property
    def table(self) -> RealizedTable:
        table = self._table
        assert isinstance(table, RealizedTable)
        return table

    def in_year(self, year: int) -> RealizedRows:
        """The rows sold in calendar `year` (a view, in order)."""
        table = self.table
        positions = self.positions()
        sold = table.source.day[table.c32[positions, 0]]
        keep = (sold >= date(year, 1, 1).toordinal()) & (sold <= date(year, 12, 31).toordinal())
        return RealizedRows(table, positions[keep])

    def term_sums(self) -> dict[str, dict[Term, TermSum]]:
        """Reportable rows' exact sums per currency (in order of first appearance) and term
        (both terms present for every currency)."""
        table = self.table
        src = table.source
        positions = self.positions()
        sales = table.c32[positions, 0]
        reportable = ~src.ira[src.account[sales]]
        positions, sales = positions[reportable], sales[reportable]
        codes = src.currency[sales]
        found, first = np.unique(codes, return_index=True)
        out: dict[str, dict[Term, TermSum]] = {}
        for code in found[np.argsort(first)].tolist():
            mine = positions[codes == code]
            long_term = table.c8[mine, 5] == 1
            out[src.currencies[code]] = {
                term: _sums(table, mine[long_term if term is Term.LONG else ~long_term])
                for term in _TERMS
            }
        return out


def _sums(table: RealizedTable, positions: Ints) -> TermSum:
    if positions.shape[0] == 0:
        return TermSum()
    values = table.c64[positions, 1:5]
    exps = table.c8[positions, 1:5].min(axis=0).tolist()
    sums = [exact_sum(values[:, k]) for k in range(4)]
    magnitudes = [exact_sum(np.abs(values[:, k])) for k in range(4)]
    return TermSum(
        int(positions.shape[0]),
        (sums[0], sums[1], sums[2], sums[3]),
        (magnitudes[0], magnitudes[1], magnitudes[2], magnitudes[3]),
        (min(0, exps[0]), min(0, exps[1]), min(0, exps[2]), min(0, exps[3])),
    )


class LotRows(Rows[TaxLot]):
    """Open (or transferred-out) lots with a column-wise position."""

    __slots__ = ()

    def quantity(self, account_id: str, symbol: str) -> Decimal | None:
        """Shares of `symbol` in `account_id` as the engine sums them (None: not exact here,
        the caller sums the rows)."""
        table = self._table
        assert isinstance(table, LotTable)
        src = table.source
        positions = self.positions()
        bases = table.c32[positions, 0]
        try:
            a = src.account_ids.index(account_id)
            s = src.symbols.index(symbol)
        except ValueError:
            return Decimal(0)
        mine = positions[(src.account[bases] == a) & (src.symbol[bases] == s)]
        if mine.shape[0] == 0:
            return Decimal(0)
        total = exact_sum(table.c64[mine, 0])
        exponent = min(0, int(table.c8[mine, 0].min()))
        return exact_decimal(total, exact_sum(np.abs(table.c64[mine, 0])), exponent, src.qty_scale)


def exact_decimal(total: int, magnitude: int, exponent: int, scale: int) -> Decimal | None:
    """Decimal(0) + each summand in turn, computed exactly: the running sums' coefficients at
    `exponent` stay below 10^prec of the current context when the summands' magnitudes do;
    None otherwise (the Decimal sum would round: the caller sums the rows itself)."""
    shift = scale + exponent
    bound = magnitude * 10**-shift if shift <= 0 else magnitude // 10**shift
    if bound >= 10 ** getcontext().prec:
        return None
    return to_decimal(total, exponent, scale)


class WashRows(Rows[WashSale]):
    """Wash-sale records with a column-wise count of the permanent ones."""

    __slots__ = ()

    def permanent_count(self) -> int:
        table = self._table
        assert isinstance(table, WashTable)
        return int(np.count_nonzero(table.c8[self.positions(), 2]))


def chain_term_sums(parts: Sequence[RealizedRows]) -> dict[str, dict[Term, TermSum]]:
    """term_sums over several RealizedRows, as if one sequence."""
    out: dict[str, dict[Term, TermSum]] = {}
    for part in parts:
        for currency, terms in part.term_sums().items():
            mine = out.setdefault(currency, {term: TermSum() for term in _TERMS})
            for term, sums in terms.items():
                mine[term] = mine[term].plus(sums)
    return out
