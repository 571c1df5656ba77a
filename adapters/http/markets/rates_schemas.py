"""GET /api/v1/analytics/rates/* DTOs: the Treasury curve, inversions, a series' pages."""

from __future__ import annotations

import datetime as dt

from adapters.http.schemas.common import Output
from adapters.http.wire_format import AnalyticOut, RateOut
from application.markets.rates import CurveView, InversionsView, SeriesPage
from domain.fixedincome.curve import DailySpread, InversionPeriod, InversionReport

UNITS = "percent (4.21 = 4.21 %), as FRED publishes them"
CURVE_CONVENTIONS = {
    "units": UNITS,
    "tenor": "years (1M = 1/12, 3M = 0.25, 6M = 0.5)",
    "yield_basis": "Treasury constant-maturity (CMT) par yields, bond-equivalent "
    "(semiannual compounding), investment basis (FRED DGS1MO ... DGS30)",
    "day": "`as_of` is the latest date on or before `date` with two or more tenors observed; "
    "only tenors with a value on that very date are points",
    "linear": "straight lines between neighbouring observed tenors",
    "monotone_cubic": "Fritsch-Carlson (1980) monotone cubic Hermite: no overshoot between "
    "two observed tenors, monotone where the points are",
    "extrapolation": "none: a tenor outside the observed tenors is refused (422 naming tenors)",
}
INVERSION_CONVENTIONS = {
    "units": "spreads in percentage points (long - short) of FRED's percent yields",
    "2s10s": "DGS10 - DGS2",
    "3m10y": "DGS10 - DGS3MO",
    "inverted": "a day with spread < 0 (0 is not inverted)",
    "period": "a run of consecutive observed days (both series with a value; days without "
    "one neither break nor extend it) that are inverted; days = observed days in it, "
    "calendar_days = end - start + 1; open_start / open_end: the run touches the first / "
    "last observed day of the range, so it may reach past it",
}


class TreasuryCurvePointOut(Output):
    series_id: str
    tenor: str
    years: AnalyticOut
    yield_pct: RateOut


class TreasuryCurveValueOut(Output):
    years: AnalyticOut
    yield_pct: AnalyticOut


class YieldCurveOut(Output):
    """The observed Treasury curve of a day and its interpolated yields."""

    date: dt.date
    as_of: dt.date
    method: str
    source: str
    points: list[TreasuryCurvePointOut]
    interpolated: list[TreasuryCurveValueOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: CurveView) -> YieldCurveOut:
        return cls(
            date=view.requested,
            as_of=view.curve.day,
            method=view.method.value,
            source=view.source,
            points=[
                TreasuryCurvePointOut(
                    series_id=p.series_id, tenor=p.label, years=p.years, yield_pct=p.yield_pct
                )
                for p in view.curve.points
            ],
            interpolated=[
                TreasuryCurveValueOut(years=t, yield_pct=y)
                for t, y in zip(view.tenors, view.yields, strict=True)
            ],
            conventions=CURVE_CONVENTIONS,
        )


class TreasurySpreadOut(Output):
    date: dt.date
    spread: RateOut

    @classmethod
    def from_domain(cls, s: DailySpread) -> TreasurySpreadOut:
        return cls(date=s.day, spread=s.spread)


class TreasuryInversionPeriodOut(Output):
    start: dt.date
    end: dt.date
    deepest_spread: RateOut
    deepest_date: dt.date
    days: int
    calendar_days: int
    open_start: bool
    open_end: bool

    @classmethod
    def from_domain(cls, p: InversionPeriod) -> TreasuryInversionPeriodOut:
        return cls.from_attributes(p, deepest_date=p.deepest_day)


class TreasurySpreadInversionsOut(Output):
    measure: str
    long_series: str
    short_series: str
    observed_days: int
    inverted_days: int
    inverted_now: bool | None
    periods: list[TreasuryInversionPeriodOut]
    spreads: list[TreasurySpreadOut] | None

    @classmethod
    def from_domain(cls, r: InversionReport, with_spreads: bool) -> TreasurySpreadInversionsOut:
        return cls(
            measure=r.measure.name,
            long_series=r.measure.long_series,
            short_series=r.measure.short_series,
            observed_days=len(r.spreads),
            inverted_days=r.inverted_days,
            inverted_now=None if not r.spreads else r.spreads[-1].spread < 0,
            periods=[TreasuryInversionPeriodOut.from_domain(p) for p in r.periods],
            spreads=[TreasurySpreadOut.from_domain(s) for s in r.spreads] if with_spreads else None,
        )


class TreasuryInversionsOut(Output):
    """2s10s and 3m10y spreads over [start, end] and their inversion periods."""

    start: dt.date
    end: dt.date
    source: str
    measures: list[TreasurySpreadInversionsOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: InversionsView, with_spreads: bool) -> TreasuryInversionsOut:
        return cls(
            start=view.start,
            end=view.end,
            source=view.source,
            measures=[
                TreasurySpreadInversionsOut.from_domain(r, with_spreads) for r in view.reports
            ],
            conventions=INVERSION_CONVENTIONS,
        )


class RateObservationOut(Output):
    date: dt.date
    value: RateOut | None


class RateSeriesPageOut(Output):
    """Observations oldest first; pass `next_cursor` back as `cursor` for the next page."""

    series_id: str
    start: dt.date
    end: dt.date
    source: str
    units: str
    items: list[RateObservationOut]
    next_cursor: str | None

    @classmethod
    def from_page(cls, page: SeriesPage) -> RateSeriesPageOut:
        return cls.from_attributes(
            page,
            units=UNITS + "; null: a day the source lists without a value (FRED's '.')",
            items=[RateObservationOut(date=o.day, value=o.value) for o in page.items],
        )
