"""Served processes on PostgreSQL killed before the store (the server rolls the dead
connection's transaction back) and before a send, each in a burst; the next process
recovers with nothing in doubt, lost or doubled (served.py). The SQLite chain dies after a
send instead."""

from __future__ import annotations

from pathlib import Path

from bootstrap.crash_rehearsal import CrashPoint
from tests.integration.chaos.served import crash_chain


async def test_processes_killed_before_the_store_and_before_a_send_on_postgres_recover(
    postgres_url: str, tmp_path: Path
) -> None:
    # Arrange, Act: the chain of processes on one PostgreSQL database (its checks run in each)
    points = (CrashPoint.BEFORE_STORE, CrashPoint.BEFORE_SEND)
    seen = await crash_chain(postgres_url, tmp_path, points)

    # Assert: the kill switch after the recovery confirmed, and the broker agrees
    assert seen["record"]["broker_confirmed"] is True
    assert seen["record"]["unconfirmed_orders"] == []
