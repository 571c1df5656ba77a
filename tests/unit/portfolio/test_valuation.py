"""Daily valuation worked by hand: closes carried over a weekend, cash, flows, the TWR of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import InvalidTransaction
from domain.portfolio.returns import time_weighted_return
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.portfolio.valuation import daily_values

D = Decimal
K = TransactionKind
FRI, SAT, SUN, MON = date(2025, 3, 7), date(2025, 3, 8), date(2025, 3, 9), date(2025, 3, 10)


def tx(n: int, kind: TransactionKind, day: date, **fields: object) -> Transaction:
    return Transaction(  # type: ignore[arg-type]
        id=f"t-{n}", portfolio_id="p-1", account_id="a-1", kind=kind, trade_date=day, **fields
    )


def test_the_last_close_carries_over_the_weekend_and_cash_counts() -> None:
    # Arrange: deposit 1000 Friday, buy 5 AAPL at 100 (+1 fee) Friday; closes Fri 102, Mon 98
    ledger = [
        tx(1, K.DEPOSIT, FRI, amount=D("1000")),
        tx(2, K.BUY, FRI, symbol="AAPL", quantity=D("5"), price=D("100"), fees=D("1")),
    ]
    closes = {"AAPL": {FRI: D("102"), MON: D("98")}}

    # Act
    series = daily_values(ledger, closes, FRI, MON)

    # Assert: cash 1000 - 501 = 499; Fri-Sun 5 x 102 = 510; Mon 5 x 98 = 490
    assert [(v.day, v.holdings_value, v.cash, v.market_value) for v in series] == [
        (FRI, D("510"), D("499"), D("1009")),
        (SAT, D("510"), D("499"), D("1009")),
        (SUN, D("510"), D("499"), D("1009")),
        (MON, D("490"), D("499"), D("989")),
    ]
    assert [v.cash_flow for v in series] == [D("1000"), D(0), D(0), D(0)]
    # TWR: 1009/1000 x 1 x 1 x 989/1009 - 1 = -1.1 %
    twr = time_weighted_return([v.market_value for v in series], [v.cash_flow for v in series])
    assert twr is not None and abs(twr - D("-0.011")) < D("1e-26")


def test_transfers_are_flows_at_the_days_close_and_unpriced_symbols_use_the_trade_price() -> None:
    # Arrange: 10 MSFT arrive Saturday (basis 250); the last close is Friday's 400; 2 XYZ
    # bought Monday at 7 have no close at all.
    ledger = [
        tx(1, K.TRANSFER_IN, SAT, symbol="MSFT", quantity=D("10"), price=D("250")),
        tx(2, K.DEPOSIT, MON, amount=D("14")),
        tx(3, K.BUY, MON, symbol="XYZ", quantity=D("2"), price=D("7")),
    ]
    closes = {"MSFT": {FRI: D("400"), MON: D("410")}}

    # Act
    series = daily_values(ledger, closes, SAT, MON)

    # Assert
    assert [v.cash_flow for v in series] == [D("4000"), D(0), D("14")]
    assert [v.market_value for v in series] == [D("4000"), D("4000"), D("4114")]


def test_opening_holdings_come_from_transactions_before_the_start() -> None:
    ledger = [tx(1, K.DEPOSIT, FRI, amount=D("50")), tx(2, K.WITHDRAWAL, MON, amount=D("20"))]

    series = daily_values(ledger, {}, SUN, MON)

    assert [(v.market_value, v.cash_flow) for v in series] == [(D(50), D(0)), (D(30), D(-20))]


def test_another_currency_or_a_symbol_without_any_price_is_refused() -> None:
    euros = [tx(1, K.DEPOSIT, FRI, amount=D("50"), currency="EUR")]
    with pytest.raises(InvalidTransaction) as currency:
        daily_values(euros, {}, FRI, MON, base_currency="USD")
    assert currency.value.field == "currency"

    free = [tx(1, K.TRANSFER_IN, FRI, symbol="GIFT", quantity=D("1"), price=D("0"))]
    with pytest.raises(InvalidTransaction) as symbol:
        daily_values(free, {}, FRI, FRI)
    assert symbol.value.field == "symbol"
    with pytest.raises(InvalidTransaction):
        daily_values([], {}, MON, FRI)
