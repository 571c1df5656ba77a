"""numba.cuda kernels for the CUDA compute backend (compute_cuda.py launches them).

One formula, two targets: where the domain has a scalar kernel (`bsm._one`, a `maybe_njit`
function), the GPU compiles the same Python source as a CUDA device function
(`device_function`): its own calls to other numba functions (e.g. `bsm._norm_cdf`) compile for
the device too. So the CPU and the GPU evaluate the same expressions, and differ only by the
last bits of the math library (libdevice vs the CPU's libm).

Monte Carlo uses numba.cuda.random's xoroshiro128+ generators, one state per thread (per path),
seeded from the request's seed: results are reproducible on a GPU but are not the CPU's draws
(numpy PCG64), so CPU and GPU agree within standard errors, not bit for bit.

Kernels are compiled once per process on first use, not cached on disk: numba's cache keys on
the kernel's own file, and would keep a stale copy of a domain formula edited elsewhere.

Every kernel also runs under the numba.cuda simulator (NUMBA_ENABLE_CUDASIM=1), which is how
the tests check them on machines without a GPU.
"""

# numba.cuda ships no type information: its decorators and kernels are Any here.
# mypy: disable-error-code="misc, no-any-return"

from __future__ import annotations

import importlib
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from domain.analytics.options import bsm
from domain.analytics.options import implied_vol as iv

cuda: Any = importlib.import_module("numba.cuda")
_random: Any = importlib.import_module("numba.cuda.random")
xoroshiro128p_normal_float64 = _random.xoroshiro128p_normal_float64
xoroshiro128p_uniform_float64 = _random.xoroshiro128p_uniform_float64

# The simulator runs every thread of a block as a Python thread: small blocks run it ~6x faster.
SIMULATED = importlib.import_module("numba.core.config").ENABLE_CUDASIM != 0
THREADS_PER_BLOCK = 32 if SIMULATED else 256
# numba-cuda warns on every launch of fewer blocks than ~2 per multiprocessor ("Grid size N will
# likely result in GPU under-utilization"): a small request is meant to be small, and the warning
# would fill the service's log with one line per request of fewer than ~70,000 options or paths.


def quiet_small_launches() -> None:
    """Silence numba-cuda's low-occupancy warning (see above); called when this module loads."""
    warnings.filterwarnings(
        "ignore", message=r".*Grid size \d+ will likely result in GPU under-utilization"
    )


quiet_small_launches()
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def device_function(function: Callable[..., Any]) -> Any:
    """A domain scalar kernel (njit dispatcher or, with BULWARK_NUMBA=0, plain Python) as a
    CUDA device function compiled from the same source."""
    return cuda.jit(device=True)(getattr(function, "py_func", function))


