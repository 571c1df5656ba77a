"""POST /api/v1/analytics/attribution DTOs: dated periods of sector weights and returns in (or
a stored portfolio, a benchmark and a range: attribution_stored_schemas.py); per-period
effects, linked effects and CUSUM events out (and, stored, the source and regime shifts).
Every number is a fraction (0.05 = 5%), never percent; `units` and `conventions` say so."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import msgspec

from adapters.http.analytics.attribution_stored_schemas import (
    CONSTITUENTS_DOC,
    STORED_CONVENTIONS,
    AttributionConstituentIn,
    PeriodName,
    RegimeSeriesName,
    RegimeShiftsOut,
    StoredAttributionSourceOut,
)
from adapters.http.schemas.common import Input, Mirror, Output, doc
from adapters.http.wire_format import AnalyticOut
from application.analytics.attribution import (
    MAX_PERIODS,
    MAX_SECTORS,
    WEIGHT_TOLERANCE,
    AttributionReport,
    AttributionRequest,
    CusumSettings,
    PeriodInput,
    SectorInput,
)
from application.analytics.stored_attribution import (
    RegimeSource,
    StoredAttribution,
    StoredAttributionRequest,
)
from domain.portfolio.attribution import (
    AttributionModel,
    EffectTotals,
    FloatArray,
    InvalidAttributionInput,
)
from domain.portfolio.cusum import D2, DEFAULT_H, DEFAULT_K, DEFAULT_TARGET
from domain.portfolio.linking import LinkingMethod
from domain.portfolio.stored_periods import PeriodLength

ModelName = Literal["brinson_fachler", "brinson_hood_beebower"]
LinkingName = Literal["carino", "menchero"]


UNITS = {
    "weights": "fraction of the portfolio / benchmark at the start of the period (sum 1)",
    "returns": "fraction over the period (0.05 = 5%), not percent",
    "effects": "fraction of the portfolio: arithmetic contributions to the active return",
    "cusum": "target, sigma and magnitude: fraction per period; k, h, statistic and "
    "magnitude_sigmas: units of sigma",
}
CONVENTIONS = {
    "brinson_fachler": "allocation (w_p - w_b)(R_b,i - R_b); selection w_b (R_p,i - R_b,i); "
    "interaction (w_p - w_b)(R_p,i - R_b,i)",
    "brinson_hood_beebower": "allocation (w_p - w_b) R_b,i; selection and interaction as "
    "Brinson-Fachler (the total allocation is the same)",
    "period_totals": "allocation + selection + interaction = R_p - R_b of the period, "
    "R_p = sum w_p R_p,i, after the weights are divided by their sum",
    "carino": "linked effect = sum_t e_t k_t / k, k(x, y) = ln((1+x)/(1+y)) / (x - y) of the "
    "period's and the compounded returns",
    "menchero": "linked effect = sum_t e_t (M + alpha_t), M = (A/T) / ((1+R_p)^(1/T) - "
    "(1+R_b)^(1/T)), alpha_t = a_t (A - M sum a) / sum a^2",
    "linked_totals": "add up to the compounded active return A = prod(1+R_p,t) - prod(1+R_b,t)",
    "cusum": "two-sided tabular CUSUM (Montgomery 9.1) of the per-period active returns, dated "
    "by each period's end; K = k sigma, H = h sigma; alarm when C+ or C- > H; both sums reset "
    f"after an alarm; sigma when not given: mean moving range / {D2}",
    "cusum_event": "start: end date of the first period of the run (the sum last left 0); "
    "magnitude: estimated new mean - target, K + C/N signed",
}


class AttributionSectorIn(Input):
    """One sector of one period."""

    sector: Annotated[str, msgspec.Meta(min_length=1, max_length=100, description="Name")]
    portfolio_weight: Annotated[float, doc("Portfolio weight at the start, fraction")]
    benchmark_weight: Annotated[float, doc("Benchmark weight at the start, fraction")]
    portfolio_return: Annotated[float, doc("Portfolio's return in the sector, fraction >= -1")]
    benchmark_return: Annotated[float, doc("Benchmark's return in the sector, fraction >= -1")]


class AttributionPeriodIn(Input):
    """A dated period: start < end, starting no earlier than the previous period ends."""

    start: date
    end: date
    sectors: Annotated[
        list[AttributionSectorIn],
        doc(
            f"1 to {MAX_SECTORS} sectors, the same names in every period; each weight column "
            f"sums to 1 within {WEIGHT_TOLERANCE:g}"
        ),
    ]

    def to_input(self) -> PeriodInput:
        return PeriodInput(
            start=self.start,
            end=self.end,
            sectors=tuple(s.into(SectorInput) for s in self.sectors),
        )


class AttributionCusumIn(Input):
    """CUSUM parameters on the per-period active-return series."""

    target: Annotated[float, doc("Target mean active return per period, fraction")] = DEFAULT_TARGET
    k: Annotated[float, doc("Slack in units of sigma, >= 0")] = DEFAULT_K
    h: Annotated[float, doc("Decision interval in units of sigma, > 0")] = DEFAULT_H
    sigma: Annotated[
        float | None,
        doc("Std of the active return per period, fraction > 0; null: moving-range estimate"),
    ] = None


class AttributionIn(Input):
    """Posted `periods`, or a stored `portfolio_id` with `start`, `end` and one benchmark; the
    attribution model, the linking method and the CUSUM parameters."""

    periods: Annotated[
        list[AttributionPeriodIn] | None,
        doc(f"1 to {MAX_PERIODS:,} periods, in date order (or `portfolio_id`)"),
    ] = None
    portfolio_id: Annotated[
        Annotated[str, msgspec.Meta(max_length=64)] | None,
        doc("One of your ledger portfolios (or `periods`)"),
    ] = None
    start: Annotated[date | None, doc("Stored input: the first period's start")] = None
    end: Annotated[date | None, doc("Stored input: the last period's end, <= today")] = None
    period: Annotated[PeriodName, doc("Stored input: the periods' length")] = "monthly"
    benchmark_portfolio_id: Annotated[
        Annotated[str, msgspec.Meta(max_length=64)] | None,
        doc("Stored input: another of your portfolios"),
    ] = None
    benchmark: Annotated[list[AttributionConstituentIn] | None, doc(CONSTITUENTS_DOC)] = None
    regime: Annotated[
        RegimeSeriesName, doc("Stored input: whose daily level the regime is read on")
    ] = "benchmark"
    model: ModelName = "brinson_fachler"
    linking: LinkingName = "carino"
    cusum: AttributionCusumIn | None = None

    def _cusum(self) -> CusumSettings:
        settings = self.cusum or AttributionCusumIn()
        return CusumSettings(
            target=settings.target, k=settings.k, h=settings.h, sigma=settings.sigma
        )

    @property
    def stored(self) -> bool:
        """Whether the stored input is asked for (`portfolio_id`, and no `periods`)."""
        if (self.periods is None) == (self.portfolio_id is None):
            raise InvalidAttributionInput(
                "post either periods or a portfolio_id (with start, end and a benchmark)",
                field="periods" if self.periods is None else "portfolio_id",
            )
        return self.portfolio_id is not None

    def to_request(self) -> AttributionRequest:
        return AttributionRequest(
            periods=tuple(p.to_input() for p in self.periods or ()),
            model=AttributionModel(self.model),
            linking=LinkingMethod(self.linking),
            cusum=self._cusum(),
        )

    def to_stored_request(self) -> StoredAttributionRequest:
        assert self.portfolio_id is not None
        if self.start is None or self.end is None:
            raise InvalidAttributionInput(
                "a stored portfolio's periods run from start to end: post both",
                field="start" if self.start is None else "end",
            )
        return StoredAttributionRequest(
            portfolio_id=self.portfolio_id,
            start=self.start,
            end=self.end,
            period=PeriodLength(self.period),
            benchmark_portfolio_id=self.benchmark_portfolio_id,
            benchmark=tuple(c.to_domain() for c in self.benchmark or ()),
            model=AttributionModel(self.model),
            linking=LinkingMethod(self.linking),
            cusum=self._cusum(),
            regime=RegimeSource(self.regime),
        )


class AttributionEffectsOut(Output):
    """One sector's effects (fractions)."""

    sector: str
    allocation: AnalyticOut
    selection: AnalyticOut
    interaction: AnalyticOut
    total: AnalyticOut


