"""A retirement plan kept beside one trading account, and the contributions made to it.

The account holds the money (its equity at current marks is the plan's balance); the plan
record holds what the calculations of this package need besides: the kind of plan (traditional
IRA, Roth IRA, 401(k), SEP IRA), the owner's birth date (RMDs, catch-up ages), the year's
compensation, the employer's match formula and vesting schedule (domain/retirement/employer.py)
with the date service began, and the contributions of each tax year (amount, date, whose money).

Ages are attained by December 31 of the tax year; years of service are whole years from the
service start to the as-of date (anniversary rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.numbers import ZERO
from domain.retirement.contributions import MAX_MONEY, AccountType
from domain.retirement.employer import MatchTier, VestingSchedule
from domain.retirement.errors import InvalidRetirementInput

PLAN_KINDS = (AccountType.IRA, AccountType.ROTH_IRA, AccountType.K401, AccountType.SEP_IRA)
MAX_CONTRIBUTIONS_PER_YEAR = 400


class ContributionSource(StrEnum):
    """Whose money: the employee's own (deferrals, IRA contributions) or the employer's."""

    EMPLOYEE = "employee"
    EMPLOYER = "employer"


@dataclass(frozen=True, slots=True)
class RetirementPlan:
    """The plan kept for `account_id` (module doc); `owner_id` is the account's owner."""

    account_id: str
    owner_id: str
    kind: AccountType
    birth_date: date
    compensation: Decimal | None
    self_employed: bool
    match_tiers: tuple[MatchTier, ...]
    vesting: VestingSchedule | None
    service_start: date | None
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        if self.kind not in PLAN_KINDS:
            raise InvalidRetirementInput(
                f"a kept plan is one of {', '.join(k.value for k in PLAN_KINDS)}", field="kind"
            )
        if self.compensation is not None and (
            not self.compensation.is_finite() or not ZERO <= self.compensation <= MAX_MONEY
        ):
            raise InvalidRetirementInput("compensation must be 0..1e12", field="compensation")
        if self.match_tiers and self.kind is not AccountType.K401:
            raise InvalidRetirementInput("an employer match is a 401(k)'s", field="match_tiers")
        if self.birth_date.year < 1890:
            raise InvalidRetirementInput("birth_date is before 1890", field="birth_date")

    def age_in(self, tax_year: int) -> int:
        """The age attained by December 31 of `tax_year`."""
        return tax_year - self.birth_date.year

    def years_of_service(self, on: date) -> int:
        """Whole years of service on `on` (0 without a service start)."""
        if self.service_start is None or on < self.service_start:
            return 0
        start = self.service_start
        return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


@dataclass(frozen=True, slots=True)
class Contribution:
    """Money put into the plan's account for `tax_year` on `contributed_on` (dollars > 0)."""

    id: str
    account_id: str
    owner_id: str
    tax_year: int
    amount: Decimal
    source: ContributionSource
    contributed_on: date
    created_at: datetime

    def __post_init__(self) -> None:
        if not self.amount.is_finite() or not ZERO < self.amount <= MAX_MONEY:
            raise InvalidRetirementInput("amount must be > 0 and at most 1e12", field="amount")
        # An IRA contribution for a year may be made until the tax filing deadline of the next.
        if not self.tax_year <= self.contributed_on.year <= self.tax_year + 1:
            raise InvalidRetirementInput(
                "contributed_on is in the tax year or the next (until the filing deadline)",
                field="contributed_on",
            )


@dataclass(frozen=True, slots=True)
class YearTotals:
    """A tax year's contributions to one plan, by whose money."""

    tax_year: int
    employee: Decimal
    employer: Decimal
    count: int


def year_totals(contributions: list[Contribution], tax_year: int) -> YearTotals:
    """The sums of `tax_year`'s contributions (exact, no rounding)."""
    mine = [c for c in contributions if c.tax_year == tax_year]
    employee = sum((c.amount for c in mine if c.source is ContributionSource.EMPLOYEE), ZERO)
    employer = sum((c.amount for c in mine if c.source is ContributionSource.EMPLOYER), ZERO)
    return YearTotals(tax_year, employee, employer, len(mine))
