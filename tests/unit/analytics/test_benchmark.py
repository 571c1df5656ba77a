"""Benchmark-relative statistics against a hand-computed example, and their invariants."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.analytics.benchmark import (
    align,
    alpha,
    benchmark_stats,
    beta,
    information_ratio,
    span_returns,
    tracking_error,
)

# Worked by hand, three periods:
#   benchmark r_b = 0.01, -0.02, 0.04   mean 0.01,  deviations 0, -0.03, 0.03 (sum sq 0.0018)
#   portfolio r_p = 0.02, -0.01, 0.03   mean 1/75,  deviations 1/150, -7/300, 1/60
#   covariance sum = (-0.03)(-7/300) + (0.03)(1/60) = 0.0007 + 0.0005 = 0.0012
#   beta = 0.0012 / 0.0018 = 2/3 (the (n - 1) denominators cancel)
#   Jensen's alpha per period, rf = 0: 1/75 - 2/3 x 0.01 = 1/150; x 252 = 1.68
#   active a = 0.01, 0.01, -0.01   mean 1/300, deviations 1/150, 1/150, -2/150
#   sum sq = 6 / 22500 = 1/3750; sample variance 1/7500; stdev 0.0115470
#   tracking error = 0.0115470 x sqrt(252) = 0.1833030
#   information ratio = (1/300) x 252 / 0.1833030 = 4.5825757
#   benchmark total return = 1.01 x 0.98 x 1.04 - 1 = 0.029392
BENCH = [0.01, -0.02, 0.04]
PORT = [0.02, -0.01, 0.03]


def test_a_three_period_example_worked_by_hand() -> None:
    # Act
    stats = benchmark_stats(PORT, BENCH)

    # Assert
    assert stats.points == 3
    assert stats.beta == pytest.approx(2 / 3)
    assert stats.alpha_annual == pytest.approx(1.68)
    assert stats.tracking_error_annual == pytest.approx(0.1833030, rel=1e-6)
    assert stats.information_ratio == pytest.approx(4.5825757, rel=1e-6)
    assert stats.benchmark_total_return == pytest.approx(0.029392)


def test_alpha_takes_the_risk_free_rate_per_period() -> None:
    # Arrange: an annual rate whose per-period rate is exactly 0.001
    annual = 1.001**252 - 1

    # Act
    with_rf = alpha(PORT, BENCH, risk_free=annual)

    # Assert: a = (1/75 - 0.001) - 2/3 x (0.01 - 0.001) = 0.0063333; x 252 = 1.596
    assert with_rf == pytest.approx(1.596)


def test_a_constant_outperformance_has_beta_one_and_no_information_ratio() -> None:
    # Arrange: the portfolio beats the benchmark by exactly 1 % every period
    portfolio = [0.02, -0.01, 0.03]
    benchmark = [0.01, -0.02, 0.02]

    # Act
    stats = benchmark_stats(portfolio, benchmark)

    # Assert
    assert stats.beta == pytest.approx(1.0)
    assert stats.alpha_annual == pytest.approx(0.01 * 252)
    assert stats.tracking_error_annual == 0.0
    assert stats.information_ratio is None


@pytest.mark.parametrize(
    ("portfolio", "benchmark"),
    [([], []), ([0.01], [0.02]), ([0.01, 0.02], [0.005, 0.005])],
    ids=["empty", "one point", "flat benchmark"],
)
def test_undefined_figures_are_none(portfolio: list[float], benchmark: list[float]) -> None:
    # Act
    stats = benchmark_stats(portfolio, benchmark)

    # Assert
    assert stats.beta is None
    assert stats.alpha_annual is None
    if len(portfolio) < 2:
        assert stats.tracking_error_annual is None
        assert stats.information_ratio is None


def test_unpaired_or_non_finite_returns_are_refused() -> None:
    with pytest.raises(ValueError, match="paired"):
        beta([0.01, 0.02], [0.01])
    with pytest.raises(ValueError, match="finite"):
        tracking_error([0.01, math.nan], [0.01, 0.02])


def test_align_pairs_the_dates_both_series_have() -> None:
    # Arrange
    portfolio = {date(2026, 1, 2): 0.01, date(2026, 1, 5): 0.02, date(2026, 1, 6): 0.03}
    benchmark = {date(2026, 1, 6): -0.01, date(2026, 1, 2): 0.005, date(2026, 1, 7): 0.5}

    # Act
    paired = align(portfolio, benchmark)

    # Assert: oldest first, 5 Jan and 7 Jan dropped
    assert paired == ([0.01, 0.03], [0.005, -0.01])


returns = st.lists(
    st.floats(min_value=-0.2, max_value=0.2, allow_nan=False), min_size=2, max_size=40
)


@given(returns)
def test_a_series_against_itself_has_beta_one_and_no_alpha_nor_tracking(
    series: list[float],
) -> None:
    assume(max(series) - min(series) > 1e-6)
    assert beta(series, series) == pytest.approx(1.0)
    assert alpha(series, series) == pytest.approx(0.0, abs=1e-9)
    assert tracking_error(series, series) == 0.0
    assert information_ratio(series, series) is None


@given(returns, st.floats(min_value=-3, max_value=3))
def test_beta_of_a_scaled_benchmark_is_the_scale(series: list[float], scale: float) -> None:
    assume(max(series) - min(series) > 1e-6)
    scaled = [scale * r for r in series]
    assert beta(scaled, series) == pytest.approx(scale, abs=1e-9)
    assert alpha(scaled, series) == pytest.approx(0.0, abs=1e-7)


@given(returns, returns)
def test_the_information_ratio_has_the_sign_of_the_mean_active_return(
    portfolio: list[float], benchmark: list[float]
) -> None:
    size = min(len(portfolio), len(benchmark))
    portfolio, benchmark = portfolio[:size], benchmark[:size]
    ratio = information_ratio(portfolio, benchmark)
    error = tracking_error(portfolio, benchmark)
    assert error is not None and error >= 0
    mean_active = math.fsum(p - b for p, b in zip(portfolio, benchmark, strict=True)) / size
    if ratio is not None and abs(mean_active) > 1e-12:
        assert (ratio > 0) == (mean_active > 0)


def test_span_returns_measure_the_benchmark_over_the_portfolios_own_periods() -> None:
    # Arrange: closes Thu 100, Fri 102, Mon 99.96, Wed 104.958 (no Tuesday close)
    closes = {
        date(2026, 1, 1): Decimal(100),
        date(2026, 1, 2): Decimal(102),
        date(2026, 1, 5): Decimal("99.96"),
        date(2026, 1, 7): Decimal("104.958"),
    }
    periods = [
        (date(2026, 1, 2), date(2026, 1, 5)),  # over the weekend
        (date(2026, 1, 5), date(2026, 1, 6)),  # Tuesday: no close, left out
        (date(2026, 1, 6), date(2026, 1, 7)),  # base: Monday, the last close on or before
        (date(2025, 12, 1), date(2026, 1, 1)),  # nothing closed before: left out
    ]

    # Act
    returns = span_returns(closes, periods)

    # Assert: 99.96 / 102 - 1 = -2 %; 104.958 / 99.96 - 1 = +5 %
    assert returns == pytest.approx({date(2026, 1, 5): -0.02, date(2026, 1, 7): 0.05})
