"""Two `bulwark serve` processes on one PostgreSQL: each leased background job runs in one
of them only, and when its holder is killed (SIGKILL: no shutdown, no release) the other
takes it over within BULWARK_JOB_LEASE_SECONDS (3 s here, the least the setting allows).

What each process says of itself (/api/status `jobs`): the leased jobs it runs now and those
it waits for. The effect watched is the orders-in-doubt watch's look at the store: only the
process that holds its lease looks, so only its /api/status has `orders_in_doubt.checked_at`.
The in-process twin (tests/integration/test_job_leases_takeover.py) covers the hung holder.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.bulwark_process import ROOT, bulwark, free_port
from tests.integration.servers import run_async
from tests.kit.processes import LocalProcess, tails
from tests.kit.schema import migrated

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TTL_S = 3.0  # BULWARK_JOB_LEASE_SECONDS: the stated takeover time
JOB = "in_doubt"  # the watch whose effect /api/status shows
START_WITHIN_S = 180.0  # a bound for a loaded 2-core box, never a timing
WAIT_S = 30.0  # the bound of every other wait
WATCH_S = 2 * TTL_S  # both running side by side: several renewals and tries on each


@dataclass
class Served:
    """One `bulwark serve` process and its base URL."""

    process: LocalProcess
    base: str

    def status(self) -> dict[str, Any]:
        answer: dict[str, Any] = httpx.get(f"{self.base}/api/status", timeout=5).json()
        return answer

    def ready(self) -> bool:
        try:
            return httpx.get(f"{self.base}/ready", timeout=2).status_code == 200
        except httpx.TransportError:
            return False


def held(status: dict[str, Any]) -> set[str]:
    return {job["job"] for job in status["jobs"]["held"]}


def known(status: dict[str, Any]) -> set[str]:
    return held(status) | set(status["jobs"]["waiting"])


def looked(status: dict[str, Any]) -> bool:
    """The in-doubt watch looked at the store in this process."""
    return status["orders_in_doubt"]["checked_at"] is not None


def _serve(name: str, database_url: str, log: Path) -> Served:
    port = free_port()
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env = {
        **inherited,
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": database_url,
        "BULWARK_PORT": str(port),
        "BULWARK_KILL_SWITCH_LANE": "false",  # not the case here: one listener less to start
        "BULWARK_KAFKA_BOOTSTRAP": "",
        "BULWARK_SERVED_CONTEXTS": "core",  # /api/status and /ready
        "BULWARK_JOB_LEASE_SECONDS": str(TTL_S),
    }
    process = LocalProcess.start(name, bulwark("serve"), env=env, cwd=ROOT, log=log)
    return Served(process, f"http://127.0.0.1:{port}")


@pytest.fixture
def pair(postgres_url: str, tmp_path: Path) -> Iterator[tuple[Served, Served]]:
    """Two processes on one migrated database, both ready, each leased job held by one."""
    run_async(lambda: migrated(postgres_url))
    both = (
        _serve("a", postgres_url, tmp_path / "a.log"),
        _serve("b", postgres_url, tmp_path / "b.log"),
    )
    try:
        deadline = time.monotonic() + START_WITHIN_S
        while not all(each.ready() for each in both):
            gone = [each for each in both if not each.process.running()]
            assert not gone and time.monotonic() < deadline, tails([e.process for e in both])
            time.sleep(0.2)
        yield both
    finally:
        for each in both:
            each.process.stop()


def taken_over(status: dict[str, Any]) -> bool:
    """This process runs every leased job, and the watch looked at the store here."""
    return held(status) == known(status) and JOB in held(status) and looked(status)


def settled(pair: tuple[Served, Served]) -> tuple[Served, Served]:
    """Once every leased job is held by one of the two: (the holder of JOB, the other)."""
    a, b = pair
    deadline = time.monotonic() + WAIT_S
    while True:
        sa, sb = a.status(), b.status()
        if held(sa) | held(sb) == known(sa) | known(sb) and JOB in held(sa) | held(sb):
            return (a, b) if JOB in held(sa) else (b, a)
        assert time.monotonic() < deadline, (sa["jobs"], sb["jobs"])
        time.sleep(0.1)


def test_a_leased_job_runs_in_one_served_process_and_is_taken_over_when_it_is_killed(
    pair: tuple[Served, Served],
) -> None:
    # Arrange
    holder, other = settled(pair)

    # Act: side by side for a while, then the holder killed outright
    samples = []
    until = time.monotonic() + WATCH_S
    while time.monotonic() < until:
        samples.append((holder.status(), other.status()))
        time.sleep(0.25)
    holder.process.kill()
    killed = time.monotonic()
    while not taken_over(survived := other.status()):
        assert time.monotonic() - killed < WAIT_S, (survived["jobs"], tails([other.process]))
        time.sleep(0.05)
    took = time.monotonic() - killed

    # Assert: never a job in both; the watch's effect only where it is held
    for on_holder, on_other in samples:
        assert not held(on_holder) & held(on_other), (on_holder["jobs"], on_other["jobs"])
        assert JOB in held(on_holder) and JOB not in held(on_other)
        assert looked(on_holder) and not looked(on_other)
    # ... and every job of the killed holder taken over within the stated time
    assert took < TTL_S + 1.0, took
    assert survived["jobs"]["waiting"] == []
