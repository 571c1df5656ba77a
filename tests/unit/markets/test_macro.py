"""domain/analytics/macro.py: inflation, annualized growth, differences, the Sahm rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.analytics.macro import (
    Observation,
    annualized_change,
    changes,
    difference,
    latest,
    months_before,
    percent_change,
    sahm_rule,
)

D = Decimal


def monthly(start: date, values: list[str | None]) -> list[Observation]:
    out = []
    for i, v in enumerate(values):
        index = start.year * 12 + start.month - 1 + i
        out.append(Observation(date(index // 12, index % 12 + 1, 1), None if v is None else D(v)))
    return out


def test_months_before_clamps_to_the_month_end() -> None:
    # Act / Assert
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2024, 1, 1), 12) == date(2023, 1, 1)
    assert months_before(date(2024, 1, 15), 13) == date(2022, 12, 15)


def test_year_on_year_inflation_by_hand() -> None:
    # Arrange: CPI 300.000 a year before, 309.000 now
    cpi = monthly(date(2023, 1, 1), ["300.000", *["301"] * 11, "309.000"])

    # Act
    yoy = percent_change(cpi, date(2024, 1, 20), 12)

    # Assert: (309 / 300 - 1) x 100 = 3 %
    assert yoy.day == date(2024, 1, 1)
    assert yoy.value == pytest.approx(3.0)


def test_a_missing_base_month_gives_no_figure_rather_than_a_neighbour() -> None:
    # Arrange: the month 12 back has no value (FRED's '.')
    cpi = monthly(date(2023, 1, 1), [None, *["301"] * 11, "309"])

    # Act / Assert
    assert percent_change(cpi, date(2024, 1, 1), 12).value is None


def test_gdp_growth_at_an_annual_rate_by_hand() -> None:
    # Arrange: real GDP 20,000 then 20,100 a quarter later
    gdp = [Observation(date(2024, 1, 1), D("20000")), Observation(date(2024, 4, 1), D("20100"))]

    # Act
    saar = annualized_change(gdp, date(2024, 6, 30), 3)

    # Assert: (20100 / 20000) ^ 4 - 1 = 2.0150... %
    assert saar.day == date(2024, 4, 1)
    assert saar.value == pytest.approx(((20100 / 20000) ** 4 - 1) * 100)
    assert saar.value == pytest.approx(2.01505, abs=1e-5)


def test_difference_and_latest_skip_days_without_a_value() -> None:
    # Arrange: the last month has no value yet
    rate = monthly(date(2024, 1, 1), ["3.7", "3.9", "4.1", None])

    # Act
    newest = latest(rate, date(2024, 12, 31))
    change = difference(rate, date(2024, 12, 31), 2)

    # Assert: the latest with a value is March (4.1); 4.1 - 3.7 = 0.4 pp
    assert newest == Observation(date(2024, 3, 1), D("4.1"))
    assert change.value == pytest.approx(0.4)


def test_the_sahm_rule_triggers_at_half_a_point() -> None:
    # Arrange: 12 months at 3.5 %, then 4.0, 4.0, 4.1 (15 months in all)
    rate = monthly(date(2023, 1, 1), ["3.5"] * 12 + ["4.0", "4.0", "4.1"])

    # Act
    reading = sahm_rule(rate, date(2024, 3, 31))

    # Assert: now the 3-month average is (4.0 + 4.0 + 4.1) / 3 = 4.0333; the lowest 3-month
    # average of the 12 months before is 3.5: 0.5333 >= 0.50
    assert reading is not None
    assert reading.day == date(2024, 3, 1)
    assert reading.prior_twelve_month_low == D("3.5")
    assert float(reading.value) == pytest.approx(0.5333, abs=1e-4)
    assert reading.triggered


def test_the_sahm_rule_needs_fifteen_months() -> None:
    # Act / Assert
    assert sahm_rule(monthly(date(2023, 1, 1), ["3.5"] * 14), date(2024, 12, 1)) is None
    quiet = sahm_rule(monthly(date(2023, 1, 1), ["3.5"] * 15), date(2024, 12, 1))
    assert quiet is not None and not quiet.triggered and quiet.value == 0


def test_changes_in_one_pass_agree_with_the_single_figures() -> None:
    # Arrange: 30 months of an index with a gap
    values = [f"{300 + 1.5 * i:.3f}" if i != 7 else None for i in range(30)]
    index = monthly(date(2022, 1, 1), values)

    # Act
    yoy = dict(changes(index, 12, "percent"))
    annual = dict(changes(index, 3, "annualized"))
    diff = dict(changes(index, 1, "difference"))

    # Assert: every figure the same as the one-at-a-time function's; the gap's months None
    for o in index:
        assert yoy[o.day] == (percent_change(index, o.day, 12).value if o.value else None)
        assert annual[o.day] == (annualized_change(index, o.day, 3).value if o.value else None)
        assert diff[o.day] == (difference(index, o.day, 1).value if o.value else None)
    assert yoy[date(2023, 8, 1)] is None  # its base, 2022-08, has no value
