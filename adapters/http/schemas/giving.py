"""/api/v1/planning/giving DTOs (docs/giving.md): donations and their receipts, DAF grants and
funds, opening carryovers, the deduction of a tax year, the excess-alpha suggestion. Money is
US dollars as decimal strings; fractions are decimal strings (0.12 = 12%)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.wire.numbers import Money, Quantity, SignedMoney, UnitInterval, WireNumber
from application.giving import (
    DeductionReport,
    DonationPage,
    FundSummary,
    NewDonation,
    NewGrant,
    Receipt,
)
from application.giving_suggestion import SuggestionRequest, SuggestionView
from domain.analytics.giving.deduction import CategoryLine, YearDeduction
from domain.analytics.giving.model import (
    Carryover,
    DafGrant,
    DonationKind,
    DoneeKind,
    LimitCategory,
)
from domain.analytics.giving.suggestion import RETURN_FRACTION
from domain.tax.holding import holding_term
from ports.giving import OpeningCarryovers


class ReturnFraction(WireNumber):
    """A period's return as a fraction, -1 to 100."""

    spec = RETURN_FRACTION


def _doc(text: str) -> msgspec.Meta:
    return msgspec.Meta(description=text)


def money(value: Decimal) -> str:
    """Exact, without an exponent or trailing zeros after the point (60000.0 -> "60000")."""
    if value == 0:
        return "0"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_Text = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
_Ein = Annotated[str, msgspec.Meta(max_length=10, description="EIN, 12-3456789")]
_Memo = Annotated[str, msgspec.Meta(max_length=1000)]

RECEIPT_CONVENTIONS = {
    "amount": "US dollars: the cash given, or the stock's fair market value on the day (for "
    "listed stock, the mean of the day's high and low: IRS Publication 561)",
    "category": "cash_60: cash, 60% of AGI; noncash_50: property at basis or FMV, 50%; "
    "capital_gain_30: stock held more than one year at FMV, 30% (IRS Publication 526)",
    "acknowledgment_required": "a gift of $250 or more needs the donee's contemporaneous "
    "written acknowledgment (IRC 170(f)(8), Publication 1771)",
    "untaxed_appreciation": "long-term stock given at FMV: the gain never taxed (FMV - basis)",
}
DEDUCTION_CONVENTIONS = {
    "order": "cash_60 first (60% of AGI), then noncash_50 (50% of AGI minus cash deducted), "
    "then capital_gain_30 (smaller of 30% of AGI and 50% of AGI minus both); each category "
    "takes the year's gifts first, then its carryovers oldest first (Publication 526)",
    "carryover": "what a category's gifts leave over carries forward 5 years in that "
    "category, then expires (IRC 170(d)(1))",
    "limit": "the room left when the category's turn came",
    "donor_advised_fund": "a gift to a donor-advised fund is deducted in the year it is made; "
    "the fund's grants are not deducted again",
    "scope": "gifts to 50% limit organizations (public charities, DAF sponsors); amounts exact",
}
SUGGESTION_CONVENTIONS = {
    "rule": "suggested = share x max(R_p - R_b - threshold, 0) x start value, rounded down to "
    "the cent, at most cap",
    "returns": "fractions over the same period; from a portfolio: its time-weighted return",
    "room": "cash limit percentage x AGI - cash gifts recorded in that tax year (carryovers "
    "aside): how much more cash is deductible this year",
}


class DonationIn(Input):
    """A gift: cash, or listed stock with its shares, basis and acquisition date."""

    donated_on: date
    donee: Annotated[_Text, _doc("The charity, or a donor-advised fund's sponsor")]
    amount: Annotated[Money, _doc("Cash given, or the stock's fair market value, USD")]
    donee_kind: Literal["public_charity", "donor_advised_fund"] = "public_charity"
    kind: Literal["cash", "stock"] = "cash"
    donee_ein: _Ein | None = None
    fund: Annotated[_Text | None, _doc("The DAF's name (donor_advised_fund only)")] = None
    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32)] | None = None
    shares: Quantity | None = None
    cost_basis: Annotated[SignedMoney | None, _doc("The gift's adjusted basis, USD, >= 0")] = None
    acquired: Annotated[date | None, _doc("Acquisition date (the earliest lot's)")] = None
    memo: _Memo = ""

    def to_new(self) -> NewDonation:
        return NewDonation(
            donated_on=self.donated_on,
            donee=self.donee,
            donee_kind=DoneeKind(self.donee_kind),
            kind=DonationKind(self.kind),
            fair_market_value=Decimal(self.amount),
            donee_ein=self.donee_ein,
            fund=self.fund,
            symbol=self.symbol,
            shares=None if self.shares is None else Decimal(self.shares),
            cost_basis=None if self.cost_basis is None else Decimal(self.cost_basis),
            acquired=self.acquired,
            memo=self.memo,
        )


