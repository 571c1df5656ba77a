"""FallbackRateLimiter: the API limit answers from in-process buckets while Redis is down."""

from __future__ import annotations

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from structlog.testing import capture_logs

from adapters.memory.clock import FakeClock
from adapters.memory.ratelimit import InMemoryRateLimiter
from adapters.redis.fallback import FallbackRateLimiter
from ports.core.ratelimit import RateDecision


class _Primary:
    """A shared limiter that can lose its server; counts the calls that reach it."""

    def __init__(self, clock: FakeClock) -> None:
        self.buckets = InMemoryRateLimiter(clock)
        self.down = False
        self.error: Exception | None = None
        self.calls = 0

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision:
        self.calls += 1
        if self.down:
            raise RedisConnectionError("Connection refused")
        if self.error is not None:
            raise self.error
        return await self.buckets.hit(key, capacity, per_seconds)


@pytest.fixture
def primary(clock: FakeClock) -> _Primary:
    return _Primary(clock)


@pytest.fixture
def limiter(primary: _Primary, clock: FakeClock) -> FallbackRateLimiter:
    return FallbackRateLimiter(
        primary, InMemoryRateLimiter(clock), probe_every=1.0, monotonic=clock.monotonic
    )


async def test_the_primary_decides_while_it_answers(
    limiter: FallbackRateLimiter, primary: _Primary
) -> None:
    # Act
    decisions = [await limiter.hit("api:1", 2, 60.0) for _ in range(3)]

    # Assert
    assert [d.allowed for d in decisions] == [True, True, False]
    assert primary.calls == 3
    assert not limiter.degraded


async def test_an_unreachable_primary_is_replaced_by_the_fallback_with_one_warning(
    limiter: FallbackRateLimiter, primary: _Primary
) -> None:
    # Arrange
    primary.down = True

    # Act
    with capture_logs() as logs:
        decisions = [await limiter.hit("api:1", 2, 60.0) for _ in range(3)]

    # Assert: the fallback's own bucket limits, and the outage is logged once
    assert [d.allowed for d in decisions] == [True, True, False]
    assert limiter.degraded
    warnings = [entry for entry in logs if entry["log_level"] == "warning"]
    assert [w["event"] for w in warnings] == ["rate_limiter_fallback"]


async def test_during_an_outage_the_primary_is_probed_once_per_interval(
    limiter: FallbackRateLimiter, primary: _Primary, clock: FakeClock
) -> None:
    # Arrange
    primary.down = True
    await limiter.hit("api:1", 100, 60.0)
    calls_at_outage = primary.calls

    # Act
    for _ in range(5):
        await limiter.hit("api:1", 100, 60.0)
    calls_within_interval = primary.calls
    clock.advance(1.0)
    await limiter.hit("api:1", 100, 60.0)

    # Assert
    assert calls_within_interval == calls_at_outage
    assert primary.calls == calls_at_outage + 1


async def test_the_primary_takes_over_again_once_it_answers(
    limiter: FallbackRateLimiter, primary: _Primary, clock: FakeClock
) -> None:
    # Arrange: an outage, then the server is back
    primary.down = True
    await limiter.hit("api:1", 2, 60.0)
    primary.down = False
    clock.advance(1.0)

    # Act
    with capture_logs() as logs:
        back = [await limiter.hit("api:1", 2, 60.0) for _ in range(3)]
        primary.down = True
        await limiter.hit("api:1", 2, 60.0)

    # Assert: the primary's bucket (untouched during the outage) decides again; a new
    # outage is a new warning
    assert [d.allowed for d in back] == [True, True, False]
    events = [entry["event"] for entry in logs]
    assert events == ["rate_limiter_recovered", "rate_limiter_fallback"]


async def test_errors_other_than_an_unreachable_server_are_not_hidden(
    limiter: FallbackRateLimiter, primary: _Primary
) -> None:
    # Arrange
    primary.error = ValueError("capacity must be >= 1")

    # Act / Assert
    with pytest.raises(ValueError, match="capacity"):
        await limiter.hit("api:1", 0, 60.0)
    assert not limiter.degraded
