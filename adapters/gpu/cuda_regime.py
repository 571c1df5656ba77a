"""The regime-switching Monte Carlo on a GPU: one CUDA thread per draw unit (antithetic pair).

The model and its conventions are the domain's (domain/analytics/montecarlo/regime_model.py and
_regime_kernel.py): the same Markov chain after each step, Cholesky-correlated shocks scaled by
one chi-square per path-step for Student-t, compensated Merton jumps per asset, market-wide
black swans, antithetic pairs that share everything but the sign of the diffusion, and the same
outputs and summary statistics. What differs is where the random numbers come from: each
thread draws its own from a xoroshiro128+ state seeded from the request's seed
(`cuda_kernels.seed_states`), and Poisson events come as exponential inter-arrival times
(per asset for jumps, per unit for black swans), which gives exactly the per-step
Poisson(lambda dt) counts the CPU engine samples another way. So GPU and CPU agree in
distribution (within standard errors), and a seed reproduces a run on the GPU.

Per thread state lives in fixed local arrays: at most MAX_ASSETS assets and MAX_REGIMES regimes.
"""

# numba.cuda ships no type information: its decorators and kernels are Any here.
# mypy: disable-error-code="misc, no-any-return"

from __future__ import annotations

import math
from typing import Any

import numpy as np

from adapters.gpu.cuda_kernels import (
    THREADS_PER_BLOCK,
    blocks_for,
    create_states,
    cuda,
    standard_gamma,
    xoroshiro128p_normal_float64,
    xoroshiro128p_uniform_float64,
)
from adapters.gpu.host_stats import row_percentiles
from domain.analytics.montecarlo import regime as engine
from domain.analytics.montecarlo.regime import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeSimulation,
)

MAX_ASSETS = 50  # the API's cap; local arrays need a size fixed at compile time
MAX_REGIMES = 4  # the default model's four regimes (a calibrated model has one)


@cuda.jit(device=True)
def _exponential(states: Any, i: int) -> float:
    """Exp(1) from thread i's generator (inversion of a uniform on [0, 1))."""
    return -math.log(1.0 - xoroshiro128p_uniform_float64(states, i))


@cuda.jit
def regime_kernel(
    states: Any,
    steps: int,
    t_dof: float,
    jump_rate: float,
    jump_mean: float,
    jump_std: float,
    swan_rate: float,
    swan_return: float,
    chol: Any,
    drift_dt: Any,
    vol_sqdt: Any,
    cum_trans: Any,
    weights: Any,
    r0: int,
    marks: Any,
    antithetic: bool,
    shift: Any,
    out_log: Any,
    out_marks: Any,
    out_mdd: Any,
    out_counts: Any,
    out_swans: Any,
    out_llr: Any,
) -> None:
    """Thread j simulates draw unit j (paths 2j and 2j+1 when antithetic, else path j).

    jump_rate / swan_rate: expected events per step (lambda dt). out_marks is checkpoint-major
    (K, paths) for coalesced writes; out_counts (units, R) and out_swans (units,) per unit.
    shift (assets,): the mean of the normals (zeros: none); out_llr (units,) gets
    -shift . sum_t z_t (the host adds T |shift|^2 / 2).
    """
    j = cuda.grid(1)
    if j >= out_counts.shape[0]:
        return
    assets = weights.shape[0]
    n_marks = marks.shape[0]
    mult = 2 if antithetic else 1
    pp = j * mult
    pm = pp + 1
    z = cuda.local.array(MAX_ASSETS, np.float64)
    cum_p = cuda.local.array(MAX_ASSETS, np.float64)
    cum_m = cuda.local.array(MAX_ASSETS, np.float64)
    next_jump = cuda.local.array(MAX_ASSETS, np.float64)
    counts = cuda.local.array(MAX_REGIMES, np.int64)
    for q in range(MAX_REGIMES):
        counts[q] = 0
    for a in range(assets):
        cum_p[a] = 0.0
        cum_m[a] = 0.0
        next_jump[a] = _exponential(states, j) / jump_rate if jump_rate > 0.0 else math.inf
    next_swan = _exponential(states, j) / swan_rate if swan_rate > 0.0 else math.inf
    swans = 0
    llr = 0.0
    r = r0
    peak_p = 1.0
    peak_m = 1.0
    mdd_p = 0.0
    mdd_m = 0.0
    k = 0
    if n_marks > 0 and marks[0] == 0:
        out_marks[0, pp] = 1.0
        if antithetic:
            out_marks[0, pm] = 1.0
        k = 1
    for t in range(steps):
        counts[r] += 1
        scale = 1.0
        if t_dof > 0.0:
            scale = math.sqrt((t_dof - 2.0) / (2.0 * standard_gamma(states, j, 0.5 * t_dof)))
        shock = 0.0
        while next_swan < t + 1.0:  # arrivals in [t, t + 1): this step's black swans
            shock += swan_return
            swans += 1
            next_swan += _exponential(states, j) / swan_rate
        for a in range(assets):
            z[a] = xoroshiro128p_normal_float64(states, j) + shift[a]
            llr -= shift[a] * z[a]
        vp = 0.0
        vm = 0.0
        for a in range(assets):
            acc = 0.0
            for b in range(a + 1):
                acc += chol[r, a, b] * z[b]
            diff = vol_sqdt[r, a] * scale * acc
            base = drift_dt[r, a] + shock
            while next_jump[a] < t + 1.0:
                base += jump_mean + jump_std * xoroshiro128p_normal_float64(states, j)
                next_jump[a] += _exponential(states, j) / jump_rate
            cum_p[a] += base + diff
            vp += weights[a] * math.exp(cum_p[a])
            if antithetic:
                cum_m[a] += base - diff
                vm += weights[a] * math.exp(cum_m[a])
        if vp > peak_p:
            peak_p = vp
        elif 1.0 - vp / peak_p > mdd_p:
            mdd_p = 1.0 - vp / peak_p
        if antithetic:
            if vm > peak_m:
                peak_m = vm
            elif 1.0 - vm / peak_m > mdd_m:
                mdd_m = 1.0 - vm / peak_m
        if k < n_marks and marks[k] == t + 1:
            out_marks[k, pp] = vp
            if antithetic:
                out_marks[k, pm] = vm
            k += 1
        if t < steps - 1:
            draw = xoroshiro128p_uniform_float64(states, j)
            nxt = 0
            while draw >= cum_trans[r, nxt]:
                nxt += 1
            r = nxt
    for a in range(assets):
        out_log[pp, a] = cum_p[a]
        if antithetic:
            out_log[pm, a] = cum_m[a]
    out_mdd[pp] = mdd_p
    if antithetic:
        out_mdd[pm] = mdd_m
    for q in range(out_counts.shape[1]):
        out_counts[j, q] = counts[q]
    out_swans[j] = swans
    out_llr[j] = llr


