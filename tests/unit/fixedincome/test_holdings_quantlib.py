"""Stored bond holdings (domain/fixedincome/holdings.py) against QuantLib's FixedRateBond of the
same terms: yield from the mark, durations, convexity, DV01, shocked repricing per holding and
for the book, the market-value weighted totals; and the holdings that are skipped.

QuantLib's bond: a Backward schedule from the issue date to maturity, NullCalendar /
Unadjusted, the terms' day count for coupons and yield, the yield compounded at the coupon
frequency (tests/unit/fixedincome/test_bonds_quantlib.py). Quantities are hundreds of face.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from domain.fixedincome.bonds import Bond
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.errors import InvalidBondInput
from domain.fixedincome.holdings import (
    BondHolding,
    PriceSource,
    SkippedHolding,
    analyse_holdings,
    bond_of,
)
from domain.fixedincome.terms import BondTerms
from tests.unit.fixedincome.test_bonds_quantlib import COUNTERS, FREQUENCIES, qdate

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

ql: Any = pytest.importorskip("QuantLib", reason="QuantLib (a dev dependency) is not installed")

SETTLE = date(2026, 3, 10)
SHIFTS = (-200.0, -100.0, -50.0, 50.0, 100.0, 200.0)
D = Decimal

TREASURY = BondTerms(D(1000), D("0.0425"), 2, date(2021, 5, 15), date(2031, 5, 15),
                     DayCount.ACT_ACT_ICMA)  # fmt: skip
# Issued inside the coupon period holding the settlement date: a short first coupon.
CORPORATE = BondTerms(D(1000), D("0.055"), 2, date(2026, 1, 10), date(2029, 9, 20),
                      DayCount.THIRTY_360_US)  # fmt: skip
MUNICIPAL = BondTerms(D(5000), D("0.035"), 4, date(2016, 6, 1), date(2036, 6, 1),
                      DayCount.ACT_365F)  # fmt: skip

BOOK = [
    BondHolding("UST-2031", TREASURY, D(250), D("97.25")),  # 25,000 face at its mark
    BondHolding("CORP-2029", CORPORATE, D(100)),  # 10,000 face, no mark: its coupon
    BondHolding("MUNI-2036", MUNICIPAL, D(500), D("101.5")),  # 50,000 face
]


def quantlib(terms: BondTerms, settlement: date, *, clean: float | None = None,
             y: float | None = None) -> dict[str, Any]:  # fmt: skip
    """QuantLib's figures for the terms at `y`, or at the yield of the `clean` price."""
    bond = bond_of(terms)
    schedule = ql.Schedule(
        qdate(terms.issue_date), qdate(terms.maturity), ql.Period(FREQUENCIES[terms.frequency]),
        ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False,
    )  # fmt: skip
    qb = ql.FixedRateBond(0, 100.0, schedule, [bond.coupon_rate], COUNTERS[bond.day_count])
    ql.Settings.instance().evaluationDate = qdate(settlement)
    rate = (COUNTERS[bond.day_count], ql.Compounded, FREQUENCIES[bond.frequency])
    day = qdate(settlement)
    if y is None:
        price = ql.BondPrice(clean, ql.BondPrice.Clean)
        y = ql.BondFunctions.bondYield(qb, price, *rate, day, 1e-14, 500, 0.05)
    accrued = ql.BondFunctions.accruedAmount(qb, day)
    dirty = ql.BondFunctions.cleanPrice(qb, y, *rate, day) + accrued
    modified = ql.BondFunctions.duration(qb, y, *rate, ql.Duration.Modified, day)
    convexity = ql.BondFunctions.convexity(qb, y, *rate, day)
    return {
        "bond": bond,
        "yield_rate": y,
        "dirty": dirty,
        "macaulay": ql.BondFunctions.duration(qb, y, *rate, ql.Duration.Macaulay, day),
        "modified": modified,
        "convexity": convexity,
        "repriced": {
            s: ql.BondFunctions.cleanPrice(qb, y + s * 1e-4, *rate, day) + accrued - dirty
            for s in SHIFTS
        },
    }


