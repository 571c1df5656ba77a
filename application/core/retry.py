"""Bounded retry of a use case that lost an optimistic-lock race."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from domain.errors import ConcurrentUpdate

T = TypeVar("T")

ATTEMPTS = 3


async def retry_on_conflict(
    operation: Callable[[], Awaitable[T]],
    attempts: int = ATTEMPTS,
    base_delay: float = 0.005,
) -> T:
    """Run `operation`; on ConcurrentUpdate run it again (fresh unit of work), at most
    `attempts` times in all, with a short jittered pause. The last conflict propagates
    (the HTTP layer answers 409 CONCURRENT_UPDATE)."""
    for attempt in range(1, attempts + 1):
        try:
            return await operation()
        except ConcurrentUpdate:
            if attempt == attempts:
                raise
            await asyncio.sleep(base_delay * attempt * (1 + random.random()))
    raise AssertionError("unreachable")
