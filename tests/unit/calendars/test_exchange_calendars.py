"""The calendars adapter over exchange_calendars, and the gate reading it: NYSE, Nasdaq, CME,
spot FX and crypto around Thanksgiving, Christmas and New Year 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from adapters.calendars.exchange import ExchangeCalendarSessions
from adapters.memory.clock import FakeClock
from bootstrap.calendars import market_calendars
from bootstrap.settings.base import SettingsError
from bootstrap.settings.calendars import CalendarSettings
from domain.calendars.clock import MarketCalendars
from domain.calendars.sessions import MarketStatus, OutsideCalendar, UnknownVenue
from domain.calendars.venues import CMES, CRYPTO, FX, XNAS, XNYS
from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType
from domain.trading.instruments import AssetClass, Instrument
from tests.kit.gate import ACCOUNT_ID, BUY, OWNER_ID, account, instruments, marks, order, rule, view

NEW_YORK, CHICAGO = ZoneInfo("America/New_York"), ZoneInfo("America/Chicago")
TODAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
UNIVERSE = instruments(
    Instrument("BTCUSD", asset_class=AssetClass.CRYPTO),
    Instrument("ESZ6", asset_class=AssetClass.FUTURE, multiplier=Decimal(50)),
    Instrument("EURUSD", asset_class=AssetClass.FX),
)
PRICES = marks(BTCUSD=90_000, ESZ6=6_000, EURUSD="1.05")
HOLIDAY, EARLY, CLOSED = (
    ReasonCode.MARKET_HOLIDAY,
    ReasonCode.MARKET_EARLY_CLOSE,
    ReasonCode.MARKET_CLOSED,
)


@pytest.fixture(scope="module")
def source() -> ExchangeCalendarSessions:
    """One source for the module: each venue's calendar is built once (a fraction of a second)."""
    return ExchangeCalendarSessions(FakeClock(TODAY))


@pytest.fixture(scope="module")
def calendars(source: ExchangeCalendarSessions) -> MarketCalendars:
    return market_calendars(source)


@pytest.fixture
def policy(calendars: MarketCalendars) -> Policy:
    rules = [rule(RuleType.TRADING_HOURS, {})]
    return compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=False, calendar=calendars)


def local(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int = 0) -> Any:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


@pytest.mark.parametrize(
    ("symbol", "at", "reasons"),
    [
        pytest.param("AAPL", local(NEW_YORK, 2026, 11, 26, 11), (HOLIDAY,), id="nyse-thanksgiving"),
        pytest.param(
            "AAPL", local(NEW_YORK, 2026, 11, 27, 13, 30), (EARLY,), id="nyse-after-13:00"
        ),
        pytest.param("AAPL", local(NEW_YORK, 2026, 11, 27, 12), (), id="nyse-friday-noon"),
        pytest.param("AAPL", local(NEW_YORK, 2026, 12, 25, 11), (HOLIDAY,), id="nyse-christmas"),
        pytest.param("AAPL", local(NEW_YORK, 2027, 1, 1, 11), (HOLIDAY,), id="nyse-new-year"),
        pytest.param("AAPL", local(NEW_YORK, 2026, 11, 28, 11), (CLOSED,), id="nyse-saturday"),
        pytest.param("AAPL", local(NEW_YORK, 2026, 11, 30, 9, 29), (CLOSED,), id="nyse-pre-open"),
        pytest.param("BTCUSD", local(NEW_YORK, 2026, 11, 26, 11), (), id="crypto-thanksgiving"),
        pytest.param("BTCUSD", local(NEW_YORK, 2026, 12, 25, 3), (), id="crypto-christmas-night"),
        pytest.param("ESZ6", local(CHICAGO, 2026, 11, 26, 11), (), id="cme-thanksgiving-morning"),
        pytest.param(
            "ESZ6", local(CHICAGO, 2026, 11, 26, 13), (EARLY,), id="cme-thanksgiving-13:00"
        ),
        pytest.param("ESZ6", local(CHICAGO, 2026, 11, 29, 18), (), id="cme-sunday-evening"),
        pytest.param("ESZ6", local(CHICAGO, 2026, 12, 4, 17, 30), (CLOSED,), id="cme-friday-night"),
        pytest.param("ESZ6", local(CHICAGO, 2026, 12, 25, 11), (HOLIDAY,), id="cme-christmas"),
        pytest.param("EURUSD", local(NEW_YORK, 2026, 11, 26, 3), (), id="fx-thanksgiving-night"),
        pytest.param("EURUSD", local(NEW_YORK, 2026, 11, 28, 11), (CLOSED,), id="fx-saturday"),
    ],
)
def test_the_gate_follows_each_venue_calendar(
    policy: Policy, symbol: str, at: datetime, reasons: tuple[ReasonCode, ...]
) -> None:
    # Arrange
    risk_view = view(account(), PRICES, universe=UNIVERSE, now=at)

    # Act
    decision = policy.evaluate(order(symbol, BUY, 1), risk_view)

    # Assert
    assert decision.reasons == reasons
    assert decision.approved is (reasons == ())


