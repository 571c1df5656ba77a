"""Stored daily closes read as dated series: the range, the dating and adjusted reads."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np

from adapters.memory.bar_store import InMemoryBarStore
from application.core.stored_closes import daily_closes, daily_closes_between, midnight
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction


def series(starts: list[datetime], closes: list[float]) -> BarSeries:
    column = np.asarray(closes, dtype=np.float64)
    return BarSeries(
        start=np.asarray([s.timestamp() for s in starts], dtype=np.float64),
        open=column, high=column, low=column, close=column, volume=np.ones(len(closes)),
    )  # fmt: skip


async def test_closes_are_dated_by_the_utc_day_their_bar_starts_on() -> None:
    # Arrange: bars starting at midnight and at 21:00 UTC, one a day; one symbol without bars
    store = InMemoryBarStore()
    starts = [datetime(2024, 1, d, h, tzinfo=UTC) for d, h in ((2, 0), (3, 21), (4, 0), (5, 0))]
    await store.write_series("AAA", Timeframe.D1, series(starts, [10.0, 11.0, 12.0, 13.0]))

    # Act: days 3 and 4 both included, 2 and 5 outside
    found = await daily_closes_between(store, ["AAA", "NONE"], date(2024, 1, 3), date(2024, 1, 4))

    # Assert
    assert list(found) == ["AAA"]
    assert found["AAA"].pairs() == [(date(2024, 1, 3), 11.0), (date(2024, 1, 4), 12.0)]
    assert found["AAA"].by_day() == {date(2024, 1, 3): 11.0, date(2024, 1, 4): 12.0}
    assert len(found["AAA"]) == 2 and found["AAA"].dates == [date(2024, 1, 3), date(2024, 1, 4)]


async def test_closes_are_split_adjusted_unless_asked_raw() -> None:
    # Arrange: a 2-for-1 split ex 2024-01-03
    store = InMemoryBarStore()
    starts = [midnight(date(2024, 1, d)) for d in (2, 3)]
    await store.write_series("AAA", Timeframe.D1, series(starts, [100.0, 50.0]))
    await store.write_actions(
        [CorporateAction("AAA", ActionKind.SPLIT, date(2024, 1, 3), Decimal(2))]
    )
    since, until = midnight(date(2024, 1, 1)), midnight(date(2024, 1, 9))

    # Act
    adjusted = await daily_closes(store, ["AAA"], since, until)
    raw = await daily_closes(store, ["AAA"], since, until, adjusted=False)

    # Assert
    assert adjusted["AAA"].closes.tolist() == [50.0, 50.0]
    assert raw["AAA"].closes.tolist() == [100.0, 50.0]
