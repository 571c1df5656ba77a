"""Lease contract (ports/core/leases.py): the in-memory, file-lock (SQLite) and PostgreSQL adapters
answer alike. Each "instance" is a process of the deployment: its own adapter object (the
memory adapter's instances share one object: one process owns a memory store).

Only the "postgres" runs ask for the `postgres_url` fixture, so the others need no server.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.memory.leases import InMemoryLeases
from adapters.postgres.leases import PostgresAdvisoryLeases
from adapters.postgres.sqlite_leases import FileLockLeases
from ports.core.leases import Leases
from tests.kit.clocks import ManualClock

TTL_S = 1.0
LEASE = "bulwark-job:margin"


@dataclass
class Instance:
    leases: Leases
    holder: str

    async def acquire(self, name: str = LEASE, ttl: float = TTL_S) -> bool:
        return await self.leases.acquire(name, self.holder, ttl)

    async def renew(self, name: str = LEASE, ttl: float = TTL_S) -> bool:
        return await self.leases.renew(name, self.holder, ttl)

    async def release(self, name: str = LEASE) -> None:
        await self.leases.release(name, self.holder)


@dataclass
class Deployment:
    """Where the leases live; `instance()` is another process, `kill` ends one abruptly."""

    kind: str
    make: Callable[[], Leases]
    clock: ManualClock = field(default_factory=ManualClock)
    made: list[Leases] = field(default_factory=list)
    numbers: itertools.count[int] = field(default_factory=itertools.count)

    def instance(self) -> Instance:
        leases = self.make()
        self.made.append(leases)
        return Instance(leases, f"holder-{next(self.numbers)}")

    def beside(self, other: Instance) -> Instance:
        """Another holder in the same process (the same adapter object)."""
        return Instance(other.leases, f"holder-{next(self.numbers)}")

    async def elapse(self, seconds: float) -> None:
        """The memory adapter's clock moves; PostgreSQL keeps real time."""
        if self.kind == "memory":
            self.clock.now += seconds
        else:
            await asyncio.sleep(seconds)

    async def kill(self, instance: Instance) -> None:
        """The process dies without releasing: its descriptors or its session go."""
        if isinstance(instance.leases, FileLockLeases):
            for _, fd in instance.leases._held.values():
                os.close(fd)
            instance.leases._held.clear()
        elif isinstance(instance.leases, PostgresAdvisoryLeases):
            conn = instance.leases._conn
            assert conn is not None
            await conn.invalidate()


@pytest.fixture(params=["memory", "file", "postgres"])
async def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Deployment]:
    if request.param == "memory":
        clock = ManualClock()
        shared = InMemoryLeases(clock)
        made = Deployment("memory", lambda: shared, clock=clock)
    elif request.param == "file":
        made = Deployment("file", lambda: FileLockLeases(tmp_path / "bulwark.db.leases"))
    else:
        url: str = request.getfixturevalue("postgres_url")
        made = Deployment("postgres", lambda: PostgresAdvisoryLeases(url))
    yield made
    for leases in made.made:
        await leases.aclose()


async def test_a_held_lease_is_refused_to_another_instance(deployment: Deployment) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()

    # Act
    took_a = await a.acquire()
    took_b = await b.acquire()

    # Assert
    assert (took_a, took_b) == (True, False)


async def test_a_held_lease_is_refused_to_another_holder_in_the_same_process(
    deployment: Deployment,
) -> None:
    # Arrange
    a = deployment.instance()
    b = deployment.beside(a)
    await a.acquire()

    # Act
    took_b = await b.acquire()

    # Assert
    assert took_b is False
    assert await a.renew() is True


async def test_other_names_are_other_leases(deployment: Deployment) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire("bulwark-job:margin")

    # Act
    took = await b.acquire("bulwark-job:kyc_purge")

    # Assert
    assert took is True


async def test_the_holder_acquiring_again_keeps_it(deployment: Deployment) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    again = await a.acquire()

    # Assert
    assert again is True
    assert await b.acquire() is False


async def test_renewing_keeps_the_lease_past_its_first_ttl(deployment: Deployment) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    kept = []
    for _ in range(3):
        await deployment.elapse(TTL_S * 0.5)
        kept.append(await a.renew())

    # Assert
    assert kept == [True, True, True]
    assert await b.acquire() is False


async def test_a_holder_that_stops_renewing_loses_the_lease_after_its_ttl(
    deployment: Deployment,
) -> None:
    if deployment.kind == "file":
        pytest.skip("file locks end with the process, not on a TTL (adapter docstring)")
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    await deployment.elapse(TTL_S * 1.5)
    took_b = await b.acquire()

    # Assert
    assert took_b is True
    assert await a.renew() is False


async def test_a_killed_holder_is_taken_over_at_once(deployment: Deployment) -> None:
    if deployment.kind == "memory":
        pytest.skip("one process owns a memory store: nothing outlives it to take over")
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    await deployment.kill(a)
    took_b = await b.acquire()

    # Assert
    assert took_b is True
    assert await a.renew() is False


async def test_a_released_lease_is_taken_by_another(deployment: Deployment) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    await a.release()
    took_b = await b.acquire()

    # Assert
    assert took_b is True
    assert await a.renew() is False


async def test_releasing_a_lease_one_does_not_hold_does_nothing(
    deployment: Deployment,
) -> None:
    # Arrange
    a, b = deployment.instance(), deployment.instance()
    await a.acquire()

    # Act
    await b.release()

    # Assert
    assert await b.acquire() is False
    assert await a.renew() is True


async def test_closing_releases_every_lease_held(deployment: Deployment) -> None:
    # Arrange
    a = deployment.instance()
    await a.acquire("bulwark-job:one")
    await a.acquire("bulwark-job:two")

    # Act
    await a.leases.aclose()
    b = deployment.instance()

    # Assert
    assert await b.acquire("bulwark-job:one") is True
    assert await b.acquire("bulwark-job:two") is True


async def test_the_postgres_lease_is_the_sessions_advisory_lock(postgres_url: str) -> None:
    # Arrange
    leases = PostgresAdvisoryLeases(postgres_url)
    engine = create_async_engine(postgres_url)

    # Act
    await leases.acquire(LEASE, "holder-0", TTL_S)
    async with engine.connect() as conn:
        found = await conn.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND pid <> pg_backend_pid()"
            )
        )
        held = int(found.scalar_one())
    await leases.aclose()
    await engine.dispose()

    # Assert
    assert held == 1
