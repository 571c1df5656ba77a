"""Page-locked host staging for large CUDA results, copied out to fresh arrays on threads.

Measured on an H200 host (16 cores) for the Greeks of 1,000,000 options: the kernel takes
0.1 ms, copying its 72 MB of results into a fresh NumPy array 25 ms, most of it the first
touch of the new pages on one thread; into page-locked memory the copy takes 1.4 ms. So a large
result goes to a page-locked buffer kept between calls and is then copied, one row per thread,
into the arrays the caller keeps (the page faults spread over the cores). Small results (under
`MIN_ELEMENTS` a row) are copied straight to a fresh array: there the threads cost more than
they save. The buffer grows to the largest request up to `limit_bytes` (larger ones take the
plain path) and is held for the life of the backend.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt

MIN_ELEMENTS = 65_536  # per row; below this, one pageable copy is as fast
DEFAULT_LIMIT_BYTES = 256 * 2**20

FloatArray = npt.NDArray[np.float64]


class HostStaging:
    """A page-locked float64 buffer reused across calls, and the copy-out of its rows."""

    def __init__(
        self,
        allocate: Callable[[int], Any],
        *,
        limit_bytes: int = DEFAULT_LIMIT_BYTES,
        threads: int | None = None,
    ) -> None:
        self._allocate = allocate  # n -> a 1-D float64 host array (cuda.pinned_array)
        self._limit = limit_bytes // 8
        self._buffer: Any = None
        self._threads = threads or os.cpu_count() or 1
        self._pool: ThreadPoolExecutor | None = None

    def take(self, rows: int, n: int) -> FloatArray | None:
        """A (rows, n) view of the buffer (grown if need be), or None where staging does not
        pay (a small n) or the request is over the limit. Valid until the next `take`."""
        size = rows * n
        if n < MIN_ELEMENTS or size > self._limit:
            return None
        if self._buffer is None or self._buffer.shape[0] < size:
            self._buffer = None  # free the old one before taking the larger
            self._buffer = self._allocate(size)
        view: FloatArray = self._buffer[:size].reshape(rows, n)
        return view

    def copy_out(self, staged: FloatArray, shape: tuple[int, ...]) -> list[FloatArray]:
        """Each row of `staged` as a new array of `shape`, the rows copied on threads."""
        rows = [np.empty(staged.shape[1], dtype=np.float64) for _ in range(staged.shape[0])]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(
                max_workers=min(self._threads, 16), thread_name_prefix="cuda-copy-out"
            )
        list(self._pool.map(np.copyto, rows, staged))  # copyto releases the GIL
        return [row.reshape(shape) for row in rows]
