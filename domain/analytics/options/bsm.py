"""Black-Scholes-Merton prices and Greeks of European calls and puts, vectorised over arrays.

Model: the underlying pays a continuous dividend yield `q`, money earns a continuously
compounded rate `r`, both flat; `years` is the time to expiry in years (Actual/365 Fixed if the
caller counts calendar days / 365). With `Dq = exp(-q T)`, `Dr = exp(-r T)`,
`d1 = (ln(S/K) + (r - q + vol^2/2) T) / (vol sqrt T)`, `d2 = d1 - vol sqrt T`:

    call = S Dq N(d1) - K Dr N(d2)          put = K Dr N(-d2) - S Dq N(-d1)

Units of the `Greeks` fields (all per one unit of the underlying, in the price's currency):

- `price`; `delta` = dV/dS; `gamma` = d2V/dS2 (per unit of spot, squared).
- `theta` = dV/dt per YEAR of calendar time passing (= -dV/dT); `theta_per_day` = theta / 365.
- `vega` = dV/dvol per 1.0 of volatility (100 vol points); `vega_per_point` = vega / 100.
- `rho` = dV/dr per 1.0 of rate; `rho_per_percent` = rho / 100 (dividend yield held fixed).
- `vanna` = d2V/dS dvol (per 1.0 vol); `volga` (vomma) = d2V/dvol2 (per 1.0 vol, squared).
- `charm` = dDelta/dt per YEAR of calendar time passing (= -dDelta/dT);
  `charm_per_day` = charm / 365.

Edge cases: where `years <= 0` or `vol == 0` the option is worth the discounted intrinsic value
of the forward, `max(S Dq - K Dr, 0)` for a call and `max(K Dr - S Dq, 0)` for a put (T taken as
0 when negative), and every Greek is 0 except delta, which takes its limit as vol -> 0: a call's
delta is Dq in the money (forward above strike), Dq/2 at the forward, 0 out of it; a put's delta
is the call's minus Dq. Spot and strike must be positive and vol non-negative (ValueError).

Two paths compute the same numbers: a numba kernel (`maybe_njit(cache=True, parallel=True)`,
a `prange` over elements that LLVM vectorises: branch-free, with the polynomial exp/log/N(x) of
`domain.analytics._vecmath` instead of libm calls, ~1e-12 relative of the libm results) and a
NumPy kernel, used when BULWARK_NUMBA=0. Inputs already contiguous float64 of one shape are not
copied; a scalar broadcast to the others' shape is materialised once (one array copy).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics import _vecmath as _vm
from domain.jit import NUMBA_ENABLED, maybe_njit

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ArrayLike = npt.ArrayLike

DAYS_PER_YEAR = 365.0
SQRT_2 = math.sqrt(2.0)
INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_FLOATS_PER_PAGE = 512  # float64 values in a 4 KiB page
N_OUTPUTS = 9  # price, delta, gamma, theta, vega, rho, vanna, volga, charm


@dataclass(frozen=True, slots=True)
class Greeks:
    """Prices and Greeks, one array each, all of the broadcast shape of the inputs.

    Units: see the module docstring (theta and charm per year, vega per 1.0 vol, rho per 1.0
    rate); the `_per_day`, `_per_point` and `_per_percent` properties give the trader's units.
    """

    price: FloatArray
    delta: FloatArray
    gamma: FloatArray
    theta: FloatArray
    vega: FloatArray
    rho: FloatArray
    vanna: FloatArray
    volga: FloatArray
    charm: FloatArray

    @property
    def theta_per_day(self) -> FloatArray:
        """Theta per calendar day (theta per year / 365)."""
        return self.theta / DAYS_PER_YEAR

    @property
    def vega_per_point(self) -> FloatArray:
        """Vega per volatility point (per 0.01 of vol: vega / 100)."""
        return self.vega / 100.0

    @property
    def rho_per_percent(self) -> FloatArray:
        """Rho per 1% of rate (rho / 100)."""
        return self.rho / 100.0

    @property
    def charm_per_day(self) -> FloatArray:
        """Charm per calendar day (charm per year / 365)."""
        return self.charm / DAYS_PER_YEAR


# ---------------------------------------------------------------- numba (or plain) kernels


@maybe_njit(cache=True, inline="always", error_model="numpy")
def _values(
    s: float, k: float, t: float, v: float, r: float, q: float, call: bool
) -> tuple[float, float, float, float, float, float, float, float, float]:
    """Price and Greeks of one option, branch-free (selects) so the loop around it vectorises.

    Uses the polynomial exp/log/N(x) of `domain.analytics._vecmath` (libm calls would keep
    LLVM from vectorising). Degenerate elements (t <= 0 or v <= 0) run the regular formulas
    on stand-ins (t = v = 1) and select the intrinsic-value limits instead.
    """
    degenerate = t <= 0.0 or v <= 0.0
    tt = t if t > 0.0 else 0.0
    ts = 1.0 if degenerate else tt
    vs = 1.0 if degenerate else v
    dq = _vm.exp(-q * tt)
    dr = _vm.exp(-r * tt)
    sqrt_t = math.sqrt(ts)
    vol_t = vs * sqrt_t
    inv_vt = 1.0 / vol_t
    d1 = (_vm.log(s / k) + (r - q + 0.5 * vs * vs) * ts) * inv_vt
    d2 = d1 - vol_t
    g1 = _vm.exp(-0.5 * d1 * d1)
    g2 = _vm.exp(-0.5 * d2 * d2)
    pdf = INV_SQRT_2PI * g1
    sign = 1.0 if call else -1.0
    nd1 = _vm.norm_cdf(sign * d1, g1)
    nd2 = _vm.norm_cdf(sign * d2, g2)
    sdq = s * dq
    kdr = k * dr
    dq_pdf = dq * pdf
    vega = sdq * pdf * sqrt_t
    inv_v = sqrt_t * inv_vt  # 1 / vol
    inv_sqrt_t = vs * inv_vt
    price = sign * (sdq * nd1 - kdr * nd2)
    delta = sign * dq * nd1
    gamma = dq_pdf * inv_vt / s
    theta = -0.5 * sdq * pdf * vs * inv_sqrt_t + sign * (q * sdq * nd1 - r * kdr * nd2)
    rho = sign * k * ts * dr * nd2
    vanna = -dq_pdf * d2 * inv_v
    volga = vega * d1 * d2 * inv_v
    drift = 2.0 * (r - q) * ts - d2 * vol_t
    charm = sign * q * dq * nd1 - 0.5 * dq_pdf * drift * inv_vt * inv_sqrt_t * inv_sqrt_t
    # the limits where degenerate: discounted intrinsic of the forward, delta's vol -> 0 limit
    diff = sdq - kdr
    intrinsic = sign * diff
    call_delta = dq if diff > 0.0 else (0.5 * dq if diff == 0.0 else 0.0)
    limit_delta = call_delta if call else call_delta - dq
    if degenerate:
        return (max(intrinsic, 0.0), limit_delta, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    return (price, delta, gamma, theta, vega, rho, vanna, volga, charm)


@maybe_njit(cache=True, error_model="numpy")
def _one(
    s: float, k: float, t: float, v: float, r: float, q: float, call: bool, out: FloatArray, i: int
) -> None:
    """Price and Greeks of one option written into column `i` of `out` (N_OUTPUTS rows): the
    scalar entry point other targets compile (the CUDA backend's device function)."""
    values = _values(s, k, t, v, r, q, call)
    for row in range(N_OUTPUTS):
        out[row, i] = values[row]


@maybe_njit(cache=True, parallel=True, error_model="numpy", fastmath={"contract"})
def _kernel_loop(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    o_price: FloatArray,
    o_delta: FloatArray,
    o_gamma: FloatArray,
    o_theta: FloatArray,
    o_vega: FloatArray,
    o_rho: FloatArray,
    o_vanna: FloatArray,
    o_volga: FloatArray,
    o_charm: FloatArray,
) -> tuple[int, int]:
    """Fills the nine output arrays element by element: numba splits the loop over the threads
    and LLVM vectorises each thread's share (one contiguous 1-D array per output, no
    exceptions raised inside: error_model="numpy"). Validates in the same pass: returns the
    number of elements with spot or strike <= 0 and with vol < 0 or NaN (their outputs are
    meaningless; the caller raises)."""
    bad_spot_strike = 0
    bad_vol = 0
    for i in prange(s.shape[0]):
        bad_spot_strike += 1 if (s[i] <= 0.0 or k[i] <= 0.0) else 0
        bad_vol += 0 if v[i] >= 0.0 else 1
        values = _values(s[i], k[i], t[i], v[i], r[i], q[i], call[i])
        o_price[i] = values[0]
        o_delta[i] = values[1]
        o_gamma[i] = values[2]
        o_theta[i] = values[3]
        o_vega[i] = values[4]
        o_rho[i] = values[5]
        o_vanna[i] = values[6]
        o_volga[i] = values[7]
        o_charm[i] = values[8]
    return bad_spot_strike, bad_vol


# ---------------------------------------------------------------- NumPy kernel

_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def norm_cdf_array(x: FloatArray) -> FloatArray:
    """N(x), the standard normal CDF, elementwise (NumPy paths: this module's and _baw's)."""
    result: FloatArray = 0.5 * _erfc(-x / SQRT_2)
    return result


def kernel_numpy(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
) -> FloatArray:
    """The NumPy path: same inputs as the numba kernel (1-D, equal lengths), returns the
    N_OUTPUTS x n array (rows: price, delta, gamma, theta, vega, rho, vanna, volga, charm)."""
    degenerate = (t <= 0.0) | (v <= 0.0)
    # Safe stand-ins where degenerate, so the regular formulas raise no warnings there.
    ts = np.where(degenerate, 1.0, t)
    vs = np.where(degenerate, 1.0, v)
    sqrt_t = np.sqrt(ts)
    vol_t = vs * sqrt_t
    d1 = (np.log(s / k) + (r - q + 0.5 * vs * vs) * ts) / vol_t
    d2 = d1 - vol_t
    dq = np.exp(-q * ts)
    dr = np.exp(-r * ts)
    pdf = INV_SQRT_2PI * np.exp(-0.5 * d1 * d1)
    sign = np.where(call, 1.0, -1.0)
    nd1 = norm_cdf_array(sign * d1)
    nd2 = norm_cdf_array(sign * d2)
    vega = s * dq * pdf * sqrt_t
    regular = np.stack(
        [
            sign * (s * dq * nd1 - k * dr * nd2),
            sign * dq * nd1,
            dq * pdf / (s * vol_t),
            -s * dq * pdf * vs / (2.0 * sqrt_t) + sign * (q * s * dq * nd1 - r * k * dr * nd2),
            vega,
            sign * k * ts * dr * nd2,
            -dq * pdf * d2 / vs,
            vega * d1 * d2 / vs,
            sign * q * dq * nd1 - dq * pdf * (2.0 * (r - q) * ts - d2 * vol_t) / (2.0 * ts * vol_t),
        ]
    )
    tc = np.maximum(t, 0.0)
    dq0 = np.exp(-q * tc)
    diff = s * dq0 - k * np.exp(-r * tc)
    call_delta = np.where(diff > 0.0, dq0, np.where(diff == 0.0, 0.5 * dq0, 0.0))
    limit = np.zeros_like(regular)
    limit[0] = np.maximum(sign * diff, 0.0)
    limit[1] = np.where(call, call_delta, call_delta - dq0)
    result: FloatArray = np.where(degenerate, limit, regular)
    return result


# ---------------------------------------------------------------- public entry point


def bsm_greeks(
    spot: ArrayLike,
    strike: ArrayLike,
    years: ArrayLike,
    vol: ArrayLike,
    rate: ArrayLike = 0.0,
    dividend_yield: ArrayLike = 0.0,
    is_call: ArrayLike = True,
) -> Greeks:
    """Black-Scholes-Merton prices and Greeks, broadcasting every argument (NumPy rules).

    spot, strike: per unit of the underlying, > 0. years: time to expiry in years.
    vol: annualised volatility as a fraction (0.2 = 20%), >= 0. rate, dividend_yield:
    continuously compounded, per year, as fractions. is_call: True for calls, False for puts.
    Units of the result: see `Greeks` and the module docstring.
    """
    arrays = np.broadcast_arrays(
        np.asarray(spot, dtype=np.float64),
        np.asarray(strike, dtype=np.float64),
        np.asarray(years, dtype=np.float64),
        np.asarray(vol, dtype=np.float64),
        np.asarray(rate, dtype=np.float64),
        np.asarray(dividend_yield, dtype=np.float64),
        np.asarray(is_call, dtype=np.bool_),
    )
    shape = arrays[0].shape
    s, k, t, v, r, q = (np.ascontiguousarray(a, dtype=np.float64).ravel() for a in arrays[:6])
    call = np.ascontiguousarray(arrays[6], dtype=np.bool_).ravel()
    if NUMBA_ENABLED:
        # One (9, n) block, its rows the outputs: a large block is mapped with transparent huge
        # pages (NumPy advises them), far fewer page faults than nine separate arrays.
        block = np.empty((N_OUTPUTS, s.shape[0]), dtype=np.float64)
        # Fault the block's pages in from this one thread first (one write per 4 KiB page):
        # measured on 2 cores, 1M options, the parallel kernel faulting 72 MB itself took
        # ~60 ms (its threads contend in the kernel's page-fault path), this pass ~9 ms.
        block.reshape(-1)[::_FLOATS_PER_PAGE] = 0.0
        out = list(block)
        bad_spot_strike, bad_vol = _kernel_loop(s, k, t, v, r, q, call, *out)
    else:
        bad_spot_strike = int(np.count_nonzero((s <= 0.0) | (k <= 0.0)))
        bad_vol = int(np.count_nonzero(~(v >= 0.0)))
        out = list(kernel_numpy(s, k, t, v, r, q, call)) if not (bad_spot_strike or bad_vol) else []
    if bad_spot_strike:
        raise ValueError("spot and strike must be positive")
    if bad_vol:
        raise ValueError("volatility must not be negative")
    return Greeks(*(row.reshape(shape) for row in out))
