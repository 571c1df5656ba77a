"""Federal brackets and capital-gains netting: Rev. Proc. 2024-40 figures, worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.tax.brackets import (
    BRACKETS_2025_MARRIED_JOINT,
    BRACKETS_2025_SINGLE,
    InvalidTaxInput,
    capital_gains_year,
    flat_rates,
    schedule,
)

D = Decimal


@pytest.mark.parametrize(
    ("brackets", "income", "tax"),
    [
        # Rev. Proc. 2024-40 section 3.01 tables: "$5,578.50 plus 22% of the excess over $48,475"
        (BRACKETS_2025_SINGLE, D(48475), D("5578.50")),
        (BRACKETS_2025_SINGLE, D(100000), D("16914.00")),  # 5578.50 + 0.22 x 51525
        (BRACKETS_2025_SINGLE, D(103350), D("17651.00")),
        (BRACKETS_2025_SINGLE, D(197300), D("40199.00")),
        (BRACKETS_2025_SINGLE, D(250525), D("57231.00")),
        (BRACKETS_2025_SINGLE, D(700000), D("216020.25")),  # 188769.75 + 0.37 x 73650
        (BRACKETS_2025_MARRIED_JOINT, D(96950), D("11157.00")),
        (BRACKETS_2025_MARRIED_JOINT, D(394600), D("80398.00")),
        (BRACKETS_2025_MARRIED_JOINT, D(501050), D("114462.00")),
        (BRACKETS_2025_MARRIED_JOINT, D(751600), D("202154.50")),
        # "$35,302 plus 24% of the excess over $206,700"
        (BRACKETS_2025_MARRIED_JOINT, D(206700), D("35302.00")),
        (BRACKETS_2025_MARRIED_JOINT, D(250000), D("45694.00")),  # 35302 + 0.24 x 43300
        (BRACKETS_2025_SINGLE, D(0), D(0)),
    ],
)
def test_ordinary_tax_matches_the_rev_proc_tables(brackets, income, tax):
    # Arrange / Act
    computed = brackets.ordinary.tax(income)

    # Assert
    assert computed == tax


def test_top_bracket_base_amount_of_the_rev_proc():
    # Arrange: "$188,769.75 plus 37% of the excess over $626,350" (single)
    base = BRACKETS_2025_SINGLE.ordinary.tax(D(626350))

    # Act / Assert
    assert base == D("188769.75")
    assert BRACKETS_2025_SINGLE.ordinary.tax(D(700000)) == D("188769.75") + D("0.37") * 73650


def test_marginal_rates_at_the_bracket_edges():
    # Arrange
    ordinary = BRACKETS_2025_SINGLE.ordinary

    # Act / Assert: a bracket's rate starts at its lower bound
    assert ordinary.rate_at(D(11924)) == D("0.10")
    assert ordinary.rate_at(D(11925)) == D("0.12")
    assert BRACKETS_2025_SINGLE.capital_gains.rate_at(D(48349)) == D(0)
    assert BRACKETS_2025_SINGLE.capital_gains.rate_at(D(533400)) == D("0.20")


def test_long_term_gain_is_stacked_on_ordinary_income():
    # Arrange: single, $40,000 ordinary taxable income, $20,000 net long-term gain.
    # 0% band up to $48,350 total: 8,350 at 0%, 11,650 at 15% = 1,747.50;
    # ordinary tax on 40,000 = 1,192.50 + 0.12 x 28,075 = 4,561.50.

    # Act
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(40000), D(0), D(20000))

    # Assert
    assert year.preferential_taxed == D(20000)
    assert year.ordinary_taxed == D(40000)
    assert year.tax == D("6309.00")


def test_short_term_gain_is_taxed_as_ordinary_income():
    # Arrange / Act: 100,000 ordinary + 5,000 short-term gain = tax on 105,000
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(100000), D(5000), D(0))

    # Assert: 16,914 + 0.22 x 3,350 + 0.24 x 1,650 = 18,047.00
    assert year.ordinary_taxed == D(105000)
    assert year.tax == D("18047.00")


def test_short_loss_offsets_long_gain_and_the_rest_keeps_long_character():
    # Arrange / Act: ST -4,000, LT +10,000 -> net LT gain 6,000 at LTCG rates
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(100000), D(-4000), D(10000))

    # Assert
    assert year.net_capital_gain_or_loss == D(6000)
    assert year.preferential_taxed == D(6000)
    assert year.tax == D("16914.00") + D("900.00")


def test_net_loss_offsets_3000_of_ordinary_income_and_carries_the_rest_by_character():
    # Arrange: ST -1,000, LT -5,000 (Capital Loss Carryover Worksheet, Pub 550):
    # the $3,000 deduction uses the 1,000 short-term loss first, then 2,000 of the long.

    # Act
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(100000), D(-1000), D(-5000))

    # Assert
    assert year.ordinary_offset == D(3000)
    assert year.carryforward_short == D(0)
    assert year.carryforward_long == D(3000)
    assert year.ordinary_taxed == D(97000)


def test_gain_on_one_side_reduces_the_other_sides_carryover():
    # Arrange / Act: ST -10,000, LT +2,000 -> net -8,000; 3,000 deducted; 5,000 short carries
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(60000), D(-10000), D(2000))

    # Assert
    assert (year.carryforward_short, year.carryforward_long) == (D(5000), D(0))


def test_prior_carryovers_net_first():
    # Arrange / Act: 4,000 short-term carryover against a 4,000 short-term gain
    year = capital_gains_year(
        BRACKETS_2025_SINGLE, D(50000), D(4000), D(0), carryover_short=D(4000)
    )

    # Assert
    assert year.net_short == D(0)
    assert year.tax == BRACKETS_2025_SINGLE.ordinary.tax(D(50000)).quantize(D("0.01"))


def test_deduction_never_takes_taxable_income_below_zero():
    # Arrange / Act: 1,000 of ordinary income can absorb only 1,000 of a 5,000 loss
    year = capital_gains_year(BRACKETS_2025_SINGLE, D(1000), D(-5000), D(0))

    # Assert
    assert year.ordinary_offset == D(1000)
    assert year.carryforward_short == D(4000)


def test_flat_rates_are_one_bracket_schedules():
    # Arrange
    flat = flat_rates(D("0.35"), D("0.15"))

    # Act
    year = capital_gains_year(flat, D(0), D(1000), D(2000))

    # Assert
    assert year.tax == D("650.00")


@pytest.mark.parametrize(
    "pairs",
    [[], [(100, "0.1")], [(0, "0.1"), (0, "0.2")], [(0, "1.5")], [(0, "-0.1")]],
)
def test_bad_schedules_are_refused_naming_the_field(pairs):
    # Act / Assert
    with pytest.raises(InvalidTaxInput) as caught:
        schedule(pairs)
    assert caught.value.field == "brackets"


money = st.integers(min_value=-500_000, max_value=500_000).map(Decimal)


@given(income=st.integers(0, 1_000_000).map(Decimal), short=money, long=money)
def test_losses_are_all_accounted_for(income, short, long):
    # Act
    year = capital_gains_year(BRACKETS_2025_SINGLE, income, short, long)

    # Assert: a net loss is deducted or carried, never lost or invented
    loss = max(-(short + long), D(0))
    assert year.ordinary_offset + year.carryforward_short + year.carryforward_long == loss
    assert year.ordinary_offset <= D(3000)
    assert year.tax >= 0


@given(income=st.integers(0, 1_000_000).map(Decimal), short=money, long=money)
def test_more_gain_never_costs_less_tax(income, short, long):
    # Act
    base = capital_gains_year(BRACKETS_2025_SINGLE, income, short, long).tax
    more_short = capital_gains_year(BRACKETS_2025_SINGLE, income, short + 1000, long).tax
    more_long = capital_gains_year(BRACKETS_2025_SINGLE, income, short, long + 1000).tax

    # Assert
    assert more_short >= base
    assert more_long >= base
