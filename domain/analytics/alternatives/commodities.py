"""Commodities sleeve by inflation beta: how much each commodity's return moves with inflation.

For each commodity, the ordinary least squares regression of its returns on inflation over the
same periods (monthly by convention: the month's return and the month's CPI change),
r_t = alpha + beta pi_t + e_t, with beta = cov(r, pi) / var(pi), its standard error
sqrt(s^2 / sum (pi_t - mean pi)^2), s^2 = sum e_t^2 / (T - 2), the t statistic beta / se and
R^2. Inflation is the period's percentage change of the CPI (posted as CPI levels, or as the
changes themselves), a fraction (0.003 = 0.3 % a month). The allocation weighs the commodities
with a positive beta in proportion to it (an inflation hedge weighs more the more it follows
inflation); with no positive beta nothing is allocated (said in the answer).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from domain.analytics.alternatives.errors import InvalidAlternativesInput, TooFewObservations

MIN_OBSERVATIONS = 12


@dataclass(frozen=True, slots=True)
class InflationBeta:
    beta: float
    alpha: float  # per period
    standard_error: float
    t_statistic: float | None  # None when the fit is exact (no standard error)
    r_squared: float
    observations: int


def inflation_from_cpi(levels: Sequence[float]) -> list[float]:
    """pi_t = CPI_t / CPI_(t-1) - 1 (one fewer value than levels)."""
    cpi = np.asarray(levels, dtype=np.float64)
    if not np.all(np.isfinite(cpi)) or np.any(cpi <= 0.0):
        raise InvalidAlternativesInput("CPI levels must be positive numbers", field="cpi")
    changes: list[float] = (cpi[1:] / cpi[:-1] - 1.0).tolist()
    return changes


def inflation_beta(
    returns: Sequence[float], inflation: Sequence[float], field: str
) -> InflationBeta:
    """OLS of `returns` on `inflation`, period by period (module doc)."""
    r = np.asarray(returns, dtype=np.float64)
    pi = np.asarray(inflation, dtype=np.float64)
    if len(r) != len(pi):
        raise InvalidAlternativesInput(
            f"{field} has {len(r)} returns for {len(pi)} inflation observations: one each period",
            field=field,
        )
    if len(r) < MIN_OBSERVATIONS:
        raise TooFewObservations(
            f"at least {MIN_OBSERVATIONS} periods are needed, got {len(r)}", field=field
        )
    if not np.all(np.isfinite(r)):
        raise InvalidAlternativesInput(f"{field} holds a value that is not finite", field=field)
    x = pi - pi.mean()
    sxx = float(x @ x)
    if sxx == 0.0:
        raise InvalidAlternativesInput("inflation does not vary: no beta to estimate",
                                       field="inflation")  # fmt: skip
    beta = float(x @ (r - r.mean())) / sxx
    alpha = float(r.mean() - beta * pi.mean())
    residuals = r - alpha - beta * pi
    dof = len(r) - 2
    s2 = float(residuals @ residuals) / dof
    se = math.sqrt(s2 / sxx)
    total = float((r - r.mean()) @ (r - r.mean()))
    r_squared = 1.0 - float(residuals @ residuals) / total if total > 0 else 0.0
    t = beta / se if se > 0 else None
    return InflationBeta(beta, alpha, se, t, r_squared, len(r))


def beta_weights(betas: Sequence[float]) -> list[float]:
    """Weights proportional to the positive betas (zero for the rest); all zero if none."""
    positive = [max(b, 0.0) for b in betas]
    total = sum(positive)
    return [b / total for b in positive] if total > 0 else [0.0] * len(betas)
