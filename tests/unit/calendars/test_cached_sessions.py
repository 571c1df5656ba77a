"""The sessions kept in a file: a later source reads them instead of building them, gives the
library's answers, and builds again from a damaged, foreign or too short file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from adapters.calendars.cached import CachedSessions
from adapters.calendars.exchange import ExchangeCalendarSessions
from adapters.memory.clock import FakeClock
from domain.calendars.sessions import OutsideCalendar, UnknownVenue, VenueSessions
from domain.calendars.venues import CMES, CRYPTO, XNYS

TODAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
LIBRARY = "exchange_calendars test"


class CountingSource:
    """The library's sessions, counting the calls that build them."""

    def __init__(self, today: datetime = TODAY) -> None:
        self.inner = ExchangeCalendarSessions(FakeClock(today))
        self.built: list[str] = []

    def venues(self) -> tuple[str, ...]:
        return self.inner.venues()

    def coverage(self, venue: str) -> tuple[date, date]:
        return self.inner.coverage(venue)

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions:
        self.built.append(venue)
        return self.inner.sessions(venue, first, last)


@pytest.fixture(scope="module")
def library() -> ExchangeCalendarSessions:
    return ExchangeCalendarSessions(FakeClock(TODAY))


def whole(source: CachedSessions | ExchangeCalendarSessions, venue: str) -> VenueSessions:
    return source.sessions(venue, *source.coverage(venue))


@pytest.mark.parametrize("venue", [XNYS, CMES, CRYPTO])
def test_a_later_source_reads_the_file_and_answers_as_the_library(
    tmp_path: Path, library: ExchangeCalendarSessions, venue: str
) -> None:
    # Arrange: a first process builds the venue and keeps it
    whole(CachedSessions(CountingSource(), tmp_path, LIBRARY), venue)
    later = CountingSource()

    # Act
    read = whole(CachedSessions(later, tmp_path, LIBRARY), venue)

    # Assert
    assert later.built == []
    assert read == whole(library, venue)


def test_a_narrower_range_is_the_library_s_slice(
    tmp_path: Path, library: ExchangeCalendarSessions
) -> None:
    # Arrange: Thanksgiving week 2026 (the holiday, then the early close)
    source = CountingSource()
    cached = CachedSessions(source, tmp_path, LIBRARY)
    first, last = date(2026, 11, 23), date(2026, 11, 29)

    # Act
    week = cached.sessions(XNYS, first, last)
    again = cached.sessions(XNYS, first, last)

    # Assert
    assert week == library.sessions(XNYS, first, last) == again
    assert [s.day.day for s in week.sessions] == [23, 24, 25, 27]
    assert [s.early_close for s in week.sessions] == [False, False, False, True]
    assert source.built == [XNYS]  # the whole range, once


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace(LIBRARY, "exchange_calendars 0.0"),  # another version
        lambda text: json.dumps({**json.loads(text), "last": "2026-12-31"}),  # ends too soon
    ],
)
def test_a_damaged_foreign_or_short_file_is_built_again(tmp_path: Path, damage: object) -> None:
    # Arrange
    whole(CachedSessions(CountingSource(), tmp_path, LIBRARY), XNYS)
    path = tmp_path / f"{XNYS}.json"
    path.write_text(damage(path.read_text()))  # type: ignore[operator]
    later = CountingSource()

    # Act
    read = whole(CachedSessions(later, tmp_path, LIBRARY), XNYS)

    # Assert
    assert later.built == [XNYS]
    assert read.sessions[-1].day >= date(2028, 11, 1)
    assert json.loads(path.read_text())["version"] == LIBRARY  # rewritten


def test_a_file_for_a_later_today_covers_an_earlier_one(tmp_path: Path) -> None:
    # Arrange: kept by a process a year later (its range ends a year later)
    whole(
        CachedSessions(CountingSource(datetime(2027, 11, 26, tzinfo=UTC)), tmp_path, LIBRARY), XNYS
    )
    earlier = CountingSource()

    # Act
    read = whole(CachedSessions(earlier, tmp_path, LIBRARY), XNYS)

    # Assert
    assert earlier.built == []
    assert read.last == earlier.coverage(XNYS)[1]
    assert read.sessions[-1].day <= read.last


def test_out_of_range_and_unknown_venues_are_refused_as_by_the_library(tmp_path: Path) -> None:
    # Arrange
    cached = CachedSessions(CountingSource(), tmp_path, LIBRARY)

    # Act / Assert
    with pytest.raises(OutsideCalendar):
        cached.sessions(XNYS, date(1999, 12, 1), date(2000, 1, 31))
    with pytest.raises(UnknownVenue):
        cached.sessions("XLON", date(2026, 1, 5), date(2026, 1, 9))


def test_a_folder_it_cannot_write_still_answers(tmp_path: Path) -> None:
    # Arrange: the folder's path is a file
    blocked = tmp_path / "blocked"
    blocked.write_text("")
    cached = CachedSessions(CountingSource(), blocked, LIBRARY)

    # Act
    read = cached.sessions(XNYS, date(2026, 11, 23), date(2026, 11, 27))

    # Assert
    assert len(read.sessions) == 4
