"""Barone-Adesi-Whaley (1987) kernels for American options (numba and NumPy paths).

Internal to `american.py`, which validates inputs and documents the model. The formulas follow
QuantLib's `BaroneAdesiWhaleyApproximationEngine` term by term (variance `V = vol^2 T`,
`n = 2 ln(Dq/Dr) / V`, `K = 2 r T / (V (1 - Dr))` or `2 / V` at r T = 0, the seed of the critical
price from the perpetual option, then Newton steps on `S* - K = c(S*) + (1 - Dq N(d1(S*))) S*/Q`
for a call, mirrored for a put). Differences: the search runs until
`|LHS - RHS| / strike <= tolerance` (default TOLERANCE; QuantLib stops at 1e-6), `1 - Dr` comes
from `expm1`, and a seed or Newton step outside the critical spot's interval (above the strike
for a call, in (0, strike) for a put) is pulled back into it, where QuantLib fails.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from domain.analytics.options._crr import deterministic
from domain.analytics.options.bsm import INV_SQRT_2PI, SQRT_2, norm_cdf_array
from domain.jit import NUMBA_ENABLED, maybe_njit

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

TOLERANCE = 1e-13  # default |LHS - RHS| / strike at the critical price
QUANTLIB_TOLERANCE = 1e-6
MAX_ITERATIONS = 100
SERIAL_BELOW = 256  # options: fewer run on one thread (starting the threads costs more)


@maybe_njit(cache=True, error_model="numpy")
def _cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / SQRT_2)


@maybe_njit(cache=True, error_model="numpy")
def _black(sign: float, k: float, forward: float, std: float, dr: float) -> float:
    """Discounted Black price of a call (sign 1) or put (sign -1) on `forward`."""
    d1 = math.log(forward / k) / std + 0.5 * std
    d2 = d1 - std
    return dr * sign * (forward * _cdf(sign * d1) - k * _cdf(sign * d2))


@maybe_njit(cache=True, error_model="numpy")
def _terms(t: float, r: float, q: float, variance: float) -> tuple[float, float, float]:
    """(n, m, K) of the quadratic: n = 2 (r - q) / vol^2, m = 2 r / vol^2, K = m / (1 - Dr)."""
    n = 2.0 * (r - q) * t / variance
    m = 2.0 * r * t / variance
    big_k = m / -math.expm1(-r * t) if r * t != 0.0 else 2.0 / variance
    return n, m, big_k


@maybe_njit(cache=True, error_model="numpy")
def _critical(
    sign: float, k: float, t: float, r: float, q: float, variance: float, tolerance: float
) -> float:
    """The critical spot S* (exercise at or beyond it), by QuantLib's seed and Newton steps."""
    n, m, big_k = _terms(t, r, q, variance)
    std = math.sqrt(variance)
    dq = math.exp(-q * t)
    dr = math.exp(-r * t)
    bt = (r - q) * t
    qu = (-(n - 1.0) + sign * math.sqrt((n - 1.0) ** 2 + 4.0 * m)) / 2.0
    su = k / (1.0 - 1.0 / qu)
    if sign > 0.0:
        h = -(bt + 2.0 * std) * k / (su - k)
        si = k + (su - k) * (1.0 - math.exp(h))
    else:
        h = (bt - 2.0 * std) * k / (k - su)
        si = su + (k - su) * math.exp(h)
    # S* lies above the strike for a call, in (0, strike) for a put. Where QuantLib's seed
    # falls outside (strongly negative carry: QuantLib then fails), start from the perpetual
    # option's S*, or from 2K / K/2; Newton steps that leave the interval are halved back.
    lo, hi = (k, math.inf) if sign > 0.0 else (0.0, k)
    if not lo < si < hi:
        si = su if lo < su < hi else (2.0 * k if sign > 0.0 else 0.5 * k)
    big_q = (-(n - 1.0) + sign * math.sqrt((n - 1.0) ** 2 + 4.0 * big_k)) / 2.0
    for _ in range(MAX_ITERATIONS):
        forward = si * dq / dr
        d1 = (math.log(forward / k) + 0.5 * variance) / std
        nd1 = _cdf(sign * d1)
        black = dr * sign * (forward * nd1 - k * _cdf(sign * (d1 - std)))
        lhs = sign * (si - k)
        rhs = black + sign * (1.0 - dq * nd1) * si / big_q
        if abs(lhs - rhs) / k <= tolerance:
            break
        pdf = INV_SQRT_2PI * math.exp(-0.5 * d1 * d1)
        bi = sign * dq * nd1 * (1.0 - 1.0 / big_q) + (sign - dq * pdf / std) / big_q
        step = (sign * k + rhs - bi * si) / (sign - bi)
        if not math.isfinite(step):
            break
        if step <= lo:
            step = 0.5 * (si + lo)
        elif step >= hi:
            step = 0.5 * (si + hi)
        si = step
    return si


