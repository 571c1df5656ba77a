"""Clocks tests move by hand."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

from adapters.memory.clock import FakeClock


class ManualClock:
    """A monotonic clock (seconds) that moves only when a test sets `now`: the in-memory
    lease's expiry, for one."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class WallClock(FakeClock):
    """The harness's clock type, telling real time and really waiting: where runs under way
    at once each wait their own backoff (a FakeClock's `sleep` moves every run's time)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
