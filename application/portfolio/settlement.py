"""The settlement date of a ledger transaction booked without one.

A BUY or SELL in US dollars settles T+1 on the XNYS calendar (US equities: the next trading
day, weekends and exchange holidays skipped; domain/portfolio/settlement.py). The calendar is
the process's session source (ports/calendars.py: exchange_calendars, kept in the calendar
cache, no network). A transaction that gives its own `settle_date`, any other kind or currency,
or a trade date outside the calendar's coverage keeps what it has (None: not known).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from domain.calendars.sessions import OutsideCalendar, UnknownVenue
from domain.calendars.venues import XNYS
from domain.portfolio.settlement import (
    US_EQUITY_SETTLEMENT_DAYS,
    settlement_date,
    settlement_window,
)
from domain.portfolio.transactions import Transaction, TransactionKind
from ports.calendars import SessionSource

SETTLED_KINDS = frozenset({TransactionKind.BUY, TransactionKind.SELL})
US_DOLLAR = "USD"


@dataclass(frozen=True, eq=False)
class Settlement:
    """Sets `settle_date` on trades booked without one (module doc)."""

    sessions: SessionSource | None = None
    venue: str = XNYS
    days: int = US_EQUITY_SETTLEMENT_DAYS

    def settled(self, tx: Transaction) -> Transaction:
        """`tx` with its settlement date computed where the module doc says so."""
        if tx.settle_date is not None or tx.kind not in SETTLED_KINDS or tx.currency != US_DOLLAR:
            return tx
        day = self.settle_on(tx.trade_date)
        return tx if day is None else replace(tx, settle_date=day)

    def settle_on(self, trade_date: date) -> date | None:
        """T+`days` on the venue's calendar; None without a calendar or outside its range."""
        if self.sessions is None:
            return None
        first, last = settlement_window(trade_date, self.days)
        try:
            coverage_first, coverage_last = self.sessions.coverage(self.venue)
            if trade_date < coverage_first or last > coverage_last:
                return None
            found = self.sessions.sessions(self.venue, first, last)
        except (OutsideCalendar, UnknownVenue):
            return None
        return settlement_date(trade_date, found, self.days)