class AttributionTotalsOut(Mirror[EffectTotals]):
    """Effects summed over the sectors (fractions); `total` is their sum."""

    allocation: AnalyticOut
    selection: AnalyticOut
    interaction: AnalyticOut
    total: AnalyticOut


def _effects(
    sectors: tuple[str, ...], allocation: FloatArray, selection: FloatArray, interaction: FloatArray
) -> list[AttributionEffectsOut]:
    return [
        AttributionEffectsOut(
            sector=name, allocation=a, selection=s, interaction=i, total=a + s + i
        )
        for name, a, s, i in zip(
            sectors, allocation.tolist(), selection.tolist(), interaction.tolist(), strict=True
        )
    ]


class AttributionPeriodOut(Output):
    start: date
    end: date
    portfolio_return: AnalyticOut
    benchmark_return: AnalyticOut
    active_return: AnalyticOut
    sectors: list[AttributionEffectsOut]
    totals: AttributionTotalsOut


class AttributionLinkedOut(Output):
    """Effects linked over every period; totals add up to the compounded active return."""

    method: LinkingName
    start: date
    end: date
    portfolio_return: Annotated[AnalyticOut, doc("prod(1 + R_p,t) - 1")]
    benchmark_return: Annotated[AnalyticOut, doc("prod(1 + R_b,t) - 1")]
    active_return: Annotated[AnalyticOut, doc("portfolio_return - benchmark_return")]
    coefficients: Annotated[list[AnalyticOut], doc("The linking coefficient of each period")]
    sectors: list[AttributionEffectsOut]
    totals: AttributionTotalsOut


