"""DTOs of the retirement plan kept beside a trading account and the calculations on it
(docs/wealth.md). Money and rates are decimal strings on the wire."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output, doc
from adapters.http.wealth.wealth_schemas import (
    EmployerMatchOut,
    Magi,
    MatchTierIn,
    RmdOut,
    RoomOut,
    RothConversionIn,
    RothConversionOut,
    StatusOrProfile,
    VestingIn,
)
from adapters.http.wire_format import MoneyOut, RateOut
from adapters.wire.numbers import SignedMoney
from application.wealth.retirement import (
    Answered,
    NewContribution,
    PlanChange,
    Stored,
    StoredMatch,
)
from domain.retirement.contributions import AccountType, ContributionRoom
from domain.retirement.employer import MatchTier, VestingKind, VestingSchedule
from domain.retirement.limits import FilingStatus
from domain.retirement.plans import Contribution, ContributionSource, RetirementPlan
from domain.retirement.rmd import RequiredDistribution
from domain.retirement.roth_conversion import ConversionWhatIf

PlanKind = Literal["ira", "roth_ira", "401k", "sep_ira"]


class RetirementPlanIn(Input):
    """The whole plan kept beside the account (a PUT replaces it)."""

    kind: Annotated[PlanKind, doc("ira (traditional), roth_ira, 401k, sep_ira")]
    birth_date: Annotated[date, doc("The owner's: ages for RMDs and catch-up contributions")]
    compensation: Annotated[
        SignedMoney | None, doc("A year's pay (SEP: 25 % of it; 401(k): the match's base)")
    ] = None
    self_employed: Annotated[bool, doc("SEP: net earnings less half the SE tax, 20 %")] = False
    match_tiers: Annotated[list[MatchTierIn], msgspec.Meta(max_length=8)] = msgspec.field(
        default_factory=list
    )
    vesting: VestingIn | None = None
    service_start: Annotated[date | None, doc("Employment start: years of service")] = None

    def to_change(self) -> PlanChange:
        v = self.vesting
        return PlanChange(
            kind=AccountType(self.kind),
            birth_date=self.birth_date,
            compensation=self.compensation,
            self_employed=self.self_employed,
            match_tiers=tuple(MatchTier(t.band, t.rate) for t in self.match_tiers),
            vesting=None
            if v is None
            else VestingSchedule(VestingKind(v.kind), v.years, v.start, v.step),
            service_start=self.service_start,
        )


class MatchTierOut(Output):
    band: RateOut
    rate: RateOut


class VestingOut(Output):
    kind: str
    years: int
    start: int
    step: RateOut


class RetirementPlanOut(Output):
    account_id: str
    kind: str
    birth_date: date
    compensation: MoneyOut | None
    self_employed: bool
    match_tiers: list[MatchTierOut]
    vesting: VestingOut | None
    service_start: date | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_domain(cls, p: RetirementPlan) -> RetirementPlanOut:
        v = p.vesting
        return cls.from_attributes(
            p,
            kind=p.kind.value,
            match_tiers=[MatchTierOut(band=t.band, rate=t.rate) for t in p.match_tiers],
            vesting=None
            if v is None
            else VestingOut(kind=v.kind.value, years=v.years, start=v.start, step=v.step),
        )


class ContributionIn(Input):
    tax_year: int
    amount: Annotated[SignedMoney, doc("Dollars, > 0")]
    contributed_on: Annotated[date, doc("In the tax year or the next (IRA: by the deadline)")]
    source: Literal["employee", "employer"] = "employee"

    def to_new(self) -> NewContribution:
        return NewContribution(
            self.tax_year, self.amount, self.contributed_on, ContributionSource(self.source)
        )


class ContributionOut(Mirror[Contribution]):
    id: str
    account_id: str
    tax_year: int
    amount: MoneyOut
    source: str
    contributed_on: date
    created_at: datetime

    enum_values = ("source",)


class ContributionListOut(ItemsOut):
    items: list[ContributionOut]


class RetirementSourceOut(Output):
    """What the stored calculation read."""

    account_id: str
    balance: Annotated[MoneyOut, doc("The account's equity at the current reference marks")]
    plan_kind: str
    contributions_counted: int
    source: str

    @classmethod
    def of(cls, s: Stored, counted: int) -> RetirementSourceOut:
        return cls(
            account_id=s.account_id,
            balance=s.balance,
            plan_kind=s.plan.kind.value,
            contributions_counted=counted,
            source=s.source,
        )


class StoredRoomIn(Input):
    tax_year: int
    magi: Magi = None
    filing_status: StatusOrProfile = None


class StoredRoomOut(Output):
    room: RoomOut
    stored: RetirementSourceOut

    @classmethod
    def build(cls, s: Stored, answer: Answered[ContributionRoom], year: int) -> StoredRoomOut:
        counted = sum(1 for c in s.contributions if c.tax_year == year)
        return cls(room=RoomOut.from_answer(answer), stored=RetirementSourceOut.of(s, counted))

    @staticmethod
    def status(data: StoredRoomIn) -> FilingStatus | None:
        return FilingStatus(data.filing_status) if data.filing_status else None


class StoredRmdIn(Input):
    year: Annotated[int, doc("The distribution year")]


class StoredRmdOut(Output):
    rmd: RmdOut
    stored: RetirementSourceOut

    @classmethod
    def build(cls, s: Stored, r: RequiredDistribution) -> StoredRmdOut:
        return cls(rmd=RmdOut.from_domain(r), stored=RetirementSourceOut.of(s, 0))


class StoredMatchIn(Input):
    tax_year: int


class StoredMatchOut(Output):
    match: EmployerMatchOut
    years_of_service: int
    employer_contributed: Annotated[MoneyOut, doc("The year's stored employer contributions")]
    stored: RetirementSourceOut

    @classmethod
    def build(cls, s: Stored, m: StoredMatch, year: int) -> StoredMatchOut:
        counted = sum(1 for c in s.contributions if c.tax_year == year)
        return cls(
            match=EmployerMatchOut.build(m.result, m.vested_fraction, m.vested_employer_balance),
            years_of_service=m.years_of_service,
            employer_contributed=m.employer_contributed,
            stored=RetirementSourceOut.of(s, counted),
        )


class StoredConversionIn(RothConversionIn, kw_only=True):
    """The what-if on the stored account; `amount` 0 (the default) converts the whole balance."""

    amount: SignedMoney = SignedMoney(0)


class StoredConversionOut(Output):
    conversion: RothConversionOut
    stored: RetirementSourceOut

    @classmethod
    def build(cls, s: Stored, answer: Answered[ConversionWhatIf]) -> StoredConversionOut:
        return cls(
            conversion=RothConversionOut.from_answer(answer), stored=RetirementSourceOut.of(s, 0)
        )
