"""Factor betas by OLS of a symbol's daily returns on its proxies' (domain math): a worked
example, the two-point line, numpy.linalg.lstsq as an independent solver, and the refusals."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.scenarios.factor_betas import (
    BetaEstimate,
    NoBetaEstimate,
    common_returns,
    estimate_betas,
    ols,
)
from domain.analytics.scenarios.factors import Factor

EPS = float(np.finfo(np.float64).eps)
DAY0 = date(2024, 1, 1)


def tolerance(x: np.ndarray, betas: np.ndarray) -> float:
    """A backward-stable solve's error bound: a small multiple of the unit roundoff, times
    the problem size and the condition number of the centred design, times the betas' size."""
    xc = x - x.mean(axis=0)
    return 64 * len(x) * EPS * float(np.linalg.cond(xc)) ** 2 * max(1.0, float(np.abs(betas).max()))


def dated(closes: list[float]) -> list[tuple[date, float]]:
    return [(DAY0 + timedelta(days=i), c) for i, c in enumerate(closes)]


def test_two_points_give_the_line_through_them_with_an_r_squared_of_one() -> None:
    # Arrange: returns 0.01 and 0.03 of the symbol when the market returns 0.00 and 0.01
    # Act
    fitted = ols(np.array([0.01, 0.03]), np.array([[0.0], [0.01]]))

    # Assert: beta = (0.03 - 0.01) / (0.01 - 0.00) = 2, alpha = 0.01 - 2 x 0 = 0.01
    assert not isinstance(fitted, str)
    betas, alpha, r_squared = fitted
    assert betas[0] == pytest.approx(2.0, rel=16 * EPS)
    assert alpha == pytest.approx(0.01, rel=16 * EPS)
    assert r_squared == 1.0


def test_a_worked_example_of_five_returns() -> None:
    # Arrange: x = 1..5 (percent), y = 2, 4, 5, 4, 5: mean x 3, mean y 4;
    # Sxy = (-2)(-2) + (-1)(0) + 0 + (1)(0) + (2)(1) = 6, Sxx = 10 -> beta 0.6, alpha 2.2;
    # fitted 2.8 3.4 4.0 4.6 5.2, SSR = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4, SST = 6 -> R^2 0.6
    x = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]]) / 100
    y = np.array([2.0, 4.0, 5.0, 4.0, 5.0]) / 100

    # Act
    fitted = ols(y, x)

    # Assert
    assert not isinstance(fitted, str)
    betas, alpha, r_squared = fitted
    assert betas[0] == pytest.approx(0.6, abs=tolerance(x, betas))
    assert alpha == pytest.approx(0.022, abs=tolerance(x, betas))
    assert r_squared == pytest.approx(0.6, abs=1e3 * EPS)


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(10, 300),
    k=st.integers(1, 3),
)
def test_the_fit_matches_numpy_lstsq_with_an_intercept(seed: int, n: int, k: int) -> None:
    # Arrange: factor returns of a few percent a day and a symbol loaded on them with noise
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 0.02, size=(n, k))
    y = 0.0002 + x @ rng.normal(1.0, 0.5, size=k) + rng.normal(0.0, 0.01, size=n)

    # Act
    fitted = ols(y, x)
    design = np.column_stack([np.ones(n), x])
    reference, *_ = np.linalg.lstsq(design, y, rcond=None)

    # Assert: the same betas and intercept, within the bound the problem's scale gives
    assert not isinstance(fitted, str)
    betas, alpha, r_squared = fitted
    tol = tolerance(x, reference[1:])
    np.testing.assert_allclose(betas, reference[1:], rtol=0, atol=tol)
    assert alpha == pytest.approx(reference[0], abs=tol)
    residual = y - design @ reference
    expected_r2 = 1 - residual @ residual / ((y - y.mean()) @ (y - y.mean()))
    assert r_squared == pytest.approx(expected_r2, abs=tol)
    assert 0.0 <= r_squared <= 1.0


