"""Momentum and breadth, the Fear & Greed inputs computed from daily closes.

Conventions: closes are daily closing prices, oldest first; a moving average is the simple
mean of the last `window` closes, today's included.

    momentum = close_today / SMA_125 - 1             (0.05: the index is 5% above its average)
    breadth  = #(symbols with close_today > SMA_50) / #(symbols with >= 50 closes)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from domain.analytics.sentiment.errors import InvalidSentimentInput

MOMENTUM_WINDOW = 125
BREADTH_WINDOW = 50


def _closes(values: Sequence[float], field: str) -> np.ndarray:
    closes = np.asarray(values, dtype=np.float64)
    if closes.ndim != 1 or not np.all(np.isfinite(closes)) or np.any(closes <= 0.0):
        raise InvalidSentimentInput(f"{field}: closes must be positive numbers", field=field)
    return closes


def momentum(closes: Sequence[float], window: int = MOMENTUM_WINDOW) -> float:
    """The last close against its `window`-day simple average, minus 1 (module doc)."""
    if window < 2:
        raise InvalidSentimentInput("window must be at least 2", field="window")
    prices = _closes(closes, "closes")
    if prices.size < window:
        raise InvalidSentimentInput(
            f"momentum needs {window} closes, got {prices.size}", field="closes"
        )
    average = float(prices[-window:].mean())
    return float(prices[-1] / average - 1.0)


@dataclass(frozen=True, slots=True)
class Breadth:
    """The share of the counted symbols above their average; None when none could be counted."""

    share: float | None
    above: int
    counted: int
    skipped: tuple[str, ...]  # symbols with fewer than `window` closes


def breadth(closes: Mapping[str, Sequence[float]], window: int = BREADTH_WINDOW) -> Breadth:
    """How many symbols close above their `window`-day simple average (module doc)."""
    if window < 2:
        raise InvalidSentimentInput("window must be at least 2", field="window")
    above = counted = 0
    skipped: list[str] = []
    for symbol in sorted(closes):
        prices = _closes(closes[symbol], symbol)
        if prices.size < window:
            skipped.append(symbol)
            continue
        counted += 1
        above += bool(prices[-1] > prices[-window:].mean())
    share = above / counted if counted else None
    return Breadth(share, above, counted, tuple(skipped))
