"""Model signals in the composition root: the runner that feeds the strategy engine at each
bar close, and the sentiment runner that delivers the followed symbols' news readings when
they move, for the app's lifetime, when BULWARK_MODEL_SIGNALS_LIVE_SECONDS > 0 (both poll at
that interval)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from application.model_signals.feed import ModelSignalFeed
from application.model_signals.live import ModelSignalRunner
from application.model_signals.serving import ModelSignals
from application.strategies.sentiment_signals import SentimentSignalRunner
from application.strategies.strategy_processor import StrategyProcessor
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import leased_task
from bootstrap.settings import Settings
from domain.strategies.decide import StrategySignal
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort
from ports.model_signals.signal_models import SignalModelRegistry
from ports.strategies.sentiment import ScoredNews
from ports.strategies.strategies import StrategyRepository


async def model_signal_lifetime(
    settings: Settings,
    processor: StrategyProcessor,
    strategies: StrategyRepository,
    bars: BarStore,
    registry: SignalModelRegistry,
    signals: ModelSignals,
    clock: Clock,
    leases: JobLeases | None = None,
) -> AsyncIterator[ModelSignalRunner | None]:
    interval = settings.model_signals.live_seconds
    if interval <= 0 or not settings.strategies.strategies_enabled:
        yield None
        return
    running = processor

    async def deliver(signal: StrategySignal) -> None:
        await running.on_signal(signal)

    def failed(error: str) -> None:
        running.last_error = error
        running.failures += 1

    feed = ModelSignalFeed(bars, signals, deliver)
    runner = ModelSignalRunner(strategies, registry, feed, clock, failed)
    stop = asyncio.Event()

    async def live() -> None:
        await runner.run(interval, stop)

    # With `leases`: scored in the one process of the deployment holding the runner's lease.
    async with leased_task("model_signals", live, stop, leases):
        yield runner


async def sentiment_signal_lifetime(
    settings: Settings,
    processor: StrategyProcessor,
    strategies: StrategyRepository,
    news: ScoredNews,
    market: MarketDataPort,
    clock: Clock,
    leases: JobLeases | None = None,
) -> AsyncIterator[SentimentSignalRunner | None]:
    interval = settings.model_signals.live_seconds
    if interval <= 0 or not settings.strategies.strategies_enabled:
        yield None
        return
    running = processor

    async def deliver(signal: StrategySignal) -> None:
        await running.on_signal(signal)

    def failed(error: str) -> None:
        running.last_error = error
        running.failures += 1

    runner = SentimentSignalRunner(strategies, news, market, deliver, clock, failed)
    stop = asyncio.Event()

    async def live() -> None:
        await runner.run(interval, stop)

    async with leased_task("sentiment_signals", live, stop, leases):
        yield runner
