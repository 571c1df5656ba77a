"""The rebalancing autopilot's schedule: one pass every interval while the process runs."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import structlog

from application.rebalancing.autopilot import RebalanceAutopilot
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import leased_task

_log = structlog.get_logger("bulwark.rebalancing")


async def autopilot_lifetime(
    enabled: bool,
    interval_seconds: float,
    autopilot: Callable[[], RebalanceAutopilot],
    leases: JobLeases | None = None,
) -> AsyncIterator[None]:
    """With BULWARK_REBALANCE_AUTOPILOT on, a background pass every interval (first at start);
    with `leases`, only in the process of the deployment that holds the schedule's lease."""
    if not enabled:
        yield
        return
    stop = asyncio.Event()

    async def passes() -> None:
        while not stop.is_set():
            try:
                decisions = await autopilot().run_once()
                _log.info(
                    "rebalance_autopilot_pass",
                    proposals=len(decisions),
                    executed=sum(1 for d in decisions if d.executed),
                )
            except Exception as exc:  # one failed pass must not end the schedule
                _log.warning("rebalance_autopilot_failed", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval_seconds)

    async with leased_task("rebalance_autopilot", passes, stop, leases):
        yield
