"""Daily bars of the factor proxies (SPY, USO, UUP) and of symbols with known loadings on
them, for the estimated-beta tests: each symbol's daily return is exactly
alpha + sum beta_k r_proxy_k, so an OLS fit finds the loadings with R^2 = 1."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

import numpy as np

from domain.market_data.bars import BarSeries

PROXIES = ("SPY", "USO", "UUP")


def series_of_closes(closes: np.ndarray, last: date) -> BarSeries:
    """One bar a calendar day ending on `last`, every price the close."""
    n = len(closes)
    first = datetime.combine(last - timedelta(days=n - 1), datetime.min.time(), UTC)
    start = first.timestamp() + 86_400.0 * np.arange(n, dtype=np.float64)
    c = np.asarray(closes, dtype=np.float64)
    return BarSeries(start, c, c, c, c, np.full(n, 1000.0))


def factor_bars(
    loadings: Mapping[str, tuple[float, float, float]],
    *,
    days: int,
    last: date,
    seed: int = 11,
) -> dict[str, BarSeries]:
    """`days` daily bars of the proxies and of each symbol loaded (equity, oil, usd) on them."""
    rng = np.random.default_rng(seed)
    proxy_returns = rng.normal(0.0, (0.01, 0.02, 0.005), size=(days - 1, 3))
    found = {
        name: series_of_closes(100 * np.cumprod(np.r_[1.0, 1 + proxy_returns[:, k]]), last)
        for k, name in enumerate(PROXIES)
    }
    for symbol, betas in loadings.items():
        returns = 0.0001 + proxy_returns @ np.asarray(betas)
        found[symbol] = series_of_closes(50 * np.cumprod(np.r_[1.0, 1 + returns]), last)
    return found
