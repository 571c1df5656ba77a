"""The efficient frontier traced with the optimisation use case: it starts at the minimum-
variance portfolio, rises in return as volatility rises, stays within the bounds, and the
chosen portfolio is the use case's own answer (a worked covariance, posted annual)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.efficient_frontier import tangency_rates, trace_frontier
from application.analytics.optimization import OptimizationRequest, OptimizationService, View
from application.core.compute_budget import ComputeBudget

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

VOLS = np.array([0.10, 0.20, 0.30])
CORRELATION = np.array([[1.0, 0.2, 0.1], [0.2, 1.0, 0.3], [0.1, 0.3, 1.0]])
COVARIANCE = (CORRELATION * np.outer(VOLS, VOLS)).tolist()
REQUEST = OptimizationRequest(
    method="risk_parity",
    assets=["BONDS", "STOCKS", "EMERGING"],
    covariance=COVARIANCE,
    expected_returns=[0.03, 0.07, 0.10],
    max_weight=0.8,
)


def _service() -> OptimizationService:
    return OptimizationService(CvxpyOptimizer(), ComputeBudget(budget_s=30.0))


def test_the_tangency_rates_lie_below_the_highest_return_and_within_the_limit() -> None:
    rates = tangency_rates(0.04, 0.09)

    assert rates == sorted(rates) and len(rates) == len(set(rates))
    assert all(-1.0 <= r < 0.09 for r in rates)
    assert min(rates) < 0.04 < max(rates)


async def test_the_frontier_rises_from_the_minimum_variance_portfolio() -> None:
    # Arrange
    service = _service()
    lowest = await service.optimize(dataclasses.replace(REQUEST, method="min_variance"))

    # Act
    frontier = await trace_frontier(service, REQUEST)

    # Assert
    points = frontier.points
    assert len(points) >= 5
    assert abs(points[0].volatility - lowest.measures.volatility) < 1e-6
    returns = [p.expected_return for p in points]
    assert returns == sorted(returns)
    assert all(p.volatility >= points[0].volatility - 1e-9 for p in points)
    assert all(max(p.weights) <= 0.8 + 1e-6 and min(p.weights) >= -1e-6 for p in points)
    assert returns[-1] > 0.8 * 0.10 + 0.2 * 0.07 - 0.01  # near the best the bounds allow
    assert frontier.chosen.method.value == "risk_parity"
    chosen = frontier.chosen.measures
    assert chosen.expected_return is not None
    riskier = [p for p in points if p.volatility >= chosen.volatility]
    assert riskier[0].expected_return >= chosen.expected_return  # the frontier dominates it


async def test_the_chosen_methods_own_fields_stay_off_the_frontiers_points() -> None:
    # Arrange: risk budgets and Black-Litterman's views, which minimum variance would refuse
    service = _service()
    budgeted = dataclasses.replace(REQUEST, risk_budgets={"BONDS": 0.5, "STOCKS": 0.3,
                                                          "EMERGING": 0.2})  # fmt: skip
    viewed = dataclasses.replace(
        REQUEST, method="black_litterman", market_weights={"BONDS": 0.4, "STOCKS": 0.4,
                                                           "EMERGING": 0.2},
        views=(View({"EMERGING": 1.0}, 0.15),), risk_aversion=3.0,
    )  # fmt: skip
    plain = await trace_frontier(service, REQUEST)

    # Act
    frontiers = [await trace_frontier(service, r) for r in (budgeted, viewed)]

    # Assert: the chosen answers honour their fields; the points are the plain request's
    assert frontiers[0].chosen.budgets is not None
    assert list(frontiers[0].chosen.budgets) == [0.5, 0.3, 0.2]
    assert frontiers[1].chosen.black_litterman is not None
    expected = [(p.volatility, p.expected_return) for p in plain.points]
    for frontier in frontiers:
        traced = [(p.volatility, p.expected_return) for p in frontier.points]
        assert np.allclose(traced, expected, rtol=0.0, atol=1e-9)
