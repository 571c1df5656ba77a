"""Worked examples: each answer checked against a closed form or a hand trace.

Covariances are annual; the optimiser is the real adapter (cvxpy + Clarabel), since it is pure
computation. Figures by hand are in the comments.
"""

from __future__ import annotations

import numpy as np
import pytest

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.optimization import OptimizationRequest, optimize
from domain.analytics.optimization.measures import risk_contributions

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

OPTIMIZER = CvxpyOptimizer()


def cov(sigmas: list[float], rho: list[list[float]] | None = None) -> list[list[float]]:
    s = np.array(sigmas)
    r = np.eye(len(s)) if rho is None else np.array(rho)
    matrix: list[list[float]] = (np.outer(s, s) * r).tolist()
    return matrix


def run(method: str, covariance: list[list[float]], **fields: object) -> np.ndarray:
    assets = [f"A{i}" for i in range(len(covariance))]
    request = OptimizationRequest(method=method, assets=assets, covariance=covariance, **fields)  # type: ignore[arg-type]
    return optimize(request, OPTIMIZER).weights


def test_two_asset_minimum_variance_is_the_textbook_closed_form() -> None:
    # Arrange: sigma 20 % and 30 %, correlation 0.2: cov12 = 0.2 x 0.2 x 0.3 = 0.012
    covariance = cov([0.2, 0.3], [[1, 0.2], [0.2, 1]])

    # Act
    weights = run("min_variance", covariance)

    # Assert: w1 = (s2^2 - s12) / (s1^2 + s2^2 - 2 s12) = (0.09 - 0.012) / 0.106 = 0.735849...
    assert weights[0] == pytest.approx(0.078 / 0.106, abs=1e-7)
    assert weights[1] == pytest.approx(0.028 / 0.106, abs=1e-7)


def test_uncorrelated_minimum_variance_weighs_by_inverse_variance() -> None:
    # Arrange: sigma 10 %, 20 %, 40 %: 1 / sigma^2 = 100, 25, 6.25 (sum 131.25)
    covariance = cov([0.1, 0.2, 0.4])

    # Act
    weights = run("min_variance", covariance)

    # Assert
    assert weights == pytest.approx([100 / 131.25, 25 / 131.25, 6.25 / 131.25], abs=1e-7)


def test_a_binding_upper_bound_moves_the_rest_to_the_others_in_the_same_proportion() -> None:
    # Arrange: as above with at most 50 % an asset; the free assets keep w ~ 1 / sigma^2
    covariance = cov([0.1, 0.2, 0.4])

    # Act
    weights = run("min_variance", covariance, max_weight=0.5)

    # Assert: 0.5 capped; the other 0.5 split 25 : 6.25 = 0.4 : 0.1
    assert weights == pytest.approx([0.5, 0.4, 0.1], abs=1e-7)


def test_two_asset_risk_parity_weighs_by_inverse_volatility_whatever_the_correlation() -> None:
    # Arrange: sigma 10 % and 30 %, correlation 0.5: w ~ 1/sigma = 10 : 3.33 -> 0.75 : 0.25
    covariance = cov([0.1, 0.3], [[1, 0.5], [0.5, 1]])

    # Act
    weights = run("risk_parity", covariance)

    # Assert
    assert weights == pytest.approx([0.75, 0.25], abs=1e-9)
    contributions = risk_contributions(weights, np.array(covariance))
    assert contributions == pytest.approx([0.5, 0.5], abs=1e-9)


def test_three_asset_risk_parity_has_equal_risk_contributions() -> None:
    # Arrange
    covariance = cov([0.1, 0.2, 0.3], [[1, 0.3, -0.2], [0.3, 1, 0.6], [-0.2, 0.6, 1]])

    # Act
    weights = run("risk_parity", covariance)

    # Assert
    contributions = risk_contributions(weights, np.array(covariance))
    assert contributions == pytest.approx([1 / 3] * 3, abs=1e-9)
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)


def test_risk_budgets_of_uncorrelated_assets_weigh_by_root_budget_over_volatility() -> None:
    # Arrange: RC_i = w_i^2 s_i^2 / var = b_i -> w_i ~ sqrt(b_i) / s_i
    # b = (0.8, 0.2), s = (20 %, 10 %): sqrt(0.8) / 0.2 = sqrt(0.2) / 0.1 = 4.472 -> 50 : 50
    covariance = cov([0.2, 0.1])

    # Act
    weights = run("risk_parity", covariance, risk_budgets={"A0": 0.8, "A1": 0.2})

    # Assert
    assert weights == pytest.approx([0.5, 0.5], abs=1e-9)
    contributions = risk_contributions(weights, np.array(covariance))
    assert contributions == pytest.approx([0.8, 0.2], abs=1e-9)


