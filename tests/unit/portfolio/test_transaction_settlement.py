"""Ledger transactions' identifiers and settlement dates: the checks, and T+1 on the NYSE
calendar (exchange_calendars, no network)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.calendars.exchange import ExchangeCalendarSessions
from adapters.memory.clock import FakeClock
from application.portfolio.settlement import Settlement
from domain.calendars.sessions import MarketSession, VenueSessions
from domain.errors import InvalidTransaction
from domain.portfolio.settlement import settlement_date
from domain.portfolio.transactions import (
    Transaction,
    TransactionKind,
    identifiers_of,
    validate_transaction,
)

TODAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def settlement() -> Settlement:
    return Settlement(ExchangeCalendarSessions(FakeClock(TODAY)))


def buy(**fields: object) -> Transaction:
    values: dict[str, object] = {
        "id": "t-1",
        "portfolio_id": "p-1",
        "account_id": "a-1",
        "kind": TransactionKind.BUY,
        "trade_date": date(2025, 7, 3),
        "symbol": "AAPL",
        "quantity": Decimal(10),
        "price": Decimal(200),
    }
    return Transaction(**{**values, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("trade", "settles"),
    [
        (date(2025, 7, 1), date(2025, 7, 2)),  # Tuesday -> Wednesday
        (date(2025, 7, 3), date(2025, 7, 7)),  # early close; July 4th and the weekend skipped
        (date(2024, 11, 27), date(2024, 11, 29)),  # Thanksgiving skipped; an early close counts
        (date(2025, 12, 31), date(2026, 1, 2)),  # New Year's Day skipped
        (date(2025, 6, 27), date(2025, 6, 30)),  # Friday -> Monday
    ],
)
def test_a_us_trade_settles_the_next_nyse_trading_day(
    settlement: Settlement, trade: date, settles: date
) -> None:
    # Act
    settled = settlement.settled(buy(trade_date=trade))

    # Assert
    assert settled.settle_date == settles


def test_a_given_date_another_kind_or_currency_or_no_calendar_is_kept(
    settlement: Settlement,
) -> None:
    # Arrange
    given = buy(settle_date=date(2025, 7, 10))
    euros = buy(currency="EUR")
    deposit = Transaction(
        "t-2", "p-1", "a-1", TransactionKind.DEPOSIT, date(2025, 7, 3), amount=given.price
    )

    # Act / Assert
    assert settlement.settled(given).settle_date == date(2025, 7, 10)
    assert settlement.settled(euros).settle_date is None
    assert settlement.settled(deposit).settle_date is None
    assert Settlement().settled(buy()).settle_date is None
    assert settlement.settled(buy(trade_date=date(1990, 1, 2))).settle_date is None  # outside


def _weekday_sessions(first: date, last: date) -> VenueSessions:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    sessions = tuple(
        MarketSession(
            d,
            datetime(d.year, d.month, d.day, 14, 30, tzinfo=UTC),
            datetime(d.year, d.month, d.day, 21, tzinfo=UTC),
        )
        for d in days
        if d.weekday() < 5
    )
    return VenueSessions("TEST", "UTC", first, last, sessions)


@given(st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.integers(0, 5))
def test_settlement_is_a_trading_day_never_before_the_trade(trade: date, days: int) -> None:
    # Arrange
    sessions = _weekday_sessions(trade, trade + timedelta(days=30))

    # Act
    settles = settlement_date(trade, sessions, days)

    # Assert
    assert settles is not None and settles >= trade
    if days:
        assert settles.weekday() < 5 and settles > trade
        assert (settles - trade).days <= days + 2 * (days // 5 + 1)


def test_a_settlement_before_the_trade_date_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidTransaction) as raised:
        validate_transaction(buy(settle_date=date(2025, 7, 2)))

    assert raised.value.field == "settle_date"
    assert validate_transaction(buy(settle_date=date(2025, 7, 3))).settle_date == date(2025, 7, 3)


@pytest.mark.parametrize(
    ("cusip", "isin", "field"),
    [
        ("037833101", None, "cusip"),
        (None, "US0378331006", "isin"),
        ("594918104", "US0378331005", "isin"),  # the ISIN embeds another CUSIP
    ],
)
def test_bad_identifiers_are_refused_naming_the_field(
    cusip: str | None, isin: str | None, field: str
) -> None:
    with pytest.raises(InvalidTransaction) as raised:
        identifiers_of(cusip, isin)

    assert raised.value.field == field


def test_identifiers_are_upper_cased_and_empty_is_none() -> None:
    assert identifiers_of(" 38259p508", "us38259p5089") == ("38259P508", "US38259P5089")
    assert identifiers_of("", None) == (None, None)
    with pytest.raises(InvalidTransaction):
        validate_transaction(buy(isin="us0378331005"))  # not in its checked form
