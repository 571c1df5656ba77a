"""How the held positions move together: their correlation matrix, each one's volatility, the
portfolio's volatility and its diversification ratio, from the positions' daily closes.

Conventions:
- Returns are daily log returns, log(c_t / c_{t-1}), of closes on the days every held symbol
  has one (the intersection, so the covariance matrix is one consistent estimate, positive
  semi-definite); the last `window` returns at most.
- Volatilities are annualised by sqrt(252) (sample standard deviation, divisor n - 1).
- Weights are each position's signed market value over the gross exposure (short positions
  negative; |weights| add up to 1).
- The diversification ratio (Choueifaty & Coignard 2008) is sum(|w_i| sigma_i) / sigma_p:
  1 for a single position or perfectly correlated longs, larger the more the positions
  offset one another; none when they hedge one another to no volatility at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

TRADING_DAYS = 252
MIN_RETURNS = 20  # fewer common returns than this: no estimate


@dataclass(frozen=True, slots=True)
class HeldCorrelation:
    """The estimate over `observations` common daily returns from `first_day` to `last_day`."""

    symbols: tuple[str, ...]
    weights: tuple[float, ...]  # signed market value / gross exposure
    volatilities: tuple[float, ...]  # annualised, per symbol
    correlation: tuple[tuple[float, ...], ...]  # [i][j], symbols' order
    portfolio_volatility: float  # annualised, of the weighted positions
    diversification_ratio: float | None  # None when the positions hedge to zero volatility
    observations: int
    first_day: date
    last_day: date


@dataclass(frozen=True, slots=True)
class NoHeldCorrelation:
    """Why there is no estimate (a sentence for the caller)."""

    reason: str


def common_closes(
    closes: Mapping[str, Sequence[tuple[date, float]]],
) -> tuple[list[date], FloatArray]:
    """The days every symbol has a positive close, oldest first, and those closes as a
    (days x symbols) matrix in sorted symbol order."""
    symbols = sorted(closes)
    by_symbol = [{d: c for d, c in closes[s] if c > 0 and math.isfinite(c)} for s in symbols]
    days = sorted(set.intersection(*(set(series) for series in by_symbol))) if by_symbol else []
    grid = np.array([[series[d] for series in by_symbol] for d in days], dtype=np.float64)
    return days, grid.reshape(len(days), len(symbols))


def held_correlation(
    values: Mapping[str, Decimal],
    closes: Mapping[str, Sequence[tuple[date, float]]],
    *,
    window: int = TRADING_DAYS,
) -> HeldCorrelation | NoHeldCorrelation:
    """The estimate for positions of these signed market `values`, from their daily `closes`
    (every symbol of `values` must have its series in `closes`)."""
    held = {s: v for s, v in values.items() if v != 0}
    if not held:
        return NoHeldCorrelation("no open positions")
    missing = sorted(s for s in held if not closes.get(s))
    if missing:
        return NoHeldCorrelation(f"no stored daily bars for {', '.join(missing)}")
    days, grid = common_closes({s: closes[s] for s in held})
    returns = np.diff(np.log(grid), axis=0)[-window:]
    count = len(returns)
    if count < MIN_RETURNS:
        return NoHeldCorrelation(
            f"{count} daily returns common to every held symbol; at least {MIN_RETURNS} needed"
        )
    symbols = tuple(sorted(held))
    gross = sum(abs(held[s]) for s in symbols)
    weights = np.array([float(held[s] / gross) for s in symbols])
    covariance = np.atleast_2d(np.cov(returns, rowvar=False)) * TRADING_DAYS
    sigmas = np.sqrt(np.diag(covariance))
    if np.any(sigmas == 0):
        flat = [s for s, sigma in zip(symbols, sigmas, strict=True) if sigma == 0]
        return NoHeldCorrelation(f"no price movement over the window for {', '.join(flat)}")
    correlation = np.clip(covariance / np.outer(sigmas, sigmas), -1.0, 1.0)
    np.fill_diagonal(correlation, 1.0)
    portfolio = math.sqrt(max(float(weights @ covariance @ weights), 0.0))
    ratio = float(np.abs(weights) @ sigmas) / portfolio if portfolio > 0 else None
    return HeldCorrelation(
        symbols=symbols,
        weights=tuple(float(w) for w in weights),
        volatilities=tuple(float(s) for s in sigmas),
        correlation=tuple(tuple(float(c) for c in row) for row in correlation),
        portfolio_volatility=portfolio,
        diversification_ratio=ratio,
        observations=count,
        first_day=days[len(days) - count - 1],
        last_day=days[-1],
    )
