"""Served processes on SQLite killed before the store (the journal rolls the dead process's
transaction back) and after a send, each in a burst; the next process recovers with nothing
in doubt, lost or doubled (served.py). The PostgreSQL chain dies before a send instead."""

from __future__ import annotations

from pathlib import Path

from bootstrap.crash_rehearsal import CrashPoint
from tests.integration.chaos.served import crash_chain


async def test_processes_killed_before_the_store_and_after_a_send_on_sqlite_recover(
    tmp_path: Path,
) -> None:
    # Arrange, Act: the chain of processes on one SQLite file (its checks run in each)
    points = (CrashPoint.BEFORE_STORE, CrashPoint.AFTER_SEND)
    seen = await crash_chain(f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}", tmp_path, points)

    # Assert: the kill switch after the recovery confirmed, and the broker agrees
    assert seen["record"]["broker_confirmed"] is True
    assert seen["record"]["unconfirmed_orders"] == []
