"""The regime-switching kernel (simulated GPU) against the CPU engine and closed forms.

The GPU draws its own random numbers, so it is checked where the answer is exact (no
volatility, antithetic pairs), against Poisson and Markov closed forms, and against the CPU
engine's mean within 4 standard errors. Tiny sizes: the simulator runs threads in Python.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from adapters.gpu.compute_cpu import CpuCompute
from adapters.gpu.compute_cuda import CudaCompute
from domain.analytics.montecarlo.regime import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeParameters,
    default_model,
)


def one_regime(drift: float, vol: float, **features: Any) -> RegimeModel:
    return RegimeModel(
        regimes=(Regime.BULL,),
        parameters=(RegimeParameters([drift, drift], [vol, vol], np.eye(2)),),
        transition=np.ones((1, 1)),
        **features,
    )


def run(compute: Any, model: RegimeModel, **options: Any) -> Any:
    settings: dict[str, Any] = {
        "steps": 12,
        "paths": 16,
        "initial_regime": model.regimes[0],
        "seed": 3,
        "antithetic": True,
    }
    settings.update(options)
    return compute.regime(model, np.array([0.5, 0.5]), **settings)


def test_without_volatility_every_output_equals_the_cpu(gpu: CudaCompute) -> None:
    # Arrange
    model = one_regime(0.08, 0.0)

    # Act
    got = run(gpu, model, paths=5)
    expected = run(CpuCompute(), model, paths=5)

    # Assert
    np.testing.assert_allclose(got.asset_returns, expected.asset_returns, rtol=1e-12)
    np.testing.assert_allclose(got.value_percentiles, expected.value_percentiles, rtol=1e-12)
    np.testing.assert_array_equal(got.checkpoint_steps, expected.checkpoint_steps)
    np.testing.assert_array_equal(got.regime_occupancy, expected.regime_occupancy)
    assert got.max_drawdowns.max() == expected.max_drawdowns.max() == 0.0


def test_antithetic_twins_mirror_each_other_around_the_drift(gpu: CudaCompute) -> None:
    # Arrange: log return = drift term +/- the same diffusion
    model = one_regime(0.05, 0.3)
    steps, dt = 12, 1.0 / 252.0
    drift_term = (0.05 - 0.5 * 0.3**2) * dt * steps

    # Act
    sim = run(gpu, model, steps=steps)

    # Assert
    logs = np.log1p(sim.asset_returns)
    np.testing.assert_allclose(logs[0::2] + logs[1::2], 2 * drift_term, atol=1e-12)
    assert np.std(logs[0::2]) > 0.01


def test_black_swans_and_jumps_arrive_as_poisson_counts(gpu: CudaCompute) -> None:
    # Arrange: no diffusion, so each log return is (drift) + k jumps + m swans exactly
    swan, jump = -0.25, -0.05
    model = one_regime(
        0.0, 0.0, jump_intensity=12.0, jump_mean=jump, black_swan_probability=0.9,
        black_swan_return=swan,
    )  # fmt: skip
    steps, dt, paths = 12, 1.0 / 12.0, 32
    rate_jumps, rate_swans = 12.0 * steps * dt, -math.log(0.1) * steps * dt
    compensation = -12.0 * math.expm1(jump) * steps * dt

    # Act
    sim = run(gpu, model, steps=steps, dt=dt, paths=paths, antithetic=False)

    # Assert: with jump 1/5 of a swan, log = comp + j * jump + s * swan, j and s integers
    logs = np.log1p(sim.asset_returns) - compensation
    events = logs / jump  # = j + 5 s
    np.testing.assert_allclose(events, np.rint(events), atol=1e-9)
    total = np.rint(events).mean()
    expected = rate_jumps + 5 * rate_swans
    se = math.sqrt((rate_jumps + 25 * rate_swans) / paths)
    assert abs(total - expected) < 4 * se
    assert sim.black_swan_paths > paths // 2  # P(at least one) = 1 - 0.1 ** 1


def test_regime_occupancy_follows_the_markov_chain(gpu: CudaCompute) -> None:
    # Arrange: two regimes, a fair coin after every step, start in BULL
    params = RegimeParameters([0.0, 0.0], [0.0, 0.0], np.eye(2))
    model = RegimeModel(
        regimes=(Regime.BULL, Regime.BEAR),
        parameters=(params, params),
        transition=np.full((2, 2), 0.5),
    )
    steps, units = 12, 16

    # Act
    sim = run(gpu, model, steps=steps, paths=2 * units)

    # Assert: BULL share = (1 + Binomial(T - 1, 1/2)) / T per unit
    expected = (1 + 0.5 * (steps - 1)) / steps
    se = math.sqrt(0.25 * (steps - 1) / units) / steps
    assert abs(sim.regime_occupancy[0] - expected) < 4 * se
    assert sim.regime_occupancy.sum() == pytest.approx(1.0)


def test_the_default_model_s_mean_return_agrees_with_the_cpu(gpu: CudaCompute) -> None:
    # Arrange: Student-t shocks, four regimes, jumps, black swans
    model = default_model(2)

    # Act
    got = run(gpu, model, steps=10, paths=32, seed=9)
    cpu = run(CpuCompute(), model, steps=10, paths=20_000, seed=9)

    # Assert
    se = math.hypot(got.mean_return_standard_error, cpu.mean_return_standard_error)
    assert abs(got.mean_return - cpu.mean_return) < 4 * se
    assert got.portfolio_returns.shape == (32,)
    assert got.value_percentiles.shape == cpu.value_percentiles.shape


def test_bad_requests_are_refused_as_the_cpu_refuses_them(gpu: CudaCompute) -> None:
    # Act / Assert
    with pytest.raises(InvalidRegimeModel, match="weights must sum to 1"):
        gpu.regime(one_regime(0.0, 0.1), np.array([0.5, 0.6]), steps=5, paths=4,
                   initial_regime=Regime.BULL)  # fmt: skip
    with pytest.raises(InvalidRegimeModel, match="initial_regime"):
        run(gpu, one_regime(0.0, 0.1), initial_regime=Regime.BEAR)


def test_a_shift_moves_the_normals_and_weighs_each_path_by_its_likelihood_ratio(
    gpu: CudaCompute,
) -> None:
    # Arrange: one asset, unit variance per step (vol sqrt(252), dt 1/252, drift sigma^2 / 2),
    # so the horizon log return is the sum of the shifted normals z_t exactly
    model = RegimeModel(
        regimes=(Regime.CALIBRATED,),
        parameters=(RegimeParameters([126.0], [math.sqrt(252.0)], np.eye(1)),),
        transition=np.ones((1, 1)),
    )
    theta, steps = -0.5, 12

    # Act
    sim = gpu.regime(
        model, np.ones(1), steps=steps, paths=16, initial_regime=Regime.CALIBRATED, seed=3,
        antithetic=False, shift=np.array([theta]),
    )  # fmt: skip

    # Assert: ln dP/dQ = -theta sum_t z_t + T theta^2 / 2 of the same z
    sums = np.log1p(sim.asset_returns[:, 0])
    np.testing.assert_allclose(
        sim.log_likelihood_ratio, -theta * sums + steps * theta**2 / 2, atol=1e-9
    )
    assert sums.mean() < 0.0  # centred at T theta = -6


def test_a_shift_with_antithetic_pairs_is_refused(gpu: CudaCompute) -> None:
    with pytest.raises(InvalidRegimeModel) as refused:
        run(gpu, one_regime(0.05, 0.2), shift=np.array([-0.1, -0.1]))

    assert refused.value.field == "shift"
