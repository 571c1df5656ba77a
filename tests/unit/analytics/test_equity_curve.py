"""Time-weighted returns, exposure and turnover against worked examples, and invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.equity_curve import (
    average_exposure,
    time_weighted_returns,
    turnover,
    unit_values,
)
from domain.analytics.performance import period_returns

D = Decimal


def test_a_deposit_is_not_a_gain() -> None:
    # Arrange: 100, then 100 deposited at the start of day 1 and the day ends at 210,
    # then a day without flows ending at 205.80
    equity = [D(100), D(210), D("205.80")]
    flows = [D(0), D(100), D(0)]

    # Act
    returns = time_weighted_returns(equity, flows)
    units = unit_values(equity, flows)

    # Assert: day 1 = 210 / (100 + 100) - 1 = +5 %; day 2 = 205.80 / 210 - 1 = -2 %
    assert returns == [D("0.05"), D("-0.02")]
    assert units == [D(1), D("1.05"), D("1.029")]


def test_a_withdrawal_is_not_a_loss() -> None:
    # Arrange: 1000, 500 withdrawn at the start of the day, the day ends at 550
    returns = time_weighted_returns([D(1000), D(550)], [D(0), D(-500)])

    # Assert: 550 / (1000 - 500) - 1 = +10 %
    assert returns == [D("0.1")]


def test_a_first_deposit_into_an_empty_account() -> None:
    # Arrange: empty, then 1000 deposited and the day ends at 1010; then emptied
    returns = time_weighted_returns([D(0), D(1010), D(0)], [D(0), D(1000), D(-1010)])

    # Assert: +1 % on the deposit; no capital at risk on the last day counts as 0
    assert returns == [D("0.01"), D(0)]


def test_the_first_snapshots_flow_is_part_of_the_starting_equity() -> None:
    assert time_weighted_returns([D(100), D(101)], [D(100), D(0)]) == [D("0.01")]


def test_mismatched_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="flow"):
        time_weighted_returns([D(1), D(2)], [D(0)])
    with pytest.raises(ValueError, match="finite"):
        unit_values([D(1), D("NaN")], [D(0), D(0)])


def test_exposure_is_the_mean_of_gross_over_equity() -> None:
    # Arrange: half invested, then 1.5x levered, then an empty day that is skipped
    gross = [D(50), D(150), D(0)]
    equity = [D(100), D(100), D(0)]

    # Act / Assert: (0.5 + 1.5) / 2
    assert average_exposure(gross, equity) == pytest.approx(1.0)
    assert average_exposure([], []) is None


def test_turnover_is_traded_notional_over_average_equity() -> None:
    # Arrange: three days of equity 100, 90, 110 (average 100); 200 then 100 traded
    traded = [D(0), D(200), D(-100)]  # a sign is ignored: notional is an amount
    equity = [D(100), D(90), D(110)]

    # Act
    result = turnover(traded, equity)

    # Assert: 300 / 100 = 3 over three days; x 252 / 3 = 252 a year
    assert result is not None
    assert result.traded_notional == D(300)
    assert result.average_equity == D(100)
    assert result.total == pytest.approx(3.0)
    assert result.annualized == pytest.approx(252.0)
    assert turnover([], []) is None
    assert turnover([D(1)], [D(0)]) is None


money = st.decimals(min_value=D(1), max_value=D(10**9), places=2)


@given(st.lists(money, min_size=1, max_size=30))
def test_without_flows_twr_is_the_simple_period_return(equity: list[Decimal]) -> None:
    flows = [D(0)] * len(equity)
    twr = [float(r) for r in time_weighted_returns(equity, flows)]
    assert twr == pytest.approx(period_returns(equity))


@given(
    st.lists(st.tuples(money, st.decimals(min_value=D(-(10**6)), max_value=D(10**6), places=2))),
    st.decimals(min_value=D("0.01"), max_value=D(1000), places=2),
)
def test_twr_does_not_depend_on_the_size_of_the_account(
    days: list[tuple[Decimal, Decimal]], scale: Decimal
) -> None:
    equity = [e for e, _ in days]
    flows = [f for _, f in days]
    plain = time_weighted_returns(equity, flows)
    scaled = time_weighted_returns([e * scale for e in equity], [f * scale for f in flows])
    assert [float(r) for r in scaled] == pytest.approx([float(r) for r in plain])


@given(st.lists(money, min_size=2, max_size=30), st.integers(min_value=1), money)
def test_a_deposit_that_only_adds_cash_leaves_the_unit_value_alone(
    equity: list[Decimal], at: int, deposit: Decimal
) -> None:
    # Arrange: a curve that ends on a day whose only change is a deposit
    day = at % (len(equity) - 1) + 1
    with_flow = [*equity[:day], equity[day - 1] + deposit]
    flows = [D(0)] * day + [deposit]

    # Act
    units = unit_values(with_flow, flows)

    # Assert: the deposit day earns exactly 0
    assert units[-1] == units[-2]
