"""2s10s / 3m10y spreads and inversion periods, worked by hand on small tables."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.fixedincome.curve import (
    SPREAD_2S10S,
    SPREAD_3M10Y,
    DailySpread,
    InversionPeriod,
    daily_spreads,
    inversion_periods,
    inversions,
)

D = Decimal


def day(n: int) -> date:
    return date(2024, 7, 1) + timedelta(days=n)


def test_spreads_are_exact_decimal_differences_on_days_both_series_have() -> None:
    # Arrange: day 2 has no DGS2 value ('.'), day 3 no DGS10 row at all
    ten = {day(0): D("4.36"), day(1): D("4.48"), day(2): D("4.43"), day(4): D("4.28")}
    two = {day(0): D("4.71"), day(1): D("4.77"), day(2): None, day(3): D("4.67"), day(4): D("4.28")}

    # Act
    spreads = daily_spreads(ten, two)

    # Assert
    assert spreads == [
        DailySpread(day(0), D("-0.35")),
        DailySpread(day(1), D("-0.29")),
        DailySpread(day(4), D("0.00")),
    ]


def test_periods_are_runs_below_zero_with_their_dates_depth_and_length() -> None:
    # Arrange (spreads in percentage points, oldest first):
    #   d0 +0.10 | d1 -0.05 d2 -0.20 d3 -0.20 | d6 0.00 | d7 -0.01 | d9 +0.3 | d10 -0.4
    spreads = [
        DailySpread(day(0), D("0.10")),
        DailySpread(day(1), D("-0.05")),
        DailySpread(day(2), D("-0.20")),
        DailySpread(day(3), D("-0.20")),  # as deep as day 2: the first is named
        DailySpread(day(6), D("0.00")),  # zero is not inverted
        DailySpread(day(7), D("-0.01")),
        DailySpread(day(9), D("0.30")),
        DailySpread(day(10), D("-0.40")),
    ]

    # Act
    periods = inversion_periods(spreads)

    # Assert
    assert periods == [
        InversionPeriod(day(1), day(3), D("-0.20"), day(2), 3, 3, False, False),
        InversionPeriod(day(7), day(7), D("-0.01"), day(7), 1, 1, False, False),
        InversionPeriod(day(10), day(10), D("-0.40"), day(10), 1, 1, False, True),
    ]


def test_a_gap_in_the_data_neither_breaks_nor_extends_a_run() -> None:
    # Arrange: Friday and Monday inverted, the weekend has no rows; a holiday row is '.'
    ten = {date(2024, 7, 5): D("4.28"), date(2024, 7, 8): D("4.30"), date(2024, 7, 4): None}
    short = {date(2024, 7, 5): D("5.46"), date(2024, 7, 8): D("5.48"), date(2024, 7, 4): None}

    # Act
    periods = inversion_periods(daily_spreads(ten, short))

    # Assert: one period, 2 observed days over 4 calendar days, open at both ends
    assert periods == [
        InversionPeriod(
            date(2024, 7, 5), date(2024, 7, 8), D("-1.18"), date(2024, 7, 5), 2, 4, True, True
        )
    ]


def test_both_measures_from_the_three_series() -> None:
    # Arrange: 3m10y inverted throughout, 2s10s only on the second day
    values = {
        "DGS10": {day(0): D("4.30"), day(1): D("4.20")},
        "DGS2": {day(0): D("4.25"), day(1): D("4.25")},
        "DGS3MO": {day(0): D("5.40"), day(1): D("5.45")},
    }

    # Act
    by_name = {r.measure.name: r for r in inversions(values)}

    # Assert
    assert by_name["2s10s"].measure == SPREAD_2S10S
    assert [s.spread for s in by_name["2s10s"].spreads] == [D("0.05"), D("-0.05")]
    assert [(p.start, p.end, p.days) for p in by_name["2s10s"].periods] == [(day(1), day(1), 1)]
    assert by_name["3m10y"].measure == SPREAD_3M10Y
    assert [(p.start, p.end, p.deepest_spread) for p in by_name["3m10y"].periods] == [
        (day(0), day(1), D("-1.25"))
    ]
    assert by_name["3m10y"].inverted_days == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-50, 50), max_size=60))
def test_periods_cover_exactly_the_inverted_days(cents: list[int]) -> None:
    # Arrange
    spreads = [DailySpread(day(i), D(c) / 100) for i, c in enumerate(cents)]

    # Act
    periods = inversion_periods(spreads)

    # Assert: the inverted days are the union of the periods, which do not touch
    inverted = {s.day for s in spreads if s.spread < 0}
    covered = {d for p in periods for d in (day(n) for n in range(60)) if p.start <= d <= p.end}
    assert covered == inverted
    assert sum(p.days for p in periods) == len(inverted)
    for before, after in pairwise(periods):
        assert (after.start - before.end).days >= 2
    for p in periods:
        assert p.deepest_spread == min(s.spread for s in spreads if p.start <= s.day <= p.end)