def test_max_sharpe_of_two_uncorrelated_assets_is_the_tangency_portfolio() -> None:
    # Arrange: s = (20 %, 30 %), mu = (10 %, 14 %), rf = 2 %: excess (0.08, 0.12)
    # inverse(S) @ excess = (0.08 / 0.04, 0.12 / 0.09) = (2, 1.333) -> (0.6, 0.4)
    covariance = cov([0.2, 0.3])

    # Act
    request = OptimizationRequest(
        method="max_sharpe", assets=["A", "B"], covariance=covariance,
        expected_returns=[0.10, 0.14], risk_free_rate=0.02,
    )  # fmt: skip
    result = optimize(request, OPTIMIZER)

    # Assert: Sharpe = sqrt((0.08 / 0.2)^2 + (0.12 / 0.3)^2) = sqrt(0.32) = 0.565685
    assert result.weights == pytest.approx([0.6, 0.4], abs=1e-7)
    assert result.measures.sharpe_ratio == pytest.approx(0.32**0.5, abs=1e-9)
    assert result.measures.expected_return == pytest.approx(0.116, abs=1e-9)


def test_max_sharpe_long_short_is_the_analytic_tangency_with_a_short_leg() -> None:
    # Arrange: two highly correlated assets, the second with the lower return: the tangency
    # w ~ inverse(S) (mu - rf) shorts it
    covariance = cov([0.2, 0.25, 0.15], [[1, 0.9, 0.1], [0.9, 1, 0.1], [0.1, 0.1, 1]])
    mu, rf = np.array([0.12, 0.08, 0.07]), 0.03
    tangency = np.linalg.solve(np.array(covariance), mu - rf)
    tangency /= tangency.sum()

    # Act
    request = OptimizationRequest(
        method="max_sharpe", assets=["A", "B", "C"], covariance=covariance,
        expected_returns=mu.tolist(), risk_free_rate=rf, long_only=False, min_weight=-2,
        max_weight=3,
    )  # fmt: skip
    weights = optimize(request, OPTIMIZER).weights

    # Assert
    assert tangency[1] < 0
    assert weights == pytest.approx(tangency, abs=1e-6)


def test_unconstrained_minimum_variance_long_short_is_inverse_covariance_times_ones() -> None:
    # Arrange
    covariance = cov([0.2, 0.25, 0.15], [[1, 0.9, 0.1], [0.9, 1, 0.1], [0.1, 0.1, 1]])
    closed = np.linalg.solve(np.array(covariance), np.ones(3))
    closed /= closed.sum()

    # Act
    weights = run("min_variance", covariance, long_only=False, min_weight=-5, max_weight=5)

    # Assert
    assert closed[1] < 0
    assert weights == pytest.approx(closed, abs=1e-6)


# HRP by hand: A (10 %) and B (20 %) correlated 0.8, C (15 %) uncorrelated with both.
HRP_COV = cov([0.1, 0.2, 0.15], [[1, 0.8, 0], [0.8, 1, 0], [0, 0, 1]])


def test_hrp_clusters_the_correlated_pair_and_orders_the_leaves_c_a_b() -> None:
    # Act: single linkage merges A and B first (distance sqrt(0.1)), then C
    order = OPTIMIZER.hrp_order(np.array(HRP_COV))

    # Assert: SciPy lists the singleton C (index 2) before the cluster {A, B}
    assert order == [2, 0, 1]


def test_hrp_matches_the_hand_traced_bisection() -> None:
    # Arrange: order C | A B. V(C) = 0.0225. {A, B} inverse-variance weights 100 : 25 = 0.8 : 0.2,
    # V = 0.64 x 0.01 + 0.04 x 0.04 + 2 x 0.8 x 0.2 x 0.016 = 0.01312.
    # C gets 1 - 0.0225 / 0.03562 = 0.368332; {A, B} 0.631668, A:B = 1 - 0.01 / 0.05 = 0.8 : 0.2
    v_c, v_ab = 0.0225, 0.01312
    to_c = 1 - v_c / (v_c + v_ab)

    # Act
    weights = run("hrp", HRP_COV)

    # Assert
    assert weights == pytest.approx([0.8 * (1 - to_c), 0.2 * (1 - to_c), to_c], abs=1e-12)
    assert weights[2] == pytest.approx(0.368332, abs=1e-6)


def test_hrp_with_a_cap_clips_the_split_and_gives_the_rest_to_the_sibling() -> None:
    # Arrange: at most 40 % an asset: A's 0.505 is clipped to 0.4 at the {A, B} split
    v_c, v_ab = 0.0225, 0.01312
    to_c = 1 - v_c / (v_c + v_ab)

    # Act
    weights = run("hrp", HRP_COV, max_weight=0.4)

    # Assert
    assert weights == pytest.approx([0.4, (1 - to_c) - 0.4, to_c], abs=1e-12)
