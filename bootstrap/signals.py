"""Signals in the composition root: the engine from the settings, and the background scanner."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from application.strategies.signals import SignalService
from bootstrap.settings import Settings
from domain.marketdata.bars import Timeframe
from domain.marketdata.signals import SignalConfig, SignalEngine


def signal_engine(settings: Settings) -> SignalEngine:
    return SignalEngine(SignalConfig(threshold=settings.strategies.signal_min_score))


async def signal_scanner(
    settings: Settings, service: Callable[[], SignalService]
) -> AsyncIterator[asyncio.Task[None] | None]:
    """Scans the signal symbols for the app's lifetime while BULWARK_SIGNAL_SCAN_SECONDS > 0."""
    if settings.strategies.signal_scan_seconds <= 0:
        yield None
        return
    stop = asyncio.Event()
    timeframes = [Timeframe(t) for t in settings.strategies.signal_timeframes]
    task = asyncio.create_task(
        service().run(
            settings.strategies.signal_symbols,
            timeframes,
            settings.strategies.signal_scan_seconds,
            stop,
        )
    )
    try:
        yield task
    finally:
        stop.set()
        task.cancel()  # a scan waiting on a slow provider must not hold the shutdown
        with contextlib.suppress(asyncio.CancelledError):
            await task
