"""Estate tax estimates on the default (US federal 2026) and custom schedules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.succession import (
    US_FEDERAL_2026,
    EstateTaxEstimate,
    EstateTaxSchedule,
    InvalidEstateTaxSchedule,
    InvalidSuccessionAmount,
    estimate_estate_tax,
)

D = Decimal


def test_defaults_are_a_15_million_exemption_and_40_percent_above_it() -> None:
    # Arrange / Act
    schedule = EstateTaxSchedule()

    # Assert
    assert schedule.exemption == D(15_000_000)
    assert schedule.brackets == ((D(0), D("0.40")),)
    assert schedule == US_FEDERAL_2026


def test_estate_below_the_exemption_owes_nothing() -> None:
    # Arrange / Act
    estimate = estimate_estate_tax(D("14999999.99"))

    # Assert
    assert estimate == EstateTaxEstimate(
        gross=D("14999999.99"),
        exemption=D(15_000_000),
        taxable=D(0),
        tax=D("0.00"),
        net_to_heirs=D("14999999.99"),
        effective_rate=D(0),
    )


def test_twenty_million_owes_two_million_with_the_defaults() -> None:
    # Arrange / Act
    estimate = estimate_estate_tax(D(20_000_000))

    # Assert: (20,000,000 - 15,000,000) * 0.40 = 2,000,000; 2,000,000 / 20,000,000 = 0.1
    assert estimate.taxable == D(5_000_000)
    assert estimate.tax == D("2000000.00")
    assert estimate.net_to_heirs == D("18000000.00")
    assert estimate.effective_rate == D("0.1")


def test_zero_estate_has_zero_effective_rate() -> None:
    # Arrange / Act
    estimate = estimate_estate_tax(D(0))

    # Assert
    assert estimate.tax == D(0)
    assert estimate.effective_rate == D(0)


def test_multi_bracket_schedule_is_applied_progressively() -> None:
    # Arrange
    schedule = EstateTaxSchedule(
        exemption=D(1_000_000),
        brackets=((D(0), D("0.10")), (D(500_000), D("0.20")), (D(1_500_000), D("0.30"))),
    )

    # Act
    estimate = estimate_estate_tax(D(3_000_000), schedule)

    # Assert: taxable = 3,000,000 - 1,000,000 = 2,000,000
    #   500,000 * 0.10 =  50,000
    # 1,000,000 * 0.20 = 200,000
    #   500,000 * 0.30 = 150,000  -> 400,000; net 2,600,000; rate 400,000 / 3,000,000
    assert estimate.taxable == D(2_000_000)
    assert estimate.tax == D("400000.00")
    assert estimate.net_to_heirs == D("2600000.00")
    assert estimate.effective_rate == D(400_000) / D(3_000_000)


def test_taxable_amount_inside_the_first_bracket() -> None:
    # Arrange
    schedule = EstateTaxSchedule(
        exemption=D(1_000_000), brackets=((D(0), D("0.10")), (D(500_000), D("0.20")))
    )

    # Act
    estimate = estimate_estate_tax(D("1200000.05"), schedule)

    # Assert: taxable 200,000.05 * 0.10 = 20,000.005 -> 20,000.01 (half-up to the cent)
    assert estimate.taxable == D("200000.05")
    assert estimate.tax == D("20000.01")
    assert estimate.net_to_heirs == D("1180000.04")


@pytest.mark.parametrize(
    ("exemption", "brackets", "message"),
    [
        ("-1", (("0", "0.4"),), "exemption"),
        ("0", (), "at least one bracket"),
        ("0", (("100", "0.4"),), "threshold of 0"),
        ("0", (("0", "0.1"), ("200", "0.2"), ("100", "0.3")), "ascend"),
        ("0", (("0", "0.1"), ("100", "0.2"), ("100", "0.3")), "ascend"),
        ("0", (("0", "-0.01"),), r"within \[0, 1\]"),
        ("0", (("0", "1.01"),), r"within \[0, 1\]"),
    ],
)
def test_invalid_schedules_are_rejected(
    exemption: str, brackets: tuple[tuple[str, str], ...], message: str
) -> None:
    # Arrange
    parsed = tuple((D(threshold), D(rate)) for threshold, rate in brackets)

    # Act / Assert
    with pytest.raises(InvalidEstateTaxSchedule, match=message) as raised:
        EstateTaxSchedule(D(exemption), parsed)
    assert raised.value.code == "INVALID_ESTATE_TAX_SCHEDULE"


def test_rates_of_zero_and_one_are_allowed() -> None:
    # Arrange
    schedule = EstateTaxSchedule(D(0), ((D(0), D(0)), (D(100), D(1))))

    # Act
    estimate = estimate_estate_tax(D(150), schedule)

    # Assert: 100 * 0 + 50 * 1 = 50
    assert estimate.tax == D("50.00")


def test_negative_gross_estate_is_rejected() -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidSuccessionAmount):
        estimate_estate_tax(D("-0.01"))
