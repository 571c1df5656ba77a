"""Holding period of a lot: short or long term (IRS Publication 550, "Holding Period").

Convention: counting starts the day after the acquisition date and the sale day counts, so a
lot is held "more than one year" -- LONG term -- iff it is sold AFTER the first anniversary of
its acquisition date. A lot acquired on February 29 has its anniversary on February 28 of the
next year (a full year of days has passed by then), so it turns long term on March 1.
Dates are calendar (trade) dates; no time zones, no settlement lag.
"""

from __future__ import annotations

from datetime import date

from domain.tax.methods import Term


def anniversary(acquired: date) -> date:
    """The first anniversary of `acquired` (February 29 -> February 28 of the next year)."""
    if acquired.month == 2 and acquired.day == 29:
        return date(acquired.year + 1, 2, 28)
    return acquired.replace(year=acquired.year + 1)


def holding_term(acquired: date, sold: date) -> Term:
    """LONG iff `sold` is after the first anniversary of `acquired`, else SHORT."""
    days = (sold - acquired).days
    if days <= 365:
        return Term.SHORT
    if days > 366:
        return Term.LONG
    return Term.LONG if sold > anniversary(acquired) else Term.SHORT


def holding_days(acquired: date, sold: date) -> int:
    """Days held: from the day after `acquired` through `sold` (the sale day counts)."""
    return (sold - acquired).days
