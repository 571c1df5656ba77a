"""Required minimum distributions during the owner's life (IRS Publication 590-B, chapter 1).

- The year's RMD = the account balance on December 31 of the year before / the distribution
  period of the owner's age on their birthday in the distribution year, from the Uniform
  Lifetime Table (26 CFR 1.401(a)(9)-9(c), in force for distribution years from 2022; Appendix B
  Table III of Publication 590-B). Rounded half up to the cent.
- The required beginning age (IRC 401(a)(9)(C) as amended by SECURE 2.0 s. 107): 72 for owners
  born in 1950 or before (70 1/2 before 1949 July 1: long past, not modelled), 73 for those born
  1951-1959, 75 for those born 1960 or later. The first RMD may wait until April 1 of the next
  year (then two fall in that year); each later one is due by December 31.
- Not modelled: the Joint Life and Last Survivor table (a spouse more than 10 years younger who
  is the sole beneficiary), inherited accounts, Roth IRAs (no lifetime RMD), the still-working
  exception of employer plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain.numbers import CENT, ZERO
from domain.retirement.errors import InvalidRetirementInput

_PERIODS = (
    "27.4 26.5 25.5 24.6 23.7 22.9 22.0 21.1 20.2 19.4 18.5 17.7 16.8 16.0 15.2 14.4 13.7 12.9 "
    "12.2 11.5 10.8 10.1 9.5 8.9 8.4 7.8 7.3 6.8 6.4 6.0 5.6 5.2 4.9 4.6 4.3 4.1 3.9 3.7 3.5 "
    "3.4 3.3 3.1 3.0 2.9 2.8 2.7 2.5 2.3 2.0"
)
# The Uniform Lifetime Table, ages 72..120 (120 and older: 2.0).
UNIFORM_LIFETIME_TABLE: dict[int, Decimal] = {
    72 + k: Decimal(p) for k, p in enumerate(_PERIODS.split())
}
TABLE_SOURCE = "26 CFR 1.401(a)(9)-9(c) Uniform Lifetime Table (2022+); IRS Publication 590-B"


def required_beginning_age(birth_year: int) -> int:
    """The age of the first RMD year: 72 (born <= 1950), 73 (1951-1959), 75 (1960+)."""
    if birth_year <= 1950:
        return 72
    return 73 if birth_year <= 1959 else 75


def distribution_period(age: int) -> Decimal:
    """The Uniform Lifetime Table's divisor for `age` (72 or older)."""
    if age < 72:
        raise InvalidRetirementInput("the table starts at age 72", field="age")
    return UNIFORM_LIFETIME_TABLE[min(age, 120)]


@dataclass(frozen=True, slots=True)
class RequiredDistribution:
    """The RMD of `distribution_year`: `required` False (and 0) before the beginning age.

    `deadline`: December 31 of the year, or April 1 of the next for the first RMD year."""

    distribution_year: int
    age: int
    beginning_age: int
    first_year: int
    required: bool
    prior_year_end_balance: Decimal
    distribution_period: Decimal | None
    amount: Decimal
    deadline: date | None
    source: str = TABLE_SOURCE


def required_minimum_distribution(
    prior_year_end_balance: Decimal, birth_date: date, distribution_year: int
) -> RequiredDistribution:
    """The year's RMD of a traditional IRA, SEP IRA or employer plan of a living owner."""
    if not prior_year_end_balance.is_finite() or prior_year_end_balance < ZERO:
        raise InvalidRetirementInput("the balance must be >= 0", field="balance")
    if not 1900 <= distribution_year <= 2200 or distribution_year < birth_date.year:
        raise InvalidRetirementInput("the distribution year is out of range", field="year")
    age = distribution_year - birth_date.year  # the age reached on the year's birthday
    beginning = required_beginning_age(birth_date.year)
    first_year = birth_date.year + beginning
    if age < beginning:
        return RequiredDistribution(
            distribution_year, age, beginning, first_year, False, prior_year_end_balance,
            None, ZERO, None,
        )  # fmt: skip
    period = distribution_period(age)
    amount = (prior_year_end_balance / period).quantize(CENT, ROUND_HALF_UP)
    deadline = (
        date(distribution_year + 1, 4, 1)
        if distribution_year == first_year
        else date(distribution_year, 12, 31)
    )
    return RequiredDistribution(
        distribution_year, age, beginning, first_year, True, prior_year_end_balance, period,
        amount, deadline,
    )  # fmt: skip
