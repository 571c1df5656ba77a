"""Business-day calendars for filing deadlines: the SEC's (EDGAR) and the IRS's.

SEC / EDGAR: EDGAR accepts filings on business days, Monday to Friday except U.S. federal
holidays (5 U.S.C. 6103(a)): New Year's Day, Martin Luther King Jr. Day (third Monday of
January, from 1986), Washington's Birthday (third Monday of February), Memorial Day (last
Monday of May), Juneteenth (June 19, from 2021), Independence Day, Labor Day (first Monday of
September), Columbus Day (second Monday of October), Veterans Day (November 11), Thanksgiving
(fourth Thursday of November) and Christmas Day. A fixed-date holiday on a Saturday is
observed the Friday before, on a Sunday the Monday after (5 U.S.C. 6103(b), Executive Order
11582). Closures declared for a day (a national day of mourning) are not rules: the ones known
are in AD_HOC_CLOSURES; Inauguration Day (a holiday in the Washington area only) is not one.

IRS: a deadline on a Saturday, Sunday or "legal holiday" moves to the next day that is none
(26 U.S.C. 7503); legal holidays are those of the District of Columbia, which adds DC
Emancipation Day (April 16, observed like the federal ones) to the federal list. That is why
the 2023 return was due on Tuesday, April 18: April 15 was a Saturday and Monday the 17th
observed Emancipation Day.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

# Days EDGAR was closed by declaration (national days of mourning): not derivable from rules.
AD_HOC_CLOSURES: dict[date, str] = {
    date(2018, 12, 5): "National Day of Mourning (President George H. W. Bush)",
    date(2025, 1, 9): "National Day of Mourning (President Jimmy Carter)",
}


class HolidayCalendar(StrEnum):
    SEC = "sec"  # EDGAR business days: U.S. federal holidays (+ declared closures)
    IRS = "irs"  # 26 U.S.C. 7503: federal holidays + DC Emancipation Day


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=256)
def federal_holidays(year: int) -> dict[date, str]:
    """The U.S. federal holidays observed in `year` (a Saturday New Year's Day of the next
    year is observed on December 31 of this one)."""
    monday, thursday = 0, 3
    days: dict[date, str] = {}
    for y in (year, year + 1):
        days[_observed(date(y, 1, 1))] = "New Year's Day"
    if year >= 1986:
        days[_nth_weekday(year, 1, monday, 3)] = "Martin Luther King Jr. Day"
    days[_nth_weekday(year, 2, monday, 3)] = "Washington's Birthday"
    days[_last_weekday(year, 5, monday)] = "Memorial Day"
    if year >= 2021:
        days[_observed(date(year, 6, 19))] = "Juneteenth National Independence Day"
    days[_observed(date(year, 7, 4))] = "Independence Day"
    days[_nth_weekday(year, 9, monday, 1)] = "Labor Day"
    days[_nth_weekday(year, 10, monday, 2)] = "Columbus Day"
    days[_observed(date(year, 11, 11))] = "Veterans Day"
    days[_nth_weekday(year, 11, thursday, 4)] = "Thanksgiving Day"
    days[_observed(date(year, 12, 25))] = "Christmas Day"
    return {d: name for d, name in days.items() if d.year == year}


@lru_cache(maxsize=256)
def _closures(calendar: HolidayCalendar, year: int) -> dict[date, str]:
    days = dict(federal_holidays(year))
    if calendar is HolidayCalendar.SEC:
        days.update({d: n for d, n in AD_HOC_CLOSURES.items() if d.year == year})
    else:
        days.setdefault(_observed(date(year, 4, 16)), "DC Emancipation Day")
    return days


def closure(day: date, calendar: HolidayCalendar) -> str | None:
    """Why `day` is not a business day of `calendar` (Saturday, Sunday, a holiday's name),
    or None when it is one."""
    if day.weekday() == 5:
        return "Saturday"
    if day.weekday() == 6:
        return "Sunday"
    return _closures(calendar, day.year).get(day)


def is_business_day(day: date, calendar: HolidayCalendar) -> bool:
    return closure(day, calendar) is None


def roll_forward(day: date, calendar: HolidayCalendar) -> tuple[date, list[str]]:
    """`day` or the next business day after it, and the reasons each skipped day was closed."""
    reasons = []
    while (why := closure(day, calendar)) is not None:
        reasons.append(f"{day.isoformat()} {why}")
        day += timedelta(days=1)
    return day, reasons


def add_business_days(day: date, count: int, calendar: HolidayCalendar) -> date:
    """The `count`-th business day after `day` (the day after it is the first counted)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    while count:
        day += timedelta(days=1)
        if is_business_day(day, calendar):
            count -= 1
    return day
