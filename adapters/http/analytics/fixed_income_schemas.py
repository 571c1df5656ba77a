"""POST /api/v1/analytics/fixed-income/bond and /ladder DTOs (docs/fixed-income.md).

Inputs are plain JSON numbers and names: the ranges (frequency 1/2/4, a coupon >= 0, settlement
before maturity, a known day count ...) are checked by the use case, which answers 422
INVALID_BOND_INPUT naming the field rather than a schema 400.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output, doc
from adapters.http.wire_format import AnalyticOut
from application.analytics.fixed_income import (
    DEFAULT_SHOCKS_BP,
    MAX_SHOCKS,
    BondRequest,
    BondResult,
    BondSpec,
    LadderRequest,
    LadderResult,
)
from domain.fixedincome.bonds import BondAnalytics, ShockImpact
from domain.fixedincome.daycount import DAY_COUNT_NAMES
from domain.fixedincome.ladder import MAX_POSITIONS, LadderShock

SCHEDULE = (
    "coupon dates step back from maturity by 12/frequency months (day clamped to the month's "
    "length); no business-day adjustment; an issue_date inside the first period makes a short "
    "first coupon"
)


def compounding(frequency: int) -> str:
    f = frequency
    return f"compounded {f} times a year (street convention: (1 + y/{f})^(-{f} t))"


UNITS = {
    "yield_rate": "fraction a year (0.05 = 5%), compounded `frequency` times a year",
    "coupon_rate": "fraction a year of face (0.05 = 5%)",
    "prices": "clean_price, dirty_price, accrued_interest, cash flows and shock prices: per 100 "
    "face",
    "durations": "macaulay_duration, modified_duration: years",
    "convexity": "years^2",
    "dv01": "currency per 100 face, first order and positive: the price gained for a 1 bp fall "
    "in yield (modified_duration x dirty_price x 0.0001)",
    "bpv": "currency per 100 face, QuantLib's basisPointValue: the price change for a 1 bp rise "
    "in yield with the convexity term (-dv01 + convexity x dirty_price x 0.0001^2 / 2; "
    "negative for a bond held)",
    "position": "face, market_value, accrued_amount, position_dv01, position_* shock figures: "
    "currency",
    "shift_bp": "basis points (1 bp = 0.0001) added to the yield",
}


# A bond's coupon schedule, as each body giving a bond's terms takes it.
CouponFrequency = Annotated[int, doc("Coupons a year: 1, 2 or 4 (default 2)")]
DayCountName = Annotated[str, doc(f"One of: {', '.join(DAY_COUNT_NAMES)} (default 30/360 US)")]


class BondSpecIn(Input):
    """One bullet bond; exactly one of `yield_rate` or `clean_price`."""

    maturity: date
    coupon_rate: Annotated[float, msgspec.Meta(description="Fraction a year, >= 0 (0.05 = 5%)")]
    frequency: CouponFrequency = 2
    day_count: DayCountName = "30/360 US"
    issue_date: Annotated[
        date | None,
        msgspec.Meta(description="Optional; on or before settlement (a stub first period)"),
    ] = None
    yield_rate: Annotated[
        float | None,
        msgspec.Meta(description="Yield to maturity, fraction compounded `frequency` a year"),
    ] = None
    clean_price: Annotated[
        float | None, msgspec.Meta(description="Clean price per 100 face: solve the yield")
    ] = None
    face: Annotated[float, msgspec.Meta(description="Face amount held, currency (default 100)")] = (
        100.0
    )

    def to_spec(self) -> BondSpec:
        # BondSpec's fields only: BondIn adds the request's own fields to these.
        return self.onto(BondSpec)


_CURRENCY = Annotated[str, doc("ISO 4217 (default USD)")]
_SHOCKS = msgspec.Meta(
    description=f"Parallel yield shifts in bp, at most {MAX_SHOCKS} (default "
    f"{', '.join(f'{s:+g}' for s in DEFAULT_SHOCKS_BP)}); +/- N bp: [-N, N]"
)


class BondIn(BondSpecIn, kw_only=True):
    """A bond at a settlement date, with the shocks to apply."""

    # Keyword-only fields: a required one may follow the inherited defaults.
    settlement: date
    currency: _CURRENCY = "USD"
    shocks_bp: Annotated[list[float] | None, _SHOCKS] = None

    def to_request(self) -> BondRequest:
        return BondRequest(self.settlement, self.to_spec(), self.currency, self.shocks_bp)


class LadderIn(Input):
    """Bonds held in face amounts, all at one settlement date."""

    settlement: date
    bonds: Annotated[list[BondSpecIn], msgspec.Meta(description=f"1 to {MAX_POSITIONS:,} bonds")]
    currency: _CURRENCY = "USD"
    shocks_bp: Annotated[list[float] | None, _SHOCKS] = None

    def to_request(self) -> LadderRequest:
        bonds = [bond.to_spec() for bond in self.bonds]
        return LadderRequest(self.settlement, bonds, self.currency, self.shocks_bp)


class BondCashFlowOut(Output):
    """A flow still to come: `amount` per 100 face (the last includes the redemption), `time`
    its discount time in years."""

    pay_date: date
    amount: AnalyticOut
    time: AnalyticOut


class BondShockOut(Output):
    shift_bp: AnalyticOut
    yield_rate: AnalyticOut
    dirty_price: AnalyticOut
    price_change: AnalyticOut
    duration_estimate: AnalyticOut
    duration_convexity_estimate: AnalyticOut
    estimate_error: AnalyticOut
    position_change: AnalyticOut
    position_estimate: AnalyticOut


class BondMeasuresOut(Output):
    """One bond's figures: per 100 face, years, years^2 (see `units`)."""

    maturity: date
    issue_date: date | None
    coupon_rate: AnalyticOut
    frequency: int
    day_count: str
    compounding: str
    yield_rate: AnalyticOut
    clean_price: AnalyticOut
    dirty_price: AnalyticOut
    accrued_interest: AnalyticOut
    accrual_start: date
    next_coupon: date
    macaulay_duration: AnalyticOut
    modified_duration: AnalyticOut
    convexity: AnalyticOut
    dv01: AnalyticOut
    bpv: AnalyticOut


