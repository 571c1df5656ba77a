"""Homeostasis figures: worked examples, the years-to-freedom closed form, invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.planning.homeostasis import (
    InvalidPlanningFigure,
    freedom_number,
    homeostasis,
    years_to_freedom,
)

D = Decimal

money = st.decimals(min_value=D("-1e9"), max_value=D("1e10"), places=2)
expenses = st.decimals(min_value=D("1"), max_value=D("1e8"), places=2)
rates = st.decimals(min_value=D("0.001"), max_value=D("0.2"), places=4)


def _wealth_after(w0: float, savings: float, rate: float, years: float) -> float:
    """Forward recursion of the closed form: yearly compounding, savings at each year's end."""
    growth = (1.0 + rate) ** years
    if rate == 0:
        return w0 + years * savings
    return w0 * growth + savings * (growth - 1.0) / rate


def test_the_worked_example_of_the_docs() -> None:
    # Arrange: 40,000 a year at the default 4%, 250,000 held.

    # Act
    figures = homeostasis(D("250000"), D("40000"))

    # Assert
    assert figures.freedom_number == D("1000000.00")
    assert figures.progress == D("0.250000")
    assert figures.progress_capped == D("0.250000")
    assert figures.years_covered == D("6.25")
    assert figures.gap == D("750000.00")
    assert not figures.reached


def test_the_freedom_number_rounds_half_even_to_the_cent() -> None:
    # 1000 / 0.03 = 33333.333...; the last two sit exactly on a half cent.
    assert freedom_number(D("1000"), D("0.03")) == D("33333.33")
    assert freedom_number(D("0.01"), D("0.04")) == D("0.25")
    assert freedom_number(D("0.001"), D("0.04")) == D("0.02")  # 0.025 -> 0.02 (half-even)
    assert freedom_number(D("0.003"), D("0.04")) == D("0.08")  # 0.075 -> 0.08 (half-even)


def test_past_the_freedom_number_progress_is_capped_and_the_gap_is_zero() -> None:
    figures = homeostasis(D("1500000"), D("40000"), D("0.04"))

    assert figures.progress == D("1.500000")
    assert figures.progress_capped == D("1")
    assert figures.gap == D("0")
    assert figures.reached


def test_debt_gives_negative_progress_capped_at_zero() -> None:
    figures = homeostasis(D("-10000"), D("40000"))

    assert figures.progress == D("-0.010000")
    assert figures.progress_capped == D("0")
    assert figures.gap == D("1010000.00")
    assert figures.years_covered == D("-0.25")


@pytest.mark.parametrize(
    ("field", "args"),
    [
        ("annual_expenses", (D("1"), D("0"), D("0.04"))),
        ("annual_expenses", (D("1"), D("-5"), D("0.04"))),
        ("annual_expenses", (D("1"), D("NaN"), D("0.04"))),
        ("safe_withdrawal_rate", (D("1"), D("100"), D("0"))),
        ("safe_withdrawal_rate", (D("1"), D("100"), D("0.2001"))),
        ("safe_withdrawal_rate", (D("1"), D("100"), D("Infinity"))),
        ("wealth", (D("Infinity"), D("100"), D("0.04"))),
    ],
)
def test_out_of_range_inputs_name_their_field(field: str, args: tuple[Decimal, ...]) -> None:
    with pytest.raises(InvalidPlanningFigure) as raised:
        homeostasis(*args)

    assert raised.value.field == field
    assert raised.value.code == "INVALID_PLANNING_INPUT"


def test_a_safe_withdrawal_rate_of_twenty_percent_is_the_inclusive_maximum() -> None:
    assert freedom_number(D("100"), D("0.2")) == D("500.00")


def test_years_to_freedom_worked_example_at_zero_return() -> None:
    # 1,000,000 - 250,000 = 750,000 at 50,000 a year: 15 years exactly.
    assert years_to_freedom(D("250000"), D("1000000"), D("50000"), D("0")) == D("15.00")


