"""IV rank / percentile and the constant-maturity ATM IV: worked examples and invariants."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.options.iv_stats import (
    TARGET_YEARS,
    IVRankReason,
    atm_volatility,
    chain_constant_maturity_iv,
    constant_maturity_iv,
    iv_rank,
)


def test_rank_and_percentile_of_a_worked_history() -> None:
    # Arrange: min 0.20, max 0.40, current 0.35; prior days below 0.35: 0.20, 0.30, 0.25.
    history = [0.20, 0.30, 0.25, 0.40, 0.35]

    # Act
    result = iv_rank(history)

    # Assert: rank (0.35 - 0.20) / (0.40 - 0.20) = 0.75; percentile 3 of 4 prior days.
    assert result.rank == pytest.approx(0.75)
    assert result.percentile == pytest.approx(0.75)
    assert (result.minimum, result.maximum, result.current) == (0.20, 0.40, 0.35)
    assert result.observations == 5
    assert result.reason is IVRankReason.OK


def test_only_the_last_window_days_count() -> None:
    # The window [0.2, 0.3, 0.25] leaves out the 0.1 low and the 0.5 high.
    result = iv_rank([0.1, 0.5, 0.2, 0.3, 0.25], window=3)

    assert result.rank == pytest.approx(0.5)
    assert result.percentile == pytest.approx(0.5)
    assert result.observations == 3
    assert result.window == 3


def test_one_observation_has_no_rank_and_says_why() -> None:
    result = iv_rank([0.22])

    assert result.rank is None
    assert result.percentile is None
    assert result.current == 0.22
    assert result.observations == 1
    assert result.reason is IVRankReason.INSUFFICIENT_HISTORY


def test_an_empty_history_has_nothing() -> None:
    result = iv_rank([])

    assert result.current is None
    assert result.observations == 0
    assert result.reason is IVRankReason.INSUFFICIENT_HISTORY


def test_a_flat_window_has_no_rank_but_a_zero_percentile() -> None:
    result = iv_rank([0.3, 0.3, 0.3])

    assert result.rank is None
    assert result.percentile == 0.0
    assert result.reason is IVRankReason.FLAT_WINDOW


def test_non_finite_days_are_dropped() -> None:
    result = iv_rank([0.2, math.nan, 0.4, math.inf, 0.3])

    assert result.observations == 3
    assert result.rank == pytest.approx(0.5)


@given(
    st.lists(st.floats(min_value=0.01, max_value=3.0, allow_nan=False), min_size=2, max_size=300),
    st.integers(min_value=2, max_value=300),
)
def test_rank_and_percentile_are_in_the_unit_interval(history: list[float], window: int) -> None:
    result = iv_rank(history, window=window)

    assert result.percentile is not None and 0.0 <= result.percentile <= 1.0
    assert result.rank is None or 0.0 <= result.rank <= 1.0
    assert result.observations == min(len(history), window)


def test_total_variance_is_interpolated_between_the_bracketing_expiries() -> None:
    # Arrange: 20 days at 20%, 40 days at 30%; w = vol^2 T.
    years = [20 / 365, 40 / 365]

    # Act
    vol = constant_maturity_iv(years, [0.20, 0.30])

    # Assert: w(30d) = (0.04 * 20 + 0.09 * 40) / 2 / 365 = 2.2 / 365, vol = sqrt(2.2 / 30).
    assert vol == pytest.approx(math.sqrt(2.2 / 30), rel=1e-12)


def test_a_target_outside_the_expiries_takes_the_nearest_vol() -> None:
    assert constant_maturity_iv([45 / 365, 90 / 365], [0.25, 0.3]) == 0.25
    assert constant_maturity_iv([5 / 365, 12 / 365], [0.25, 0.3]) == 0.3
    assert constant_maturity_iv([30 / 365], [0.4]) == 0.4
    assert constant_maturity_iv([], []) is None


def test_atm_vol_averages_call_and_put_and_interpolates_in_strike() -> None:
    # Strike 95: (0.30 + 0.32) / 2 = 0.31; strike 105: 0.27 (the put's NaN is left out).
    strikes = [95, 95, 105, 105]
    vols = [0.30, 0.32, 0.27, math.nan]

    vol = atm_volatility(strikes, vols, spot=100.0)

    assert vol == pytest.approx(0.29)
    assert atm_volatility([100], [math.nan], 100.0) is None


def test_a_chains_constant_maturity_iv_goes_through_both_steps() -> None:
    years = [20 / 365] * 2 + [40 / 365] * 2
    strikes = [100, 100, 100, 100]
    vols = [0.2, 0.2, 0.3, 0.3]

    vol = chain_constant_maturity_iv(100.0, years, strikes, vols, target_years=TARGET_YEARS)

    assert vol == pytest.approx(math.sqrt(2.2 / 30), rel=1e-12)
