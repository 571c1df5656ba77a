"""Regime-switching Monte Carlo of a multi-asset portfolio (the seed's
RegimeSwitchingMonteCarloEngine).

The model (regimes, units, jumps, black swans) is documented in `regime_model`; the path
recursion in `_regime_kernel`; the draws and the seed contract in `_regime_draws`.

Portfolio: buy and hold from weights w (sum 1) at t = 0: V_t = sum_a w_a S_a,t / S_a,0, V_0 = 1;
the portfolio horizon return is V_T - 1 = sum_a w_a R_a with R_a the asset's simple return.

Antithetic variates (default on): paths 2 k and 2 k + 1 are a pair that shares everything but
the sign of the Gaussian diffusion normals z -- the regime path, the Student-t scale, the jumps
and the black swans are common. For a payoff linear in z (the log return in a single regime
with normal shocks) the pair's mean has no diffusion noise at all. Standard errors must then be
taken over pair means: `mean_return_standard_error` does so.

Memory: the draws live one batch at a time (about `batch_elements` path-step-assets of float64,
32 MB by default); per path the engine keeps the horizon log return of each asset, the
portfolio value at the fan-chart checkpoints and the maximum drawdown.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics.montecarlo._regime_draws import CHUNK_UNITS, DrawSpec, draw_batch
from domain.analytics.montecarlo._regime_kernel import paths_kernel, paths_numpy
from domain.analytics.montecarlo.regime_model import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeParameters,
    default_model,
    default_transition,
    expected_durations,
    stationary_distribution,
)
from domain.jit import NUMBA_ENABLED

__all__ = [
    "DrawdownSummary",
    "InvalidRegimeModel",
    "Regime",
    "RegimeModel",
    "RegimeParameters",
    "RegimeSimulation",
    "default_model",
    "default_transition",
    "expected_durations",
    "simulate_regimes",
    "stationary_distribution",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

PERCENTILES: tuple[float, ...] = (5.0, 25.0, 50.0, 75.0, 95.0)
FAN_CHECKPOINTS = 20  # intervals of the fan chart: 21 checkpoints from step 0 to step T
DEFAULT_BATCH_ELEMENTS = 4_000_000  # path-step-assets of normals per batch (32 MB)


@dataclass(frozen=True, slots=True)
class DrawdownSummary:
    """The distribution of the paths' maximum drawdown of V (fractions, 0.25 = 25 % down)."""

    mean: float
    median: float
    p95: float
    p99: float
    worst: float


@dataclass(frozen=True, eq=False)
class RegimeSimulation:
    """What a regime-switching run produced (returns are simple, over the whole horizon).

    portfolio_returns (paths,): V_T - 1. asset_returns (paths, assets): S_T / S_0 - 1.
    regime_occupancy (R,): the share of path-steps spent in each of `regimes`.
    black_swan_paths: paths hit by at least one black swan.
    checkpoint_steps (K,): steps of the fan chart (0 .. T); value_percentiles (5, K): row i the
    `percentile_levels[i]` percentile of V at each checkpoint (V_0 = 1).
    max_drawdowns (paths,): max over t of 1 - V_t / max_(s<=t) V_s; drawdown its summary.
    mean_return / mean_return_standard_error: of portfolio_returns (pair means if antithetic).
    log_likelihood_ratio (paths,): with a `shift` (importance sampling), ln dP/dQ of each path
    (variance_reduction.py); the plain statistics above are then those of the shifted law.
    """

    paths: int
    steps: int
    assets: int
    dt: float
    antithetic: bool
    regimes: tuple[Regime, ...]
    portfolio_returns: FloatArray
    asset_returns: FloatArray
    regime_occupancy: FloatArray
    black_swan_paths: int
    percentile_levels: tuple[float, ...]
    checkpoint_steps: IntArray
    value_percentiles: FloatArray
    max_drawdowns: FloatArray
    drawdown: DrawdownSummary
    mean_return: float
    mean_return_standard_error: float
    log_likelihood_ratio: FloatArray | None = None


