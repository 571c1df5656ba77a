"""The shared quote board against a real Redis: a follower has the publisher's prices, hears
each change, and fails closed when the publisher goes quiet."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from decimal import Decimal

import pytest

from adapters.memory.clock import SystemClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.redis.broadcast import RedisBroadcast
from adapters.redis.client import redis_from_url
from adapters.redis.quote_board import RedisBoardFollower, RedisBoardPublisher
from ports.market_data.marketdata import QuoteUnavailable

WAIT_S = 10.0


@contextlib.asynccontextmanager
async def running(task_of: RedisBoardPublisher | RedisBoardFollower) -> AsyncIterator[None]:
    task = asyncio.create_task(task_of.run())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def until(check: Callable[[], object], within: float = WAIT_S) -> None:
    async with asyncio.timeout(within):
        while not check():  # noqa: ASYNC110 - states of several objects, no one event
            await asyncio.sleep(0.01)


def follower_of(
    url: str, board: InMemoryMarketData, stale_after_s: float = 5.0
) -> RedisBoardFollower:
    redis = redis_from_url(url)
    return RedisBoardFollower(
        redis, RedisBroadcast(redis, url), board, SystemClock(), stale_after_s=stale_after_s
    )


async def _price(board: InMemoryMarketData, symbol: str) -> Decimal | None:
    return (await board.reference_prices([symbol])).get(symbol)


async def test_a_follower_loads_the_board_then_hears_every_change(redis_url: str) -> None:
    # Arrange: the publisher's board has prices before anyone follows
    source = InMemoryMarketData(SystemClock())
    source.set_price("AAPL", "190")
    source.set_price("MSFT", "410")
    publisher = RedisBoardPublisher(redis_from_url(redis_url), source, heartbeat_s=0.1)
    local = InMemoryMarketData(SystemClock())
    follower = follower_of(redis_url, local)

    async with running(publisher):
        await until(lambda: publisher.published >= 1)
        async with running(follower):
            await until(follower.live.is_set)
            loaded = await local.reference_prices(["AAPL", "MSFT"])

            # Act
            moved = source.set_price("AAPL", "191.5")
            await until(lambda: local.latest("AAPL") == moved)

    # Assert
    assert loaded == {"AAPL": Decimal("190"), "MSFT": Decimal("410")}
    assert await local.quote("AAPL") == moved  # the publisher's own time stamp, not ours


async def test_a_follower_has_no_price_until_it_hears_a_publisher(redis_url: str) -> None:
    # Arrange: quotes left in Redis by a publisher that is gone (its last word a minute ago)
    source = InMemoryMarketData(SystemClock())
    source.set_price("AAPL", "190")
    gone = RedisBoardPublisher(
        redis_from_url(redis_url), source, wall_clock=lambda: time.time() - 60
    )
    await gone.flush()
    local = InMemoryMarketData(SystemClock())
    follower = follower_of(redis_url, local)

    # Act
    async with running(follower):
        await until(lambda: local.latest("AAPL") is not None)
        price = await _price(local, "AAPL")

    # Assert
    assert price is None
    with pytest.raises(QuoteUnavailable):
        await local.quote("AAPL")


async def test_a_follower_fails_closed_when_the_publisher_goes_quiet(redis_url: str) -> None:
    # Arrange
    source = InMemoryMarketData(SystemClock())
    source.set_price("AAPL", "190")
    publisher = RedisBoardPublisher(redis_from_url(redis_url), source, heartbeat_s=0.05)
    local = InMemoryMarketData(SystemClock())
    follower = follower_of(redis_url, local, stale_after_s=0.5)
    async with running(follower):
        async with running(publisher):
            await until(follower.live.is_set)
            before = await _price(local, "AAPL")

        # Act: the publisher stops (its process died)
        await until(lambda: not follower.live.is_set())
        after = await _price(local, "AAPL")

    # Assert
    assert before == Decimal("190")
    assert after is None


async def test_a_follower_ages_quotes_as_the_publisher_does(redis_url: str) -> None:
    # Arrange: the publisher's board runs a pump's maximum age; a quote is set, then not again
    source = InMemoryMarketData(SystemClock(), max_age_s=0.3)
    source.set_price("AAPL", "190")
    publisher = RedisBoardPublisher(redis_from_url(redis_url), source, heartbeat_s=0.05)
    local = InMemoryMarketData(SystemClock())
    follower = follower_of(redis_url, local)

    # Act
    async with running(publisher), running(follower):
        await until(follower.live.is_set)
        await asyncio.sleep(0.4)  # past the maximum age: the heartbeat alone renews nothing
        aged = await _price(local, "AAPL")
        still_live = follower.live.is_set()

    # Assert
    assert local.max_age_s == pytest.approx(0.3)
    assert still_live and aged is None


async def test_a_follower_starting_after_a_recent_heartbeat_is_live_at_once(
    redis_url: str,
) -> None:
    # Arrange: a publisher spoke a moment ago (and is between two heartbeats)
    source = InMemoryMarketData(SystemClock())
    source.set_price("AAPL", "190")
    await RedisBoardPublisher(redis_from_url(redis_url), source).flush()
    local = InMemoryMarketData(SystemClock())
    follower = follower_of(redis_url, local)

    # Act
    async with running(follower):
        await until(follower.live.is_set)
        price = await _price(local, "AAPL")

    # Assert
    assert price == Decimal("190")
