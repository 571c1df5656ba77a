"""A trade's market context for the model-based rater: volatility and news sentiment.

Volatility is the annualised standard deviation of the last `window` daily log returns
(sqrt(252) convention) from the market feed's daily bars; sentiment the symbol's news score
(application.inference.sentiment). Each lookup is bounded by `timeout_s` and any failure just leaves
that field unknown (None): context refines a rating, it never blocks or fails one.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections.abc import Awaitable, Callable

from domain.market_data.bars import Bar, Timeframe
from domain.risk.analysis import TradeContext
from ports.inference.sentiment import SentimentSource

TRADING_DAYS = 252
BarsFetcher = Callable[..., Awaitable[list[Bar]]]


class MarketTradeContext:
    """TradeContextSource over daily bars and a SentimentSource (either may be absent)."""

    def __init__(
        self,
        bars: BarsFetcher | None,
        sentiment: SentimentSource | None,
        *,
        window: int = 20,
        timeout_s: float = 0.5,
    ) -> None:
        self._bars = bars
        self._sentiment = sentiment
        self._window = window
        self._timeout_s = timeout_s

    async def context(self, symbol: str) -> TradeContext:
        volatility, sentiment = await asyncio.gather(
            self._volatility(symbol), self._sentiment_score(symbol)
        )
        return TradeContext(volatility, sentiment)

    async def _volatility(self, symbol: str) -> float | None:
        if self._bars is None:
            return None
        try:
            async with asyncio.timeout(self._timeout_s):
                bars = await self._bars(symbol, Timeframe.D1, limit=self._window + 1)
        except Exception:  # an unknown symbol, a provider error or timeout: unknown
            return None
        return annualised_volatility([float(b.close) for b in bars])

    async def _sentiment_score(self, symbol: str) -> float | None:
        if self._sentiment is None:
            return None
        try:
            async with asyncio.timeout(self._timeout_s):
                found = await self._sentiment.symbol_sentiment(symbol)
        except Exception:
            return None
        return found.score


def annualised_volatility(closes: list[float]) -> float | None:
    """Sample standard deviation of daily log returns times sqrt(252); None under 3 closes."""
    returns = [math.log(b / a) for a, b in itertools.pairwise(closes) if a > 0 and b > 0]
    if len(returns) < 2:
        return None
    mean = sum(returns) / len(returns)
    variance = sum((r - mean) ** 2 for r in returns) / (len(returns) - 1)
    return math.sqrt(variance * TRADING_DAYS)
