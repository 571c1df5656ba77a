"""Compute port: the heavy numerical kernels (Greeks, implied vol, Monte Carlo) on a backend.

Two backends implement it (adapters/gpu/): the CPU one runs the numba kernels of
domain/analytics, the CUDA one runs numba.cuda kernels on an NVIDIA GPU. Bootstrap picks one by
capability detection and the BULWARK_COMPUTE setting, and /api/status shows `info()`.

Every method is synchronous and CPU/GPU-bound: callers in the application run them off the event
loop through `application.core.compute_budget.ComputeBudget`, which bounds concurrency and time. A
backend must give the same numbers as the domain functions it mirrors (closed forms to 1e-9
relative; Monte Carlo within standard error), and must validate exactly as they do (ValueError
with the offending field named), so a request answers the same whichever backend serves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:  # the kernels' modules load numba: imported by a backend when it runs them
    from domain.analytics.montecarlo.regime import Regime, RegimeModel, RegimeSimulation
    from domain.analytics.montecarlo.retirement import RetirementResult
    from domain.analytics.options.bsm import Greeks
    from domain.analytics.options.implied_vol import ImpliedVols

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class ComputeInfo:
    """What runs the kernels, for /api/status and the benchmarks."""

    backend: str  # "cpu" or "cuda"
    device: str  # e.g. "2 CPU cores, numba parallel (omp)" or "NVIDIA H100 80GB HBM3"
    numba: bool  # False when BULWARK_NUMBA=0 (plain NumPy path)
    reason: str  # why this backend was chosen (setting, detection result)


@dataclass(frozen=True, slots=True)
class RetirementInputs:
    """One retirement plan to simulate; units as `simulate_retirement` documents them.

    Money in the plan's currency (floats: a simulation's figures, not booked amounts); months
    counted from today; rates annual fractions (0.05 = 5%).
    """

    initial_wealth: float
    monthly_contribution: float
    retirement_month: int
    monthly_withdrawal: float
    horizon_months: int
    annual_return: float
    annual_volatility: float
    inflation_rate: float = 0.0
    student_t_dof: float | None = None
    paths: int = 10_000
    seed: int = 0
    target_wealth: float | None = None


class ComputePort(Protocol):
    """The numerical kernels behind the options, planning and risk endpoints."""

    def info(self) -> ComputeInfo: ...

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
        """Black-Scholes-Merton prices and Greeks (domain.analytics.options.bsm.bsm_greeks)."""
        ...

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
        """Implied volatilities with reason codes (implied_vol.implied_volatility); never
        raises for bad values: NaN and a reason per element."""
        ...

    def retirement(self, inputs: RetirementInputs) -> RetirementResult:
        """Retirement Monte Carlo (domain.analytics.montecarlo.retirement.simulate_retirement)."""
        ...

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
        """Regime-switching Monte Carlo (domain.analytics.montecarlo.regime.simulate_regimes);
        InvalidRegimeModel (field named) for a bad model or request. `shift` (antithetic off):
        the normals' mean for importance sampling, each path's ln dP/dQ in
        `log_likelihood_ratio` (the CUDA twin draws its own normals with the same shift)."""
        ...
