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
import numpy.typing as npt

from domain.tax.ledger_rows import (
    Ints,
    LotTable,
    RealizedTable,
    Rows,
    WashTable,
    to_decimal,
)
from domain.tax.lots import RealizedLot, TaxLot, WashSale
from domain.tax.methods import TERMS, Term


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
    return exact_sums(values.reshape(-1, 1))[0]


def exact_sums(values: Ints) -> list[int]:
    """Exact column sums of a 2-D int64 array of values below 2^62 in magnitude: each value
    split into 31-bit halves, whose sums cannot wrap for fewer than 2^31 rows."""
    high = (values >> 31).sum(axis=0).tolist()
    low = (values & ((1 << 31) - 1)).sum(axis=0).tolist()
    return [(h << 31) + lo for h, lo in zip(high, low, strict=True)]


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
        sold = self.table.sale_columns()[0]
        keep = (sold >= date(year, 1, 1).toordinal()) & (sold <= date(year, 12, 31).toordinal())
        return RealizedRows(self.table, np.flatnonzero(keep & self._mask()))

    def _mask(self) -> npt.NDArray[np.bool_]:
        """Which rows of the table this view holds."""
        mask = np.zeros(self.table.size, np.bool_)
        if self.whole:
            mask[:] = True
        else:
            mask[self.positions()] = True
        return mask

    def term_sums(self) -> dict[str, dict[Term, TermSum]]:
        """Reportable rows' exact sums per currency (in order of first appearance) and term
        (both terms present for every currency)."""
        table = self.table
        _, reportable, currency = table.sale_columns()
        chosen = self._mask() & reportable
        present = np.flatnonzero(chosen)
        if present.shape[0] == 0:
            return {}
        from domain.tax._ksums import term_halves  # a numba kernel: loaded by the first sums

        codes = currency[present]
        if codes.min() == codes.max():  # one currency (the usual case)
            order = [int(codes[0])]
        else:
            found, first = np.unique(codes, return_index=True)
            order = found[np.argsort(first)].tolist()
        out: dict[str, dict[Term, TermSum]] = {}
        for code in order:
            mine = chosen if len(order) == 1 else chosen & (currency == code)
            sums, exponents = term_halves(table.c64, table.c8, mine, 1, 4)
            out[table.source.currencies[code]] = {
                term: _term_sum(sums[t], exponents[t]) for t, term in enumerate(TERMS)
            }
        return out


def _term_sum(halves: Ints, exponents: Ints) -> TermSum:
    """A TermSum from term_halves' row of one term."""
    h = halves.tolist()
    value = [(h[1 + 4 * k] << 31) + h[2 + 4 * k] for k in range(4)]
    size = [(h[3 + 4 * k] << 31) + h[4 + 4 * k] for k in range(4)]
    e = exponents.tolist()
    return TermSum(
        h[0],
        (value[0], value[1], value[2], value[3]),
        (size[0], size[1], size[2], size[3]),
        (e[0], e[1], e[2], e[3]),
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
            mine = out.setdefault(currency, {term: TermSum() for term in TERMS})
            for term, sums in terms.items():
                mine[term] = mine[term].plus(sums)
    return out
