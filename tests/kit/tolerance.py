"""How close a computed statistic may be asked to come to its exact value on any x86-64 CPU.

Floating-point addition is not associative, and the order of a reduction is not the test's to
choose: OpenBLAS picks its kernels by CPU (Haswell, SkylakeX, Sandybridge, ...), each blocking and
vectorising a dot product or a matrix product its own way, and fused multiply-adds round once
where two instructions round twice. So the last bits of a covariance, a quadratic form or a
solve differ from one machine to the next, and a tolerance measured on one machine is a guess.
A test's tolerance is instead the computation's worst-case error bound (Higham, *Accuracy and
Stability of Numerical Algorithms*, 2nd ed., section 3.1): a sum or dot product of n terms,
in any order, is off by at most gamma_n = n*u / (1 - n*u) times the sum of the terms'
magnitudes, u = eps / 2 the unit roundoff. The functions here give that bound with a factor
of two to spare (n * eps rather than n * u), from two things the test knows: the scale of the
terms and how many of them a result sums. `make kernels` (tools/blas_kernels.py) runs the tests
that go through BLAS under every core type this CPU can run, so a bound that is too tight shows.

A bound derived this way still catches a wrong formula: a wrong sign, a missing term or a
divisor of n instead of n - 1 moves a result by a fraction of its scale, orders of magnitude
above n * eps of it.
"""

from __future__ import annotations

import math

import numpy as np

EPS = float(np.finfo(np.float64).eps)  # 2.22e-16, the spacing of doubles at 1.0


def summed(scale: float, terms: int) -> float:
    """The absolute error of a sum of `terms` terms (a dot product, a mean, a covariance
    entry, one entry of a matrix product) whose magnitudes add up to at most `scale`, whatever
    order and kernel the sum took: terms * eps * scale."""
    if terms < 1 or scale < 0:
        raise ValueError(f"a sum needs at least one term and a scale >= 0, got {terms}, {scale}")
    return terms * EPS * scale


def cancelled_root(scale: float, terms: int) -> float:
    """The absolute error of sqrt(v) where v (a variance) cancels to zero exactly but is
    computed from `terms` terms of size scale**2, e.g. the volatility of a hedged pair,
    sqrt(w' S w) with the covariances of size sigma_i * sigma_j. The computed v carries up
    to summed(scale**2, terms) = terms * eps * scale**2 of rounding, and its square root turns
    that into sqrt(terms * eps) * scale: about 1e-7 of the scale for tens of terms, not eps."""
    return math.sqrt(summed(scale * scale, terms))
