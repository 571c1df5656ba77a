"""The CUDA backend on a real GPU against the CPU backend, at production sizes.

Skipped, with the reason, where no usable GPU is found (CI, laptops): the same kernels are checked
on every machine under the numba.cuda simulator (tests/integration/analytics/simulated/).
Install the `gpu` extra (numba-cuda) on a machine with an NVIDIA driver to run these. Closed forms:
relative 1e-9 (an absolute floor of 1e-12 of each field's largest value, for values that cancel to
~0); implied volatilities reprice the input to ~1e-15 of spot and agree to 1e-9 wherever vega is
not tiny. Monte Carlo: within 4 standard errors (the GPU draws its own numbers).
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

import numpy as np
import pytest
from scipy import stats

from adapters.gpu.detect import probe_cuda
from domain.analytics.montecarlo.regime import Regime, default_model
from ports.core.compute import RetirementInputs
from tests.kit.retirement import assert_lognormal_final_wealth

PROBE = probe_cuda()
pytestmark = pytest.mark.skipif(not PROBE.usable, reason=f"no usable GPU: {PROBE.reason}")


@pytest.fixture(scope="module")
def gpu():  # type: ignore[no-untyped-def]
    from adapters.gpu.compute_cuda import CudaCompute

    return CudaCompute(reason="tests/gpu", device=PROBE.device)


@pytest.fixture(scope="module")
def cpu():  # type: ignore[no-untyped-def]
    from adapters.gpu.compute_cpu import CpuCompute

    return CpuCompute()


def random_options(n: int, seed: int = 1) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(20, 200, n),
        rng.uniform(20, 200, n),
        rng.uniform(0.01, 3.0, n),
        rng.uniform(0.05, 1.0, n),
        rng.uniform(-0.01, 0.08, n),
        rng.uniform(0.0, 0.05, n),
        rng.random(n) < 0.5,
    )


def test_greeks_of_200k_options_equal_the_cpu(gpu, cpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange
    arrays = random_options(200_000)

    # Act
    got, expected = gpu.greeks(*arrays), cpu.greeks(*arrays)

    # Assert
    for field in fields(expected):
        want = getattr(expected, field.name)
        floor = 1e-12 * np.max(np.abs(want))
        np.testing.assert_allclose(
            getattr(got, field.name), want, rtol=1e-9, atol=floor, err_msg=field.name
        )


def test_implied_vols_of_200k_options_equal_the_cpu(gpu, cpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange
    spot, strike, years, vol, rate, dividend, call = random_options(200_000, seed=2)
    price = cpu.greeks(spot, strike, years, vol, rate, dividend, call).price

    # Act
    got = gpu.implied_vol(price, spot, strike, years, rate, dividend, call)
    expected = cpu.implied_vol(price, spot, strike, years, rate, dividend, call)

    # Assert: the same reasons (a boundary case may flip on the last bit of libdevice's math)
    same = got.reason == expected.reason
    assert np.mean(same) > 0.9999
    ok = same & (expected.reason == 0)
    # Both volatilities give back the price to the last bits (on an H100/H200: < 6e-15 x spot)
    for answer in (got, expected):
        vol_ok = np.where(ok, answer.volatility, 0.2)
        repriced = cpu.greeks(spot, strike, years, vol_ok, rate, dividend, call).price
        assert np.max(np.abs(repriced - price)[ok] / spot[ok]) < 1e-13
    # Where the price pins the volatility down (vega not tiny), the two agree to 1e-9. Deep in
    # the money the inverse is ill-conditioned: with vega ~1e-8 x spot, a last-bit difference of
    # the price (libdevice vs libm) moves the volatility by ~1e-6, and both are right.
    vega = cpu.greeks(
        spot, strike, years, np.where(ok, expected.volatility, 0.2), rate, dividend, call
    ).vega
    conditioned = ok & (vega > 1e-3 * spot)
    assert np.mean(conditioned[ok]) > 0.8  # 0.87 of this book
    np.testing.assert_allclose(
        got.volatility[conditioned], expected.volatility[conditioned], rtol=1e-9
    )


def test_retirement_100k_paths_480_months_agrees_with_the_cpu(gpu, cpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange
    plan = RetirementInputs(
        initial_wealth=500_000.0,
        monthly_contribution=2_000.0,
        retirement_month=120,
        monthly_withdrawal=3_500.0,
        horizon_months=480,
        annual_return=0.06,
        annual_volatility=0.16,
        inflation_rate=0.025,
        paths=100_000,
        seed=42,
    )

    # Act
    got, expected = gpu.retirement(plan), cpu.retirement(plan)
    t_got, t_expected = (c.retirement(replace(plan, student_t_dof=4.0)) for c in (gpu, cpu))

    # Assert
    for a, b in ((got, expected), (t_got, t_expected)):
        se = math.hypot(a.success_standard_error, b.success_standard_error)
        assert abs(a.success_probability - b.success_probability) < 4 * max(se, 1e-4)


def test_retirement_percentiles_match_the_lognormal_closed_form(gpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange: no cash flows: W_H = W_0 exp(H m + sqrt(H) s Z)
    plan = RetirementInputs(
        initial_wealth=1.0,
        monthly_contribution=0.0,
        retirement_month=0,
        monthly_withdrawal=0.0,
        horizon_months=240,
        annual_return=0.07,
        annual_volatility=0.2,
        paths=100_000,
        seed=3,
    )

    # Act
    got = gpu.retirement(plan)

    # Assert
    assert_lognormal_final_wealth(got, plan)


def test_regime_engine_agrees_with_the_cpu(gpu, cpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange
    model = default_model(5)
    weights = np.full(5, 0.2)
    options = {"steps": 252, "paths": 20_000, "initial_regime": Regime.BULL, "seed": 8}

    # Act
    got = gpu.regime(model, weights, **options)
    expected = cpu.regime(model, weights, **options)

    # Assert
    se = math.hypot(got.mean_return_standard_error, expected.mean_return_standard_error)
    assert abs(got.mean_return - expected.mean_return) < 4 * se
    p = expected.black_swan_paths / expected.paths
    swan_se = math.sqrt(2 * p * (1 - p) / (expected.paths / 2))  # pairs share their swans
    assert abs(got.black_swan_paths / got.paths - p) < 4 * swan_se + 1e-9


def test_a_seed_reproduces_a_gpu_run(gpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange
    model = default_model(3)
    options = {"steps": 50, "paths": 1000, "initial_regime": Regime.BEAR, "seed": 5}

    # Act
    first = gpu.regime(model, np.full(3, 1 / 3), **options)
    second = gpu.regime(model, np.full(3, 1 / 3), **options)

    # Assert
    np.testing.assert_array_equal(first.portfolio_returns, second.portfolio_returns)


def test_importance_sampling_on_the_gpu_matches_a_normal_tail(gpu) -> None:  # type: ignore[no-untyped-def]
    # Arrange: one lognormal asset over 21 days; P(R <= q) = 1 % at its 99 % quantile q
    from domain.analytics.montecarlo.regime import RegimeModel, RegimeParameters
    from domain.analytics.montecarlo.variance_reduction import importance_shift

    model = RegimeModel(
        regimes=(Regime.CALIBRATED,),
        parameters=(RegimeParameters([0.08], [0.25], np.eye(1)),),
        transition=np.ones((1, 1)),
    )
    horizon = 21 / 252
    m, s = (0.08 - 0.25**2 / 2) * horizon, 0.25 * math.sqrt(horizon)
    q = math.expm1(m + stats.norm.ppf(0.01) * s)
    theta = importance_shift(model, np.ones(1), Regime.CALIBRATED, 21, 1 / 252, 0.99)

    # Act
    sim = gpu.regime(
        model, np.ones(1), steps=21, paths=200_000, initial_regime=Regime.CALIBRATED, seed=4,
        antithetic=False, shift=theta,
    )  # fmt: skip

    # Assert: within 4 standard errors, and well below plain Monte Carlo's sqrt(p (1 - p) / n)
    hits = np.exp(sim.log_likelihood_ratio) * (sim.portfolio_returns <= q)
    se = hits.std(ddof=1) / math.sqrt(hits.shape[0])
    assert abs(hits.mean() - 0.01) < 4 * se
    assert se < math.sqrt(0.01 * 0.99 / hits.shape[0]) / 2