class DonationReceiptOut(Output):
    id: str
    receipt: str
    donated_on: date
    donee: str
    donee_ein: str | None
    donee_kind: str
    fund: str | None
    kind: str
    amount: str
    symbol: str | None
    shares: str | None
    fair_market_value: str | None
    cost_basis: str | None
    acquired: date | None
    holding_period: str | None  # "long" or "short" (stock)
    category: str
    deductible_amount: str
    treatment: str
    acknowledgment_required: bool
    untaxed_appreciation: str
    memo: str
    created_at: datetime
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, r: Receipt) -> DonationReceiptOut:
        d = r.donation
        stock = d.kind is DonationKind.STOCK
        term = None
        if stock and d.acquired is not None:
            term = holding_term(d.acquired, d.donated_on).value
        return cls(
            id=d.id,
            receipt=d.receipt,
            donated_on=d.donated_on,
            donee=d.donee,
            donee_ein=d.donee_ein,
            donee_kind=d.donee_kind.value,
            fund=d.fund,
            kind=d.kind.value,
            amount=money(d.fair_market_value),
            symbol=d.symbol,
            shares=None if d.shares is None else money(d.shares),
            fair_market_value=money(d.fair_market_value) if stock else None,
            cost_basis=None if d.cost_basis is None else money(d.cost_basis),
            acquired=d.acquired,
            holding_period=term,
            category=r.classified.category.value,
            deductible_amount=money(r.classified.deductible),
            treatment=r.classified.reason,
            acknowledgment_required=r.acknowledgment_required,
            untaxed_appreciation=money(r.untaxed_appreciation),
            memo=d.memo,
            created_at=d.created_at,
            conventions=RECEIPT_CONVENTIONS,
        )


class DonationReceiptPageOut(Output):
    items: list[DonationReceiptOut]
    next_cursor: str | None

    @classmethod
    def from_page(cls, page: DonationPage) -> DonationReceiptPageOut:
        return cls(
            items=[DonationReceiptOut.from_domain(r) for r in page.items],
            next_cursor=page.next_cursor,
        )


class DafGrantIn(Input):
    fund: Annotated[_Text, _doc("The DAF's name, as on its contributions")]
    granted_on: date
    grantee: _Text
    amount: Money
    grantee_ein: _Ein | None = None
    memo: _Memo = ""

    def to_new(self) -> NewGrant:
        return NewGrant(
            fund=self.fund,
            granted_on=self.granted_on,
            grantee=self.grantee,
            amount=Decimal(self.amount),
            grantee_ein=self.grantee_ein,
            memo=self.memo,
        )


class DafGrantOut(Output):
    id: str
    fund: str
    granted_on: date
    grantee: str
    grantee_ein: str | None
    amount: str
    deductible: bool  # always false: the contribution to the fund was deducted
    memo: str
    created_at: datetime

    @classmethod
    def from_domain(cls, g: DafGrant) -> DafGrantOut:
        return cls(
            id=g.id,
            fund=g.fund,
            granted_on=g.granted_on,
            grantee=g.grantee,
            grantee_ein=g.grantee_ein,
            amount=money(g.amount),
            deductible=False,
            memo=g.memo,
            created_at=g.created_at,
        )


class DafFundOut(Output):
    fund: str
    donee: str
    contributed: str
    granted: str
    ungranted: str
    contributions: int
    grants: list[DafGrantOut]

    @classmethod
    def from_domain(cls, f: FundSummary) -> DafFundOut:
        return cls(
            fund=f.fund,
            donee=f.donee,
            contributed=money(f.contributed),
            granted=money(f.granted),
            ungranted=money(f.ungranted),
            contributions=f.contributions,
            grants=[DafGrantOut.from_domain(g) for g in f.grants],
        )


class DafFundsOut(Output):
    funds: list[DafFundOut]
    conventions: dict[str, str]


CategoryName = Literal["cash_60", "noncash_50", "capital_gain_30"]


