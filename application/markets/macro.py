"""Macro use cases: the dashboard of a day (inflation, unemployment, growth, policy and
Treasury rates) and a catalog series with a transformation (docs/markets-macro.md).

Economic series come through EconomicSeriesPort, Treasury yields through RatesPort (the
rates source). A series outside domain.analytics.macro.CATALOG is 404 UNKNOWN_SERIES: the
transformations need its unit and frequency. Query refusals are 422 INVALID_MARKET_INPUT
naming the parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from application.markets.query_dates import check_window, parse_day
from domain.analytics.futures import InvalidMarketInput
from domain.analytics.macro import (
    BY_ID,
    CATALOG,
    Figure,
    MacroSeries,
    Observation,
    SahmReading,
    annualized_change,
    changes,
    difference,
    latest,
    months_before,
    percent_change,
    sahm_rule,
)
from domain.fixedincome.curve import YieldCurve
from ports.core.clock import Clock
from ports.markets.macro import EconomicSeriesPort, UnknownSeries
from ports.markets.rates import RatesPort

LOOK_BACK_DAYS = 4 * 366  # the dashboard reads four years: the Sahm rule needs 15 months
MAX_SERIES_YEARS = 100
DASHBOARD_TENORS = (("3M", 0.25), ("2Y", 2.0), ("10Y", 10.0))


class Transform(StrEnum):
    LEVEL = "level"  # as published
    YOY = "yoy"  # percent change over 12 months
    PERIOD_ANNUALIZED = "period_annualized"  # over one period, compounded to a year
    CHANGE = "change"  # difference over one period, in the series' unit
    CHANGE_YOY = "change_yoy"  # difference over 12 months


_KIND = {
    Transform.YOY: "percent",
    Transform.PERIOD_ANNUALIZED: "annualized",
    Transform.CHANGE: "difference",
    Transform.CHANGE_YOY: "difference",
}


@dataclass(frozen=True, slots=True)
class SeriesReading:
    series: MacroSeries
    latest: Observation | None
    figures: dict[str, Figure]  # name -> value (docs: units per name)


@dataclass(frozen=True, slots=True)
class Dashboard:
    requested: date
    readings: tuple[SeriesReading, ...]
    sahm: SahmReading | None
    curve: YieldCurve | None
    yields: dict[str, Decimal]  # "3M", "2Y", "10Y" -> percent, where observed
    spreads: dict[str, Decimal]  # "2s10s", "3m10y" -> percentage points
    real_10y: float | None  # 10Y yield - CPI year-on-year inflation, percent
    missing: tuple[str, ...]  # series the source lacks or could not answer for
    source: str
    rates_source: str


@dataclass(frozen=True, slots=True)
class SeriesView:
    series: MacroSeries
    transform: Transform
    start: date
    end: date
    points: tuple[tuple[date, float | Decimal | None], ...]
    units: str
    source: str


@dataclass(eq=False)
class MacroService:
    economy: EconomicSeriesPort
    rates: RatesPort
    clock: Clock

    def today(self) -> date:
        return self.clock.now().date()

    async def dashboard(self, day_text: str | None) -> Dashboard:
        day = parse_day(day_text, "date", InvalidMarketInput) or self.today()
        start = day - timedelta(days=LOOK_BACK_DAYS)
        data: dict[str, list[Observation]] = {}
        missing = []
        for series in CATALOG:
            try:
                found = await self.economy.series(series.series_id, start, day)
            except UnknownSeries:
                missing.append(series.series_id)
                continue
            data[series.series_id] = [Observation(o.day, o.value) for o in found]
        readings = tuple(
            _reading(s, data[s.series_id], day) for s in CATALOG if s.series_id in data
        )
        curve = await self.rates.curve(day)
        yields = _yields(curve)
        spreads = {}
        if "10Y" in yields and "2Y" in yields:
            spreads["2s10s"] = yields["10Y"] - yields["2Y"]
        if "10Y" in yields and "3M" in yields:
            spreads["3m10y"] = yields["10Y"] - yields["3M"]
        cpi = next((r for r in readings if r.series.series_id == "CPIAUCSL"), None)
        inflation = None if cpi is None else cpi.figures["yoy"].value
        real = (
            None if inflation is None or "10Y" not in yields else float(yields["10Y"]) - inflation
        )
        sahm = sahm_rule(data["UNRATE"], day) if "UNRATE" in data else None
        return Dashboard(
            day, readings, sahm, curve, yields, spreads, real, tuple(missing),
            self.economy.name, self.rates.name,
        )  # fmt: skip

    async def series(
        self,
        series_id: str,
        start_text: str | None,
        end_text: str | None,
        transform_text: str | None,
    ) -> SeriesView:
        spec = BY_ID.get(series_id.upper())
        if spec is None:
            raise UnknownSeries(
                f"no macro series {series_id[:64]!r}; known: {', '.join(BY_ID)}",
                field="series_id",
            )
        try:
            transform = Transform(transform_text or "level")
        except ValueError:
            raise InvalidMarketInput(
                f"transform: one of {', '.join(t.value for t in Transform)}", field="transform"
            ) from None
        end = parse_day(end_text, "end", InvalidMarketInput) or self.today()
        start = parse_day(start_text, "start", InvalidMarketInput) or months_before(end, 10 * 12)
        too_long = f"at most {MAX_SERIES_YEARS} years"
        check_window(start, end, InvalidMarketInput, MAX_SERIES_YEARS * 366, too_long)
        months = _lag_months(spec, transform)
        fetched = await self.economy.series(spec.series_id, months_before(start, months), end)
        observations = [Observation(o.day, o.value) for o in fetched]
        if transform is Transform.LEVEL:
            values: list[tuple[date, float | Decimal | None]] = [
                (o.day, o.value) for o in observations
            ]
        else:
            values = list(changes(observations, months, _KIND[transform]))
        points = tuple((day, value) for day, value in values if day >= start)
        return SeriesView(
            spec, transform, start, end, points, _units(spec, transform), self.economy.name
        )


def _reading(series: MacroSeries, observations: list[Observation], day: date) -> SeriesReading:
    period = series.frequency_months
    figures: dict[str, Figure] = {}
    if series.units.startswith("percent"):
        figures["change"] = difference(observations, day, period)
        figures["change_yoy"] = difference(observations, day, 12)
    else:
        figures["yoy"] = percent_change(observations, day, 12)
        figures["period_annualized"] = annualized_change(observations, day, period)
        if period == 1:
            figures["three_month_annualized"] = annualized_change(observations, day, 3)
    return SeriesReading(series, latest(observations, day), figures)


def _yields(curve: YieldCurve | None) -> dict[str, Decimal]:
    if curve is None:
        return {}
    found = {}
    for label, years in DASHBOARD_TENORS:
        point = next((p for p in curve.points if abs(p.years - years) < 1e-9), None)
        if point is not None:
            found[label] = point.yield_pct
    return found


def _lag_months(spec: MacroSeries, transform: Transform) -> int:
    if transform in (Transform.YOY, Transform.CHANGE_YOY):
        return 12
    if transform in (Transform.PERIOD_ANNUALIZED, Transform.CHANGE):
        return spec.frequency_months
    return 0


def _units(spec: MacroSeries, transform: Transform) -> str:
    if transform is Transform.LEVEL:
        return spec.units
    if transform is Transform.YOY:
        return "percent change over 12 months"
    if transform is Transform.PERIOD_ANNUALIZED:
        return f"percent a year, compounded over {spec.frequency_months}-month periods"
    unit = "percentage points" if spec.units.startswith("percent") else spec.units
    span = "12 months" if transform is Transform.CHANGE_YOY else f"{spec.frequency_months} month(s)"
    return f"{unit}, change over {span}"
