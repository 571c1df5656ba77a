"""The retirement Monte Carlo's path kernels (see `retirement` for the model and the draws):
the NumPy reference and the numba kernels, which compute the same recursion."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from domain.analytics import _vecmath as _vm
from domain.analytics.montecarlo._normals import fill_row
from domain.jit import NUMBA_ENABLED, maybe_njit

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

BLOCK_PATHS = 256  # normal model: paths per parallel task of the numba kernel


def paths_numpy(
    z: FloatArray,
    m: float,
    sd: float,
    flows: FloatArray,
    initial_wealth: float,
    marks: IntArray,
    at_marks: FloatArray,
    ruin: IntArray,
) -> None:
    """NumPy reference: vectorized over paths, a loop over months. Log returns m + sd z.

    Writes wealth at the checkpoints into `at_marks` (K + 1, n) and the ruin month of each
    path into `ruin` (H + 1 when never ruined).
    """
    n, horizon = z.shape
    wealth = np.full(n, initial_wealth, dtype=np.float64)
    ruin[:] = horizon + 1
    at_marks[0] = initial_wealth
    k = 1
    growth = np.exp(m + sd * z)
    for t in range(1, horizon + 1):
        wealth = wealth * growth[:, t - 1] + flows[t - 1]
        fresh = (wealth < 0.0) & (ruin > horizon)
        ruin[fresh] = t
        wealth[ruin <= t] = 0.0
        if k < marks.shape[0] and marks[k] == t:
            at_marks[k] = wealth
            k += 1


@maybe_njit(cache=True, inline="always", error_model="numpy")
def walk(
    growth: FloatArray,
    flows: FloatArray,
    initial_wealth: float,
    marks: IntArray,
    at_marks: FloatArray,
    ruin: IntArray,
    i: int,
) -> None:  # pragma: no cover - compiled (the NumPy twin is tested too)
    """Path i's wealth recursion over its monthly growth factors (as in `paths_numpy`)."""
    horizon = growth.shape[0]
    n_marks = marks.shape[0]
    wealth = initial_wealth
    ruined_at = horizon + 1
    at_marks[0, i] = initial_wealth
    k = 1
    for t in range(1, horizon + 1):
        if ruined_at <= horizon:
            wealth = 0.0
        else:
            wealth = wealth * growth[t - 1] + flows[t - 1]
            if wealth < 0.0:
                ruined_at = t
                wealth = 0.0
        if k < n_marks and marks[k] == t:
            at_marks[k, i] = wealth
            k += 1
    ruin[i] = ruined_at


@maybe_njit(cache=True, nogil=True, error_model="numpy")
def paths_kernel(
    z: FloatArray,
    m: float,
    sd: float,
    flows: FloatArray,
    initial_wealth: float,
    marks: IntArray,
    at_marks: FloatArray,
    ruin: IntArray,
) -> None:  # pragma: no cover - compiled (the NumPy twin is tested too)
    """The same recursion as `paths_numpy` on given shocks, path by path (numba, releases the
    GIL): per path the growth factors exp(m + sd z) first (a SIMD loop), then the recursion."""
    n, horizon = z.shape
    growth = np.empty(horizon, dtype=np.float64)
    for i in range(n):
        row = z[i]
        for t in range(horizon):
            growth[t] = _vm.exp(m + sd * row[t])
        walk(growth, flows, initial_wealth, marks, at_marks, ruin, i)


@maybe_njit(cache=True, parallel=True, error_model="numpy")
def normal_paths_kernel(
    key: np.uint64,
    m: float,
    sd: float,
    flows: FloatArray,
    initial_wealth: float,
    marks: IntArray,
    at_marks: FloatArray,
    ruin: IntArray,
) -> None:  # pragma: no cover - compiled (the NumPy twin is tested too)
    """Normal model, draws included: blocks of paths over numba's threads; path i draws row i
    of the counter-based stream `key` (so the result ignores the thread count)."""
    paths = ruin.shape[0]
    horizon = flows.shape[0]
    blocks = (paths + BLOCK_PATHS - 1) // BLOCK_PATHS
    for b in prange(blocks):
        z = np.empty(horizon, dtype=np.float64)
        growth = np.empty(horizon, dtype=np.float64)
        for i in range(b * BLOCK_PATHS, min(paths, (b + 1) * BLOCK_PATHS)):
            fill_row(key, np.uint64(i), z)
            for t in range(horizon):
                growth[t] = _vm.exp(m + sd * z[t])
            walk(growth, flows, initial_wealth, marks, at_marks, ruin, i)
