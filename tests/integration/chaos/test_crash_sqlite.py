"""Served processes on SQLite killed before the store, before a send and after a send, each
in a burst; the next process recovers with nothing in doubt, lost or doubled (served.py)."""

from __future__ import annotations

from pathlib import Path

from tests.integration.chaos.served import crash_chain


async def test_processes_killed_at_each_point_of_the_order_path_on_sqlite_recover(
    tmp_path: Path,
) -> None:
    # Arrange, Act: the chain of processes on one SQLite file (its checks run in each)
    seen = await crash_chain(f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}", tmp_path)

    # Assert: the kill switch after the recovery confirmed, and the broker agrees
    assert seen["record"]["broker_confirmed"] is True
    assert seen["record"]["unconfirmed_orders"] == []
