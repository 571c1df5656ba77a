"""BreachWindow contract: the execution throttle's count answers alike in memory and in Redis,
where every instance shares it; with Redis down it goes on in the process."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from adapters.memory.breach_window import InMemoryBreachWindow
from adapters.redis.breach_window import RedisBreachWindow
from adapters.redis.client import redis_from_url
from ports.safety.throttle import BreachWindow
from tests.integration.contract.conftest import Backend

AT = datetime(2026, 1, 5, 15, 0)
SPAN = timedelta(seconds=60)


@pytest.fixture
def instance(backend: Backend) -> Callable[[], BreachWindow]:
    """One more instance's count on the backend (in memory: the one process's)."""
    shared = InMemoryBreachWindow()

    def build() -> BreachWindow:
        return shared if backend.redis is None else RedisBreachWindow(backend.redis)

    return build


def at(seconds: float) -> datetime:
    return AT + timedelta(seconds=seconds)


async def test_breaches_count_once_each_and_the_nth_forgets_them(
    instance: Callable[[], BreachWindow],
) -> None:
    # Arrange
    window = instance()

    # Act
    counts = [
        await window.add("agent:a", "o-1", at(0), SPAN, 3),
        await window.add("agent:a", "o-1", at(0), SPAN, 3),  # delivered twice
        await window.add("agent:a", "o-2", at(1), SPAN, 3),
        await window.add("agent:b", "o-3", at(1), SPAN, 3),  # another originator
        await window.add("agent:a", "o-4", at(2), SPAN, 3),  # the third: it trips
        await window.add("agent:a", "o-5", at(3), SPAN, 3),  # a new episode
    ]

    # Assert
    assert counts == [1, 0, 2, 1, 3, 1]


async def test_a_breach_as_old_as_the_window_no_longer_counts(
    instance: Callable[[], BreachWindow],
) -> None:
    # Arrange
    window = instance()
    await window.add("agent:a", "o-1", at(0), SPAN, 3)
    await window.add("agent:a", "o-2", at(30), SPAN, 3)

    # Act
    count = await window.add("agent:a", "o-3", at(60), SPAN, 3)

    # Assert: o-1 is 60 s old: out; o-2 and o-3 count
    assert count == 2


async def test_instances_count_one_originator_together(
    instance: Callable[[], BreachWindow],
) -> None:
    # Arrange: two workers' counts
    one, other = instance(), instance()

    # Act
    counts = [
        await one.add("agent:a", "o-1", at(0), SPAN, 3),
        await other.add("agent:a", "o-2", at(1), SPAN, 3),
        await one.add("agent:a", "o-3", at(2), SPAN, 3),
    ]

    # Assert
    assert counts == [1, 2, 3]


async def test_clear_forgets_an_originators_breaches(
    instance: Callable[[], BreachWindow],
) -> None:
    # Arrange
    window = instance()
    await window.add("agent:a", "o-1", at(0), SPAN, 3)
    await window.add("agent:a", "o-2", at(1), SPAN, 3)

    # Act
    await window.clear("agent:a")
    count = await window.add("agent:a", "o-3", at(2), SPAN, 3)

    # Assert
    assert count == 1


async def test_redis_keeps_an_originators_breaches_no_longer_than_the_window(
    backend: Backend,
) -> None:
    # Arrange
    if backend.redis is None:
        pytest.skip("Redis's expiry")
    window = RedisBreachWindow(backend.redis)

    # Act
    await window.add("agent:a", "o-1", at(0), SPAN, 3)
    ttl_ms = await backend.redis.pttl("bulwark:throttle:agent:a")

    # Assert
    assert 0 < ttl_ms <= 60_000


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_with_redis_unreachable_the_count_goes_on_in_the_process() -> None:
    # Arrange
    client = redis_from_url(f"redis://127.0.0.1:{_closed_port()}/0", timeout=0.2)
    window = RedisBreachWindow(client, fallback=InMemoryBreachWindow())

    # Act
    try:
        counts = [await window.add("agent:a", f"o-{n}", at(n), SPAN, 3) for n in range(3)]
    finally:
        await client.aclose()

    # Assert
    assert counts == [1, 2, 3]
    assert window.degraded
