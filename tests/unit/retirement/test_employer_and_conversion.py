"""Employer match, vesting schedules and the Roth conversion what-if."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.retirement.employer import (
    SAFE_HARBOR_BASIC,
    MatchTier,
    VestingKind,
    VestingSchedule,
    employer_match,
    vested_amount,
)
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.roth_conversion import ConversionRequest, roth_conversion_what_if
from domain.tax.brackets import BRACKETS_2025_MARRIED_JOINT, BRACKETS_2025_SINGLE

D = Decimal


@pytest.mark.parametrize(
    ("deferral", "match"),
    [(D(0), D(0)), (D(2000), D(2000)), (D(3000), D(3000)), (D(4000), D(3500)),
     (D(5000), D(4000)), (D(10000), D(4000))],
)  # fmt: skip
def test_safe_harbor_basic_match_on_100000_of_pay(deferral: Decimal, match: Decimal) -> None:
    # 100 % of the first 3 % + 50 % of the next 2 %: at most 4 % of pay
    assert employer_match(SAFE_HARBOR_BASIC, D(100000), deferral, 2025).match == match


def test_match_counts_pay_only_up_to_the_401a17_limit() -> None:
    result = employer_match([MatchTier(D("0.06"), D("0.5"))], D(500000), D(30000), 2025)

    assert result.counted_pay == D(350000)
    assert result.match == D(10500)  # 50 % of 6 % of 350,000


def test_bands_over_all_pay_are_refused() -> None:
    with pytest.raises(InvalidRetirementInput):
        employer_match([MatchTier(D("0.8"), D(1)), MatchTier(D("0.3"), D(1))], D(1), D(1), 2025)


def test_cliff_and_graded_vesting() -> None:
    cliff = VestingSchedule(VestingKind.CLIFF, years=3)
    graded = VestingSchedule(VestingKind.GRADED, start=2, step=D("0.20"))

    assert [cliff.vested_fraction(y) for y in range(5)] == [0, 0, 0, 1, 1]
    assert [graded.vested_fraction(y) for y in range(8)] == [
        0, 0, D("0.2"), D("0.4"), D("0.6"), D("0.8"), 1, 1]  # fmt: skip
    assert graded.full_at() == 6
    assert vested_amount(D("12345.67"), graded, 3) == D("4938.27")


def test_schedules_slower_than_the_law_are_refused() -> None:
    with pytest.raises(InvalidRetirementInput):
        VestingSchedule(VestingKind.CLIFF, years=5)
    with pytest.raises(InvalidRetirementInput):
        VestingSchedule(VestingKind.GRADED, start=2, step=D("0.10"))


def test_conversion_tax_is_the_bracket_slice_it_fills() -> None:
    # single 2025: 90,000 taxable; +20,000 crosses 103,350: 13,350 x 22 % + 6,650 x 24 %
    result = roth_conversion_what_if(ConversionRequest(
        amount=D(20000), taxable_income=D(90000), brackets=BRACKETS_2025_SINGLE,
        future_rate=D("0.22"), years=20, growth_rate=D("0.05"),
    ))  # fmt: skip

    assert result.federal_tax_now == D("4533.00")
    assert result.marginal_rate_before == D("0.22") and result.marginal_rate_after == D("0.24")
    assert result.effective_rate_now == D("0.2266")  # 0.22665, half even


def test_equal_rates_now_and_later_make_paying_from_the_conversion_a_wash() -> None:
    # MFJ 2025: 100,000 + 50,000 stays in the 22 % bracket
    result = roth_conversion_what_if(ConversionRequest(
        amount=D(50000), taxable_income=D(100000), brackets=BRACKETS_2025_MARRIED_JOINT,
        future_rate=D("0.22"), years=15, growth_rate=D("0.06"), tax_from_outside=False,
    ))  # fmt: skip

    assert result.tax_now == D("11000.00")
    assert result.advantage == 0
    assert result.break_even_future_rate == D("0.22")


def test_a_higher_future_rate_favours_converting_and_a_lower_one_not() -> None:
    common = {"amount": D(30000), "taxable_income": D(60000), "brackets": BRACKETS_2025_SINGLE,
              "years": 25, "growth_rate": D("0.06")}  # fmt: skip

    higher = roth_conversion_what_if(ConversionRequest(future_rate=D("0.32"), **common))
    lower = roth_conversion_what_if(ConversionRequest(future_rate=D("0.12"), **common))

    assert higher.advantage > 0 > lower.advantage
    assert D("0.12") < higher.break_even_future_rate < D("0.32")