def _estimates(shock: ShockImpact | LadderShock) -> dict[str, float]:
    """A shock's duration-convexity estimate and its error, by their names in the answer."""
    return {"duration_convexity_estimate": shock.estimate, "estimate_error": shock.error}


def measures(a: BondAnalytics) -> dict[str, object]:
    bond = a.bond
    return {
        "maturity": bond.maturity,
        "issue_date": bond.issue_date,
        "coupon_rate": bond.coupon_rate,
        "frequency": bond.frequency,
        "day_count": bond.day_count.value,
        "compounding": compounding(bond.frequency),
        "yield_rate": a.yield_rate,
        "clean_price": a.clean_price,
        "dirty_price": a.dirty_price,
        "accrued_interest": a.accrued,
        "accrual_start": a.flows.accrual_start,
        "next_coupon": a.flows.next_coupon,
        "macaulay_duration": a.macaulay_duration,
        "modified_duration": a.modified_duration,
        "convexity": a.convexity,
        "dv01": a.dv01,
        "bpv": a.bpv,
    }


class BondOut(BondMeasuresOut):
    """The bond per 100 face, its position for `face`, the shocks and the remaining flows."""

    settlement: date
    currency: str
    schedule: str
    face: AnalyticOut
    market_value: AnalyticOut
    accrued_amount: AnalyticOut
    position_dv01: AnalyticOut
    shocks: list[BondShockOut]
    cash_flows: list[BondCashFlowOut]
    units: dict[str, str]

    @classmethod
    def from_domain(cls, result: BondResult) -> BondOut:
        a = result.analytics
        scale = result.face / 100.0
        shocks = [
            BondShockOut.from_attributes(
                s,
                price_change=s.full_change,
                position_change=s.full_change * scale,
                position_estimate=s.estimate * scale,
                **_estimates(s),
            )
            for s in a.shocks
        ]
        flows = [
            BondCashFlowOut(pay_date=day, amount=amount, time=time)
            for day, amount, time in zip(
                a.flows.pay_dates, a.flows.amounts.tolist(), a.flows.times.tolist(), strict=True
            )
        ]
        return cls.from_attributes(
            result,
            **measures(a),
            settlement=a.settlement,
            schedule=SCHEDULE,
            shocks=shocks,
            cash_flows=flows,
            units=UNITS,
        )


class LadderPositionOut(BondMeasuresOut):
    """One rung: the bond's figures per 100 face and its money figures for `face`."""

    face: AnalyticOut
    market_value: AnalyticOut
    accrued_amount: AnalyticOut
    position_dv01: AnalyticOut
    years_to_maturity: AnalyticOut


class LadderShockOut(Output):
    """The ladder's change in currency for a parallel shift of every bond's yield."""

    shift_bp: AnalyticOut
    full_change: AnalyticOut
    duration_estimate: AnalyticOut
    duration_convexity_estimate: AnalyticOut
    estimate_error: AnalyticOut


LADDER_UNITS = {
    **UNITS,
    "totals": "total_face, market_value, accrued_amount, dv01, shocks: currency (dv01 per 1 "
    "bp fall of every yield)",
    "weighted_average_life": "years (ACT/365F from settlement), weighted by principal",
    "modified_duration": "years, market-value weighted; convexity years^2, likewise",
    "gaps": "calendar years between the first and last maturity with no maturity",
}


class LadderOut(Output):
    settlement: date
    currency: str
    day_count: str
    compounding: str
    schedule: str
    wal_day_count: str
    total_face: AnalyticOut
    market_value: AnalyticOut
    accrued_amount: AnalyticOut
    dv01: AnalyticOut
    modified_duration: AnalyticOut
    convexity: AnalyticOut
    weighted_average_life: AnalyticOut
    first_maturity: date
    last_maturity: date
    maturity_years: list[int]
    gaps: list[int]
    shocks: list[LadderShockOut]
    positions: list[LadderPositionOut]
    units: dict[str, str]

    @classmethod
    def from_domain(cls, result: LadderResult) -> LadderOut:
        a = result.analytics
        positions = [
            LadderPositionOut.from_attributes(p, **measures(p.analytics), position_dv01=p.dv01)
            for p in a.positions
        ]
        day_counts = sorted({p.analytics.bond.day_count.value for p in a.positions})
        frequencies = sorted({p.analytics.bond.frequency for p in a.positions})
        return cls.from_attributes(
            a,
            currency=result.currency,
            day_count=", ".join(day_counts),
            compounding="each bond's yield " + ("; ".join(compounding(f) for f in frequencies)),
            schedule=SCHEDULE,
            wal_day_count="ACT/365F",
            maturity_years=list(a.maturity_years),
            gaps=list(a.gaps),
            shocks=[LadderShockOut.from_attributes(s, **_estimates(s)) for s in a.shocks],
            positions=positions,
            units=LADDER_UNITS,
        )
