"""The pattern-day-trader rule and day-trading buying power at their boundaries."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.account_rules.buying_power import (
    buying_power_denial,
    day_trading_buying_power,
    is_pattern_day_trader,
)
from domain.account_rules.pattern_day_trader import pattern_day_trade_denial

D = Decimal


def pdt(equity: str, day_trades: int, *, margin: bool = True, makes: bool = True) -> str | None:
    return pattern_day_trade_denial(
        margin=margin, equity=D(equity), day_trades=day_trades, makes_day_trade=makes
    )


def test_a_fourth_day_trade_is_denied_a_third_is_not() -> None:
    assert pdt("10000", 2) is None
    assert pdt("10000", 3) is not None


def test_equity_of_25000_is_not_restricted_one_cent_less_is() -> None:
    assert pdt("25000", 3) is None
    assert pdt("24999.99", 3) is not None


def test_an_order_that_makes_no_day_trade_passes() -> None:
    assert pdt("10000", 7, makes=False) is None


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2),
    st.integers(min_value=0, max_value=100),
    st.booleans(),
)
def test_a_cash_account_is_never_denied(equity: Decimal, day_trades: int, makes: bool) -> None:
    assert pdt(str(equity), day_trades, margin=False, makes=makes) is None


def test_four_day_trades_before_today_make_a_pattern_day_trader() -> None:
    assert not is_pattern_day_trader(margin=True, day_trades_before_today=3)
    assert is_pattern_day_trader(margin=True, day_trades_before_today=4)
    assert not is_pattern_day_trader(margin=False, day_trades_before_today=9)


def test_day_trading_buying_power_is_four_times_the_maintenance_excess() -> None:
    assert day_trading_buying_power(D(30000), D(5000)) == D(100000)
    assert day_trading_buying_power(D(3000), D(5000)) == D(0)


def test_exactly_the_buying_power_passes_one_cent_over_is_denied() -> None:
    # Arrange: 100,000 of power, 60,000 opened today
    power, used = D(100000), D(60000)

    # Act / Assert
    assert buying_power_denial(power, used, D("40000.00")) is None
    assert buying_power_denial(power, used, D("40000.01")) is not None


@given(
    st.decimals(min_value=0, max_value=10**8, places=2),
    st.decimals(min_value=0, max_value=10**8, places=2),
)
def test_the_power_is_never_negative(equity: Decimal, maintenance: Decimal) -> None:
    assert day_trading_buying_power(equity, maintenance) >= 0
