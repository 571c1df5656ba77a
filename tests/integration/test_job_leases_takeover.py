"""Two instances on one PostgreSQL, each with its own engine and lease connection: a job that
writes a row each tick runs on one only, and when that one dies (its session dropped) or
hangs (it stops renewing, its session stays open) the other takes the job over within the
lease's TTL (BULWARK_JOB_LEASE_SECONDS, here a short one)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.postgres.leases import PostgresAdvisoryLeases
from bootstrap.job_leases import JobLeases

TTL_S = 3.0
TICK_S = 0.05
WAIT_S = 30.0  # a bound on waiting, not a timing assertion


@dataclass
class Instance:
    """One process of the deployment: its store engine, its leases, its job runner."""

    name: str
    engine: AsyncEngine
    leases: PostgresAdvisoryLeases
    task: asyncio.Task[None] | None = None

    def start(self) -> None:
        jobs = JobLeases(self.leases, self.name, ttl_seconds=TTL_S)
        self.task = asyncio.create_task(jobs.run("equity_snapshots", self.ticks))

    async def ticks(self) -> None:
        """The job: a row per tick, written through this instance's own engine."""
        while True:
            async with self.engine.begin() as conn:
                await conn.execute(text("INSERT INTO ticks (holder) VALUES (:h)"), {"h": self.name})
            await asyncio.sleep(TICK_S)

    async def stop(self, *, releasing: bool) -> None:
        """Ends the process; without `releasing` its lease is left where it is."""
        if not releasing:

            async def nothing(name: str, holder: str) -> None:
                return None

            self.leases.release = nothing  # type: ignore[method-assign]
        assert self.task is not None
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


@pytest.fixture
async def instances(postgres_url: str) -> AsyncIterator[Callable[[str], Instance]]:
    setup = create_async_engine(postgres_url)
    async with setup.begin() as conn:
        await conn.execute(text("CREATE TABLE ticks (id serial PRIMARY KEY, holder text)"))
    await setup.dispose()
    made: list[Instance] = []

    def instance(name: str) -> Instance:
        made.append(
            Instance(name, create_async_engine(postgres_url), PostgresAdvisoryLeases(postgres_url))
        )
        return made[-1]

    yield instance
    for each in made:
        if each.task is not None and not each.task.done():
            await each.stop(releasing=True)
        await each.leases.aclose()
        await each.engine.dispose()


async def writers(engine: AsyncEngine, after: int = 0) -> dict[str, int]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT holder, count(*) FROM ticks WHERE id > :after GROUP BY holder"),
            {"after": after},
        )
        return {str(row[0]): int(row[1]) for row in rows.all()}


async def last_id(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        found = await conn.execute(text("SELECT coalesce(max(id), 0) FROM ticks"))
        return int(found.scalar_one())


async def until_written_by(engine: AsyncEngine, holder: str, after: int) -> float:
    """Seconds until `holder` writes a row past `after` (bounded by WAIT_S)."""
    started = time.monotonic()
    async with asyncio.timeout(WAIT_S):
        while holder not in await writers(engine, after):  # noqa: ASYNC110 - a table, no event
            await asyncio.sleep(0.1)
    return time.monotonic() - started


async def started_pair(instance: Callable[[str], Instance]) -> tuple[Instance, Instance]:
    """Two instances started; the one that took the job first is returned first."""
    a, b = instance("a"), instance("b")
    a.start()
    b.start()
    async with asyncio.timeout(WAIT_S):
        while not await writers(a.engine):  # noqa: ASYNC110 - a table, no event
            await asyncio.sleep(0.1)
    await asyncio.sleep(TTL_S)  # several renewals and retries on both
    (first,) = (await writers(a.engine)).keys()
    return (a, b) if first == "a" else (b, a)


async def test_a_job_runs_on_one_instance_only(
    instances: Callable[[str], Instance],
) -> None:
    # Arrange
    holder, _ = await started_pair(instances)

    # Act
    written = await writers(holder.engine)

    # Assert
    assert set(written) == {holder.name}
    assert written[holder.name] > 10


async def test_a_killed_holder_is_taken_over_within_the_ttl(
    instances: Callable[[str], Instance],
) -> None:
    # Arrange
    holder, other = await started_pair(instances)

    # Act
    assert holder.leases._conn is not None
    await holder.leases._conn.invalidate()  # the process dies: its session drops
    await holder.stop(releasing=False)
    after = await last_id(other.engine)
    took = await until_written_by(other.engine, other.name, after)

    # Assert
    assert took < TTL_S + 1.0
    assert set(await writers(other.engine, after)) == {other.name}


async def test_a_hung_holder_is_taken_over_after_the_ttl(
    instances: Callable[[str], Instance],
) -> None:
    # Arrange
    holder, other = await started_pair(instances)

    # Act
    await holder.stop(releasing=False)  # no more renewals; its session stays open
    after = await last_id(other.engine)
    took = await until_written_by(other.engine, other.name, after)

    # Assert
    assert took < 2 * TTL_S + 1.0
    assert set(await writers(other.engine, after)) == {other.name}
