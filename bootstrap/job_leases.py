"""Background jobs run once across workers and instances: each runs only in the process that
holds its lease (ports/core/leases.py), and another process takes it over when the holder dies.

`JobLeases.run(name, job)` runs for the app's lifetime: it tries to take the lease
`bulwark-job:<name>` every `retry_seconds`; while held it runs `job` (a coroutine that loops
until cancelled) and renews the lease every `ttl_seconds / 3`; a renew that fails or answers
False cancels the job at once (another process may take it after the TTL); at shutdown the
job is cancelled and the lease released, so that another process takes it at its next try.

`JobHoldings` says which of them this process holds now and which it waits for (another
process holds them): /api/status shows it under `jobs`, /metrics as `bulwark_job_lease_held`.

The lease port in use (`lease_port`): PostgreSQL's advisory locks for a PostgreSQL store,
file locks beside the database for SQLite (one host: its workers), memory for memory://.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import structlog

from bootstrap.settings import Settings
from ports.core.leases import HeldJob, JobLeaseReport, Leases

_log = structlog.get_logger("bulwark.jobs")

Job = Callable[[], Awaitable[object]]
PREFIX = "bulwark-job:"
_RELEASE_WITHIN_S = 2.0


def holder_id() -> str:
    """This process, unique across hosts and restarts: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class JobHoldings:
    """The leased jobs of this process: each job's name once its runner started, and when
    this process took its lease for those it runs now (ports/core/leases.py JobLeaseStatus)."""

    lease_seconds: float = 15.0
    now: Callable[[], datetime] = _utc_now
    _held: dict[str, datetime] = field(default_factory=dict)
    _known: set[str] = field(default_factory=set)

    def waiting(self, name: str) -> None:
        self._known.add(name)

    def taken(self, name: str) -> None:
        self._known.add(name)
        self._held[name] = self.now()

    def let_go(self, name: str) -> None:
        self._held.pop(name, None)

    def report(self) -> JobLeaseReport:
        held = dict(self._held)
        return JobLeaseReport(
            self.lease_seconds,
            tuple(HeldJob(name, since) for name, since in sorted(held.items())),
            tuple(sorted(self._known - held.keys())),
        )


@dataclass(frozen=True, slots=True)
class JobLeases:
    """Runs each named job only while this process holds the job's lease."""

    leases: Leases
    holder: str = field(default_factory=holder_id)
    ttl_seconds: float = 15.0
    # How often a process without the lease tries to take it (default: a third of the TTL).
    retry_seconds: float | None = None
    # What this process holds now (/api/status, /metrics); its own, at this TTL, unless given.
    given_holdings: JobHoldings | None = None
    holdings: JobHoldings = field(init=False)

    def __post_init__(self) -> None:
        held = self.given_holdings or JobHoldings(self.ttl_seconds)
        object.__setattr__(self, "holdings", held)  # frozen: set once, here

    @property
    def renew_seconds(self) -> float:
        return self.ttl_seconds / 3

    async def run(self, name: str, job: Job) -> None:
        """Until cancelled: take the lease when free, run `job` while it is held."""
        lease = PREFIX + name
        retry = self.retry_seconds if self.retry_seconds is not None else self.renew_seconds
        self.holdings.waiting(name)
        while True:
            try:
                taken = await self.leases.acquire(lease, self.holder, self.ttl_seconds)
            except Exception as exc:  # a store outage: try again at the next tick
                _log.warning("job_lease_unavailable", job=name, error_type=type(exc).__name__)
                taken = False
            if taken:
                await self._while_held(name, lease, job)
            await asyncio.sleep(retry)

    async def _while_held(self, name: str, lease: str, job: Job) -> None:
        _log.info("job_lease_taken", job=name, holder=self.holder)
        self.holdings.taken(name)
        task = asyncio.ensure_future(job())
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=self.renew_seconds)
                if done:  # the job ended on its own: the lease goes back to the pool
                    if not task.cancelled() and task.exception() is not None:
                        _log.error("job_failed", job=name, error=type(task.exception()).__name__)
                    return
                if not await self._renewed(name, lease):
                    _log.warning("job_lease_lost", job=name, holder=self.holder)
                    return
        finally:
            task.cancel()
            try:
                # The job's end, whatever it raised; a cancel of this runner itself (shutdown)
                # propagates from here. Suppressing CancelledError around `await task` swallowed
                # it when it came while the job was being stopped: the runner went on looping and
                # whoever cancelled it waited for ever.
                await asyncio.wait({task})
            finally:
                self.holdings.let_go(name)  # the job stopped here: no longer run by this one
                await self._release(name, lease)

    async def _renewed(self, name: str, lease: str) -> bool:
        try:
            return await self.leases.renew(lease, self.holder, self.ttl_seconds)
        except Exception as exc:
            _log.warning("job_lease_renew_failed", job=name, error_type=type(exc).__name__)
            return False

    async def _release(self, name: str, lease: str) -> None:
        """Released at once (the job stopped here), within a bound: shutdown must not hang."""
        try:
            async with asyncio.timeout(_RELEASE_WITHIN_S):
                await self.leases.release(lease, self.holder)
        except Exception as exc:  # its TTL (or the dropped session) frees it anyway
            _log.warning("job_lease_release_failed", job=name, error_type=type(exc).__name__)


def lease_port(settings: Settings) -> Leases:
    """The store's own lock: the store is the truth every process of a deployment shares."""
    url = settings.store.database_url
    if url.startswith("postgresql"):
        from adapters.postgres.leases import PostgresAdvisoryLeases

        return PostgresAdvisoryLeases(
            settings.store.lease_url or url, timeout_seconds=settings.store.pool_timeout_seconds
        )
    from bootstrap.storage import sqlite_file

    database = sqlite_file(url)
    if database is not None:
        from adapters.postgres.sqlite_leases import FileLockLeases

        return FileLockLeases(database.with_name(database.name + ".leases"))
    from adapters.memory.leases import InMemoryLeases

    return InMemoryLeases()


async def job_leases_lifetime(
    settings: Settings, holdings: JobHoldings | None = None
) -> AsyncIterator[JobLeases]:
    """The process's job leases; at shutdown every lease still held is released."""
    leases = lease_port(settings)
    ttl = settings.core.job_lease_seconds
    try:
        yield JobLeases(leases, ttl_seconds=ttl, given_holdings=holdings)
    finally:
        with contextlib.suppress(Exception):
            await leases.aclose()
