"""Required minimum distributions: the Uniform Lifetime Table (2022+) and SECURE 2.0 ages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.rmd import (
    UNIFORM_LIFETIME_TABLE,
    distribution_period,
    required_beginning_age,
    required_minimum_distribution,
)

D = Decimal


def test_the_table_is_the_regulations_at_sample_ages() -> None:
    expected = {72: "27.4", 73: "26.5", 75: "24.6", 80: "20.2", 85: "16.0", 90: "12.2",
                95: "8.9", 100: "6.4", 110: "3.5", 115: "2.9", 119: "2.3", 120: "2.0"}  # fmt: skip

    assert {age: str(UNIFORM_LIFETIME_TABLE[age]) for age in expected} == expected
    assert distribution_period(125) == D("2.0")


def test_the_table_only_falls_with_age() -> None:
    periods = [UNIFORM_LIFETIME_TABLE[a] for a in range(72, 121)]

    assert all(a > b for a, b in pairwise(periods))


@pytest.mark.parametrize(("born", "age"), [(1949, 72), (1950, 72), (1951, 73), (1959, 73),
                                           (1960, 75), (1975, 75)])  # fmt: skip
def test_secure_2_beginning_ages(born: int, age: int) -> None:
    assert required_beginning_age(born) == age


def test_publication_590b_method_on_a_100000_balance_at_73() -> None:
    # Worksheet 1-1: balance at the end of last year / the distribution period of this year's age
    rmd = required_minimum_distribution(D(100000), date(1951, 6, 1), 2024)

    assert rmd.required
    assert rmd.age == 73 and rmd.distribution_period == D("26.5")
    assert rmd.amount == D("3773.58")
    assert rmd.deadline == date(2025, 4, 1)  # the first year's RMD may wait until April 1


def test_later_years_are_due_by_december_31() -> None:
    rmd = required_minimum_distribution(D("500000.00"), date(1945, 3, 9), 2025)

    assert rmd.age == 80 and rmd.amount == D("24752.48")  # 500,000 / 20.2
    assert rmd.deadline == date(2025, 12, 31)


def test_no_rmd_before_the_beginning_age() -> None:
    rmd = required_minimum_distribution(D(250000), date(1960, 1, 1), 2034)  # 74, starts at 75

    assert not rmd.required and rmd.amount == 0
    assert rmd.first_year == 2035


def test_a_negative_balance_is_refused() -> None:
    with pytest.raises(InvalidRetirementInput):
        required_minimum_distribution(D(-1), date(1950, 1, 1), 2025)
