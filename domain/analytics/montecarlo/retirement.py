"""Retirement Monte Carlo in monthly steps.

Timeline and cash flows (all money in one currency unit, nominal unless named "real"):
- Month t = 1 .. H (H = `horizon_months`). Wealth W_0 = `initial_wealth`. In month t the
  portfolio earns its return first, then the month's cash flow lands at the end of the month:
  W_t = W_(t-1) * exp(x_t) + c_t.
- Accumulation: c_t = +`monthly_contribution` (nominal, constant) for t <= R
  (R = `retirement_month`, 0 <= R <= H).
- Decumulation: c_t = -`monthly_withdrawal` * (1 + pi) ** (t / 12) for t > R: the withdrawal is
  given in today's money and grows with the annual `inflation_rate` pi, compounded monthly.
- Ruin: the first month with W_t < 0. A ruined path stays at 0 from then on (absorbing).
  Success = the path never falls below 0 through month H.

Returns (the conversion from annual to monthly):
- `annual_return` mu is the expected simple annual return, E[1 + R_year] = 1 + mu, and
  `annual_volatility` sigma is the annual standard deviation of the log return.
- Monthly log returns x_t are i.i.d. with standard deviation s = sigma / sqrt(12) and mean
  m = ln(1 + mu) / 12 - s ** 2 / 2, so that under the normal model
  E[exp(x_1 + ... + x_12)] = exp(12 m + 12 s ** 2 / 2) = 1 + mu (lognormal gross returns).
  With zero volatility the monthly simple return is (1 + mu) ** (1 / 12) - 1.
- Student-t option (`student_t_dof` = nu > 2): x_t = m + s * T * sqrt((nu - 2) / nu) with T a
  standard Student-t draw, so x_t has the same mean and variance as the normal model but
  fatter tails (the gross-return mean is then not 1 + mu: exp of a t variable has no mean).

Outputs: success probability (and its binomial standard error), wealth percentiles
(5/25/50/75/95, nominal) at the end of every year (month 12 k, the last checkpoint at month H
when H is not a whole number of years; year 0 is W_0): fan chart data, the median ending
wealth, the cumulative probability of ruin by each checkpoint, and, when `target_wealth` is
given, P(W_H > target).

Random numbers, a pure function of the seed, never of the thread count, the chunk size
(`chunk_elements` path-months per chunk bounds the NumPy path's memory) or the engine (the numba
kernel or the NumPy reference, BULWARK_NUMBA=0 / use_numba=False: equal up to rounding):
- normal model: counter-based Box-Muller draws (`_normals`: SplitMix64-hashed counters keyed by
  numpy's SeedSequence(seed)); path i takes row i of the stream, so numba's threads each draw
  their own paths inside the kernel, with no array of shocks at all;
- Student-t model: streams of STREAM_PATHS paths, stream j numpy Generator(PCG64(SeedSequence
  (seed).spawn(...)[j])) drawing its paths' months in order, the streams on a thread pool.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from domain.analytics.montecarlo._normals import U64, normals_numpy, stream_key
from domain.analytics.montecarlo._retirement_kernels import (
    normal_paths_kernel,
    paths_kernel,
    paths_numpy,
)
from domain.jit import NUMBA_ENABLED

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

PERCENTILES: tuple[float, ...] = (5.0, 25.0, 50.0, 75.0, 95.0)
DEFAULT_CHUNK_ELEMENTS = 2_000_000  # path-months per chunk: 16 MB of float64 shocks
STREAM_PATHS = 1024  # Student-t: paths per random stream (fixed: draws must not depend on threads)


@dataclass(frozen=True, slots=True)
class RetirementResult:
    """What the simulation found; arrays are float64 unless named otherwise.

    checkpoint_months: int64 months of the checkpoints, 0, 12, 24, ..., H (length K + 1).
    wealth_percentiles: shape (5, K + 1), row i the `percentile_levels[i]` percentile of the
    nominal wealth at each checkpoint. ruin_probability: shape (K + 1,), the fraction of paths
    ruined at or before each checkpoint (0 at month 0).
    """

    paths: int
    horizon_months: int
    success_probability: float
    success_standard_error: float
    median_ending_wealth: float
    percentile_levels: tuple[float, ...]
    checkpoint_months: IntArray
    wealth_percentiles: FloatArray
    ruin_probability: FloatArray
    probability_above_target: float | None


def monthly_log_return_params(
    annual_return: float, annual_volatility: float
) -> tuple[float, float]:
    """(m, s): mean and standard deviation of the monthly log return (see the module doc)."""
    s = annual_volatility / math.sqrt(12.0)
    m = math.log1p(annual_return) / 12.0 - 0.5 * s * s
    return m, s


def cash_flows(
    horizon_months: int,
    retirement_month: int,
    monthly_contribution: float,
    monthly_withdrawal: float,
    inflation_rate: float,
) -> FloatArray:
    """c_1 .. c_H (index t - 1): contributions up to R, inflated withdrawals after (nominal)."""
    t = np.arange(1, horizon_months + 1, dtype=np.float64)
    inflated = monthly_withdrawal * (1.0 + inflation_rate) ** (t / 12.0)
    return np.where(t <= retirement_month, monthly_contribution, -inflated).astype(np.float64)


def checkpoints(horizon_months: int) -> IntArray:
    """Months 0, 12, 24, ... and H (the last, even when not a whole year)."""
    months = [*range(0, horizon_months, 12), horizon_months]
    return np.asarray(months, dtype=np.int64)


def _threads() -> int:
    """Threads for the streams: numba's thread count (NUMBA_NUM_THREADS) or the CPU count."""
    configured = os.environ.get("NUMBA_NUM_THREADS", "")
    return int(configured) if configured.isdigit() else (os.cpu_count() or 1)


