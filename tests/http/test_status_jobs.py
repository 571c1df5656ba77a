"""/api/status and /metrics say which leased background jobs this process runs now
(docs/reliability.md, "Background jobs run once"): one process alone holds every one."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest

from tests.http.harness import Harness

pytestmark = pytest.mark.serves()

# The harness runs no watcher (tests/http/harness.py): these leased jobs run in its app.
LEASED = {"kyc_purge", "vault_expiry"}
WAIT_S = 10.0  # a bound on waiting for the runners to take their leases, not a timing


async def jobs_once_held(harness: Harness) -> dict[str, Any]:
    """/api/status's `jobs` once this process holds the LEASED jobs' leases."""
    async with asyncio.timeout(WAIT_S):
        while True:
            jobs: dict[str, Any] = (await harness.client.get("/api/status")).json()["jobs"]
            if {held["job"] for held in jobs["held"]} >= LEASED:
                return jobs
            await asyncio.sleep(0.05)


async def test_status_names_the_leased_jobs_this_process_runs_and_since_when(
    harness: Harness,
) -> None:
    # Act
    jobs = await jobs_once_held(harness)

    # Assert: alone on its store, it runs them all and waits for none
    assert jobs["waiting"] == []
    assert jobs["lease_seconds"] == harness.container.settings().core.job_lease_seconds
    taken = {datetime.fromisoformat(held["since"]) for held in jobs["held"]}
    assert taken == {harness.clock.now()}  # the app's clock: nothing moved it
    assert "outbox" not in {held["job"] for held in jobs["held"]}  # every process's: no lease


async def test_metrics_show_each_job_lease_this_process_holds(harness: Harness) -> None:
    # Arrange
    await jobs_once_held(harness)

    # Act
    scraped = (await harness.client.get("/metrics")).text

    # Assert
    held = [line for line in scraped.splitlines() if line.startswith("bulwark_job_lease_held{")]
    assert 'bulwark_job_lease_held{name="vault_expiry"} 1.0' in held
    assert all(line.endswith(" 1.0") for line in held)
