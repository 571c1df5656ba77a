"""Every bond figure against QuantLib on a grid, within 1e-8.

QuantLib's reference: ql.FixedRateBond on a Backward schedule with NullCalendar / Unadjusted
(no business-day adjustment, no end-of-month rule), the bond's day count for both the coupons
and the yield, and ql.BondFunctions cleanPrice / dirtyPrice / accruedAmount / duration
(Macaulay, Modified) / convexity / bondYield at the yield compounded at the coupon frequency.
Grid per day count and frequency: coupons x yields x settlement dates x maturities (month
ends and February included) x {no issue date, a short first coupon}.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.fixedincome.bonds import Bond, analyze_bond
from domain.fixedincome.daycount import DayCount, add_months

ql: Any = pytest.importorskip("QuantLib", reason="QuantLib (a dev dependency) is not installed")

TOLERANCE = 1e-8
COUPONS = (0.0, 0.0375, 0.08)
YIELDS = (-0.004, 0.02, 0.055, 0.13)
SETTLEMENTS = (date(2026, 2, 27), date(2026, 2, 28), date(2026, 5, 31), date(2026, 11, 15))
MATURITIES = (date(2031, 8, 31), date(2028, 2, 29), date(2045, 11, 15), date(2027, 3, 1))
ISSUE = date(2025, 12, 10)  # before every settlement: a short first period for most schedules
FREQUENCIES = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly}
COUNTERS = {
    DayCount.THIRTY_360_US: ql.Thirty360(ql.Thirty360.USA),
    DayCount.THIRTY_360_BOND_BASIS: ql.Thirty360(ql.Thirty360.BondBasis),
    DayCount.ACT_365F: ql.Actual365Fixed(),
    DayCount.ACT_ACT_ICMA: ql.ActualActual(ql.ActualActual.ISMA),
    DayCount.ACT_ACT_ISDA: ql.ActualActual(ql.ActualActual.ISDA),
}


def qdate(day: date) -> Any:
    return ql.Date(day.day, day.month, day.year)


def quantlib_bond(bond: Bond) -> Any:
    # Without an issue date: a start 40 years back, a whole number of periods for every
    # frequency, so every period after it is regular (as our schedule assumes).
    start = bond.issue_date or add_months(bond.maturity, -480)
    schedule = ql.Schedule(
        qdate(start), qdate(bond.maturity), ql.Period(FREQUENCIES[bond.frequency]),
        ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False,
    )  # fmt: skip
    return ql.FixedRateBond(0, 100.0, schedule, [bond.coupon_rate], COUNTERS[bond.day_count])


def quantlib_figures(bond: Bond, settlement: date, y: float) -> dict[str, float]:
    qb = quantlib_bond(bond)
    ql.Settings.instance().evaluationDate = qdate(settlement)
    rate = (COUNTERS[bond.day_count], ql.Compounded, FREQUENCIES[bond.frequency])
    day = qdate(settlement)
    clean = ql.BondFunctions.cleanPrice(qb, y, *rate, day)
    modified = ql.BondFunctions.duration(qb, y, *rate, ql.Duration.Modified, day)
    accrued = ql.BondFunctions.accruedAmount(qb, day)
    dirty = clean + accrued  # this QuantLib's dirtyPrice takes a curve, not a yield
    return {
        "clean_price": clean,
        "dirty_price": dirty,
        "accrued": accrued,
        "macaulay_duration": ql.BondFunctions.duration(qb, y, *rate, ql.Duration.Macaulay, day),
        "modified_duration": modified,
        "convexity": ql.BondFunctions.convexity(qb, y, *rate, day),
        "dv01": modified * dirty * 1e-4,  # DV01's definition on QuantLib's figures
        "bpv": ql.BondFunctions.basisPointValue(qb, y, *rate, day),
        "yield_rate": ql.BondFunctions.bondYield(
            qb, ql.BondPrice(clean, ql.BondPrice.Clean), *rate, day, 1e-14, 500, 0.05
        ),
    }


@pytest.mark.parametrize("frequency", [1, 2, 4])
@pytest.mark.parametrize("day_count", list(DayCount))
def test_prices_yields_and_risk_equal_quantlibs(day_count: DayCount, frequency: int) -> None:
    # Arrange
    cases = [
        (Bond(maturity, coupon, frequency, day_count, issue), settlement, y)
        for maturity in MATURITIES
        for issue in (None, ISSUE)
        for settlement in SETTLEMENTS
        for coupon in COUPONS
        for y in YIELDS
        if settlement < maturity
    ]
    worst: dict[str, tuple[float, object]] = {}

    # Act
    for bond, settlement, y in cases:
        expected = quantlib_figures(bond, settlement, y)
        from_yield = analyze_bond(bond, settlement, yield_rate=y)
        from_price = analyze_bond(bond, settlement, clean=expected["clean_price"])
        for name, value in expected.items():
            mine = getattr(from_price if name == "yield_rate" else from_yield, name)
            gap = abs(mine - value)
            if gap > worst.get(name, (0.0, None))[0]:
                worst[name] = (gap, (bond, settlement, y))

    # Assert
    assert len(cases) > 300
    failures = {name: entry for name, entry in worst.items() if entry[0] > TOLERANCE}
    assert not failures, failures
