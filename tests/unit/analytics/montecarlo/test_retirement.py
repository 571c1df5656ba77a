"""Retirement Monte Carlo against closed forms (annuities, the lognormal law) and its invariants."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.montecarlo.retirement import (
    STREAM_PATHS,
    RetirementResult,
    checkpoints,
    monthly_log_return_params,
    simulate_retirement,
)

MONTHLY_1PCT = 1.01**12 - 1.0  # an annual return whose zero-volatility month earns exactly 1 %


def _run(**overrides: Any) -> RetirementResult:
    params: dict[str, Any] = {
        "initial_wealth": 1000.0,
        "monthly_contribution": 100.0,
        "retirement_month": 12,
        "monthly_withdrawal": 50.0,
        "horizon_months": 24,
        "annual_return": 0.06,
        "annual_volatility": 0.15,
        "paths": 2000,
        "seed": 42,
    }
    params.update(overrides)
    return simulate_retirement(**params)


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


@pytest.mark.parametrize("use_numba", [True, False])
def test_zero_volatility_follows_the_annuity_formulas(use_numba: bool) -> None:
    # Arrange: 1 % a month; 12 contributions of 100, then 12 withdrawals of 50, no inflation
    # By hand: W12 = 1000 * 1.01^12 + 100 * (1.01^12 - 1) / 0.01 = 1126.8250 + 1268.2503
    #          W24 = W12 * 1.01^12 - 50 * (1.01^12 - 1) / 0.01 = 2698.8212 - 634.1252
    # Act
    result = _run(annual_return=MONTHLY_1PCT, annual_volatility=0.0, paths=5, use_numba=use_numba)
    # Assert: every percentile is the one deterministic path
    assert result.checkpoint_months.tolist() == [0, 12, 24]
    for row in result.wealth_percentiles:
        assert row == pytest.approx([1000.0, 2395.07533145, 2064.70568187], rel=1e-10)
    assert result.median_ending_wealth == pytest.approx(2064.70568187, rel=1e-10)
    assert result.success_probability == 1.0
    assert result.ruin_probability.tolist() == [0.0, 0.0, 0.0]


def test_zero_volatility_inflated_withdrawals_match_a_hand_loop() -> None:
    # Arrange: no return, 3 % inflation; withdrawal 10 in today's money from month 1
    # By hand: W_t = 1000 - sum_{j<=t} 10 * 1.03^(j/12); checkpoint at month 12
    expected = 1000.0 - sum(10.0 * 1.03 ** (j / 12) for j in range(1, 13))
    # Act
    result = _run(
        monthly_contribution=0.0,
        retirement_month=0,
        monthly_withdrawal=10.0,
        horizon_months=12,
        annual_return=0.0,
        annual_volatility=0.0,
        inflation_rate=0.03,
        paths=3,
    )
    # Assert: 1000 - 121.9412 (about 120 plus 1.94 of inflation)
    assert result.median_ending_wealth == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(878.0588, abs=1e-3)


@pytest.mark.parametrize("use_numba", [True, False])
def test_zero_volatility_ruin_month_is_exact(use_numba: bool) -> None:
    # Arrange: 1000 with 100 out a month and no return: W_10 = 0 (not ruin), W_11 < 0 (ruin)
    # Act
    result = _run(
        monthly_contribution=0.0,
        retirement_month=0,
        monthly_withdrawal=100.0,
        horizon_months=30,
        annual_return=0.0,
        annual_volatility=0.0,
        paths=4,
        use_numba=use_numba,
    )
    # Assert: ruined in year 1, and the ruined wealth is held at 0
    assert result.checkpoint_months.tolist() == [0, 12, 24, 30]
    assert result.success_probability == 0.0
    assert result.ruin_probability.tolist() == [0.0, 1.0, 1.0, 1.0]
    assert result.wealth_percentiles[:, 1:].max() == 0.0
    short = _run(
        monthly_contribution=0.0,
        retirement_month=0,
        monthly_withdrawal=100.0,
        horizon_months=10,
        annual_return=0.0,
        annual_volatility=0.0,
        paths=4,
        use_numba=use_numba,
    )
    assert short.success_probability == 1.0


def test_the_monthly_conversion_keeps_the_annual_mean() -> None:
    # Arrange / Act
    m, s = monthly_log_return_params(0.07, 0.2)
    # Assert: s = 0.2 / sqrt(12); exp(12 m + 12 s^2 / 2) = 1.07
    assert s == pytest.approx(0.2 / math.sqrt(12.0))
    assert math.exp(12 * m + 6 * s * s) == pytest.approx(1.07, rel=1e-14)


def test_same_seed_same_result_different_seed_differs() -> None:
    # Act
    first, again, other = _run(seed=3), _run(seed=3), _run(seed=4)
    # Assert
    np.testing.assert_array_equal(first.wealth_percentiles, again.wealth_percentiles)
    assert first.median_ending_wealth == again.median_ending_wealth
    assert first.median_ending_wealth != other.median_ending_wealth


@pytest.mark.parametrize("dof", [None, 4.0])
def test_chunking_and_the_kernel_choice_do_not_change_the_result(dof: float | None) -> None:
    # Arrange: one chunk, chunks of 7 paths, the NumPy reference
    base = _run(student_t_dof=dof, paths=300)
    # Act
    chunked = _run(student_t_dof=dof, paths=300, chunk_elements=7 * 24)
    reference = _run(student_t_dof=dof, paths=300, use_numba=False)
    # Assert
    for other in (chunked, reference):
        np.testing.assert_allclose(other.wealth_percentiles, base.wealth_percentiles, rtol=1e-12)
        assert other.success_probability == base.success_probability


def test_the_thread_count_does_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange: several random streams (STREAM_PATHS paths each), run on 1 and on 3 threads
    paths = 3 * STREAM_PATHS + 17
    monkeypatch.setenv("NUMBA_NUM_THREADS", "1")
    one = _run(paths=paths, chunk_elements=100 * 24)

    # Act
    monkeypatch.setenv("NUMBA_NUM_THREADS", "3")
    three = _run(paths=paths)
    reference = _run(paths=paths, use_numba=False)

    # Assert
    np.testing.assert_array_equal(three.wealth_percentiles, one.wealth_percentiles)
    np.testing.assert_array_equal(three.ruin_probability, one.ruin_probability)
    np.testing.assert_allclose(reference.wealth_percentiles, one.wealth_percentiles, rtol=1e-12)


def test_probability_above_a_target_matches_the_lognormal_law() -> None:
    # Arrange: no cash flows: ln W_H ~ N(ln W0 + H m, H s^2); P(W_H > K) in closed form
    w0, k, horizon, mu, sigma, paths = 100.0, 150.0, 120, 0.07, 0.2, 20_000
    m, s = monthly_log_return_params(mu, sigma)
    expected = _normal_cdf((math.log(w0 / k) + horizon * m) / (s * math.sqrt(horizon)))
    # Act
    result = _run(
        initial_wealth=w0,
        monthly_contribution=0.0,
        monthly_withdrawal=0.0,
        retirement_month=0,
        horizon_months=horizon,
        annual_return=mu,
        annual_volatility=sigma,
        paths=paths,
        target_wealth=k,
        seed=11,
    )
    # Assert: within 3 standard errors; the median is W0 exp(H m)
    assert result.probability_above_target is not None
    standard_error = math.sqrt(expected * (1 - expected) / paths)
    assert abs(result.probability_above_target - expected) < 3 * standard_error
    assert result.success_probability == 1.0
    assert result.median_ending_wealth == pytest.approx(w0 * math.exp(horizon * m), rel=0.02)


def test_student_t_ruins_more_often_than_normal_at_the_same_variance() -> None:
    # Arrange: ruin is a tail event here (about 0.4 % under the normal model)
    case = {
        "initial_wealth": 100.0,
        "monthly_contribution": 0.0,
        "retirement_month": 0,
        "monthly_withdrawal": 5.0,
        "horizon_months": 12,
        "annual_return": 0.05,
        "annual_volatility": 0.3,
        "paths": 20_000,
        "seed": 7,
    }
    # Act
    normal = _run(**case)
    fat = _run(**case, student_t_dof=3.0)
    # Assert: the t ruin rate exceeds the normal one by more than 3 combined standard errors
    ruin_normal, ruin_t = normal.ruin_probability[-1], fat.ruin_probability[-1]
    combined = math.hypot(normal.success_standard_error, fat.success_standard_error)
    assert ruin_t - ruin_normal > 3 * combined


@settings(max_examples=25, deadline=None)
@given(
    vol=st.floats(0.0, 0.5),
    withdrawal=st.floats(0.0, 20.0),
    horizon=st.integers(1, 60),
    seed=st.integers(0, 2**32 - 1),
)
def test_fan_and_ruin_invariants(vol: float, withdrawal: float, horizon: int, seed: int) -> None:
    # Act
    result = _run(
        annual_volatility=vol,
        monthly_withdrawal=withdrawal,
        horizon_months=horizon,
        retirement_month=min(6, horizon),
        paths=200,
        seed=seed,
    )
    # Assert: percentiles ordered, ruin cumulative, success = 1 - final ruin, no negative wealth
    assert np.all(np.diff(result.wealth_percentiles, axis=0) >= 0)
    assert np.all(np.diff(result.ruin_probability) >= 0)
    assert result.success_probability == pytest.approx(1.0 - result.ruin_probability[-1])
    assert result.wealth_percentiles.min() >= 0.0
    assert result.checkpoint_months.tolist() == checkpoints(horizon).tolist()


@pytest.mark.parametrize(
    "overrides",
    [
        {"paths": 0},
        {"horizon_months": 0},
        {"retirement_month": -1},
        {"retirement_month": 25},
        {"annual_volatility": -0.1},
        {"annual_return": -1.0},
        {"inflation_rate": -1.5},
        {"initial_wealth": -1.0},
        {"monthly_contribution": -1.0},
        {"monthly_withdrawal": float("nan")},
        {"annual_return": float("inf")},
        {"student_t_dof": 2.0},
        {"student_t_dof": float("nan")},
        {"chunk_elements": 0},
    ],
)
def test_bad_inputs_are_refused(overrides: dict[str, Any]) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="must"):
        _run(**overrides)
