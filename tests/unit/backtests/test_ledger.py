"""The backtest ledger against hand-computed books: fees, a round trip, equity, exposure."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from application.strategies.backtest_ledger import Ledger
from domain.backtests.model import EquityPoint, FeeModel
from domain.strategies.decide import Holding
from domain.trading.orders import Side

D = Decimal
T0 = datetime(2024, 1, 2, tzinfo=UTC)
T1 = datetime(2024, 1, 3, tzinfo=UTC)


def test_a_round_trip_books_cash_fees_trade_equity_and_exposure() -> None:
    # Arrange: 0.10 a share plus 10 bps; buy 10 at 10, close at 11, sell 10 at 12
    ledger = Ledger(D(1000), FeeModel(per_share=D("0.10"), bps=D(10)))

    # Act
    entry_fee = ledger.fill(D(10), D(10), Side.BUY)  # 1.00 + 0.10 = 1.10
    ledger.mark_day(date(2024, 1, 2), [D(10) * D(11)])
    holding = Holding(D(10), D(10), None, None, T0)
    ledger.close("ACME", holding, entry_fee, D(10), D(12), T1, "signal")  # fee 1.00 + 0.12
    ledger.mark_day(date(2024, 1, 3), [])
    metrics = ledger.metrics()

    # Assert
    assert entry_fee == D("1.10")
    assert ledger.cash == D(1000) - D(100) - D("1.10") + D(120) - D("1.12")  # 1017.78
    assert ledger.equity == [
        EquityPoint(date(2024, 1, 2), D("1008.90")),  # 898.90 cash + 110 of ACME
        EquityPoint(date(2024, 1, 3), D("1017.78")),
    ]
    trade = ledger.trades[0]
    assert (trade.fees, trade.pnl) == (D("2.22"), D(20) - D("2.22"))
    assert metrics is not None
    assert metrics.total_return == pytest.approx(1017.78 / 1008.90 - 1)
    assert metrics.exposure == pytest.approx((110 / 1008.90 + 0) / 2)
    assert metrics.time_in_market == 0.5
    # traded 100 + 120 over a mean equity of 1013.34, in 1 / 252 of a year
    assert metrics.turnover_annual == pytest.approx(220 / 1013.34 * 252)
    assert metrics.fees_paid == D("2.22") and metrics.final_equity == D("1017.78")
    assert (metrics.trades, metrics.win_rate) == (1, 1.0)


def test_a_short_round_trip_earns_when_the_price_falls() -> None:
    # Arrange
    ledger = Ledger(D(1000), FeeModel())

    # Act
    ledger.fill(D(5), D(20), Side.SELL)
    ledger.close("BOLT", Holding(D(-5), D(20), None, None, T0), D(0), D(5), D(18), T1, "stop_loss")

    # Assert
    assert ledger.cash == D(1010)
    assert ledger.trades[0].direction == "short" and ledger.trades[0].pnl == D(10)


def test_one_day_is_too_short_for_metrics() -> None:
    # Arrange
    ledger = Ledger(D(1000), FeeModel())
    ledger.mark_day(date(2024, 1, 2), [])

    # Act / Assert
    assert ledger.metrics() is None