@maybe_njit(cache=True, error_model="numpy")
def baw_one(
    s: float, k: float, t: float, v: float, r: float, q: float, call: bool, tolerance: float
) -> float:
    """BAW price of one option."""
    if t <= 0.0 or v == 0.0:
        return deterministic(s, k, t, r, q, call)[0]
    sign = 1.0 if call else -1.0
    variance = v * v * t
    std = math.sqrt(variance)
    dq = math.exp(-q * t)
    dr = math.exp(-r * t)
    european = _black(sign, k, s * dq / dr, std, dr)
    if (call and q <= 0.0 <= r) or (not call and r <= 0.0 <= q):
        return european  # early exercise is never optimal
    sk = _critical(sign, k, t, r, q, variance, tolerance)
    n, _, big_k = _terms(t, r, q, variance)
    big_q = (-(n - 1.0) + sign * math.sqrt((n - 1.0) ** 2 + 4.0 * big_k)) / 2.0
    d1 = (math.log(sk * dq / dr / k) + 0.5 * variance) / std
    a = sign * (sk / big_q) * (1.0 - dq * _cdf(sign * d1))
    if sign * (sk - s) > 0.0:
        premium: float = a * (s / sk) ** big_q
        return european + premium
    return sign * (s - k)


@maybe_njit(cache=True, parallel=True, error_model="numpy")
def kernel_loop(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    tolerance: float,
    out: FloatArray,
) -> None:
    """Fills `out` (n,) with BAW prices; numba spreads the options over cores."""
    for i in prange(s.shape[0]):
        out[i] = baw_one(s[i], k[i], t[i], v[i], r[i], q[i], call[i], tolerance)


@maybe_njit(cache=True, error_model="numpy")
def kernel_serial(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    tolerance: float,
    out: FloatArray,
) -> None:
    """`kernel_loop` on one thread: small batches, where starting the threads costs more."""
    for i in range(s.shape[0]):
        out[i] = baw_one(s[i], k[i], t[i], v[i], r[i], q[i], call[i], tolerance)


# ---------------------------------------------------------------- NumPy kernel


def _black_array(
    sign: FloatArray, k: FloatArray, forward: FloatArray, std: FloatArray, dr: FloatArray
) -> FloatArray:
    d1 = np.log(forward / k) / std + 0.5 * std
    d2 = d1 - std
    result: FloatArray = (
        dr * sign * (forward * norm_cdf_array(sign * d1) - k * norm_cdf_array(sign * d2))
    )
    return result