def _validate(
    model: RegimeModel,
    weights: FloatArray,
    steps: int,
    paths: int,
    initial_regime: Regime,
    dt: float,
    batch_elements: int,
) -> None:
    if weights.shape != (model.assets,) or not np.all(np.isfinite(weights)):
        raise InvalidRegimeModel(
            f"weights must be {model.assets} finite numbers (one per asset)", field="weights"
        )
    if not math.isclose(float(weights.sum()), 1.0, rel_tol=0.0, abs_tol=1e-9):
        raise InvalidRegimeModel("weights must sum to 1", field="weights")
    if steps < 1:
        raise InvalidRegimeModel(f"steps must be >= 1, got {steps}", field="steps")
    if paths < 1:
        raise InvalidRegimeModel(f"paths must be >= 1, got {paths}", field="paths")
    if initial_regime not in model.regimes:
        raise InvalidRegimeModel(
            "initial_regime is not a regime of the model", field="initial_regime"
        )
    if not (math.isfinite(dt) and dt > 0.0):
        raise InvalidRegimeModel(f"dt must be > 0 (years), got {dt}", field="dt")
    if batch_elements < 1:
        raise InvalidRegimeModel("batch_elements must be >= 1", field="batch_elements")


def _cumulative_transition(transition: FloatArray) -> FloatArray:
    """Row-wise cumulative law with the last reachable state's bound set to exactly 1."""
    rows = transition / transition.sum(axis=1, keepdims=True)
    cum = np.cumsum(rows, axis=1)
    for r in range(rows.shape[0]):
        last = int(np.flatnonzero(rows[r] > 0.0)[-1])
        cum[r, last:] = 1.0
    return np.ascontiguousarray(cum)


def checkpoints(steps: int, count: int = FAN_CHECKPOINTS) -> IntArray:
    """About `count` + 1 evenly spaced steps from 0 to `steps` (distinct, both ends included)."""
    marks = np.unique(np.rint(np.linspace(0, steps, count + 1)).astype(np.int64))
    return np.asarray(marks, dtype=np.int64)


def _threads() -> int:
    """Threads for drawing: numba's thread count (NUMBA_NUM_THREADS, set_num_threads) if on."""
    if NUMBA_ENABLED:
        from numba import get_num_threads

        return int(get_num_threads())
    return os.cpu_count() or 1


def _pair_standard_error(values: FloatArray, antithetic: bool) -> float:
    if antithetic and values.shape[0] >= 4:
        even = values.shape[0] - values.shape[0] % 2
        values = 0.5 * (values[0:even:2] + values[1:even:2])
    if values.shape[0] < 2:
        return math.nan
    return float(np.std(values, ddof=1) / math.sqrt(values.shape[0]))


def drawdown_summary(drawdowns: FloatArray) -> DrawdownSummary:
    """The distribution of the paths' maximum drawdowns (the CPU's and the GPU's runs)."""
    return DrawdownSummary(
        mean=float(np.mean(drawdowns)),
        median=float(np.median(drawdowns)),
        p95=float(np.percentile(drawdowns, 95.0)),
        p99=float(np.percentile(drawdowns, 99.0)),
        worst=float(np.max(drawdowns)),
    )