def expected_of(holding: BondHolding) -> dict[str, Any]:
    if holding.clean_price is None:
        return quantlib(holding.terms, SETTLE, y=float(holding.terms.coupon_rate))
    return quantlib(holding.terms, SETTLE, clean=float(holding.clean_price))


def test_each_holding_equals_quantlibs_bond_of_the_same_terms() -> None:
    # Act
    book = analyse_holdings(SETTLE, BOOK, SHIFTS)

    # Assert
    assert [h.symbol for h in book.holdings] == ["UST-2031", "CORP-2029", "MUNI-2036"]
    assert [h.price_source for h in book.holdings] == [
        PriceSource.MARK, PriceSource.STATED_COUPON, PriceSource.MARK
    ]  # fmt: skip
    for holding, figures in zip(BOOK, book.holdings, strict=True):
        expected = expected_of(holding)
        a = figures.position.analytics
        face = float(holding.quantity) * 100
        scale = face / 100
        assert figures.position.face == face
        assert a.yield_rate == pytest.approx(expected["yield_rate"], abs=1e-8)
        assert a.dirty_price == pytest.approx(expected["dirty"], abs=1e-8)
        assert a.macaulay_duration == pytest.approx(expected["macaulay"], abs=1e-8)
        assert a.modified_duration == pytest.approx(expected["modified"], abs=1e-8)
        assert a.convexity == pytest.approx(expected["convexity"], abs=1e-8)
        assert figures.position.market_value == pytest.approx(expected["dirty"] * scale, abs=1e-6)
        assert figures.position.dv01 == pytest.approx(
            expected["modified"] * expected["dirty"] * 1e-4 * scale, abs=1e-8
        )
        years = (holding.terms.maturity - SETTLE).days / 365
        assert figures.weighted_average_life == pytest.approx(years, abs=1e-12)
        for shock in figures.shocks:
            dy = shock.shift_bp * 1e-4
            linear = -expected["modified"] * expected["dirty"] * dy
            curved = linear + 0.5 * expected["convexity"] * expected["dirty"] * dy * dy
            full = expected["repriced"][shock.shift_bp] * scale
            assert shock.full_change == pytest.approx(full, abs=1e-6)
            assert shock.duration_estimate == pytest.approx(linear * scale, abs=1e-6)
            assert shock.estimate == pytest.approx(curved * scale, abs=1e-6)
            assert shock.error == pytest.approx(curved * scale - full, abs=1e-6)


def test_the_stated_coupon_prices_a_regular_bond_at_par() -> None:
    # Arrange: no mark; settled on a coupon date, the coupon rate as the yield prices a bond
    # of regular periods at 100 (between two coupon dates the street clean price is not par)
    unpriced = BondHolding("UST-2031", TREASURY, D(10))

    # Act
    book = analyse_holdings(date(2025, 11, 15), [unpriced], ())

    # Assert
    a = book.holdings[0].position.analytics
    assert book.holdings[0].price_source is PriceSource.STATED_COUPON
    assert a.yield_rate == 0.0425
    assert a.clean_price == pytest.approx(100.0, abs=1e-10) and a.accrued == 0.0


