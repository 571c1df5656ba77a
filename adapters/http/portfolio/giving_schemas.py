"""/api/v1/planning/giving DTOs (docs/giving.md): donations and their receipts, DAF grants and
funds, opening carryovers, the deduction of a tax year, the excess-alpha suggestion. Money is
US dollars as decimal strings; fractions are decimal strings (0.12 = 12%)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output, doc
from adapters.http.wire_format import plain_decimal
from adapters.wire.numbers import Money, Quantity, SignedMoney
from application.portfolio.giving import (
    FundSummary,
    NewDonation,
    NewGrant,
    Receipt,
)
from domain.analytics.giving.model import (
    Carryover,
    DafGrant,
    DonationKind,
    DoneeKind,
    LimitCategory,
)
from domain.tax.holding import holding_term
from ports.portfolio.giving import OpeningCarryovers

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


class DonationIn(Input):
    """A gift: cash, or listed stock with its shares, basis and acquisition date."""

    donated_on: date
    donee: Annotated[_Text, doc("The charity, or a donor-advised fund's sponsor")]
    amount: Annotated[Money, doc("Cash given, or the stock's fair market value, USD")]
    donee_kind: Literal["public_charity", "donor_advised_fund"] = "public_charity"
    kind: Literal["cash", "stock"] = "cash"
    donee_ein: _Ein | None = None
    fund: Annotated[_Text | None, doc("The DAF's name (donor_advised_fund only)")] = None
    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32)] | None = None
    shares: Quantity | None = None
    cost_basis: Annotated[SignedMoney | None, doc("The gift's adjusted basis, USD, >= 0")] = None
    acquired: Annotated[date | None, doc("Acquisition date (the earliest lot's)")] = None
    memo: _Memo = ""

    def to_new(self) -> NewDonation:
        return self.onto(
            NewDonation,
            donee_kind=DoneeKind(self.donee_kind),
            kind=DonationKind(self.kind),
            fair_market_value=Decimal(self.amount),
            shares=None if self.shares is None else Decimal(self.shares),
            cost_basis=None if self.cost_basis is None else Decimal(self.cost_basis),
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
        return cls.from_attributes(
            d,
            donee_kind=d.donee_kind.value,
            kind=d.kind.value,
            amount=plain_decimal(d.fair_market_value),
            shares=None if d.shares is None else plain_decimal(d.shares),
            fair_market_value=plain_decimal(d.fair_market_value) if stock else None,
            cost_basis=None if d.cost_basis is None else plain_decimal(d.cost_basis),
            holding_period=term,
            category=r.classified.category.value,
            deductible_amount=plain_decimal(r.classified.deductible),
            treatment=r.classified.reason,
            acknowledgment_required=r.acknowledgment_required,
            untaxed_appreciation=plain_decimal(r.untaxed_appreciation),
            conventions=RECEIPT_CONVENTIONS,
        )


class DonationReceiptPageOut(ItemsOut):
    items: list[DonationReceiptOut]
    next_cursor: str | None


class DafGrantIn(Input):
    fund: Annotated[_Text, doc("The DAF's name, as on its contributions")]
    granted_on: date
    grantee: _Text
    amount: Money
    grantee_ein: _Ein | None = None
    memo: _Memo = ""

    def to_new(self) -> NewGrant:
        return self.into(NewGrant, amount=Decimal(self.amount))


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
        return cls.from_attributes(g, amount=plain_decimal(g.amount), deductible=False)


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
            contributed=plain_decimal(f.contributed),
            granted=plain_decimal(f.granted),
            ungranted=plain_decimal(f.ungranted),
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
            amount=plain_decimal(c.amount),
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
