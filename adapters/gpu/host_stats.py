"""Summary statistics of GPU results taken on the host, split over threads.

A Monte Carlo kernel on the GPU finishes in about a millisecond; NumPy's percentiles of its
paths at each checkpoint, on one thread, took most of the call (docs/compute.md, measured on
an H100). `np.percentile` releases the GIL while it partitions, so the checkpoints are shared
out over threads; the numbers are np.percentile's own, row for row.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
MIN_COLUMNS = 10_000  # below this, one thread is as fast


def row_percentiles(
    rows: FloatArray, levels: Sequence[float], threads: int | None = None
) -> FloatArray:
    """`np.percentile(rows, levels, axis=1)` (levels x rows), the rows split over `threads`
    (default: the CPU count). Partitions `rows` in place: read nothing from it afterwards."""
    workers = min(threads or os.cpu_count() or 1, rows.shape[0])
    if workers <= 1 or rows.shape[1] < MIN_COLUMNS:
        return np.asarray(np.percentile(rows, levels, axis=1, overwrite_input=True), np.float64)
    bounds = np.linspace(0, rows.shape[0], workers + 1).astype(int)
    parts = [rows[a:b] for a, b in pairwise(bounds)]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gpu-stats") as pool:
        pieces = list(
            pool.map(lambda p: np.percentile(p, levels, axis=1, overwrite_input=True), parts)
        )
    return np.asarray(np.concatenate(pieces, axis=1), np.float64)