def _critical_array(
    sign: FloatArray,
    k: FloatArray,
    t: FloatArray,
    r: FloatArray,
    q: FloatArray,
    variance: FloatArray,
    tolerance: float,
) -> FloatArray:
    """`_critical` for arrays: the same seed, Newton steps on the unconverged options only."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return _search(sign, k, t, r, q, variance, tolerance)


def _search(
    sign: FloatArray,
    k: FloatArray,
    t: FloatArray,
    r: FloatArray,
    q: FloatArray,
    variance: FloatArray,
    tolerance: float,
) -> FloatArray:
    """The seed and the Newton steps of `_critical_array` (division warnings silenced)."""
    n = 2.0 * (r - q) * t / variance
    m = 2.0 * r * t / variance
    rt = r * t
    safe_rt = np.where(rt != 0.0, rt, 1.0)
    big_k = np.where(rt != 0.0, 2.0 * safe_rt / variance / -np.expm1(-safe_rt), 2.0 / variance)
    std = np.sqrt(variance)
    dq = np.exp(-q * t)
    dr = np.exp(-r * t)
    bt = (r - q) * t
    qu = (-(n - 1.0) + sign * np.sqrt((n - 1.0) ** 2 + 4.0 * m)) / 2.0
    su = k / (1.0 - 1.0 / qu)
    call_seed = k + (su - k) * (1.0 - np.exp(-(bt + 2.0 * std) * k / (su - k)))
    put_seed = su + (k - su) * np.exp((bt - 2.0 * std) * k / (k - su))
    si = np.where(sign > 0.0, call_seed, put_seed)
    lo = np.where(sign > 0.0, k, 0.0)
    hi = np.where(sign > 0.0, np.inf, k)
    fallback = np.where((lo < su) & (su < hi), su, np.where(sign > 0.0, 2.0 * k, 0.5 * k))
    si = np.where((lo < si) & (si < hi), si, fallback)
    big_q = (-(n - 1.0) + sign * np.sqrt((n - 1.0) ** 2 + 4.0 * big_k)) / 2.0
    active = np.arange(si.shape[0])
    for _ in range(MAX_ITERATIONS):
        a_sign, a_k, a_si, a_q = sign[active], k[active], si[active], big_q[active]
        a_dq, a_dr, a_std = dq[active], dr[active], std[active]
        forward = a_si * a_dq / a_dr
        d1 = (np.log(forward / a_k) + 0.5 * variance[active]) / a_std
        nd1 = norm_cdf_array(a_sign * d1)
        nd2 = norm_cdf_array(a_sign * (d1 - a_std))
        lhs = a_sign * (a_si - a_k)
        black = a_dr * a_sign * (forward * nd1 - a_k * nd2)
        rhs = black + a_sign * (1.0 - a_dq * nd1) * a_si / a_q
        moving = ~(np.abs(lhs - rhs) / a_k <= tolerance)
        pdf = INV_SQRT_2PI * np.exp(-0.5 * d1 * d1)
        bi = a_sign * a_dq * nd1 * (1.0 - 1.0 / a_q) + (a_sign - a_dq * pdf / a_std) / a_q
        with np.errstate(invalid="ignore", divide="ignore"):
            step = (a_sign * a_k + rhs - bi * a_si) / (a_sign - bi)
        moving &= np.isfinite(step)
        a_lo, a_hi = lo[active], hi[active]
        step = np.where(step <= a_lo, 0.5 * (a_si + a_lo), step)
        step = np.where(step >= a_hi, 0.5 * (a_si + a_hi), step)
        si[active[moving]] = step[moving]
        active = active[moving]
        if active.shape[0] == 0:
            break
    return si


def kernel_numpy(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    tolerance: float = TOLERANCE,
) -> FloatArray:
    """The NumPy path: same inputs as `kernel_loop` (1-D, equal lengths), returns the prices."""
    out = np.empty(s.shape[0], dtype=np.float64)
    degenerate = (t <= 0.0) | (v == 0.0)
    for i in np.flatnonzero(degenerate):
        out[i] = deterministic(s[i], k[i], t[i], r[i], q[i], bool(call[i]))[0]
    idx = np.flatnonzero(~degenerate)
    s, k, t, v, r, q, call = s[idx], k[idx], t[idx], v[idx], r[idx], q[idx], call[idx]
    sign = np.where(call, 1.0, -1.0)
    variance = v * v * t
    std = np.sqrt(variance)
    dq = np.exp(-q * t)
    dr = np.exp(-r * t)
    european = _black_array(sign, k, s * dq / dr, std, dr)
    never = np.where(call, (q <= 0.0) & (r >= 0.0), (r <= 0.0) & (q >= 0.0))
    prices = european.copy()
    e = np.flatnonzero(~never)
    if e.shape[0]:
        sg, ke, te, re, qe, ve = sign[e], k[e], t[e], r[e], q[e], variance[e]
        sk = _critical_array(sg, ke, te, re, qe, ve, tolerance)
        n = 2.0 * (re - qe) * te / ve
        rt = re * te
        safe_rt = np.where(rt != 0.0, rt, 1.0)
        big_k = np.where(rt != 0.0, 2.0 * safe_rt / ve / -np.expm1(-safe_rt), 2.0 / ve)
        big_q = (-(n - 1.0) + sg * np.sqrt((n - 1.0) ** 2 + 4.0 * big_k)) / 2.0
        d1 = (np.log(sk * dq[e] / dr[e] / ke) + 0.5 * ve) / std[e]
        a = sg * (sk / big_q) * (1.0 - dq[e] * norm_cdf_array(sg * d1))
        se = s[e]
        held = european[e] + a * (se / sk) ** big_q
        prices[e] = np.where(sg * (sk - se) > 0.0, held, sg * (se - ke))
    out[idx] = prices
    return out
