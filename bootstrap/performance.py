"""Performance analytics in the composition root: the equity history and the snapshot loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import time

import structlog

from application.analytics.equity_snapshots import EquitySnapshots, SnapshotRun
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import leased_task
from bootstrap.settings import Settings

_log = structlog.get_logger("bulwark.snapshots")
# The start-up run waits this long: the rest of start-up (the schema check, the demo data,
# the first quotes) comes first, and its accounts are then in the first snapshot.
START_DELAY_S = 10.0


def snapshot_time(settings: Settings) -> time:
    """The daily snapshot's UTC time of day (the setting is HH:MM, checked on load)."""
    hours, minutes = settings.analytics.equity_snapshot_time.split(":")
    return time(int(hours), int(minutes))


def log_run(run: SnapshotRun) -> None:
    """One line per run; a skipped or failed account is named with its reason."""
    _log.info(
        "equity_snapshots_taken",
        day=run.day.isoformat(),
        taken=len(run.taken),
        skipped=run.skipped or None,
        failed=run.failed or None,
    )


async def snapshot_loop(
    settings: Settings,
    job: Callable[[], EquitySnapshots],
    process: str = "serve",
    leases: JobLeases | None = None,
) -> AsyncIterator[asyncio.Task[None] | None]:
    """Takes snapshots at start-up and daily for the app's lifetime (BULWARK_EQUITY_SNAPSHOTS).

    Only in `bulwark serve` (not `bulwark consume`). A task beside the serving loop: start-up
    is not held by it, and its batches yield. With `leases`, only the process of the
    deployment that holds the job's lease takes them (were two to, the upsert keeps the last).
    """
    if not settings.analytics.equity_snapshots or process != "serve":
        yield None
        return
    stop = asyncio.Event()

    async def snapshots() -> None:
        await job().run(snapshot_time(settings), stop, start_delay_s=START_DELAY_S, on_run=log_run)

    async with leased_task("equity_snapshots", snapshots, stop, leases) as task:
        yield task
