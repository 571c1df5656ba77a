"""Wealth DTOs (docs/wealth.md): the investor profile, retirement calculations, estate tax.
Money and rates are decimal strings on the wire (a JSON number is read too)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Output, doc
from adapters.http.wire_format import MoneyOut, RateOut
from adapters.wire.numbers import SignedMoney, UnitInterval
from application.wealth.estate import EstateTaxAnswer
from application.wealth.profiles import ProfileChange
from application.wealth.retirement import Answered, ConversionQuestion, RoomQuestion
from domain.retirement.contributions import AccountType, ContributionRoom, RoomRequest
from domain.retirement.employer import (
    MatchResult,
    MatchTier,
    VestingKind,
    VestingSchedule,
    employer_match,
    vested_amount,
)
from domain.retirement.limits import FilingStatus, YearLimits
from domain.retirement.rmd import RequiredDistribution
from domain.retirement.roth_conversion import ConversionWhatIf
from domain.wealth.profile import ACCREDITED_CRITERIA, InvestorProfile, RiskTolerance

Tolerance = Literal[
    "conservative", "moderately_conservative", "moderate", "moderately_aggressive", "aggressive"
]
Status = Literal[
    "single", "married_joint", "married_separate", "head_of_household",
    "qualifying_surviving_spouse",
]  # fmt: skip
Account = Literal["401k", "ira", "roth_ira", "sep_ira", "hsa_self", "hsa_family", "529"]
# The contribution room's inputs a body may leave to the profile.
Magi = Annotated[SignedMoney | None, doc("Modified AGI (Roth IRA)")]
StatusOrProfile = Annotated[Status | None, doc("Default: your profile's, else single")]


class InvestorProfileIn(Input):
    """Your investor profile; `risk_tolerance` or `questionnaire_score` (or both)."""

    horizon_years: Annotated[int, doc("Years until the money is needed, 1..80")]
    filing_status: Status
    federal_bracket: Annotated[
        UnitInterval, doc("Your federal marginal rate: 0.10, 0.12, 0.22, 0.24, 0.32, 0.35, 0.37")
    ]
    risk_tolerance: Tolerance | None = None
    questionnaire_score: Annotated[int | None, doc("0..100, bands of 20 points")] = None
    state: Annotated[str, doc("USPS code of your state"), msgspec.Meta(max_length=2)] | None = None
    state_rate: Annotated[UnitInterval, doc("Your state's marginal rate, 0..0.15")] = UnitInterval(
        0
    )
    accredited_bases: Annotated[
        list[Annotated[str, msgspec.Meta(max_length=40)]],
        msgspec.Meta(max_length=6, description="Rule 501(a) bases you attest to (GET criteria)"),
    ] = msgspec.field(default_factory=list)
    accept_terms: (
        Annotated[str, doc("The current terms version, to accept it"), msgspec.Meta(max_length=32)]
        | None
    ) = None

    def to_change(self) -> ProfileChange:
        return self.into(
            ProfileChange,
            filing_status=FilingStatus(self.filing_status),
            risk_tolerance=RiskTolerance.from_label(self.risk_tolerance)
            if self.risk_tolerance
            else None,
            accredited_bases=tuple(self.accredited_bases),
        )


class InvestorProfileOut(Output):
    user_id: str
    risk_tolerance: str
    risk_level: int
    questionnaire_score: int | None
    horizon_years: int
    filing_status: str
    federal_bracket: RateOut
    state: str | None
    state_rate: RateOut
    accredited: bool
    accredited_bases: list[str]
    accredited_attested_at: datetime | None
    terms_version: str | None
    terms_accepted_at: datetime | None
    terms_current: bool
    updated_at: datetime

    @classmethod
    def from_domain(cls, p: InvestorProfile, current_terms: str) -> InvestorProfileOut:
        return cls.from_attributes(
            p,
            user_id=p.owner_id,
            risk_tolerance=p.risk_tolerance.label,
            risk_level=int(p.risk_tolerance),
            filing_status=p.filing_status.value,
            accredited_bases=list(p.accredited_bases),
            terms_current=p.terms_version == current_terms,
        )


class CriterionOut(Output):
    id: str
    rule: str
    test: str


class CriteriaOut(Output):
    source: str
    criteria: list[CriterionOut]
    terms_version: str

    @classmethod
    def build(cls, terms_version: str) -> CriteriaOut:
        return cls(
            source="SEC Regulation D Rule 501(a), 17 CFR 230.501(a) (Release 33-10824)",
            criteria=[CriterionOut.from_attributes(c) for c in ACCREDITED_CRITERIA],
            terms_version=terms_version,
        )


class RoomIn(Input):
    """One account's contribution room for a tax year (docs/wealth.md)."""

    account_type: Account
    tax_year: int
    age: Annotated[int, doc("Age on December 31 of the tax year")]
    contributed: SignedMoney = SignedMoney(0)
    employer_contributions: SignedMoney = SignedMoney(0)
    compensation: SignedMoney | None = None
    magi: Magi = None
    filing_status: StatusOrProfile = None
    self_employed: bool = False
    state_aggregate_limit: Annotated[SignedMoney | None, doc("529: the state plan's cap")] = None
    balance: Annotated[SignedMoney, doc("529: the balance today")] = SignedMoney(0)

    def to_question(self) -> RoomQuestion:
        request = RoomRequest(
            account_type=AccountType(self.account_type),
            tax_year=self.tax_year,
            age=self.age,
            contributed=self.contributed,
            employer_contributions=self.employer_contributions,
            compensation=self.compensation,
            magi=self.magi,
            self_employed=self.self_employed,
            state_aggregate_limit=self.state_aggregate_limit,
            balance=self.balance,
        )
        status = FilingStatus(self.filing_status) if self.filing_status else None
        return RoomQuestion(request, status)


