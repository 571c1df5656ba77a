"""Factor attribution: a portfolio's period returns regressed on factor returns (OLS).

r_t = alpha + sum_k beta_k f_k,t + e_t over T periods (fractions), fitted by least squares
with an intercept (numpy.linalg.lstsq). Over the whole window the arithmetic return sum_t r_t
splits exactly into alpha x T (the skill), beta_k x sum_t f_k,t per factor (the exposure
times what the factor paid) and sum_t e_t, which an intercept fit makes zero up to rounding;
`residual` reports it, so the parts always add up to `total`. R^2 = 1 - SS_res / SS_tot
(1 when the returns do not vary). T must exceed the number of factors + 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["FactorAttribution", "factor_attribution"]


@dataclass(frozen=True, slots=True)
class FactorAttribution:
    alpha: float  # per period
    betas: dict[str, float]
    contributions: dict[str, float]  # beta_k x sum_t f_k,t
    alpha_contribution: float  # alpha x T
    residual: float  # sum_t e_t
    total: float  # sum_t r_t
    r_squared: float
    periods: int


def factor_attribution(
    returns: Sequence[float], factor_returns: Mapping[str, Sequence[float]]
) -> FactorAttribution:
    """The regression and the split of the summed return (module doc)."""
    names = sorted(factor_returns)
    y = np.asarray(returns, dtype=np.float64)
    periods = y.size
    if y.ndim != 1 or not names or periods <= len(names) + 1:
        raise ValueError("need one return per period, factors, and more periods than factors + 1")
    columns = [np.asarray(factor_returns[n], dtype=np.float64) for n in names]
    if any(c.shape != y.shape for c in columns):
        raise ValueError("every factor needs one return per period")
    if not np.all(np.isfinite(y)) or not all(np.all(np.isfinite(c)) for c in columns):
        raise ValueError("returns must be finite")
    design = np.column_stack([np.ones(periods), *columns])
    coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
    fitted = design @ coefficients
    errors = y - fitted
    ss_res = math.fsum((errors * errors).tolist())
    centred = y - y.mean()
    ss_tot = math.fsum((centred * centred).tolist())
    alpha = float(coefficients[0])
    betas = {n: float(coefficients[i + 1]) for i, n in enumerate(names)}
    contributions = {n: betas[n] * math.fsum(columns[i].tolist()) for i, n in enumerate(names)}
    total = math.fsum(y.tolist())
    residual = total - math.fsum([alpha * periods, *contributions.values()])
    return FactorAttribution(
        alpha=alpha,
        betas=betas,
        contributions=contributions,
        alpha_contribution=alpha * periods,
        residual=residual,
        total=total,
        r_squared=1.0 if ss_tot == 0.0 else 1.0 - ss_res / ss_tot,
        periods=periods,
    )
