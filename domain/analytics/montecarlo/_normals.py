"""Counter-based standard normal draws that vectorise: draw i of a stream is a pure function of
(key, row), so any thread can draw any rows and the result never depends on threads or chunks.

Uniforms: the SplitMix64 finaliser (Steele, Lea & Flood 2014; the generator that seeds
xoshiro) applied to key + (c + 1) * 0x9E3779B97F4A7C15 for counter c, top 53 bits. Normals:
Box-Muller: pair j takes the uniforms (u1, u2) of counters 2j, 2j + 1, r = sqrt(-2 ln u1)
(u1 in (0, 1], so r is finite), and gives r cos(2 pi u2) and r sin(2 pi u2). Draws are laid out
by rows (a Monte Carlo path's months): see `fill_row`.

Two implementations of the same numbers: `fill_normals` (numba; branch-free, the polynomial
log of `_vecmath` and the sin/cos here, so the loop runs SIMD) and `normals_numpy` (NumPy
uint64 arithmetic and np.log / np.cos / np.sin): equal up to a few ulp (the math functions).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from domain.analytics import _vecmath as _vm
from domain.jit import NUMBA_ENABLED, maybe_njit

FloatArray = npt.NDArray[np.float64]
U64 = np.uint64
GOLDEN = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
TWO_POW_M53 = 2.0**-53
TWO_PI = 2.0 * math.pi


def stream_key(seed: int) -> int:
    """The 64-bit key of a seed's stream (NumPy's SeedSequence: well-mixed for nearby seeds)."""
    return int(np.random.SeedSequence(seed).generate_state(1, dtype=np.uint64)[0])


@maybe_njit(cache=True, inline="always", error_model="numpy")
def _mix(key: np.uint64, counter: np.uint64) -> np.uint64:
    z = key + (counter + U64(1)) * U64(GOLDEN)
    z = (z ^ (z >> U64(30))) * U64(MIX1)
    z = (z ^ (z >> U64(27))) * U64(MIX2)
    return z ^ (z >> U64(31))


if not NUMBA_ENABLED:  # plain Python: the same hash on Python ints (no uint64 overflow warnings)
    _MASK = (1 << 64) - 1

    def _mix(key: np.uint64, counter: np.uint64) -> np.uint64:
        z = (int(key) + (int(counter) + 1) * GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * MIX1) & _MASK
        z = ((z ^ (z >> 27)) * MIX2) & _MASK
        return U64(z ^ (z >> 31))


# sin p = p - p^3 S(-p^2) and cos p = 1 - p^2 C(-p^2), S and C their Taylor series to p^15
# and p^16: 1/15!, 1/13!, ..., 1/3! and 1/16!, 1/14!, ..., 1/2! (each factorial exact in a double)
_SIN_TAYLOR = tuple(1.0 / math.factorial(k) for k in range(15, 2, -2))
_COS_TAYLOR = tuple(1.0 / math.factorial(k) for k in range(16, 1, -2))


@maybe_njit(cache=True, inline="always", error_model="numpy")
def _cos_sin_turn(u: float) -> tuple[float, float]:
    """(cos 2 pi u, sin 2 pi u) for u in [0, 1): octant reduction, Taylor polynomials on
    [-pi/4, pi/4] (truncation < 5e-17), branch-free."""
    x = u - math.floor(u + 0.5)  # in [-0.5, 0.5), exact
    n = math.floor(4.0 * x + 0.5)  # quarter turns, -2 .. 2
    p = TWO_PI * (x - 0.25 * n)  # in [-pi/4, pi/4]
    p2 = p * p
    sin_p = p - p * p2 * _vm.horner(-p2, _SIN_TAYLOR)
    cos_p = 1.0 - p2 * _vm.horner(-p2, _COS_TAYLOR)
    # rotate by n quarter turns (n in -2 .. 2): float compares and selects only
    odd = abs(n) == 1.0
    base_c = sin_p if odd else cos_p
    base_s = cos_p if odd else sin_p
    neg_c = (n > 0.5) | (n < -1.5)  # n in {1, 2, -2}
    neg_s = (n > 1.5) | (n < -0.5)  # n in {2, -2, -1}
    return (-base_c if neg_c else base_c), (-base_s if neg_s else base_s)


@maybe_njit(cache=True, inline="always", error_model="numpy")
def _pair(key: np.uint64, j: np.uint64) -> tuple[float, float]:
    """Normals 2j and 2j + 1 of the stream."""
    a = _mix(key, U64(2) * j)
    b = _mix(key, U64(2) * j + U64(1))
    u1 = float((a >> U64(11)) + U64(1)) * TWO_POW_M53  # (0, 1]
    u2 = float(b >> U64(11)) * TWO_POW_M53  # [0, 1)
    r = math.sqrt(-2.0 * _vm.log(u1))
    cos_t, sin_t = _cos_sin_turn(u2)
    return r * cos_t, r * sin_t


@maybe_njit(cache=True, error_model="numpy")
def fill_row(key: np.uint64, row: np.uint64, out: FloatArray) -> None:
    """The normals of one row (a path) of n = out.shape[0] draws: with h = ceil(n / 2), pair j
    of the row (stream pair row * h + j) gives out[j] (cos) and out[h + j] (sin, if < n)."""
    n = out.shape[0]
    h = (n + 1) // 2
    base = row * U64(h)
    cos_half = out[:h]  # two views: LLVM vectorises two unit-stride stores, not out[h + j]
    sin_half = out[h:]
    for j in range(n // 2):
        z0, z1 = _pair(key, base + U64(j))
        cos_half[j] = z0
        sin_half[j] = z1
    if n % 2 == 1:
        z0, _ = _pair(key, base + U64(h - 1))
        out[h - 1] = z0


def normals_numpy(key: int, first_row: int, rows: int, n: int) -> FloatArray:
    """The same draws as `fill_row` for rows first_row .. first_row + rows - 1, (rows, n)."""
    h = (n + 1) // 2
    j = np.arange(first_row * h, (first_row + rows) * h, dtype=np.uint64)
    with np.errstate(over="ignore"):

        def mix(counter: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
            z = U64(key) + (counter + U64(1)) * U64(GOLDEN)
            z = (z ^ (z >> U64(30))) * U64(MIX1)
            z = (z ^ (z >> U64(27))) * U64(MIX2)
            return z ^ (z >> U64(31))

        a = mix(U64(2) * j)
        b = mix(U64(2) * j + U64(1))
    u1 = ((a >> U64(11)) + U64(1)).astype(np.float64) * TWO_POW_M53
    u2 = (b >> U64(11)).astype(np.float64) * TWO_POW_M53
    r = np.sqrt(-2.0 * np.log(u1))
    angle = TWO_PI * u2
    out = np.empty((rows, 2 * h), dtype=np.float64)
    out[:, :h] = (r * np.cos(angle)).reshape(rows, h)
    out[:, h:] = (r * np.sin(angle)).reshape(rows, h)
    return out[:, :n]
