"""Black-Litterman, minimum tracking error and mean-CVaR against closed forms and an
independently solved linear program (scipy.optimize.linprog), through the real adapter."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.optimization import (
    OptimizationRequest,
    OptimizationResult,
    View,
    optimize,
)
from domain.analytics.optimization.errors import InvalidOptimizationInput
from tests.unit.analytics.optimization.test_worked_examples import cov

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

OPTIMIZER = CvxpyOptimizer()
ASSETS = ["A", "B", "C"]
# sigma 20 %, 30 %, 25 %; correlations 0.1, 0.2, 0.24
SIGMA = np.array([[0.04, 0.006, 0.01], [0.006, 0.09, 0.018], [0.01, 0.018, 0.0625]])
MARKET = {"A": 0.5, "B": 0.3, "C": 0.2}
W_MKT = np.array([0.5, 0.3, 0.2])
CAPS = {"A": 5.0, "B": 3.0, "C": 2.0}


def solve(method: str, **fields: object) -> OptimizationResult:
    fields.setdefault("assets", ASSETS)
    request = OptimizationRequest(method=method, **fields)  # type: ignore[arg-type]
    return optimize(request, OPTIMIZER)


def budgeted_mean_variance(mu: np.ndarray, sigma: np.ndarray, delta: float) -> np.ndarray:
    """argmax mu'w - delta/2 w'Sw s.t. 1'w = 1: w = S^-1 (mu - gamma 1) / delta."""
    inv = np.linalg.inv(sigma)
    ones = np.ones(len(mu))
    gamma = (ones @ inv @ mu - delta) / (ones @ inv @ ones)
    weights: np.ndarray = inv @ (mu - gamma * ones) / delta
    return weights


def test_black_litterman_without_views_returns_the_market_weights() -> None:
    # Act
    result = solve("black_litterman", covariance=SIGMA.tolist(), market_weights=MARKET)

    # Assert: Pi = delta S w_mkt, and the mean-variance optimum on Pi is w_mkt itself
    assert result.weights == pytest.approx(W_MKT, abs=1e-7)
    assert result.black_litterman is not None
    pi = 2.5 * SIGMA @ W_MKT
    assert result.black_litterman.posterior.equilibrium == pytest.approx(pi, abs=1e-15)
    assert result.asset_expected_return == pytest.approx(pi, abs=1e-15)


def test_black_litterman_posterior_and_weights_match_the_textbook_formula() -> None:
    # Arrange: A returns 10 % a year; B beats C by 2 %; He & Litterman's omega = p tau S p'
    tau, delta = 0.05, 2.5
    p = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, -1.0]])
    q = np.array([0.10, 0.02])
    pi = delta * SIGMA @ W_MKT
    omega = np.diag(np.diag(p @ (tau * SIGMA) @ p.T))
    # the precision form of the posterior mean (He & Litterman 1999, eq. 8), by hand
    prior = np.linalg.inv(tau * SIGMA)
    precision = prior + p.T @ np.linalg.inv(omega) @ p
    expected_mu = np.linalg.solve(precision, prior @ pi + p.T @ np.linalg.inv(omega) @ q)
    expected_post = SIGMA + np.linalg.inv(precision)
    views = [View({"A": 1.0}, 0.10), View({"B": 1.0, "C": -1.0}, 0.02)]

    # Act
    result = solve(
        "black_litterman", covariance=SIGMA.tolist(), market_weights=MARKET,
        views=views, long_only=False,
    )  # fmt: skip

    # Assert
    assert result.black_litterman is not None
    found = result.black_litterman.posterior
    assert found.mean == pytest.approx(expected_mu, abs=1e-12)
    assert found.covariance == pytest.approx(expected_post, abs=1e-12)
    assert found.omega == pytest.approx(np.diag(omega), abs=1e-15)
    expected_w = budgeted_mean_variance(expected_mu, SIGMA, delta)
    assert result.weights == pytest.approx(expected_w, abs=1e-6)
    assert not np.allclose(result.weights, W_MKT, atol=1e-3)  # the views moved it


def test_idzorek_full_confidence_holds_the_view_and_half_is_he_littermans() -> None:
    # Arrange
    certain = [View({"B": 1.0, "C": -1.0}, 0.03, confidence=1.0)]
    half = [View({"B": 1.0, "C": -1.0}, 0.03, confidence=0.5)]
    default = [View({"B": 1.0, "C": -1.0}, 0.03)]

    # Act
    results = [
        solve(
            "black_litterman",
            covariance=SIGMA.tolist(),
            market_caps=CAPS,
            views=views,
            long_only=False,
        )
        for views in (certain, half, default)
    ]

    # Assert: c = 1 -> omega 0, mu_B - mu_C = 3 % exactly; c = 0.5 -> (1 - c) / c = 1
    means = [r.black_litterman.posterior.mean for r in results if r.black_litterman]
    assert means[0][1] - means[0][2] == pytest.approx(0.03, abs=1e-12)
    assert means[1] == pytest.approx(means[2], abs=1e-15)
    assert abs(means[1][1] - means[1][2] - 0.03) > 1e-3  # a partial view only leans towards Q


def test_black_litterman_refuses_contradictory_certain_views() -> None:
    # Arrange: two certain views of the same asset
    views = [View({"A": 1.0}, 0.05, 1.0), View({"A": 2.0}, 0.30, 1.0)]

    # Act / Assert
    with pytest.raises(InvalidOptimizationInput) as raised:
        solve("black_litterman", covariance=SIGMA.tolist(), market_weights=MARKET, views=views)
    assert raised.value.field == "views"