def test_nasdaq_keeps_the_same_holidays_as_nyse(calendars: MarketCalendars) -> None:
    # Arrange
    thanksgiving = local(NEW_YORK, 2026, 11, 26, 11).timestamp()

    # Act
    statuses = {calendars.span(venue, thanksgiving).status for venue in (XNYS, XNAS)}

    # Assert
    assert statuses == {MarketStatus.HOLIDAY}


def test_sessions_of_thanksgiving_week_in_new_york(source: ExchangeCalendarSessions) -> None:
    # Act
    week = source.sessions(XNYS, date(2026, 11, 23), date(2026, 11, 29))

    # Assert
    assert week.zone == "America/New_York"
    assert [s.day.day for s in week.sessions] == [23, 24, 25, 27]
    friday = week.sessions[-1]
    assert friday.early_close is True
    assert friday.open == local(NEW_YORK, 2026, 11, 27, 9, 30)
    assert friday.close == local(NEW_YORK, 2026, 11, 27, 13)
    assert friday.close.tzinfo is UTC
    assert not any(s.early_close for s in week.sessions[:-1])


def test_cme_sessions_open_the_evening_before_their_day(source: ExchangeCalendarSessions) -> None:
    # Act
    monday = source.sessions(CMES, date(2026, 11, 30), date(2026, 11, 30)).sessions[0]

    # Assert
    assert monday.open == local(CHICAGO, 2026, 11, 29, 17)
    assert monday.close == local(CHICAGO, 2026, 11, 30, 17)  # no daily halt in the library


def test_crypto_has_a_session_every_day(source: ExchangeCalendarSessions) -> None:
    # Act
    days = source.sessions(CRYPTO, date(2026, 12, 24), date(2026, 12, 27)).sessions

    # Assert
    assert [s.day.day for s in days] == [24, 25, 26, 27]


def test_the_source_keeps_its_venues_two_years_ahead(source: ExchangeCalendarSessions) -> None:
    # Act
    first, last = source.coverage(XNYS)

    # Assert
    assert source.venues() == (XNYS, XNAS, CMES, FX, CRYPTO)
    assert first == date(2000, 1, 3)
    assert last == date(2028, 11, 26)


def test_an_unknown_venue_and_days_beyond_the_calendar_are_refused(
    source: ExchangeCalendarSessions,
) -> None:
    # Act / Assert
    with pytest.raises(UnknownVenue, match="XLON"):
        source.sessions("XLON", date(2026, 11, 23), date(2026, 11, 27))
    with pytest.raises(OutsideCalendar, match="kept from 2000-01-03 to 2028-11-26"):
        source.sessions(XNYS, date(2028, 11, 1), date(2028, 12, 31))


def test_a_symbol_named_in_the_settings_trades_by_that_venue(
    source: ExchangeCalendarSessions,
) -> None:
    # Arrange
    settings = CalendarSettings(venues=("qqq = xnas", "GLD=CRYPTO"))

    # Act
    calendars = market_calendars(source, settings)

    # Assert
    assert calendars.venue_for(Instrument("QQQ")) == XNAS
    assert calendars.venue_for(Instrument("GLD")) == CRYPTO
    assert calendars.venue_for(Instrument("SPY")) == XNYS


def test_an_unknown_venue_in_the_settings_is_one_clear_line() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match=r"BULWARK_CALENDAR_VENUES: 'QQQ=XLON' is not SYMBOL"):
        CalendarSettings(venues=("QQQ=XLON",)).check()