def test_the_books_totals_are_weighted_by_market_value_and_sum_the_repricings() -> None:
    # Arrange: the figures QuantLib gives each holding, scaled to its face
    expected = [(expected_of(h), float(h.quantity) * 100) for h in BOOK]
    values = [e["dirty"] * face / 100 for e, face in expected]
    total = sum(values)

    def weighted(name: str) -> float:
        return sum(e[name] * v for (e, _), v in zip(expected, values, strict=True)) / total

    # Act
    book = analyse_holdings(SETTLE, BOOK, SHIFTS)

    # Assert
    totals = book.totals
    assert totals is not None and book.yield_rate is not None
    assert totals.total_face == 85_000.0
    assert totals.market_value == pytest.approx(total, abs=1e-6)
    assert book.yield_rate == pytest.approx(weighted("yield_rate"), abs=1e-8)
    assert book.macaulay_duration == pytest.approx(weighted("macaulay"), abs=1e-8)
    assert totals.modified_duration == pytest.approx(weighted("modified"), abs=1e-8)
    assert totals.convexity == pytest.approx(weighted("convexity"), abs=1e-8)
    assert totals.dv01 == pytest.approx(
        sum(e["modified"] * e["dirty"] * 1e-4 * face / 100 for e, face in expected), abs=1e-8
    )
    wal = sum(face * (h.terms.maturity - SETTLE).days / 365
              for (_, face), h in zip(expected, BOOK, strict=True)) / 85_000  # fmt: skip
    assert totals.weighted_average_life == pytest.approx(wal, abs=1e-12)
    for shock in totals.shocks:
        repriced = sum(e["repriced"][shock.shift_bp] * face / 100 for e, face in expected)
        assert shock.full_change == pytest.approx(repriced, abs=1e-6)
        assert shock.full_change == pytest.approx(
            sum(h.shocks[SHIFTS.index(shock.shift_bp)].full_change for h in book.holdings),
            abs=1e-9,
        )
    # a rise in yields loses value, the duration estimate overstates the loss (convexity)
    up = totals.shocks[SHIFTS.index(200.0)]
    assert up.full_change < 0 and up.duration_estimate < up.full_change


def test_holdings_that_cannot_be_priced_are_skipped_with_the_reason() -> None:
    # Arrange
    matured = BondTerms(D(1000), D("0.03"), 2, date(2016, 1, 15), date(2026, 1, 15),
                        DayCount.THIRTY_360_US)  # fmt: skip
    future = BondTerms(D(1000), D("0.04"), 2, date(2026, 6, 1), date(2036, 6, 1),
                       DayCount.THIRTY_360_US)  # fmt: skip
    holdings = [
        BondHolding("OLD", matured, D(10), D(100)),
        BondHolding("NEW", future, D(10), D(100)),
        BondHolding("ZERO-MARK", TREASURY, D(10), D(0)),
        BondHolding("UST-2031", TREASURY, D(10), D("97.25")),
    ]
    earlier = (SkippedHolding("AAPL", "not a bond (equity)"),)

    # Act
    book = analyse_holdings(SETTLE, holdings, SHIFTS, earlier)

    # Assert
    assert [h.symbol for h in book.holdings] == ["UST-2031"]
    reasons = {s.symbol: s.reason for s in book.skipped}
    assert [s.symbol for s in book.skipped] == ["AAPL", "NEW", "OLD", "ZERO-MARK"]
    assert reasons["OLD"] == "matured on 2026-01-15"
    assert reasons["NEW"] == "not issued until 2026-06-01"
    assert reasons["ZERO-MARK"].startswith("clean_price: ")


def test_a_book_with_no_bond_priced_has_no_totals() -> None:
    # Act
    book = analyse_holdings(SETTLE, [], SHIFTS, (SkippedHolding("AAPL", "not a bond"),))

    # Assert
    assert (book.holdings, book.totals, book.yield_rate, book.macaulay_duration) == (
        (), None, None, None
    )  # fmt: skip
    assert book.skipped == (SkippedHolding("AAPL", "not a bond"),)


def test_a_shift_beyond_the_range_is_refused_not_skipped() -> None:
    # Act
    with pytest.raises(InvalidBondInput) as caught:
        analyse_holdings(SETTLE, BOOK, (6_000.0,))

    # Assert
    assert caught.value.field == "shocks_bp"


def test_stored_terms_make_the_pricing_models_bond() -> None:
    # Act
    bond = bond_of(TREASURY)

    # Assert
    assert bond == Bond(date(2031, 5, 15), 0.0425, 2, DayCount.ACT_ACT_ICMA, date(2021, 5, 15))
