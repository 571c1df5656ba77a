"""The CUDA compute backend: numba.cuda kernels (cuda_kernels.py) on one NVIDIA GPU.

Inputs are validated exactly as the domain functions validate them (same ValueErrors), copied
to the device, computed there (one thread per option or per path) and copied back; summary
statistics of a Monte Carlo run (percentiles, probabilities) are taken on the host with NumPy,
as the CPU path does. Calls are serialised by a lock: one kernel on the GPU at a time from this
process (ComputeBudget bounds the callers too).

Numbers: closed forms equal the CPU's to 1e-9 relative (the same formulas: the domain's scalar
functions compiled for the device; only the math library differs, libdevice vs libm);
Monte Carlo uses the GPU's own generator (xoroshiro128+, seeded from the request), so it agrees
with the CPU within standard errors and is reproducible for a given seed on the GPU.
"""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np

from adapters.gpu import cuda_kernels as kernels
from adapters.gpu.cuda_kernels import cuda
from adapters.gpu.cuda_regime import simulate_regimes_cuda
from adapters.gpu.cuda_staging import HostStaging
from adapters.gpu.host_stats import row_percentiles
from adapters.gpu.warm_up import warm_monte_carlo
from domain.analytics.montecarlo import retirement as mc
from domain.analytics.montecarlo.regime import Regime, RegimeModel, RegimeSimulation
from domain.analytics.options import bsm
from domain.analytics.options._lbr import MAX_ITERATIONS
from domain.analytics.options.bsm import Greeks
from domain.analytics.options.implied_vol import ImpliedVols
from ports.core.compute import BoolArray, ComputeInfo, FloatArray, RetirementInputs


class CudaCompute:
    """ComputePort on an NVIDIA GPU through numba.cuda (see the module doc)."""

    backend = "cuda"

    def __init__(self, *, reason: str, device: str) -> None:
        self._reason = reason
        self._device = device
        self._lock = threading.Lock()
        self._staging = HostStaging(lambda size: cuda.pinned_array(size, dtype=np.float64))

    def info(self) -> ComputeInfo:
        return ComputeInfo(backend="cuda", device=self._device, numba=True, reason=self._reason)

    def warm(self) -> None:
        """Compile every kernel now (each takes seconds on first use and is not cached on
        disk) by running it once on a tiny input; bootstrap calls this on a background thread
        at start-up so that the first request fits its time budget."""
        one = np.ones(1)
        zero = np.zeros(1)
        call = np.ones(1, dtype=np.bool_)
        self.greeks(one * 100.0, one * 100.0, one, one * 0.2, zero, zero, call)
        self.implied_vol(one * 8.0, one * 100.0, one * 100.0, one, zero, zero, call)
        warm_monte_carlo(self, 2)

    # ------------------------------------------------------------ Greeks

    def greeks(
        self,
        spot: FloatArray,
        strike: FloatArray,
        years: FloatArray,
        vol: FloatArray,
        rate: FloatArray,
        dividend_yield: FloatArray,
        is_call: BoolArray,
    ) -> Greeks:
        shape, columns, call = bsm_inputs(spot, strike, years, vol, rate, dividend_yield, is_call)
        n = call.shape[0]
        if not n:
            return Greeks(*(np.empty(shape, dtype=np.float64) for _ in range(bsm.N_OUTPUTS)))
        with self._lock:
            device_in = [cuda.to_device(column) for column in columns]
            device_out = cuda.device_array((bsm.N_OUTPUTS, n), dtype=np.float64)
            kernels.greeks_kernel[kernels.blocks_for(n), kernels.THREADS_PER_BLOCK](
                *device_in, cuda.to_device(call), device_out
            )
            staged = self._staging.take(bsm.N_OUTPUTS, n)
            if staged is not None:  # a large book: page-locked copy, rows out on threads
                device_out.copy_to_host(staged)
                return Greeks(*self._staging.copy_out(staged, shape))
            out = device_out.copy_to_host()
        return Greeks(*(np.ascontiguousarray(out[j]).reshape(shape) for j in range(bsm.N_OUTPUTS)))

    # ------------------------------------------------------------ implied volatility

    def implied_vol(
        self,
        price: FloatArray,
        spot: FloatArray,
        strike: FloatArray,
        years: FloatArray,
        rate: FloatArray,
        dividend_yield: FloatArray,
        is_call: BoolArray,
    ) -> ImpliedVols:
        floats = (price, spot, strike, years, rate, dividend_yield)
        shape, columns, call = flat_inputs(floats, is_call)
        n = call.shape[0]
        vol = np.empty(n, dtype=np.float64)
        reason = np.empty(n, dtype=np.int8)
        if n:
            with self._lock:
                device_vol = cuda.device_array(n, dtype=np.float64)
                device_reason = cuda.device_array(n, dtype=np.int8)
                kernels.implied_vol_kernel[kernels.blocks_for(n), kernels.THREADS_PER_BLOCK](
                    *(cuda.to_device(column) for column in columns),
                    cuda.to_device(call),
                    MAX_ITERATIONS,  # implied_volatility's default cap
                    device_vol,
                    device_reason,
                )
                device_vol.copy_to_host(vol)
                device_reason.copy_to_host(reason)
        return ImpliedVols(volatility=vol.reshape(shape), reason=reason.reshape(shape))

    # ------------------------------------------------------------ retirement Monte Carlo

    def retirement(self, inputs: RetirementInputs) -> mc.RetirementResult:
        validate_retirement(inputs)
        m, s = mc.monthly_log_return_params(inputs.annual_return, inputs.annual_volatility)
        flows = mc.cash_flows(
            inputs.horizon_months,
            inputs.retirement_month,
            inputs.monthly_contribution,
            inputs.monthly_withdrawal,
            inputs.inflation_rate,
        )
        marks = mc.checkpoints(inputs.horizon_months)
        dof = inputs.student_t_dof
        t_scale = 1.0 if dof is None else math.sqrt((dof - 2.0) / dof)
        n = inputs.paths
        with self._lock:
            states = kernels.create_states(n, inputs.seed)
            at_marks = cuda.device_array((marks.shape[0], n), dtype=np.float64)
            ruin = cuda.device_array(n, dtype=np.int64)
            kernels.retirement_kernel[kernels.blocks_for(n), kernels.THREADS_PER_BLOCK](
                states,
                m,
                s,
                0.0 if dof is None else float(dof),
                t_scale,
                cuda.to_device(flows),
                float(inputs.initial_wealth),
                cuda.to_device(marks),
                at_marks,
                ruin,
            )
            wealth = at_marks.copy_to_host()
            ruin_months = ruin.copy_to_host()
        return summarise_retirement(inputs, marks, wealth, ruin_months)

    # ------------------------------------------------------------ regime-switching Monte Carlo

    def regime(
        self,
        model: RegimeModel,
        weights: FloatArray,
        *,
        steps: int,
        paths: int,
        initial_regime: Regime,
        seed: int = 0,
        antithetic: bool = True,
        dt: float = 1.0 / 252.0,
        shift: FloatArray | None = None,
    ) -> RegimeSimulation:
        with self._lock:
            return simulate_regimes_cuda(
                model,
                weights,
                steps=steps,
                paths=paths,
                initial_regime=initial_regime,
                seed=seed,
                dt=dt,
                antithetic=antithetic,
                shift=shift,
            )


