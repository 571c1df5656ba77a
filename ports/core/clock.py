"""Clock and identifier ports: time and ids come from here so tests are deterministic."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the time.

    `now()` returns an aware UTC datetime; `monotonic()` returns seconds from an
    arbitrary origin that never goes backwards (for latency and deadlines).
    `sleep()` waits on this clock, so a fake clock can advance instead.
    """

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class IdGenerator(Protocol):
    """Makes unique, opaque string identifiers; `new(prefix)` is never repeated."""

    def new(self, prefix: str = "") -> str: ...
