"""The retirement plan kept beside an account: ages, years of service, the year's totals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from domain.retirement.contributions import AccountType
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.plans import Contribution, ContributionSource, RetirementPlan, year_totals

T0 = datetime(2026, 1, 5, tzinfo=UTC)


def plan(**changes: object) -> RetirementPlan:
    fields: dict[str, object] = {
        "account_id": "a", "owner_id": "u", "kind": AccountType.IRA,
        "birth_date": date(1966, 12, 31), "compensation": None, "self_employed": False,
        "match_tiers": (), "vesting": None, "service_start": date(2022, 3, 1),
        "created_at": T0, "updated_at": T0, **changes,
    }  # fmt: skip
    return RetirementPlan(**fields)  # type: ignore[arg-type]


def paid(amount: str, year: int, source: ContributionSource, on: date) -> Contribution:
    return Contribution("c", "a", "u", year, Decimal(amount), source, on, T0)


def test_age_is_attained_by_december_31_and_service_counts_whole_years() -> None:
    # Arrange
    p = plan()

    # Act / Assert: born on December 31, 1966 is 59 in 2025 (that very day)
    assert p.age_in(2025) == 59
    assert p.years_of_service(date(2026, 2, 28)) == 3
    assert p.years_of_service(date(2026, 3, 1)) == 4  # the anniversary counts
    assert p.years_of_service(date(2021, 1, 1)) == 0
    assert plan(service_start=None).years_of_service(date(2026, 3, 1)) == 0


def test_the_years_totals_split_employee_and_employer_money() -> None:
    # Arrange: an IRA contribution for 2025 made in April 2026 counts for 2025
    given = [
        paid("1000.10", 2025, ContributionSource.EMPLOYEE, date(2025, 5, 1)),
        paid("2000", 2025, ContributionSource.EMPLOYEE, date(2026, 4, 15)),
        paid("300", 2025, ContributionSource.EMPLOYER, date(2025, 12, 31)),
        paid("50", 2026, ContributionSource.EMPLOYEE, date(2026, 1, 2)),
    ]

    # Act
    totals = year_totals(given, 2025)

    # Assert
    assert (totals.employee, totals.employer, totals.count) == (Decimal("3000.10"), 300, 3)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: plan(kind=AccountType.PLAN_529), "kind"),
        (lambda: plan(compensation=Decimal(-1)), "compensation"),
        (lambda: paid("0", 2025, ContributionSource.EMPLOYEE, date(2025, 1, 1)), "amount"),
        (lambda: paid("1", 2025, ContributionSource.EMPLOYEE, date(2027, 1, 1)), "contributed_on"),
    ],
)
def test_out_of_range_records_are_refused_naming_the_field(make: object, field: str) -> None:
    with pytest.raises(InvalidRetirementInput) as refused:
        make()  # type: ignore[operator]
    assert refused.value.field == field
