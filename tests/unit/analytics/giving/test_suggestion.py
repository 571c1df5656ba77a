"""The excess-alpha rule, worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.analytics.giving.model import InvalidGivingInput
from domain.analytics.giving.suggestion import suggest_donation

D = Decimal


def test_the_rule_worked_by_hand() -> None:
    # Act: 1,000,000 returned 12% against the benchmark's 7%; keep 2 points; give 10%
    s = suggest_donation(D(1_000_000), D("0.12"), D("0.07"), threshold=D("0.02"), share=D("0.1"))

    # Assert: 0.10 x (0.05 - 0.02) x 1,000,000 = 3,000
    assert (s.alpha, s.excess_alpha) == (D("0.05"), D("0.03"))
    assert s.excess_alpha_value == D(30_000) and s.suggested == D("3000.00") and not s.capped


def test_no_suggestion_below_the_threshold_even_when_beating_the_benchmark() -> None:
    s = suggest_donation(D(500_000), D("0.08"), D("0.07"), threshold=D("0.02"), share=D("0.5"))
    assert s.excess_alpha == D("-0.01") and s.suggested == 0


def test_rounded_down_to_the_cent_and_capped() -> None:
    # Act: 0.1 x 0.0333333 x 100,001 = 333.336...
    s = suggest_donation(D(100_001), D("0.0533333"), D("0.02"), threshold=D(0), share=D("0.1"))
    capped = suggest_donation(D(10**6), D("0.5"), D(0), threshold=D(0), share=D(1), cap=D(1000))

    # Assert
    assert s.suggested == D("333.33")
    assert capped.suggested == D(1000) and capped.capped


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start_value": D(-1)}, "start_value"),
        ({"portfolio_return": D("-1.5")}, "portfolio_return"),
        ({"threshold": D("-0.1")}, "threshold"),
        ({"share": D("1.1")}, "share"),
        ({"cap": D(-5)}, "cap"),
    ],
)
def test_bad_input_names_its_field(kwargs: dict[str, Decimal], field: str) -> None:
    fields = {
        "start_value": D(1), "portfolio_return": D(0), "benchmark_return": D(0),
        "threshold": D(0), "share": D("0.1"), "cap": None, **kwargs,
    }  # fmt: skip
    with pytest.raises(InvalidGivingInput) as caught:
        suggest_donation(
            fields.pop("start_value"),  # type: ignore[arg-type]
            fields.pop("portfolio_return"),  # type: ignore[arg-type]
            fields.pop("benchmark_return"),  # type: ignore[arg-type]
            **fields,  # type: ignore[arg-type]
        )
    assert caught.value.field == field
