"""Macro series arithmetic: changes over months (inflation), annualized growth, the Sahm rule.

Observations are FRED-shaped: one Decimal value per dated period (monthly series dated the
first of the month, quarterly ones the first of the quarter), None where the source has no
value. "Months back" matches the observation dated exactly that many calendar months before
(a missing one gives no figure, never a neighbour's).

Conventions (docs/markets-macro.md):
- percent_change: (v_t / v_{t-m} - 1) x 100, percent; CPI's over 12 months is year-on-year
  inflation.
- annualized_change: ((v_t / v_{t-m}) ^ (12 / m) - 1) x 100, percent a year, compounded; GDP's
  over 3 months is the quarter's growth at a seasonally adjusted annual rate (SAAR).
- difference: v_t - v_{t-m}, in the series' unit (percentage points for a rate).
- Sahm rule (Sahm 2019): the 3-month average of the unemployment rate less its minimum over
  the prior 12 months; 0.50 percentage points or more signals the start of a recession.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

SAHM_THRESHOLD = Decimal("0.50")  # percentage points


@dataclass(frozen=True, slots=True)
class Observation:
    day: date
    value: Decimal | None


@dataclass(frozen=True, slots=True)
class MacroSeries:
    """A series the macro screens know: its FRED id, what it measures and in which unit."""

    series_id: str
    title: str
    units: str
    frequency_months: int  # 1 monthly, 3 quarterly
    seasonal_adjustment: str


CATALOG: tuple[MacroSeries, ...] = (
    MacroSeries("CPIAUCSL", "CPI-U, all items, U.S. city average", "index 1982-1984=100", 1,
                "seasonally adjusted"),
    MacroSeries("CPILFESL", "CPI-U less food and energy (core)", "index 1982-1984=100", 1,
                "seasonally adjusted"),
    MacroSeries("UNRATE", "Unemployment rate, 16 years and over", "percent", 1,
                "seasonally adjusted"),
    MacroSeries("GDPC1", "Real gross domestic product", "billions of chained 2017 dollars, "
                "annual rate", 3, "seasonally adjusted annual rate"),
    MacroSeries("GDP", "Gross domestic product (nominal)", "billions of dollars, annual rate", 3,
                "seasonally adjusted annual rate"),
    MacroSeries("FEDFUNDS", "Effective federal funds rate, monthly average", "percent", 1,
                "not seasonally adjusted"),
)  # fmt: skip
BY_ID = {s.series_id: s for s in CATALOG}


@dataclass(frozen=True, slots=True)
class Figure:
    """A computed figure and the observation date it belongs to (None: not computable)."""

    day: date | None
    value: float | None


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` calendar months earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: a month has at least 28 days


def latest(observations: Sequence[Observation], on_or_before: date) -> Observation | None:
    """The last observation with a value dated on or before the day (oldest-first input)."""
    days = [o.day for o in observations]
    for index in range(bisect.bisect_right(days, on_or_before) - 1, -1, -1):
        if observations[index].value is not None:
            return observations[index]
    return None


def _value_at(observations: Sequence[Observation], day: date) -> Decimal | None:
    days = [o.day for o in observations]
    index = bisect.bisect_left(days, day)
    if index < len(observations) and observations[index].day == day:
        return observations[index].value
    return None


def _pair(
    observations: Sequence[Observation], on_or_before: date, months: int
) -> tuple[Observation, Decimal] | None:
    now = latest(observations, on_or_before)
    if now is None or now.value is None:
        return None
    then = _value_at(observations, months_before(now.day, months))
    if then is None:
        return None
    return now, then


def percent_change(observations: Sequence[Observation], on_or_before: date, months: int) -> Figure:
    """(v_t / v_{t-months} - 1) x 100 at the latest observation on or before the day."""
    pair = _pair(observations, on_or_before, months)
    if pair is None or pair[1] == 0:
        return Figure(None, None)
    now, then = pair
    assert now.value is not None
    return Figure(now.day, (float(now.value) / float(then) - 1.0) * 100.0)


def annualized_change(
    observations: Sequence[Observation], on_or_before: date, months: int
) -> Figure:
    """((v_t / v_{t-months}) ^ (12 / months) - 1) x 100: percent a year, compounded."""
    pair = _pair(observations, on_or_before, months)
    if pair is None:
        return Figure(None, None)
    now, then = pair
    if now.value is None or now.value <= 0 or then <= 0:
        return Figure(None, None)
    ratio = float(now.value) / float(then)
    return Figure(now.day, (ratio ** (12.0 / months) - 1.0) * 100.0)


def difference(observations: Sequence[Observation], on_or_before: date, months: int) -> Figure:
    """v_t - v_{t-months}, in the series' unit (percentage points for a rate)."""
    pair = _pair(observations, on_or_before, months)
    if pair is None:
        return Figure(None, None)
    now, then = pair
    assert now.value is not None
    return Figure(now.day, float(now.value - then))


def changes(
    observations: Sequence[Observation], months: int, kind: str
) -> list[tuple[date, float | None]]:
    """Every observation's change over `months` in one pass: kind "percent"
    (percent_change), "annualized" (annualized_change) or "difference" (difference);
    None where the value or its base month has none (or a ratio cannot be taken)."""
    by_day = {o.day: o.value for o in observations}
    out: list[tuple[date, float | None]] = []
    for o in observations:
        base = by_day.get(months_before(o.day, months))
        figure: float | None = None
        if o.value is not None and base is not None:
            if kind == "difference":
                figure = float(o.value - base)
            elif kind == "percent" and base != 0:
                figure = (float(o.value) / float(base) - 1.0) * 100.0
            elif kind == "annualized" and base > 0 and o.value > 0:
                figure = ((float(o.value) / float(base)) ** (12.0 / months) - 1.0) * 100.0
        out.append((o.day, figure))
    return out


@dataclass(frozen=True, slots=True)
class SahmReading:
    day: date
    three_month_average: Decimal
    prior_twelve_month_low: Decimal
    value: Decimal  # average - low, percentage points
    triggered: bool  # value >= 0.50


def sahm_rule(monthly_rate: Sequence[Observation], on_or_before: date) -> SahmReading | None:
    """The Sahm rule reading at the latest month on or before the day: needs that month and
    the 14 before it (the 3-month averages of the 12 prior months reach 14 months back)."""
    now = latest(monthly_rate, on_or_before)
    if now is None:
        return None
    values: list[Decimal] = []
    for back in range(15):
        value = _value_at(monthly_rate, months_before(now.day, back))
        if value is None:
            return None
        values.append(value)  # values[k]: k months before now
    averages = [sum(values[k : k + 3], Decimal(0)) / 3 for k in range(13)]
    current, low = averages[0], min(averages[1:13])
    reading = current - low
    return SahmReading(now.day, current, low, reading, reading >= SAHM_THRESHOLD)
