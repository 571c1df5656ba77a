"""The CPU compute backend: the domain's numba kernels (or their NumPy twins), one at a time.

Every method calls the domain function it mirrors, so the numbers are the domain's own. Calls are
serialised by one process-wide lock: numba's parallel kernels already use every core, and its
`workqueue` threading layer (the fallback where neither OpenMP nor TBB loads) aborts the whole
process when two threads launch parallel kernels at once. With the lock, no compute path can
do that, whatever ComputeBudget's slot count. `info()` reports the layer numba loaded.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from adapters.gpu.warm_up import warm_monte_carlo
from domain.jit import NUMBA_ENABLED
from ports.core.compute import BoolArray, ComputeInfo, FloatArray, RetirementInputs

# The kernels' modules load numba (and LLVM): each method imports its own when it first runs
# (the warm-up, or a request), not the process that builds the backend.
if TYPE_CHECKING:
    from domain.analytics.montecarlo.regime import Regime, RegimeModel, RegimeSimulation
    from domain.analytics.montecarlo.retirement import RetirementResult
    from domain.analytics.options.bsm import Greeks
    from domain.analytics.options.implied_vol import ImpliedVols

T = TypeVar("T")

# One kernel at a time in this process, across every CpuCompute (see the module doc).
KERNEL_LOCK = threading.Lock()
_warmed = threading.Event()  # numba's kernels, once loaded, stay loaded for the process
# Big enough to take each kernel's parallel path (small batches run on the calling thread).
_WARM_OPTIONS = 4096
_WARM_PATHS = 1024


def cpu_cores() -> int:
    """Cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - macOS, Windows


def threading_layer() -> str:
    """numba's threading layer ("omp", "tbb" or "workqueue"), starting its pool if need be.

    numba picks the layer when the first parallel kernel runs; asking earlier launches the
    worker threads now (cheap, and the first kernel would do it anyway). "off" without numba.
    """
    if not NUMBA_ENABLED:
        return "off"
    numba: Any = importlib.import_module("numba")  # untyped; Any keeps mypy quiet
    try:
        return str(numba.threading_layer())
    except ValueError:  # no parallel kernel yet: start the pool so the answer is the real one
        pass
    try:
        parallel: Any = importlib.import_module("numba.np.ufunc.parallel")
        parallel._launch_threads()
        return str(numba.threading_layer())
    except Exception:  # pragma: no cover - a numba without the private launcher
        return "not started"


class CpuCompute:
    """ComputePort on the CPU: the domain kernels behind one lock (see the module doc)."""

    backend = "cpu"

    def __init__(self, reason: str = "BULWARK_COMPUTE=cpu") -> None:
        self._reason = reason

    def info(self) -> ComputeInfo:
        cores = cpu_cores()
        if NUMBA_ENABLED and "numba" in sys.modules:
            device = f"{cores} CPU cores, numba parallel ({threading_layer()})"
        elif NUMBA_ENABLED:  # reading the status does not load numba (~60 MB) for the kernels
            device = f"{cores} CPU cores, numba parallel (loads with the first kernel)"
        else:
            device = f"{cores} CPU cores, NumPy (BULWARK_NUMBA=0)"
        return ComputeInfo(backend="cpu", device=device, numba=NUMBA_ENABLED, reason=self._reason)

    def warm(self) -> None:
        """Load (or, on a fresh install, compile) every kernel once, on tiny inputs.

        numba compiles on first use and caches on disk; loading the cache still takes seconds
        and a cold compile more, which the first request would otherwise spend out of its time
        budget. Bootstrap calls this on a background thread at start-up; once per process.
        """
        if _warmed.is_set() or not NUMBA_ENABLED:
            return
        n = _WARM_OPTIONS
        spot, strike = np.full(n, 100.0), np.linspace(80.0, 120.0, n)
        years, vol, zero = np.full(n, 0.5), np.full(n, 0.2), np.zeros(n)
        call = np.arange(n) % 2 == 0
        prices = self.greeks(spot, strike, years, vol, zero, zero, call).price
        self.implied_vol(prices, spot, strike, years, zero, zero, call)
        warm_monte_carlo(self, _WARM_PATHS)
        _warmed.set()

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
        from domain.analytics.options.bsm import bsm_greeks

        return _locked(lambda: bsm_greeks(spot, strike, years, vol, rate, dividend_yield, is_call))

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
        from domain.analytics.options.implied_vol import implied_volatility

        return _locked(
            lambda: implied_volatility(price, spot, strike, years, rate, dividend_yield, is_call)
        )

    def retirement(self, inputs: RetirementInputs) -> RetirementResult:
        return _locked(lambda: simulate(inputs))

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
        from domain.analytics.montecarlo.regime import simulate_regimes

        return _locked(
            lambda: simulate_regimes(
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
        )


def simulate(inputs: RetirementInputs) -> RetirementResult:
    """`simulate_retirement` on one plan (unlocked: callers hold KERNEL_LOCK)."""
    from domain.analytics.montecarlo.retirement import simulate_retirement

    return simulate_retirement(
        initial_wealth=inputs.initial_wealth,
        monthly_contribution=inputs.monthly_contribution,
        retirement_month=inputs.retirement_month,
        monthly_withdrawal=inputs.monthly_withdrawal,
        horizon_months=inputs.horizon_months,
        annual_return=inputs.annual_return,
        annual_volatility=inputs.annual_volatility,
        inflation_rate=inputs.inflation_rate,
        student_t_dof=inputs.student_t_dof,
        paths=inputs.paths,
        seed=inputs.seed,
        target_wealth=inputs.target_wealth,
    )


def _locked(work: Callable[[], T]) -> T:
    with KERNEL_LOCK:
        return work()
