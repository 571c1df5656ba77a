"""Ledoit-Wolf shrinkage of a sample covariance towards a scaled identity.

Ledoit & Wolf (2004), "A well-conditioned estimator for large-dimensional covariance
matrices", J. Multivariate Analysis 88(2), 365-411: the estimator
(1 - d) S + d m I, with S the sample covariance (divisor T, the returns demeaned), m its mean
variance trace(S) / n, and the intensity d = min(b, g) / g in [0, 1] that minimises the
expected Frobenius loss, where g = ||S - m I||^2 / n and b = (1 / (n T^2)) sum_t
||x_t x_t' - S||^2 (estimated as in the paper's Lemma 3.4).

Written out here (a closed form, no solver) rather than imported from scikit-learn, whose
import pulls in scipy.stats and more: 7-15 s on a shared two-core machine, more than a request's
compute budget. tests/unit/analytics/optimization checks it against scikit-learn's `ledoit_wolf`
to 1e-12.
"""

from __future__ import annotations

import numpy as np

from domain.analytics.optimization.problem import FloatArray


def ledoit_wolf(returns: FloatArray) -> tuple[FloatArray, float]:
    """The shrunk covariance per period of T x n `returns` and its intensity d in [0, 1]."""
    observations, assets = returns.shape
    x = returns - returns.mean(axis=0)
    sample = x.T @ x / observations
    mean_variance = float(np.trace(sample)) / assets
    squares = x**2
    # b: the variance of the sample covariance's entries (Lemma 3.4), summed.
    spread = float(np.sum(squares.T @ squares)) / observations
    frobenius = float(np.sum(sample**2))
    b = (spread - frobenius) / (assets * observations)
    # g: the distance of S from the target m I.
    g = frobenius - 2.0 * mean_variance * float(np.trace(sample)) + assets * mean_variance**2
    g /= assets
    intensity = 0.0 if g == 0.0 else min(b, g) / g
    shrunk: FloatArray = (1.0 - intensity) * sample
    shrunk[np.diag_indices(assets)] += intensity * mean_variance
    return shrunk, intensity
