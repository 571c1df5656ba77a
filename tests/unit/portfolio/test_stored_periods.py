"""Periods of a holdings book priced by daily closes: boundaries, the close in force, weights
and the chained daily level (hand-worked)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from domain.market_data.daily_closes import DailyCloses, day_array
from domain.portfolio.stored_periods import PeriodLength, book_weights, boundaries, daily_level

D = [date(2024, 1, d) for d in range(1, 10)]


def test_monthly_boundaries_keep_the_day_or_the_months_last() -> None:
    found = boundaries(date(2024, 1, 31), date(2024, 4, 15), PeriodLength.MONTHLY)
    assert found == (date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 15))


def test_weekly_boundaries_step_seven_days_and_end_on_the_end() -> None:
    found = boundaries(date(2024, 3, 1), date(2024, 3, 15), PeriodLength.WEEKLY)
    assert found == (date(2024, 3, 1), date(2024, 3, 8), date(2024, 3, 15))


def test_the_close_in_force_is_the_last_on_or_before_the_day_within_its_age() -> None:
    # Arrange: closes on the 2nd and the 5th
    closes = DailyCloses.from_pairs([(D[1], 10.0), (D[4], 11.0)])

    # Act / Assert
    assert closes.on_or_before(D[0]) is None
    assert closes.on_or_before(D[3]) == 10.0 and closes.on_or_before(D[4]) == 11.0
    assert closes.on_or_before(D[8], max_age=3) is None  # 4 days old
    assert closes.on_or_before(D[7], max_age=3) == 11.0
    assert np.isnan(closes.at(day_array([D[0]]))[0])
    assert closes.at(day_array([D[2], D[6]])).tolist() == [10.0, 11.0]


def test_weights_are_each_symbols_value_over_the_books() -> None:
    assert book_weights({"A": 2.0, "B": 1.0}, {"A": 10.0, "B": 60.0}) == {"A": 0.25, "B": 0.75}


def test_the_level_chains_each_periods_book_and_carries_the_first_back() -> None:
    # Arrange: A 10, 10, 11, 12 on the 1st to 4th; B 5 on the 3rd, 6 on the 4th.
    # Periods 2nd-3rd holding 2 A, 3rd-4th holding 1 B.
    closes = {
        "A": DailyCloses.from_pairs([(D[0], 10.0), (D[1], 10.0), (D[2], 11.0), (D[3], 12.0)]),
        "B": DailyCloses.from_pairs([(D[2], 5.0), (D[3], 6.0)]),
    }

    # Act
    days, levels = daily_level([{"A": 2.0}, {"B": 1.0}], [D[1], D[2], D[3]], closes, D[0])

    # Assert: 1 on the 1st and 2nd (carried back), 22/20 on the 3rd, 1.1 x 6/5 on the 4th
    assert days.tolist() == D[:4]
    assert levels.tolist() == pytest.approx([1.0, 1.0, 1.1, 1.32], abs=1e-15)
    assert math.isclose(levels[-1] / levels[1], 1.1 * 1.2)
