"""Positions and accounts: P&L long and short, flips through zero, and a fill-sum property."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.orders import Side
from domain.trading.positions import Position

D = Decimal
AT = datetime(2026, 1, 5, tzinfo=UTC)


def test_long_then_partial_close_realizes_pnl() -> None:
    p = Position("AAPL")
    p.apply_fill(Side.BUY, D(10), D(100))
    p.apply_fill(Side.BUY, D(10), D(110))  # avg (1000 + 1100) / 20 = 105
    realized = p.apply_fill(Side.SELL, D(5), D(120))  # 5 x (120 - 105) = 75
    assert (p.quantity, p.average_price, realized, p.realized_pnl) == (D(15), D(105), D(75), D(75))
    assert p.unrealized_pnl(D(100)) == D(-75)  # 15 x (100 - 105)


def test_short_profit_when_price_falls() -> None:
    p = Position("XOM")
    p.apply_fill(Side.SELL, D(10), D(50))
    realized = p.apply_fill(Side.BUY, D(4), D(40))  # 4 x (40 - 50) x -1 = 40
    assert (p.quantity, p.average_price, realized) == (D(-6), D(50), D(40))
    assert p.market_value(D(45)) == D(-270)
    assert p.notional(D(45)) == D(270)


def test_flip_through_zero_opens_remainder_at_fill_price() -> None:
    p = Position("AAPL")
    p.apply_fill(Side.BUY, D(10), D(100))
    realized = p.apply_fill(Side.SELL, D(15), D(110))  # closes 10: +100; opens -5 @ 110
    assert (p.quantity, p.average_price, realized) == (D(-5), D(110), D(100))
    p.apply_fill(Side.BUY, D(5), D(100))  # closes the short: 5 x (100 - 110) x -1 = 50
    assert p.is_flat
    assert p.average_price == 0
    assert p.realized_pnl == D(150)


def test_multiplier_scales_pnl() -> None:
    p = Position("ES", multiplier=D(50))
    p.apply_fill(Side.BUY, D(2), D(5000))
    assert p.apply_fill(Side.SELL, D(1), D(5010)) == D(500)  # 1 x 10 x 50


def test_reduces_only_without_flip() -> None:
    p = Position("AAPL", D(10), D(100))
    assert p.reduces(Side.SELL, D(10))
    assert not p.reduces(Side.SELL, D(11))
    assert not p.reduces(Side.BUY, D(1))


def test_account_books_cash_pnl_equity_and_drawdown() -> None:
    account = Account("acc", "u", D(10_000), start_of_day_equity=D(10_000), peak_equity=D(10_000))
    account.apply_fill(Fill("f1", "o1", "acc", "AAPL", Side.BUY, D(10), D(100), AT, D(1)))
    account.apply_fill(Fill("f2", "o2", "acc", "AAPL", Side.SELL, D(4), D(110), AT))
    # cash: 10,000 - 1,000 - 1 + 440 = 9,439; position 6 @ 100; realized 40 - 1 commission
    assert account.cash == D(9439)
    assert account.day_realized_pnl == D(39)
    marks = {"AAPL": D(90)}
    assert account.equity(marks) == D(9979)  # 9,439 + 6 x 90
    assert account.day_pnl(marks) == D(-21)
    assert account.drawdown(marks) == D("0.0021")  # 21 / 10,000


fills = st.lists(
    st.tuples(
        st.sampled_from([Side.BUY, Side.SELL]),
        st.integers(min_value=1, max_value=1_000),
        st.integers(min_value=1, max_value=100_000),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(fills)
def test_position_is_signed_sum_of_fills_and_pnl_adds_up(
    trades: list[tuple[Side, int, int]],
) -> None:
    # Arrange
    account = Account("acc", "u", D(0))
    expected_qty = D(0)
    cash_flow = D(0)
    # Act
    for i, (side, qty, cents) in enumerate(trades):
        price = D(cents) / 100
        account.apply_fill(Fill(f"f{i}", f"o{i}", "acc", "X", side, D(qty), price, AT))
        expected_qty += D(qty) * side.sign
        cash_flow -= D(qty) * side.sign * price
    # Assert: quantity is the signed sum; realized + unrealized = total P&L at any mark
    position = account.positions["X"]
    assert position.quantity == expected_qty
    mark = D(cents) / 100
    total_pnl = cash_flow + expected_qty * mark
    # equal up to Decimal's 28-digit rounding of the average price
    gap = position.realized_pnl + position.unrealized_pnl(mark) - total_pnl
    assert abs(gap) <= D("1e-15")
    assert account.cash == cash_flow
