"""The deduction under the AGI limits (IRS Publication 526), worked by hand, and its invariants.

Categories: cash 60% of AGI; noncash (property at basis or FMV) 50% of AGI minus the cash
deducted; capital gain property at FMV, the smaller of 30% of AGI and 50% of AGI minus both.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.giving.deduction import classify, deduct_year, rules_for, schedule
from domain.analytics.giving.model import (
    Carryover,
    Donation,
    DonationKind,
    DoneeKind,
    InvalidGivingInput,
    LimitCategory,
)

D = Decimal
CASH, NONCASH, GAIN = LimitCategory.CASH_60, LimitCategory.NONCASH_50, LimitCategory.CAPITAL_GAIN_30


def test_cash_within_60_percent_is_deducted_in_full() -> None:
    # Act
    year = deduct_year(2025, D(100_000), {CASH: D(25_000)}, ())

    # Assert
    assert year.deduction == D(25_000) and year.carryovers_out == ()
    assert year.line(CASH).limit == D(60_000)


def test_cash_above_60_percent_carries_forward() -> None:
    # Act: AGI 100,000, cash 70,000
    year = deduct_year(2025, D(100_000), {CASH: D(70_000)}, ())

    # Assert
    assert year.deduction == D(60_000)
    assert year.carryovers_out == (Carryover(2025, CASH, D(10_000)),)


def test_cash_uses_up_the_50_percent_room_of_appreciated_stock() -> None:
    # Arrange: AGI 100,000; cash 30,000; long-term appreciated stock 30,000 at FMV
    # Act
    year = deduct_year(2025, D(100_000), {CASH: D(30_000), GAIN: D(30_000)}, ())

    # Assert: cash 30,000; stock limited to min(30% x AGI = 30,000, 50% x AGI - 30,000 =
    # 20,000) = 20,000; 10,000 carries forward as capital gain property
    assert year.line(CASH).deducted == D(30_000)
    assert year.line(GAIN).limit == D(20_000) and year.line(GAIN).deducted == D(20_000)
    assert year.deduction == D(50_000)
    assert year.carryovers_out == (Carryover(2025, GAIN, D(10_000)),)


def test_all_three_categories_in_publication_526_order() -> None:
    # Arrange: AGI 100,000; cash 20,000; short-term stock deducted at basis 25,000 (noncash);
    # long-term stock 10,000 at FMV
    # Act
    year = deduct_year(2025, D(100_000), {CASH: D(20_000), NONCASH: D(25_000), GAIN: D(10_000)}, ())

    # Assert: noncash room 50,000 - 20,000 = 30,000 -> 25,000; capital gain room
    # min(30,000, 50,000 - 20,000 - 25,000 = 5,000) -> 5,000; 5,000 carried
    assert [line.limit for line in year.lines] == [D(60_000), D(30_000), D(5_000)]
    assert year.deduction == D(50_000)
    assert year.carryovers_out == (Carryover(2025, GAIN, D(5_000)),)


def test_publication_526_capital_gain_carryover_example() -> None:
    # Arrange (Publication 526, "Carryovers"): last year AGI 50,000 and capital gain property
    # worth 27,000 to a 50% limit organization: 15,000 (30%) deducted, 12,000 carried.
    # This year AGI 60,000 and capital gain property worth 15,000.
    last = deduct_year(2024, D(50_000), {GAIN: D(27_000)}, ())

    # Act
    this = deduct_year(2025, D(60_000), {GAIN: D(15_000)}, last.carryovers_out)

    # Assert: 30% of 60,000 = 18,000: this year's 15,000 first, then 3,000 of the carryover;
    # 9,000 carries on (still from last year)
    assert last.deduction == D(15_000) and last.carryovers_out == (
        Carryover(2024, GAIN, D(12_000)),
    )
    assert this.deduction == D(18_000)
    assert this.line(GAIN).deducted_current == D(15_000)
    assert [(u.origin_year, u.used, u.left) for u in this.line(GAIN).carryovers_used] == [
        (2024, D(3_000), D(9_000))
    ]
    assert this.carryovers_out == (Carryover(2024, GAIN, D(9_000)),)


def test_publication_526_cash_carryover_example() -> None:
    # Arrange (Publication 526, "Carryovers"): a 1,000 cash carryover; this year's AGI 20,000
    # and cash gifts 9,500: 10,500 in all is under 60% of 20,000 = 12,000
    # Act
    year = deduct_year(2025, D(20_000), {CASH: D(9_500)}, [Carryover(2024, CASH, D(1_000))])

    # Assert
    assert year.deduction == D(10_500) and year.carryovers_out == ()


def test_carryovers_are_used_oldest_first_and_expire_after_five_years() -> None:
    # Arrange: cash carryovers from 2019 and 2022; 2024 has little room
    carried = [Carryover(2022, CASH, D(500)), Carryover(2019, CASH, D(800))]

    # Act: AGI 1,000 -> room 600: 2019's 800 first (600 used, 200 left), 2022's waits
    year = deduct_year(2024, D(1_000), {}, carried)

    # Assert: 2019's 200 reached its fifth year (2024) unused: it expires
    assert [(u.origin_year, u.used) for u in year.line(CASH).carryovers_used] == [
        (2019, D(600)), (2022, D(0))
    ]  # fmt: skip
    assert year.expired == (Carryover(2019, CASH, D(200)),)
    assert year.carryovers_out == (Carryover(2022, CASH, D(500)),)


def test_the_year_s_gifts_come_before_carryovers() -> None:
    # Act: room 6,000; a 5,000 gift this year and a 4,000 carryover
    year = deduct_year(2025, D(10_000), {CASH: D(5_000)}, [Carryover(2023, CASH, D(4_000))])

    # Assert
    assert year.line(CASH).deducted_current == D(5_000)
    assert year.line(CASH).deducted_carryover == D(1_000)
    assert year.carryovers_out == (Carryover(2023, CASH, D(3_000)),)


def test_before_2018_cash_was_limited_to_50_percent() -> None:
    # Act
    year = deduct_year(2017, D(100_000), {CASH: D(55_000)}, ())

    # Assert
    assert year.deduction == D(50_000) and rules_for(2017).cash_percent == D("0.5")


def test_a_negative_agi_leaves_no_room() -> None:
    year = deduct_year(2025, D(-5_000), {CASH: D(100)}, ())
    assert year.deduction == 0 and year.carryovers_out == (Carryover(2025, CASH, D(100)),)


def test_the_years_rules_name_their_source_and_caveats() -> None:
    assert "Publication 526" in rules_for(2025).source and rules_for(2025).notes == ()
    assert any("CARES" in n for n in rules_for(2021).notes)
    assert any("P.L. 119-21" in n for n in rules_for(2026).notes)


def test_a_carryover_from_outside_five_years_cannot_be_used() -> None:
    with pytest.raises(ValueError, match="cannot be used"):
        deduct_year(2025, D(1), {}, [Carryover(2019, CASH, D(1))])


def test_a_schedule_carries_through_the_years_and_needs_each_year_s_agi() -> None:
    # Arrange: a big 2023 cash gift; nothing in 2024; AGIs for 2023-2025
    contributions = {2023: {CASH: D(100_000)}}
    agi = {2023: D(100_000), 2024: D(50_000), 2025: D(20_000)}

    # Act
    years = schedule(contributions, agi, 2025)

    # Assert: 60,000 in 2023; 30,000 of the carryover in 2024; the last 10,000 in 2025
    assert [(y.year, y.deduction) for y in years] == [
        (2023, D(60_000)), (2024, D(30_000)), (2025, D(10_000))
    ]  # fmt: skip
    assert years[-1].carryovers_out == ()
    with pytest.raises(InvalidGivingInput) as caught:
        schedule(contributions, {2023: D(100_000), 2025: D(1)}, 2025)
    assert caught.value.field == "agi.2024"


def test_a_schedule_skips_years_with_nothing_to_deduct() -> None:
    # Act: a 2020 gift fully deducted; nothing until 2025 (no AGI needed in between)
    years = schedule({2020: {CASH: D(10)}, 2025: {CASH: D(5)}}, {2020: D(100), 2025: D(100)}, 2025)

    # Assert
    assert [y.year for y in years] == [2020, 2025]


def gift(kind: DonationKind, fmv: str, basis: str | None = None,
         acquired: date | None = None, on: date = date(2025, 6, 1)) -> Donation:  # fmt: skip
    return Donation(
        "g", "u", "GIFT-2025-0001", on, "Charity", DoneeKind.PUBLIC_CHARITY, kind, D(fmv),
        datetime(2025, 6, 1, tzinfo=UTC),
        cost_basis=None if basis is None else D(basis), acquired=acquired,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("donation", "category", "deductible"),
    [
        (gift(DonationKind.CASH, "100"), CASH, D(100)),
        # held more than a year and appreciated: capital gain property at FMV
        (gift(DonationKind.STOCK, "1000", "400", date(2024, 5, 31)), GAIN, D(1000)),
        # exactly on the first anniversary: not more than a year, so basis at 50%
        (gift(DonationKind.STOCK, "1000", "400", date(2024, 6, 1)), NONCASH, D(400)),
        # worth less than its basis: FMV at 50% (sell it and give the cash instead)
        (gift(DonationKind.STOCK, "300", "400", date(2020, 1, 1)), NONCASH, D(300)),
    ],
)
def test_what_a_gift_counts_as(donation: Donation, category: LimitCategory, deductible: D) -> None:
    classified = classify(donation)
    assert (classified.category, classified.deductible) == (category, deductible)


amounts = st.integers(0, 200_000).map(D)


@settings(max_examples=150, deadline=None)
@given(
    agi=st.integers(-10_000, 300_000).map(D),
    cash=amounts, noncash=amounts, gain=amounts,
    carry=st.lists(
        st.tuples(st.integers(2020, 2024), st.sampled_from(list(LimitCategory)), amounts),
        max_size=4,
        unique_by=lambda c: (c[0], c[1]),
    ),
)  # fmt: skip
def test_limits_hold_and_nothing_is_lost_or_made(
    agi: Decimal,
    cash: Decimal,
    noncash: Decimal,
    gain: Decimal,
    carry: list[tuple[int, LimitCategory, Decimal]],
) -> None:
    # Arrange
    carried = [Carryover(y, c, a) for y, c, a in carry]

    # Act
    year = deduct_year(2025, agi, {CASH: cash, NONCASH: noncash, GAIN: gain}, carried)

    # Assert: the caps
    base = max(agi, D(0))
    assert 0 <= year.deduction <= D("0.6") * base
    assert year.line(GAIN).deducted <= D("0.3") * base
    beyond_cash = year.line(NONCASH).deducted + year.line(GAIN).deducted
    assert beyond_cash <= max(D(0), D("0.5") * base - year.line(CASH).deducted)
    # conservation: everything given or carried in is deducted, carried out or expired
    given_in = cash + noncash + gain + sum((c.amount for c in carried), D(0))
    out = sum((c.amount for c in year.carryovers_out), D(0))
    gone = sum((c.amount for c in year.expired), D(0))
    assert given_in == year.deduction + out + gone
    assert all(c.amount > 0 for c in (*year.carryovers_out, *year.expired))
