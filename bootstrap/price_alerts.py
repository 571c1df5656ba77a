"""Price alerts wiring: the watch over the core's quote board, run for the app's lifetime."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import structlog

from application.price_alerts.service import PriceAlerts
from application.price_alerts.watch import PriceAlertWatch
from bootstrap.settings import Settings
from ports.market_data.marketdata import MarkBoard

_log = structlog.get_logger("bulwark.price_alerts")


async def watch_lifetime(
    settings: Settings,
    watch: Callable[[], PriceAlertWatch],
    service: Callable[[], PriceAlerts],
    board: Callable[[], MarkBoard],
) -> AsyncIterator[PriceAlertWatch | None]:
    """Follows the board and evaluates alerts until the app stops (off: nothing runs)."""
    if not settings.price_alerts.enabled:
        yield None
        return
    running = watch()
    service().on_change(running.changed)
    unsubscribe = running.follow(board())
    stop = asyncio.Event()
    task = asyncio.create_task(running.run(stop), name="price-alert-watch")
    _log.info("price_alert_watch_started")
    try:
        yield running
    finally:
        unsubscribe()
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=5)
