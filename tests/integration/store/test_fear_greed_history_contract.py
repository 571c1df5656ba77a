"""The Fear & Greed history: one contract on memory, SQLite and PostgreSQL (migration 0025's
`fear_greed_history`; ports/markets/fear_greed.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from adapters.memory.fear_greed import InMemoryFearGreedHistory
from adapters.postgres.fear_greed import SqlFearGreedHistory
from ports.markets.fear_greed import ComponentRecord, FearGreedHistoryStore, FearGreedRecord
from tests.integration.store.conftest import StoreUnderTest

DAY0 = date(2026, 3, 2)
T0 = datetime(2026, 3, 2, 21, 5, 0, 123456, tzinfo=UTC)


@pytest.fixture
def history(store: StoreUnderTest) -> FearGreedHistoryStore:
    return store.adapter(InMemoryFearGreedHistory, SqlFearGreedHistory)


def day_record(offset: int, score: float = 42.5, label: str = "neutral") -> FearGreedRecord:
    """The composite of DAY0 + offset days, with two inputs (one scored by each method)."""
    return FearGreedRecord(
        day=DAY0 + timedelta(days=offset),
        score=score,
        label=label,
        coverage=0.4,
        components=(
            ComponentRecord("vix", 18.25 + offset, 78.5714285714, "bounds", 0.2),
            ComponentRecord("momentum", -0.0123456789, 12.5, "percentile", 0.2),
        ),
        recorded_at=T0 + timedelta(days=offset),
        sources={"vix": "file", "momentum": "market:synthetic", "social": "sentiment"},
    )


async def test_a_day_reads_back_whole(history: FearGreedHistoryStore) -> None:
    # Arrange
    original = day_record(0)

    # Act
    await history.record(original)
    found = await history.between(DAY0, DAY0, 10)

    # Assert: every field, the floats exactly, the time zone kept
    assert found == [original]
    assert found[0].recorded_at.tzinfo is not None
    assert found[0].raw("momentum") == -0.0123456789 and found[0].raw("breadth") is None


async def test_recording_a_day_again_replaces_it(history: FearGreedHistoryStore) -> None:
    # Arrange
    await history.record(day_record(0, score=42.5, label="neutral"))

    # Act
    await history.record(day_record(0, score=85.0, label="extreme_greed"))

    # Assert: one row for the day, the second reading
    found = await history.between(DAY0 - timedelta(days=1), DAY0 + timedelta(days=1), 10)
    assert [(r.day, r.score, r.label) for r in found] == [(DAY0, 85.0, "extreme_greed")]


async def test_between_is_inclusive_oldest_first_and_keeps_the_oldest_limit(
    history: FearGreedHistoryStore,
) -> None:
    # Arrange: days recorded out of order, with a gap (no day 3)
    for offset in (4, 0, 2, 1, 5):
        await history.record(day_record(offset, score=10.0 * offset))

    # Act
    window = await history.between(DAY0 + timedelta(days=1), DAY0 + timedelta(days=4), 10)
    first_two = await history.between(DAY0, DAY0 + timedelta(days=5), 2)
    none = await history.between(DAY0 + timedelta(days=6), DAY0 + timedelta(days=9), 10)
    zero = await history.between(DAY0, DAY0 + timedelta(days=5), 0)

    # Assert
    assert [r.day.day for r in window] == [3, 4, 6]
    assert [r.score for r in first_two] == [0.0, 10.0]
    assert none == [] and zero == []


async def test_last_is_the_newest_days_up_to_a_day_oldest_first(
    history: FearGreedHistoryStore,
) -> None:
    # Arrange
    for offset in range(6):
        await history.record(day_record(offset, score=float(offset)))

    # Act
    last_three = await history.last(DAY0 + timedelta(days=4), 3)
    everything = await history.last(DAY0 + timedelta(days=30), 100)
    before = await history.last(DAY0 - timedelta(days=1), 3)

    # Assert: days 2, 3 and 4 (not 5, after up_to), oldest first
    assert [r.score for r in last_three] == [2.0, 3.0, 4.0]
    assert [r.score for r in everything] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert before == [] and await history.last(DAY0, 0) == []
