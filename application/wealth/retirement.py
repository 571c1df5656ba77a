"""Retirement accounts on posted figures, with the caller's investor profile as defaults.

Nothing is stored: contribution room, RMDs and the Roth conversion what-if are calculations
(domain/retirement/). Where a request leaves out the filing status, the state's rate or the
future tax rate, the caller's investor profile gives them (the `defaults` of the answer say
which were taken from it); without a profile the request must give them (422 naming the field).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from domain.principals import Principal
from domain.retirement.contributions import (
    AccountType,
    ContributionRoom,
    RoomRequest,
    contribution_room,
)
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.limits import FilingStatus, YearLimits, limits_for
from domain.retirement.rmd import RequiredDistribution, required_minimum_distribution
from domain.retirement.roth_conversion import (
    ConversionRequest,
    ConversionWhatIf,
    roth_conversion_what_if,
)
from domain.tax.brackets import DEFAULT_BRACKETS, TaxBrackets
from domain.wealth.profile import InvestorProfile
from ports.wealth.investor_profiles import InvestorProfileRepository


@dataclass(frozen=True, slots=True)
class RoomQuestion:
    """A contribution-room request whose filing status (it matters for a Roth IRA only) may
    come from the profile."""

    request: RoomRequest
    filing_status: FilingStatus | None = None


@dataclass(frozen=True, slots=True)
class ConversionQuestion:
    """A what-if whose brackets, state rate and future rate may come from the profile."""

    amount: Decimal
    taxable_income: Decimal
    years: int
    growth_rate: Decimal
    filing_status: FilingStatus | None = None
    brackets: TaxBrackets | None = None
    future_rate: Decimal | None = None
    state_rate: Decimal | None = None
    tax_from_outside: bool = True
    outside_growth_rate: Decimal | None = None
    age: int | None = None


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Answered(Generic[T]):
    """A result and the fields the investor profile supplied."""

    result: T
    defaults: tuple[str, ...]


@dataclass(eq=False)
class RetirementService:
    """Retirement calculations (module doc)."""

    profiles: InvestorProfileRepository

    @staticmethod
    def limits(tax_year: int) -> YearLimits:
        return limits_for(tax_year)

    async def room(self, principal: Principal, q: RoomQuestion) -> Answered[ContributionRoom]:
        defaults: list[str] = []
        status = q.filing_status
        if status is None and q.request.account_type is AccountType.ROTH_IRA:
            profile = await self.profiles.get(principal.id)
            if profile is not None:
                status = profile.filing_status
                defaults.append("filing_status")
        request = replace(q.request, filing_status=status or FilingStatus.SINGLE)
        return Answered(contribution_room(request), tuple(defaults))

    @staticmethod
    def rmd(balance: Decimal, birth_date: date, year: int) -> RequiredDistribution:
        return required_minimum_distribution(balance, birth_date, year)

    async def roth_conversion(
        self, principal: Principal, q: ConversionQuestion
    ) -> Answered[ConversionWhatIf]:
        defaults: list[str] = []
        profile: InvestorProfile | None = None
        if (q.brackets is None and q.filing_status is None) or None in (
            q.future_rate,
            q.state_rate,
        ):
            profile = await self.profiles.get(principal.id)
        brackets = q.brackets
        if brackets is None:
            status = q.filing_status
            if status is None and profile is not None:
                status = profile.filing_status
                defaults.append("filing_status")
            brackets = DEFAULT_BRACKETS.get(status.value if status else "single")
            if brackets is None:
                raise InvalidRetirementInput(
                    f"brackets are shipped for {', '.join(sorted(DEFAULT_BRACKETS))}; give "
                    "brackets for another filing status",
                    field="filing_status",
                )
        state_rate = q.state_rate
        if state_rate is None:
            state_rate = profile.state_rate if profile is not None else Decimal(0)
            if profile is not None:
                defaults.append("state_rate")
        future_rate = q.future_rate
        if future_rate is None:
            if profile is None:
                raise InvalidRetirementInput(
                    "give future_rate (or set your investor profile's brackets)",
                    field="future_rate",
                )
            future_rate = profile.federal_bracket + profile.state_rate
            defaults.append("future_rate")
        request = ConversionRequest(
            amount=q.amount,
            taxable_income=q.taxable_income,
            brackets=brackets,
            future_rate=future_rate,
            years=q.years,
            growth_rate=q.growth_rate,
            state_rate=state_rate,
            tax_from_outside=q.tax_from_outside,
            outside_growth_rate=q.outside_growth_rate,
            age=q.age,
        )
        return Answered(roth_conversion_what_if(request), tuple(defaults))
