"""The Greeks kernel (simulated GPU) against the CPU's bsm_greeks: same formula, 1e-9 relative."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from adapters.gpu.compute_cuda import CudaCompute
from domain.analytics.options.bsm import bsm_greeks


def test_prices_and_greeks_equal_the_cpu_to_1e_9_relative(gpu: CudaCompute) -> None:
    # Arrange: calls and puts, dividends, and the degenerate cases (expired, zero vol)
    rng = np.random.default_rng(3)
    n = 40
    spot = rng.uniform(50, 150, n)
    strike = rng.uniform(50, 150, n)
    years = rng.uniform(0.02, 3.0, n)
    vol = rng.uniform(0.05, 0.9, n)
    rate = rng.uniform(-0.01, 0.08, n)
    dividend = rng.uniform(0.0, 0.05, n)
    call = rng.random(n) < 0.5
    years[:3] = (0.0, -0.5, 1.0)
    vol[2] = 0.0

    # Act
    got = gpu.greeks(spot, strike, years, vol, rate, dividend, call)
    expected = bsm_greeks(spot, strike, years, vol, rate, dividend, call)

    # Assert
    for field in fields(expected):
        want = getattr(expected, field.name)
        scale = np.max(np.abs(want))
        np.testing.assert_allclose(
            getattr(got, field.name), want, rtol=1e-9, atol=1e-12 * scale, err_msg=field.name
        )


def test_inputs_broadcast_to_the_shape_bsm_greeks_gives(gpu: CudaCompute) -> None:
    # Arrange
    strikes = np.array([[90.0], [100.0], [110.0]])
    vols = np.array([0.1, 0.2])

    # Act
    got = gpu.greeks(100.0, strikes, 0.5, vols, 0.01, 0.0, True)  # type: ignore[arg-type]

    # Assert
    assert got.price.shape == (3, 2)
    np.testing.assert_allclose(got.delta, bsm_greeks(100.0, strikes, 0.5, vols, 0.01).delta)


def test_bad_input_is_refused_with_the_cpu_path_s_error(gpu: CudaCompute) -> None:
    # Arrange
    ones, zeros = np.ones(2), np.zeros(2)
    vol = np.array([0.2, -0.1])

    # Act / Assert
    with pytest.raises(ValueError, match="volatility must not be negative"):
        gpu.greeks(ones, ones, ones, vol, zeros, zeros, np.array([True, False]))


def test_warming_up_runs_every_kernel_once(gpu: CudaCompute) -> None:
    # Act / Assert: no error (on a GPU this compiles the four kernels)
    gpu.warm()
