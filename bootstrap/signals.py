"""Signals in the composition root: the engine from the settings, and the background scanner."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from application.strategies.signals import SignalService
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import leased_task
from bootstrap.settings import Settings
from domain.market_data.bars import Timeframe
from domain.market_data.signals import SignalConfig, SignalEngine


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

    async with leased_task("signal_scan", scan, stop, leases) as task:
        yield task
