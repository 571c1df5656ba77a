"""Returns, prices and estimators in; every bad input refused with its stable code and field."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import numpy as np
import pytest

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.optimization import OptimizationRequest, OptimizationService, optimize
from application.core.compute_budget import ComputeBudget
from domain.analytics.optimization.errors import InvalidOptimizationInput
from domain.analytics.optimization.problem import MAX_ASSETS, MAX_CELLS, CovarianceEstimator
from domain.errors import ComputeUnavailable

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

OPTIMIZER = CvxpyOptimizer()
RNG = np.random.default_rng(7)
RETURNS = (RNG.normal(0.0004, 0.01, (250, 4)) + RNG.normal(0, 0.005, (250, 1))).tolist()
ASSETS = ["AAA", "BBB", "CCC", "DDD"]


def refused(**fields: Any) -> InvalidOptimizationInput:
    body: dict[str, Any] = {"method": "min_variance", "assets": ASSETS, "returns": RETURNS}
    with pytest.raises(InvalidOptimizationInput) as caught:
        optimize(OptimizationRequest(**{**body, **fields}), OPTIMIZER)
    return caught.value


def test_ledoit_wolf_shrinks_the_sample_covariance_towards_a_scaled_identity() -> None:
    # Arrange
    returns = np.array(RETURNS)
    sample = np.cov(returns, rowvar=False, ddof=0)  # Ledoit-Wolf's divisor is T

    # Act
    estimate = OPTIMIZER.covariance(returns, CovarianceEstimator.LEDOIT_WOLF)

    # Assert: (1 - d) S + d (trace(S) / n) I, with 0 < d < 1
    d = estimate.shrinkage
    assert d is not None and 0.0 < d < 1.0
    target = np.trace(sample) / 4 * np.eye(4)
    assert estimate.covariance == pytest.approx((1 - d) * sample + d * target, abs=1e-15)


def test_returns_are_annualised_and_the_answer_names_its_estimate() -> None:
    # Act
    request = OptimizationRequest(method="min_variance", assets=ASSETS, returns=RETURNS,
                                  covariance_estimator="sample")  # fmt: skip
    result = optimize(request, OPTIMIZER)

    # Assert
    sample = np.cov(np.array(RETURNS), rowvar=False) * 252
    assert result.asset_volatility == pytest.approx(np.sqrt(np.diag(sample)), rel=1e-12)
    assert result.asset_expected_return == pytest.approx(np.mean(RETURNS, axis=0) * 252)
    assert (result.covariance.estimator, result.covariance.observations) == ("sample", 250)
    assert result.covariance.shrinkage is None
    assert result.weights.sum() == pytest.approx(1.0, abs=1e-12)


def test_prices_give_the_same_answer_as_their_returns() -> None:
    # Arrange
    prices = np.vstack([np.full(4, 100.0), 100.0 * np.cumprod(1 + np.array(RETURNS), axis=0)])

    # Act
    by_prices = optimize(
        OptimizationRequest(method="hrp", assets=ASSETS, prices=prices.tolist()), OPTIMIZER
    )
    by_returns = optimize(
        OptimizationRequest(method="hrp", assets=ASSETS, returns=RETURNS), OPTIMIZER
    )

    # Assert
    assert by_prices.weights == pytest.approx(by_returns.weights, abs=1e-9)


def test_ledoit_wolf_estimates_more_assets_than_observations_the_sample_refuses() -> None:
    # Arrange: 30 observations of 40 assets
    returns = RNG.normal(0, 0.01, (30, 40)).tolist()
    assets = [f"S{i}" for i in range(40)]

    # Act
    shrunk = optimize(OptimizationRequest("min_variance", assets, returns=returns), OPTIMIZER)
    with pytest.raises(InvalidOptimizationInput) as caught:
        optimize(
            OptimizationRequest(
                "min_variance", assets, returns=returns, covariance_estimator="sample"
            ),
            OPTIMIZER,
        )

    # Assert
    assert shrunk.weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert (caught.value.code, caught.value.field) == ("INSUFFICIENT_OBSERVATIONS", "returns")


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"method": "best"}, "INVALID_OPTIMIZATION_INPUT", "method"),
        ({"assets": []}, "EMPTY_PORTFOLIO", "assets"),
        ({"assets": ["AAA", "AAA", "CCC", "DDD"]}, "INVALID_OPTIMIZATION_INPUT", "assets[1]"),
        ({"assets": [f"X{i}" for i in range(MAX_ASSETS + 1)]}, "TOO_MANY_ASSETS", "assets"),
        ({"returns": RETURNS[:10]}, "INSUFFICIENT_OBSERVATIONS", "returns"),
        ({"returns": [*RETURNS[:5], [0.01, None, 0.0, 0.0], *RETURNS[6:]]},
         "NON_FINITE_RETURNS", "returns[5][1]"),
        ({"returns": [*RETURNS[:5], [0.01, 0.0, float("nan"), 0.0], *RETURNS[6:]]},
         "NON_FINITE_RETURNS", "returns[5][2]"),
        ({"returns": [*RETURNS[:3], [0.01, 0.0, 0.0], *RETURNS[4:]]},
         "INVALID_OPTIMIZATION_INPUT", "returns[3]"),
        ({"returns": [*RETURNS[:3], [-1.0, 0.0, 0.0, 0.0], *RETURNS[4:]]},
         "INVALID_OPTIMIZATION_INPUT", "returns[3][0]"),
        ({"returns": [[r[0], 0.001, r[2], r[3]] for r in RETURNS]},
         "SINGULAR_COVARIANCE", "returns[*][1]"),
        ({"returns": None, "prices": [[100, 50, 20, 10]] * 30 + [[100, -1, 20, 10]]},
         "NEGATIVE_PRICE", "prices[30][1]"),
        ({"returns": None}, "INVALID_OPTIMIZATION_INPUT", "returns"),
        ({"covariance": [[1.0]]}, "INVALID_OPTIMIZATION_INPUT", "covariance"),
        ({"max_weight": 0.2}, "WEIGHT_BOUNDS_INFEASIBLE", "bounds"),
        ({"min_weight": 0.3}, "WEIGHT_BOUNDS_INFEASIBLE", "bounds"),
        ({"bounds": {"AAA": (0.5, 0.4)}}, "WEIGHT_BOUNDS_INFEASIBLE", "bounds"),
        ({"bounds": {"ZZZ": (0.0, 0.4)}}, "INVALID_OPTIMIZATION_INPUT", "bounds"),
        ({"min_weight": -0.5}, "WEIGHT_BOUNDS_INFEASIBLE", "bounds"),
        ({"method": "hrp", "long_only": False}, "INVALID_OPTIMIZATION_INPUT", "long_only"),
        ({"method": "risk_parity", "risk_budgets": {"AAA": 0.5, "BBB": 0.5, "CCC": 0.5,
          "DDD": 0.5}}, "INVALID_OPTIMIZATION_INPUT", "risk_budgets"),
        ({"method": "risk_parity", "risk_budgets": {"AAA": 1.0, "BBB": 0.0, "CCC": 0.0,
          "DDD": 0.0}}, "INVALID_OPTIMIZATION_INPUT", "risk_budgets.BBB"),
        ({"method": "risk_parity", "max_weight": 0.26}, "WEIGHT_BOUNDS_INFEASIBLE", None),
        ({"method": "max_sharpe", "risk_free_rate": 0.9}, "MAX_SHARPE_UNATTAINABLE",
         "risk_free_rate"),
        ({"risk_free_rate": float("inf")}, "INVALID_OPTIMIZATION_INPUT", "risk_free_rate"),
        ({"periods_per_year": 0}, "INVALID_OPTIMIZATION_INPUT", "periods_per_year"),
        ({"covariance_estimator": "oas"}, "INVALID_OPTIMIZATION_INPUT", "covariance_estimator"),
        ({"expected_returns": [0.1, 0.2]}, "INVALID_OPTIMIZATION_INPUT", "expected_returns"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_its_code_and_field(
    fields: dict[str, Any], code: str, field: str | None
) -> None:
    # Act
    error = refused(**fields)

    # Assert
    assert error.code == code
    if field is not None:
        assert error.field == field
    else:
        assert error.field is not None and error.field.startswith("bounds.")


def test_a_posted_covariance_must_be_symmetric_and_positive_definite() -> None:
    # Arrange: the third asset is the sum of the first two (rank 2)
    base = np.array([[0.04, 0.01], [0.01, 0.09]])
    mix = np.array([[1, 0], [0, 1], [1, 1]])
    singular = (mix @ base @ mix.T).tolist()
    asymmetric = [[0.04, 0.01], [0.02, 0.09]]

    # Act
    errors = [
        refused(assets=["A", "B", "C"], returns=None, covariance=singular),
        refused(assets=["A", "B"], returns=None, covariance=asymmetric),
        refused(assets=["A", "B"], returns=None, covariance=[[0.04, 0.0], [0.0, 0.0]]),
        refused(assets=["A", "B"], returns=None, covariance=[[0.04, 0.01], [0.01, 0.09]],
                method="max_sharpe"),
    ]  # fmt: skip

    # Assert
    assert [(e.code, e.field) for e in errors] == [
        ("SINGULAR_COVARIANCE", "covariance"),
        ("INVALID_OPTIMIZATION_INPUT", "covariance[0][1]"),
        ("SINGULAR_COVARIANCE", "covariance[1][1]"),
        ("INVALID_OPTIMIZATION_INPUT", "expected_returns"),
    ]


def test_too_many_values_are_refused_before_anything_is_built() -> None:
    # Arrange: rows are sized, not read, by the check (a long but cheap list)
    width = 1000
    rows = [[0.0] * width] * (MAX_CELLS // width + 1)

    # Act
    error = refused(assets=[f"X{i}" for i in range(width)], returns=rows)

    # Assert
    assert (error.code, error.field) == ("TOO_MANY_ASSETS", "returns")


async def test_the_service_runs_the_work_in_the_budget_and_refuses_when_it_is_full() -> None:
    # Arrange: a one-slot budget with no queue, held by a job that waits on a gate
    gate = threading.Event()
    budget = ComputeBudget(budget_s=30.0, slots=1, queue_s=0.0)
    service = OptimizationService(OPTIMIZER, budget)
    request = OptimizationRequest(method="hrp", assets=ASSETS, returns=RETURNS)
    holding = asyncio.ensure_future(budget.run("hold", gate.wait))
    await asyncio.sleep(0)

    # Act
    with pytest.raises(ComputeUnavailable):
        await service.optimize(request)
    gate.set()
    await holding
    answered = await service.optimize(request)

    # Assert
    assert answered.weights.sum() == pytest.approx(1.0, abs=1e-12)
    budget.close()


def test_a_shrunk_covariance_is_positive_definite_without_an_eigen_decomposition() -> None:
    # Arrange: a rank-1 sample covariance (singular) shrunk by d: eigenvalues >= d x trace / n
    from domain.analytics.optimization.problem import check_positive_definite

    sample = np.outer([0.1, 0.2, 0.3], [0.1, 0.2, 0.3])
    d = 0.05
    shrunk = (1 - d) * sample + d * np.trace(sample) / 3 * np.eye(3)

    # Act / Assert: the bound accepts the shrunk matrix; the same matrix unshrunk is refused
    check_positive_definite(shrunk, ["A", "B", "C"], shrinkage=d)
    assert np.linalg.eigvalsh(shrunk)[0] >= d * np.trace(sample) / 3 - 1e-15
    with pytest.raises(InvalidOptimizationInput) as caught:
        check_positive_definite(sample, ["A", "B", "C"], shrinkage=0.0)
    assert caught.value.code == "SINGULAR_COVARIANCE"
