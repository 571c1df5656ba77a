"""Donations, donor-advised fund grants and carryovers: what a donor records.

Money is Decimal in US dollars (the deduction rules are US federal income tax rules).
A donation's `fair_market_value` is the cash amount, or the stock's fair market value on the
day of the gift (for publicly traded stock, the mean of the day's high and low: Publication
561); `cost_basis` and `acquired` describe donated stock (its holding period decides whether it
is capital gain property). A donation to a donor-advised fund is a contribution to the fund's
sponsoring organization (a public charity): it is deductible in the year it is made, and the
fund's later grants (`DafGrant`) are not deductible again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import DomainError


class InvalidGivingInput(DomainError):
    """A donation, grant, carryover or deduction request that cannot be used (a future date,
    a stock gift without basis, an AGI missing for a year that needs one); names the field."""

    code = "INVALID_GIVING_INPUT"


class DonationKind(StrEnum):
    CASH = "cash"
    STOCK = "stock"  # publicly traded securities


class DoneeKind(StrEnum):
    """Both are "50% limit organizations" (Publication 526): a public charity, or the
    sponsoring organization of a donor-advised fund."""

    PUBLIC_CHARITY = "public_charity"
    DONOR_ADVISED_FUND = "donor_advised_fund"


class LimitCategory(StrEnum):
    """The AGI limit a contribution falls under (Publication 526, "Limits on Deductions")."""

    CASH_60 = "cash_60"  # cash to 50% limit organizations: 60% of AGI (50% before 2018)
    NONCASH_50 = "noncash_50"  # other property deducted at FMV or basis: 50% of AGI
    CAPITAL_GAIN_30 = "capital_gain_30"  # capital gain property at FMV: 30% of AGI


@dataclass(frozen=True, slots=True)
class Donation:
    """One gift, with its receipt number (`receipt`, unique per owner)."""

    id: str
    owner_id: str
    receipt: str
    donated_on: date
    donee: str
    donee_kind: DoneeKind
    kind: DonationKind
    fair_market_value: Decimal  # cash: the amount
    created_at: datetime
    donee_ein: str | None = None
    fund: str | None = None  # the donor-advised fund's name (donee_kind DONOR_ADVISED_FUND)
    symbol: str | None = None  # stock
    shares: Decimal | None = None  # stock
    cost_basis: Decimal | None = None  # stock: the whole gift's adjusted basis
    acquired: date | None = None  # stock: acquisition date (the earliest lot's)
    memo: str = ""


@dataclass(frozen=True, slots=True)
class DafGrant:
    """A grant the donor recommended from a donor-advised fund: not deductible (the gift to
    the fund was)."""

    id: str
    owner_id: str
    fund: str
    granted_on: date
    grantee: str
    amount: Decimal
    created_at: datetime
    grantee_ein: str | None = None
    memo: str = ""


@dataclass(frozen=True, slots=True)
class Carryover:
    """An amount not yet deducted: from contributions of `origin_year`, in `category`;
    deductible in the five years after `origin_year` (IRC 170(d)(1))."""

    origin_year: int
    category: LimitCategory
    amount: Decimal

    @property
    def last_year(self) -> int:
        return self.origin_year + 5
