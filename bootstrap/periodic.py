"""Background checks run every few seconds for the app's lifetime (one task per check).

A failing check is logged with its name and tried again at the next tick: a store outage
must not end the margin watch, the KYC purge or the vault's expiry warnings.

Given `leases` (bootstrap/job_leases.py), each check runs only in the process that holds its
lease (named after the check): once across workers and instances, never once per process.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping
from typing import Any, TypeVar

import structlog

from bootstrap.job_leases import JobLeases

_log = structlog.get_logger("bulwark.periodic")

Check = Callable[[], Awaitable[object]]
Service = TypeVar("Service")


@contextlib.asynccontextmanager
async def running_every(
    checks: Mapping[str, Check], every_seconds: float, leases: JobLeases | None = None
) -> AsyncIterator[dict[str, asyncio.Task[None]]]:
    """Runs each check at once and then every `every_seconds`; cancels them all on exit.

    With `leases`, a check runs only while this process holds its lease (at once when
    taken, then every `every_seconds`); without, in every process (the kill switch's).
    """

    async def loop(name: str, check: Check) -> None:
        while True:
            try:
                await check()
            except Exception as exc:  # a failing watcher must not die: log and keep watching
                _log.error("watcher_failed", watcher=name, error_type=type(exc).__name__)
            await asyncio.sleep(every_seconds)

    def start(name: str, check: Check) -> asyncio.Task[None]:
        if leases is None:
            return asyncio.create_task(loop(name, check))
        return asyncio.create_task(leases.run(name, lambda: loop(name, check)))

    tasks = {name: start(name, check) for name, check in checks.items()}
    try:
        yield tasks
    finally:
        for task in tasks.values():
            task.cancel()
        for task in tasks.values():
            with contextlib.suppress(asyncio.CancelledError):
                await task


@contextlib.asynccontextmanager
async def serving_every(
    checks: Mapping[str, Check], every_seconds: float, process: str, leases: JobLeases | None
) -> AsyncIterator[None]:
    """`running_every` in the server's process (`bulwark serve`) while `every_seconds` > 0;
    nothing in another process (`bulwark consume`) or at 0."""
    if every_seconds <= 0 or process != "serve":
        yield
        return
    async with running_every(checks, every_seconds, leases):
        yield


async def serving_job(
    name: str,
    job: Callable[[Service], Awaitable[object]],
    service: Callable[[], Service],
    every_seconds: float,
    process: str,
    leases: JobLeases | None = None,
) -> AsyncIterator[None]:
    """`job` over the service `service()` builds, `serving_every` `every_seconds` under the
    check's name `name`: a context's periodic job, a container's resource for the app's life."""
    async with serving_every({name: lambda: job(service())}, every_seconds, process, leases):
        yield


@contextlib.asynccontextmanager
async def leased_task(
    name: str,
    job: Callable[[], Coroutine[Any, Any, None]],
    stop: asyncio.Event,
    leases: JobLeases | None,
) -> AsyncIterator[asyncio.Task[None]]:
    """Runs `job` as one task for the app's lifetime: with `leases`, only while this process
    holds the lease `name`. On exit `stop` is set and the task cancelled (a run waiting on a
    slow store or provider must not hold the shutdown)."""
    task = asyncio.create_task(job() if leases is None else leases.run(name, job))
    try:
        yield task
    finally:
        stop.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
