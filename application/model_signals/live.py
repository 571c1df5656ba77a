"""Model signals in the running service: at each bar close, the models strategies follow.

Every `interval_s` the runner reads the active strategies, groups their `model` sources by
(model, timeframe) with the union of their symbols (a source without symbols: the symbols the
model was trained on; without a timeframe: the model's), and when a bar of that timeframe has
closed since the last look, runs the feed for it once. A signal's id is its model, symbol and
bar close, so a second process deciding the same bar claims the same decisions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from application.core.pacing import pause
from application.model_signals.feed import ModelSignalFeed
from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from domain.strategies.definition import SourceKind
from ports.core.clock import Clock
from ports.model_signals.signal_models import SignalModelRegistry
from ports.strategies.strategies import StrategyRepository

Key = tuple[str, Timeframe]


class ModelSignalRunner:
    def __init__(
        self,
        strategies: StrategyRepository,
        registry: SignalModelRegistry,
        feed: ModelSignalFeed,
        clock: Clock,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        self._strategies = strategies
        self._registry = registry
        self._feed = feed
        self._clock = clock
        self._failed = failed or (lambda _: None)
        self._last: dict[Key, datetime] = {}

    async def wanted(self) -> dict[Key, set[str]]:
        """(model, timeframe) -> symbols, over the active strategies' model sources."""
        out: dict[Key, set[str]] = {}
        for strategy in await self._strategies.list_active():
            for source in strategy.sources:
                if source.kind is not SourceKind.MODEL or source.name is None:
                    continue
                try:
                    card = self._registry.card(source.name)
                except DomainError:
                    continue
                timeframe = source.timeframe or Timeframe(card.timeframe)
                symbols = source.symbols or frozenset(card.symbols)
                out.setdefault((card.name, timeframe), set()).update(symbols)
        return out

    async def tick(self) -> int:
        """Runs the feed for every (model, timeframe) whose bar closed since the last tick;
        returns how many signals were delivered. The first tick only notes the bar."""
        now = self._clock.now()
        delivered = 0
        for (model, timeframe), symbols in sorted((await self.wanted()).items()):
            closed_at = timeframe.floor(now)
            seen = self._last.get((model, timeframe))
            self._last[(model, timeframe)] = closed_at
            if seen is None or closed_at <= seen:
                continue
            try:
                found = await self._feed.at_close(model, timeframe, closed_at, sorted(symbols))
            except Exception as exc:  # one model's failure does not stop the others
                self._failed(f"model signals {model}: {type(exc).__name__}: {exc}")
                continue
            delivered += len(found)
        return delivered

    async def run(self, interval_s: float, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception as exc:  # the runner outlives a store outage
                self._failed(f"model signals: {type(exc).__name__}: {exc}")
            await pause(self._clock, interval_s, stop)
