"""The PortfolioOptimizer on cvxpy (Clarabel), scikit-learn's Ledoit-Wolf and SciPy's clustering.

Formulations (docs/optimization.md), each on the covariance scaled to a unit mean variance
(the weights do not change; the solver's tolerances then mean the same for any units):

- minimum variance: min w'Sw, 1'w = 1, l <= w <= u (a quadratic program).
- maximum Sharpe: the homogenised program of Cornuejols & Tutuncu (Optimization Methods in
  Finance, 2007, sec. 8.2): min y'Sy subject to (mu - rf)'y = 1, 1'y = k, l k <= y <= u k,
  k >= 0; then w = y / k. Convex because the ratio is homogeneous of degree zero. Kept
  compiled per covariance and bounds with the excess returns as a parameter once seen twice
  (sharpe_programs.py: a frontier's ~20 tangencies then cost one compilation).
- risk parity / risk budgeting: min 1/2 y'Sy - sum_i b_i log(y_i) (Spinu 2013; Roncalli,
  Introduction to Risk Parity and Budgeting, 2013, sec. 2.3): its optimum has
  y_i (S y)_i = b_i, so w = y / 1'y has risk contributions b. Unique; long-only.
- Ledoit-Wolf: domain.analytics.optimization.shrinkage (a closed form, checked against
  scikit-learn's); the sample covariance: numpy, divisor T - 1.
- HRP: single-linkage clustering on the distance sqrt((1 - rho) / 2) (SciPy), the leaves'
  order, then domain.analytics.optimization.hrp.recursive_bisection.
- minimum CVaR / mean-CVaR: Rockafellar & Uryasev (2000)'s linear program, CVaR_a = z +
  sum(s_t) / ((1 - a) T), s_t >= -r_t'w - z, s_t >= 0; mean-CVaR maximises mu'w - lambda CVaR
  or minimises CVaR subject to mu'w >= target.
- mean-variance (Black-Litterman's optimum): max mu'w - delta/2 w'Sw.
- minimum tracking error: min (w - b)'S(w - b).
- the constraints (domain/analytics/optimization/constraints.py): sector sums, the turnover
  sum |w - w0| <= tau, the tracking error ||L'(w - b)|| <= TE (L L' = S); in the homogenised
  maximum-Sharpe program each scaled by k (sum |y - k w0| <= tau k, ...): still convex.

cvxpy and SciPy's clustering are imported on first use (`warm`: seconds on a busy 2-core
machine), so a process that never optimises never pays for them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from adapters.optimization.sharpe_programs import SharpeProgram, SharpePrograms, box
from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.constraints import NONE, Constraints
from domain.analytics.optimization.errors import ConstraintsInfeasible, OptimizationFailed
from domain.analytics.optimization.hrp import recursive_bisection
from domain.analytics.optimization.problem import CovarianceEstimator, FloatArray
from domain.analytics.optimization.shrinkage import ledoit_wolf
from ports.analytics.optimization import CovarianceEstimate

_ACCEPTED = ("optimal", "optimal_inaccurate")
_INFEASIBLE = ("infeasible", "infeasible_inaccurate")


def _cvxpy() -> Any:
    import cvxpy  # heavy: imported on first use

    return cvxpy


def _unit(covariance: FloatArray) -> FloatArray:
    scaled: FloatArray = covariance / float(np.mean(np.diag(covariance)))
    return scaled


def _newton_polish(unit: FloatArray, budgets: FloatArray, y: FloatArray) -> FloatArray:
    """Two Newton steps on the risk-budgeting optimality condition S y - b / y = 0 from the
    interior-point answer: the exponential cone's tolerances leave risk contributions ~1e-5
    off; from there Newton converges quadratically (the objective is strictly convex)."""
    for _ in range(2):
        gradient = unit @ y - budgets / y
        hessian = unit + np.diag(budgets / y**2)
        step = np.linalg.solve(hessian, gradient)
        shrink = 1.0
        while np.any(y - shrink * step <= 0.0) and shrink > 1e-6:
            shrink /= 2.0  # stay inside the positive orthant
        y = y - shrink * step
    return y


def extra(cp: Any, x: Any, constraints: Constraints, scale: Any = 1) -> list[Any]:
    """The constraints over the bounds on x (the weights, or y = k w homogenised: scale k)."""
    found: list[Any] = []
    for sector in constraints.sectors:
        total = cp.sum(x[list(sector.members)])
        if np.isfinite(sector.lower):
            found.append(total >= scale * sector.lower)
        if np.isfinite(sector.upper):
            found.append(total <= scale * sector.upper)
    if constraints.max_turnover is not None:
        assert constraints.current is not None
        found.append(cp.norm1(x - scale * constraints.current) <= scale * constraints.max_turnover)
    if constraints.max_tracking_error is not None:
        assert constraints.benchmark is not None and constraints.tracking_factor is not None
        active = constraints.tracking_factor.T @ (x - scale * constraints.benchmark)
        found.append(cp.norm(active, 2) <= scale * constraints.max_tracking_error)
    return found


def _invested(n: int, bounds: WeightBounds, constraints: Constraints) -> tuple[Any, Any, list[Any]]:
    """cvxpy, a variable of n weights, and the rules of an invested portfolio: the weights sum
    to one, within the bounds and the constraints."""
    cp = _cvxpy()
    w = cp.Variable(n)
    return cp, w, [cp.sum(w) == 1, *box(w, bounds, 1), *extra(cp, w, constraints)]


def _cvar(cp: Any, scenarios: FloatArray, w: Any, confidence: float) -> tuple[Any, list[Any]]:
    """Rockafellar & Uryasev: CVaR_a(-r'w) as z + sum(s) / ((1 - a) T) with its constraints."""
    periods = scenarios.shape[0]
    shortfall, threshold = cp.Variable(periods), cp.Variable()
    tail = threshold + cp.sum(shortfall) / ((1.0 - confidence) * periods)
    return tail, [shortfall >= 0, shortfall >= -scenarios @ w - threshold]


class CvxpyOptimizer:
    """cvxpy 1.9 with the Clarabel conic solver (module doc)."""

    name = "cvxpy 1.9 + Clarabel (interior point); HRP clustering: SciPy"

    def __init__(self, kept_programs: int = 8) -> None:
        # a frontier's tangencies share one compilation (0: each solve compiles its own)
        self._sharpe = SharpePrograms(kept_programs)

    def warm(self) -> None:
        """Import the libraries now (start-up) rather than in the first request's budget."""
        _cvxpy()
        import scipy.cluster.hierarchy  # noqa: F401

    def covariance(self, returns: FloatArray, estimator: CovarianceEstimator) -> CovarianceEstimate:
        if estimator is CovarianceEstimator.SAMPLE:
            sample = np.asarray(np.cov(returns, rowvar=False, ddof=1), dtype=np.float64)
            return CovarianceEstimate(sample, None)
        matrix, shrinkage = ledoit_wolf(returns)
        return CovarianceEstimate(matrix, shrinkage)

    def min_variance(
        self, covariance: FloatArray, bounds: WeightBounds, constraints: Constraints = NONE
    ) -> FloatArray:
        return self._least_variance(covariance, None, bounds, constraints, "minimum variance")

    def mean_variance(
        self,
        mu: FloatArray,
        covariance: FloatArray,
        risk_aversion: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray:
        scale = float(np.mean(np.diag(covariance)))
        cp, w, rules = _invested(covariance.shape[0], bounds, constraints)
        # mu'w - delta/2 w'Sw, divided by the mean variance (the same argmax, unit-sized terms)
        utility = (mu / scale) @ w - 0.5 * risk_aversion * cp.quad_form(
            w, cp.psd_wrap(_unit(covariance))
        )
        return self._weights(cp, w, cp.Maximize(utility), rules, "mean-variance", constraints)

    def min_tracking_error(
        self,
        covariance: FloatArray,
        benchmark: FloatArray,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray:
        what = "minimum tracking error"
        return self._least_variance(covariance, benchmark, bounds, constraints, what)

    def max_sharpe(
        self,
        mu: FloatArray,
        covariance: FloatArray,
        risk_free_rate: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray:
        cp = _cvxpy()
        excess = mu - risk_free_rate
        scale = float(np.max(np.abs(excess))) or 1.0
        unit = _unit(covariance)
        if constraints.any:  # a one-off program (the kept ones are the bounds' alone)
            program = SharpeProgram(cp, unit, bounds, excess / scale)
            problem = cp.Problem(
                program.problem.objective,
                [*program.problem.constraints, *extra(cp, program.y, constraints, program.k)],
            )
            self._solve(cp, problem, "maximum Sharpe", constraints)
            y, k = program.y.value, program.k.value
        else:
            with self._sharpe.solving(cp, unit, bounds, excess / scale) as kept:
                self._solve(cp, kept.problem, "maximum Sharpe")
                y, k = kept.y.value, kept.k.value
        if k is None or not float(k) > 0.0:
            raise OptimizationFailed("the maximum-Sharpe program found no invested portfolio")
        return np.asarray(y, dtype=np.float64) / float(k)

    def risk_parity(self, covariance: FloatArray, budgets: FloatArray) -> FloatArray:
        cp = _cvxpy()
        n = covariance.shape[0]
        y = cp.Variable(n)
        unit = _unit(covariance)
        objective = cp.Minimize(0.5 * cp.quad_form(y, cp.psd_wrap(unit)) - budgets @ cp.log(y))
        self._solve(cp, cp.Problem(objective), "risk parity")
        raw = np.asarray(y.value, dtype=np.float64)
        if not np.all(raw > 0.0):
            raise OptimizationFailed("the risk-parity program returned a non-positive weight")
        polished = _newton_polish(unit, budgets, raw)
        weights: FloatArray = polished / polished.sum()
        return weights

    def min_cvar(
        self,
        scenarios: FloatArray,
        confidence: float,
        bounds: WeightBounds,
        constraints: Constraints = NONE,
    ) -> FloatArray:
        cp, w, invested = _invested(scenarios.shape[1], bounds, constraints)
        # CVaR = threshold + E[max(loss - threshold, 0)] / (1 - confidence), loss_t = -r_t'w.
        tail, rules = _cvar(cp, scenarios, w, confidence)
        rules += invested
        return self._weights(cp, w, cp.Minimize(tail), rules, "minimum CVaR", constraints)

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
    ) -> FloatArray:
        cp, w, invested = _invested(scenarios.shape[1], bounds, constraints)
        tail, rules = _cvar(cp, scenarios, w, confidence)
        rules += invested
        if target_return is not None:
            rules.append(mu @ w >= target_return)
            objective = cp.Minimize(tail)
        else:
            assert risk_aversion is not None
            objective = cp.Maximize(mu @ w - risk_aversion * tail)
        return self._weights(cp, w, objective, rules, "mean-CVaR", constraints)

    def hrp(self, covariance: FloatArray, bounds: WeightBounds) -> FloatArray:
        weights: FloatArray = recursive_bisection(covariance, self.hrp_order(covariance), bounds)
        return weights

    @staticmethod
    def hrp_order(covariance: FloatArray) -> list[int]:
        """The assets in the single-linkage dendrogram's leaf order (quasi-diagonalisation)."""
        from scipy.cluster.hierarchy import leaves_list, linkage
        from scipy.spatial.distance import squareform

        if covariance.shape[0] == 1:
            return [0]
        sigma = np.sqrt(np.diag(covariance))
        correlation = np.clip(covariance / np.outer(sigma, sigma), -1.0, 1.0)
        distance = np.sqrt(np.clip((1.0 - correlation) / 2.0, 0.0, None))
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="single")
        return [int(i) for i in leaves_list(tree)]

    def _least_variance(
        self,
        covariance: FloatArray,
        benchmark: FloatArray | None,
        bounds: WeightBounds,
        constraints: Constraints,
        what: str,
    ) -> FloatArray:
        """The invested weights of least variance: of w, or of w - benchmark when given."""
        cp, w, rules = _invested(covariance.shape[0], bounds, constraints)
        active = w if benchmark is None else w - benchmark
        objective = cp.Minimize(cp.quad_form(active, cp.psd_wrap(_unit(covariance))))
        return self._weights(cp, w, objective, rules, what, constraints)

    @classmethod
    def _weights(
        cls, cp: Any, w: Any, objective: Any, rules: list[Any], what: str, constraints: Constraints
    ) -> FloatArray:
        """The weights w of the solved program (objective and rules)."""
        cls._solve(cp, cp.Problem(objective, rules), what, constraints)
        return np.asarray(w.value, dtype=np.float64)

    @staticmethod
    def _solve(cp: Any, problem: Any, what: str, constraints: Constraints = NONE) -> None:
        try:
            problem.solve(solver=cp.CLARABEL)
        except (cp.error.SolverError, ValueError, ArithmeticError) as exc:
            raise OptimizationFailed(f"the {what} solver failed: {exc}"[:300]) from None
        if problem.status in _INFEASIBLE and constraints.any:
            named = constraints.fields()
            raise ConstraintsInfeasible(
                f"no portfolio meets {', '.join(named)} together with the bounds and the "
                f"budget ({what}): loosen one of them",
                field=named[0],
            )
        if problem.status not in _ACCEPTED:
            raise OptimizationFailed(f"the {what} program is {problem.status}")
