"""The CPU backend gives the domain functions' own numbers and says what it runs on."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import asdict, fields
from pathlib import Path

import numpy as np
import pytest

from adapters.gpu.compute_cpu import KERNEL_LOCK, CpuCompute, threading_layer
from domain.analytics.montecarlo.regime import Regime, default_model, simulate_regimes
from domain.analytics.montecarlo.retirement import simulate_retirement
from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import implied_volatility
from domain.jit import NUMBA_ENABLED
from ports.core.compute import ComputePort, RetirementInputs

ROOT = Path(__file__).resolve().parents[5]


def options(n: int, seed: int = 7) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(50, 150, n),
        rng.uniform(50, 150, n),
        rng.uniform(0.01, 2.0, n),
        rng.uniform(0.05, 0.8, n),
        rng.uniform(-0.01, 0.08, n),
        rng.uniform(0.0, 0.04, n),
        rng.random(n) < 0.5,
    )


def test_greeks_equal_the_domain_function_exactly() -> None:
    # Arrange
    compute: ComputePort = CpuCompute()
    arrays = options(501)

    # Act
    got = compute.greeks(*arrays)
    expected = bsm_greeks(*arrays)

    # Assert
    for field in fields(expected):
        np.testing.assert_array_equal(getattr(got, field.name), getattr(expected, field.name))


def test_retirement_equals_the_domain_function_exactly() -> None:
    # Arrange
    plan = RetirementInputs(
        initial_wealth=250_000.0,
        monthly_contribution=1_500.0,
        retirement_month=120,
        monthly_withdrawal=3_000.0,
        horizon_months=360,
        annual_return=0.06,
        annual_volatility=0.15,
        inflation_rate=0.02,
        student_t_dof=5.0,
        paths=2_000,
        seed=11,
        target_wealth=500_000.0,
    )

    # Act
    got = CpuCompute().retirement(plan)
    expected = simulate_retirement(**asdict(plan))  # the same plan, field for field

    # Assert
    assert got.success_probability == expected.success_probability
    assert got.probability_above_target == expected.probability_above_target
    np.testing.assert_array_equal(got.wealth_percentiles, expected.wealth_percentiles)
    np.testing.assert_array_equal(got.ruin_probability, expected.ruin_probability)


def test_bad_input_is_refused_as_the_domain_refuses_it() -> None:
    # Arrange
    arrays = list(options(3))
    arrays[0] = np.array([100.0, -1.0, 100.0])

    # Act / Assert
    with pytest.raises(ValueError, match="spot and strike must be positive"):
        CpuCompute().greeks(*arrays)


def test_info_names_the_cores_numba_and_its_threading_layer() -> None:
    # Arrange: a kernel has run (numba loaded)
    compute = CpuCompute(reason="auto: no CUDA driver")
    compute.greeks(*options(10))

    # Act
    info = compute.info()

    # Assert
    assert (info.backend, info.numba, info.reason) == ("cpu", NUMBA_ENABLED, "auto: no CUDA driver")
    assert "CPU cores" in info.device
    if NUMBA_ENABLED:
        assert threading_layer() in ("omp", "tbb", "workqueue")
        assert f"({threading_layer()})" in info.device


def test_kernels_from_two_threads_run_one_at_a_time() -> None:
    # Arrange: the lock is held, as by a kernel running on another thread
    compute = CpuCompute()
    arrays = options(10)
    done = threading.Event()

    def call() -> None:
        compute.greeks(*arrays)
        done.set()

    # Act
    with KERNEL_LOCK:
        worker = threading.Thread(target=call)
        worker.start()
        finished_while_held = done.wait(0.2)
    worker.join(timeout=30)

    # Assert: it waited for the lock, then ran
    assert not finished_while_held
    assert done.is_set()


def test_implied_vol_equals_the_domain_function_exactly() -> None:
    # Arrange
    spot, strike, years, vol, rate, dividend, call = options(301)
    price = bsm_greeks(spot, strike, years, vol, rate, dividend, call).price
    price[:3] = (-1.0, np.nan, 0.0)

    # Act
    got = CpuCompute().implied_vol(price, spot, strike, years, rate, dividend, call)
    expected = implied_volatility(price, spot, strike, years, rate, dividend, call)

    # Assert
    np.testing.assert_array_equal(got.volatility, expected.volatility)
    np.testing.assert_array_equal(got.reason, expected.reason)


def test_regime_equals_the_domain_function_exactly() -> None:
    # Arrange
    model = default_model(3)
    weights = np.array([0.5, 0.3, 0.2])
    options = {"steps": 20, "paths": 64, "initial_regime": Regime.BEAR, "seed": 4}

    # Act
    got = CpuCompute().regime(model, weights, antithetic=True, **options)  # type: ignore[arg-type]
    expected = simulate_regimes(model, weights, antithetic=True, **options)  # type: ignore[arg-type]

    # Assert
    np.testing.assert_array_equal(got.portfolio_returns, expected.portfolio_returns)
    np.testing.assert_array_equal(got.regime_occupancy, expected.regime_occupancy)
    assert got.black_swan_paths == expected.black_swan_paths


def test_reading_the_info_does_not_load_numba() -> None:
    # Arrange: a fresh process that has run no kernel
    probe = (
        "import sys; from adapters.gpu.compute_cpu import CpuCompute; "
        "print(CpuCompute().info().device); print('numba' in sys.modules)"
    )

    # Act
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.splitlines()

    # Assert
    assert out[-1] == "False"
    if NUMBA_ENABLED:
        assert out[0].endswith("numba parallel (loads with the first kernel)")
