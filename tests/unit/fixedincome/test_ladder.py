"""Ladders: WAL and gaps by hand, totals equal the sum of the rungs, refusals name the rung."""

from __future__ import annotations

from datetime import date

import pytest

from domain.fixedincome.bonds import Bond, analyze_bond
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.errors import InvalidBondInput
from domain.fixedincome.ladder import (
    LadderPosition,
    analyze_ladder,
    maturity_gaps,
    weighted_average_life,
)

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

SETTLE = date(2026, 1, 15)
SHIFTS = (-100.0, 25.0, 100.0)


def rung(year: int, face: float, coupon: float = 0.04, y: float = 0.045) -> LadderPosition:
    return LadderPosition(Bond(date(year, 1, 15), coupon, 2, DayCount.ACT_ACT_ICMA), face, y)


def test_weighted_average_life_weights_each_principal_by_its_years() -> None:
    # Arrange: 1,000 in 2 years (730 days) and 3,000 in 4 years (1,461 days), ACT/365F.
    faces = [1_000.0, 3_000.0]
    maturities = [date(2028, 1, 15), date(2030, 1, 15)]

    # Act
    wal = weighted_average_life(SETTLE, faces, maturities)

    # Assert
    assert wal == pytest.approx((1_000 * 730 / 365 + 3_000 * 1461 / 365) / 4_000, abs=1e-14)


def test_gaps_are_the_years_between_first_and_last_without_a_maturity() -> None:
    days = [date(2027, 6, 1), date(2031, 1, 1), date(2027, 12, 31), date(2029, 3, 3)]
    assert maturity_gaps(days) == (2028, 2030)
    assert maturity_gaps([date(2027, 6, 1)]) == ()


def test_ladder_totals_are_the_sums_of_its_rungs() -> None:
    # Arrange
    positions = [rung(2027, 10_000.0), rung(2028, 20_000.0, 0.05), rung(2031, 5_000.0, 0.0)]
    singles = [analyze_bond(p.bond, SETTLE, yield_rate=p.yield_rate) for p in positions]

    # Act
    ladder = analyze_ladder(SETTLE, positions, SHIFTS)

    # Assert
    scales = [p.face / 100 for p in positions]
    market_value = sum(s.dirty_price * k for s, k in zip(singles, scales, strict=True))
    assert ladder.total_face == 35_000.0
    assert ladder.market_value == pytest.approx(market_value, rel=1e-14)
    assert ladder.dv01 == pytest.approx(
        sum(s.dv01 * k for s, k in zip(singles, scales, strict=True)), rel=1e-14
    )
    # Total DV01 = market-value-weighted modified duration x market value / 10,000.
    assert ladder.dv01 == pytest.approx(ladder.modified_duration * ladder.market_value / 1e4)
    assert ladder.gaps == (2029, 2030)
    assert ladder.maturity_years == (2027, 2028, 2031)
    assert (ladder.first_maturity, ladder.last_maturity) == (date(2027, 1, 15), date(2031, 1, 15))
    for k, shift in enumerate(SHIFTS):
        repriced = sum(
            (analyze_bond(p.bond, SETTLE, yield_rate=p.yield_rate + shift / 1e4).dirty_price
             - s.dirty_price) * p.face / 100
            for p, s in zip(positions, singles, strict=True)
        )  # fmt: skip
        assert ladder.shocks[k].shift_bp == shift
        assert ladder.shocks[k].full_change == pytest.approx(repriced, rel=1e-12)
        assert abs(ladder.shocks[k].error) < abs(ladder.shocks[k].full_change) * 0.01


def test_a_rung_priced_from_its_clean_price_solves_its_yield() -> None:
    # Arrange
    position = LadderPosition(Bond(date(2031, 1, 15), 0.05, 2, DayCount.ACT_ACT_ICMA), 100.0,
                              clean_price=95.73489858161207)  # fmt: skip

    # Act
    ladder = analyze_ladder(SETTLE, [position])

    # Assert
    assert ladder.positions[0].analytics.yield_rate == pytest.approx(0.06, abs=1e-12)
    assert ladder.shocks == ()


@pytest.mark.parametrize(
    ("positions", "field"),
    [
        ([], "bonds"),
        ([rung(2027, 1_000.0), rung(2028, -5.0)], "bonds[1].face"),
        ([rung(2027, float("nan"))], "bonds[0].face"),
        ([rung(2027, 1_000.0), rung(2025, 1_000.0)], "bonds[1].settlement"),
        ([rung(2027, 1_000.0, coupon=-0.01)], "bonds[0].coupon_rate"),
    ],
)
def test_a_bad_rung_is_named(positions: list[LadderPosition], field: str) -> None:
    with pytest.raises(InvalidBondInput) as error:
        analyze_ladder(SETTLE, positions)
    assert error.value.field == field