class RoomOut(Output):
    account_type: str
    tax_year: int
    base_limit: MoneyOut
    catch_up: MoneyOut
    limit: MoneyOut
    reduced_limit: MoneyOut
    contributed: MoneyOut
    room: MoneyOut
    notes: list[str]
    sources: list[str]
    from_profile: list[str]

    @classmethod
    def from_answer(cls, answer: Answered[ContributionRoom]) -> RoomOut:
        r = answer.result
        return cls.from_attributes(
            r,
            account_type=r.account_type.value,
            notes=list(r.notes),
            sources=list(r.sources),
            from_profile=list(answer.defaults),
        )


class RetirementLimitsOut(Output):
    tax_year: int
    sources: list[str]
    elective_deferral: MoneyOut
    catch_up_50: MoneyOut
    catch_up_60_63: MoneyOut | None
    annual_additions: MoneyOut
    compensation_cap: MoneyOut
    ira: MoneyOut
    ira_catch_up_50: MoneyOut
    roth_phase_out: dict[str, list[MoneyOut]]
    hsa_self: MoneyOut
    hsa_family: MoneyOut
    hsa_catch_up_55: MoneyOut
    gift_exclusion: MoneyOut

    @classmethod
    def from_domain(cls, y: YearLimits) -> RetirementLimitsOut:
        return cls.from_attributes(
            y,
            sources=list(y.sources),
            roth_phase_out={s.value: [p.start, p.end] for s, p in y.roth_phase_out.items()},
        )


class RmdIn(Input):
    """A traditional IRA's (or plan's) balance on December 31 of the year before `year`."""

    balance: SignedMoney
    birth_date: date
    year: int


class RmdOut(Output):
    year: int
    age: int
    beginning_age: int
    first_year: int
    required: bool
    prior_year_end_balance: MoneyOut
    distribution_period: RateOut | None
    amount: MoneyOut
    deadline: date | None
    source: str

    @classmethod
    def from_domain(cls, r: RequiredDistribution) -> RmdOut:
        return cls.from_attributes(r, year=r.distribution_year)


class RothConversionIn(Input):
    """A conversion what-if; left-out rates come from your investor profile."""

    amount: SignedMoney
    taxable_income: Annotated[SignedMoney, doc("This year's taxable income without it")]
    years: Annotated[int, doc("Years until the money is withdrawn, 0..80")]
    growth_rate: Annotated[SignedMoney, doc("A year, both accounts: 0.06 = 6 %")]
    filing_status: Annotated[
        Literal["single", "married_joint"] | None, doc("2025 brackets; default: your profile's")
    ] = None
    future_rate: Annotated[
        UnitInterval | None,
        doc("Tax rate on later withdrawals; default: your profile's federal bracket + state rate"),
    ] = None
    state_rate: Annotated[UnitInterval | None, doc("Default: your profile's")] = None
    tax_from_outside: bool = True
    outside_growth_rate: SignedMoney | None = None
    age: int | None = None

    def to_question(self) -> ConversionQuestion:
        return self.into(
            ConversionQuestion,
            filing_status=FilingStatus(self.filing_status) if self.filing_status else None,
        )


