"""The market's clock as data: a venue's status at an instant, the span it holds for, venues."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.calendars.sessions import (
    MarketSession,
    MarketStatus,
    OutsideCalendar,
    UnknownVenue,
)
from domain.calendars.table import SessionTable, around_the_clock
from domain.calendars.venues import CMES, CRYPTO, FX, XNAS, XNYS, VenueMap
from domain.trading.instruments import AssetClass, Instrument
from tests.kit.calendars import CountingCalendars, new_york, thanksgiving_week

OPEN, CLOSED = MarketStatus.OPEN, MarketStatus.CLOSED
HOLIDAY, EARLY_CLOSE = MarketStatus.HOLIDAY, MarketStatus.EARLY_CLOSE


@pytest.fixture(scope="module")
def table() -> SessionTable:
    return SessionTable(thanksgiving_week())


@pytest.mark.parametrize(
    ("at", "status"),
    [
        pytest.param(new_york(25, 11), OPEN, id="wednesday-11:00"),
        pytest.param(new_york(25, 9, 29), CLOSED, id="wednesday-before-the-open"),
        pytest.param(new_york(25, 16), CLOSED, id="wednesday-at-the-close"),
        pytest.param(new_york(25, 23), CLOSED, id="wednesday-night"),
        pytest.param(new_york(26, 0), HOLIDAY, id="thanksgiving-midnight"),
        pytest.param(new_york(26, 11), HOLIDAY, id="thanksgiving-11:00"),
        pytest.param(new_york(27, 8), CLOSED, id="friday-before-the-open"),
        pytest.param(new_york(27, 12, 59), OPEN, id="friday-12:59"),
        pytest.param(new_york(27, 13), EARLY_CLOSE, id="friday-at-the-early-close"),
        pytest.param(new_york(27, 15), EARLY_CLOSE, id="friday-15:00"),
        pytest.param(new_york(28, 11), CLOSED, id="saturday"),
        pytest.param(new_york(29, 11), CLOSED, id="sunday"),
        pytest.param(new_york(30, 10), OPEN, id="monday"),
    ],
)
def test_status_of_a_venue_at_an_instant(
    table: SessionTable, at: datetime, status: MarketStatus
) -> None:
    # Act
    span = table.span(at.timestamp())

    # Assert
    assert span.status is status
    assert span.start <= at.timestamp() < span.end


def test_a_span_between_sessions_ends_at_the_local_midnight_or_the_next_open(
    table: SessionTable,
) -> None:
    # Act
    evening = table.span(new_york(25, 20).timestamp())
    holiday = table.span(new_york(26, 11).timestamp())
    early = table.span(new_york(27, 14).timestamp())
    weekend_day = table.span(new_york(29, 11).timestamp())

    # Assert
    assert (evening.start, evening.end) == (
        new_york(25, 16).timestamp(),
        new_york(26, 0).timestamp(),
    )
    assert (holiday.start, holiday.end) == (
        new_york(26, 0).timestamp(),
        new_york(27, 0).timestamp(),
    )
    assert (early.start, early.end) == (new_york(27, 13).timestamp(), new_york(28, 0).timestamp())
    assert weekend_day.end == new_york(30, 0).timestamp()


def test_an_open_span_is_the_session(table: SessionTable) -> None:
    # Act
    span = table.span(new_york(27, 10).timestamp())

    # Assert
    assert (span.start, span.end) == (new_york(27, 9, 30).timestamp(), new_york(27, 13).timestamp())


@pytest.mark.parametrize(
    "at",
    [
        pytest.param(new_york(23, 9, 29), id="before-the-first-open"),
        pytest.param(new_york(30, 16), id="at-the-last-close"),
    ],
)
def test_an_instant_outside_the_sessions_kept_raises(table: SessionTable, at: datetime) -> None:
    # Act / Assert
    with pytest.raises(OutsideCalendar, match="outside the XNYS calendar"):
        table.span(at.timestamp())


def test_around_the_clock_is_open_every_day_and_night() -> None:
    # Arrange
    table = SessionTable(around_the_clock(CRYPTO, date(2026, 12, 24), date(2026, 12, 27)))

    # Act
    statuses = {
        table.span(datetime(2026, 12, day, hour, tzinfo=UTC).timestamp()).status
        for day in (24, 25, 26, 27)
        for hour in (0, 11, 23)
    }

    # Assert
    assert statuses == {OPEN}


def test_a_session_must_be_aware_and_close_after_it_opens() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="timezone-aware"):
        MarketSession(date(2026, 11, 25), datetime(2026, 11, 25, 9), new_york(25, 16))
    with pytest.raises(ValueError, match="closes at or before it opens"):
        MarketSession(date(2026, 11, 25), new_york(25, 16), new_york(25, 9))


# -- MarketCalendars: tables built once, on first use ------------------------------------


def test_each_venue_is_loaded_once_on_its_first_lookup() -> None:
    # Arrange
    calendars = CountingCalendars()

    # Act
    before = list(calendars.loads)
    for hour in (10, 11, 12, 20):
        calendars.span(XNYS, new_york(25, hour).timestamp())
    calendars.zone(XNYS)

    # Assert
    assert before == []
    assert calendars.loads == [XNYS]


def test_warming_builds_every_venue_once() -> None:
    # Arrange
    calendars = CountingCalendars()

    # Act
    calendars.warm()
    calendars.warm()
    calendars.span(CRYPTO, new_york(26, 11).timestamp())

    # Assert
    assert calendars.loads == [XNYS, CRYPTO]


def test_an_unknown_venue_is_refused_without_a_load() -> None:
    # Arrange
    calendars = CountingCalendars()

    # Act / Assert
    with pytest.raises(UnknownVenue, match="XLON"):
        calendars.span("XLON", new_york(25, 11).timestamp())
    assert calendars.loads == []


# -- VenueMap: an instrument's venue -----------------------------------------------------


@pytest.mark.parametrize(
    ("asset_class", "venue"),
    [
        (AssetClass.EQUITY, XNYS),
        (AssetClass.FUTURE, CMES),
        (AssetClass.CRYPTO, CRYPTO),
        (AssetClass.FX, FX),
    ],
)
def test_an_instrument_trades_by_its_asset_class_venue(asset_class: AssetClass, venue: str) -> None:
    # Act / Assert
    assert VenueMap().venue_for(Instrument("X", asset_class=asset_class)) == venue


def test_a_symbol_of_its_own_overrides_its_asset_class() -> None:
    # Arrange
    venues = VenueMap(by_symbol={"QQQ": XNAS})

    # Act / Assert
    assert venues.venue_for(Instrument("QQQ")) == XNAS
    assert venues.venue_for(Instrument("SPY")) == XNYS


def test_an_asset_class_left_out_has_no_venue() -> None:
    # Arrange
    venues = VenueMap(by_class={AssetClass.EQUITY: XNYS})

    # Act / Assert
    assert venues.venue_for(Instrument("EURUSD", asset_class=AssetClass.FX)) is None
