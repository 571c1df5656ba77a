"""Closed trades replayed from fills: the round-trip convention on worked examples."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.analytics.fills_replay import cash_effect, replay, traded_notional
from domain.analytics.performance import trade_stats
from domain.trading.fills import Fill
from domain.trading.orders import Side

D = Decimal
T0 = datetime(2026, 1, 5, 15, tzinfo=UTC)


def fill(k: int, side: Side, quantity: str, price: str, symbol: str = "AAPL") -> Fill:
    return Fill(
        f"f{k}", f"o{k}", "acc", symbol, side, D(quantity), D(price),
        T0 + timedelta(minutes=k), commission=D(1),
    )  # fmt: skip


def test_closing_fills_are_trades_and_opening_fills_are_not() -> None:
    # Arrange: buy 10 @ 100, buy 10 @ 110 (average 105), sell 5 @ 120, sell 15 @ 100
    fills = [
        fill(1, Side.BUY, "10", "100"),
        fill(2, Side.BUY, "10", "110"),
        fill(3, Side.SELL, "5", "120"),
        fill(4, Side.SELL, "15", "100"),
    ]

    # Act: given out of order, replayed by time
    result = replay(reversed(fills))

    # Assert: 5 x (120 - 105) = 75 gross, 74 net; 15 x (100 - 105) = -75 gross, -76 net
    assert [(t.fill_id, t.realized, t.result) for t in result.trades] == [
        ("f3", D(75), D(74)),
        ("f4", D(-75), D(-76)),
    ]
    assert result.realized_by_fill == {"f1": D(-1), "f2": D(-1), "f3": D(74), "f4": D(-76)}
    stats = trade_stats([t.result for t in result.trades])
    assert (stats.trades, stats.winners, stats.losers) == (2, 1, 1)


def test_a_flip_through_zero_closes_one_side_and_opens_the_other() -> None:
    # Arrange: long 10 @ 100, sell 15 @ 110 (closes 10, opens a 5 short), buy 5 @ 100
    fills = [fill(1, Side.BUY, "10", "100"), fill(2, Side.SELL, "15", "110")]
    fills.append(fill(3, Side.BUY, "5", "100"))

    # Act
    result = replay(fills)

    # Assert: 10 x 10 = 100 on the flip; the short made 5 x 10 = 50
    assert [(t.fill_id, t.realized) for t in result.trades] == [("f2", D(100)), ("f3", D(50))]


def test_the_multiplier_scales_pnl_notional_and_cash() -> None:
    # Arrange: a contract of multiplier 100
    fills = [fill(1, Side.BUY, "2", "5", "OPT"), fill(2, Side.SELL, "2", "6", "OPT")]
    multipliers = {"OPT": D(100)}

    # Act / Assert: 2 x (6 - 5) x 100 = 200; notional 1000 + 1200; cash -1000 - 1 + 1200 - 1
    assert replay(fills, multipliers).trades[0].realized == D(200)
    assert traded_notional(fills, multipliers) == D(2200)
    assert cash_effect(fills, multipliers) == D(198)