def test_minimum_tracking_error_returns_a_feasible_benchmark_exactly() -> None:
    # Act
    result = solve("min_tracking_error", covariance=SIGMA.tolist(), benchmark=MARKET)

    # Assert
    assert result.weights == pytest.approx(W_MKT, abs=1e-7)
    assert result.tracking_error == pytest.approx(0.0, abs=1e-6)


def test_minimum_tracking_error_with_a_binding_cap_and_its_figure() -> None:
    # Arrange: A at most 40 % (the benchmark holds 50 %): the benchmark is out of reach, and
    # the nearest w in S's metric has A at its cap and B, C sharing the rest.

    # Act
    result = solve(
        "min_tracking_error", covariance=SIGMA.tolist(), benchmark=MARKET, bounds={"A": (None, 0.4)}
    )

    # Assert: A at its cap; the TE figure is the formula's; the first-order condition holds:
    # S (w - b) is equal across the free assets B and C (the budget's multiplier)
    w = result.weights
    active = w - W_MKT
    assert w[0] == pytest.approx(0.4, abs=1e-7)
    assert result.tracking_error == pytest.approx(np.sqrt(active @ SIGMA @ active), abs=1e-12)
    gradient = SIGMA @ active
    assert gradient[1] == pytest.approx(gradient[2], abs=1e-7)


def scenarios() -> np.ndarray:
    rng = np.random.default_rng(11)
    drift = np.array([0.0004, 0.0008, 0.0012])
    returns: np.ndarray = drift + rng.standard_t(4, size=(40, 3)) * np.array([0.008, 0.014, 0.02])
    return returns


def linprog_mean_cvar(
    r: np.ndarray, alpha: float, lam: float | None, target: float | None
) -> tuple[np.ndarray, float]:
    """Rockafellar & Uryasev's LP in x = (w, z, s), solved by HiGHS: the reference."""
    t, n = r.shape
    mu = r.mean(axis=0)
    tail = np.concatenate([np.zeros(n), [1.0], np.full(t, 1.0 / ((1 - alpha) * t))])
    c = tail if lam is None else lam * tail - np.concatenate([mu, np.zeros(1 + t)])
    # -r_t'w - z - s_t <= 0
    a_ub = np.hstack([-r, -np.ones((t, 1)), -np.eye(t)])
    b_ub = np.zeros(t)
    if target is not None:
        a_ub = np.vstack([a_ub, np.concatenate([-mu, np.zeros(1 + t)])])
        b_ub = np.append(b_ub, -target)
    a_eq = np.concatenate([np.ones(n), np.zeros(1 + t)])[None, :]
    bounds = [(0.0, 1.0)] * n + [(None, None)] + [(0.0, None)] * t
    found = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[1.0], bounds=bounds, method="highs")
    assert found.status == 0
    return found.x[:n], float(found.fun)


def cvar(weights: np.ndarray, r: np.ndarray, alpha: float) -> float:
    losses = -r @ weights
    return min(z + np.maximum(losses - z, 0.0).mean() / (1 - alpha) for z in losses)


@pytest.mark.parametrize("lam", [0.05, 0.5])
def test_mean_cvar_matches_the_linear_program_solved_by_scipy(lam: float) -> None:
    # Arrange
    r = scenarios()
    expected_w, expected_objective = linprog_mean_cvar(r, 0.9, lam, None)

    # Act
    result = solve("mean_cvar", assets=ASSETS, returns=r.tolist(), confidence=0.9,
                   risk_aversion=lam)  # fmt: skip

    # Assert: the same optimum (value, and weights: the LP's vertex is unique here)
    w = result.weights
    objective = lam * cvar(w, r, 0.9) - r.mean(axis=0) @ w
    assert objective == pytest.approx(expected_objective, abs=1e-8)
    assert w == pytest.approx(expected_w, abs=1e-5)


def test_mean_cvar_with_a_target_return_matches_the_linear_program() -> None:
    # Arrange: a target between the least-CVaR portfolio's mean and the best asset's
    r = scenarios()
    target = float(r.mean(axis=0) @ np.array([0.2, 0.3, 0.5]))
    expected_w, expected_cvar = linprog_mean_cvar(r, 0.95, None, target)

    # Act: the target is annual (per period x 252)
    result = solve("mean_cvar", returns=r.tolist(), target_return=target * 252)

    # Assert
    w = result.weights
    assert cvar(w, r, 0.95) == pytest.approx(expected_cvar, abs=1e-8)
    assert r.mean(axis=0) @ w >= target - 1e-9
    assert w == pytest.approx(expected_w, abs=1e-5)


def test_mean_cvar_refuses_an_unattainable_target() -> None:
    # Arrange
    r = scenarios()

    # Act / Assert
    with pytest.raises(InvalidOptimizationInput) as raised:
        solve("mean_cvar", returns=r.tolist(), target_return=float(r.mean(axis=0).max()) * 300)
    expected = ("TARGET_RETURN_UNATTAINABLE", "target_return")
    assert (raised.value.code, raised.value.field) == expected


def test_min_tracking_error_needs_a_benchmark() -> None:
    with pytest.raises(InvalidOptimizationInput) as raised:
        solve("min_tracking_error", covariance=cov([0.1, 0.2, 0.3]))
    assert raised.value.field == "benchmark"
