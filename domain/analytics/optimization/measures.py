"""What a set of weights amounts to: expected return, volatility, Sharpe, risk contributions.

Conventions: `mu` and `covariance` are annual (returns as fractions: 0.08 = 8 % a year;
variances in fraction^2 a year); the risk-free rate is an annual fraction. A risk
contribution is asset i's share of the portfolio variance, w_i (S w)_i / (w' S w): the
contributions add up to 1 (Euler's theorem for the homogeneous volatility).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from domain.analytics.optimization.problem import FloatArray


@dataclass(frozen=True, slots=True)
class PortfolioMeasures:
    """Annual figures of one portfolio; `expected_return` and `sharpe_ratio` are None when
    no expected returns are known (a posted covariance alone)."""

    volatility: float
    expected_return: float | None
    sharpe_ratio: float | None
    risk_contributions: FloatArray  # fractions of the variance, adding up to 1
    effective_assets: float  # 1 / sum(w^2): how many equal weights the weights resemble
    diversification_ratio: float  # sum(w_i sigma_i) / sigma_p (>= 1 for long-only)


def risk_contributions(weights: FloatArray, covariance: FloatArray) -> FloatArray:
    """w_i (S w)_i / (w' S w) for each asset."""
    marginal = covariance @ weights
    variance = float(weights @ marginal)
    shares: FloatArray = weights * marginal / variance
    return shares


def measure(
    weights: FloatArray,
    covariance: FloatArray,
    mu: FloatArray | None,
    risk_free_rate: float,
) -> PortfolioMeasures:
    """The portfolio's annual volatility, expected return and Sharpe ratio (excess return
    over `risk_free_rate` divided by volatility), and how its risk is spread."""
    variance = float(weights @ covariance @ weights)
    volatility = float(np.sqrt(max(variance, 0.0)))
    expected = None if mu is None else float(mu @ weights)
    sharpe = None if expected is None else (expected - risk_free_rate) / volatility
    sigmas = np.sqrt(np.diag(covariance))
    return PortfolioMeasures(
        volatility=volatility,
        expected_return=expected,
        sharpe_ratio=sharpe,
        risk_contributions=risk_contributions(weights, covariance),
        effective_assets=float(1.0 / np.sum(weights**2)),
        diversification_ratio=float(np.abs(weights) @ sigmas / volatility),
    )