def _validate(
    initial_wealth: float,
    monthly_contribution: float,
    monthly_withdrawal: float,
    retirement_month: int,
    horizon_months: int,
    annual_return: float,
    annual_volatility: float,
    inflation_rate: float,
    paths: int,
    student_t_dof: float | None,
    chunk_elements: int,
) -> None:
    named = {
        "initial_wealth": initial_wealth,
        "monthly_contribution": monthly_contribution,
        "monthly_withdrawal": monthly_withdrawal,
        "annual_return": annual_return,
        "annual_volatility": annual_volatility,
        "inflation_rate": inflation_rate,
    }
    for name, value in named.items():
        if not math.isfinite(value):
            raise ValueError(f"{name} must be finite, got {value!r}")
    if initial_wealth < 0 or monthly_contribution < 0 or monthly_withdrawal < 0:
        raise ValueError("initial_wealth, monthly_contribution, monthly_withdrawal must be >= 0")
    if horizon_months < 1:
        raise ValueError(f"horizon_months must be >= 1, got {horizon_months}")
    if not 0 <= retirement_month <= horizon_months:
        raise ValueError(f"retirement_month must be in [0, horizon_months], got {retirement_month}")
    if annual_return <= -1.0 or inflation_rate <= -1.0:
        raise ValueError("annual_return and inflation_rate must be > -1")
    if annual_volatility < 0:
        raise ValueError(f"annual_volatility must be >= 0, got {annual_volatility}")
    if paths < 1:
        raise ValueError(f"paths must be >= 1, got {paths}")
    if chunk_elements < 1:
        raise ValueError(f"chunk_elements must be >= 1, got {chunk_elements}")
    if student_t_dof is not None and not (math.isfinite(student_t_dof) and student_t_dof > 2):
        raise ValueError(f"student_t_dof must be > 2 (finite variance), got {student_t_dof}")


