"""PortfolioOptimizer: covariance estimation and the solver-backed allocation methods.

One adapter implements it (adapters/optimization/cvxpy_optimizer.py: cvxpy with the Clarabel
interior-point solver, SciPy's hierarchical clustering; why in docs/optimization.md). Every
method is synchronous and CPU-bound: the application runs it within the compute budget
(application/core/compute_budget.py), off the event loop.

Inputs are checked before they arrive here (domain/analytics/optimization/problem.py): a
symmetric positive definite annual `covariance`, finite `mu`, feasible `bounds`, budgets that
are positive and add up to 1. Every answer is a weight vector in the assets' order that the
caller polishes onto the bounds and the budget (`bounds.polish`); a solver that cannot certify
an answer raises OptimizationFailed (422 OPTIMIZATION_FAILED).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.constraints import NONE, Constraints
from domain.analytics.optimization.problem import CovarianceEstimator, FloatArray


@dataclass(frozen=True, slots=True)
class CovarianceEstimate:
    """A covariance per period of the returns (not annualised) and, for a shrinkage
    estimator, its shrinkage intensity in [0, 1] (0: the sample matrix; 1: the target)."""

    covariance: FloatArray
    shrinkage: float | None


class PortfolioOptimizer(Protocol):
    """The contract (tests/unit/analytics/optimization checks it on worked examples and properties).

    - `covariance(returns, estimator)`: T x n returns -> n x n covariance per period.
    - `min_variance(covariance, bounds)`: argmin w'Sw subject to sum(w) = 1, bounds.
    - `max_sharpe(mu, covariance, risk_free_rate, bounds)`: argmax (mu'w - rf) / sqrt(w'Sw)
      subject to sum(w) = 1, bounds; the caller has checked that some w beats rf.
    - `risk_parity(covariance, budgets)`: the long-only, fully invested w with
      w_i (S w)_i / (w'Sw) = budgets_i (equal budgets: equal risk contributions); unique.
    - `hrp(covariance, bounds)`: hierarchical risk parity (long-only) within the bounds.
    - `min_cvar(scenarios, confidence, bounds)`: argmin of the historical conditional value
      at risk (expected shortfall) of the portfolio's loss -r_t'w over the T x n scenario
      returns at `confidence` (0.95: the mean of the worst 5 %), subject to sum(w) = 1,
      bounds (Rockafellar & Uryasev 2000's linear program).
    - `mean_cvar(scenarios, mu, confidence, bounds, risk_aversion=, target_return=)`: argmax
      mu'w - risk_aversion CVaR, or (target_return given) argmin CVaR subject to
      mu'w >= target_return; mu per period, as the scenarios.
    - `mean_variance(mu, covariance, risk_aversion, bounds)`: argmax mu'w - delta/2 w'Sw
      subject to sum(w) = 1, bounds (Black-Litterman's optimum on its posterior mean).
    - `min_tracking_error(covariance, benchmark, bounds)`: argmin (w - b)'S(w - b).
    - `constraints` (every convex method above; domain/analytics/optimization/constraints.py):
      sector sums, a turnover limit, a tracking-error cap, joined to the program; when the
      program is then infeasible, ConstraintsInfeasible (422 CONSTRAINTS_INFEASIBLE).
    - `warm()`: loads the libraries (idempotent); called off the event loop before the first
      job so that their import (seconds) is not charged to a request's compute budget.
    - `name`: the library and solver, for the answer's `solver`.
    """

    name: str

    def warm(self) -> None: ...

    def covariance(
        self, returns: FloatArray, estimator: CovarianceEstimator
    ) -> CovarianceEstimate: ...

    def min_variance(
        self, covariance: FloatArray, bounds: WeightBounds, constraints: Constraints = NONE
    ) -> FloatArray: ...

    def max_sharpe(
        self,
        mu: FloatArray,
        covariance: FloatArray,
        risk_free_rate: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray: ...

    def mean_variance(
        self,
        mu: FloatArray,
        covariance: FloatArray,
        risk_aversion: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray: ...

    def min_tracking_error(
        self,
        covariance: FloatArray,
        benchmark: FloatArray,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray: ...

    def risk_parity(self, covariance: FloatArray, budgets: FloatArray) -> FloatArray: ...

    def hrp(self, covariance: FloatArray, bounds: WeightBounds) -> FloatArray: ...

    def min_cvar(
        self,
        scenarios: FloatArray,
        confidence: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray: ...

    def mean_cvar(
        self,
        scenarios: FloatArray,
        mu: FloatArray,
        confidence: float,
        bounds: WeightBounds,
        *,
        risk_aversion: float | None = None,
        target_return: float | None = None,
        constraints: Constraints = NONE,
    ) -> FloatArray: ...
