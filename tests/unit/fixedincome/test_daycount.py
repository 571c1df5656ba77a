"""Day counts: hand-worked fractions, QuantLib's day counters on random dates, invariants."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.fixedincome.daycount import (
    DayCount,
    add_months,
    parse_day_count,
    thirty_360_days,
    year_fraction,
)
from domain.fixedincome.errors import InvalidBondInput

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("d1", "d2", "us", "days"),
    [
        (date(2026, 1, 15), date(2026, 7, 15), True, 180),
        (date(2026, 1, 31), date(2026, 3, 31), True, 60),  # D1 31 -> 30, then D2 31 -> 30
        (date(2026, 1, 30), date(2026, 3, 31), False, 60),
        (date(2026, 1, 29), date(2026, 3, 31), False, 62),  # D1 < 30: D2 stays 31
        # End of February: US treats it as day 30, Bond Basis does not.
        (date(2026, 2, 28), date(2026, 8, 31), True, 180),
        (date(2026, 2, 28), date(2026, 8, 31), False, 183),
        (date(2024, 2, 29), date(2025, 2, 28), True, 360),
        (date(2024, 2, 29), date(2025, 2, 28), False, 359),
    ],
)
def test_thirty_360_by_hand(d1: date, d2: date, us: bool, days: int) -> None:
    # Act / Assert
    assert thirty_360_days(d1, d2, us=us) == days


def test_act_365f_and_act_act_isda_by_hand() -> None:
    # Arrange: 2023-07-01 .. 2024-07-01 spans 184 days of 2023 and 182 of leap 2024.
    d1, d2 = date(2023, 7, 1), date(2024, 7, 1)

    # Act / Assert
    assert year_fraction(DayCount.ACT_365F, d1, d2) == 366 / 365
    assert year_fraction(DayCount.ACT_ACT_ISDA, d1, d2) == pytest.approx(
        184 / 365 + 182 / 366, abs=1e-15
    )


def test_act_act_icma_is_the_share_of_the_reference_period() -> None:
    # Arrange: a semiannual period of 181 days, 59 of them elapsed.
    start, end = date(2026, 1, 15), date(2026, 7, 15)

    # Act
    elapsed = year_fraction(DayCount.ACT_ACT_ICMA, start, date(2026, 3, 15), start, end)
    whole = year_fraction(DayCount.ACT_ACT_ICMA, start, end, start, end)

    # Assert
    assert whole == 0.5
    assert elapsed == pytest.approx(0.5 * 59 / 181, abs=1e-15)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2028, 8, 31), -6, date(2028, 2, 29)),
        (date(2026, 1, 15), -3, date(2025, 10, 15)),
        (date(2026, 5, 31), -480, date(1986, 5, 31)),
    ],
)
def test_add_months_clamps_the_day(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_an_unknown_day_count_names_the_field() -> None:
    with pytest.raises(InvalidBondInput) as error:
        parse_day_count("ACT/360")
    assert error.value.field == "day_count"
    assert "30/360 US" in error.value.message


@given(dates, dates)
def test_fractions_are_antisymmetric(d1: date, d2: date) -> None:
    for convention in (DayCount.ACT_365F, DayCount.ACT_ACT_ISDA):
        assert year_fraction(convention, d1, d2) == pytest.approx(
            -year_fraction(convention, d2, d1), abs=1e-12
        )


@given(dates, dates, dates)
def test_actual_fractions_add_up(d1: date, d2: date, d3: date) -> None:
    # ACT/365F and ACT/ACT ISDA count every day once: additive over any middle date.
    for convention in (DayCount.ACT_365F, DayCount.ACT_ACT_ISDA):
        whole = year_fraction(convention, d1, d3)
        parts = year_fraction(convention, d1, d2) + year_fraction(convention, d2, d3)
        assert whole == pytest.approx(parts, abs=1e-12)


def test_every_day_count_equals_quantlibs_on_random_dates() -> None:
    # Arrange
    ql = pytest.importorskip("QuantLib", reason="QuantLib (a dev dependency) is not installed")
    counters = {
        DayCount.THIRTY_360_US: ql.Thirty360(ql.Thirty360.USA),
        DayCount.THIRTY_360_BOND_BASIS: ql.Thirty360(ql.Thirty360.BondBasis),
        DayCount.ACT_365F: ql.Actual365Fixed(),
        DayCount.ACT_ACT_ISDA: ql.ActualActual(ql.ActualActual.ISDA),
    }
    rng = random.Random(19)
    worst = 0.0

    # Act
    for _ in range(5_000):
        d1 = date(2000, 1, 1) + timedelta(days=rng.randrange(12_000))
        d2 = d1 + timedelta(days=rng.randrange(2_000))
        if rng.random() < 0.3:  # plenty of month ends of February
            d1 = date(d1.year, 2, 29 if d1.year % 4 == 0 else 28)  # no 2100 in range
        if rng.random() < 0.3:  # and of the 31st (or the 1st-3rd after a short month)
            d2 = date(d2.year, d2.month, 28) + timedelta(days=3)
        q1, q2 = ql.Date(d1.day, d1.month, d1.year), ql.Date(d2.day, d2.month, d2.year)
        for convention, counter in counters.items():
            gap = abs(year_fraction(convention, d1, d2) - counter.yearFraction(q1, q2))
            worst = max(worst, gap)

    # Assert
    assert worst < 1e-14
