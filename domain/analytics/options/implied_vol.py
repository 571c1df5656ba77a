"""Black-Scholes-Merton implied volatility of European options, vectorised, with reason codes.

Model and units as in `bsm`: spot and strike per unit of the underlying, `years` to expiry,
`rate` and `dividend_yield` continuously compounded per year (fractions), `price` the option's
premium per unit in the same currency; the result is the annualised volatility as a fraction
(0.2 = 20%), the `vol` that makes `bsm_greeks(...).price` equal the price.

Method. With Dr = e^{-rT}, Dq = e^{-qT}, forward F = S Dq / Dr and x = ln(F/K), the price
divided by Dr sqrt(F K) is the normalised Black price b(x, s) of s = vol sqrt(T). The intrinsic
value max(theta (S Dq - K Dr), 0) is subtracted first (put-call parity), which leaves an
out-of-the-money call on -|x|; `_lbr.solve_normalised` inverts that (Jaeckel's "Let's Be
Rational": rational initial guess, third-order Householder steps on a transformed objective,
bisection inside a bracket as the fallback). Typically two or three steps reach full double
precision.

Where no volatility fits, the volatility is NaN and the reason says why (`IVReason`):

- INVALID_INPUT: a non-finite input, spot or strike <= 0, or a negative price.
- EXPIRED: years <= 0.
- ABOVE_UPPER_BOUND: a call priced at or above S Dq, a put at or above K Dr.
- BELOW_INTRINSIC: a price below the discounted intrinsic value max(theta (S Dq - K Dr), 0).
- VEGA_TOO_SMALL: the price does not pin the volatility down: it equals the intrinsic value
  (no time value left, or less than ~1e-292 of it after normalising), or one unit in the last
  place of the price (2^-52 relative) would move the volatility by more than 1e-6 relative
  (deep in the money with almost no time value, or prices within rounding of the upper bound).
- NO_CONVERGENCE: the iterations ran out (`max_iterations`); not seen with the default.

Two paths run the same scalar code: numba (`prange` over elements, parallel) and, with
BULWARK_NUMBA=0, plain Python over the elements.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from domain.analytics._numba import NUMBA_ENABLED, maybe_njit
from domain.analytics.options._lbr import DBL_EPSILON, DBL_MIN, MAX_ITERATIONS, solve_normalised
from domain.analytics.options._lbr import normalised_vega as _normalised_vega

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike

MAX_VOL_ERROR_PER_ULP = 1e-6  # VEGA_TOO_SMALL above this relative vol move per price ulp
TINY_TIME_VALUE = DBL_MIN / DBL_EPSILON  # normalised time values below: no relative precision


class IVReason(IntEnum):
    """Why an implied volatility is or is not there (stored as int8)."""

    OK = 0
    EXPIRED = 1
    BELOW_INTRINSIC = 2
    ABOVE_UPPER_BOUND = 3
    VEGA_TOO_SMALL = 4
    NO_CONVERGENCE = 5
    INVALID_INPUT = 6


_OK = 0
_EXPIRED = 1
_BELOW_INTRINSIC = 2
_ABOVE_UPPER_BOUND = 3
_VEGA_TOO_SMALL = 4
_NO_CONVERGENCE = 5
_INVALID_INPUT = 6
_NAMES = tuple(reason.name for reason in IVReason)


@dataclass(frozen=True, slots=True)
class ImpliedVols:
    """Implied volatilities (annualised, fractions; NaN where reason != OK) and reason codes
    (`IVReason` values as int8), both of the broadcast shape of the inputs."""

    volatility: FloatArray
    reason: npt.NDArray[np.int8]

    def reason_names(self) -> list[str]:
        """The reason of every element by name ("OK", "EXPIRED", ...), in flat (C) order."""
        return [_NAMES[code] for code in self.reason.ravel().tolist()]


@maybe_njit(cache=True, error_model="numpy")
def _one(
    p: float, s: float, k: float, t: float, r: float, q: float, call: bool, max_iterations: int
) -> tuple[float, int]:
    """The implied volatility of one option and its reason code."""
    if not (
        math.isfinite(p)
        and math.isfinite(s)
        and math.isfinite(k)
        and math.isfinite(t)
        and math.isfinite(r)
        and math.isfinite(q)
    ):
        return math.nan, _INVALID_INPUT
    if s <= 0.0 or k <= 0.0 or p < 0.0:
        return math.nan, _INVALID_INPUT
    if t <= 0.0:
        return math.nan, _EXPIRED
    dq = math.exp(-q * t)
    dr = math.exp(-r * t)
    forward_spot = s * dq
    discounted_strike = k * dr
    if p >= (forward_spot if call else discounted_strike):
        return math.nan, _ABOVE_UPPER_BOUND
    parity = forward_spot - discounted_strike if call else discounted_strike - forward_spot
    intrinsic = parity if parity > 0.0 else 0.0
    if p < intrinsic:
        return math.nan, _BELOW_INTRINSIC
    norm = math.sqrt(forward_spot) * math.sqrt(discounted_strike)
    beta = (p - intrinsic) / norm  # the out-of-the-money time value, normalised
    x = -abs(math.log(s / k) + (r - q) * t)
    if not (
        beta > TINY_TIME_VALUE and math.isfinite(norm) and norm > 0.0 and beta < math.exp(0.5 * x)
    ):
        return math.nan, _VEGA_TOO_SMALL
    total, converged = solve_normalised(beta, x, max_iterations)
    if not converged or not (total > 0.0 and math.isfinite(total)):
        return math.nan, _NO_CONVERGENCE
    vega_times_total = _normalised_vega(x, total) * total  # d b / d ln s
    if DBL_EPSILON * (p / norm) > MAX_VOL_ERROR_PER_ULP * vega_times_total:
        return math.nan, _VEGA_TOO_SMALL
    return total / math.sqrt(t), _OK


@maybe_njit(cache=True, parallel=True, error_model="numpy")
def _loop(
    p: FloatArray,
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: npt.NDArray[np.bool_],
    max_iterations: int,
    vol: FloatArray,
    reason: npt.NDArray[np.int8],
) -> None:
    """Fills `vol` and `reason` element by element (numba: in parallel)."""
    for i in prange(p.shape[0]):
        value, code = _one(p[i], s[i], k[i], t[i], r[i], q[i], call[i], max_iterations)
        vol[i] = value
        reason[i] = code


def implied_volatility(
    price: ArrayLike,
    spot: ArrayLike,
    strike: ArrayLike,
    years: ArrayLike,
    rate: ArrayLike = 0.0,
    dividend_yield: ArrayLike = 0.0,
    is_call: ArrayLike = True,
    *,
    max_iterations: int = MAX_ITERATIONS,
) -> ImpliedVols:
    """Black-Scholes-Merton implied volatilities, broadcasting every argument (NumPy rules).

    price: option premium per unit of the underlying (>= 0). spot, strike: > 0. years: time to
    expiry in years. rate, dividend_yield: continuously compounded per year, fractions.
    is_call: True for calls, False for puts. Never raises for bad values: each element gets a
    reason code (see the module docstring) and NaN where no volatility fits.
    """
    arrays = np.broadcast_arrays(
        np.asarray(price, dtype=np.float64),
        np.asarray(spot, dtype=np.float64),
        np.asarray(strike, dtype=np.float64),
        np.asarray(years, dtype=np.float64),
        np.asarray(rate, dtype=np.float64),
        np.asarray(dividend_yield, dtype=np.float64),
        np.asarray(is_call, dtype=np.bool_),
    )
    shape = arrays[0].shape
    p, s, k, t, r, q = (np.ascontiguousarray(a, dtype=np.float64).ravel() for a in arrays[:6])
    call = np.ascontiguousarray(arrays[6], dtype=np.bool_).ravel()
    vol = np.empty(p.shape[0], dtype=np.float64)
    reason = np.empty(p.shape[0], dtype=np.int8)
    _loop(p, s, k, t, r, q, call, int(max_iterations), vol, reason)
    return ImpliedVols(volatility=vol.reshape(shape), reason=reason.reshape(shape))
