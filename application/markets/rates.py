"""Rates use cases: the Treasury curve of a day, 2s10s / 3m10y inversions, a series' pages.

Reads through RatesPort (FRED or files); the curve mathematics is domain.fixedincome.curve.
Query text is parsed here so every refusal is 422 INVALID_RATES_QUERY (or INVALID_CURSOR)
naming the query parameter at fault.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from application.core.cursors import decode_json_cursor, encode_json_cursor
from application.core.paging import page_of
from application.markets.query_dates import check_window, parse_day
from domain.errors import DomainError, NotFound
from domain.fixedincome.curve import (
    SPREAD_MEASURES,
    Interpolation,
    InversionReport,
    TenorOutOfRange,
    YieldCurve,
    interpolate,
    inversions,
)
from ports.core.clock import Clock
from ports.markets.rates import RateObservation, RatesPort

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_TENORS = 200
MAX_INVERSION_YEARS = 70  # FRED's DGS10 starts in 1962
FIRST_DAY = date(1776, 7, 4)  # FRED's default observation_start: "the whole series"
DEFAULT_TENORS: tuple[float, ...] = (1 / 12, 0.25, 0.5, *map(float, range(1, 31)))
_SERIES_ID = re.compile(r"^[A-Za-z0-9_]{1,64}$")


class InvalidRatesQuery(DomainError):
    """A query parameter that cannot be used (422, naming it)."""

    code = "INVALID_RATES_QUERY"


class InvalidRatesCursor(InvalidRatesQuery):
    code = "INVALID_CURSOR"


class NoCurve(NotFound):
    """The source has no Treasury curve on or before the day (404 naming `date`)."""

    code = "NO_CURVE"


@dataclass(frozen=True, slots=True)
class CurveView:
    requested: date
    curve: YieldCurve
    method: Interpolation
    tenors: tuple[float, ...]
    yields: tuple[float, ...]  # percent, at `tenors`
    source: str


@dataclass(frozen=True, slots=True)
class InversionsView:
    start: date
    end: date
    reports: tuple[InversionReport, ...]
    source: str


@dataclass(frozen=True, slots=True)
class SeriesPage:
    series_id: str
    start: date
    end: date
    items: tuple[RateObservation, ...]
    next_cursor: str | None
    source: str


@dataclass(eq=False)
class RatesService:
    rates: RatesPort
    clock: Clock

    def today(self) -> date:
        return self.clock.now().date()

    async def curve(
        self, day_text: str | None, method_text: str | None, tenors_text: str | None
    ) -> CurveView:
        day = parse_day(day_text, "date", InvalidRatesQuery) or self.today()
        method = parse_method(method_text)
        curve = await self.rates.curve(day)
        if curve is None:
            raise NoCurve(f"no Treasury curve on or before {day.isoformat()}", field="date")
        low, high = curve.points[0].years, curve.points[-1].years
        if tenors_text is None:
            tenors = tuple(t for t in DEFAULT_TENORS if low - 1e-12 <= t <= high + 1e-12)
        else:
            tenors = parse_tenors(tenors_text)
        try:
            values = interpolate(curve, tenors, method)
        except TenorOutOfRange as error:
            raise InvalidRatesQuery(
                f"tenor {error.tenor:g} is outside the curve of {curve.day.isoformat()} "
                f"({low:g} to {high:g} years; no extrapolation)",
                field="tenors",
            ) from None
        return CurveView(
            day, curve, method, tenors, tuple(float(v) for v in values), self.rates.name
        )

    async def inversions(self, start_text: str | None, end_text: str | None) -> InversionsView:
        end = parse_day(end_text, "end", InvalidRatesQuery) or self.today()
        start = parse_day(start_text, "start", InvalidRatesQuery) or end - timedelta(days=365)
        _check_range(start, end, MAX_INVERSION_YEARS)
        needed = sorted({s for m in SPREAD_MEASURES for s in (m.long_series, m.short_series)})
        values = {}
        for series_id in needed:
            observations = await self.rates.series(series_id, start, end)
            values[series_id] = {o.day: o.value for o in observations}
        return InversionsView(start, end, tuple(inversions(values)), self.rates.name)

    async def series_page(
        self,
        series_id: str,
        start_text: str | None,
        end_text: str | None,
        cursor: str | None,
        limit: int = DEFAULT_PAGE,
    ) -> SeriesPage:
        if not _SERIES_ID.match(series_id):
            raise InvalidRatesQuery(
                "series_id: 1 to 64 letters, digits or underscores (a FRED id like DGS10)",
                field="series_id",
            )
        series_id = series_id.upper()
        end = parse_day(end_text, "end", InvalidRatesQuery) or self.today()
        start = parse_day(start_text, "start", InvalidRatesQuery) or FIRST_DAY
        _check_range(start, end, None)
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidRatesQuery(f"limit: 1 to {MAX_PAGE}", field="limit")
        after = None if cursor is None else decode_cursor(cursor)
        observations = await self.rates.series(series_id, start, end)
        if after is not None:
            observations = [o for o in observations if o.day > after]
        page = page_of(observations, limit, lambda observation: encode_cursor(observation.day))
        return SeriesPage(
            series_id, start, end, tuple(page.items), page.next_cursor, self.rates.name
        )


def parse_method(text: str | None) -> Interpolation:
    if text is None or text == "":
        return Interpolation.MONOTONE_CUBIC
    try:
        return Interpolation(text)
    except ValueError:
        raise InvalidRatesQuery(
            f"method: expected linear or monotone_cubic, got {text[:40]!r}", field="method"
        ) from None


def parse_tenors(text: str) -> tuple[float, ...]:
    """Comma-separated tenors in years (0.25,2,10) or labels (3M, 10Y), increasing or not."""
    parts = [part.strip() for part in text.split(",")]
    if not parts or any(not part for part in parts) or len(parts) > MAX_TENORS:
        raise InvalidRatesQuery(
            f"tenors: 1 to {MAX_TENORS} comma-separated tenors in years (0.5,2,10) or "
            "labels (6M,2Y,10Y)",
            field="tenors",
        )
    return tuple(_tenor(part) for part in parts)


def _tenor(part: str) -> float:
    upper = part.upper()
    try:
        if upper.endswith("M"):
            years = float(upper[:-1]) / 12
        elif upper.endswith("Y"):
            years = float(upper[:-1])
        else:
            years = float(upper)
    except ValueError:
        years = math.nan
    if not math.isfinite(years) or years <= 0 or years > 100:
        raise InvalidRatesQuery(
            f"tenors: {part[:20]!r} is not a tenor (years above 0, or 3M / 10Y)", field="tenors"
        )
    return years


def _check_range(start: date, end: date, max_years: int | None) -> None:
    max_days = None if max_years is None else max_years * 366
    too_long = f"the range spans more than {max_years} years"
    check_window(start, end, InvalidRatesQuery, max_days, too_long)


def encode_cursor(after: date) -> str:
    return encode_json_cursor({"after": after.isoformat()})


def decode_cursor(cursor: str) -> date:
    """The day an `encode_cursor` cursor stands for; INVALID_CURSOR for any other text."""
    try:
        if not cursor or len(cursor) > 128:
            raise ValueError(cursor)
        return date.fromisoformat(decode_json_cursor(cursor)["after"])
    except (ValueError, TypeError, KeyError):
        raise InvalidRatesCursor(
            "cursor: not a cursor this listing gave out", field="cursor"
        ) from None
