"""domain/analytics/futures.py: worked examples by hand, and the identities."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.futures import (
    CurveShape,
    FuturesQuote,
    InvalidMarketInput,
    NegativePrice,
    crack_spread,
    curve_shape,
    roll_yield,
    term_structure,
)

D = Decimal
AS_OF = date(2024, 6, 3)


def test_the_3_2_1_crack_spread_by_hand() -> None:
    # Arrange: crude 75.00 USD/bbl, RBOB 2.40 USD/gal, heating oil 2.70 USD/gal
    # Act
    crack = crack_spread(D("75.00"), D("2.40"), D("2.70"))

    # Assert: gasoline 2.40 x 42 = 100.80 /bbl, heating oil 2.70 x 42 = 113.40 /bbl;
    # 2 x 100.80 + 113.40 - 3 x 75.00 = 90.00 for 3 barrels, 30.00 a barrel
    assert crack.gasoline_usd_per_bbl == D("100.80")
    assert crack.distillate_usd_per_bbl == D("113.40")
    assert crack.total == D("90.00")
    assert crack.per_barrel == D("30.000000")


def test_a_5_3_2_crack_and_a_ratio_whose_products_do_not_add_up() -> None:
    # Act: 3 x 100.80 + 2 x 113.40 - 5 x 75 = 302.40 + 226.80 - 375 = 154.20; / 5 = 30.84
    crack = crack_spread(D("75"), D("2.40"), D("2.70"), ratio=(5, 3, 2))

    # Assert
    assert (crack.total, crack.per_barrel) == (D("154.20"), D("30.840000"))
    with pytest.raises(InvalidMarketInput) as refused:
        crack_spread(D("75"), D("2.40"), D("2.70"), ratio=(3, 2, 2))
    assert refused.value.field == "ratio"


def test_a_negative_price_is_refused_naming_the_leg() -> None:
    # Act / Assert: WTI's May 2020 contract settled at -37.63
    with pytest.raises(NegativePrice) as refused:
        crack_spread(D("-37.63"), D("0.70"), D("1.00"))
    assert refused.value.field == "crude" and refused.value.code == "NEGATIVE_PRICE"
    with pytest.raises(NegativePrice):
        crack_spread(D("20"), D("0"), D("1.00"))


def test_roll_yield_by_hand_in_contango_and_backwardation() -> None:
    # Arrange: 80 -> 82 over 30 days (contango); 82 -> 80 (backwardation)
    # Act
    contango = roll_yield(D(80), D(82), 30)
    backwardation = roll_yield(D(82), D(80), 30)

    # Assert: ln(80 / 82) x 365 / 30 = -0.300428...
    assert contango == pytest.approx(math.log(80 / 82) * 365 / 30)
    assert contango == pytest.approx(-0.3004, abs=1e-4)
    assert backwardation == pytest.approx(-contango)


def test_a_contango_curve_with_spot_and_its_spreads() -> None:
    # Arrange: three monthly contracts 30 days apart, each dearer; spot below the front
    quotes = [
        FuturesQuote("CLN24", AS_OF + timedelta(days=60), D("81.00")),
        FuturesQuote("CLM24", AS_OF + timedelta(days=30), D("80.00")),
        FuturesQuote("CLQ24", AS_OF + timedelta(days=90), D("82.00")),
    ]

    # Act
    curve = term_structure(AS_OF, quotes, spot=D("79.50"))

    # Assert: sorted by expiry; near - far spreads of -1.00 each; shape contango
    assert [p.quote.contract for p in curve.points] == ["CLM24", "CLN24", "CLQ24"]
    assert [p.years for p in curve.points] == pytest.approx([30 / 365, 60 / 365, 90 / 365])
    assert curve.shape is CurveShape.CONTANGO
    assert [(s.near, s.far, s.spread, s.days) for s in curve.spreads] == [
        ("CLM24", "CLN24", D("-1.00"), 30),
        ("CLN24", "CLQ24", D("-1.00"), 30),
    ]
    assert curve.spreads[0].roll_yield == pytest.approx(math.log(80 / 81) * 365 / 30)
    assert curve.front_to_back_roll_yield == pytest.approx(math.log(80 / 82) * 365 / 60)
    assert curve.spot_roll_yield == pytest.approx(math.log(79.5 / 80) * 365 / 30)


def test_shapes_flat_mixed_and_backwardation() -> None:
    # Act / Assert
    assert curve_shape([D(5), D(5), D(5)]) is CurveShape.FLAT
    assert curve_shape([D(5), D(4), D(3)]) is CurveShape.BACKWARDATION
    assert curve_shape([D(5), D(6), D(4)]) is CurveShape.MIXED
    assert curve_shape([D(5)]) is CurveShape.FLAT


def test_expired_contracts_repeated_expiries_and_empty_curves_are_refused() -> None:
    # Arrange
    expired = [FuturesQuote("X", AS_OF, D(1))]
    twice = [FuturesQuote("A", AS_OF + timedelta(1), D(1)),
             FuturesQuote("B", AS_OF + timedelta(1), D(2))]  # fmt: skip
    negative = [FuturesQuote("A", AS_OF + timedelta(1), D(-1))]

    # Act / Assert
    with pytest.raises(InvalidMarketInput) as refused:
        term_structure(AS_OF, expired)
    assert refused.value.field == "contracts[0].expiry"
    with pytest.raises(InvalidMarketInput):
        term_structure(AS_OF, twice)
    with pytest.raises(InvalidMarketInput):
        term_structure(AS_OF, [])
    with pytest.raises(NegativePrice) as negative_refused:
        term_structure(AS_OF, negative)
    assert negative_refused.value.field == "contracts[0].price"


prices = st.decimals(min_value=D("0.01"), max_value=D("1000"), places=2)


@given(st.lists(prices, min_size=2, max_size=12))
def test_roll_yields_add_up_along_the_curve(values: list[Decimal]) -> None:
    # Arrange: contracts 30 days apart
    quotes = [
        FuturesQuote(f"C{i}", AS_OF + timedelta(days=30 * (i + 1)), v) for i, v in enumerate(values)
    ]

    # Act
    curve = term_structure(AS_OF, quotes)

    # Assert: log roll yields are additive in time: the front-to-back one is the average of
    # the pairs' (equal spacing); a pair's sign says its state
    pairs = [s.roll_yield for s in curve.spreads]
    assert curve.front_to_back_roll_yield == pytest.approx(sum(pairs) / len(pairs), abs=1e-9)
    for spread in curve.spreads:
        if spread.state is CurveShape.CONTANGO:
            assert spread.roll_yield < 0 and spread.spread < 0
        elif spread.state is CurveShape.BACKWARDATION:
            assert spread.roll_yield > 0 and spread.spread > 0


@given(prices, prices, prices)
def test_the_crack_is_linear_in_each_leg(crude: Decimal, gas: Decimal, heat: Decimal) -> None:
    # Act
    base = crack_spread(crude, gas, heat)
    dearer_crude = crack_spread(crude + 1, gas, heat)

    # Assert: one dollar more for crude takes exactly one dollar off the margin per barrel
    assert base.total - dearer_crude.total == 3
    assert base.total == 2 * 42 * gas + 42 * heat - 3 * crude
