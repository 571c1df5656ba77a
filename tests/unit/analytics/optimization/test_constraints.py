"""Sector limits, a turnover limit and a tracking-error cap: each binds (the answer meets it
and differs from the unconstrained optimum), across methods; infeasible combinations are
refused with a stable code naming the field."""

from __future__ import annotations

import numpy as np
import pytest

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
ASSETS = ["T1", "T2", "E1", "E2"]
SECTORS = {"T1": "Tech", "T2": "Tech", "E1": "Energy", "E2": "Energy"}
# Tech is the low-volatility pair: minimum variance puts most of the portfolio there.
COVARIANCE = cov([0.10, 0.12, 0.25, 0.30], [[1, 0.3, 0.1, 0.1], [0.3, 1, 0.1, 0.1],
                                             [0.1, 0.1, 1, 0.4], [0.1, 0.1, 0.4, 1]])  # fmt: skip
MU = [0.04, 0.05, 0.09, 0.11]
SLACK = 1e-6  # the solver's tolerance, after the polish onto the bounds and the budget


def solve(method: str = "min_variance", **fields: object) -> OptimizationResult:
    fields.setdefault("covariance", COVARIANCE)
    request = OptimizationRequest(method=method, assets=ASSETS, **fields)  # type: ignore[arg-type]
    return optimize(request, OPTIMIZER)


def tech(weights: np.ndarray) -> float:
    return float(weights[:2].sum())


@pytest.mark.parametrize(
    ("method", "extra"),
    [("min_variance", {}), ("max_sharpe", {"expected_returns": MU}),
     ("max_diversification", {})],
)  # fmt: skip
def test_a_sector_cap_binds(method: str, extra: dict[str, object]) -> None:
    # Arrange
    free = solve(method, **extra).weights
    cap = round(tech(free) - 0.1, 2)

    # Act
    capped = solve(method, sectors=SECTORS, sector_limits={"Tech": (None, cap)}, **extra)

    # Assert: the cap is met, and met exactly (it binds), so the weights moved
    assert tech(capped.weights) == pytest.approx(cap, abs=SLACK)
    assert not np.allclose(capped.weights, free, atol=1e-3)


def test_a_sector_floor_binds() -> None:
    # Arrange
    free = solve().weights

    # Act
    floored = solve(sectors=SECTORS, sector_limits={"Energy": (0.4, None)}).weights

    # Assert
    assert float(floored[2:].sum()) == pytest.approx(0.4, abs=SLACK)
    assert float(free[2:].sum()) < 0.3


@pytest.mark.parametrize("method", ["min_variance", "min_cvar"])
def test_a_turnover_limit_binds_against_the_current_weights(method: str) -> None:
    # Arrange: held equally; the unconstrained optimum trades far more than 10 %
    rng = np.random.default_rng(3)
    fields: dict[str, object] = {"current_weights": dict.fromkeys(ASSETS, 0.25)}
    if method == "min_cvar":
        chol = np.linalg.cholesky(np.array(COVARIANCE) / 252)
        fields.update(covariance=None, returns=(rng.standard_normal((120, 4)) @ chol.T).tolist())
    free = solve(method, **fields)

    # Act
    limited = solve(method, max_turnover=0.1, **fields)

    # Assert
    assert free.turnover is not None and free.turnover > 0.3
    assert limited.turnover == pytest.approx(0.1, abs=SLACK)
    assert limited.turnover == pytest.approx(float(np.abs(limited.weights - 0.25).sum()))


def test_a_tracking_error_cap_binds() -> None:
    # Arrange: the benchmark is the high-volatility pair's
    benchmark = {"E1": 0.5, "E2": 0.5}
    free = solve(benchmark=benchmark)
    assert free.tracking_error is not None and free.tracking_error > 0.1

    # Act
    capped = solve(benchmark=benchmark, max_tracking_error=0.05)

    # Assert: the figure is sqrt((w - b)'S(w - b)), at the cap
    active = capped.weights - np.array([0, 0, 0.5, 0.5])
    assert capped.tracking_error == pytest.approx(0.05, abs=SLACK)
    assert capped.tracking_error == pytest.approx(
        float(np.sqrt(active @ np.array(COVARIANCE) @ active))
    )


def test_a_tracking_error_cap_with_black_litterman_and_max_sharpe() -> None:
    # Arrange
    market = {"T1": 0.3, "T2": 0.3, "E1": 0.2, "E2": 0.2}
    bl = {"market_weights": market, "views": (View({"E2": 1.0}, 0.25),)}
    viewed = solve("black_litterman", **bl).weights

    # Act
    sharpe = solve("max_sharpe", expected_returns=MU, benchmark=market, max_tracking_error=0.02)
    litterman = solve("black_litterman", benchmark=market, max_tracking_error=0.0, **bl)

    # Assert
    assert sharpe.tracking_error is not None and sharpe.tracking_error <= 0.02 + SLACK
    assert not np.allclose(viewed, [0.3, 0.3, 0.2, 0.2], atol=1e-2)  # the view tilts it
    assert litterman.weights == pytest.approx([0.3, 0.3, 0.2, 0.2], abs=1e-5)  # cap 0 holds b


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"sectors": SECTORS, "sector_limits": {"Tech": (0.7, None), "Energy": (0.5, None)}},
         "CONSTRAINTS_INFEASIBLE", "sector_limits"),
        ({"sectors": SECTORS, "sector_limits": {"Tech": (0.6, 0.4)}},
         "CONSTRAINTS_INFEASIBLE", "sector_limits.Tech"),
        ({"current_weights": {"T1": 1.0}, "max_weight": 0.5, "max_turnover": 0.5},
         "CONSTRAINTS_INFEASIBLE", "max_turnover"),
        # only the solver can tell: the benchmark holds no Tech, Tech's floor is 60 %
        ({"sectors": SECTORS, "sector_limits": {"Tech": (0.6, None)},
          "benchmark": {"E1": 1.0}, "max_tracking_error": 0.05},
         "CONSTRAINTS_INFEASIBLE", "sector_limits"),
        ({"max_turnover": 0.1}, "INVALID_OPTIMIZATION_INPUT", "current_weights"),
        ({"max_tracking_error": 0.1}, "INVALID_OPTIMIZATION_INPUT", "benchmark"),
        ({"sector_limits": {"Tech": (None, 0.5)}}, "INVALID_OPTIMIZATION_INPUT", "sectors"),
        ({"sectors": SECTORS, "sector_limits": {"Utilities": (None, 0.5)}},
         "INVALID_OPTIMIZATION_INPUT", "sector_limits.Utilities"),
        ({"benchmark": {"T1": 0.5}}, "INVALID_OPTIMIZATION_INPUT", "benchmark"),
    ],
)  # fmt: skip
def test_infeasible_or_incomplete_constraints_are_refused(
    fields: dict[str, object], code: str, field: str
) -> None:
    with pytest.raises(InvalidOptimizationInput) as raised:
        solve(**fields)
    assert (raised.value.code, raised.value.field) == (code, field)


@pytest.mark.parametrize("method", ["risk_parity", "hrp", "inverse_volatility", "equal_weight"])
def test_rule_based_methods_refuse_constraints(method: str) -> None:
    with pytest.raises(InvalidOptimizationInput) as raised:
        solve(method, sectors=SECTORS, sector_limits={"Tech": (None, 0.5)})
    assert (raised.value.code, raised.value.field) == ("CONSTRAINT_NOT_SUPPORTED", "sector_limits")
