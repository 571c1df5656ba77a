"""Insider transactions (SEC Form 4, Table I) and net insider buying per symbol over a window.

A record is one Table I row of a Form 4: the issuer's trading symbol, the reporting owner and
their relationship to the issuer, the transaction date, the transaction code, the shares, the
price per share (USD) and whether the shares were acquired (A) or disposed of (D).

Net buying counts open-market or private purchases (code P) and sales (code S) only: the
discretionary trades that tell what insiders think of the price. Grants and awards (A),
option exercises and conversions (M, X, C), tax withholding (F), gifts (G) and the other
codes move shares without a buying or selling decision and are counted apart (`other`).
Net shares = shares bought - shares sold; net value = sum of shares x price over P rows less
the same over S rows, USD. A window is inclusive of both its dates (transaction date).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.numbers import ZERO

PURCHASE = "P"
SALE = "S"
# Form 4 General Instructions 8: the transaction codes.
TRANSACTION_CODES = frozenset("PSVAKDFIMCEHOXGLWZJU")


class AcquiredDisposed(StrEnum):
    ACQUIRED = "A"
    DISPOSED = "D"


@dataclass(frozen=True, slots=True)
class InsiderTransaction:
    """One Form 4 Table I row; `price` in USD per share (None where the form gives none)."""

    symbol: str
    issuer_cik: str
    owner_name: str
    owner_cik: str
    relationship: str  # e.g. "Director", "Officer: CFO", "10% Owner"
    transaction_date: date
    code: str
    shares: Decimal
    price: Decimal | None
    acquired_disposed: AcquiredDisposed
    shares_owned_after: Decimal | None
    filed: date | None = None


@dataclass(frozen=True, slots=True)
class NetInsiderActivity:
    """One symbol's insider trading over a window (module doc for what counts)."""

    symbol: str
    buys: int
    sells: int
    other: int  # rows with another code (grants, exercises, withholding, gifts ...)
    shares_bought: Decimal
    shares_sold: Decimal
    value_bought: Decimal  # USD
    value_sold: Decimal  # USD
    buyers: int  # distinct reporting owners with a purchase
    sellers: int  # distinct reporting owners with a sale

    @property
    def net_shares(self) -> Decimal:
        return self.shares_bought - self.shares_sold

    @property
    def net_value(self) -> Decimal:
        return self.value_bought - self.value_sold


def net_buying(
    rows: Iterable[InsiderTransaction], start: date, end: date
) -> list[NetInsiderActivity]:
    """Per symbol (alphabetical), the net insider buying of rows dated start..end."""
    groups: dict[str, list[InsiderTransaction]] = defaultdict(list)
    for row in rows:
        if start <= row.transaction_date <= end:
            groups[row.symbol].append(row)
    out = []
    for symbol in sorted(groups):
        buys = [r for r in groups[symbol] if r.code == PURCHASE]
        sells = [r for r in groups[symbol] if r.code == SALE]
        out.append(
            NetInsiderActivity(
                symbol=symbol,
                buys=len(buys),
                sells=len(sells),
                other=len(groups[symbol]) - len(buys) - len(sells),
                shares_bought=sum((r.shares for r in buys), ZERO),
                shares_sold=sum((r.shares for r in sells), ZERO),
                value_bought=sum((r.shares * (r.price or ZERO) for r in buys), ZERO),
                value_sold=sum((r.shares * (r.price or ZERO) for r in sells), ZERO),
                buyers=len({r.owner_cik or r.owner_name for r in buys}),
                sellers=len({r.owner_cik or r.owner_name for r in sells}),
            )
        )
    return out
