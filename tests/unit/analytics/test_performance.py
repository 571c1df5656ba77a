"""Performance statistics against hand-computed examples, and their invariants."""

from __future__ import annotations

import math
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.performance import drawdown, period_returns, return_stats, trade_stats

D = Decimal


def test_a_three_period_curve_worked_by_hand() -> None:
    # Arrange: 100 -> 110 -> 99 -> 121; returns +10 %, -10 %, +2/9; three periods a "year"
    equity = [D(100), D(110), D(99), D(121)]

    # Act
    stats = return_stats(equity, periods_per_year=3)

    # Assert
    # mean = (0.1 - 0.1 + 2/9) / 3 = 2/27; deviations 0.7/27, -4.7/27, 4/27;
    # sample variance = (0.49 + 22.09 + 16) / 729 / 2 -> stdev 0.1626681
    assert stats.periods == 3
    assert stats.total_return == pytest.approx(0.21)
    assert stats.cagr == pytest.approx(0.21)  # 1.21 ** (3 / 3) - 1
    assert stats.volatility_annual == pytest.approx(0.1626681 * math.sqrt(3), rel=1e-6)
    assert stats.sharpe == pytest.approx((2 / 27) / 0.1626681 * math.sqrt(3), rel=1e-6)
    # downside deviation = sqrt(0.1 ** 2 / 3): Sortino = (2/27) / (0.1 / sqrt 3) * sqrt 3 = 20/9
    assert stats.sortino == pytest.approx(20 / 9)
    assert stats.drawdown.max_fraction == pytest.approx(0.1)  # 110 -> 99
    assert (stats.drawdown.peak_index, stats.drawdown.trough_index) == (1, 2)
    assert stats.calmar == pytest.approx(2.1)  # 0.21 / 0.1


def test_annualising_a_daily_curve() -> None:
    # Arrange: +1 % a day for 126 trading days, half a year
    equity = [D(100) * D("1.01") ** k for k in range(127)]

    # Act
    stats = return_stats(equity)

    # Assert: CAGR = 1.01 ** 252 - 1; no variation, so no volatility-based ratio
    assert stats.cagr == pytest.approx(1.01**252 - 1, rel=1e-9)
    assert stats.volatility_annual == pytest.approx(0.0, abs=1e-12)
    assert stats.sortino is None  # no period below the target
    assert stats.calmar is None  # never below a peak


def test_the_risk_free_rate_is_taken_per_period() -> None:
    # Arrange
    equity = [D(100), D(110), D(99), D(121)]

    # Act
    plain = return_stats(equity, periods_per_year=3)
    with_rf = return_stats(equity, periods_per_year=3, risk_free=0.331)

    # Assert: rf per period = 1.331 ** (1/3) - 1 = 0.1
    assert plain.sharpe is not None and with_rf.sharpe is not None
    assert with_rf.sharpe == pytest.approx((2 / 27 - 0.1) / 0.1626681 * math.sqrt(3), rel=1e-6)


def test_the_longest_time_under_a_peak_and_the_deepest_fall() -> None:
    # Arrange: peak 120, down to 90 (-25 %), back above it at 130 three periods later
    equity = [D(100), D(120), D(90), D(100), D(110), D(130), D(125)]

    # Act
    falls = drawdown(equity)

    # Assert
    assert falls.max_fraction == pytest.approx(0.25)
    assert (falls.peak_index, falls.trough_index) == (1, 2)
    assert falls.longest_periods == 3


def test_a_flat_curve_has_no_ratio_to_report() -> None:
    # Act
    stats = return_stats([D(100), D(100), D(100)])

    # Assert
    assert stats.total_return == 0
    assert stats.sharpe is None and stats.sortino is None and stats.calmar is None


def test_one_return_has_no_volatility() -> None:
    # Act
    stats = return_stats([D(100), D(105)])

    # Assert
    assert stats.volatility_annual is None and stats.sharpe is None


@pytest.mark.parametrize("equity", [[D(100)], [D(100), D(0)], [D(100), D(-5)], [D("NaN"), D(1)]])
def test_a_curve_that_cannot_be_measured_is_refused(equity: list[Decimal]) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="equity"):
        return_stats(equity)


def test_trades_worked_by_hand() -> None:
    # Arrange: two winners, two losers, one breakeven
    results = [D(100), D(-50), D(0), D(300), D(-150)]

    # Act
    stats = trade_stats(results)

    # Assert
    assert (stats.trades, stats.winners, stats.losers) == (5, 2, 2)
    assert stats.win_rate == pytest.approx(0.4)  # the breakeven trade counts, but not as a win
    assert stats.gross_profit == D(400) and stats.gross_loss == D(200)
    assert stats.profit_factor == pytest.approx(2.0)
    assert stats.average_win == D(200) and stats.average_loss == D(100)


def test_no_trades_and_no_losers() -> None:
    # Act
    empty = trade_stats([])
    only_wins = trade_stats([D(5), D(7)])

    # Assert
    assert empty.win_rate is None and empty.profit_factor is None
    assert only_wins.profit_factor is None and only_wins.average_loss is None


curves = st.lists(
    st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2), min_size=2, max_size=60
)


@given(curves, st.integers(min_value=1, max_value=1000))
def test_scaling_the_curve_changes_no_statistic(equity: list[Decimal], factor: int) -> None:
    # Arrange
    scaled = [value * factor for value in equity]

    # Act
    one, other = return_stats(equity), return_stats(scaled)

    # Assert
    assert one.total_return == pytest.approx(other.total_return, rel=1e-9, abs=1e-12)
    assert one.drawdown == other.drawdown
    assert (one.sharpe is None) == (other.sharpe is None)


@given(curves)
def test_returns_compound_to_the_total_and_drawdown_is_a_fraction(equity: list[Decimal]) -> None:
    # Act
    stats = return_stats(equity)
    growths = [1 + r for r in period_returns(equity)]
    compounded = math.prod(growths)

    # Assert: equal to float rounding, which 1 + r loses most of on a deep fall (r near -1)
    growth = float(equity[-1] / equity[0])
    bound = 10 * len(growths) * sys.float_info.epsilon * max(1 / g for g in growths)
    assert math.isclose(compounded, growth, rel_tol=max(bound, 1e-12))
    assert stats.total_return == growth - 1
    assert 0 <= stats.drawdown.max_fraction < 1
    assert stats.drawdown.longest_periods <= stats.periods
