"""A symbol's factor betas estimated from its daily closes and the factor proxies' closes.

The stress (repricing.py) moves a position by beta x the factor's return for the return
factors (equity, oil, usd); those betas are estimated here by ordinary least squares of the
symbol's simple daily returns on the proxies' simple daily returns, with an intercept:

    r_symbol(t) = alpha + sum_k beta_k r_proxy_k(t) + e(t)

over the last `window` returns on the days the symbol and every proxy have a positive close
(a return is close(t) / close(t-1) - 1 between consecutive common days). The fit solves the
centred normal equations (X_c' X_c) beta = X_c' y_c; alpha = mean(y) - mean(X) beta;
R^2 = 1 - SSR / SST (1 when the symbol's returns do not vary and the fit is exact).
The rates and credit sensitivities (durations, in years) are not betas on a return and are
not estimated here.

Fewer than `min_observations` returns, a proxy that does not vary, or proxies so collinear
that their cross-product matrix cannot be inverted answer `NoBetaEstimate` with the reason,
never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from domain.analytics.scenarios.factors import Factor

FloatArray = NDArray[np.float64]

BETA_FACTORS: tuple[Factor, ...] = (Factor.EQUITY, Factor.OIL, Factor.USD)
DEFAULT_PROXIES: Mapping[Factor, str] = MappingProxyType(
    {
        Factor.EQUITY: "SPY",  # S&P 500 ETF: the broad equity market
        Factor.OIL: "USO",  # crude oil fund
        Factor.USD: "UUP",  # U.S. dollar index fund
    }
)
WINDOW = 252  # daily returns, about one trading year
MIN_OBSERVATIONS = 60  # about three months of daily returns
MAX_WINDOW = 2520
CONDITION_LIMIT = 1e10  # above: the proxies are too collinear to separate their betas


@dataclass(frozen=True, slots=True)
class BetaEstimate:
    """An OLS fit: `betas` per factor, the intercept (a day), R^2, the number of returns and
    the days of the first and last return used."""

    betas: Mapping[Factor, float]
    alpha: float
    r_squared: float
    observations: int
    first_day: date
    last_day: date


@dataclass(frozen=True, slots=True)
class NoBetaEstimate:
    """Why there is no estimate, with the returns that were found (and their days, if any)."""

    reason: str
    observations: int
    first_day: date | None = None
    last_day: date | None = None


def ols(returns: FloatArray, factors: FloatArray) -> tuple[FloatArray, float, float] | str:
    """(betas, alpha, R^2) of `returns` (n) on `factors` (n x k) with an intercept, or why
    not (n <= k, a constant factor, collinear factors)."""
    y = np.asarray(returns, dtype=np.float64)
    x = np.asarray(factors, dtype=np.float64).reshape(len(y), -1)
    n, k = x.shape
    if n < k + 1:
        return f"{n} returns cannot fit {k} betas and an intercept"
    x_mean, y_mean = x.mean(axis=0), float(y.mean())
    xc, yc = x - x_mean, y - y_mean
    sxx, sxy = xc.T @ xc, xc.T @ yc
    scale = np.sqrt(np.diag(sxx))
    if not np.all(scale > 0):
        return "a factor proxy's returns do not vary over the window"
    normalised = sxx / np.outer(scale, scale)  # unit diagonal: the condition is the collinearity
    if not np.isfinite(normalised).all() or np.linalg.cond(normalised) > CONDITION_LIMIT:
        return "the factor proxies' returns are too collinear to separate their betas"
    betas = np.linalg.solve(normalised, sxy / scale) / scale
    alpha = y_mean - float(x_mean @ betas)
    residual = yc - xc @ betas
    total = float(yc @ yc)
    ssr = float(residual @ residual)
    r_squared = 1.0 if total == 0.0 else max(0.0, min(1.0, 1.0 - ssr / total))
    return betas, alpha, r_squared


def common_returns(
    closes: Mapping[str, Sequence[tuple[date, float]]], symbols: Sequence[str]
) -> tuple[list[date], FloatArray]:
    """The days (of each return's later close) and the simple daily returns (days x symbols,
    in the order of `symbols`) on the days every symbol has a positive, finite close."""
    by_symbol = [
        {d: c for d, c in closes.get(s, ()) if math.isfinite(c) and c > 0} for s in symbols
    ]
    days = sorted(set.intersection(*(set(s) for s in by_symbol))) if by_symbol else []
    grid = np.array([[s[d] for s in by_symbol] for d in days], dtype=np.float64)
    grid = grid.reshape(len(days), len(symbols))
    if len(days) < 2:
        return [], np.empty((0, len(symbols)), dtype=np.float64)
    return days[1:], grid[1:] / grid[:-1] - 1.0


def estimate_betas(
    symbol: str,
    closes: Mapping[str, Sequence[tuple[date, float]]],
    proxies: Mapping[Factor, str],
    *,
    window: int = WINDOW,
    min_observations: int = MIN_OBSERVATIONS,
) -> BetaEstimate | NoBetaEstimate:
    """`symbol`'s betas on `proxies` (factor -> proxy symbol) from the dated `closes` of the
    symbol and the proxies, over the last `window` common returns (module doc)."""
    if not 1 <= window <= MAX_WINDOW or not 2 <= min_observations <= window:
        raise ValueError(f"window 1 to {MAX_WINDOW}, min_observations 2 to window")
    if not proxies:
        return NoBetaEstimate("no factor proxy to regress on", 0)
    if not closes.get(symbol):
        return NoBetaEstimate(f"no stored daily closes of {symbol}", 0)
    missing = sorted(p for p in proxies.values() if not closes.get(p))
    if missing:
        return NoBetaEstimate(f"no stored daily closes of the proxy {', '.join(missing)}", 0)
    factors = list(proxies)
    days, returns = common_returns(closes, [symbol, *(proxies[f] for f in factors)])
    days, returns = days[-window:], returns[-window:]
    count = len(days)
    first, last = (days[0], days[-1]) if days else (None, None)
    if count < min_observations:
        return NoBetaEstimate(
            f"{count} daily returns common to {symbol} and its proxies, fewer than the "
            f"{min_observations} needed",
            count, first, last,
        )  # fmt: skip
    fitted = ols(returns[:, 0], returns[:, 1:])
    if isinstance(fitted, str):
        return NoBetaEstimate(fitted, count, first, last)
    betas, alpha, r_squared = fitted
    assert first is not None and last is not None
    return BetaEstimate(
        {f: float(b) for f, b in zip(factors, betas, strict=True)},
        alpha, r_squared, count, first, last,
    )  # fmt: skip
