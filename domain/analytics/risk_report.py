"""A VaR / CVaR report of one sample: several methods, several confidence levels, a horizon.

Everything is computed by domain/analytics/risk_measures.py, whose conventions apply:
- the sample holds one-period outcomes (returns as fractions, or P&L in money), gains
  positive; VaR and CVaR are losses, positive, in the unit of the sample;
- `historical`: the k-th worst outcome, k = ceil(n (1 - c)), and the mean of the k worst;
- `parametric_normal`: N(mean, std^2) with the sample mean and std (n - 1);
- `cornish_fisher`: the normal quantile corrected for the sample skewness and excess
  kurtosis, and the tail mean of that corrected quantile (CVaR); a sample without dispersion
  has no skewness, and is taken as S = K = 0 (the figures are then -mean, as for every method);
- horizon: every one-period figure is multiplied by sqrt(horizon) (square root of time:
  i.i.d. outcomes that add up, zero mean; exact for i.i.d. normal zero-mean outcomes, an
  approximation otherwise -- the mean is scaled with the rest, not by h);
- Hill tail index of the losses with k = floor(sqrt(m)) of the m losses, when m >= 10.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from domain.analytics import risk_measures as rm

HISTORICAL = "historical"
PARAMETRIC_NORMAL = "parametric_normal"
CORNISH_FISHER = "cornish_fisher"
METHODS = (HISTORICAL, PARAMETRIC_NORMAL, CORNISH_FISHER)
DEFAULT_CONFIDENCES = (0.95, 0.99)


@dataclass(frozen=True, slots=True)
class MethodRisk:
    """VaR and CVaR of one method at one confidence: over the horizon and for one period."""

    method: str
    confidence: float
    var: float
    cvar: float
    one_period_var: float
    one_period_cvar: float


@dataclass(frozen=True, slots=True)
class SampleMoments:
    """Mean, sample std (n - 1), skewness m3 / m2^1.5 and excess kurtosis m4 / m2^2 - 3."""

    mean: float
    std: float
    skewness: float
    excess_kurtosis: float


@dataclass(frozen=True, slots=True)
class HillEstimate:
    """alpha = 1 / xi from the k largest of `losses` losses; P(loss > x) ~ x^-alpha."""

    alpha: float
    xi: float
    k: int
    losses: int
    k_rule: str = rm.HILL_K_RULE


@dataclass(frozen=True, slots=True)
class RiskReport:
    """`rows`: one per (confidence, method), confidences in the order asked, then methods."""

    observations: int
    horizon: int
    rows: tuple[MethodRisk, ...]
    moments: SampleMoments
    tail: HillEstimate | None
    worst: float
    best: float


def moments_of(sample: np.ndarray) -> SampleMoments:
    """Moments of a finite sample of at least two outcomes; S = K = 0 without dispersion."""
    values = np.asarray(sample, dtype=np.float64)
    try:
        mean, std, skew, kurt = rm.sample_moments(values)
    except ValueError:
        if values.size < 2:
            raise
        return SampleMoments(float(np.mean(values)), 0.0, 0.0, 0.0)
    return SampleMoments(mean, std, skew, kurt)


def hill_estimate(sample: np.ndarray) -> HillEstimate | None:
    """The Hill estimate with the default k, or None (fewer than 10 losses, or a flat tail)."""
    k = rm.hill_k(sample)
    if k is None:
        return None
    try:
        alpha = rm.hill_tail_index(sample, k)
    except ValueError:
        return None
    return HillEstimate(
        alpha=alpha, xi=1.0 / alpha, k=k, losses=int(np.count_nonzero(np.asarray(sample) < 0.0))
    )


def risk_report(
    sample: Sequence[float] | np.ndarray,
    confidences: Sequence[float] = DEFAULT_CONFIDENCES,
    *,
    horizon: int = 1,
    methods: Sequence[str] = METHODS,
) -> RiskReport:
    """VaR / CVaR per confidence and method, scaled by sqrt(horizon) (see the module doc).

    ValueError for an empty, non-finite or one-outcome sample, a confidence outside (0, 1),
    a horizon below 1 or an unknown method.
    """
    values = np.sort(np.asarray(sample, dtype=np.float64))
    if values.ndim != 1 or values.size < 2 or not np.all(np.isfinite(values)):
        raise ValueError("the sample must be one-dimensional, finite, with two outcomes or more")
    if horizon < 1:
        raise ValueError(f"the horizon must be at least one period, got {horizon}")
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown methods {unknown}; known: {list(METHODS)}")
    moments = moments_of(values)
    scale = math.sqrt(horizon)
    rows = []
    for confidence in confidences:
        for method in methods:
            var, cvar = _one_period(values, moments, method, confidence)
            rows.append(MethodRisk(method, float(confidence), var * scale, cvar * scale, var, cvar))
    return RiskReport(
        observations=int(values.size),
        horizon=horizon,
        rows=tuple(rows),
        moments=moments,
        tail=hill_estimate(values),
        worst=float(values[0]),
        best=float(values[-1]),
    )


def _one_period(
    values: np.ndarray, moments: SampleMoments, method: str, confidence: float
) -> tuple[float, float]:
    if method == HISTORICAL:
        return rm.historical_var(values, confidence), rm.historical_cvar(values, confidence)
    mean, std = moments.mean, moments.std
    if method == PARAMETRIC_NORMAL:
        return rm.normal_var(mean, std, confidence), rm.normal_cvar(mean, std, confidence)
    skew, kurt = moments.skewness, moments.excess_kurtosis
    return (
        rm.cornish_fisher_var(mean, std, skew, kurt, confidence),
        rm.cornish_fisher_cvar(mean, std, skew, kurt, confidence),
    )
