"""Clocks and id generators: the system ones and deterministic fakes for tests."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from datetime import UTC, datetime, timedelta


class SystemClock:
    """Wall-clock UTC time and the OS monotonic clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class FakeClock:
    """A clock that moves only when told; `sleep` advances it instead of waiting."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set(self, moment: datetime) -> None:
        self.advance(moment - self._now)

    async def sleep(self, seconds: float) -> None:
        self.advance(max(0.0, seconds))
        await asyncio.sleep(0)


class UuidGenerator:
    """Random UUID4 hex ids with an optional prefix."""

    def new(self, prefix: str = "") -> str:
        return f"{prefix}{uuid.uuid4().hex}"


class SequentialIds:
    """Predictable ids (`prefix` + counter) for tests."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def new(self, prefix: str = "") -> str:
        return f"{prefix}{next(self._counter):06d}"