def test_years_to_freedom_matches_the_annuity_formula() -> None:
    # Arrange: 100,000 held, 20,000 saved a year at 5% real, target 1,000,000.
    # ln((1e6*0.05 + 2e4) / (1e5*0.05 + 2e4)) / ln(1.05) = ln(70000/25000) / ln(1.05)
    expected = 21.1029  # ln(2.8) / ln(1.05) = 1.0296194 / 0.0487902 = 21.1029...

    # Act
    years = years_to_freedom(D("100000"), D("1000000"), D("20000"), D("0.05"))

    # Assert
    assert years is not None
    assert abs(float(years) - expected) <= 0.005
    assert _wealth_after(100_000, 20_000, 0.05, float(years)) == pytest.approx(1e6, rel=2e-3)


def test_years_to_freedom_is_zero_once_reached_and_none_when_never() -> None:
    assert years_to_freedom(D("2000000"), D("1000000"), D("0"), D("0.03")) == D("0")
    assert years_to_freedom(D("1000"), D("1000000"), D("0"), D("0")) is None
    assert years_to_freedom(D("1000"), D("1000000"), D("-10"), D("0.0")) is None
    # A negative real return converges to S / -r = 200,000 < 1,000,000: never.
    assert years_to_freedom(D("1000"), D("1000000"), D("10000"), D("-0.05")) is None
    # Shrinking wealth drawn down faster than it earns: never.
    assert years_to_freedom(D("10000"), D("1000000"), D("-1000"), D("0.05")) is None


def test_a_negative_return_still_reaches_a_target_below_its_limit() -> None:
    # Converges to 10,000 / 0.05 = 200,000; 100,000 is reached.
    years = years_to_freedom(D("0"), D("100000"), D("10000"), D("-0.05"))

    assert years is not None
    assert _wealth_after(0, 10_000, -0.05, float(years)) == pytest.approx(1e5, rel=1e-3)


def test_a_real_return_of_minus_one_or_less_is_refused() -> None:
    with pytest.raises(InvalidPlanningFigure) as raised:
        years_to_freedom(D("0"), D("1"), D("1"), D("-1"))

    assert raised.value.field == "real_return"


@given(low=money, high=money, spend=expenses, rate=rates)
def test_progress_is_monotone_in_wealth(
    low: Decimal, high: Decimal, spend: Decimal, rate: Decimal
) -> None:
    low, high = min(low, high), max(low, high)

    poorer, richer = homeostasis(low, spend, rate), homeostasis(high, spend, rate)

    assert poorer.progress <= richer.progress
    assert poorer.progress_capped <= richer.progress_capped
    assert poorer.gap >= richer.gap
    assert poorer.years_covered <= richer.years_covered


@given(wealth=money, spend=expenses, rate=rates)
def test_the_gap_is_zero_exactly_when_reached(
    wealth: Decimal, spend: Decimal, rate: Decimal
) -> None:
    figures = homeostasis(wealth, spend, rate)

    assert (figures.gap == 0) == figures.reached
    assert figures.reached == (figures.wealth >= figures.freedom_number)
    assert figures.gap == max(figures.freedom_number - figures.wealth, Decimal(0))
    if figures.reached:
        assert figures.progress >= 1
        assert figures.progress_capped == 1
    assert Decimal(0) <= figures.progress_capped <= Decimal(1)
    assert figures.freedom_number == figures.freedom_number.quantize(Decimal("0.01"))


@given(
    w0=st.decimals(min_value=D("0"), max_value=D("1e6"), places=2),
    savings=st.decimals(min_value=D("100"), max_value=D("1e5"), places=2),
    rate=st.decimals(min_value=D("-0.05"), max_value=D("0.12"), places=3),
)
def test_years_to_freedom_solves_the_recursion(
    w0: Decimal, savings: Decimal, rate: Decimal
) -> None:
    # Arrange
    target = D("2000000")

    # Act
    years = years_to_freedom(w0, target, savings, rate)

    # Assert: when found, the forward formula lands on the target within the 0.01-year rounding.
    if years is None:
        assert rate < 0
        assert savings / -rate <= target
        return
    reached = _wealth_after(float(w0), float(savings), float(rate), float(years) + 0.006)
    short = _wealth_after(float(w0), float(savings), float(rate), max(float(years) - 0.006, 0))
    assert short <= float(target) <= reached
