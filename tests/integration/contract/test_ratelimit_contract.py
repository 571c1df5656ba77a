"""RateLimiter contract: the in-memory and the Redis token buckets answer alike."""

from __future__ import annotations

import asyncio

from ports.core.ratelimit import RateLimiter
from tests.integration.contract.conftest import Backend


async def test_a_bucket_allows_its_capacity_then_refuses(limiter: RateLimiter) -> None:
    # Arrange
    capacity = 3

    # Act
    decisions = [await limiter.hit("client-a", capacity, 60.0) for _ in range(capacity + 1)]

    # Assert
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]


async def test_a_refusal_says_when_to_retry(limiter: RateLimiter) -> None:
    # Arrange
    await limiter.hit("client-a", 1, 60.0)

    # Act
    refused = await limiter.hit("client-a", 1, 60.0)

    # Assert
    assert not refused.allowed
    assert 0 < refused.retry_after <= 60.0


async def test_tokens_come_back_after_a_refill(limiter: RateLimiter, backend: Backend) -> None:
    # Arrange: 2 tokens a second; both spent
    for _ in range(2):
        await limiter.hit("client-a", 2, 1.0)
    refused = await limiter.hit("client-a", 2, 1.0)

    # Act
    await backend.elapse(0.6)
    after_refill = await limiter.hit("client-a", 2, 1.0)

    # Assert
    assert not refused.allowed
    assert after_refill.allowed


async def test_concurrent_hits_never_share_a_token(limiter: RateLimiter) -> None:
    # Act
    decisions = await asyncio.gather(*(limiter.hit("client-a", 10, 60.0) for _ in range(50)))

    # Assert
    assert sum(d.allowed for d in decisions) == 10
    assert sorted(d.remaining for d in decisions if d.allowed) == list(range(10))


async def test_keys_have_separate_buckets(limiter: RateLimiter) -> None:
    # Arrange
    await limiter.hit("client-a", 1, 60.0)

    # Act
    other = await limiter.hit("client-b", 1, 60.0)
    same = await limiter.hit("client-a", 1, 60.0)

    # Assert
    assert other.allowed
    assert not same.allowed
