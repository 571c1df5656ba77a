"""The equity history: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.equity import InMemoryEquityHistory
from adapters.postgres.equity import SqlEquityHistory
from ports.trading.equity import EquityHistory, EquitySnapshot
from tests.integration.store.conftest import StoreUnderTest

D = Decimal
DAY = date(2026, 3, 2)


@pytest.fixture
def history(store: StoreUnderTest) -> EquityHistory:
    return store.adapter(InMemoryEquityHistory, SqlEquityHistory)


def snapshot(day_offset: int = 0, *, account: str = "acc-1", **fields: object) -> EquitySnapshot:
    """A snapshot of `account` on DAY + offset, taken at 21:00 UTC of that day."""
    day = DAY + timedelta(days=day_offset)
    values: dict[str, object] = {
        "equity": D("100000.123456789"),
        "cash": D("40000.5"),
        "market_value": D("59999.623456789"),
        "gross_exposure": D("70000.01"),
        "net_flow": D("-250.75"),
        "traded_notional": D("12345.6789"),
        "realized_pnl": D("-17.3"),
        "taken_at": datetime(day.year, day.month, day.day, 21, 0, 0, 123456, tzinfo=UTC),
        **fields,
    }
    return EquitySnapshot(account_id=account, day=day, **values)  # type: ignore[arg-type]


async def test_a_snapshot_round_trips_exactly(history: EquityHistory) -> None:
    # Arrange
    original = snapshot()

    # Act
    await history.upsert(original)
    [loaded] = await history.range("acc-1", DAY, DAY)

    # Assert
    assert loaded == original
    assert isinstance(loaded.equity, Decimal) and str(loaded.equity) == "100000.123456789"
    assert loaded.taken_at.tzinfo is not None and loaded.taken_at.microsecond == 123456


async def test_the_last_snapshot_of_a_day_wins_and_an_older_one_never_undoes_it(
    history: EquityHistory,
) -> None:
    # Arrange
    morning = snapshot(equity=D(1), taken_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
    evening = snapshot(equity=D(2), taken_at=datetime(2026, 3, 2, 21, tzinfo=UTC))

    # Act
    await history.upsert(morning)
    await history.upsert(evening)
    await history.upsert(morning)  # a late writer with an older valuation

    # Assert
    assert await history.range("acc-1", DAY, DAY) == [evening]


async def test_the_same_snapshot_twice_is_stored_once(history: EquityHistory) -> None:
    # Act
    await history.upsert(snapshot())
    await history.upsert(snapshot())

    # Assert
    assert await history.range("acc-1", DAY - timedelta(days=9), DAY + timedelta(days=9)) == [
        snapshot()
    ]


async def test_a_range_is_inclusive_oldest_first_and_of_one_account(
    history: EquityHistory,
) -> None:
    # Arrange: five days stored newest first, and another account's day
    for offset in (4, 3, 2, 1, 0):
        await history.upsert(snapshot(offset, equity=D(100 + offset)))
    await history.upsert(snapshot(2, account="acc-2"))

    # Act
    found = await history.range("acc-1", DAY + timedelta(days=1), DAY + timedelta(days=3))

    # Assert
    assert [s.day for s in found] == [DAY + timedelta(days=k) for k in (1, 2, 3)]
    assert [s.equity for s in found] == [D(101), D(102), D(103)]
    assert await history.range("acc-9", DAY, DAY + timedelta(days=9)) == []


async def test_latest_and_latest_before_a_day(history: EquityHistory) -> None:
    # Arrange
    for offset in (0, 1, 5):
        await history.upsert(snapshot(offset))

    # Act / Assert
    latest = await history.latest("acc-1")
    before = await history.latest("acc-1", before=DAY + timedelta(days=5))
    assert latest is not None and latest.day == DAY + timedelta(days=5)
    assert before is not None and before.day == DAY + timedelta(days=1)
    assert await history.latest("acc-1", before=DAY) is None
    assert await history.latest("acc-2") is None


async def test_concurrent_upserts_of_one_day_keep_the_latest_taken(
    history: EquityHistory,
) -> None:
    # Arrange: ten valuations of the same day, written at once in a shuffled order
    base = snapshot()
    versions = [
        replace(base, equity=D(k), taken_at=base.taken_at + timedelta(seconds=k))
        for k in (3, 9, 1, 7, 5, 0, 8, 2, 6, 4)
    ]

    # Act
    await asyncio.gather(*(history.upsert(v) for v in versions))

    # Assert
    assert await history.range("acc-1", DAY, DAY) == [versions[1]]