def test_a_constant_or_collinear_proxy_is_refused_with_its_reason() -> None:
    # Arrange
    y = np.array([0.01, 0.02, -0.01, 0.0])
    flat = np.zeros((4, 1))
    base = np.array([0.01, -0.02, 0.03, 0.0])
    twins = np.column_stack([base, 2 * base])

    # Act / Assert
    assert ols(y, flat) == "a factor proxy's returns do not vary over the window"
    assert ols(y, twins) == "the factor proxies' returns are too collinear to separate their betas"
    assert ols(y[:1], flat[:1]) == "1 returns cannot fit 1 betas and an intercept"


def test_common_returns_are_taken_on_the_days_every_symbol_has_a_close() -> None:
    # Arrange: B misses day 1; A has a non-positive close on day 3
    closes = {
        "A": dated([100.0, 101.0, 102.0, 0.0, 104.0]),
        "B": [(DAY0, 10.0), (DAY0 + timedelta(days=2), 11.0), (DAY0 + timedelta(days=3), 12.0),
              (DAY0 + timedelta(days=4), 13.0)],
    }  # fmt: skip

    # Act
    days, returns = common_returns(closes, ["A", "B"])

    # Assert: common days 0, 2, 4 -> returns on days 2 and 4
    assert days == [DAY0 + timedelta(days=2), DAY0 + timedelta(days=4)]
    np.testing.assert_allclose(returns, [[0.02, 0.1], [104 / 102 - 1, 13 / 11 - 1]])


def test_estimated_betas_recover_a_known_loading_over_the_last_window() -> None:
    # Arrange: 400 days; the symbol moves 1.5 x SPY - 0.5 x USO exactly, plus nothing
    rng = np.random.default_rng(7)
    spy_r, uso_r = rng.normal(0, 0.01, 400), rng.normal(0, 0.02, 400)
    sym_r = 0.0001 + 1.5 * spy_r - 0.5 * uso_r
    closes = {
        name: dated(list(100 * np.cumprod(np.r_[1.0, 1 + r])))
        for name, r in (("SPY", spy_r), ("USO", uso_r), ("ACME", sym_r))
    }

    # Act
    found = estimate_betas("ACME", closes, {Factor.EQUITY: "SPY", Factor.OIL: "USO"}, window=252)

    # Assert: the last 252 returns, the exact loading, R^2 = 1
    assert isinstance(found, BetaEstimate)
    assert found.observations == 252
    assert found.last_day == DAY0 + timedelta(days=400)
    assert found.first_day == DAY0 + timedelta(days=400 - 251)
    assert found.betas[Factor.EQUITY] == pytest.approx(1.5, abs=1e-9)
    assert found.betas[Factor.OIL] == pytest.approx(-0.5, abs=1e-9)
    assert found.r_squared == pytest.approx(1.0, abs=1e-9)


def test_too_little_history_is_an_answer_not_an_error() -> None:
    # Arrange: 11 closes -> 10 returns; a symbol with none; a proxy with none
    closes = {
        "SPY": dated([100 + i for i in range(11)]),
        "ACME": dated([50 + i for i in range(11)]),
    }
    proxies = {Factor.EQUITY: "SPY"}

    # Act
    short = estimate_betas("ACME", closes, proxies, min_observations=60)
    absent = estimate_betas("NONE", closes, proxies)
    no_proxy = estimate_betas("ACME", closes, {Factor.OIL: "USO"})

    # Assert
    assert short == NoBetaEstimate(
        "10 daily returns common to ACME and its proxies, fewer than the 60 needed",
        10, DAY0 + timedelta(days=1), DAY0 + timedelta(days=10),
    )  # fmt: skip
    assert absent == NoBetaEstimate("no stored daily closes of NONE", 0)
    assert no_proxy == NoBetaEstimate("no stored daily closes of the proxy USO", 0)


def test_a_window_or_minimum_out_of_range_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="min_observations 2 to window"):
        estimate_betas("A", {}, {Factor.EQUITY: "SPY"}, window=10, min_observations=11)
