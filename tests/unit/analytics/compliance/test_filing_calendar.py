"""domain/analytics/compliance: holidays, 13F, 13D / 13G and estimated-tax deadlines by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.compliance.filing_calendar import (
    FilerType,
    Filing,
    InvalidFilingInput,
    Trigger,
    estimated_tax,
    event_deadline,
    form_13f,
    recurring,
)
from domain.analytics.compliance.holidays import (
    HolidayCalendar,
    add_business_days,
    closure,
    federal_holidays,
    is_business_day,
)

SEC, IRS = HolidayCalendar.SEC, HolidayCalendar.IRS


def test_the_federal_holidays_of_2024() -> None:
    # Act
    days = federal_holidays(2024)

    # Assert: the eleven of 5 U.S.C. 6103 on their 2024 dates
    assert sorted(days) == [
        date(2024, 1, 1), date(2024, 1, 15), date(2024, 2, 19), date(2024, 5, 27),
        date(2024, 6, 19), date(2024, 7, 4), date(2024, 9, 2), date(2024, 10, 14),
        date(2024, 11, 11), date(2024, 11, 28), date(2024, 12, 25),
    ]  # fmt: skip


def test_observed_holidays_move_off_the_weekend_even_across_years() -> None:
    # Act / Assert: New Year's Day 2022 fell on a Saturday: observed Friday 2021-12-31;
    # Independence Day 2021 (Sunday): Monday July 5; Juneteenth 2022 (Sunday): June 20
    assert closure(date(2021, 12, 31), SEC) == "New Year's Day"
    assert date(2022, 1, 1) not in federal_holidays(2022)
    assert closure(date(2021, 7, 5), SEC) == "Independence Day"
    assert closure(date(2022, 6, 20), SEC) == "Juneteenth National Independence Day"
    assert closure(date(2020, 6, 19), SEC) is None  # Juneteenth became a holiday in 2021
    assert closure(date(2025, 1, 9), SEC) is not None  # a declared day of mourning
    assert is_business_day(date(2025, 1, 9), IRS)


def test_13f_deadlines_by_hand() -> None:
    # Act
    q4_2024 = form_13f(2024, 4)
    q2_2021 = form_13f(2021, 2)
    q1_2022 = form_13f(2022, 1)

    # Assert: Dec 31 + 45 days = Feb 14 (a Friday in 2025); June 30, 2021 + 45 = Saturday
    # Aug 14 -> Monday Aug 16; March 31, 2022 + 45 = Sunday May 15 -> Monday May 16
    assert (q4_2024.period, q4_2024.period_end, q4_2024.due) == (
        "2024-Q4", date(2024, 12, 31), date(2025, 2, 14),
    )  # fmt: skip
    assert q4_2024.rolled_over == ()
    assert (q2_2021.nominal, q2_2021.due) == (date(2021, 8, 14), date(2021, 8, 16))
    assert q2_2021.rolled_over == ("2021-08-14 Saturday", "2021-08-15 Sunday")
    assert q1_2022.due == date(2022, 5, 16)


def test_estimated_tax_dates_roll_over_weekends_and_dc_emancipation_day() -> None:
    # Act
    tax_2022 = [d.due for d in estimated_tax(2022)]
    tax_2023 = [d.due for d in estimated_tax(2023)]
    tax_2021 = [d.due for d in estimated_tax(2021)]

    # Assert: 2022: April 15 was DC Emancipation Day observed (the 16th a Saturday) -> Monday
    # 18th; 2023: the 15th a Saturday, Monday 17th observed Emancipation Day -> Tuesday 18th;
    # January 15, 2023 a Sunday, Monday 16th MLK Day -> Tuesday 17th; 2021's January 15, 2022
    # a Saturday and MLK Day on Monday 17th -> Tuesday 18th
    assert tax_2022 == [date(2022, 4, 18), date(2022, 6, 15), date(2022, 9, 15),
                        date(2023, 1, 17)]  # fmt: skip
    assert tax_2023 == [date(2023, 4, 18), date(2023, 6, 15), date(2023, 9, 15),
                        date(2024, 1, 16)]  # fmt: skip
    assert tax_2021[3] == date(2022, 1, 18)


def test_schedule_13d_counts_business_days_from_the_day_after() -> None:
    # Act: crossing 5 % on Wednesday 2024-06-12 (Juneteenth on Wednesday the 19th)
    initial = event_deadline(Filing.SCHEDULE_13D, Trigger.CROSSED_5, date(2024, 6, 12))
    amendment = event_deadline(
        Filing.SCHEDULE_13D_AMENDMENT, Trigger.MATERIAL_CHANGE, date(2024, 6, 18)
    )

    # Assert: 13, 14, 17, 18, 20 June (the 19th skipped): Thursday the 20th; the amendment:
    # 2 business days after Tuesday the 18th, skipping the 19th: Friday the 21st
    assert initial.due == date(2024, 6, 20)
    assert amendment.due == date(2024, 6, 21)


def test_schedule_13g_deadlines_by_filer_type() -> None:
    # Act
    passive = event_deadline(
        Filing.SCHEDULE_13G, Trigger.CROSSED_5, date(2024, 11, 1), FilerType.PASSIVE
    )
    qii = event_deadline(
        Filing.SCHEDULE_13G, Trigger.QUARTER_END_ABOVE_5, date(2024, 12, 31), FilerType.QII
    )
    qii_ten = event_deadline(
        Filing.SCHEDULE_13G, Trigger.MONTH_END_ABOVE_10, date(2024, 10, 15), FilerType.QII
    )
    exempt_change = event_deadline(
        Filing.SCHEDULE_13G_AMENDMENT, Trigger.MATERIAL_CHANGE, date(2025, 2, 3),
        FilerType.EXEMPT,
    )  # fmt: skip
    passive_move = event_deadline(
        Filing.SCHEDULE_13G_AMENDMENT, Trigger.CROSSED_10_OR_MOVED_5, date(2024, 11, 8),
        FilerType.PASSIVE,
    )  # fmt: skip

    # Assert: passive: 5 business days after Friday Nov 1 (Veterans Day Monday Nov 11):
    # 4, 5, 6, 7, 8 -> Friday Nov 8. QII: Dec 31 + 45 = Feb 14, 2025. QII above 10 % in
    # October: 5 business days after Oct 31 -> Nov 1, 4, 5, 6, 7 -> Nov 7. Exempt: Q1 2025's
    # end + 45 = May 15, 2025. Passive move on Nov 8: 2 business days, skipping Veterans
    # Day: Nov 12, 13 -> Nov 13
    assert passive.due == date(2024, 11, 8)
    assert qii.due == date(2025, 2, 14)
    assert (qii_ten.period_end, qii_ten.due) == (date(2024, 10, 31), date(2024, 11, 7))
    assert exempt_change.due == date(2025, 5, 15)
    assert passive_move.due == date(2024, 11, 13)


def test_triggers_that_do_not_apply_and_events_before_the_rules_are_refused() -> None:
    # Act / Assert
    with pytest.raises(InvalidFilingInput) as wrong:
        event_deadline(Filing.SCHEDULE_13G, Trigger.CROSSED_5, date(2024, 11, 1), FilerType.QII)
    assert wrong.value.field == "trigger"
    with pytest.raises(InvalidFilingInput) as early:
        event_deadline(Filing.SCHEDULE_13D, Trigger.CROSSED_5, date(2023, 6, 1))
    assert early.value.field == "event_date"
    with pytest.raises(InvalidFilingInput) as no_type:
        event_deadline(Filing.SCHEDULE_13G, Trigger.CROSSED_5, date(2024, 11, 1))
    assert no_type.value.field == "filer_type"


def test_the_recurring_calendar_of_a_window() -> None:
    # Act
    found = recurring({Filing.FORM_13F, Filing.ESTIMATED_TAX}, date(2025, 1, 1), date(2025, 6, 30))

    # Assert: in due order
    assert [(d.filing.value, d.period, d.due) for d in found] == [
        ("1040-ES", "2024 payment 4", date(2025, 1, 15)),
        ("13F-HR", "2024-Q4", date(2025, 2, 14)),
        ("1040-ES", "2025 payment 1", date(2025, 4, 15)),
        ("13F-HR", "2025-Q1", date(2025, 5, 15)),
        ("1040-ES", "2025 payment 2", date(2025, 6, 16)),  # June 15, 2025: a Sunday
    ]
    with pytest.raises(InvalidFilingInput):
        recurring({Filing.FORM_13F}, date(2025, 1, 1), date(2030, 1, 1))


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2090, 12, 31)))
def test_a_due_date_is_a_business_day_on_or_after_the_nominal_one(day: date) -> None:
    # Act
    deadline = form_13f(day.year, (day.month - 1) // 3 + 1)
    five = add_business_days(day, 5, SEC)

    # Assert
    assert deadline.due >= deadline.nominal and is_business_day(deadline.due, SEC)
    assert (deadline.due - deadline.nominal).days <= 4
    assert is_business_day(five, SEC) and five > day
    assert (
        sum(is_business_day(day + timedelta(n), SEC) for n in range(1, (five - day).days + 1)) == 5
    )
