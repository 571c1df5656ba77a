"""Random draws of the regime-switching engine, chunk by chunk (reproducible, thread-count free).

Draw units (one antithetic pair, or one path when antithetic is off) are cut into chunks of
`CHUNK_UNITS` consecutive units. Chunk i draws from its own generator,
Generator(PCG64(SeedSequence(seed, spawn_key=(i,)))) -- the i-th child `SeedSequence(seed).spawn`
would give -- in this order:
1. z: standard normals, shape (units, T, A) (the diffusion shocks, C order);
2. u: uniforms on [0, 1), shape (units, T - 1) (the regime transitions after steps 0 .. T-2);
3. chi: chi-square(nu) draws, shape (units, T), only with Student-t shocks;
4. Merton jumps, only with a positive intensity: per (unit, asset) the number of jumps over the
   horizon ~ Poisson(lambda T dt), then for each jump (units, then assets, in order) a step
   uniform on 0 .. T-1, then each jump's log size ~ N(jump_mean, jump_std^2). Given the count,
   uniform independent placement makes the per-step counts i.i.d. Poisson(lambda dt): exactly the
   per-step Poisson law, at a cost proportional to the number of jumps, not to the path-steps;
5. black swans, only with a positive probability: per unit a Poisson(lambda_bs T dt) count, then
   a uniform step for each.
A chunk's draws depend only on (seed, i, the chunk's size, the model's switches), so the result
is the same whatever the number of threads or the batch size. The events of a unit are returned
as CSR arrays sorted by step (ptr[j] .. ptr[j+1] the events of unit j).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

CHUNK_UNITS = 256  # draw units per generator: part of the seed contract, do not change lightly


@dataclass(frozen=True, slots=True)
class DrawSpec:
    """What one chunk draws: sizes and the switches of the model (rates over the horizon)."""

    seed: int
    steps: int
    assets: int
    t_dof: float  # 0.0: normal shocks
    jump_count_mean: float  # lambda T dt per asset; 0.0: no jumps
    jump_mean: float
    jump_std: float
    swan_count_mean: float  # lambda_bs T dt per unit; 0.0: no black swans


@dataclass(slots=True)
class Batch:
    """The draws of consecutive chunks, laid out for the kernels (see the module doc)."""

    z: FloatArray
    u: FloatArray
    chi: FloatArray
    jump_ptr: IntArray
    jump_step: IntArray
    jump_asset: IntArray
    jump_size: FloatArray
    swan_ptr: IntArray
    swan_step: IntArray


@dataclass(slots=True)
class _Events:
    ptr_counts: IntArray  # events per unit
    step: IntArray
    asset: IntArray
    size: FloatArray


def _empty_events(units: int) -> _Events:
    none_i = np.zeros(0, dtype=np.int64)
    return _Events(np.zeros(units, dtype=np.int64), none_i, none_i, np.zeros(0))


def _chunk(
    spec: DrawSpec, index: int, z: FloatArray, u: FloatArray, chi: FloatArray
) -> tuple[_Events, _Events]:
    """Fill z, u, chi (views of the batch buffers) and draw the chunk's events."""
    sequence = np.random.SeedSequence(spec.seed, spawn_key=(index,))
    rng = np.random.Generator(np.random.PCG64(sequence))
    units = z.shape[0]
    rng.standard_normal(out=z)
    rng.random(out=u)
    if spec.t_dof > 0.0:
        chi[...] = rng.chisquare(spec.t_dof, size=chi.shape)
    jumps = _empty_events(units)
    if spec.jump_count_mean > 0.0:
        counts = rng.poisson(spec.jump_count_mean, size=(units, spec.assets)).astype(np.int64)
        total = int(counts.sum())
        step = rng.integers(0, spec.steps, size=total, dtype=np.int64)
        size = rng.normal(spec.jump_mean, spec.jump_std, size=total)
        unit = np.repeat(np.arange(units, dtype=np.int64), counts.sum(axis=1))
        asset = np.repeat(np.tile(np.arange(spec.assets, dtype=np.int64), units), counts.ravel())
        order = np.lexsort((step, unit))
        jumps = _Events(counts.sum(axis=1), step[order], asset[order], size[order])
    swans = _empty_events(units)
    if spec.swan_count_mean > 0.0:
        counts_u = np.asarray(rng.poisson(spec.swan_count_mean, size=units), dtype=np.int64)
        step = rng.integers(0, spec.steps, size=int(counts_u.sum()), dtype=np.int64)
        unit = np.repeat(np.arange(units, dtype=np.int64), counts_u)
        order = np.lexsort((step, unit))
        swans = _Events(counts_u, step[order], unit[order], np.zeros(0))
    return jumps, swans


def _ptr(counts: list[IntArray]) -> IntArray:
    per_unit = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    return np.concatenate(([0], np.cumsum(per_unit))).astype(np.int64)


def draw_batch(
    spec: DrawSpec, first_chunk: int, chunk_units: list[int], pool: ThreadPoolExecutor | None
) -> Batch:
    """Draw chunks first_chunk, first_chunk + 1, ... (their unit counts given), in parallel."""
    units = sum(chunk_units)
    z = np.empty((units, spec.steps, spec.assets))
    u = np.empty((units, max(spec.steps - 1, 0)))
    chi = np.empty((units, spec.steps) if spec.t_dof > 0.0 else (0, 0))
    starts = np.concatenate(([0], np.cumsum(chunk_units))).astype(int)

    def run(i: int) -> tuple[_Events, _Events]:
        lo, hi = int(starts[i]), int(starts[i + 1])
        chi_view = chi[lo:hi] if spec.t_dof > 0.0 else chi
        return _chunk(spec, first_chunk + i, z[lo:hi], u[lo:hi], chi_view)

    indices = range(len(chunk_units))
    results = list(pool.map(run, indices)) if pool is not None else [run(i) for i in indices]
    jumps = [r[0] for r in results]
    swans = [r[1] for r in results]
    return Batch(
        z=z,
        u=u,
        chi=chi,
        jump_ptr=_ptr([e.ptr_counts for e in jumps]),
        jump_step=np.concatenate([e.step for e in jumps]),
        jump_asset=np.concatenate([e.asset for e in jumps]),
        jump_size=np.concatenate([e.size for e in jumps]),
        swan_ptr=_ptr([e.ptr_counts for e in swans]),
        swan_step=np.concatenate([e.step for e in swans]),
    )
