"""Per-key asyncio locks: one account's orders are decided one at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass(eq=False)
class KeyedLocks:
    """A lock per key (account id), created on first use."""

    _locks: dict[str, asyncio.Lock] = field(init=False, default_factory=dict)

    def lock(self, key: str) -> asyncio.Lock:
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        return lock

    @asynccontextmanager
    async def hold(self, key: str, wait_seconds: float | None = None) -> AsyncIterator[bool]:
        """Hold the key's lock; with `wait_seconds`, yields False (not held) when it expires."""
        lock = self.lock(key)
        try:
            if wait_seconds is None:
                await lock.acquire()
            else:
                await asyncio.wait_for(lock.acquire(), wait_seconds)
        except TimeoutError:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()
