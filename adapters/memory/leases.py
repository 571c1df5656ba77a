"""Leases in this process's memory: the store is in memory (one process owns it), so the
process is the whole deployment and its holders only need to agree among themselves.

Expiry is honoured as the port states (a holder that stops renewing loses the lease after
its TTL), on an injectable monotonic clock so tests can move time.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class InMemoryLeases:
    """Leases as a map of name to (holder, expiry on the monotonic clock)."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._held: dict[str, tuple[str, float]] = {}

    async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool:
        now = self._monotonic()
        current = self._held.get(name)
        if current is not None and current[0] != holder and current[1] > now:
            return False
        self._held[name] = (holder, now + ttl_seconds)
        return True

    async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
        now = self._monotonic()
        current = self._held.get(name)
        if current is None or current[0] != holder or current[1] <= now:
            return False
        self._held[name] = (holder, now + ttl_seconds)
        return True

    async def release(self, name: str, holder: str) -> None:
        current = self._held.get(name)
        if current is not None and current[0] == holder:
            del self._held[name]

    async def aclose(self) -> None:
        self._held.clear()
