"""Employer match formulas and vesting schedules.

A match formula is a list of tiers: `rate` of the deferral that falls within the tier's band of
pay, e.g. the safe-harbor basic match (IRC 401(k)(12)(B)(i)): 100 % of the first 3 % of pay
deferred plus 50 % of the next 2 % = tiers (0.03, 1.00), (0.02, 0.50). Pay counted is capped at
the year's 401(a)(17) compensation limit; the match is computed on the year's totals (a plan
matching per pay period without a true-up can give less).

Vesting (IRC 411(a)(2)(B), employer contributions): a `cliff` schedule vests 100 % after
`years` of service (at most 3 for the law's minimum standard), a `graded` one vests `step` a year
from `start` (20 % a year from year 2 to 100 % at 6 is the law's slowest). The employee's own
deferrals are always fully vested. A schedule slower than the law's minimum is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from domain.numbers import CENT, ONE, ZERO
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.limits import limits_for

MAX_TIERS = 8


@dataclass(frozen=True, slots=True)
class MatchTier:
    """`rate` (fraction) of the deferral within the next `band` (fraction of pay)."""

    band: Decimal
    rate: Decimal


SAFE_HARBOR_BASIC = (MatchTier(Decimal("0.03"), ONE), MatchTier(Decimal("0.02"), Decimal("0.5")))


@dataclass(frozen=True, slots=True)
class MatchResult:
    counted_pay: Decimal
    deferral: Decimal
    match: Decimal
    match_fraction_of_pay: Decimal


def employer_match(
    tiers: Sequence[MatchTier], compensation: Decimal, deferral: Decimal, tax_year: int
) -> MatchResult:
    """The year's match on `deferral` dollars out of `compensation` (module doc)."""
    _check_tiers(tiers)
    for name, value in (("compensation", compensation), ("deferral", deferral)):
        if not value.is_finite() or value < ZERO:
            raise InvalidRetirementInput(f"{name} must be >= 0", field=name)
    pay = min(compensation, limits_for(tax_year).compensation_cap)
    if pay == ZERO:
        return MatchResult(pay, deferral, ZERO, ZERO)
    deferred_fraction = min(deferral / pay, ONE)
    match_fraction, floor = ZERO, ZERO
    for tier in tiers:
        within = min(max(deferred_fraction - floor, ZERO), tier.band)
        match_fraction += within * tier.rate
        floor += tier.band
    match = (pay * match_fraction).quantize(CENT, ROUND_HALF_UP)
    return MatchResult(pay, deferral, match, match_fraction)


def _check_tiers(tiers: Sequence[MatchTier]) -> None:
    if not 1 <= len(tiers) <= MAX_TIERS:
        raise InvalidRetirementInput(f"1 to {MAX_TIERS} match tiers", field="tiers")
    for index, tier in enumerate(tiers):
        if not ZERO < tier.band <= ONE or not ZERO <= tier.rate <= Decimal(5):
            raise InvalidRetirementInput(
                "a tier's band is in (0, 1] of pay and its rate in [0, 5]", field=f"tiers[{index}]"
            )
    if sum((t.band for t in tiers), ZERO) > ONE:
        raise InvalidRetirementInput("the tiers' bands add up to more than all pay", field="tiers")


class VestingKind(StrEnum):
    CLIFF = "cliff"
    GRADED = "graded"
    IMMEDIATE = "immediate"


@dataclass(frozen=True, slots=True)
class VestingSchedule:
    """cliff: 100 % at `years`; graded: `step` a year from year `start` (0 before); immediate."""

    kind: VestingKind
    years: int = 3
    start: int = 2
    step: Decimal = Decimal("0.20")

    def __post_init__(self) -> None:
        if self.kind is VestingKind.CLIFF and not 1 <= self.years <= 3:
            raise InvalidRetirementInput(
                "a cliff vests within 1 to 3 years (IRC 411(a)(2)(B)(ii))", field="years"
            )
        if self.kind is VestingKind.GRADED:
            if not 1 <= self.start <= 2 or not ZERO < self.step <= ONE:
                raise InvalidRetirementInput(
                    "graded vesting starts by year 2 with a step in (0, 1]", field="step"
                )
            if any(self.vested_fraction(y) < Decimal("0.20") * (y - 1) for y in range(2, 7)):
                raise InvalidRetirementInput(
                    "graded vesting must be at least 20 % a year from year 2, 100 % by year 6 "
                    "(IRC 411(a)(2)(B)(iii))",
                    field="step",
                )

    def full_at(self) -> int:
        """The first whole year of service at which 100 % is vested."""
        if self.kind is VestingKind.IMMEDIATE:
            return 0
        if self.kind is VestingKind.CLIFF:
            return self.years
        year = self.start
        while self.vested_fraction(year) < ONE:
            year += 1
        return year

    def vested_fraction(self, years_of_service: int) -> Decimal:
        """The vested share of employer money after `years_of_service` whole years."""
        if years_of_service < 0:
            raise InvalidRetirementInput("years of service must be >= 0", field="years_of_service")
        if self.kind is VestingKind.IMMEDIATE:
            return ONE
        if self.kind is VestingKind.CLIFF:
            return ONE if years_of_service >= self.years else ZERO
        if years_of_service < self.start:
            return ZERO
        return min(ONE, self.step * (years_of_service - self.start + 1))


def vested_amount(employer_balance: Decimal, schedule: VestingSchedule, years: int) -> Decimal:
    """The vested part of the employer-funded balance, to the cent (half up)."""
    if not employer_balance.is_finite() or employer_balance < ZERO:
        raise InvalidRetirementInput("employer_balance must be >= 0", field="employer_balance")
    return (employer_balance * schedule.vested_fraction(years)).quantize(CENT, ROUND_HALF_UP)