def simulate_regimes(
    model: RegimeModel,
    weights: FloatArray | list[float],
    *,
    steps: int,
    paths: int,
    initial_regime: Regime,
    seed: int = 0,
    dt: float = 1.0 / 252.0,
    antithetic: bool = True,
    use_numba: bool | None = None,
    batch_elements: int = DEFAULT_BATCH_ELEMENTS,
    shift: FloatArray | None = None,
) -> RegimeSimulation:
    """Simulate `paths` paths of `steps` steps of `dt` years, starting in `initial_regime`.

    The first step is spent in `initial_regime`. Same (model, weights, sizes, seed, antithetic)
    -> the same result, whatever the thread count, `batch_elements` or `use_numba` (None follows
    BULWARK_NUMBA; False forces the NumPy reference, equal up to rounding).

    `shift` (one number per asset, antithetic off): every step's standard normals are drawn
    from N(shift, I) and each path's ln dP/dQ = -shift . sum_t z_t + T |shift|^2 / 2 comes back
    in `log_likelihood_ratio` (importance sampling; the other draws are unchanged).
    """
    w = np.asarray(weights, dtype=np.float64)
    _validate(model, w, steps, paths, initial_regime, dt, batch_elements)
    theta = _check_shift(shift, model.assets, antithetic)
    numba_on = NUMBA_ENABLED if use_numba is None else (use_numba and NUMBA_ENABLED)
    kernel = paths_kernel if numba_on else paths_numpy
    assets, count = model.assets, len(model.regimes)
    lam = model.jump_intensity
    compensation = lam * model.jump_compensation
    drift_dt = np.stack(
        [(p.drift - 0.5 * p.volatility**2 - compensation) * dt for p in model.parameters]
    )
    vol_sqdt = np.stack([p.volatility * math.sqrt(dt) for p in model.parameters])
    chol = np.ascontiguousarray(np.stack([p.cholesky for p in model.parameters]))
    cum_trans = _cumulative_transition(model.transition)
    marks = checkpoints(steps)
    spec = DrawSpec(
        seed=seed,
        steps=steps,
        assets=assets,
        t_dof=float(model.student_t_dof or 0.0),
        jump_count_mean=lam * steps * dt,
        jump_mean=model.jump_mean,
        jump_std=model.jump_std,
        swan_count_mean=model.black_swan_intensity * steps * dt,
    )
    mult = 2 if antithetic else 1
    units = -(-paths // mult)
    sizes = [min(CHUNK_UNITS, units - start) for start in range(0, units, CHUNK_UNITS)]
    per_batch = max(1, batch_elements // (CHUNK_UNITS * steps * assets))
    out_log = np.empty((units * mult, assets))
    out_marks = np.empty((units * mult, marks.shape[0]))
    out_mdd = np.empty(units * mult)
    out_counts = np.zeros((units * mult, count), dtype=np.int64)
    swans = np.zeros(units, dtype=np.int64)
    llr = np.zeros(units * mult) if theta is not None else None
    r0 = model.regimes.index(initial_regime)
    threads = max(1, min(_threads(), per_batch, len(sizes)))
    pool = ThreadPoolExecutor(max_workers=threads) if threads > 1 else None
    try:
        unit0 = 0
        for first in range(0, len(sizes), per_batch):
            batch_sizes = sizes[first : first + per_batch]
            batch = draw_batch(spec, first, batch_sizes, pool)
            n = sum(batch_sizes)
            lo, hi = unit0 * mult, (unit0 + n) * mult
            if theta is not None and llr is not None:
                batch.z += theta
                llr[lo:hi] = 0.5 * steps * float(theta @ theta) - batch.z.sum(axis=1) @ theta
            kernel(
                batch.z, batch.u, batch.chi, spec.t_dof,
                batch.jump_ptr, batch.jump_step, batch.jump_asset, batch.jump_size,
                batch.swan_ptr, batch.swan_step, model.black_swan_return,
                chol, drift_dt, vol_sqdt, cum_trans, w, r0, marks, antithetic,
                out_log[lo:hi], out_marks[lo:hi], out_mdd[lo:hi], out_counts[lo:hi],
            )  # fmt: skip
            swans[unit0 : unit0 + n] = np.diff(batch.swan_ptr)
            unit0 += n
    finally:
        if pool is not None:
            pool.shutdown()
    asset_returns = np.expm1(out_log[:paths])
    portfolio = np.asarray(asset_returns @ w, dtype=np.float64)
    mdd = np.asarray(out_mdd[:paths], dtype=np.float64)
    occupancy = out_counts[:paths].sum(axis=0) / float(paths * steps)
    hit = np.repeat(swans > 0, mult)[:paths]
    return RegimeSimulation(
        paths=paths,
        steps=steps,
        assets=assets,
        dt=dt,
        antithetic=antithetic,
        regimes=model.regimes,
        portfolio_returns=portfolio,
        asset_returns=np.asarray(asset_returns, dtype=np.float64),
        regime_occupancy=np.asarray(occupancy, dtype=np.float64),
        black_swan_paths=int(np.count_nonzero(hit)),
        percentile_levels=PERCENTILES,
        checkpoint_steps=marks,
        value_percentiles=np.asarray(
            np.percentile(out_marks[:paths], PERCENTILES, axis=0), dtype=np.float64
        ),
        max_drawdowns=mdd,
        drawdown=drawdown_summary(mdd),
        mean_return=float(np.mean(portfolio)),
        mean_return_standard_error=_pair_standard_error(portfolio, antithetic),
        log_likelihood_ratio=None if llr is None else np.asarray(llr[:paths], np.float64),
    )


def _check_shift(shift: FloatArray | None, assets: int, antithetic: bool) -> FloatArray | None:
    """The importance-sampling shift, validated (None: no shift)."""
    if shift is None:
        return None
    theta = np.asarray(shift, dtype=np.float64)
    if theta.shape != (assets,) or not np.all(np.isfinite(theta)):
        raise InvalidRegimeModel(f"shift must be {assets} finite numbers", field="shift")
    if antithetic:
        raise InvalidRegimeModel("a shift needs antithetic off", field="shift")
    return theta
