"""The trading calendar's expected bars (weekdays; the regular US session) and gap ranges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.market_data.bar_calendar import Epochs, TimeRange, expected_starts, gaps, utc
from domain.market_data.bars import Timeframe

FRIDAY = datetime(2024, 3, 8, tzinfo=UTC)


def times(starts: Epochs) -> list[datetime]:
    return [utc(int(s)) for s in starts]


def test_daily_bars_are_expected_on_weekdays_at_midnight_utc() -> None:
    found = expected_starts(Timeframe.D1, FRIDAY, FRIDAY + timedelta(days=4))

    assert times(found) == [FRIDAY, FRIDAY + timedelta(days=3)]  # Friday, then Monday


def test_minute_bars_cover_the_regular_session_in_new_york_time() -> None:
    # Friday 8 March 2024 is EST (UTC-5): 09:30-16:00 is 14:30-21:00 UTC, 390 minutes.
    found = expected_starts(Timeframe.M1, FRIDAY, FRIDAY + timedelta(days=1))

    assert len(found) == 390
    assert (utc(int(found[0])), utc(int(found[-1]))) == (
        FRIDAY.replace(hour=14, minute=30),
        FRIDAY.replace(hour=20, minute=59),
    )


def test_the_session_follows_daylight_saving_time() -> None:
    monday = FRIDAY + timedelta(days=3)  # 11 March 2024 is EDT (UTC-4): 13:30 UTC

    found = expected_starts(Timeframe.M30, monday, monday + timedelta(days=1))

    assert utc(int(found[0])) == monday.replace(hour=13, minute=30)
    assert len(found) == 13


def test_an_hourly_bar_holding_the_open_is_expected() -> None:
    found = expected_starts(Timeframe.H1, FRIDAY, FRIDAY + timedelta(days=1))

    assert [t.hour for t in times(found)] == [14, 15, 16, 17, 18, 19, 20]


def test_gaps_are_runs_of_missing_expected_bars() -> None:
    start = FRIDAY.replace(hour=14, minute=30)
    stored = [int((start + timedelta(minutes=m)).timestamp()) for m in (0, 1, 4)]

    found = gaps(Timeframe.M1, start, start + timedelta(minutes=6), stored)

    assert found == [
        TimeRange(start + timedelta(minutes=2), start + timedelta(minutes=4)),
        TimeRange(start + timedelta(minutes=5), start + timedelta(minutes=6)),
    ]


def test_nothing_is_missing_when_all_is_stored_or_the_range_is_a_weekend() -> None:
    saturday = FRIDAY + timedelta(days=1)
    stored = expected_starts(Timeframe.D1, FRIDAY, FRIDAY + timedelta(days=1))

    assert gaps(Timeframe.D1, FRIDAY, FRIDAY + timedelta(days=1), stored) == []
    assert gaps(Timeframe.D1, saturday, saturday + timedelta(days=2), []) == []


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends"):
        TimeRange(FRIDAY, FRIDAY)
