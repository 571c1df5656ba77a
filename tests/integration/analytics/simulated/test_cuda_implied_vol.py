"""The implied-vol kernel (simulated GPU) against the CPU's implied_volatility: the same Let's
Be Rational code, so the same volatilities (1e-9 relative) and the same reason codes."""

from __future__ import annotations

import numpy as np

from adapters.gpu.compute_cuda import CudaCompute
from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import IVReason, implied_volatility


def test_volatilities_and_reasons_equal_the_cpu() -> None:
    # Arrange: fair prices, plus one of each way to have no volatility
    rng = np.random.default_rng(5)
    n = 32
    spot = rng.uniform(60, 140, n)
    strike = rng.uniform(60, 140, n)
    years = rng.uniform(0.05, 2.0, n)
    vol = rng.uniform(0.08, 0.9, n)
    rate = rng.uniform(0.0, 0.05, n)
    dividend = rng.uniform(0.0, 0.03, n)
    call = rng.random(n) < 0.5
    price = bsm_greeks(spot, strike, years, vol, rate, dividend, call).price
    years[0] = 0.0  # EXPIRED
    price[1] = -1.0  # INVALID_INPUT
    price[2] = np.nan  # INVALID_INPUT
    price[3] = spot[3] * 2.0  # ABOVE_UPPER_BOUND (call) or far above K e^-rT (put)
    call[3] = True
    gpu = CudaCompute(reason="test", device="numba.cuda simulator")

    # Act
    got = gpu.implied_vol(price, spot, strike, years, rate, dividend, call)
    expected = implied_volatility(price, spot, strike, years, rate, dividend, call)

    # Assert
    np.testing.assert_array_equal(got.reason, expected.reason)
    np.testing.assert_allclose(got.volatility, expected.volatility, rtol=1e-9)
    assert got.reason[0] == IVReason.EXPIRED
    assert got.reason[3] == IVReason.ABOVE_UPPER_BOUND
    ok = got.reason == IVReason.OK
    assert np.sum(ok) > n // 2
    np.testing.assert_allclose(got.volatility[ok], vol[ok], rtol=1e-8)  # the round trip


def test_the_shape_of_the_inputs_is_kept() -> None:
    # Arrange
    price = np.full((2, 3), 5.0)

    # Act
    got = CudaCompute(reason="test", device="sim").implied_vol(
        price,
        100.0,  # type: ignore[arg-type]
        100.0,  # type: ignore[arg-type]
        0.5,  # type: ignore[arg-type]
        0.0,  # type: ignore[arg-type]
        0.0,  # type: ignore[arg-type]
        True,  # type: ignore[arg-type]
    )

    # Assert
    assert got.volatility.shape == got.reason.shape == (2, 3)
    assert np.all(got.reason == IVReason.OK)
