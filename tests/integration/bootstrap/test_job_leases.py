"""The job runner (bootstrap/job_leases.py): a job runs only in the process holding its
lease, stops when the lease is lost, and is taken over when its holder dies or stops."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from adapters.memory.leases import InMemoryLeases
from adapters.postgres.leases import PostgresAdvisoryLeases
from adapters.postgres.sqlite_leases import FileLockLeases
from bootstrap.job_leases import PREFIX, JobLeases, lease_port
from bootstrap.periodic import running_every
from bootstrap.settings import Settings
from bootstrap.settings.store import StoreSettings
from tests.kit.clocks import ManualClock

WAIT_S = 5.0  # a bound on how long a test waits for what it expects, not a timing assertion
TTL_S = 0.6
RETRY_S = 0.02


@dataclass
class Ticks:
    """A job that counts its ticks and says whether it is running."""

    count: int = 0
    running: bool = False
    started: asyncio.Event = field(default_factory=asyncio.Event)

    async def job(self) -> None:
        self.running = True
        self.started.set()
        try:
            while True:
                self.count += 1
                await asyncio.sleep(0.01)
        finally:
            self.running = False


class NoRelease:
    """A process that dies: its leases are never released (the adapter outlives nothing)."""

    def __init__(self, inner: InMemoryLeases) -> None:
        self._inner = inner

    async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool:
        return await self._inner.acquire(name, holder, ttl_seconds)

    async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
        return await self._inner.renew(name, holder, ttl_seconds)

    async def release(self, name: str, holder: str) -> None:
        return None

    async def aclose(self) -> None:
        return None


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(WAIT_S):
        while not condition():  # noqa: ASYNC110 - states of several objects, no one event
            await asyncio.sleep(0.01)


@contextlib.asynccontextmanager
async def running(
    leases: JobLeases, job: Callable[[], Awaitable[object]]
) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(leases.run("snapshots", job))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def process(leases: object, holder: str, ttl: float = TTL_S) -> JobLeases:
    return JobLeases(leases, holder, ttl_seconds=ttl, retry_seconds=RETRY_S)  # type: ignore[arg-type]


async def test_only_the_holder_runs_the_job() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())
    a, b = Ticks(), Ticks()

    # Act
    async with running(process(store, "a"), a.job), running(process(store, "b"), b.job):
        await until(lambda: a.count + b.count >= 20)
        await asyncio.sleep(TTL_S)  # several renewals and retries

    # Assert
    assert sorted([a.count > 0, b.count > 0]) == [False, True]


async def test_a_lost_lease_stops_the_job() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())
    a = Ticks()
    async with running(process(store, "a"), a.job):
        await asyncio.wait_for(a.started.wait(), WAIT_S)

        # Act
        await store.release(PREFIX + "snapshots", "a")  # taken from under it
        await store.acquire(PREFIX + "snapshots", "thief", 60.0)
        await until(lambda: not a.running)

        # Assert
        count = a.count
        await asyncio.sleep(TTL_S)
        assert a.count == count  # and it is not started again while another holds it


async def test_a_holder_that_dies_is_taken_over_after_the_ttl() -> None:
    # Arrange
    clock = ManualClock()
    store = InMemoryLeases(clock)
    a, b = Ticks(), Ticks()
    async with running(process(NoRelease(store), "a"), a.job) as holder:
        await asyncio.wait_for(a.started.wait(), WAIT_S)
        async with running(process(store, "b"), b.job):
            # Act
            holder.cancel()  # killed: it stops renewing and never releases
            with contextlib.suppress(asyncio.CancelledError):
                await holder
            await asyncio.sleep(10 * RETRY_S)
            before_ttl = b.count
            clock.now += TTL_S  # the dead holder's lease expires
            await asyncio.wait_for(b.started.wait(), WAIT_S)

    # Assert
    assert before_ttl == 0
    assert b.count > 0


async def test_a_stopped_holder_releases_so_another_takes_over_before_the_ttl() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())  # the clock never moves: only a release frees it
    a, b = Ticks(), Ticks()
    async with running(process(store, "a"), a.job) as holder:
        await asyncio.wait_for(a.started.wait(), WAIT_S)
        async with running(process(store, "b"), b.job):
            # Act
            holder.cancel()  # shutdown
            with contextlib.suppress(asyncio.CancelledError):
                await holder
            await asyncio.wait_for(b.started.wait(), WAIT_S)

    # Assert
    assert not a.running
    assert b.count > 0


async def test_a_store_outage_while_acquiring_is_tried_again() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())
    failures = [ConnectionError("down"), ConnectionError("still down")]

    class Flaky(NoRelease):
        async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool:
            if failures:
                raise failures.pop()
            return await store.acquire(name, holder, ttl_seconds)

    a = Ticks()

    # Act
    async with running(process(Flaky(store), "a"), a.job):
        await asyncio.wait_for(a.started.wait(), WAIT_S)

    # Assert
    assert failures == []


async def test_a_failing_renew_counts_as_lost() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())

    class RenewFails(NoRelease):
        async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
            raise ConnectionError("down")

    a = Ticks()

    # Act
    async with running(process(RenewFails(store), "a", ttl=0.15), a.job):
        await asyncio.wait_for(a.started.wait(), WAIT_S)
        await until(lambda: not a.running)

    # Assert
    assert a.count > 0


@pytest.mark.parametrize("leased", [True, False])
async def test_running_every_runs_a_check_in_one_process_only_when_leased(leased: bool) -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())
    calls = {"a": 0, "b": 0}

    def check(who: str) -> Callable[[], Awaitable[None]]:
        async def tick() -> None:
            calls[who] += 1

        return tick

    def leases(holder: str) -> JobLeases | None:
        return process(store, holder) if leased else None

    # Act
    async with (
        running_every({"margin": check("a")}, 0.01, leases("a")),
        running_every({"margin": check("b")}, 0.01, leases("b")),
    ):
        await until(lambda: calls["a"] + calls["b"] >= 20)

    # Assert
    ran = sorted(who for who, n in calls.items() if n > 0)
    assert len(ran) == (1 if leased else 2)


@pytest.mark.parametrize(
    ("url", "lease_url", "kind"),
    [
        ("memory://", None, "InMemoryLeases"),
        ("sqlite+aiosqlite:///{tmp}/bulwark.db", None, "FileLockLeases"),
        ("postgresql+asyncpg://u:p@db:5432/bulwark", None, "PostgresAdvisoryLeases"),
        (
            "postgresql+asyncpg://u:p@pgbouncer:6432/bulwark",
            "postgresql+asyncpg://u:p@db:5432/bulwark",
            "PostgresAdvisoryLeases",
        ),
    ],
)
async def test_the_lease_is_the_stores_own_lock(
    url: str, lease_url: str | None, kind: str, tmp_path: Path
) -> None:
    # Arrange
    store = StoreSettings(database_url=url.format(tmp=tmp_path), lease_url=lease_url)

    # Act
    leases = lease_port(Settings(store=store))  # nothing is connected until a lease is tried

    # Assert
    assert type(leases).__name__ == kind
    if isinstance(leases, FileLockLeases):
        await leases.acquire("bulwark-job:margin", "a", 1.0)
        assert (tmp_path / "bulwark.db.leases" / "bulwark-job_margin.lock").exists()
    if isinstance(leases, PostgresAdvisoryLeases):
        assert leases._engine.url.host == "db"
    await leases.aclose()


async def test_a_runner_cancelled_while_its_job_is_stopping_ends() -> None:
    # Arrange: a renew that fails, so the runner stops its job; the job takes a moment to stop
    store = InMemoryLeases(ManualClock())

    class RenewFails(NoRelease):
        async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
            raise ConnectionError("down")

    stopping = asyncio.Event()

    async def slow_to_stop() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            stopping.set()
            await asyncio.sleep(0.2)

    runner = asyncio.create_task(
        process(RenewFails(store), "a", ttl=0.15).run("snapshots", slow_to_stop)
    )
    await asyncio.wait_for(stopping.wait(), WAIT_S)

    # Act: shutdown cancels the runner while it waits for its job to stop
    runner.cancel()
    finished, _ = await asyncio.wait({runner}, timeout=WAIT_S)

    # Assert: the cancel is not swallowed, the runner ends
    assert finished == {runner}
    assert runner.cancelled()


async def test_each_process_reports_the_jobs_it_holds_and_those_it_waits_for() -> None:
    # Arrange
    store = InMemoryLeases(ManualClock())  # the clock never moves: only a release frees it
    a, b = Ticks(), Ticks()
    first, second = process(store, "a"), process(store, "b")
    async with running(first, a.job) as holder:
        await asyncio.wait_for(a.started.wait(), WAIT_S)
        async with running(second, b.job):
            await until(lambda: "snapshots" in second.holdings.report().waiting)
            before = (first.holdings.report(), second.holdings.report())

            # Act
            holder.cancel()  # shutdown: released, taken over
            with contextlib.suppress(asyncio.CancelledError):
                await holder
            await asyncio.wait_for(b.started.wait(), WAIT_S)
            after = (first.holdings.report(), second.holdings.report())

    # Assert
    assert ([j.name for j in before[0].held], before[0].waiting) == (["snapshots"], ())
    assert (before[1].held, before[1].waiting) == ((), ("snapshots",))
    assert (after[0].held, after[0].waiting) == ((), ("snapshots",))
    assert [j.name for j in after[1].held] == ["snapshots"]
    assert before[0].lease_seconds == TTL_S
