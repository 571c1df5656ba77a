"""The daily IV history store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from adapters.memory.iv_history import InMemoryIVHistoryStore
from adapters.postgres.iv_history import SqlIVHistoryStore
from ports.market_data.iv_history import DailyIV, IVHistoryStore
from tests.integration.store.conftest import StoreUnderTest

DAY0 = date(2026, 3, 2)
AT = datetime(2026, 3, 2, 21, 5, 0, 123456, tzinfo=UTC)


@pytest.fixture
def repo(store: StoreUnderTest) -> IVHistoryStore:
    return store.adapter(InMemoryIVHistoryStore, SqlIVHistoryStore)


def entry(days: int, iv: float, symbol: str = "AAPL") -> DailyIV:
    return DailyIV(symbol, DAY0 + timedelta(days=days), iv, AT + timedelta(days=days))


async def test_recorded_days_read_back_oldest_first(repo: IVHistoryStore) -> None:
    # Arrange
    for days, iv in ((2, 0.22), (0, 0.20), (1, 0.21)):
        await repo.record(entry(days, iv))

    # Act
    got = await repo.last("AAPL", up_to=DAY0 + timedelta(days=10), limit=10)

    # Assert
    assert got == [entry(0, 0.20), entry(1, 0.21), entry(2, 0.22)]


async def test_recording_a_day_again_replaces_it(repo: IVHistoryStore) -> None:
    await repo.record(entry(0, 0.20))
    await repo.record(entry(0, 0.31))

    got = await repo.last("AAPL", up_to=DAY0, limit=5)

    assert got == [entry(0, 0.31)]


async def test_last_keeps_the_most_recent_days_up_to_the_date_of_one_symbol(
    repo: IVHistoryStore,
) -> None:
    # Arrange
    for days in range(6):
        await repo.record(entry(days, 0.2 + days / 100))
    await repo.record(entry(3, 0.9, symbol="MSFT"))

    # Act
    got = await repo.last("AAPL", up_to=DAY0 + timedelta(days=4), limit=3)

    # Assert: days 2, 3, 4 (5 is after up_to; MSFT is another symbol)
    assert [e.day for e in got] == [DAY0 + timedelta(days=d) for d in (2, 3, 4)]
    assert [e.iv for e in got] == pytest.approx([0.22, 0.23, 0.24])
    assert await repo.last("TSLA", up_to=DAY0, limit=3) == []
    assert await repo.last("AAPL", up_to=DAY0, limit=0) == []


def test_an_entry_refuses_a_non_positive_iv_and_a_naive_time() -> None:
    with pytest.raises(ValueError, match="iv"):
        DailyIV("AAPL", DAY0, float("nan"), AT)
    with pytest.raises(ValueError, match="timezone"):
        DailyIV("AAPL", DAY0, 0.2, datetime(2026, 3, 2))  # naive: the point of it
