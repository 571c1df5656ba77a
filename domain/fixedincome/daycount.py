"""Day-count conventions: the year fraction between two dates (pure, stdlib only).

Conventions (names are the wire values; each matches QuantLib's day counter of the same rule,
checked in tests/unit/fixedincome):

- ``30/360 US`` -- 30/360 US (SIA "bond basis" with the February end-of-month rules;
  QuantLib ``Thirty360(Thirty360.USA)``): D1 = 31 -> 30; D2 = 31 and D1 >= 30 -> 30; D1 and D2
  both the last day of February -> D2 = 30; D1 the last day of February -> D1 = 30.
  Year fraction = (360 (Y2 - Y1) + 30 (M2 - M1) + (D2 - D1)) / 360.
- ``30/360 Bond Basis`` -- 30/360 ISDA 2006 4.16(f) (QuantLib ``Thirty360.BondBasis``): the
  same without the February rules.
- ``ACT/365F`` -- actual days / 365 (QuantLib ``Actual365Fixed``).
- ``ACT/ACT ISDA`` -- actual days in each calendar year over that year's length (365 or 366),
  summed (QuantLib ``ActualActual(ActualActual.ISDA)``).
- ``ACT/ACT ICMA`` -- for coupon periods: actual days over the days of the (possibly notional)
  reference coupon period, times the period's length 1/f (QuantLib
  ``ActualActual(ActualActual.ISMA)``; ICMA Rule 251). A regular full period is exactly 1/f.

Dates are ``datetime.date``; a fraction is in years (float) and is negative when d2 < d1.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from domain.fixedincome.errors import InvalidBondInput


class DayCount(StrEnum):
    """A day-count convention (the value is the name used on the wire and in responses)."""

    THIRTY_360_US = "30/360 US"
    THIRTY_360_BOND_BASIS = "30/360 Bond Basis"
    ACT_365F = "ACT/365F"
    ACT_ACT_ICMA = "ACT/ACT ICMA"
    ACT_ACT_ISDA = "ACT/ACT ISDA"


DAY_COUNT_NAMES = tuple(member.value for member in DayCount)


def parse_day_count(name: str, *, field: str = "day_count") -> DayCount:
    """The convention called `name` (exact wire name), else InvalidBondInput naming `field`."""
    try:
        return DayCount(name)
    except ValueError:
        raise InvalidBondInput(
            f"unknown day count {name!r}: one of {', '.join(DAY_COUNT_NAMES)}", field=field
        ) from None


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month - 1]


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, the day clamped to the month's length
    (Aug 31 - 6 months = Feb 28 or 29), as QuantLib's Date + Period does."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    last = _month_days(year, month)
    return date(year, month, day.day if day.day <= last else last)


def _is_last_of_february(day: date) -> bool:
    return day.month == 2 and day.day == _month_days(day.year, 2)


def thirty_360_days(d1: date, d2: date, *, us: bool) -> int:
    """The 30/360 day count from d1 to d2 (US rules with `us`, else Bond Basis)."""
    dd1, dd2 = d1.day, d2.day
    if us:  # the SIA rules, in their order: February first
        if _is_last_of_february(d2) and _is_last_of_february(d1):
            dd2 = 30
        if _is_last_of_february(d1):
            dd1 = 30
    if dd2 == 31 and dd1 >= 30:
        dd2 = 30
    if dd1 == 31:
        dd1 = 30
    return 360 * (d2.year - d1.year) + 30 * (d2.month - d1.month) + (dd2 - dd1)


def _act_act_isda(d1: date, d2: date) -> float:
    if d1 > d2:
        return -_act_act_isda(d2, d1)
    y1, y2 = d1.year, d2.year
    basis1 = 366.0 if _is_leap(y1) else 365.0
    if y1 == y2:
        return (d2 - d1).days / basis1
    basis2 = 366.0 if _is_leap(y2) else 365.0
    fraction = float(y2 - y1 - 1)
    fraction += (date(y1 + 1, 1, 1) - d1).days / basis1
    fraction += (d2 - date(y2, 1, 1)).days / basis2
    return fraction


def _act_act_icma(d1: date, d2: date, ref_start: date, ref_end: date) -> float:
    """ICMA within one reference period: (days d1..d2 / days of the period) x period length.

    The period's length in years is its rounded month count / 12 (QuantLib's rule), so a
    regular semiannual period is 0.5 whatever its 181-184 days.
    """
    if d1 == d2:
        return 0.0
    if d1 > d2:
        return -_act_act_icma(d2, d1, ref_start, ref_end)
    ref_days = (ref_end - ref_start).days
    if ref_days <= 0:
        raise ValueError("ACT/ACT ICMA needs a reference period with end after start")
    months = round(12 * ref_days / 365)
    if months == 0 or not ref_start <= d1 <= d2 <= ref_end:
        raise ValueError("ACT/ACT ICMA here needs d1..d2 inside one reference period")
    return months / 12.0 * (d2 - d1).days / ref_days


def year_fraction(
    convention: DayCount,
    d1: date,
    d2: date,
    ref_start: date | None = None,
    ref_end: date | None = None,
) -> float:
    """Years from d1 to d2 under `convention`.

    ACT/ACT ICMA needs the coupon's reference period (`ref_start`, `ref_end`, both holding d1
    and d2; without them d1..d2 is taken as the period); the other conventions ignore it.
    """
    if convention is DayCount.ACT_365F:
        return (d2 - d1).days / 365.0
    if convention is DayCount.THIRTY_360_US:
        return thirty_360_days(d1, d2, us=True) / 360.0
    if convention is DayCount.THIRTY_360_BOND_BASIS:
        return thirty_360_days(d1, d2, us=False) / 360.0
    if convention is DayCount.ACT_ACT_ISDA:
        return _act_act_isda(d1, d2)
    start = d1 if ref_start is None else ref_start
    end = d2 if ref_end is None else ref_end
    return _act_act_icma(d1, d2, start, end)
