"""Filing deadlines: Form 13F, Schedules 13D and 13G, U.S. estimated tax (Form 1040-ES).

Each deadline states its rule, its nominal date and the date it is due after moving off
weekends and holidays (holidays.py says which calendar):
- 13F-HR (Exchange Act rule 13f-1): within 45 days after the end of each calendar quarter;
  a last day on a Saturday, Sunday or federal holiday moves to the next business day
  (Exchange Act rule 0-3). SEC calendar.
- Schedule 13D, as amended by Release 33-11253 (in force 2024-02-05): the initial filing
  within 5 business days after acquiring more than 5 % of a class (the day after the
  acquisition is the first day counted); an amendment within 2 business days after a
  material change.
- Schedule 13G, the same release, deadlines in force from 2024-09-30, by filer type:
  qualified institutional investor (rule 13d-1(b)) and exempt investor (13d-1(d)): initial
  45 days after the end of the calendar quarter in which ownership exceeds 5 % at quarter
  end; a QII above 10 % at a month end: 5 business days after that month's end. Passive
  investor (13d-1(c)): initial 5 business days after crossing 5 %. Amendments, all filers:
  45 days after the end of a calendar quarter with a material change; a QII crossing 10 % or
  moving by more than 5 % at a month end: 5 business days after the month end; a passive
  investor: 2 business days after the crossing or move.
- Estimated tax (26 U.S.C. 6654, Form 1040-ES, calendar-year individual): April 15, June 15,
  September 15 of the tax year and January 15 of the next; a Saturday, Sunday or legal
  holiday moves it to the next day that is none (26 U.S.C. 7503). IRS calendar.
Events before those rules took effect are refused (the older deadlines are not modelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain.analytics.compliance.holidays import HolidayCalendar, add_business_days, roll_forward
from domain.errors import DomainError

SCHEDULE_13D_RULES_FROM = date(2024, 2, 5)
SCHEDULE_13G_DEADLINES_FROM = date(2024, 9, 30)
FIRST_YEAR, LAST_YEAR = 1990, 2100
MAX_CALENDAR_DAYS = 3 * 366 + 1


class InvalidFilingInput(DomainError):
    """A filing-calendar or 13F input that cannot be used (422, naming the field)."""

    code = "INVALID_FILING_INPUT"


class Filing(StrEnum):
    FORM_13F = "13F-HR"
    SCHEDULE_13D = "SC 13D"
    SCHEDULE_13D_AMENDMENT = "SC 13D/A"
    SCHEDULE_13G = "SC 13G"
    SCHEDULE_13G_AMENDMENT = "SC 13G/A"
    ESTIMATED_TAX = "1040-ES"


RECURRING = (Filing.FORM_13F, Filing.SCHEDULE_13G_AMENDMENT, Filing.ESTIMATED_TAX)


class FilerType(StrEnum):
    QII = "qii"  # qualified institutional investor, rule 13d-1(b)
    PASSIVE = "passive"  # rule 13d-1(c)
    EXEMPT = "exempt"  # rule 13d-1(d)


class Trigger(StrEnum):
    CROSSED_5 = "crossed_5_percent"  # acquired more than 5 % (13D; 13G passive)
    QUARTER_END_ABOVE_5 = "quarter_end_above_5_percent"  # 13G QII / exempt initial
    MONTH_END_ABOVE_10 = "month_end_above_10_percent"  # 13G QII initial or amendment
    MATERIAL_CHANGE = "material_change"  # 13D/A; 13G/A at the quarter's end
    CROSSED_10_OR_MOVED_5 = "crossed_10_or_moved_5_percent"  # 13G/A QII (month end), passive


@dataclass(frozen=True, slots=True)
class Deadline:
    filing: Filing
    period: str  # "2024-Q4", "2025 payment 1", or the event's date
    period_end: date  # the quarter's or event's date the rule counts from
    nominal: date  # before moving off weekends and holidays
    due: date
    rolled_over: tuple[str, ...]  # the closed days skipped ("2021-08-14 Saturday")
    calendar: HolidayCalendar
    rule: str


def quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _month_end(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)


def _after_quarter(filing: Filing, year: int, quarter: int, rule: str) -> Deadline:
    end = quarter_end(year, quarter)
    nominal = end + timedelta(days=45)
    due, skipped = roll_forward(nominal, HolidayCalendar.SEC)
    return Deadline(
        filing, f"{year}-Q{quarter}", end, nominal, due, tuple(skipped), HolidayCalendar.SEC, rule
    )


def form_13f(year: int, quarter: int) -> Deadline:
    """The 13F-HR for the calendar quarter (rule 13f-1; rule 0-3 for closed days)."""
    _check_year(year, "year")
    if quarter not in (1, 2, 3, 4):
        raise InvalidFilingInput("quarter: 1 to 4", field="quarter")
    return _after_quarter(Filing.FORM_13F, year, quarter, "45 days after the quarter's end")


def estimated_tax(tax_year: int) -> list[Deadline]:
    """The four 1040-ES payments of a calendar tax year (26 U.S.C. 6654, 7503)."""
    _check_year(tax_year, "tax_year")
    nominal = (
        date(tax_year, 4, 15),
        date(tax_year, 6, 15),
        date(tax_year, 9, 15),
        date(tax_year + 1, 1, 15),
    )
    out = []
    for number, day in enumerate(nominal, start=1):
        due, skipped = roll_forward(day, HolidayCalendar.IRS)
        out.append(
            Deadline(
                Filing.ESTIMATED_TAX,
                f"{tax_year} payment {number}",
                day,
                day,
                due,
                tuple(skipped),
                HolidayCalendar.IRS,
                "April 15, June 15, September 15, January 15 of the next year",
            )
        )
    return out


def recurring(filings: set[Filing], start: date, end: date) -> list[Deadline]:
    """The recurring deadlines (13F-HR, 13G/A quarterly, 1040-ES) due within start..end."""
    if start > end:
        raise InvalidFilingInput("start is after end", field="start")
    if (end - start).days > MAX_CALENDAR_DAYS:
        raise InvalidFilingInput("the window spans more than three years", field="end")
    _check_year(start.year - 1, "start")
    _check_year(end.year, "end")
    found: list[Deadline] = []
    for year in range(start.year - 1, end.year + 1):
        for quarter in (1, 2, 3, 4):
            if Filing.FORM_13F in filings:
                found.append(form_13f(year, quarter))
            if Filing.SCHEDULE_13G_AMENDMENT in filings:
                found.append(
                    _after_quarter(
                        Filing.SCHEDULE_13G_AMENDMENT,
                        year,
                        quarter,
                        "45 days after the end of a quarter with a material change (all 13G "
                        "filers)",
                    )
                )
        if Filing.ESTIMATED_TAX in filings:
            found.extend(estimated_tax(year))
    window = [d for d in found if start <= d.due <= end]
    if Filing.SCHEDULE_13G_AMENDMENT in filings:
        window = [
            d
            for d in window
            if d.filing is not Filing.SCHEDULE_13G_AMENDMENT
            or d.period_end >= SCHEDULE_13G_DEADLINES_FROM
        ]
    return sorted(window, key=lambda d: (d.due, d.filing.value, d.period))


def event_deadline(
    filing: Filing, trigger: Trigger, event_date: date, filer_type: FilerType | None = None
) -> Deadline:
    """The deadline of a 13D or 13G filing set off by an event (module doc)."""
    _check_year(event_date.year, "event_date")
    if filing in (Filing.SCHEDULE_13D, Filing.SCHEDULE_13D_AMENDMENT):
        return _schedule_13d(filing, trigger, event_date)
    if filing in (Filing.SCHEDULE_13G, Filing.SCHEDULE_13G_AMENDMENT):
        if filer_type is None:
            raise InvalidFilingInput(
                "filer_type: qii, passive or exempt for a Schedule 13G", field="filer_type"
            )
        if event_date < SCHEDULE_13G_DEADLINES_FROM:
            raise InvalidFilingInput(
                f"event_date: the Schedule 13G deadlines modelled apply from "
                f"{SCHEDULE_13G_DEADLINES_FROM.isoformat()}",
                field="event_date",
            )
        return _schedule_13g(filing, trigger, event_date, filer_type)
    raise InvalidFilingInput(
        f"filing: {filing.value} is a recurring deadline (GET the calendar)", field="filing"
    )


def _business(
    filing: Filing, event: date, count: int, rule: str, counted_from: date | None = None
) -> Deadline:
    start = counted_from or event
    due = add_business_days(start, count, HolidayCalendar.SEC)
    return Deadline(filing, event.isoformat(), start, due, due, (), HolidayCalendar.SEC, rule)


def _schedule_13d(filing: Filing, trigger: Trigger, event: date) -> Deadline:
    if event < SCHEDULE_13D_RULES_FROM:
        raise InvalidFilingInput(
            f"event_date: the Schedule 13D deadlines modelled apply from "
            f"{SCHEDULE_13D_RULES_FROM.isoformat()}",
            field="event_date",
        )
    if filing is Filing.SCHEDULE_13D and trigger is Trigger.CROSSED_5:
        return _business(filing, event, 5, "5 business days after acquiring more than 5 %")
    if filing is Filing.SCHEDULE_13D_AMENDMENT and trigger is Trigger.MATERIAL_CHANGE:
        return _business(filing, event, 2, "2 business days after a material change")
    raise InvalidFilingInput(
        f"trigger: a {filing.value} is set off by "
        f"{'crossed_5_percent' if filing is Filing.SCHEDULE_13D else 'material_change'}",
        field="trigger",
    )


def _schedule_13g(filing: Filing, trigger: Trigger, event: date, filer: FilerType) -> Deadline:
    year, quarter = _quarter_of(event)
    initial = filing is Filing.SCHEDULE_13G
    if initial and trigger is Trigger.CROSSED_5 and filer is FilerType.PASSIVE:
        return _business(filing, event, 5, "passive investor: 5 business days after crossing 5 %")
    if initial and trigger is Trigger.QUARTER_END_ABOVE_5 and filer is not FilerType.PASSIVE:
        return _after_quarter(
            filing, year, quarter,
            f"{filer.value}: 45 days after the end of the quarter in which ownership exceeds "
            "5 % at quarter end",
        )  # fmt: skip
    if trigger is Trigger.MONTH_END_ABOVE_10 and filer is FilerType.QII and initial:
        month_end = _month_end(event)
        return _business(
            filing, event, 5, "qii: 5 business days after a month end above 10 %", month_end
        )
    if not initial and trigger is Trigger.MATERIAL_CHANGE:
        return _after_quarter(
            filing, year, quarter, "45 days after the end of the quarter with a material change"
        )
    if not initial and trigger is Trigger.CROSSED_10_OR_MOVED_5 and filer is FilerType.QII:
        return _business(
            filing, event, 5, "qii: 5 business days after the month end of crossing 10 % or a "
            "move of more than 5 %", _month_end(event),
        )  # fmt: skip
    if not initial and trigger is Trigger.CROSSED_10_OR_MOVED_5 and filer is FilerType.PASSIVE:
        return _business(
            filing, event, 2, "passive: 2 business days after crossing 10 % or a move of more "
            "than 5 %",
        )  # fmt: skip
    raise InvalidFilingInput(
        f"trigger: {trigger.value} does not set off a {filing.value} for a {filer.value} filer",
        field="trigger",
    )


def _check_year(year: int, field: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidFilingInput(f"{field}: a year from {FIRST_YEAR} to {LAST_YEAR}", field=field)
