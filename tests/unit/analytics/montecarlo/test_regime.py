"""Regime-switching Monte Carlo against closed forms (lognormal law, Merton moments, Markov
occupancy), its variance reduction and its reproducibility contract."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.montecarlo.regime import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeParameters,
    RegimeSimulation,
    default_model,
    expected_durations,
    simulate_regimes,
    stationary_distribution,
)
from domain.analytics.montecarlo.regime_model import MARKET_REGIMES
from domain.jit import NUMBA_ENABLED

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

DT = 1.0 / 252.0


def _one_regime(
    drift: list[float],
    vol: list[float],
    correlation: list[list[float]] | None = None,
    **features: Any,
) -> RegimeModel:
    n = len(drift)
    rho = np.eye(n) if correlation is None else np.asarray(correlation)
    return RegimeModel(
        regimes=(Regime.BULL,),
        parameters=(RegimeParameters(drift, vol, rho),),
        transition=np.ones((1, 1)),
        **features,
    )


def _run(model: RegimeModel, **overrides: Any) -> RegimeSimulation:
    weights = overrides.pop("weights", np.full(model.assets, 1.0 / model.assets))
    params: dict[str, Any] = {
        "steps": 21,
        "paths": 20_000,
        "initial_regime": model.regimes[0],
        "seed": 7,
        "antithetic": False,
    }
    params.update(overrides)
    return simulate_regimes(model, weights, **params)


def _log_returns(sim: RegimeSimulation) -> np.ndarray:
    return np.log1p(sim.asset_returns)


def _excess_kurtosis(x: np.ndarray) -> float:
    centred = x - x.mean()
    return float(np.mean(centred**4) / np.mean(centred**2) ** 2 - 3.0)


def test_one_regime_normal_log_returns_match_the_lognormal_law() -> None:
    # Arrange: mu 8 %, sigma 20 % and 35 %, 42 days; X_h ~ N((mu - s^2/2) h, s^2 h)
    model = _one_regime([0.08, 0.08], [0.20, 0.35])
    steps, n = 42, 20_000
    h = steps * DT
    # Act
    x = _log_returns(_run(model, steps=steps, paths=n))
    # Assert: mean within 3 standard errors; variance within 3 SE of s^2 h (normal: sqrt(2/(n-1)))
    for a, sigma in enumerate((0.20, 0.35)):
        mean, var = (0.08 - 0.5 * sigma**2) * h, sigma**2 * h
        assert abs(x[:, a].mean() - mean) < 3.0 * math.sqrt(var / n)
        assert abs(x[:, a].var(ddof=1) - var) < 3.0 * var * math.sqrt(2.0 / (n - 1))


def test_expected_gross_return_is_exp_mu_h() -> None:
    # Arrange: E[S_h / S_0] = exp(mu h) for the lognormal law
    model = _one_regime([0.10], [0.30])
    h = 63 * DT
    # Act
    gross = 1.0 + _run(model, steps=63).portfolio_returns
    # Assert
    se = gross.std(ddof=1) / math.sqrt(gross.shape[0])
    assert abs(gross.mean() - math.exp(0.10 * h)) < 3.0 * se


def test_cholesky_reproduces_the_correlation() -> None:
    # Arrange: three assets with mixed-sign correlations
    rho = [[1.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 1.0]]
    model = _one_regime([0.0, 0.0, 0.0], [0.2, 0.3, 0.25], rho)
    n = 20_000
    # Act
    sample = np.corrcoef(_log_returns(_run(model, paths=n)).T)
    # Assert: the sample correlation's standard error is about (1 - rho^2) / sqrt(n)
    for i in range(3):
        for j in range(i + 1, 3):
            se = (1.0 - rho[i][j] ** 2) / math.sqrt(n)
            assert abs(sample[i, j] - rho[i][j]) < 4.0 * se


def test_occupancy_matches_the_markov_chain() -> None:
    # Arrange: three regimes that mix within a few steps; exact expected occupancy over T steps
    # from regime 0 is the mean of e0 P^t, t = 0 .. T-1 (the first step is spent in regime 0)
    transition = np.array([[0.90, 0.06, 0.04], [0.10, 0.80, 0.10], [0.05, 0.15, 0.80]])
    regimes = (Regime.BULL, Regime.BEAR, Regime.VOLATILE)
    params = tuple(RegimeParameters([0.0], [0.1], [[1.0]]) for _ in regimes)
    model = RegimeModel(regimes=regimes, parameters=params, transition=transition)
    steps = 400
    law, expected = np.eye(3)[0], np.zeros(3)
    for _ in range(steps):
        expected += law / steps
        law = law @ transition
    # Act: ten independent seeds; their spread gives the standard error
    runs = np.array(
        [
            _run(model, steps=steps, paths=400, seed=seed, antithetic=False).regime_occupancy
            for seed in range(10)
        ]
    )
    # Assert
    se = runs.std(axis=0, ddof=1) / math.sqrt(runs.shape[0])
    assert np.all(np.abs(runs.mean(axis=0) - expected) < 3.0 * se + 1e-12)
    pi = stationary_distribution(transition)
    assert pi @ transition == pytest.approx(pi, abs=1e-12)
    assert runs.mean(axis=0) == pytest.approx(pi, abs=0.02)  # T >> mixing time


def test_antithetic_pairs_cancel_the_diffusion_noise() -> None:
    # Arrange: a linear payoff in z (the log return, single regime, normal shocks)
    model = _one_regime([0.05, 0.05], [0.25, 0.15])
    drift = (0.05 - 0.5 * 0.25**2) * 21 * DT
    # Act
    anti = _run(model, paths=4000, antithetic=True)
    plain = _run(model, paths=4000, antithetic=False)
    # Assert: each pair's mean log return is the drift exactly; the SE of the mean shrinks
    x = _log_returns(anti)[:, 0]
    assert 0.5 * (x[0::2] + x[1::2]) == pytest.approx(np.full(2000, drift), abs=1e-12)
    assert anti.mean_return_standard_error < 0.1 * plain.mean_return_standard_error


def test_odd_path_count_with_antithetic_keeps_the_first_of_the_last_pair() -> None:
    # Arrange
    model = _one_regime([0.05], [0.2])
    # Act
    odd = _run(model, paths=7, antithetic=True)
    even = _run(model, paths=8, antithetic=True)
    # Assert
    assert odd.portfolio_returns.shape == (7,)
    np.testing.assert_array_equal(odd.portfolio_returns, even.portfolio_returns[:7])


def test_merton_jumps_keep_the_mean_and_fatten_the_tails() -> None:
    # Arrange: 12 jumps a year of log size N(-5 %, 8 %^2), 21 days
    features = {"jump_intensity": 12.0, "jump_mean": -0.05, "jump_std": 0.08}
    plain_model = _one_regime([0.06], [0.15])
    jump_model = _one_regime([0.06], [0.15], **features)
    h, n = 21 * DT, 40_000
    k = math.expm1(-0.05 + 0.5 * 0.08**2)
    # Act
    plain = _run(plain_model, paths=n)
    jumps = _run(jump_model, paths=n)
    # Assert: E[gross] = exp(mu h) still; E[X] = (mu - s^2/2 - lambda k) h + lambda h m
    gross = 1.0 + jumps.portfolio_returns
    assert abs(gross.mean() - math.exp(0.06 * h)) < 3.0 * gross.std(ddof=1) / math.sqrt(n)
    x = _log_returns(jumps)[:, 0]
    mean = (0.06 - 0.5 * 0.15**2 - 12.0 * k) * h + 12.0 * h * -0.05
    var = 0.15**2 * h + 12.0 * h * (0.05**2 + 0.08**2)
    assert abs(x.mean() - mean) < 3.0 * math.sqrt(var / n)
    assert _excess_kurtosis(x) > _excess_kurtosis(_log_returns(plain)[:, 0]) + 0.5


def test_student_t_shocks_keep_the_variance_and_fatten_the_tails() -> None:
    # Arrange: one step, nu = 10 (excess kurtosis of the marginal 6 / (nu - 4) = 1)
    rho = [[1.0, 0.0], [0.0, 1.0]]
    normal_model = _one_regime([0.0, 0.0], [0.3, 0.3], rho)
    t_model = _one_regime([0.0, 0.0], [0.3, 0.3], rho, student_t_dof=10.0)
    n = 100_000
    # Act
    normal = _log_returns(_run(normal_model, steps=1, paths=n))
    fat = _log_returns(_run(t_model, steps=1, paths=n))
    # Assert: same variance (unit-variance scaling), fatter tails, and one chi-square per
    # path-step shared by the assets: squared shocks co-move although rho = 0
    var = 0.3**2 * DT
    assert abs(fat[:, 0].var() - var) < 4.0 * var * math.sqrt(2.0 * (1.0 + 1.0 / 2.0) / n)
    assert _excess_kurtosis(fat[:, 0]) > 0.5
    assert abs(_excess_kurtosis(normal[:, 0])) < 0.1
    assert np.corrcoef(fat[:, 0] ** 2, fat[:, 1] ** 2)[0, 1] > 0.06  # theory: 1 / 9
    assert abs(np.corrcoef(normal[:, 0] ** 2, normal[:, 1] ** 2)[0, 1]) < 0.02


def test_black_swans_hit_the_expected_share_of_paths_and_every_asset() -> None:
    # Arrange: zero volatility; a 40 % yearly chance of a -25 % log shock, one year
    model = _one_regime([0.0, 0.0], [0.0, 0.0], black_swan_probability=0.4, black_swan_return=-0.25)
    n = 5000
    # Act
    sim = _run(model, steps=252, paths=n)
    # Assert: P(at least one in a year) = p; hit paths lose exp(-0.25 m) on both assets
    share = sim.black_swan_paths / n
    assert abs(share - 0.4) < 3.0 * math.sqrt(0.4 * 0.6 / n)
    x = _log_returns(sim)
    hits = np.rint(x[:, 0] / -0.25)
    assert x[:, 0] == pytest.approx(-0.25 * hits, abs=1e-12)
    assert x[:, 1] == pytest.approx(x[:, 0], abs=1e-12)
    assert int(np.count_nonzero(hits)) == sim.black_swan_paths


def test_zero_volatility_fan_chart_and_drawdown_are_exact() -> None:
    # Arrange: -20 % drift, no noise: V_t = exp(-0.2 t dt), max drawdown 1 - V_T
    model = _one_regime([-0.2], [0.0])
    # Act
    sim = _run(model, steps=100, paths=10, antithetic=True)
    # Assert
    assert sim.checkpoint_steps[0] == 0 and sim.checkpoint_steps[-1] == 100
    assert len(sim.checkpoint_steps) == 21
    expected = np.exp(-0.2 * sim.checkpoint_steps * DT)
    for row in sim.value_percentiles:
        assert row == pytest.approx(expected, rel=1e-12)
    assert sim.drawdown.worst == pytest.approx(1.0 - math.exp(-0.2 * 100 * DT), rel=1e-12)


def test_same_seed_same_result_whatever_the_batch_and_threads() -> None:
    # Arrange
    model = default_model(3)
    kwargs: dict[str, Any] = {"steps": 30, "paths": 1500, "initial_regime": Regime.BEAR}
    # Act
    a = simulate_regimes(model, [0.5, 0.3, 0.2], seed=11, **kwargs)
    b = simulate_regimes(model, [0.5, 0.3, 0.2], seed=11, batch_elements=1, **kwargs)
    c = simulate_regimes(model, [0.5, 0.3, 0.2], seed=12, **kwargs)
    if NUMBA_ENABLED:
        import numba

        threads = numba.get_num_threads()
        numba.set_num_threads(1)
        try:
            d = simulate_regimes(model, [0.5, 0.3, 0.2], seed=11, **kwargs)
        finally:
            numba.set_num_threads(threads)
        np.testing.assert_array_equal(a.asset_returns, d.asset_returns)
    # Assert
    np.testing.assert_array_equal(a.asset_returns, b.asset_returns)
    np.testing.assert_array_equal(a.max_drawdowns, b.max_drawdowns)
    assert a.regime_occupancy.tolist() == b.regime_occupancy.tolist()
    assert not np.array_equal(a.asset_returns, c.asset_returns)


@pytest.mark.skipif(not NUMBA_ENABLED, reason="BULWARK_NUMBA=0: only the NumPy path exists")
@pytest.mark.parametrize("antithetic", [True, False])
def test_numba_kernel_equals_the_numpy_path(antithetic: bool) -> None:
    # Arrange: every feature on (regimes, t shocks, jumps, black swans), same draws
    model = default_model(4, correlation=0.2)
    kwargs: dict[str, Any] = {
        "steps": 60,
        "paths": 301,
        "initial_regime": Regime.VOLATILE,
        "seed": 3,
        "antithetic": antithetic,
    }
    weights = [0.4, 0.3, 0.2, 0.1]
    # Act
    fast = simulate_regimes(model, weights, use_numba=True, **kwargs)
    slow = simulate_regimes(model, weights, use_numba=False, **kwargs)
    # Assert
    np.testing.assert_allclose(fast.asset_returns, slow.asset_returns, rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(fast.max_drawdowns, slow.max_drawdowns, rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(fast.value_percentiles, slow.value_percentiles, rtol=1e-11)
    assert fast.regime_occupancy.tolist() == slow.regime_occupancy.tolist()
    assert fast.black_swan_paths == slow.black_swan_paths


@settings(max_examples=15, deadline=None)
@given(
    raw=st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3),
    seed=st.integers(0, 2**32 - 1),
    regime=st.sampled_from(MARKET_REGIMES),
)
def test_invariants(raw: list[float], seed: int, regime: Regime) -> None:
    # Arrange: long-only weights summing to 1
    weights = np.asarray(raw) / sum(raw)
    # Act
    sim = simulate_regimes(
        default_model(3), weights, steps=25, paths=64, initial_regime=regime, seed=seed
    )
    # Assert
    assert sim.portfolio_returns == pytest.approx(sim.asset_returns @ weights, abs=1e-12)
    assert np.all((sim.max_drawdowns >= 0.0) & (sim.max_drawdowns < 1.0))
    assert np.all(np.diff(sim.value_percentiles, axis=0) >= 0.0)
    assert sim.value_percentiles[:, 0].tolist() == [1.0] * 5
    assert sim.regime_occupancy.sum() == pytest.approx(1.0)
    assert sim.value_percentiles[:, -1] == pytest.approx(
        np.percentile(1.0 + sim.portfolio_returns, sim.percentile_levels), rel=1e-9
    )


def test_default_model_documents_its_durations_and_stationary_law() -> None:
    # Arrange / Act
    model = default_model(10)
    # Assert: durations 252 / 63 / 21 / 126 trading days; a valid law
    assert expected_durations(model.transition) == pytest.approx([252.0, 63.0, 21.0, 126.0])
    pi = stationary_distribution(model.transition)
    assert pi.sum() == pytest.approx(1.0) and np.all(pi > 0.0)
    assert model.parameters[1].correlation[0, 1] == pytest.approx(0.65)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: RegimeParameters([0.0, 0.0], [0.1, 0.1], [[1.0, 1.2], [1.2, 1.0]]), "correlation"),
        (
            lambda: RegimeParameters(
                [0.0] * 3, [0.1] * 3, [[1.0, 0.9, -0.9], [0.9, 1.0, 0.9], [-0.9, 0.9, 1.0]]
            ),
            "correlation",
        ),
        (lambda: RegimeParameters([0.0], [-0.1], [[1.0]]), "volatility"),
        (lambda: _one_regime([0.0], [0.1], student_t_dof=2.0), "student_t_dof"),
        (lambda: _one_regime([0.0], [0.1], black_swan_probability=1.0), "black_swan_probability"),
        (lambda: default_model(3, correlation=-0.6), "correlation"),
        (
            lambda: RegimeModel(
                regimes=(Regime.BULL, Regime.BEAR),
                parameters=(RegimeParameters([0.0], [0.1], [[1.0]]),) * 2,
                transition=np.array([[0.5, 0.4], [0.5, 0.5]]),
            ),
            "transition",
        ),
        (lambda: _run(_one_regime([0.0, 0.0], [0.1, 0.1]), weights=[0.5, 0.6]), "weights"),
        (lambda: _run(_one_regime([0.0], [0.1]), initial_regime=Regime.BEAR), "initial_regime"),
        (lambda: _run(_one_regime([0.0], [0.1]), steps=0), "steps"),
    ],
)
def test_bad_input_names_the_field(build: Any, field: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidRegimeModel) as caught:
        build()
    assert caught.value.field == field
    assert caught.value.code == "INVALID_REGIME_MODEL"


def test_non_positive_definite_error_says_so() -> None:
    # Act / Assert: a valid-looking but inconsistent correlation matrix
    with pytest.raises(InvalidRegimeModel, match="positive definite"):
        RegimeParameters(
            [0.0] * 3, [0.1] * 3, [[1.0, 0.9, -0.9], [0.9, 1.0, 0.9], [-0.9, 0.9, 1.0]]
        )