class GivingCarryoverIn(Input):
    origin_year: Annotated[int, msgspec.Meta(ge=1990, le=2100)]
    category: CategoryName
    amount: Money

    def to_domain(self) -> Carryover:
        return Carryover(self.origin_year, LimitCategory(self.category), Decimal(self.amount))


class GivingCarryoversIn(Input):
    """Carryovers from your returns, carried into `into_year` (empty: clear them)."""

    into_year: Annotated[int, msgspec.Meta(ge=2000, le=2100)]
    carryovers: Annotated[list[GivingCarryoverIn], msgspec.Meta(max_length=15)]


class GivingCarryoverOut(Output):
    origin_year: int
    category: str
    amount: str
    last_year: int

    @classmethod
    def from_domain(cls, c: Carryover) -> GivingCarryoverOut:
        return cls(
            origin_year=c.origin_year,
            category=c.category.value,
            amount=money(c.amount),
            last_year=c.last_year,
        )


class GivingCarryoversOut(Output):
    into_year: int | None
    carryovers: list[GivingCarryoverOut]

    @classmethod
    def from_domain(cls, opening: OpeningCarryovers | None) -> GivingCarryoversOut:
        if opening is None:
            return cls(into_year=None, carryovers=[])
        return cls(
            into_year=opening.into_year,
            carryovers=[GivingCarryoverOut.from_domain(c) for c in opening.carryovers],
        )


class GivingDeductionIn(Input):
    tax_year: Annotated[int, msgspec.Meta(ge=2000, le=2100)]
    agi: Annotated[
        dict[Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}$")], SignedMoney],
        _doc("Adjusted gross income by year ('2024': '150000'), USD, for every year that "
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
            limit=money(line.limit),
            contributed=money(line.contributed),
            deducted_current=money(line.deducted_current),
            carryovers_used=[
                GivingCarryoverUseOut(
                    origin_year=u.origin_year, used=money(u.used), left=money(u.left)
                )
                for u in line.carryovers_used
            ],
            deducted_carryover=money(line.deducted_carryover),
            deducted=money(line.deducted),
            carried_forward=money(line.carried_forward),
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
            agi=money(y.agi),
            cash_percent=money(y.rules.cash_percent),
            lines=[GivingDeductionLineOut.from_domain(x) for x in y.lines],
            deduction=money(y.deduction),
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
            deduction=money(r.year.deduction),
            year=GivingYearOut.from_domain(r.year),
            history=[GivingYearOut.from_domain(y) for y in r.history],
            donations=[DonationReceiptOut.from_domain(x) for x in r.donations],
            opening=GivingCarryoversOut.from_domain(r.opening),
            form_8283_required=r.form_8283_required,
            conventions=DEDUCTION_CONVENTIONS,
        )


class GivingSuggestionIn(Input):
    """Posted returns (`portfolio_return`, `start_value`) or a `portfolio_id` of yours."""

    benchmark_return: Annotated[ReturnFraction, _doc("The benchmark's return, fraction")]
    threshold: Annotated[UnitInterval, _doc("Alpha to keep before giving, fraction")] = (
        UnitInterval("0.02")
    )
    share: Annotated[UnitInterval, _doc("Share of the excess alpha to give, fraction")] = (
        UnitInterval("0.1")
    )
    cap: Annotated[Money | None, _doc("At most this much, USD")] = None
    portfolio_return: ReturnFraction | None = None
    start_value: Annotated[Money | None, _doc("Value at the period's start, USD")] = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    start: Annotated[date | None, _doc("With portfolio_id: default January 1 of end's year")] = None
    end: Annotated[date | None, _doc("With portfolio_id: default today")] = None
    agi: Annotated[SignedMoney | None, _doc("This year's AGI, USD: adds the cash room")] = None

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
            suggested=money(s.suggested),
            alpha=money(s.alpha),
            excess_alpha=money(s.excess_alpha),
            excess_alpha_value=money(s.excess_alpha_value),
            capped=s.capped,
            portfolio_return=money(s.portfolio_return),
            benchmark_return=money(s.benchmark_return),
            start_value=money(s.start_value),
            threshold=money(s.threshold),
            share=money(s.share),
            portfolio_id=v.portfolio_id,
            start=v.start,
            end=v.end,
            room=None
            if room is None
            else GivingCashRoomOut(
                tax_year=room.tax_year,
                agi=money(room.agi),
                cash_percent=money(room.cash_percent),
                cash_given=money(room.cash_given),
                room=money(room.room),
                deductible_now=money(room.deductible_now),
            ),
            conventions=SUGGESTION_CONVENTIONS,
        )
