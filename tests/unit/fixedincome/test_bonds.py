"""Bullet bonds: a textbook bond by closed form, hand-worked accrual, invariants, refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.fixedincome.bonds import (
    Bond,
    analyze_bond,
    cash_flows,
    clean_price,
    dirty_price,
    sensitivities,
    yield_from_price,
)
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.errors import InvalidBondInput

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

SETTLE = date(2026, 1, 15)
MATURITY = date(2031, 1, 15)
LATE_ISSUE = date(2026, 2, 1)  # after SETTLE
TEXTBOOK = Bond(MATURITY, 0.05, 2, DayCount.ACT_ACT_ICMA)  # 5 years, 5% semiannual


def closed_form_price(coupon: float, rate: float, periods: int) -> float:
    """Annuity + discounted redemption, per 100 (per-period coupon and rate)."""
    return coupon / rate * (1 - (1 + rate) ** -periods) + 100 * (1 + rate) ** -periods


def test_textbook_bond_price_duration_and_convexity() -> None:
    # Arrange: 5y 5% semiannual at 6% on a coupon date (Fabozzi's classic): per period a
    # coupon of 2.5 and a rate of 3%, 10 periods.
    y, c, n = 0.03, 0.025, 10
    macaulay_periods = (1 + y) / y - (1 + y + n * (c - y)) / (c * ((1 + y) ** n - 1) + y)
    flows = [(k, 2.5 + (100 if k == n else 0)) for k in range(1, n + 1)]
    convexity_periods = sum(cf * k * (k + 1) / (1 + y) ** (k + 2) for k, cf in flows) / (
        closed_form_price(2.5, y, n)
    )

    # Act
    result = analyze_bond(TEXTBOOK, SETTLE, yield_rate=0.06)

    # Assert
    assert round(result.clean_price, 4) == 95.7349
    assert result.clean_price == pytest.approx(closed_form_price(2.5, y, n), abs=1e-10)
    assert result.accrued == 0.0 and result.dirty_price == result.clean_price
    assert result.macaulay_duration == pytest.approx(macaulay_periods / 2, abs=1e-10)
    assert round(result.macaulay_duration, 4) == 4.4717
    assert result.modified_duration == pytest.approx(macaulay_periods / 2 / 1.03, abs=1e-10)
    assert result.convexity == pytest.approx(convexity_periods / 4, abs=1e-9)
    assert round(result.convexity, 2) == 22.30
    assert result.dv01 == pytest.approx(result.modified_duration * result.dirty_price / 1e4)


def test_dv01_is_first_order_for_a_fall_and_bpv_the_signed_second_order_rise() -> None:
    # Arrange: the textbook bond, repriced in full 1 bp either side.
    base = analyze_bond(TEXTBOOK, SETTLE, yield_rate=0.06)
    rise = analyze_bond(TEXTBOOK, SETTLE, yield_rate=0.0601).dirty_price - base.dirty_price
    fall = analyze_bond(TEXTBOOK, SETTLE, yield_rate=0.0599).dirty_price - base.dirty_price

    # Act
    dv01, bpv = base.dv01, base.bpv

    # Assert: DV01 is positive and between the two full moves (first order: the fall gains a
    # little more, the rise loses a little less); BPV is the rise, to third order.
    assert dv01 > 0 > bpv
    assert -rise < dv01 < fall
    assert bpv == pytest.approx(rise, abs=1e-8)
    assert abs(bpv - rise) < abs(-dv01 - rise) / 100


@pytest.mark.parametrize("day_count", [DayCount.THIRTY_360_US, DayCount.THIRTY_360_BOND_BASIS])
def test_thirty_360_on_the_15th_is_the_textbook_bond(day_count: DayCount) -> None:
    # Act
    result = analyze_bond(Bond(MATURITY, 0.05, 2, day_count), SETTLE, yield_rate=0.06)

    # Assert
    assert result.clean_price == pytest.approx(closed_form_price(2.5, 0.03, 10), abs=1e-10)


def test_mid_period_settlement_accrues_and_compounds_the_fraction() -> None:
    # Arrange: 30/360, settling 2026-03-15: 60 of the period's 180 days have passed.
    bond = Bond(MATURITY, 0.05, 2, DayCount.THIRTY_360_US)

    # Act
    result = analyze_bond(bond, date(2026, 3, 15), yield_rate=0.06)

    # Assert: accrued 5 x 60/360; every flow is 1/3 year nearer than on 2026-01-15.
    assert result.accrued == pytest.approx(5 * 60 / 360, abs=1e-14)
    expected_dirty = closed_form_price(2.5, 0.03, 10) * 1.03 ** (1 / 3)
    assert result.dirty_price == pytest.approx(expected_dirty, abs=1e-10)
    assert result.clean_price == pytest.approx(result.dirty_price - result.accrued, abs=1e-12)
    assert result.flows.accrual_start == SETTLE
    assert result.flows.next_coupon == date(2026, 7, 15)


def test_a_coupon_paid_on_the_settlement_date_belongs_to_the_seller() -> None:
    # Act
    flows = cash_flows(TEXTBOOK, date(2026, 7, 15))

    # Assert
    assert flows.accrued == 0.0
    assert flows.pay_dates[0] == date(2027, 1, 15) and len(flows.pay_dates) == 9
    assert flows.times[0] == 0.5


def test_a_short_first_coupon_pays_its_stub_and_accrues_from_issue() -> None:
    # Arrange: issued 2025-11-15, first coupon 2026-01-15 (60 days of 30/360).
    bond = Bond(MATURITY, 0.05, 2, DayCount.THIRTY_360_US, issue_date=date(2025, 11, 15))

    # Act
    flows = cash_flows(bond, date(2025, 12, 15))

    # Assert
    assert flows.accrual_start == date(2025, 11, 15)
    assert flows.amounts[0] == pytest.approx(5 * 60 / 360, abs=1e-14)
    assert flows.accrued == pytest.approx(5 * 30 / 360, abs=1e-14)
    assert flows.times[0] == pytest.approx(30 / 360, abs=1e-15)


def test_zero_coupon_bond_duration_is_its_time() -> None:
    # Arrange
    bond = Bond(date(2036, 1, 15), 0.0, 1, DayCount.ACT_ACT_ICMA)

    # Act
    result = analyze_bond(bond, SETTLE, yield_rate=0.04)

    # Assert
    assert result.dirty_price == pytest.approx(100 / 1.04**10, abs=1e-11)
    assert result.macaulay_duration == pytest.approx(10.0, abs=1e-12)


bonds = st.builds(
    Bond,
    maturity=st.dates(min_value=date(2026, 6, 1), max_value=date(2060, 12, 31)),
    coupon_rate=st.floats(min_value=0.0, max_value=0.15),
    frequency=st.sampled_from([1, 2, 4]),
    day_count=st.sampled_from(list(DayCount)),
)


@settings(max_examples=150, deadline=None)
@given(bonds, st.floats(min_value=-0.01, max_value=0.25), st.integers(0, 140))
def test_the_yield_of_a_price_is_the_yield_that_gave_it(bond: Bond, y: float, days: int) -> None:
    # Arrange
    flows = cash_flows(bond, date(2026, 1, 1) + timedelta(days=days))
    price = clean_price(flows, y)

    # Act
    solved = yield_from_price(flows, price)

    # Assert: the price is met to 1e-9 per 100 (a yield gap shows only as slope x gap).
    assert dirty_price(flows, solved) == pytest.approx(price + flows.accrued, abs=1e-9)
    assert solved == pytest.approx(y, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(bonds, st.floats(min_value=0.0, max_value=0.2))
def test_duration_and_convexity_are_the_price_derivatives(bond: Bond, y: float) -> None:
    # Arrange
    flows = cash_flows(bond, date(2026, 2, 3))
    mid = dirty_price(flows, y)
    h1, h2 = 1e-6, 1e-4  # central differences: O(h^2) truncation, O(eps / h^k) rounding
    slope = (dirty_price(flows, y - h1) - dirty_price(flows, y + h1)) / (2 * h1)
    curve = dirty_price(flows, y + h2) - 2 * mid + dirty_price(flows, y - h2)

    # Act
    s = sensitivities(flows, y)

    # Assert
    assert s.modified == pytest.approx(slope / mid, rel=1e-7)
    assert s.convexity == pytest.approx(curve / (h2 * h2) / mid, rel=1e-4)
    assert s.macaulay == pytest.approx(s.modified * (1 + y / bond.frequency), rel=1e-14)


def test_shocks_convexity_closes_most_of_the_duration_error() -> None:
    # Act
    result = analyze_bond(TEXTBOOK, SETTLE, yield_rate=0.06, shifts_bp=(-100.0, 100.0))

    # Assert
    down, up = result.shocks
    assert up.full_change < 0 < down.full_change
    assert up.dirty_price == pytest.approx(closed_form_price(2.5, 0.035, 10), abs=1e-10)
    for shock in (down, up):
        # Convexity: the full repricing is above the duration line on both sides.
        assert shock.full_change > shock.duration_estimate
        assert abs(shock.error) < abs(shock.duration_estimate - shock.full_change) / 10
        assert shock.error == shock.estimate - shock.full_change


@pytest.mark.parametrize(
    ("bond", "settlement", "fields", "field"),
    [
        (TEXTBOOK, date(2031, 2, 1), {"yield_rate": 0.05}, "settlement"),
        (TEXTBOOK, MATURITY, {"yield_rate": 0.05}, "settlement"),
        (Bond(MATURITY, 0.05, 3, DayCount.ACT_365F), SETTLE, {"yield_rate": 0.05}, "frequency"),
        (Bond(MATURITY, -0.01, 2, DayCount.ACT_365F), SETTLE, {"yield_rate": 0.05}, "coupon_rate"),
        (Bond(date(2130, 1, 1), 0.05, 2, DayCount.ACT_365F), SETTLE, {}, "maturity"),
        (Bond(MATURITY, 0.05, 2, DayCount.ACT_365F, LATE_ISSUE), SETTLE, {}, "issue_date"),
        (TEXTBOOK, SETTLE, {}, "yield_rate"),
        (TEXTBOOK, SETTLE, {"yield_rate": 0.05, "clean": 99.0}, "yield_rate"),
        (TEXTBOOK, SETTLE, {"yield_rate": -2.0}, "yield_rate"),
        (TEXTBOOK, SETTLE, {"yield_rate": float("nan")}, "yield_rate"),
        (TEXTBOOK, SETTLE, {"clean": 0.0}, "clean_price"),
        (TEXTBOOK, SETTLE, {"clean": 1e-9}, "clean_price"),  # needs a yield above 1,000%
        (TEXTBOOK, SETTLE, {"yield_rate": 0.05, "shifts_bp": (-30_000.0,)}, "shocks_bp"),
        (TEXTBOOK, SETTLE, {"yield_rate": -1.9, "shifts_bp": (-1_000.0,)}, "shocks_bp"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field(
    bond: Bond, settlement: date, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidBondInput) as error:
        analyze_bond(bond, settlement, **fields)  # type: ignore[arg-type]
    assert error.value.field == field
    assert error.value.code == "INVALID_BOND_INPUT"
