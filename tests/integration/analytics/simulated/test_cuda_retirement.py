"""The retirement kernel (simulated GPU) against the CPU path and closed forms.

The GPU draws its own random numbers (xoroshiro128+), so random results agree within 4
standard errors; without volatility every path is the same and they agree exactly. Path counts
are small: the simulator runs each GPU thread as a Python thread.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from numba import cuda
from scipy import stats

from adapters.gpu import cuda_kernels as kernels
from adapters.gpu.compute_cpu import CpuCompute
from adapters.gpu.compute_cuda import CudaCompute
from ports.core.compute import RetirementInputs
from tests.kit.retirement import assert_lognormal_final_wealth

PLAN = RetirementInputs(
    initial_wealth=100_000.0,
    monthly_contribution=1_000.0,
    retirement_month=6,
    monthly_withdrawal=5_000.0,
    horizon_months=30,
    annual_return=0.05,
    annual_volatility=0.0,
    inflation_rate=0.03,
    paths=8,
    seed=1,
    target_wealth=50_000.0,
)


def test_without_volatility_every_figure_equals_the_cpu(gpu: CudaCompute) -> None:
    # Act: wealth runs out in the last year on every path
    got = gpu.retirement(PLAN)
    expected = CpuCompute().retirement(PLAN)

    # Assert
    assert got.success_probability == expected.success_probability == 0.0
    assert got.probability_above_target == expected.probability_above_target
    np.testing.assert_array_equal(got.checkpoint_months, expected.checkpoint_months)
    np.testing.assert_allclose(got.wealth_percentiles, expected.wealth_percentiles, rtol=1e-12)
    np.testing.assert_array_equal(got.ruin_probability, expected.ruin_probability)


def test_lognormal_wealth_percentiles_match_the_closed_form_within_4_standard_errors(
    gpu: CudaCompute,
) -> None:
    # Arrange: no cash flows, so W_H = W_0 exp(H m + sqrt(H) s Z) exactly
    plan = replace(
        PLAN,
        monthly_contribution=0.0,
        monthly_withdrawal=0.0,
        horizon_months=12,
        annual_volatility=0.2,
        paths=64,
        seed=7,
    )

    # Act
    got = gpu.retirement(plan)

    # Assert: each percentile's log within 4 SE (order-statistic SE of the quantile)
    assert_lognormal_final_wealth(got, plan)
    assert got.success_probability == 1.0


def test_success_probability_agrees_with_the_cpu_within_4_standard_errors(
    gpu: CudaCompute,
) -> None:
    # Arrange: about half the paths run out of money
    plan = replace(PLAN, annual_volatility=0.5, monthly_withdrawal=4_300.0, paths=64, seed=5)

    # Act
    got = gpu.retirement(plan)
    cpu = CpuCompute().retirement(replace(plan, paths=20_000))

    # Assert
    se = math.hypot(got.success_standard_error, cpu.success_standard_error)
    p = cpu.success_probability
    se = max(se, math.sqrt(p * (1 - p) / plan.paths))
    assert 0.05 < p < 0.95
    assert abs(got.success_probability - p) < 4 * se


def test_the_same_seed_gives_the_same_paths(gpu: CudaCompute) -> None:
    # Arrange
    plan = replace(PLAN, annual_volatility=0.3, paths=8, horizon_months=6, retirement_month=6)

    # Act
    first, second = gpu.retirement(plan), gpu.retirement(plan)

    # Assert
    np.testing.assert_array_equal(first.wealth_percentiles, second.wealth_percentiles)


def test_student_t_shocks_follow_the_scaled_t_distribution() -> None:
    # Arrange: the kernel's shock, unit variance: t(dof) * sqrt((dof - 2) / dof)
    dof, threads, draws = 5.0, 32, 12
    scale = math.sqrt((dof - 2) / dof)
    states = kernels.create_states(threads, 11)
    out = np.zeros((threads, draws))

    @cuda.jit
    def sample(states, out):  # type: ignore[no-untyped-def]
        i = cuda.grid(1)
        if i < out.shape[0]:
            for j in range(out.shape[1]):
                out[i, j] = kernels.shock(states, i, dof, scale)

    # Act
    sample[threads // 32, 32](states, out)

    # Assert: Kolmogorov-Smirnov against scipy's t, and not a normal's tails
    test = stats.kstest(out.ravel() / scale, stats.t(dof).cdf)
    assert test.pvalue > 1e-4


def test_bad_plans_are_refused_with_the_cpu_path_s_errors(gpu: CudaCompute) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="student_t_dof must be > 2"):
        gpu.retirement(replace(PLAN, student_t_dof=2.0))
    with pytest.raises(ValueError, match="horizon_months must be >= 1"):
        gpu.retirement(replace(PLAN, horizon_months=0))
