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
- BELOW_INTRINSIC: a price below the discounted intrinsic value max(theta (S Dq - K Dr), 0)
  by more than rounding (4 + 2 (|ln(F/K)| + |(r + q) T|) ulps of S Dq + K Dr, as the exponentials
  round); a price within that of it is VEGA_TOO_SMALL.
- VEGA_TOO_SMALL: the price does not pin the volatility down: it equals the intrinsic value
  (no time value left, or less than ~1e-292 of it after normalising), or one unit in the last
  place of the price (2^-52 relative) would move the volatility by more than 1e-6 relative
  (deep in the money with almost no time value, or prices within rounding of the upper bound).
- NO_CONVERGENCE: the iterations ran out (`max_iterations`); not seen with the default.

Two paths run the same scalar code: numba (`prange` over elements, parallel) and, with
BULWARK_NUMBA=0, plain Python over the elements.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from domain.analytics.options import _lbr
from domain.analytics.options._lbr import MAX_ITERATIONS, fill_implied_vols

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike


class IVReason(IntEnum):
    """Why an implied volatility is or is not there (stored as int8)."""

    OK = 0
    EXPIRED = 1
    BELOW_INTRINSIC = 2
    ABOVE_UPPER_BOUND = 3
    VEGA_TOO_SMALL = 4
    NO_CONVERGENCE = 5
    INVALID_INPUT = 6


_NAMES = tuple(reason.name for reason in IVReason)

# The scalar kernel for one option, (price, spot, strike, years, rate, dividend_yield, is_call,
# max_iterations) -> (volatility or NaN, IVReason code): adapters/gpu compiles it for CUDA.
_one = _lbr.one_option


@dataclass(frozen=True, slots=True)
class ImpliedVols:
    """Implied volatilities (annualised, fractions; NaN where reason != OK) and reason codes
    (`IVReason` values as int8), both of the broadcast shape of the inputs."""

    volatility: FloatArray
    reason: npt.NDArray[np.int8]

    def reason_names(self) -> list[str]:
        """The reason of every element by name ("OK", "EXPIRED", ...), in flat (C) order."""
        return [_NAMES[code] for code in self.reason.ravel().tolist()]


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
    reason code (see the module docstring) and NaN where no volatility fits; only shapes that do
    not broadcast raise (ValueError, as NumPy's).
    """
    values = [np.asarray(v, dtype=np.float64) for v in (price, spot, strike, years, rate)]
    values.append(np.asarray(dividend_yield, dtype=np.float64))
    calls = np.asarray(is_call, dtype=np.bool_)
    shape = np.broadcast_shapes(*(v.shape for v in values), calls.shape)
    p, s, k, t, r, q = (_flat(v, shape) for v in values)
    call = _flat(calls, shape)
    vol = np.empty(p.shape[0], dtype=np.float64)
    reason = np.empty(p.shape[0], dtype=np.int8)
    fill_implied_vols(p, s, k, t, r, q, call, int(max_iterations), vol, reason)
    return ImpliedVols(volatility=vol.reshape(shape), reason=reason.reshape(shape))


def _flat(array: npt.NDArray[Any], shape: tuple[int, ...]) -> npt.NDArray[Any]:
    """`array` broadcast to `shape`, C-contiguous, writeable and flat: the caller's own array
    when it already is all that (no copy), else a copy (numba types read-only views apart)."""
    if array.shape != shape:
        array = np.broadcast_to(array, shape)
    flat = np.ascontiguousarray(array).ravel()
    return flat if flat.flags.writeable else flat.copy()