def seed_states(n: int, seed: int) -> npt.NDArray[Any]:
    """n xoroshiro128+ states (numba.cuda.random's layout) seeded by splitmix64 from `seed`.

    Stream i takes outputs 2i and 2i+1 of the splitmix64 sequence started at `seed`, the
    seeding xoroshiro's authors recommend; vectorised on the host in microseconds, where
    numba's own initialiser jumps 2**64 steps per stream (and takes seconds to compile under
    the simulator). A given (n, seed) always gives the same states.
    """
    if not 0 <= seed < 2**64:
        raise ValueError(f"seed must be in [0, 2**64), got {seed}")
    k = np.arange(1, 2 * n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + k * _GOLDEN  # wraps modulo 2**64, as splitmix64 does
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    states = np.empty(n, dtype=_random.xoroshiro128p_dtype)
    states["s0"] = z[0::2]
    states["s1"] = z[1::2]
    zero = (states["s0"] == 0) & (states["s1"] == 0)  # the one state xoroshiro cannot leave
    states["s0"][zero] = 1
    return states


def create_states(n: int, seed: int) -> Any:
    """`seed_states` copied to the device."""
    return cuda.to_device(seed_states(n, seed))


def blocks_for(n: int) -> int:
    """Blocks of THREADS_PER_BLOCK threads covering n elements (at least one)."""
    return max(1, (n + THREADS_PER_BLOCK - 1) // THREADS_PER_BLOCK)


# ---------------------------------------------------------------- Black-Scholes-Merton Greeks

_bsm_one = device_function(bsm._one)


@cuda.jit
def greeks_kernel(s: Any, k: Any, t: Any, v: Any, r: Any, q: Any, call: Any, out: Any) -> None:
    """One thread per option: `bsm._one` fills column i of `out` (bsm.N_OUTPUTS x n)."""
    i = cuda.grid(1)
    if i < s.shape[0]:
        _bsm_one(s[i], k[i], t[i], v[i], r[i], q[i], call[i], out, i)


# ---------------------------------------------------------------- implied volatility

_iv_one = device_function(iv._one)


@cuda.jit
def implied_vol_kernel(
    p: Any,
    s: Any,
    k: Any,
    t: Any,
    r: Any,
    q: Any,
    call: Any,
    max_iterations: int,
    vol: Any,
    reason: Any,
) -> None:
    """One thread per option: `implied_vol._one` (Let's Be Rational) for option i."""
    i = cuda.grid(1)
    if i < p.shape[0]:
        value, code = _iv_one(p[i], s[i], k[i], t[i], r[i], q[i], call[i], max_iterations)
        vol[i] = value
        reason[i] = code


# ---------------------------------------------------------------- random draws on the device


@cuda.jit(device=True)
def standard_gamma(states: Any, i: int, shape: float) -> float:
    """Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang 2000), from thread i's generator."""
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = xoroshiro128p_normal_float64(states, i)
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = xoroshiro128p_uniform_float64(states, i)
        if u < 1.0 - 0.0331 * x * x * x * x:
            return d * v
        if u > 0.0 and math.log(u) < 0.5 * x * x + d * (1.0 - v + math.log(v)):
            return d * v


@cuda.jit(device=True)
def standard_t(states: Any, i: int, dof: float) -> float:
    """A Student-t draw with `dof` > 2 degrees of freedom: Z / sqrt(chi2(dof) / dof)."""
    z = xoroshiro128p_normal_float64(states, i)
    chi2 = 2.0 * standard_gamma(states, i, 0.5 * dof)
    return z / math.sqrt(chi2 / dof)


@cuda.jit(device=True)
def shock(states: Any, i: int, dof: float, t_scale: float) -> float:
    """A unit-variance shock: standard normal when dof <= 0, else t(dof) * t_scale."""
    if dof > 0.0:
        return standard_t(states, i, dof) * t_scale
    return xoroshiro128p_normal_float64(states, i)


# ---------------------------------------------------------------- retirement Monte Carlo


@cuda.jit
def retirement_kernel(
    states: Any,
    m: float,
    s: float,
    dof: float,
    t_scale: float,
    flows: Any,
    initial_wealth: float,
    marks: Any,
    at_marks: Any,
    ruin: Any,
) -> None:
    """One thread per path, the recursion of `retirement._paths_kernel`.

    Month t: W_t = W_(t-1) exp(m + s x_t) + flows[t-1]; ruined (and 0 from then on) the first
    month W_t < 0. Writes the wealth at the checkpoint months `marks` into at_marks[:, path]
    (checkpoint-major, so neighbouring threads write neighbouring addresses) and the ruin
    month into ruin[path] (H + 1 when never ruined). No draws are spent after ruin.
    """
    i = cuda.grid(1)
    if i >= ruin.shape[0]:
        return
    horizon = flows.shape[0]
    n_marks = marks.shape[0]
    wealth = initial_wealth
    ruined_at = horizon + 1
    at_marks[0, i] = initial_wealth
    k = 1
    for t in range(1, horizon + 1):
        if ruined_at <= horizon:
            wealth = 0.0
        else:
            x = m + s * shock(states, i, dof, t_scale)
            wealth = wealth * math.exp(x) + flows[t - 1]
            if wealth < 0.0:
                ruined_at = t
                wealth = 0.0
        if k < n_marks and marks[k] == t:
            at_marks[k, i] = wealth
            k += 1
    ruin[i] = ruined_at