def simulate_regimes_cuda(
    model: RegimeModel,
    weights: Any,
    *,
    steps: int,
    paths: int,
    initial_regime: Regime,
    seed: int,
    dt: float = 1.0 / 252.0,
    antithetic: bool = True,
    shift: Any = None,
) -> RegimeSimulation:
    """`simulate_regimes` on the GPU: same validation, inputs, outputs (see the module doc)."""
    w = np.asarray(weights, dtype=np.float64)
    engine._validate(model, w, steps, paths, initial_regime, dt, engine.DEFAULT_BATCH_ELEMENTS)
    theta = engine._check_shift(shift, model.assets, antithetic)
    if model.assets > MAX_ASSETS:
        raise InvalidRegimeModel(f"at most {MAX_ASSETS} assets on the GPU", field="weights")
    if not 0 <= seed < 2**64:
        raise InvalidRegimeModel(f"seed must be in [0, 2**64), got {seed}", field="seed")
    compensation = model.jump_intensity * model.jump_compensation
    drift_dt = np.stack(
        [(p.drift - 0.5 * p.volatility**2 - compensation) * dt for p in model.parameters]
    )
    vol_sqdt = np.stack([p.volatility * math.sqrt(dt) for p in model.parameters])
    chol = np.ascontiguousarray(np.stack([p.cholesky for p in model.parameters]))
    cum_trans = engine._cumulative_transition(model.transition)
    marks = engine.checkpoints(steps)
    mult = 2 if antithetic else 1
    units = -(-paths // mult)
    total = units * mult
    count = len(model.regimes)
    out_log = cuda.device_array((total, model.assets), dtype=np.float64)
    out_marks = cuda.device_array((marks.shape[0], total), dtype=np.float64)
    out_mdd = cuda.device_array(total, dtype=np.float64)
    out_counts = cuda.device_array((units, count), dtype=np.int64)
    out_swans = cuda.device_array(units, dtype=np.int64)
    out_llr = cuda.device_array(units, dtype=np.float64)
    shift_host = np.zeros(model.assets) if theta is None else np.ascontiguousarray(theta)
    regime_kernel[blocks_for(units), THREADS_PER_BLOCK](
        create_states(units, seed),
        steps,
        float(model.student_t_dof or 0.0),
        model.jump_intensity * dt,
        model.jump_mean,
        model.jump_std,
        model.black_swan_intensity * dt,
        model.black_swan_return,
        cuda.to_device(chol),
        cuda.to_device(np.ascontiguousarray(drift_dt)),
        cuda.to_device(np.ascontiguousarray(vol_sqdt)),
        cuda.to_device(cum_trans),
        cuda.to_device(np.ascontiguousarray(w)),
        model.regimes.index(initial_regime),
        cuda.to_device(marks),
        antithetic,
        cuda.to_device(shift_host),
        out_log,
        out_marks,
        out_mdd,
        out_counts,
        out_swans,
        out_llr,
    )
    log_returns = out_log.copy_to_host()[:paths]
    at_marks = out_marks.copy_to_host()[:, :paths]
    mdd = np.asarray(out_mdd.copy_to_host()[:paths], dtype=np.float64)
    counts = np.repeat(out_counts.copy_to_host(), mult, axis=0)[:paths]
    hit = np.repeat(out_swans.copy_to_host() > 0, mult)[:paths]
    asset_returns = np.asarray(np.expm1(log_returns), dtype=np.float64)
    portfolio = np.asarray(asset_returns @ w, dtype=np.float64)
    return RegimeSimulation(
        paths=paths,
        steps=steps,
        assets=model.assets,
        dt=dt,
        antithetic=antithetic,
        regimes=model.regimes,
        portfolio_returns=portfolio,
        asset_returns=asset_returns,
        regime_occupancy=np.asarray(counts.sum(axis=0) / float(paths * steps), np.float64),
        black_swan_paths=int(np.count_nonzero(hit)),
        percentile_levels=engine.PERCENTILES,
        checkpoint_steps=marks,
        value_percentiles=row_percentiles(at_marks, engine.PERCENTILES),
        max_drawdowns=mdd,
        drawdown=engine.drawdown_summary(mdd),
        mean_return=float(np.mean(portfolio)),
        mean_return_standard_error=engine._pair_standard_error(portfolio, antithetic),
        log_likelihood_ratio=None
        if theta is None
        else np.asarray(
            out_llr.copy_to_host()[:paths] + 0.5 * steps * float(theta @ theta), np.float64
        ),
    )
