"""Allocations by rule rather than by a solver: equal weights and inverse volatility, each
kept within the bounds.

A rule gives each asset a positive score (1 for equal weights, 1/sigma_i for inverse
volatility: DeMiguel, Garlappi & Uppal 2009 on 1/N; Maillard, Roncalli & Teiletche 2010 on
inverse volatility as risk parity's answer when assets are uncorrelated). The weights are
proportional to the scores where the bounds allow: w_i = clip(t * s_i, lower_i, upper_i), with
the one t at which they add up to 1 (the sum grows with t, from sum(lower) <= 1 at t = 0 to
sum(upper) >= 1). Without binding bounds that is s_i / sum(s) exactly.
"""

from __future__ import annotations

import numpy as np

from domain.analytics.optimization.bounds import WeightBounds, polish
from domain.analytics.optimization.problem import FloatArray

_BISECTIONS = 200  # halvings of the bracket on t: far past double precision


def proportional(scores: FloatArray, bounds: WeightBounds) -> FloatArray:
    """Weights proportional to the positive `scores` within `bounds`, adding up to 1."""
    if not np.all(np.isfinite(scores) & (scores > 0.0)):
        raise ValueError("every score must be positive and finite")
    exact: FloatArray = scores / scores.sum()
    if np.all(exact >= bounds.lower) and np.all(exact <= bounds.upper):
        return exact
    low, high = 0.0, 1.0 / float(scores.sum())
    while float(np.clip(high * scores, bounds.lower, bounds.upper).sum()) < 1.0:
        high *= 2.0
        if not np.isfinite(high):
            raise ValueError("the upper bounds add up to less than 1")
    for _ in range(_BISECTIONS):
        middle = 0.5 * (low + high)
        if float(np.clip(middle * scores, bounds.lower, bounds.upper).sum()) < 1.0:
            low = middle
        else:
            high = middle
    return polish(np.clip(high * scores, bounds.lower, bounds.upper), bounds)


def equal_weight(bounds: WeightBounds) -> FloatArray:
    """1/N, within the bounds."""
    return proportional(np.ones(bounds.lower.shape[0]), bounds)


def inverse_volatility(covariance: FloatArray, bounds: WeightBounds) -> FloatArray:
    """Weights proportional to 1 / sigma_i (sigma from the covariance's diagonal)."""
    return proportional(1.0 / np.sqrt(np.diag(covariance)), bounds)
