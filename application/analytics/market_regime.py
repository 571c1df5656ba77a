"""POST /api/v1/analytics/regime: the market regime of a posted daily close history.

The reading comes from `domain.analytics.regime_detection.detect_regime` (bull, bear, volatile,
stable with a score each, the indicators behind them). This use case checks the history --
MIN_HISTORY to MAX_HISTORY positive finite closes, oldest first; 422 INVALID_PRICE_HISTORY
naming `prices[i]` for the first bad close or `prices` for too many, 422
INSUFFICIENT_PRICE_HISTORY naming `prices` for too few -- and runs histories longer than
LARGE_HISTORY closes through the `ComputeBudget` (off the event loop; 503 COMPUTE_BUSY /
COMPUTE_TIME_BUDGET with Retry-After). Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from application.core.compute_budget import ComputeBudget
from domain.analytics.regime_detection import (
    MIN_HISTORY,
    InsufficientPriceHistory,
    InvalidPriceHistory,
    RegimeReading,
    detect_regime,
)

MAX_HISTORY = 100_000
LARGE_HISTORY = 2_000  # longer: computed through the ComputeBudget (off the event loop)

__all__ = ["LARGE_HISTORY", "MAX_HISTORY", "MIN_HISTORY", "RegimeDetectionService", "closes"]


def closes(prices: Sequence[float]) -> np.ndarray:
    """The checked closes as float64 (see the module doc for what is refused)."""
    if len(prices) > MAX_HISTORY:
        raise InvalidPriceHistory(
            f"at most {MAX_HISTORY:,} daily closes per request, got {len(prices):,}",
            field="prices",
        )
    if len(prices) < MIN_HISTORY:
        raise InsufficientPriceHistory(
            f"need at least {MIN_HISTORY} daily closes (the 200-day average), got {len(prices)}",
            field="prices",
        )
    series = np.asarray(prices, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(series) | (series <= 0.0))
    if bad.size:
        index = int(bad[0])
        raise InvalidPriceHistory(
            f"closes must be positive finite numbers; got {series[index]!r}",
            field=f"prices[{index}]",
        )
    return series


@dataclass(eq=False)
class RegimeDetectionService:
    """The detected regime of a close history (module doc)."""

    budget: ComputeBudget

    async def detect(self, prices: Sequence[float]) -> RegimeReading:
        series = closes(prices)
        if series.shape[0] > LARGE_HISTORY:
            return await self.budget.run(
                f"regime of {series.shape[0]} closes", lambda: detect_regime(series)
            )
        return detect_regime(series)
