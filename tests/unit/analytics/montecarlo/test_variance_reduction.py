"""Control variates and importance sampling of the regime-switching Monte Carlo against closed
forms: the lognormal mean, the model's log-return moments, a normal model's tail probability."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pytest

from domain.analytics.montecarlo.regime import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeParameters,
    RegimeSimulation,
    default_model,
    simulate_regimes,
)
from domain.analytics.montecarlo.variance_reduction import (
    control_variate_mean,
    importance_shift,
    log_return_moments,
    mean_return_controls,
    tail_estimates,
)

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

DT = 1.0 / 252.0
NORMAL = NormalDist()


def lognormal(drift: list[float], vol: list[float], rho: float = 0.0) -> RegimeModel:
    n = len(drift)
    correlation = np.full((n, n), rho)
    np.fill_diagonal(correlation, 1.0)
    return RegimeModel(
        regimes=(Regime.CALIBRATED,),
        parameters=(RegimeParameters(drift, vol, correlation),),
        transition=np.ones((1, 1)),
    )


def run(model: RegimeModel, weights: np.ndarray, **options: Any) -> RegimeSimulation:
    params: dict[str, Any] = {
        "steps": 21,
        "paths": 20_000,
        "initial_regime": model.regimes[0],
        "seed": 11,
        "antithetic": False,
        "use_numba": False,
    }
    params.update(options)
    return simulate_regimes(model, weights, **params)


def test_one_regimes_log_return_moments_are_the_lognormal_ones() -> None:
    model = lognormal([0.1, 0.05], [0.2, 0.3])

    mean, variance = log_return_moments(model, Regime.CALIBRATED, 21, DT)

    horizon = 21 * DT
    np.testing.assert_allclose(mean, [(0.1 - 0.02) * horizon, (0.05 - 0.045) * horizon])
    np.testing.assert_allclose(variance, [0.04 * horizon, 0.09 * horizon])


def test_the_default_models_log_return_moments_match_its_paths() -> None:
    # Arrange: regime switching, Student-t shocks, jumps and black swans, from a bear market
    model = default_model(1)
    sim = run(model, np.ones(1), steps=63, paths=40_000, initial_regime=Regime.BEAR)
    logs = np.log1p(sim.asset_returns[:, 0])

    # Act
    mean, variance = log_return_moments(model, Regime.BEAR, 63, DT)

    # Assert: within 4 standard errors of the sample mean and variance
    n = logs.shape[0]
    centred = logs - logs.mean()
    var_se = math.sqrt(np.var(centred**2, ddof=1) / n)
    assert logs.mean() == pytest.approx(mean[0], abs=4 * logs.std(ddof=1) / math.sqrt(n))
    assert np.var(logs, ddof=1) == pytest.approx(variance[0], abs=4 * var_se)


@pytest.mark.parametrize("antithetic", [False, True])
def test_control_variates_estimate_the_lognormal_mean_with_less_variance(
    antithetic: bool,
) -> None:
    # Arrange: two correlated lognormal assets, E[V_T - 1] = sum_a w_a exp(mu_a T) - 1
    model = lognormal([0.10, 0.04], [0.25, 0.15], rho=0.5)
    weights = np.array([0.6, 0.4])
    sim = run(model, weights, paths=4000, antithetic=antithetic)
    mean, variance = log_return_moments(model, Regime.CALIBRATED, 21, DT)
    controls, expected = mean_return_controls(sim.asset_returns, weights, mean, variance)

    # Act
    got = control_variate_mean(sim.portfolio_returns, controls, expected, antithetic=antithetic)

    # Assert
    exact = float(weights @ np.exp(np.array([0.10, 0.04]) * 21 * DT)) - 1.0
    assert got.estimate == pytest.approx(exact, abs=3 * got.standard_error)
    assert got.plain_standard_error == pytest.approx(sim.mean_return_standard_error)
    assert got.standard_error < got.plain_standard_error / 5
    assert got.variance_ratio > 25


def test_importance_sampling_matches_a_normal_tail_probability_with_less_variance() -> None:
    # Arrange: one lognormal asset; P(R <= q) = Phi((ln(1 + q) - m) / s) at the 99 % quantile
    model = lognormal([0.08], [0.25])
    weights = np.ones(1)
    horizon = 21 * DT
    m, s = (0.08 - 0.25**2 / 2) * horizon, 0.25 * math.sqrt(horizon)
    loss = -math.expm1(m + NORMAL.inv_cdf(0.01) * s)
    plain = run(model, weights, paths=5000, antithetic=True)
    theta = importance_shift(model, weights, Regime.CALIBRATED, 21, DT, 0.99)
    shifted = run(model, weights, paths=5000, shift=theta)
    assert shifted.log_likelihood_ratio is not None

    # Act
    got = tail_estimates(
        plain.portfolio_returns, loss, True, shifted.portfolio_returns,
        shifted.log_likelihood_ratio, 0.99,
    )  # fmt: skip

    # Assert
    assert got.probability == pytest.approx(0.01, abs=3 * got.standard_error)
    assert got.standard_error < got.plain_standard_error / 2
    assert got.variance_ratio > 4
    assert got.var == pytest.approx(loss, rel=0.03)
    assert got.cvar > got.var


def test_the_likelihood_ratio_weights_average_one() -> None:
    model = default_model(2)
    theta = np.array([-0.2, -0.1])

    sim = run(model, np.full(2, 0.5), paths=4000, shift=theta, initial_regime=Regime.BULL)

    assert sim.log_likelihood_ratio is not None
    weights = np.exp(sim.log_likelihood_ratio)
    assert weights.mean() == pytest.approx(1.0, abs=4 * weights.std(ddof=1) / math.sqrt(4000))


def test_a_shift_needs_antithetic_off_and_one_number_per_asset() -> None:
    model = lognormal([0.1], [0.2])

    with pytest.raises(InvalidRegimeModel) as paired:
        run(model, np.ones(1), shift=np.array([-0.1]), antithetic=True)
    with pytest.raises(InvalidRegimeModel) as sized:
        run(model, np.ones(1), shift=np.array([-0.1, 0.0]))

    assert paired.value.field == sized.value.field == "shift"
