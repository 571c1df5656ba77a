"""Signals in the composition root: the engine from the settings, and the background scanner."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from application.strategies.signals import SignalService
from bootstrap.job_leases import JobLeases
from bootstrap.settings import Settings
from domain.marketdata.bars import Timeframe
from domain.marketdata.signals import SignalConfig, SignalEngine


def signal_engine(settings: Settings) -> SignalEngine:
    return SignalEngine(SignalConfig(threshold=settings.strategies.signal_min_score))


async def signal_scanner(
    settings: Settings, service: Callable[[], SignalService], leases: JobLeases | None = None
) -> AsyncIterator[asyncio.Task[None] | None]:
    """Scans the signal symbols for the app's lifetime while BULWARK_SIGNAL_SCAN_SECONDS > 0;
    with `leases`, in the one process of the deployment that holds the scan's lease."""
    if settings.strategies.signal_scan_seconds <= 0:
        yield None
        return
    stop = asyncio.Event()
    timeframes = [Timeframe(t) for t in settings.strategies.signal_timeframes]

    async def scan() -> None:
        await service().run(
            settings.strategies.signal_symbols,
            timeframes,
            settings.strategies.signal_scan_seconds,
            stop,
        )

    task = asyncio.create_task(scan() if leases is None else leases.run("signal_scan", scan))
    try:
        yield task
    finally:
        stop.set()
        task.cancel()  # a scan waiting on a slow provider must not hold the shutdown
        with contextlib.suppress(asyncio.CancelledError):
            await task
