"""Plain NumPy / SciPy portfolio optimisers: the baseline bench_optimize prints beside the
library's figures (a reference point, not what the API serves).

- minimum variance: the closed form inverse(S) 1 / (1' inverse(S) 1) (no bounds: long-short),
  and SciPy's SLSQP under long-only bounds and the budget;
- maximum Sharpe: the closed-form tangency inverse(S) (mu - rf), normalised (no bounds), and
  SLSQP on the negative Sharpe ratio under long-only bounds;
- risk parity: Newton's method on the risk-budgeting condition S y = b / y (Spinu 2013);
- HRP: López de Prado's (2016) procedure as published: single linkage, quasi-diagonal order,
  recursive bisection (no bounds).
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.optimize import minimize
from scipy.spatial.distance import squareform

Array = np.ndarray


def min_variance_closed_form(covariance: Array) -> Array:
    x = np.linalg.solve(covariance, np.ones(len(covariance)))
    return x / x.sum()


def tangency_closed_form(mu: Array, covariance: Array, rf: float) -> Array:
    x = np.linalg.solve(covariance, mu - rf)
    return x / x.sum()


def _slsqp(objective, gradient, n: int, upper: float) -> Array:  # type: ignore[no-untyped-def]
    answer = minimize(
        objective, np.full(n, 1.0 / n), jac=gradient, method="SLSQP",
        bounds=[(0.0, upper)] * n,
        constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0, "jac": lambda w: np.ones(n)}],
        options={"maxiter": 500, "ftol": 1e-12},
    )  # fmt: skip
    weights: Array = answer.x
    return weights


def min_variance_slsqp(covariance: Array, upper: float = 1.0) -> Array:
    return _slsqp(lambda w: w @ covariance @ w, lambda w: 2.0 * covariance @ w,
                  len(covariance), upper)  # fmt: skip


def max_sharpe_slsqp(mu: Array, covariance: Array, rf: float, upper: float = 1.0) -> Array:
    excess = mu - rf

    def objective(w: Array) -> float:
        return float(-(excess @ w) / np.sqrt(w @ covariance @ w))

    def gradient(w: Array) -> Array:
        variance = w @ covariance @ w
        sigma = np.sqrt(variance)
        return -(excess * sigma - (excess @ w) * (covariance @ w) / sigma) / variance

    return _slsqp(objective, gradient, len(covariance), upper)


def risk_parity_newton(covariance: Array, budgets: Array | None = None) -> Array:
    n = len(covariance)
    b = np.full(n, 1.0 / n) if budgets is None else budgets
    y = 1.0 / np.sqrt(np.diag(covariance))
    y *= np.sqrt(b.sum() / (y @ covariance @ y))
    for _ in range(50):
        gradient = covariance @ y - b / y
        if np.max(np.abs(gradient)) < 1e-12:
            break
        step = np.linalg.solve(covariance + np.diag(b / y**2), gradient)
        shrink = 1.0
        while np.any(y - shrink * step <= 0.0):
            shrink /= 2.0
        y = y - shrink * step
    return y / y.sum()


def hrp(covariance: Array) -> Array:
    sigma = np.sqrt(np.diag(covariance))
    correlation = covariance / np.outer(sigma, sigma)
    distance = np.sqrt(np.clip((1.0 - correlation) / 2.0, 0.0, None))
    np.fill_diagonal(distance, 0.0)
    order = list(leaves_list(linkage(squareform(distance, checks=False), "single")))
    weights = np.ones(len(covariance))
    clusters = [order]
    while clusters:
        clusters = [c[j:k] for c in clusters for j, k in ((0, len(c) // 2), (len(c) // 2, len(c)))
                    if len(c) > 1]  # fmt: skip
        for i in range(0, len(clusters), 2):
            left, right = clusters[i], clusters[i + 1]
            v_left, v_right = _ivp_variance(covariance, left), _ivp_variance(covariance, right)
            alpha = 1.0 - v_left / (v_left + v_right)
            weights[left] *= alpha
            weights[right] *= 1.0 - alpha
    return weights


def _ivp_variance(covariance: Array, members: list[int]) -> float:
    sub = covariance[np.ix_(members, members)]
    inverse = 1.0 / np.diag(sub)
    w = inverse / inverse.sum()
    return float(w @ sub @ w)
