"""Model signals in the composition root: the runner that feeds the strategy engine at each
bar close, and the sentiment runner that delivers the followed symbols' news readings when
they move, for the app's lifetime, when BULWARK_MODEL_SIGNALS_LIVE_SECONDS > 0 (both poll at
that interval)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Protocol, TypeVar

from application.model_signals.feed import Deliver, ModelSignalFeed
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


class _Polling(Protocol):
    async def run(self, interval_s: float, stop: asyncio.Event) -> None: ...


Runner = TypeVar("Runner", bound=_Polling)
Failed = Callable[[str], None]


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
    def runner(deliver: Deliver, failed: Failed) -> ModelSignalRunner:
        feed = ModelSignalFeed(bars, signals, deliver)
        return ModelSignalRunner(strategies, registry, feed, clock, failed)

    # With `leases`: scored in the one process of the deployment holding the runner's lease.
    async with _feeding(settings, processor, "model_signals", runner, leases) as running:
        yield running


async def sentiment_signal_lifetime(
    settings: Settings,
    processor: StrategyProcessor,
    strategies: StrategyRepository,
    news: ScoredNews,
    market: MarketDataPort,
    clock: Clock,
    leases: JobLeases | None = None,
) -> AsyncIterator[SentimentSignalRunner | None]:
    def runner(deliver: Deliver, failed: Failed) -> SentimentSignalRunner:
        return SentimentSignalRunner(strategies, news, market, deliver, clock, failed)

    async with _feeding(settings, processor, "sentiment_signals", runner, leases) as running:
        yield running


@contextlib.asynccontextmanager
async def _feeding(
    settings: Settings,
    processor: StrategyProcessor,
    lease: str,
    runner_of: Callable[[Deliver, Failed], Runner],
    leases: JobLeases | None,
) -> AsyncIterator[Runner | None]:
    """The runner `runner_of` builds, delivering its signals to `processor` (which counts its
    failures) every BULWARK_MODEL_SIGNALS_LIVE_SECONDS while open; with `leases`, only in the
    process holding the lease `lease`. None when the interval is 0 or strategies are off."""
    interval = settings.model_signals.live_seconds
    if interval <= 0 or not settings.strategies.strategies_enabled:
        yield None
        return

    async def deliver(signal: StrategySignal) -> None:
        await processor.on_signal(signal)

    def failed(error: str) -> None:
        processor.last_error = error
        processor.failures += 1

    runner = runner_of(deliver, failed)
    stop = asyncio.Event()

    async def live() -> None:
        await runner.run(interval, stop)

    async with leased_task(lease, live, stop, leases):
        yield runner
