"""Holding term (IRS Publication 550, "Holding Period"): long iff sold after the anniversary."""

from __future__ import annotations

import pytest

from domain.tax.holding import anniversary, holding_days, holding_term
from domain.tax.methods import Term
from tests.unit.tax.helpers import d


@pytest.mark.parametrize(
    ("acquired", "sold", "term"),
    [
        ("2023-01-10", "2024-01-10", Term.SHORT),  # 365 days: on the anniversary
        ("2023-01-10", "2024-01-11", Term.LONG),  # 366 days: the day after
        ("2023-03-01", "2024-03-01", Term.SHORT),  # 366 days across Feb 29: the anniversary
        ("2023-03-01", "2024-03-02", Term.LONG),
        ("2024-02-29", "2025-02-28", Term.SHORT),  # leap day: anniversary is Feb 28
        ("2024-02-29", "2025-03-01", Term.LONG),
        ("2024-01-10", "2024-01-10", Term.SHORT),
        ("2020-01-01", "2024-06-01", Term.LONG),
    ],
)
def test_holding_term_boundaries(acquired: str, sold: str, term: Term) -> None:
    assert holding_term(d(acquired), d(sold)) is term


def test_anniversary_of_leap_day_and_days_held() -> None:
    assert anniversary(d("2024-02-29")) == d("2025-02-28")
    assert anniversary(d("2023-07-04")) == d("2024-07-04")
    assert holding_days(d("2024-01-02"), d("2024-03-01")) == 59
