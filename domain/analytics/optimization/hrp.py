"""Hierarchical risk parity's allocation step (López de Prado 2016, "Building Diversified
Portfolios that Outperform Out of Sample", J. Portfolio Management 42(4)).

The clustering that orders the assets (single linkage on the distance sqrt((1 - rho) / 2))
is the optimiser adapter's (SciPy); this is the recursive bisection over that order: split the
ordered list in halves, give each half its inverse-variance portfolio's variance V, and share
the parent's weight between the halves as 1 - V_left / (V_left + V_right) to the left.

Bounds (long-only): the left share `a` of a parent weight W is clipped to
[max(L_left, W - U_right) / W, min(U_left, W - L_right) / W], L and U the sums of the halves'
lower and upper bounds. When L_parent <= W <= U_parent this interval is never empty, and each
half's weight again lies within its own sums, so every leaf ends within its bounds and the
weights add up to 1 (the bisection's invariant; tests/unit/analytics/optimization checks it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.problem import FloatArray


def cluster_variance(covariance: FloatArray, members: Sequence[int]) -> float:
    """The variance of the cluster's inverse-variance portfolio."""
    sub = covariance[np.ix_(members, members)]
    inverse = 1.0 / np.diag(sub)
    weights = inverse / inverse.sum()
    return float(weights @ sub @ weights)


def recursive_bisection(
    covariance: FloatArray, order: Sequence[int], bounds: WeightBounds
) -> FloatArray:
    """HRP weights for the assets in `order` (the clustering's leaf order), within `bounds`."""
    weights = np.zeros(covariance.shape[0])
    lower, upper = bounds.lower, bounds.upper
    stack: list[tuple[list[int], float]] = [([int(i) for i in order], 1.0)]
    while stack:
        members, total = stack.pop()
        if len(members) == 1:
            weights[members[0]] = total
            continue
        half = len(members) // 2
        left, right = members[:half], members[half:]
        if total <= 0.0:
            stack += [(left, 0.0), (right, 0.0)]
            continue
        v_left = cluster_variance(covariance, left)
        v_right = cluster_variance(covariance, right)
        share = 1.0 - v_left / (v_left + v_right)
        low = max(float(lower[left].sum()), total - float(upper[right].sum())) / total
        high = min(float(upper[left].sum()), total - float(lower[right].sum())) / total
        share = min(max(share, low), high)
        stack += [(left, share * total), (right, (1.0 - share) * total)]
    return weights
