"""Cox-Ross-Rubinstein binomial kernels for American options (numba and NumPy paths).

Internal to `american.py`, which validates inputs and documents the conventions. Per option:
`dt = T / steps`, `dx = vol sqrt(dt)`, node (i, j) (step i, j up-moves) carries the spot
`S exp((2j - i) dx)`, the up-probability is `pu = 1/2 + (r - q - vol^2/2) dt / (2 dx)` (QuantLib's
`CoxRossRubinstein` tree) and each step discounts by `exp(-r dt)`. One backward pass over one
array of `steps + 1` values (plus `2 steps + 1` spot powers): O(steps) memory per option.

Output rows of `out` (4 x n): price, delta, gamma, theta (per year of calendar time passing).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from domain.jit import NUMBA_ENABLED, maybe_njit

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

N_OUTPUTS = 4  # price, delta, gamma, theta
SERIAL_NODES = 2_000_000  # below this many tree nodes in all, one thread beats starting many
BLOCK_CELLS = 2_000_000  # NumPy path: options per block x (2 steps + 1) stays below this


@maybe_njit(cache=True, error_model="numpy")
def deterministic(
    s: float, k: float, t: float, r: float, q: float, call: bool
) -> tuple[float, float, float]:
    """Expired (t <= 0) or zero-vol option: exact (price, delta, theta); gamma is 0.

    With no volatility the spot follows `S exp((r - q) tau)`, so the American value is the best
    discounted exercise over tau in [0, T]: `max g(tau)`, `g = +-(S e^{-q tau} - K e^{-r tau})`,
    found among tau = 0, tau = T and the stationary point of g. delta = +-e^{-q tau*} where the
    value is positive (+-1/2 at the money when expired), theta = -dV/dT (non-zero only when the
    best exercise is at T). Expired: the intrinsic value.
    """
    sign = 1.0 if call else -1.0
    if t <= 0.0:
        payoff = sign * (s - k)
        if payoff > 0.0:
            return payoff, sign, 0.0
        return 0.0, (0.5 * sign if payoff == 0.0 else 0.0), 0.0
    best_tau = 0.0
    best = sign * (s - k)
    if r != q and q * s != 0.0:
        ratio = r * k / (q * s)
        if ratio > 0.0:
            tau = math.log(ratio) / (r - q)
            if 0.0 < tau < t:
                inner = sign * (s * math.exp(-q * tau) - k * math.exp(-r * tau))
                if inner > best:
                    best, best_tau = inner, tau
    at_end = sign * (s * math.exp(-q * t) - k * math.exp(-r * t))
    if at_end > best:
        best, best_tau = at_end, t
    if best <= 0.0:
        return 0.0, 0.0, 0.0
    slope = sign * (r * k * math.exp(-r * t) - q * s * math.exp(-q * t))
    return best, sign * math.exp(-q * best_tau), (-slope if best_tau == t else 0.0)


@maybe_njit(cache=True, error_model="numpy")
def _tree_one(
    s: float,
    k: float,
    t: float,
    v: float,
    r: float,
    q: float,
    call: bool,
    steps: int,
    out: FloatArray,
    i: int,
) -> None:
    """Backward induction of one option (t > 0, v > 0); Greeks from the first nodes."""
    dt = t / steps
    dx = v * math.sqrt(dt)
    pu = 0.5 + 0.5 * (r - q - 0.5 * v * v) * dt / dx
    pd = 1.0 - pu
    disc = math.exp(-r * dt)
    sign = 1.0 if call else -1.0
    spots = np.empty(2 * steps + 1)  # spots[m + steps] = S exp(m dx), m = -steps..steps
    for m in range(2 * steps + 1):
        spots[m] = s * math.exp((m - steps) * dx)
    values = np.empty(steps + 1)
    for j in range(steps + 1):
        payoff = sign * (spots[2 * j] - k)
        values[j] = payoff if payoff > 0.0 else 0.0
    p2d = p2m = p2u = p1d = p1u = math.nan
    if steps == 2:
        p2d, p2m, p2u = values[0], values[1], values[2]
    elif steps == 1:
        p1d, p1u = values[0], values[1]
    for step in range(steps - 1, -1, -1):
        base = steps - step  # node j of this step sits at spots[base + 2 j]
        for j in range(step + 1):
            held = (pd * values[j] + pu * values[j + 1]) * disc
            exercised = sign * (spots[base + 2 * j] - k)
            values[j] = exercised if exercised > held else held
        if step == 2:
            p2d, p2m, p2u = values[0], values[1], values[2]
        elif step == 1:
            p1d, p1u = values[0], values[1]
    price = values[0]
    out[0, i] = price
    out[1, i] = (p1u - p1d) / (spots[steps + 1] - spots[steps - 1])
    if steps < 2:  # no second step: gamma and theta are not defined by the tree
        out[2, i] = math.nan
        out[3, i] = math.nan
        return
    s2u, s2d = spots[steps + 2], spots[steps - 2]
    delta_up = (p2u - p2m) / (s2u - s)
    delta_down = (p2m - p2d) / (s - s2d)
    out[2, i] = (delta_up - delta_down) / (0.5 * (s2u - s2d))
    out[3, i] = (p2m - price) / (2.0 * dt)


@maybe_njit(cache=True, error_model="numpy")
def _fill(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    steps: int,
    out: FloatArray,
    i: int,
) -> None:
    """Column `i` of `out`: the tree, or the exact value where t <= 0 or vol == 0."""
    if t[i] <= 0.0 or v[i] == 0.0:
        price, delta, theta = deterministic(s[i], k[i], t[i], r[i], q[i], call[i])
        out[0, i] = price
        out[1, i] = delta
        out[2, i] = 0.0
        out[3, i] = theta
    else:
        _tree_one(s[i], k[i], t[i], v[i], r[i], q[i], call[i], steps, out, i)


@maybe_njit(cache=True, parallel=True, error_model="numpy")
def kernel_loop(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    steps: int,
    out: FloatArray,
) -> None:
    """Fills `out` (N_OUTPUTS x n) option by option; numba spreads the options over cores."""
    for i in prange(s.shape[0]):
        _fill(s, k, t, v, r, q, call, steps, out, i)


@maybe_njit(cache=True, error_model="numpy")
def kernel_serial(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    steps: int,
    out: FloatArray,
) -> None:
    """`kernel_loop` on one thread: small batches, where starting the threads costs more."""
    for i in range(s.shape[0]):
        _fill(s, k, t, v, r, q, call, steps, out, i)


def _tree_block(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    steps: int,
) -> FloatArray:
    """The same backward induction for a block of options at once (NumPy, one row each)."""
    dt = (t / steps)[:, None]
    dx = v[:, None] * np.sqrt(dt)
    pu = 0.5 + 0.5 * (r[:, None] - q[:, None] - 0.5 * v[:, None] * v[:, None]) * dt / dx
    pd = 1.0 - pu
    disc = np.exp(-r[:, None] * dt)
    sign = np.where(call, 1.0, -1.0)[:, None]
    strike = k[:, None]
    spots = s[:, None] * np.exp(np.arange(-steps, steps + 1, dtype=np.float64)[None, :] * dx)
    values = np.maximum(sign * (spots[:, 0::2] - strike), 0.0)
    saved: dict[int, FloatArray] = {steps: values}
    for step in range(steps - 1, -1, -1):
        held = (pd * values[:, : step + 1] + pu * values[:, 1 : step + 2]) * disc
        base = steps - step
        exercised = sign * (spots[:, base : base + 2 * step + 1 : 2] - strike)
        values = np.where(exercised > held, exercised, held)
        if step in (1, 2):
            saved[step] = values
    nan = np.full(s.shape[0], np.nan)
    p1 = saved[1]
    price = values[:, 0]
    delta = (p1[:, 1] - p1[:, 0]) / (spots[:, steps + 1] - spots[:, steps - 1])
    if steps < 2:  # no second step: gamma and theta are not defined by the tree
        return np.stack([price, delta, nan, nan])
    p2 = saved[2]
    s2u, s2d = spots[:, steps + 2], spots[:, steps - 2]
    delta_up = (p2[:, 2] - p2[:, 1]) / (s2u - s)
    delta_down = (p2[:, 1] - p2[:, 0]) / (s - s2d)
    gamma = (delta_up - delta_down) / (0.5 * (s2u - s2d))
    theta = (p2[:, 1] - price) / (2.0 * dt[:, 0])
    result: FloatArray = np.stack([price, delta, gamma, theta])
    return result


def kernel_numpy(
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    v: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: BoolArray,
    steps: int,
) -> FloatArray:
    """The NumPy path: same inputs as `kernel_loop` (1-D, equal lengths), returns the
    N_OUTPUTS x n array. Trees run in blocks of BLOCK_CELLS / (2 steps + 1) options; degenerate
    options (t <= 0 or vol == 0) go through `deterministic` one by one."""
    n = s.shape[0]
    out = np.empty((N_OUTPUTS, n), dtype=np.float64)
    degenerate = (t <= 0.0) | (v == 0.0)
    for i in np.flatnonzero(degenerate):
        price, delta, theta = deterministic(s[i], k[i], t[i], r[i], q[i], bool(call[i]))
        out[:, i] = (price, delta, 0.0, theta)
    regular = np.flatnonzero(~degenerate)
    block = max(1, BLOCK_CELLS // (2 * steps + 1))
    for start in range(0, regular.shape[0], block):
        idx = regular[start : start + block]
        out[:, idx] = _tree_block(s[idx], k[idx], t[idx], v[idx], r[idx], q[idx], call[idx], steps)
    return out
