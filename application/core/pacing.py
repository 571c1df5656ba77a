"""Background loops' pause: sleep on the clock, or wake at once when asked to stop."""

from __future__ import annotations

import asyncio
import contextlib

from ports.core.clock import Clock


async def pause(clock: Clock, interval_s: float, stop: asyncio.Event) -> None:
    """Return after `interval_s` clock seconds, or as soon as `stop` is set."""
    sleeper = asyncio.ensure_future(clock.sleep(interval_s))
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({sleeper, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sleeper, stopper):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