def _student_t_paths(
    dof: float,
    seed: int,
    m: float,
    sd: float,
    flows: FloatArray,
    initial_wealth: float,
    marks: IntArray,
    chunk: int,
    workers: int,
    numba_on: bool,
    at_marks: FloatArray,
    ruin: IntArray,
) -> None:
    """Student-t model: streams of STREAM_PATHS paths, each numpy Generator(PCG64(SeedSequence
    (seed).spawn(...)[j])) drawing its paths' months in order, in chunks of `chunk` paths; the
    streams run on `workers` threads (numpy's generators and the nogil kernel release the GIL)."""
    paths, horizon = ruin.shape[0], flows.shape[0]
    simulate = paths_kernel if numba_on else paths_numpy
    streams = np.random.SeedSequence(seed).spawn((paths + STREAM_PATHS - 1) // STREAM_PATHS)
    scale = math.sqrt((dof - 2) / dof)

    def run_stream(j: int) -> None:
        rng = np.random.Generator(np.random.PCG64(streams[j]))
        first, last = j * STREAM_PATHS, min(paths, (j + 1) * STREAM_PATHS)
        for start in range(first, last, chunk):
            stop = min(last, start + chunk)
            z = rng.standard_t(dof, (stop - start, horizon)) * scale
            simulate(
                z, m, sd, flows, initial_wealth, marks, at_marks[:, start:stop], ruin[start:stop]
            )

    if min(workers, len(streams)) > 1:
        with ThreadPoolExecutor(max_workers=min(workers, len(streams))) as pool:
            list(pool.map(run_stream, range(len(streams))))
    else:
        for j in range(len(streams)):
            run_stream(j)


def _fan(at_marks: FloatArray, workers: int) -> FloatArray:
    """Percentiles (PERCENTILES x checkpoints) of the wealth, the checkpoints split over threads
    (np.percentile releases the GIL while it partitions). Partitions `at_marks` in place (no
    copies): the caller reads nothing from it afterwards."""
    if workers <= 1 or at_marks.shape[1] < 10_000:
        fan = np.percentile(at_marks, PERCENTILES, axis=1, overwrite_input=True)
        return np.asarray(fan, dtype=np.float64)
    bounds = np.linspace(0, at_marks.shape[0], min(workers, at_marks.shape[0]) + 1).astype(int)
    parts = [at_marks[a:b] for a, b in pairwise(bounds)]
    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        pieces = pool.map(
            lambda rows: np.percentile(rows, PERCENTILES, axis=1, overwrite_input=True), parts
        )
        return np.asarray(np.concatenate(list(pieces), axis=1), dtype=np.float64)


def simulate_retirement(
    *,
    initial_wealth: float,
    monthly_contribution: float,
    retirement_month: int,
    monthly_withdrawal: float,
    horizon_months: int,
    annual_return: float,
    annual_volatility: float,
    inflation_rate: float = 0.0,
    student_t_dof: float | None = None,
    paths: int = 10_000,
    seed: int = 0,
    target_wealth: float | None = None,
    chunk_elements: int = DEFAULT_CHUNK_ELEMENTS,
    use_numba: bool | None = None,
) -> RetirementResult:
    """Simulate `paths` monthly wealth paths (conventions in the module doc).

    `use_numba` None follows BULWARK_NUMBA; False forces the NumPy reference.
    """
    _validate(
        initial_wealth,
        monthly_contribution,
        monthly_withdrawal,
        retirement_month,
        horizon_months,
        annual_return,
        annual_volatility,
        inflation_rate,
        paths,
        student_t_dof,
        chunk_elements,
    )
    numba_on = NUMBA_ENABLED if use_numba is None else (use_numba and NUMBA_ENABLED)
    m, sd = monthly_log_return_params(annual_return, annual_volatility)
    flows = cash_flows(
        horizon_months, retirement_month, monthly_contribution, monthly_withdrawal, inflation_rate
    )
    marks = checkpoints(horizon_months)
    chunk = max(1, chunk_elements // horizon_months)
    at_marks = np.empty((marks.shape[0], paths), dtype=np.float64)
    ruin = np.empty(paths, dtype=np.int64)
    workers = _threads() if numba_on else 1
    if student_t_dof is None:
        key = stream_key(seed)
        if numba_on:
            normal_paths_kernel(U64(key), m, sd, flows, initial_wealth, marks, at_marks, ruin)
        else:
            for start in range(0, paths, chunk):
                stop = min(paths, start + chunk)
                z = normals_numpy(key, start, stop - start, horizon_months)
                paths_numpy(
                    z,
                    m,
                    sd,
                    flows,
                    initial_wealth,
                    marks,
                    at_marks[:, start:stop],
                    ruin[start:stop],
                )
    else:
        _student_t_paths(
            student_t_dof,
            seed,
            m,
            sd,
            flows,
            initial_wealth,
            marks,
            chunk,
            workers,
            numba_on,
            at_marks,
            ruin,
        )
    success = float(np.mean(ruin > horizon_months))
    ruin_by_mark = np.asarray([float(np.mean(ruin <= month)) for month in marks], dtype=np.float64)
    above = None if target_wealth is None else float(np.mean(at_marks[-1] > target_wealth))
    median_ending = float(np.median(at_marks[-1]))
    fan = _fan(at_marks, workers)  # partitions at_marks in place: read last
    return RetirementResult(
        paths=paths,
        horizon_months=horizon_months,
        success_probability=success,
        success_standard_error=math.sqrt(success * (1.0 - success) / paths),
        median_ending_wealth=median_ending,
        percentile_levels=PERCENTILES,
        checkpoint_months=marks,
        wealth_percentiles=np.asarray(fan, dtype=np.float64),
        ruin_probability=ruin_by_mark,
        probability_above_target=above,
    )
