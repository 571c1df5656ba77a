"""Settlement dates: the n-th trading day of a venue after the trade date (T+n).

US equities settle T+1 (SEC rule 15c6-1 as amended, from 2024-05-28): the next day the
exchange trades on, so a weekend or an exchange holiday is skipped. The days come from the
venue's sessions (domain/calendars/sessions.py), which the caller reads from its calendar
source; an early close is a trading day.
"""

from __future__ import annotations

from datetime import date, timedelta

from domain.calendars.sessions import VenueSessions

US_EQUITY_SETTLEMENT_DAYS = 1
# Days of calendar to read after a trade date to find its settlement (holidays and weekends
# never put more than a few non-trading days in a row).
SETTLEMENT_WINDOW_DAYS = 15


def settlement_window(trade_date: date, days: int) -> tuple[date, date]:
    """The [first, last] days of sessions `settlement_date` needs for T+`days`."""
    return trade_date + timedelta(days=1), trade_date + timedelta(
        days=SETTLEMENT_WINDOW_DAYS + 2 * days
    )


def settlement_date(trade_date: date, sessions: VenueSessions, days: int) -> date | None:
    """The `days`-th session day of `sessions` after `trade_date` (T+`days`); None when the
    sessions end before it. `days` = 0 is the trade date itself."""
    if days < 0:
        raise ValueError("settlement days must not be negative")
    if days == 0:
        return trade_date
    later = sorted({s.day for s in sessions.sessions if s.day > trade_date})
    return later[days - 1] if len(later) >= days else None
