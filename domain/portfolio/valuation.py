"""Daily market value of a portfolio from its transactions and a table of closing prices.

Conventions: one point per calendar day from `start` to `end` (inclusive), each the value at
the end of that day: every transaction traded on or before the day applied (holdings.py),
each symbol held priced at its last close on or before the day (the close of the last
trading day carries over weekends and holidays), a symbol with no close yet at its last
trade price (the buy's price, the transfer's basis). Closes are the unadjusted closes of each
day (a split changes the quantity, not past closes). Cash is included, per currency.
Everything must be in the portfolio's base currency (no FX conversion is done here):
a transaction in another currency raises InvalidTransaction(field="currency"), a symbol held
with no price at all InvalidTransaction(field="symbol").

External flows per day (deposits +, withdrawals -, shares transferred in +, out -, the
transferred shares valued at that day's price) are what the return measures remove
(returns.py). Money is Decimal throughout.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.errors import InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.holdings import HoldingsBuilder
from domain.portfolio.transactions import Transaction, TransactionKind, ledger_sorted


@dataclass(frozen=True, slots=True)
class DailyValue:
    """One day's end-of-day value: `market_value` = `holdings_value` + `cash`;
    `cash_flow` is the day's external flow (+ in), all in the base currency."""

    day: date
    market_value: Decimal
    holdings_value: Decimal
    cash: Decimal
    cash_flow: Decimal


class CloseTable:
    """Closes by symbol: the last close on or before a day (None before the first)."""

    __slots__ = ("_closes", "_days")

    def __init__(self, closes: Mapping[str, Mapping[date, Decimal]]) -> None:
        self._days: dict[str, list[date]] = {}
        self._closes: dict[str, list[Decimal]] = {}
        for symbol, by_day in closes.items():
            days = sorted(by_day)
            self._days[symbol] = days
            self._closes[symbol] = [by_day[d] for d in days]

    def close_on_or_before(self, symbol: str, day: date) -> Decimal | None:
        days = self._days.get(symbol)
        if not days:
            return None
        at = bisect.bisect_right(days, day)
        return self._closes[symbol][at - 1] if at else None


def daily_values(
    transactions: Sequence[Transaction],
    closes: Mapping[str, Mapping[date, Decimal]],
    start: date,
    end: date,
    *,
    base_currency: str = "USD",
) -> list[DailyValue]:
    """End-of-day values from `start` to `end`; `transactions` in ledger order (a day's rows
    in booking order), those before `start` building the opening holdings."""
    if end < start:
        raise InvalidTransaction("end must not be before start", field="end")
    for tx in transactions:
        if tx.currency != base_currency:
            raise InvalidTransaction(
                f"transaction {tx.id} is in {tx.currency}, the portfolio in {base_currency}",
                field="currency",
            )
    table = CloseTable(closes)
    ordered = ledger_sorted(transactions)  # a day's corporate actions first, then booking order
    builder = HoldingsBuilder()
    at = 0
    while at < len(ordered) and ordered[at].trade_date < start:
        builder.apply(ordered[at])
        at += 1
    out: list[DailyValue] = []
    day = start
    while day <= end:
        flow = ZERO
        while at < len(ordered) and ordered[at].trade_date == day:
            tx = ordered[at]
            builder.apply(tx)
            flow += _external_flow(tx, table, builder)
            at += 1
        holdings_value = ZERO
        for (_account, symbol), quantity in builder.quantities.items():
            holdings_value += quantity * _price(symbol, day, table, builder)
        cash = sum(builder.cash.values(), ZERO)
        out.append(DailyValue(day, holdings_value + cash, holdings_value, cash, flow))
        day += timedelta(days=1)
    return out


def _external_flow(tx: Transaction, table: CloseTable, builder: HoldingsBuilder) -> Decimal:
    kind = tx.kind
    if kind is TransactionKind.DEPOSIT:
        return tx.amount
    if kind is TransactionKind.WITHDRAWAL:
        return -tx.amount
    if kind in (TransactionKind.TRANSFER_IN, TransactionKind.TRANSFER_OUT):
        assert tx.symbol is not None
        value = tx.quantity * _price(tx.symbol, tx.trade_date, table, builder)
        return value if kind is TransactionKind.TRANSFER_IN else -value
    return ZERO


def _price(symbol: str, day: date, table: CloseTable, builder: HoldingsBuilder) -> Decimal:
    close = table.close_on_or_before(symbol, day)
    if close is not None:
        return close
    last = builder.last_prices.get(symbol)
    if last is None:
        raise InvalidTransaction(f"no price for {symbol} on {day}", field="symbol")
    return last