class RothConversionOut(Output):
    amount: MoneyOut
    tax_now: MoneyOut
    federal_tax_now: MoneyOut
    state_tax_now: MoneyOut
    marginal_rate_before: RateOut
    marginal_rate_after: RateOut
    effective_rate_now: RateOut
    roth_value: MoneyOut
    traditional_value: MoneyOut
    advantage: MoneyOut
    break_even_future_rate: RateOut
    brackets: str
    assumptions: list[str]
    notes: list[str]
    from_profile: list[str]

    @classmethod
    def from_answer(cls, answer: Answered[ConversionWhatIf]) -> RothConversionOut:
        r = answer.result
        return cls.from_attributes(
            r,
            assumptions=list(r.assumptions),
            notes=list(r.notes),
            from_profile=list(answer.defaults),
        )


class EstateTaxIn(Input):
    gross_estate: SignedMoney
    year: Annotated[int | None, doc("Year of death; default: this year")] = None


class EstateTaxOut(Output):
    year: int
    gross_estate: MoneyOut
    exemption: MoneyOut
    taxable: MoneyOut
    tax: MoneyOut
    net_to_heirs: MoneyOut
    effective_rate: RateOut
    source: str
    convention: str

    @classmethod
    def from_answer(cls, a: EstateTaxAnswer) -> EstateTaxOut:
        e = a.estimate
        return cls.from_attributes(
            e,
            year=a.year,
            gross_estate=e.gross,
            source=a.source,
            convention="US federal, the basic exclusion of the year of death, 40 % above it; "
            "no state tax, prior gifts, deductions or portability",
        )


class MatchTierIn(Input):
    band: Annotated[UnitInterval, doc("Band of pay, a fraction: 0.03 = the next 3 % of pay")]
    rate: Annotated[SignedMoney, doc("Match rate on the deferral in the band: 1 = 100 %")]


class VestingIn(Input):
    kind: Literal["cliff", "graded", "immediate"]
    years: Annotated[int, doc("cliff: years to 100 %, 1..3")] = 3
    start: Annotated[int, doc("graded: first vesting year, 1..2")] = 2
    step: Annotated[UnitInterval, doc("graded: vested a year")] = UnitInterval("0.20")


class EmployerMatchIn(Input):
    """A match formula on a year's pay and deferral, and optionally the vested employer money."""

    tiers: Annotated[list[MatchTierIn], msgspec.Meta(min_length=1, max_length=8)]
    compensation: SignedMoney
    deferral: SignedMoney
    tax_year: int
    vesting: VestingIn | None = None
    years_of_service: int = 0
    employer_balance: SignedMoney = SignedMoney(0)

    def compute(self) -> EmployerMatchOut:
        tiers = [MatchTier(t.band, t.rate) for t in self.tiers]
        result = employer_match(tiers, self.compensation, self.deferral, self.tax_year)
        vested_fraction = vested = None
        if self.vesting is not None:
            schedule = VestingSchedule(
                VestingKind(self.vesting.kind), self.vesting.years, self.vesting.start,
                self.vesting.step,
            )  # fmt: skip
            vested_fraction = schedule.vested_fraction(self.years_of_service)
            vested = vested_amount(self.employer_balance, schedule, self.years_of_service)
        return EmployerMatchOut.build(result, vested_fraction, vested)


class EmployerMatchOut(Output):
    counted_pay: MoneyOut
    deferral: MoneyOut
    match: MoneyOut
    match_fraction_of_pay: RateOut
    vested_fraction: RateOut | None
    vested_employer_balance: MoneyOut | None

    @classmethod
    def build(
        cls, r: MatchResult, fraction: Decimal | None, vested: Decimal | None
    ) -> EmployerMatchOut:
        return cls.from_attributes(r, vested_fraction=fraction, vested_employer_balance=vested)
