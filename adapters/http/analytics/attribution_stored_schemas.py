"""POST /api/v1/analytics/attribution DTOs of the stored input: the benchmark's constituents
in; where the periods came from and the regime shifts out. Fractions, not percent."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, cast

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output
from adapters.http.wire_format import AnalyticOut
from application.analytics.stored_attribution import (
    MAX_CONSTITUENTS,
    REGIME_LOOKBACK_DAYS,
    RegimeShifts,
    StoredAttributionSource,
)
from application.analytics.stored_books import MAX_CLOSE_AGE, Constituent
from domain.analytics.regime_detection import MIN_HISTORY
from domain.analytics.regime_segments import RegimeSegment
from domain.portfolio.attribution import EffectTotals

PeriodName = Literal["monthly", "weekly"]
RegimeSeriesName = Literal["benchmark", "portfolio", "none"]
Label = Literal["bull", "bear", "volatile", "stable"]

STORED_CONVENTIONS = {
    "periods": "monthly: the start's day of each month (the month's last when shorter); weekly: "
    "every 7 days; the last period ends on `end`",
    "weights": "market value at the period's start over the side's total (invested holdings, "
    "cash left out): the ledger's shares after the trades on or before the start x the close "
    f"in force (the last stored adjusted daily close on or before the day, at most "
    f"{MAX_CLOSE_AGE} days old); constituents: their weights, rebalanced at every start",
    "returns": "close(end) / close(start) - 1 per symbol, the holdings unchanged through the "
    "period; a sector's return is its symbols' weight-averaged return; a sector one side does "
    "not hold takes the other side's return",
    "sectors": "the constituent's sector when posted, else the stored instrument's, else "
    "UNCLASSIFIED",
    "regime": f"each period read at its end by the regime detector (docs/regime-monte-carlo.md) "
    f"on the last 252 daily levels of the benchmark (or the portfolio), at least {MIN_HISTORY}; "
    f"the level chains each period's holdings, the first period's carried back "
    f"{REGIME_LOOKBACK_DAYS} calendar days",
    "regime_segment": "consecutive periods read in one regime; summed: the plain sum of their "
    "single-period effects; linked: their effects x the linking coefficients, adding up over "
    "the segments to the linked totals",
    "regime_change": "dated by the end of the first period read in the new regime",
}


class AttributionConstituentIn(Input):
    """A benchmark constituent (stored input only)."""

    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    weight: Annotated[float, msgspec.Meta(description="Weight >= 0, divided by the weights' sum")]
    sector: Annotated[
        Annotated[str, msgspec.Meta(max_length=100)] | None,
        msgspec.Meta(description="Its sector; null: the stored instrument's"),
    ] = None

    def to_domain(self) -> Constituent:
        return Constituent(self.symbol.strip().upper(), self.weight, self.sector or None)


CONSTITUENTS_DOC = (
    f"Benchmark constituents, 1 to {MAX_CONSTITUENTS:,}, rebalanced to their weights at every "
    "period's start (or `benchmark_portfolio_id`)"
)


class StoredAttributionSourceOut(Output):
    """Where the periods came from (stored input only)."""

    portfolio_id: str
    benchmark_portfolio_id: str | None
    benchmark_constituents: int
    period: PeriodName
    closes: str
    left_out: list[str]

    @classmethod
    def from_domain(cls, source: StoredAttributionSource) -> StoredAttributionSourceOut:
        return cls.from_attributes(
            source,
            period=source.period.value,
            closes="bar history store: split- and dividend-adjusted daily closes",
            left_out=list(source.left_out),
        )


class RegimeEffectsOut(Mirror[EffectTotals]):
    allocation: AnalyticOut
    selection: AnalyticOut
    interaction: AnalyticOut
    total: AnalyticOut


class RegimePeriodOut(Output):
    start: date
    end: date
    regime: Label


class RegimeChangeOut(Output):
    on: Annotated[date, msgspec.Meta(description="End of the first period read in `after`")]
    period: Annotated[int, msgspec.Meta(description="Index of that period in `periods`")]
    before: Label
    after: Label


class RegimeSegmentOut(Output):
    regime: Label
    start: date
    end: date
    first_period: int
    periods: int
    portfolio_return: Annotated[AnalyticOut, msgspec.Meta(description="Compounded")]
    benchmark_return: Annotated[AnalyticOut, msgspec.Meta(description="Compounded")]
    active_return: AnalyticOut
    summed: Annotated[RegimeEffectsOut, msgspec.Meta(description="Sum of the periods' effects")]
    linked: Annotated[RegimeEffectsOut, msgspec.Meta(description="Their share of the linked")]

    @classmethod
    def from_domain(cls, s: RegimeSegment) -> RegimeSegmentOut:
        return cls.from_attributes(
            s,
            regime=cast(Label, s.regime.value),
            summed=RegimeEffectsOut.from_domain(s.summed),
            linked=RegimeEffectsOut.from_domain(s.linked),
        )


class RegimeShiftsOut(Output):
    """The regime of each period, the dated changes and the effects per regime segment."""

    series: Literal["benchmark", "portfolio"]
    window: Annotated[int, msgspec.Meta(description="Daily levels read at each period's end")]
    periods: list[RegimePeriodOut]
    changes: list[RegimeChangeOut]
    segments: list[RegimeSegmentOut]

    @classmethod
    def from_domain(cls, shifts: RegimeShifts, bounds: list[tuple[date, date]]) -> RegimeShiftsOut:
        return cls(
            series=cast(Literal["benchmark", "portfolio"], shifts.series.value),
            window=shifts.window,
            periods=[
                RegimePeriodOut(start=start, end=end, regime=cast(Label, label.value))
                for (start, end), label in zip(bounds, shifts.labels, strict=True)
            ],
            changes=[
                RegimeChangeOut(
                    on=c.on,
                    period=c.period,
                    before=cast(Label, c.before.value),
                    after=cast(Label, c.after.value),
                )
                for c in shifts.changes
            ],
            segments=[RegimeSegmentOut.from_domain(s) for s in shifts.segments],
        )
