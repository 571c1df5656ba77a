"""Exact sums of the kernel's realized rows (domain/tax/ledger_sums.py), in one pass.

Internal. For the rows where `chosen` holds, split by term (long: the row's flag), each money
column's value is added as two 31-bit halves (high = value >> 31, low = value & (2^31 - 1)), so
the int64 accumulators cannot wrap below 2^31 rows; likewise the absolute values; and the
smallest exponent (starting from 0, Decimal(0)'s). The caller recombines high x 2^31 + low.
"""

from __future__ import annotations

import numpy as np

from domain.jit import maybe_njit
from domain.tax._kstate import IntArray

_LOW = (1 << 31) - 1


@maybe_njit(cache=True)
def term_halves(
    c64: IntArray, c8: np.ndarray, chosen: np.ndarray, first: int, columns: int
) -> tuple[IntArray, IntArray]:
    """(sums, exponents): sums[term, 0] the row count, sums[term, 1 + 4 k .. 4 + 4 k] the high
    and low halves of column `first + k` and of its absolute value; exponents[term, k] the
    smallest exponent of column `first + k` (c8 holds the long-term flag in column 5)."""
    sums = np.zeros((2, 1 + 4 * columns), np.int64)
    exponents = np.zeros((2, columns), np.int64)
    for r in range(c64.shape[0]):
        if not chosen[r]:
            continue
        term = 1 if c8[r, 5] == 1 else 0
        sums[term, 0] += 1
        for k in range(columns):
            value = c64[r, first + k]
            magnitude = -value if value < 0 else value
            sums[term, 1 + 4 * k] += value >> 31
            sums[term, 2 + 4 * k] += value & _LOW
            sums[term, 3 + 4 * k] += magnitude >> 31
            sums[term, 4 + 4 * k] += magnitude & _LOW
            if c8[r, first + k] < exponents[term, k]:
                exponents[term, k] = c8[r, first + k]
    return sums, exponents
