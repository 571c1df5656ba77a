"""American calls and puts: a Cox-Ross-Rubinstein tree and the Barone-Adesi-Whaley approximation.

Model and units as in `bsm.py`: flat continuously compounded rate `r` and dividend yield `q`
(fractions per year), `years` to expiry, annualised `vol` (0.2 = 20%), prices per unit of the
underlying. Exercise is allowed at any time in [0, T], today included. Every argument
broadcasts (NumPy rules); `is_call` is True for calls, False for puts.

`crr_american` -- the binomial tree (QuantLib's `BinomialVanillaEngine("crr", steps)` with the
same steps gives the same numbers to ~1e-12). With `dt = T / steps`, `dx = vol sqrt(dt)`, node
(i, j) (after i steps, j of them up) carries the spot `S exp((2j - i) dx)`; the up-probability
is `pu = 1/2 + (r - q - vol^2/2) dt / (2 dx)` (CRR's probability to first order in dt, as in
QuantLib's `CoxRossRubinstein`; the textbook `(e^{(r-q) dt} - d) / (u - d)` differs from it by
O(dt^2) per step, so the tree's forward drifts by O(vol^4 T dt): raise `steps` for high vol and
long expiries) and each step discounts by `exp(-r dt)`. Rolling back, a node takes the larger
of its held and its exercise value. One pass per option, O(steps) memory. The Greeks are read
from the first nodes of that one pass (J.C. Hull, "Options, Futures and Other Derivatives",
6th ed., pp. 397-398, as QuantLib's engine does for delta and gamma):

    delta = (V(1,1) - V(1,0)) / (S(1,1) - S(1,0))
    gamma = [(V(2,2) - V(2,1)) / (S(2,2) - S) - (V(2,1) - V(2,0)) / (S - S(2,0))]
            / ((S(2,2) - S(2,0)) / 2)
    theta = (V(2,1) - V(0,0)) / (2 dt)     (node (2,1) sits at today's spot, 2 dt later)

theta is per YEAR of calendar time passing (`theta_per_day` = theta / 365). QuantLib's engine
takes theta from the Black-Scholes equation instead, `r V - (r - q) S delta - vol^2 S^2 gamma/2`;
both converge to the same limit as steps grow (they differ by O(dt) at a given step count).
With `steps == 1` the tree has no second step: gamma and theta are NaN. The up-probability must
lie in [0, 1], i.e. `|r - q - vol^2/2| sqrt(dt) <= vol`, else ValueError (too few steps).

`baw_american` -- Barone-Adesi & Whaley (1987), "Efficient Analytic Approximation of American
Option Values", J. Finance 42(2): the European price plus `A (S / S*)^Q` below (calls) or above
(puts) the critical spot `S*`, the exercise value beyond it. `S*` is found by Newton steps per
option (QuantLib's seed and iteration), run until `|LHS - RHS| / strike <= tolerance`, 1e-13 by
default; QuantLib stops at 1e-6, which moves its prices by up to ~2e-4 (per 100 of strike) from
the converged approximation; `tolerance=QUANTLIB_BAW_TOLERANCE` reproduces them to ~1e-13.
Early exercise is never optimal for a call with q <= 0 <= r nor for a put with r <= 0 <= q:
those get the European price (QuantLib does this for calls with q <= 0 only, and adds BAW's
premium to puts at r <= 0). Where both r < 0 and q < 0 the quadratic breaks down (puts priced
above the strike, calls below the European: QuantLib's engine too); those options are priced
by the CRR tree with BAW_FALLBACK_STEPS steps instead.

Both engines: where `years <= 0` the option is worth its intrinsic value; where `vol == 0` it
is worth the best discounted exercise along the deterministic forward path (exact). Spot and
strike must be positive, vol non-negative, every input finite (ValueError naming the field).

Two paths compute the same numbers: numba kernels (`maybe_njit(cache=True, parallel=True)`, a
`prange` over options; small batches run the same code on one thread, as starting the threads
costs more) and NumPy kernels, used when BULWARK_NUMBA=0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics.options import _baw, _crr
from domain.jit import NUMBA_ENABLED

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ArrayLike = npt.ArrayLike

DAYS_PER_YEAR = 365.0
DEFAULT_STEPS = 500
MAX_STEPS = 100_000
BAW_TOLERANCE = _baw.TOLERANCE  # default stop of the critical-spot search, relative to strike
QUANTLIB_BAW_TOLERANCE = _baw.QUANTLIB_TOLERANCE  # QuantLib's stop: its numbers to ~1e-13
BAW_FALLBACK_STEPS = DEFAULT_STEPS  # CRR steps for the options BAW cannot price (r < 0, q < 0)


@dataclass(frozen=True, slots=True)
class AmericanValues:
    """CRR prices and tree Greeks, one array each, of the broadcast shape of the inputs.

    price per unit of the underlying; delta = dV/dS; gamma = d2V/dS2; theta = dV/dt per YEAR of
    calendar time passing (`theta_per_day` = theta / 365).
    """

    price: FloatArray
    delta: FloatArray
    gamma: FloatArray
    theta: FloatArray

    @property
    def theta_per_day(self) -> FloatArray:
        """Theta per calendar day (theta per year / 365)."""
        return self.theta / DAYS_PER_YEAR


# The broadcast shape, then spot, strike, years, vol, rate, dividend yield, is_call (flat).
Inputs = tuple[
    tuple[int, ...],
    FloatArray,
    FloatArray,
    FloatArray,
    FloatArray,
    FloatArray,
    FloatArray,
    BoolArray,
]


def _prepare(
    spot: ArrayLike,
    strike: ArrayLike,
    years: ArrayLike,
    vol: ArrayLike,
    rate: ArrayLike,
    dividend_yield: ArrayLike,
    is_call: ArrayLike,
) -> Inputs:
    """Broadcasts and validates; returns the shape and flat contiguous arrays."""
    named = {
        "spot": spot,
        "strike": strike,
        "years": years,
        "vol": vol,
        "rate": rate,
        "dividend_yield": dividend_yield,
    }
    floats = {}
    for name, value in named.items():
        try:
            floats[name] = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be numbers") from exc
    calls = np.asarray(is_call)
    if calls.dtype.kind not in "biu":  # a string "False" would otherwise count as True
        raise ValueError("is_call must be booleans")
    try:
        arrays = np.broadcast_arrays(*floats.values(), calls.astype(np.bool_))
    except ValueError as exc:
        raise ValueError(f"array shapes do not broadcast: {exc}") from exc
    shape = arrays[0].shape
    s, k, t, v, r, q = (np.ascontiguousarray(a, dtype=np.float64).ravel() for a in arrays[:6])
    call = np.ascontiguousarray(arrays[6], dtype=np.bool_).ravel()
    for name, flat in zip(named, (s, k, t, v, r, q), strict=True):
        if not np.all(np.isfinite(flat)):
            raise ValueError(f"{name} must be finite")
    if np.any(s <= 0.0):
        raise ValueError("spot must be positive")
    if np.any(k <= 0.0):
        raise ValueError("strike must be positive")
    if np.any(v < 0.0):
        raise ValueError("vol must not be negative")
    return shape, s, k, t, v, r, q, call


def _check_steps(steps: int, t: FloatArray, v: FloatArray, r: FloatArray, q: FloatArray) -> None:
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer):
        raise ValueError("steps must be an integer")
    if not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be between 1 and {MAX_STEPS}")
    tree = (t > 0.0) & (v > 0.0)
    dt = t[tree] / steps
    drift = np.abs(r[tree] - q[tree] - 0.5 * v[tree] ** 2) * np.sqrt(dt)
    if np.any(drift > v[tree]):
        raise ValueError(
            "steps too few for these rates and vol: the CRR up-probability leaves [0, 1]"
            " (needs |r - q - vol^2/2| sqrt(years / steps) <= vol)"
        )


def crr_american(
    spot: ArrayLike,
    strike: ArrayLike,
    years: ArrayLike,
    vol: ArrayLike,
    rate: ArrayLike = 0.0,
    dividend_yield: ArrayLike = 0.0,
    is_call: ArrayLike = True,
    *,
    steps: int = DEFAULT_STEPS,
) -> AmericanValues:
    """American prices, delta, gamma and theta from a `steps`-step CRR tree (1..MAX_STEPS).

    Arguments and units: see the module docstring (prices per unit of the underlying, theta per
    year). Raises ValueError on non-finite input, spot or strike <= 0, vol < 0, bad steps.
    """
    shape, s, k, t, v, r, q, call = _prepare(
        spot, strike, years, vol, rate, dividend_yield, is_call
    )
    _check_steps(steps, t, v, r, q)
    n_steps = int(steps)
    if NUMBA_ENABLED:
        out = np.empty((_crr.N_OUTPUTS, s.shape[0]), dtype=np.float64)
        small = s.shape[0] * n_steps * n_steps // 2 < _crr.SERIAL_NODES
        kernel = _crr.kernel_serial if small else _crr.kernel_loop
        kernel(s, k, t, v, r, q, call, n_steps, out)
    else:
        out = _crr.kernel_numpy(s, k, t, v, r, q, call, n_steps)
    rows = [np.ascontiguousarray(out[j]).reshape(shape) for j in range(_crr.N_OUTPUTS)]
    return AmericanValues(*rows)


def baw_american(
    spot: ArrayLike,
    strike: ArrayLike,
    years: ArrayLike,
    vol: ArrayLike,
    rate: ArrayLike = 0.0,
    dividend_yield: ArrayLike = 0.0,
    is_call: ArrayLike = True,
    *,
    tolerance: float = BAW_TOLERANCE,
) -> FloatArray:
    """Barone-Adesi-Whaley American prices (per unit of the underlying), broadcast shape.

    Arguments: see the module docstring; `tolerance` stops the Newton search for the critical
    spot at `|LHS - RHS| / strike <= tolerance` (QUANTLIB_BAW_TOLERANCE = 1e-6 reproduces
    QuantLib's engine to ~1e-13). Raises ValueError on non-finite input, spot or strike <= 0,
    vol < 0, tolerance outside (0, 1).
    """
    shape, s, k, t, v, r, q, call = _prepare(
        spot, strike, years, vol, rate, dividend_yield, is_call
    )
    if not 0.0 < tolerance < 1.0:  # also refuses NaN
        raise ValueError("tolerance must lie in (0, 1)")
    if NUMBA_ENABLED:
        out = np.empty(s.shape[0], dtype=np.float64)
        kernel = _baw.kernel_serial if s.shape[0] < _baw.SERIAL_BELOW else _baw.kernel_loop
        kernel(s, k, t, v, r, q, call, float(tolerance), out)
    else:
        out = _baw.kernel_numpy(s, k, t, v, r, q, call, float(tolerance))
    tree = (r < 0.0) & (q < 0.0) & (t > 0.0) & (v > 0.0)
    if np.any(tree):  # BAW's quadratic fails there (puts above the strike): use the tree
        idx = np.flatnonzero(tree)
        picked = (s[idx], k[idx], t[idx], v[idx], r[idx], q[idx])
        out[idx] = crr_american(*picked, call[idx], steps=BAW_FALLBACK_STEPS).price
    return out.reshape(shape)
