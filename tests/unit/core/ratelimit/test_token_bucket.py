"""The in-memory token bucket: capacity, refill, retry-after, independent keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.memory.clock import FakeClock
from adapters.memory.ratelimit import InMemoryRateLimiter


async def test_a_full_bucket_allows_capacity_calls_then_refuses_with_retry_after() -> None:
    # Arrange
    limiter = InMemoryRateLimiter(FakeClock())

    # Act
    decisions = [await limiter.hit("k", 3, 60.0) for _ in range(4)]

    # Assert
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions[:3]] == [2, 1, 0]
    assert decisions[3].retry_after == pytest.approx(20.0)


async def test_tokens_come_back_at_the_refill_rate() -> None:
    # Arrange
    clock = FakeClock()
    limiter = InMemoryRateLimiter(clock)
    for _ in range(3):
        await limiter.hit("k", 3, 60.0)

    # Act
    clock.advance(19.9)
    early = await limiter.hit("k", 3, 60.0)
    clock.advance(0.2)
    later = await limiter.hit("k", 3, 60.0)

    # Assert
    assert not early.allowed
    assert later.allowed


async def test_keys_have_separate_buckets() -> None:
    # Arrange
    limiter = InMemoryRateLimiter(FakeClock())
    await limiter.hit("a", 1, 60.0)

    # Act
    other = await limiter.hit("b", 1, 60.0)

    # Assert
    assert other.allowed
    assert not (await limiter.hit("a", 1, 60.0)).allowed


@given(
    capacity=st.integers(1, 50),
    gaps=st.lists(st.floats(0, 5, allow_nan=False), min_size=1, max_size=200),
)
async def test_never_more_than_capacity_plus_refill_in_any_run(
    capacity: int, gaps: list[float]
) -> None:
    # Arrange
    clock = FakeClock()
    limiter = InMemoryRateLimiter(clock)
    per_seconds = 10.0
    allowed = 0

    # Act
    for gap in gaps:
        clock.advance(gap)
        allowed += (await limiter.hit("k", capacity, per_seconds)).allowed

    # Assert
    elapsed = sum(gaps)
    assert allowed <= capacity + int(elapsed * capacity / per_seconds) + 1
