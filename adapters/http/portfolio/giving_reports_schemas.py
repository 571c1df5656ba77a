"""/api/v1/planning/giving deduction and suggestion DTOs (docs/giving.md): the year's lines
by limit category with carryovers, and the excess-alpha suggestion with the cash room."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.portfolio.giving_schemas import (
    DEDUCTION_CONVENTIONS,
    DonationReceiptOut,
    GivingCarryoverOut,
    GivingCarryoversOut,
)
from adapters.http.schemas.common import Input, Output, doc
from adapters.http.wire_format import plain_decimal
from adapters.wire.numbers import Money, SignedMoney, UnitInterval, WireNumber
from application.portfolio.giving import DeductionReport
from application.portfolio.giving_suggestion import SuggestionRequest, SuggestionView
from domain.analytics.giving.deduction import CategoryLine, YearDeduction
from domain.analytics.giving.suggestion import RETURN_FRACTION


class ReturnFraction(WireNumber):
    """A period's return as a fraction, -1 to 100."""

    spec = RETURN_FRACTION


SUGGESTION_CONVENTIONS = {
    "rule": "suggested = share x max(R_p - R_b - threshold, 0) x start value, rounded down to "
    "the cent, at most cap",
    "returns": "fractions over the same period; from a portfolio: its time-weighted return",
    "room": "cash limit percentage x AGI - cash gifts recorded in that tax year (carryovers "
    "aside): how much more cash is deductible this year",
}


class GivingDeductionIn(Input):
    tax_year: Annotated[int, msgspec.Meta(ge=2000, le=2100)]
    agi: Annotated[
        dict[Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}$")], SignedMoney],
        doc("Adjusted gross income by year ('2024': '150000'), USD, for every year that "
             "has gifts or carryovers up to tax_year"),
    ]  # fmt: skip

    def agi_by_year(self) -> dict[int, Decimal]:
        return {int(k): Decimal(v) for k, v in self.agi.items()}


class GivingCarryoverUseOut(Output):
    origin_year: int
    used: str
    left: str


class GivingDeductionLineOut(Output):
    category: str
    limit: str
    contributed: str
    deducted_current: str
    carryovers_used: list[GivingCarryoverUseOut]
    deducted_carryover: str
    deducted: str
    carried_forward: str

    @classmethod
    def from_domain(cls, line: CategoryLine) -> GivingDeductionLineOut:
        return cls(
            category=line.category.value,
            limit=plain_decimal(line.limit),
            contributed=plain_decimal(line.contributed),
            deducted_current=plain_decimal(line.deducted_current),
            carryovers_used=[
                GivingCarryoverUseOut(
                    origin_year=u.origin_year,
                    used=plain_decimal(u.used),
                    left=plain_decimal(u.left),
                )
                for u in line.carryovers_used
            ],
            deducted_carryover=plain_decimal(line.deducted_carryover),
            deducted=plain_decimal(line.deducted),
            carried_forward=plain_decimal(line.carried_forward),
        )


class GivingYearOut(Output):
    year: int
    agi: str
    cash_percent: str
    lines: list[GivingDeductionLineOut]
    deduction: str
    carryovers_out: list[GivingCarryoverOut]
    expired: list[GivingCarryoverOut]
    source: str
    notes: list[str]

    @classmethod
    def from_domain(cls, y: YearDeduction) -> GivingYearOut:
        return cls(
            year=y.year,
            agi=plain_decimal(y.agi),
            cash_percent=plain_decimal(y.rules.cash_percent),
            lines=[GivingDeductionLineOut.from_domain(x) for x in y.lines],
            deduction=plain_decimal(y.deduction),
            carryovers_out=[GivingCarryoverOut.from_domain(c) for c in y.carryovers_out],
            expired=[GivingCarryoverOut.from_domain(c) for c in y.expired],
            source=y.rules.source,
            notes=list(y.rules.notes),
        )