class AttributionCusumEventOut(Output):
    start: Annotated[date, doc("End date of the first period of the shift")]
    alarm: Annotated[date, doc("End date of the period that crossed h")]
    direction: Literal["up", "down"]
    periods: Annotated[int, doc("Periods from start to alarm, both counted")]
    magnitude: Annotated[AnalyticOut, doc("Estimated new mean - target, fraction per period")]
    magnitude_sigmas: Annotated[AnalyticOut, doc("magnitude / sigma")]
    statistic: Annotated[AnalyticOut, doc("C+ or C- at the alarm, units of sigma (> h)")]


class AttributionCusumOut(Output):
    series: Literal["active_return"]
    target: AnalyticOut
    k: AnalyticOut
    h: AnalyticOut
    sigma: Annotated[AnalyticOut | None, doc("null: too few periods or no variation, no events")]
    sigma_source: Literal["given", "moving_range"]
    events: list[AttributionCusumEventOut]


class AttributionOut(Output):
    """Per-period effects, linked effects (method named) and CUSUM events; fractions."""

    model: ModelName
    units: dict[str, str]
    conventions: dict[str, str]
    sectors: list[str]
    periods: list[AttributionPeriodOut]
    linked: AttributionLinkedOut
    cusum: AttributionCusumOut
    source: Annotated[
        StoredAttributionSourceOut | None, doc("Stored input: what the periods came from")
    ] = None
    regimes: Annotated[
        RegimeShiftsOut | None, doc("Stored input: the regime shifts; null with regime none")
    ] = None

    @classmethod
    def from_stored(cls, result: StoredAttribution) -> AttributionOut:
        bounds = [(p.start, p.end) for p in result.report.periods]
        shifts = result.regimes
        return cls.from_domain(
            result.report,
            conventions={**CONVENTIONS, **STORED_CONVENTIONS},
            source=StoredAttributionSourceOut.from_domain(result.source),
            regimes=RegimeShiftsOut.from_domain(shifts, bounds) if shifts else None,
        )

    @classmethod
    def from_domain(
        cls,
        report: AttributionReport,
        *,
        conventions: dict[str, str] = CONVENTIONS,
        source: StoredAttributionSourceOut | None = None,
        regimes: RegimeShiftsOut | None = None,
    ) -> AttributionOut:
        model: ModelName = report.model.value
        method: LinkingName = report.linked.coefficients.method.value
        sigma_source: Literal["given", "moving_range"] = report.cusum.sigma_source.value
        linked = report.linked
        return cls(
            model=model,
            units=UNITS,
            conventions=conventions,
            source=source,
            regimes=regimes,
            sectors=list(report.sectors),
            periods=[
                AttributionPeriodOut(
                    start=p.start,
                    end=p.end,
                    portfolio_return=p.attribution.portfolio_return,
                    benchmark_return=p.attribution.benchmark_return,
                    active_return=p.attribution.active_return,
                    sectors=_effects(
                        report.sectors,
                        p.attribution.allocation,
                        p.attribution.selection,
                        p.attribution.interaction,
                    ),
                    totals=AttributionTotalsOut.from_domain(p.attribution.totals),
                )
                for p in report.periods
            ],
            linked=AttributionLinkedOut(
                method=method,
                start=report.periods[0].start,
                end=report.periods[-1].end,
                portfolio_return=linked.coefficients.portfolio_return,
                benchmark_return=linked.coefficients.benchmark_return,
                active_return=linked.coefficients.active_return,
                coefficients=linked.coefficients.coefficients.tolist(),
                sectors=_effects(
                    report.sectors, linked.allocation, linked.selection, linked.interaction
                ),
                totals=AttributionTotalsOut.from_domain(linked.totals),
            ),
            cusum=AttributionCusumOut.from_attributes(
                report.cusum,
                series="active_return",
                sigma_source=sigma_source,
                events=[
                    AttributionCusumEventOut.from_attributes(
                        e, direction=e.direction.value, periods=e.alarm_index - e.start_index + 1
                    )
                    for e in report.cusum.events
                ],
            ),
        )
