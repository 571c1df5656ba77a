"""Invariants over random problems (Hypothesis): every method's weights add up to 1 and lie
within the bounds; risk parity's contributions are equal (or the bounds are refused)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.optimization import OptimizationRequest, optimize
from domain.analytics.optimization.bounds import WeightBounds, polish
from domain.analytics.optimization.errors import InfeasibleBounds, MaxSharpeUnattainable
from domain.analytics.optimization.hrp import recursive_bisection
from domain.analytics.optimization.measures import risk_contributions

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

OPTIMIZER = CvxpyOptimizer()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXACT = 1e-9


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[list[float]], list[float], list[tuple[float, float]]]:
    """A positive definite annual covariance, expected returns and feasible long-only bounds."""
    n = draw(st.integers(2, 7))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    factors = rng.normal(size=(n, n + 2))
    correlation = factors @ factors.T
    d = np.sqrt(np.diag(correlation))
    correlation = correlation / np.outer(d, d)
    sigmas = rng.uniform(0.05, 0.5, n)
    covariance = (np.outer(sigmas, sigmas) * correlation + np.eye(n) * 1e-4).tolist()
    mu = rng.uniform(-0.05, 0.25, n).tolist()
    lower = rng.uniform(0.0, 1.0 / n, n) * draw(st.sampled_from([0.0, 0.5, 0.9]))
    upper = lower + rng.uniform(0.0, 1.0, n)
    assume(lower.sum() <= 1.0 <= upper.sum())
    return covariance, mu, list(zip(lower.tolist(), upper.tolist(), strict=True))


def request(
    method: str,
    covariance: list[list[float]],
    mu: list[float],
    bounds: list[tuple[float, float]],
    **fields: Any,
) -> OptimizationRequest:
    assets = [f"A{i}" for i in range(len(covariance))]
    per_asset = dict(zip(assets, bounds, strict=True))
    return OptimizationRequest(
        method=method, assets=assets, covariance=covariance, expected_returns=mu,
        bounds=per_asset, **fields,
    )  # fmt: skip


def assert_feasible(weights: np.ndarray, bounds: list[tuple[float, float]]) -> None:
    lower = np.array([b[0] for b in bounds])
    upper = np.array([b[1] for b in bounds])
    assert weights.sum() == pytest.approx(1.0, abs=EXACT)
    assert np.all(weights >= lower - EXACT)
    assert np.all(weights <= upper + EXACT)


@SETTINGS
@given(problems(), st.sampled_from(["min_variance", "max_sharpe", "hrp"]))
def test_weights_add_up_to_one_within_the_bounds(
    problem: tuple[list[list[float]], list[float], list[tuple[float, float]]], method: str
) -> None:
    # Arrange
    covariance, mu, bounds = problem

    # Act
    try:
        result = optimize(request(method, covariance, mu, bounds, risk_free_rate=0.0), OPTIMIZER)
    except MaxSharpeUnattainable:
        # Assert: refused only when no feasible portfolio beats the risk-free rate
        assert method == "max_sharpe"
        return

    # Assert
    assert_feasible(result.weights, bounds)


@SETTINGS
@given(problems())
def test_risk_parity_contributions_are_equal_or_the_bounds_are_refused(
    problem: tuple[list[list[float]], list[float], list[tuple[float, float]]],
) -> None:
    # Arrange
    covariance, mu, bounds = problem

    # Act
    try:
        result = optimize(request("risk_parity", covariance, mu, bounds), OPTIMIZER)
    except InfeasibleBounds:
        unbounded = optimize(request("risk_parity", covariance, mu, [(0, 1)] * len(mu)), OPTIMIZER)
        # Assert: the unique risk-parity portfolio does break one of the bounds
        lower = np.array([b[0] for b in bounds])
        upper = np.array([b[1] for b in bounds])
        assert np.any((unbounded.weights < lower) | (unbounded.weights > upper))
        return

    # Assert
    assert_feasible(result.weights, bounds)
    contributions = risk_contributions(result.weights, np.array(covariance))
    assert contributions == pytest.approx(np.full(len(mu), 1 / len(mu)), abs=1e-8)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40), st.integers(0, 2**32 - 1), st.floats(0.0, 0.99), st.floats(0.0, 3.0))
def test_the_bisection_keeps_every_leaf_within_its_bounds(
    n: int, seed: int, floor: float, room: float
) -> None:
    # Arrange: any order, any feasible bounds
    rng = np.random.default_rng(seed)
    factors = rng.normal(size=(n, n + 1))
    covariance = factors @ factors.T + np.eye(n) * 0.01
    lower = rng.dirichlet(np.ones(n)) * floor
    upper = lower + rng.dirichlet(np.ones(n)) * (1.0 - floor + room)
    bounds = WeightBounds(lower, upper)

    # Act
    weights = recursive_bisection(covariance, rng.permutation(n).tolist(), bounds)

    # Assert
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(weights >= lower - 1e-12)
    assert np.all(weights <= upper + 1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30), st.integers(0, 2**32 - 1))
def test_polish_lands_a_nearly_feasible_answer_exactly_on_the_constraints(
    n: int, seed: int
) -> None:
    # Arrange: a feasible point nudged by solver-sized errors
    rng = np.random.default_rng(seed)
    lower = np.zeros(n)
    upper = np.full(n, max(1.0 / n, rng.uniform(0.0, 1.0)))
    exact = np.full(n, 1.0 / n)
    nudged = exact + rng.uniform(-1e-8, 1e-8, n)

    # Act
    weights = polish(nudged, WeightBounds(lower, upper))

    # Assert
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all((weights >= lower) & (weights <= upper))
