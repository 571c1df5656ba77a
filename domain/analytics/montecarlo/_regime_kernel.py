"""Path recursion of the regime-switching engine: a numba prange kernel and its NumPy twin.

Both consume the same draws (see `_regime_draws`) and write the same outputs, so BULWARK_NUMBA=0
reproduces the compiled result up to floating-point rounding (the order of a few sums differs).

Per draw unit j (one antithetic pair, or one path when antithetic is off) and step t = 0 .. T-1:
- r is the regime of the step (r = r0 at t = 0); the chain moves after the step:
  r <- min{k : u[j, t] < cum_trans[r, k]} (no move after the last step).
- Correlated unit shock c = L_r z[j, t] (L_r the Cholesky factor of regime r's correlation),
  scaled by s = sqrt((nu - 2) / chi[j, t]) for Student-t shocks (s = 1 for normal shocks).
- Log return of asset a: x = drift_dt[r, a] + jump[j, t, a] + swan[j, t] +/- vol_sqdt[r, a] s c_a
  (+ for the first path of a pair, - for its antithetic twin; everything else is shared).
- Buy-and-hold portfolio value V_t = sum_a w_a exp(X_a,t) (X the cumulative log return, V_0 = 1),
  kept by the kernel as products of exp(x) with exp(+/-diffusion) = exp(diffusion)^(+/-1): one
  exp per pair and asset-step (the NumPy twin takes exp(X) directly; equal up to rounding), and
  its running peak P_t and the maximum drawdown max_t (1 - V_t / P_t).
Outputs per path p (rows 2 j and 2 j + 1 of a pair): the horizon log return of every asset,
V at the checkpoint steps `marks` (step 0 = 1.0), the maximum drawdown and the count of steps
spent in each regime.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from domain.jit import NUMBA_ENABLED, maybe_njit

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

if NUMBA_ENABLED:
    from numba import prange
else:  # pragma: no cover - exercised with BULWARK_NUMBA=0
    prange = range  # type: ignore[misc]


@maybe_njit(cache=True, parallel=True, nogil=True)
def paths_kernel(
    z: FloatArray,
    u: FloatArray,
    chi: FloatArray,
    t_dof: float,
    jump_ptr: IntArray,
    jump_step: IntArray,
    jump_asset: IntArray,
    jump_size: FloatArray,
    swan_ptr: IntArray,
    swan_step: IntArray,
    swan_return: float,
    chol: FloatArray,
    drift_dt: FloatArray,
    vol_sqdt: FloatArray,
    cum_trans: FloatArray,
    weights: FloatArray,
    r0: int,
    marks: IntArray,
    antithetic: bool,
    out_log: FloatArray,
    out_marks: FloatArray,
    out_mdd: FloatArray,
    out_counts: IntArray,
) -> None:  # pragma: no cover - compiled (the NumPy twin is tested against it)
    """The recursion of the module doc, one draw unit per prange iteration (numba)."""
    units, steps, assets = z.shape
    n_marks = marks.shape[0]
    mult = 2 if antithetic else 1
    exp_drift = np.exp(drift_dt)
    for j in prange(units):
        cum_p = np.zeros(assets)
        cum_m = np.zeros(assets)
        val_p = np.ones(assets)
        val_m = np.ones(assets)
        jadd = np.zeros(assets)
        pp = j * mult
        pm = pp + 1
        r = r0
        peak_p = 1.0
        peak_m = 1.0
        mdd_p = 0.0
        mdd_m = 0.0
        e = jump_ptr[j]
        e_end = jump_ptr[j + 1]
        s = swan_ptr[j]
        s_end = swan_ptr[j + 1]
        k = 0
        if n_marks > 0 and marks[0] == 0:
            out_marks[pp, 0] = 1.0
            if antithetic:
                out_marks[pm, 0] = 1.0
            k = 1
        for t in range(steps):
            out_counts[pp, r] += 1
            scale = 1.0
            if t_dof > 0.0:
                scale = math.sqrt((t_dof - 2.0) / chi[j, t])
            shock = 0.0
            while s < s_end and swan_step[s] == t:
                shock += swan_return
                s += 1
            for a in range(assets):
                jadd[a] = 0.0
            while e < e_end and jump_step[e] == t:
                jadd[jump_asset[e]] += jump_size[e]
                e += 1
            vp = 0.0
            vm = 0.0
            for a in range(assets):
                acc = 0.0
                for b in range(a + 1):
                    acc += chol[r, a, b] * z[j, t, b]
                diff = vol_sqdt[r, a] * scale * acc
                base = drift_dt[r, a]
                growth = exp_drift[r, a]
                extra = jadd[a] + shock
                if extra != 0.0:
                    base += extra
                    growth *= math.exp(extra)
                noise = math.exp(diff)
                cum_p[a] += base + diff
                val_p[a] *= growth * noise
                vp += weights[a] * val_p[a]
                if antithetic:
                    cum_m[a] += base - diff
                    val_m[a] *= growth / noise
                    vm += weights[a] * val_m[a]
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
                out_marks[pp, k] = vp
                if antithetic:
                    out_marks[pm, k] = vm
                k += 1
            if t < steps - 1:
                draw = u[j, t]
                nxt = 0
                while draw >= cum_trans[r, nxt]:
                    nxt += 1
                r = nxt
        for a in range(assets):
            out_log[pp, a] = cum_p[a]
        out_mdd[pp] = mdd_p
        if antithetic:
            for a in range(assets):
                out_log[pm, a] = cum_m[a]
            out_mdd[pm] = mdd_m
            for q in range(out_counts.shape[1]):
                out_counts[pm, q] = out_counts[pp, q]


def paths_numpy(
    z: FloatArray,
    u: FloatArray,
    chi: FloatArray,
    t_dof: float,
    jump_ptr: IntArray,
    jump_step: IntArray,
    jump_asset: IntArray,
    jump_size: FloatArray,
    swan_ptr: IntArray,
    swan_step: IntArray,
    swan_return: float,
    chol: FloatArray,
    drift_dt: FloatArray,
    vol_sqdt: FloatArray,
    cum_trans: FloatArray,
    weights: FloatArray,
    r0: int,
    marks: IntArray,
    antithetic: bool,
    out_log: FloatArray,
    out_marks: FloatArray,
    out_mdd: FloatArray,
    out_counts: IntArray,
) -> None:
    """NumPy reference of `paths_kernel`: vectorized over draw units, a loop over steps."""
    units, steps, assets = z.shape
    signs = (1.0, -1.0) if antithetic else (1.0,)
    rows = np.arange(units)
    # Sparse events made dense for this batch (the reference path trades memory for clarity).
    jumps = np.zeros((units, steps, assets))
    unit_of_jump = np.repeat(rows, np.diff(jump_ptr))
    np.add.at(jumps, (unit_of_jump, jump_step, jump_asset), jump_size)
    swans = np.zeros((units, steps))
    np.add.at(swans, (np.repeat(rows, np.diff(swan_ptr)), swan_step), swan_return)
    r = np.full(units, r0, dtype=np.int64)
    counts = np.zeros((units, cum_trans.shape[0]), dtype=np.int64)
    cum = [np.zeros((units, assets)) for _ in signs]
    peak = [np.ones(units) for _ in signs]
    mdd = [np.zeros(units) for _ in signs]
    at_marks = [np.empty((units, marks.shape[0])) for _ in signs]
    k = 0
    if marks.shape[0] > 0 and marks[0] == 0:
        for i in range(len(signs)):
            at_marks[i][:, 0] = 1.0
        k = 1
    for t in range(steps):
        counts[rows, r] += 1
        corr = np.empty((units, assets))
        for regime in range(chol.shape[0]):
            sel = r == regime
            corr[sel] = z[sel, t, :] @ chol[regime].T
        scale = np.sqrt((t_dof - 2.0) / chi[:, t]) if t_dof > 0.0 else np.ones(units)
        diff = vol_sqdt[r] * scale[:, None] * corr
        base = drift_dt[r] + jumps[:, t, :] + swans[:, t, None]
        for i, sign in enumerate(signs):
            cum[i] += base + sign * diff
            value = np.exp(cum[i]) @ weights
            peak[i] = np.maximum(peak[i], value)
            mdd[i] = np.maximum(mdd[i], 1.0 - value / peak[i])
            if k < marks.shape[0] and marks[k] == t + 1:
                at_marks[i][:, k] = value
        if k < marks.shape[0] and marks[k] == t + 1:
            k += 1
        if t < steps - 1:
            r = np.argmax(u[:, t, None] < cum_trans[r], axis=1).astype(np.int64)
    mult = len(signs)
    for i in range(mult):
        out_log[i::mult] = cum[i]
        out_marks[i::mult] = at_marks[i]
        out_mdd[i::mult] = mdd[i]
        out_counts[i::mult] = counts
