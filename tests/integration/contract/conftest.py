"""Contract fixtures: each port's adapter built for "memory" and for "redis", one test run each.

Only the "redis" runs ask for the shared `redis_url` fixture, so the "memory" runs need no server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
from redis.asyncio import Redis

from adapters.memory.broadcast import InMemoryBroadcast, InMemoryBroadcastHub
from adapters.memory.cache import InMemoryQuoteCache
from adapters.memory.clock import FakeClock
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.ratelimit import InMemoryRateLimiter
from adapters.redis.broadcast import RedisBroadcast
from adapters.redis.cache import RedisQuoteCache
from adapters.redis.client import redis_from_url
from adapters.redis.idempotency import RedisIdempotencyStore
from adapters.redis.ratelimit import RedisRateLimiter
from ports.core.broadcast import Broadcast
from ports.core.idempotency import IdempotencyStore
from ports.core.ratelimit import RateLimiter
from ports.market_data.cache import QuoteCache
from tests.kit.broadcast import Listen, listeners

T = TypeVar("T")


@dataclass
class Backend:
    """Where the adapters under test keep their state, and how a test lets time pass."""

    kind: str
    clock: FakeClock = field(default_factory=FakeClock)
    hub: InMemoryBroadcastHub = field(default_factory=InMemoryBroadcastHub)
    redis: Redis | None = None
    url: str = ""

    def adapter(self, in_memory: Callable[[FakeClock], T], on_redis: Callable[[Redis], T]) -> T:
        """The adapter under test on this backend: the in-memory one on the fake clock, or the
        Redis one on the shared client."""
        return in_memory(self.clock) if self.redis is None else on_redis(self.redis)

    async def elapse(self, seconds: float) -> None:
        """The memory adapters' fake clock moves; Redis keeps real time, so a real sleep."""
        if self.redis is None:
            self.clock.advance(seconds)
        else:
            await asyncio.sleep(seconds)

    async def cut_listeners(self) -> None:
        """Kill every pub/sub connection, as a network fault or a server restart would."""
        if self.redis is None:
            self.hub.kill_listeners()
        else:
            await self.redis.execute_command("CLIENT", "KILL", "TYPE", "pubsub")


@pytest.fixture(params=["memory", "redis"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    if request.param == "memory":
        yield Backend("memory")
        return
    url: str = request.getfixturevalue("redis_url")
    client = redis_from_url(url)
    try:
        yield Backend("redis", redis=client, url=url)
    finally:
        await client.aclose()


@pytest.fixture
def limiter(backend: Backend) -> RateLimiter:
    return backend.adapter(InMemoryRateLimiter, RedisRateLimiter)


@pytest.fixture
def quote_cache(backend: Backend) -> QuoteCache:
    return backend.adapter(InMemoryQuoteCache, RedisQuoteCache)


@pytest.fixture
def idempotency(backend: Backend) -> IdempotencyStore:
    return backend.adapter(InMemoryIdempotencyStore, RedisIdempotencyStore)


@pytest.fixture
def new_instance(backend: Backend) -> Callable[[], Broadcast]:
    """Builds one more instance's Broadcast on the backend's shared medium."""

    def build() -> Broadcast:
        if backend.redis is None:
            return InMemoryBroadcast(backend.hub)
        return RedisBroadcast(backend.redis, backend.url)

    return build


@pytest.fixture
async def listen() -> AsyncIterator[Listen]:
    """Starts `broadcast.listen(channels, ...)` in a task (cancelled after the test)."""
    async with listeners() as start:
        yield start
