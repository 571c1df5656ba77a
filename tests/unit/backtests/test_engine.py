"""The backtest engine: deterministic, no look-ahead, fills at the next open, fees, the gate."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import numpy as np
import pytest

from adapters.brokers.paper.broker import PaperBroker
from application.strategies.backtest_engine import BacktestCanceled, BacktestEngine
from application.strategies.backtest_world import WorldSpec
from bootstrap.backtest_world import build_world
from domain.backtests.model import FeeModel
from ports.trading.broker import BrokerErrorCode
from tests.kit.backtests import (
    FIRST,
    cut,
    oracle,
    oracle_same_bar,
    request,
    run,
    series_of,
    strategy,
)


async def test_the_same_inputs_give_the_same_results() -> None:
    # Arrange
    series = series_of()

    # Act
    first, second = await run(series), await run(series)

    # Assert
    assert first.trades and first == second


async def test_later_bars_change_nothing_decided_before_them() -> None:
    # Arrange: the same history, once cut at bar 200
    series = series_of()

    # Act
    full, short = await run(series), await run(cut(series, 200))

    # Assert: every trade closed and every denial before the cut's last two bars is the same
    limit = datetime.fromtimestamp(float(series["T0"].start[198]), tz=UTC)
    assert [t for t in full.trades if t.exit_at < limit] == [
        t for t in short.trades if t.exit_at < limit
    ]
    assert full.equity[:190] == short.equity[:190]


async def test_a_signal_that_peeks_at_the_next_bar_profits_but_an_honest_one_does_not() -> None:
    # Arrange: a driftless market; the peeking source is the control that proves the test can
    # tell: it earns because its order fills at that next bar's open. The honest copy of the
    # same rule, one bar later (what a look-ahead bug would hand the strategy as the present),
    # is traded at the next open too and must earn nothing.
    series = series_of(symbols=2, bars=400, seed=11)
    no_stops = strategy(stop_loss_fraction=None, take_profit_fraction=None, max_holding_bars=1)

    # Act
    peeking = await run(series, strat=no_stops, scores=oracle)
    honest = await run(series, strat=no_stops, scores=oracle_same_bar)

    # Assert
    assert peeking.metrics is not None and honest.metrics is not None
    assert peeking.metrics.total_return > 0.10
    assert honest.metrics.total_return < 0.02


async def test_an_entry_fills_at_the_next_open_with_slippage_and_pays_the_fees() -> None:
    # Arrange
    series = series_of(symbols=1)
    fees = FeeModel(per_share=Decimal("0.01"), bps=Decimal(5))
    req = request(series, fees=fees, slippage_bps=Decimal(10))

    # Act
    result = await run(series, req=req)

    # Assert
    trade = result.trades[0]
    s = series["T0"]
    row = int(np.searchsorted(s.start, trade.entry_at.timestamp()))
    open_ = Decimal(repr(float(s.open[row])))
    slip = Decimal(10) / Decimal(10_000)
    expected = open_ * (1 + slip) if trade.direction == "long" else open_ * (1 - slip)
    assert trade.entry_price == expected
    entry_fee = fees.fee(trade.quantity, trade.entry_price)
    exit_fee = fees.fee(trade.quantity, trade.exit_price)
    assert trade.fees == entry_fee + exit_fee
    sign = 1 if trade.direction == "long" else -1
    gross = (trade.exit_price - trade.entry_price) * trade.quantity * sign
    assert trade.pnl == gross - trade.fees


async def test_orders_the_gate_denies_are_reported_with_the_reason() -> None:
    # Arrange: every instrument in one sector, entries of 20 % of equity: the sector cap binds
    series = series_of(symbols=3)

    # Act
    result = await run(series, sectors=False)

    # Assert
    assert result.denied and result.denied_total == len(result.denied)
    assert {d.reasons for d in result.denied} == {("SECTOR_CONCENTRATION",)}
    assert all(d.action == "enter" for d in result.denied)


async def test_brackets_and_time_exits_close_trades_with_their_reason() -> None:
    # Arrange
    series = series_of()

    # Act
    result = await run(series, strat=strategy(max_holding_bars=3))

    # Assert
    reasons = {t.exit_reason for t in result.trades}
    assert "time" in reasons and reasons <= {"stop_loss", "take_profit", "time", "signal"}
    assert result.metrics is not None and result.metrics.trades == len(result.trades)


async def test_a_canceled_run_stops_and_progress_only_grows() -> None:
    # Arrange
    seen: list[float] = []

    # Act / Assert
    with pytest.raises(BacktestCanceled):
        await run(series_of(), progress=seen.append, canceled=lambda: len(seen) >= 3)
    assert seen == sorted(seen) and len(seen) == 3


async def test_equity_starts_at_the_starting_cash_and_ends_at_cash_plus_holdings() -> None:
    # Arrange
    series = series_of()

    # Act
    result = await run(series, req=replace(request(series), starting_cash=Decimal(50_000)))

    # Assert
    assert result.equity[0].equity == Decimal(50_000)
    assert result.metrics is not None
    assert result.metrics.final_equity == result.equity[-1].equity


async def test_an_order_the_paper_broker_rejects_is_reported_and_the_run_goes_on() -> None:
    # Arrange: the paper broker rejects the first two orders it receives
    series = series_of(symbols=1)
    req = request(series)
    world = build_world(
        WorldSpec("acc-1", "u-1", req.starting_cash, req.symbols, Decimal(0), FIRST)
    )
    broker = world.orders.dispatch.brokers.named("paper")
    assert isinstance(broker, PaperBroker)
    broker.fail_next(2, BrokerErrorCode.REJECTED, methods=["submit"], retryable=False)
    engine = BacktestEngine(strategy(), req, series, world, account_id="acc-1")

    # Act
    result = await engine.run()

    # Assert
    assert [d.reasons for d in result.denied[:2]] == [("REJECTED",)] * 2  # the order's status
    assert result.trades and result.metrics is not None
