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
from dataclasses import KW_ONLY, dataclass

from domain.market_data.bars import Bar, Timeframe
from domain.risk.analysis import TradeContext
from ports.inference.sentiment import SentimentSource

TRADING_DAYS = 252
BarsFetcher = Callable[..., Awaitable[list[Bar]]]


@dataclass(eq=False)
class MarketTradeContext:
    """TradeContextSource over daily bars and a SentimentSource (either may be absent)."""

    bars: BarsFetcher | None
    sentiment: SentimentSource | None
    _: KW_ONLY
    window: int = 20
    timeout_s: float = 0.5

    async def context(self, symbol: str) -> TradeContext:
        volatility, sentiment = await asyncio.gather(
            self._volatility(symbol), self._sentiment_score(symbol)
        )
        return TradeContext(volatility, sentiment)

    async def _volatility(self, symbol: str) -> float | None:
        if self.bars is None:
            return None
        try:
            async with asyncio.timeout(self.timeout_s):
                bars = await self.bars(symbol, Timeframe.D1, limit=self.window + 1)
        except Exception:  # an unknown symbol, a provider error or timeout: unknown
            return None
        return annualised_volatility([float(b.close) for b in bars])

    async def _sentiment_score(self, symbol: str) -> float | None:
        if self.sentiment is None:
            return None
        try:
            async with asyncio.timeout(self.timeout_s):
                found = await self.sentiment.symbol_sentiment(symbol)
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
