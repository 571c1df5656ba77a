"""Sentiment signals in the running service: each followed symbol's news reading, when it moves.

Every `interval_s` the runner reads the active strategies' sentiment sources, and for each
(symbol, window_hours, min_items) reads the symbol's scored news of the last window
(ScoredNews) and computes the reading (domain/strategies/fusion.py: the mean score of the items
published in (now - window, now], none with fewer than min_items). A reading that differs from
the one delivered last for that key is delivered to the strategy processor as a SENTIMENT
signal, priced at the symbol's reference price, its `source_name` the key ("24h/3"), so it
reaches the strategies whose sources read that window and count. The backtester emits the
same readings at each bar close (application/strategies/backtest_signals.py).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from datetime import timedelta

import numpy as np

from application.core.pacing import pause
from domain.strategies.decide import StrategySignal
from domain.strategies.definition import SourceKind
from domain.strategies.fusion import sentiment_column
from ports.core.clock import Clock
from ports.market_data.marketdata import MarketDataPort
from ports.strategies.sentiment import ScoredNews
from ports.strategies.strategies import StrategyRepository

Deliver = Callable[[StrategySignal], Awaitable[object]]
Key = tuple[str, float, int]  # symbol, window hours, minimum items
MAX_ITEMS = 2_000  # items read per symbol and window


class SentimentSignalRunner:
    def __init__(
        self,
        strategies: StrategyRepository,
        news: ScoredNews,
        market: MarketDataPort,
        deliver: Deliver,
        clock: Clock,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        self._strategies = strategies
        self._news = news
        self._market = market
        self._deliver = deliver
        self._clock = clock
        self._failed = failed or (lambda _: None)
        self._last: dict[Key, float] = {}

    async def wanted(self) -> set[Key]:
        """(symbol, window hours, minimum items) over the active strategies' sentiment sources."""
        keys: set[Key] = set()
        for strategy in await self._strategies.list_active():
            for source in strategy.sources:
                if source.kind is SourceKind.SENTIMENT:
                    window, least = source.sentiment_window_hours, source.sentiment_min_items
                    keys.update((symbol, window, least) for symbol in source.symbols)
        return keys

    async def tick(self) -> list[StrategySignal]:
        """Delivers each reading that moved since the last tick; returns them."""
        now = self._clock.now()
        delivered: list[StrategySignal] = []
        for key in sorted(await self.wanted()):
            symbol, window, least = key
            try:
                items = await self._news.scored_news(
                    symbol, now - timedelta(hours=window), now, MAX_ITEMS
                )
            except Exception as exc:  # one symbol's failure does not stop the others
                self._failed(f"sentiment of {symbol}: {type(exc).__name__}: {exc}")
                continue
            published = np.array([at.timestamp() for at, _ in items], dtype=np.float64)
            scores = np.array([score for _, score in items], dtype=np.float64)
            reading = float(
                sentiment_column(
                    published, scores, np.array([now.timestamp()]), window * 3600.0, least
                )[0]
            )
            if math.isnan(reading):
                self._last.pop(key, None)
                continue
            reading = round(reading, 6)
            if self._last.get(key) == reading:
                continue
            price = (await self._market.reference_prices([symbol])).get(symbol)
            if price is None or price <= 0:
                self._failed(f"sentiment of {symbol}: no reference price")
                continue
            name = f"{window:g}h/{least}"
            signal = StrategySignal(
                id=f"sentiment:{symbol}:{name}:{now.strftime('%Y%m%dT%H%M%SZ')}",
                kind=SourceKind.SENTIMENT, symbol=symbol, score=reading, price=price, at=now,
                source_name=name,
            )  # fmt: skip
            await self._deliver(signal)
            self._last[key] = reading
            delivered.append(signal)
        return delivered

    async def run(self, interval_s: float, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception as exc:  # the runner outlives a store outage
                self._failed(f"sentiment signals: {type(exc).__name__}: {exc}")
            await pause(self._clock, interval_s, stop)