def flat_inputs(
    floats: tuple[Any, ...], is_call: Any
) -> tuple[tuple[int, ...], list[FloatArray], BoolArray]:
    """The domain's preparation: broadcast (NumPy rules), flatten to contiguous 1-D."""
    arrays = np.broadcast_arrays(
        *(np.asarray(a, dtype=np.float64) for a in floats), np.asarray(is_call, dtype=np.bool_)
    )
    columns = [np.ascontiguousarray(a, dtype=np.float64).ravel() for a in arrays[:-1]]
    return arrays[0].shape, columns, np.ascontiguousarray(arrays[-1], dtype=np.bool_).ravel()


def bsm_inputs(
    spot: Any,
    strike: Any,
    years: Any,
    vol: Any,
    rate: Any,
    dividend_yield: Any,
    is_call: Any,
) -> tuple[tuple[int, ...], list[FloatArray], BoolArray]:
    """`bsm_greeks`' preparation: broadcast, flatten, validate (its errors)."""
    shape, columns, call = flat_inputs((spot, strike, years, vol, rate, dividend_yield), is_call)
    s, k, _, v = columns[:4]
    if np.any(s <= 0.0) or np.any(k <= 0.0):
        raise ValueError("spot and strike must be positive")
    if np.any(v < 0.0) or np.any(np.isnan(v)):
        raise ValueError("volatility must not be negative")
    return shape, columns, call


def validate_retirement(inputs: RetirementInputs) -> None:
    """The checks `simulate_retirement` makes (its own function), plus the GPU seed's range."""
    mc._validate(
        inputs.initial_wealth,
        inputs.monthly_contribution,
        inputs.monthly_withdrawal,
        inputs.retirement_month,
        inputs.horizon_months,
        inputs.annual_return,
        inputs.annual_volatility,
        inputs.inflation_rate,
        inputs.paths,
        inputs.student_t_dof,
        mc.DEFAULT_CHUNK_ELEMENTS,
    )
    if not 0 <= inputs.seed < 2**64:
        raise ValueError(f"seed must be in [0, 2**64), got {inputs.seed}")


def summarise_retirement(
    inputs: RetirementInputs,
    marks: mc.IntArray,
    wealth: FloatArray,
    ruin: mc.IntArray,
) -> mc.RetirementResult:
    """The statistics `simulate_retirement` reports, from checkpoint-major wealth (K+1, paths)
    and each path's ruin month (H + 1 when never ruined).

    The kernel takes under a millisecond; these host-side statistics are most of the call, so
    they are taken as the CPU path takes them: percentiles over the checkpoints split across
    threads (`row_percentiles`), ruin fractions from one cumulative count of ruin months
    instead of a pass over the paths per checkpoint.
    """
    paths, horizon = inputs.paths, inputs.horizon_months
    ruined_by = np.cumsum(np.bincount(ruin, minlength=horizon + 2))  # [t]: paths with ruin <= t
    success = float(paths - ruined_by[horizon]) / paths
    ruin_by_mark = np.asarray(ruined_by[marks] / paths, np.float64)
    target = inputs.target_wealth
    above = None if target is None else float(np.mean(wealth[-1] > target))
    median_ending = float(np.median(wealth[-1]))
    fan = row_percentiles(wealth, mc.PERCENTILES)  # partitions wealth in place: read last
    return mc.RetirementResult(
        paths=paths,
        horizon_months=horizon,
        success_probability=success,
        success_standard_error=math.sqrt(success * (1.0 - success) / paths),
        median_ending_wealth=median_ending,
        percentile_levels=mc.PERCENTILES,
        checkpoint_months=marks,
        wealth_percentiles=fan,
        ruin_probability=ruin_by_mark,
        probability_above_target=above,
    )