class GivingDeductionOut(Output):
    tax_year: int
    deduction: str
    year: GivingYearOut
    history: list[GivingYearOut]
    donations: list[DonationReceiptOut]
    opening: GivingCarryoversOut
    form_8283_required: bool
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, r: DeductionReport) -> GivingDeductionOut:
        return cls(
            tax_year=r.tax_year,
            deduction=plain_decimal(r.year.deduction),
            year=GivingYearOut.from_domain(r.year),
            history=[GivingYearOut.from_domain(y) for y in r.history],
            donations=[DonationReceiptOut.from_domain(x) for x in r.donations],
            opening=GivingCarryoversOut.from_domain(r.opening),
            form_8283_required=r.form_8283_required,
            conventions=DEDUCTION_CONVENTIONS,
        )


class GivingSuggestionIn(Input):
    """Posted returns (`portfolio_return`, `start_value`) or a `portfolio_id` of yours."""

    benchmark_return: Annotated[ReturnFraction, doc("The benchmark's return, fraction")]
    threshold: Annotated[UnitInterval, doc("Alpha to keep before giving, fraction")] = UnitInterval(
        "0.02"
    )
    share: Annotated[UnitInterval, doc("Share of the excess alpha to give, fraction")] = (
        UnitInterval("0.1")
    )
    cap: Annotated[Money | None, doc("At most this much, USD")] = None
    portfolio_return: ReturnFraction | None = None
    start_value: Annotated[Money | None, doc("Value at the period's start, USD")] = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    start: Annotated[date | None, doc("With portfolio_id: default January 1 of end's year")] = None
    end: Annotated[date | None, doc("With portfolio_id: default today")] = None
    agi: Annotated[SignedMoney | None, doc("This year's AGI, USD: adds the cash room")] = None

    def to_request(self) -> SuggestionRequest:
        def dec(value: Decimal | None) -> Decimal | None:
            return None if value is None else Decimal(value)

        return SuggestionRequest(
            benchmark_return=Decimal(self.benchmark_return),
            threshold=Decimal(self.threshold),
            share=Decimal(self.share),
            cap=dec(self.cap),
            portfolio_return=dec(self.portfolio_return),
            start_value=dec(self.start_value),
            portfolio_id=self.portfolio_id,
            start=self.start,
            end=self.end,
            agi=dec(self.agi),
        )


class GivingCashRoomOut(Output):
    tax_year: int
    agi: str
    cash_percent: str
    cash_given: str
    room: str
    deductible_now: str


class GivingSuggestionOut(Output):
    suggested: str
    alpha: str
    excess_alpha: str
    excess_alpha_value: str
    capped: bool
    portfolio_return: str
    benchmark_return: str
    start_value: str
    threshold: str
    share: str
    portfolio_id: str | None
    start: date | None
    end: date | None
    room: GivingCashRoomOut | None
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, v: SuggestionView) -> GivingSuggestionOut:
        s = v.suggestion
        room = v.room
        return cls(
            suggested=plain_decimal(s.suggested),
            alpha=plain_decimal(s.alpha),
            excess_alpha=plain_decimal(s.excess_alpha),
            excess_alpha_value=plain_decimal(s.excess_alpha_value),
            capped=s.capped,
            portfolio_return=plain_decimal(s.portfolio_return),
            benchmark_return=plain_decimal(s.benchmark_return),
            start_value=plain_decimal(s.start_value),
            threshold=plain_decimal(s.threshold),
            share=plain_decimal(s.share),
            portfolio_id=v.portfolio_id,
            start=v.start,
            end=v.end,
            room=None
            if room is None
            else GivingCashRoomOut(
                tax_year=room.tax_year,
                agi=plain_decimal(room.agi),
                cash_percent=plain_decimal(room.cash_percent),
                cash_given=plain_decimal(room.cash_given),
                room=plain_decimal(room.room),
                deductible_now=plain_decimal(room.deductible_now),
            ),
            conventions=SUGGESTION_CONVENTIONS,
        )
