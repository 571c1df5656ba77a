"""Equal weight, inverse volatility, maximum diversification and minimum CVaR: each against a
closed form, a hand-worked linear program or the defining inequality, through the real
adapter (cvxpy + Clarabel)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.optimization import OptimizationRequest, optimize
from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.errors import InvalidOptimizationInput
from domain.analytics.optimization.heuristics import proportional
from tests.unit.analytics.optimization.test_worked_examples import cov

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

OPTIMIZER = CvxpyOptimizer()


def run(method: str, assets: int, **fields: object) -> np.ndarray:
    names = [f"A{i}" for i in range(assets)]
    request = OptimizationRequest(method=method, assets=names, **fields)  # type: ignore[arg-type]
    return optimize(request, OPTIMIZER).weights


def cvar(weights: np.ndarray, scenarios: np.ndarray, confidence: float) -> float:
    """Historical CVaR of the loss -r'w: the threshold-form minimum (exact for a finite set)."""
    losses = -scenarios @ weights
    share = 1.0 - confidence
    return min(z + np.maximum(losses - z, 0.0).mean() / share for z in losses)


def test_equal_weight_is_one_over_n_and_keeps_to_a_binding_bound() -> None:
    # Act
    free = run("equal_weight", 4, covariance=cov([0.1, 0.2, 0.3, 0.4]))
    capped = run("equal_weight", 3, covariance=cov([0.1, 0.2, 0.3]), bounds={"A0": (0.5, None)})

    # Assert: 1/4 each; with A0 at least 50 %, the other two share the rest equally
    assert free == pytest.approx([0.25] * 4, abs=1e-12)
    assert capped == pytest.approx([0.5, 0.25, 0.25], abs=1e-9)


def test_inverse_volatility_weighs_by_one_over_sigma() -> None:
    # Arrange: sigma 10 %, 20 %, 40 %: 1 / sigma = 10, 5, 2.5 (sum 17.5)
    covariance = cov([0.1, 0.2, 0.4], [[1, 0.5, 0.1], [0.5, 1, 0.3], [0.1, 0.3, 1]])

    # Act
    weights = run("inverse_volatility", 3, covariance=covariance)
    capped = run("inverse_volatility", 3, covariance=covariance, max_weight=0.5)

    # Assert: correlations play no part; capped at 50 %, the rest keeps the 5 : 2.5 ratio
    assert weights == pytest.approx([10 / 17.5, 5 / 17.5, 2.5 / 17.5], abs=1e-12)
    assert capped == pytest.approx([0.5, 0.5 * 2 / 3, 0.5 / 3], abs=1e-9)


def test_maximum_diversification_of_uncorrelated_assets_weighs_by_one_over_sigma() -> None:
    # Arrange: uncorrelated, the diversification ratio sigma'w / sqrt(w'Sw) is largest at
    # w ~ sigma_i / sigma_i^2 = 1 / sigma_i (Choueifaty & Coignard 2008)
    covariance = cov([0.1, 0.2, 0.4])

    # Act
    weights = run("max_diversification", 3, covariance=covariance)

    # Assert
    assert weights == pytest.approx([10 / 17.5, 5 / 17.5, 2.5 / 17.5], abs=1e-6)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.05, 0.6), min_size=3, max_size=3), st.floats(-0.3, 0.8))
def test_no_portfolio_is_more_diversified_than_maximum_diversification(
    sigmas: list[float], rho: float
) -> None:
    # Arrange
    matrix = np.array(cov(sigmas, [[1, rho, rho], [rho, 1, rho], [rho, rho, 1]]))
    sigma = np.sqrt(np.diag(matrix))

    def ratio(w: np.ndarray) -> float:
        return float(sigma @ w / np.sqrt(w @ matrix @ w))

    # Act
    best = run("max_diversification", 3, covariance=matrix.tolist())

    # Assert: against a grid of long-only portfolios
    grid = [np.array([a, b, 1 - a - b]) / 1.0 for a, b in itertools.product(
        np.linspace(0, 1, 21), repeat=2) if a + b <= 1]  # fmt: skip
    assert ratio(best) >= max(ratio(w) for w in grid) - 1e-6


def test_minimum_cvar_of_two_assets_is_the_hand_solved_program() -> None:
    # Arrange: four periods; A0 loses 10 % once, A1 loses 20 % once, at other times.
    # At 75 % the tail is the worst period: CVaR(w) = max_t loss_t(w). Losses of w = (x, 1-x):
    # t0: 0.10x - 0.05(1-x), t1: -0.02x + 0.20(1-x), t2, t3 gains. The max is least where
    # t0 = t1: 0.15x - 0.05 = 0.20 - 0.22x, x = 0.25 / 0.37. Each period five times (the 20
    # observations an estimate needs): the worst 25 % are still the copies of one period.
    returns = [[-0.10, 0.05], [0.02, -0.20], [0.03, 0.01], [0.01, 0.04]] * 5

    # Act
    weights = run("min_cvar", 2, returns=returns, confidence=0.75)

    # Assert
    assert weights[0] == pytest.approx(0.25 / 0.37, abs=1e-6)
    assert cvar(weights, np.array(returns), 0.75) == pytest.approx(
        0.15 * 0.25 / 0.37 - 0.05, abs=1e-7
    )


def test_minimum_cvar_beats_the_other_methods_on_its_own_measure() -> None:
    # Arrange: fat-tailed draws for four assets
    rng = np.random.default_rng(7)
    returns = rng.standard_t(3, size=(250, 4)) * np.array([0.01, 0.015, 0.02, 0.012])
    rows = returns.tolist()

    # Act
    best = run("min_cvar", 4, returns=rows, confidence=0.95)
    others = [run(m, 4, returns=rows) for m in ("min_variance", "equal_weight", "hrp")]

    # Assert
    assert all(cvar(best, returns, 0.95) <= cvar(w, returns, 0.95) + 1e-9 for w in others)


def test_refusals_name_their_field() -> None:
    # Act / Assert
    with pytest.raises(InvalidOptimizationInput) as posted:
        run("min_cvar", 2, covariance=cov([0.1, 0.2]))
    assert posted.value.field == "covariance"
    noise = np.random.default_rng(1).normal(0, 0.01, size=(30, 2)).tolist()
    with pytest.raises(InvalidOptimizationInput) as confidence:
        run("min_cvar", 2, returns=noise, confidence=0.2)
    assert confidence.value.field == "confidence"
    for method in ("equal_weight", "inverse_volatility", "max_diversification"):
        with pytest.raises(InvalidOptimizationInput) as short:
            run(method, 2, covariance=cov([0.1, 0.2]), long_only=False)
        assert short.value.field == "long_only"


@given(
    st.lists(st.floats(0.01, 100), min_size=2, max_size=6),
    st.floats(0.0, 0.15),
    st.floats(0.3, 1.0),
)
def test_proportional_weights_add_up_to_one_within_the_bounds(
    scores: list[float], low: float, high: float
) -> None:
    # Arrange
    n = len(scores)
    bounds = WeightBounds(np.full(n, low), np.full(n, max(high, 1.0 / n)))

    # Act
    weights = proportional(np.array(scores), bounds)

    # Assert: the budget, the bounds, and the order of the scores kept
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(weights >= bounds.lower - 1e-12) and np.all(weights <= bounds.upper + 1e-12)
    order = np.argsort(scores, kind="stable")
    assert np.all(np.diff(weights[order]) >= -1e-12)
