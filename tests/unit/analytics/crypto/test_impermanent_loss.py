"""Impermanent loss: hand-worked v2 and v3 cases, and IL <= 0 as a property (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.impermanent_loss import (
    CONTEXT,
    PriceRange,
    constant_product_il,
    impermanent_loss,
    open_position,
    position_at,
)

D = Decimal


def close(a: Decimal, b: Decimal, places: int = 26) -> bool:
    return abs(a - b) < D(10) ** -places


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        ("4", D("-0.2")),  # 2*2/5 - 1
        ("0.25", D("-0.2")),  # symmetric in log price: 2*0.5/1.25 - 1
        ("1", D(0)),
        ("2.25", D(-1) / 13),  # 2*1.5/3.25 - 1 = 3/3.25 - 1 = -1/13
        ("9", D("-0.4")),  # 2*3/10 - 1
    ],
)
def test_constant_product_closed_form_by_hand(ratio: str, expected: Decimal) -> None:
    # Act
    il = constant_product_il(D(ratio))

    # Assert
    assert close(il, expected)


def test_a_v2_position_worked_by_hand() -> None:
    # Arrange: 1,000 USDC deposited at 100 USDC/ETH -> L = 1000 / (2 sqrt(100)) = 50,
    # 5 ETH and 500 USDC; the price quadruples to 400
    # Act
    report = impermanent_loss(D(100), [D(400)], deposit=D(1000))

    # Assert: LP 2 L sqrt(400) = 2,000 (2.5 ETH + 1,000 USDC); holding 5 x 400 + 500 = 2,500
    position, point = report.position, report.points[0]
    assert (position.liquidity, position.amount0, position.amount1) == (D(50), D(5), D(500))
    assert (point.amount0, point.amount1) == (D("2.5"), D(1000))
    assert (point.lp_value, point.hold_value, point.loss_value) == (D(2000), D(2500), D(500))
    assert point.impermanent_loss == D("-0.2")
    assert position.liquidity_multiple == 1 and point.in_range


def test_a_v3_range_worked_by_hand() -> None:
    # Arrange: range [1, 16] (sqrt 1 and 4), entry 4 (sqrt 2), deposit 2 token1:
    # per unit L, x = 1/2 - 1/4 = 0.25 and y = 2 - 1 = 1, worth 0.25*4 + 1 = 2 -> L = 1
    # Act
    report = impermanent_loss(
        D(4), [D(9), D(25), D(1), D("0.5")], deposit=D(2), price_range=PriceRange(D(1), D(16))
    )

    # Assert
    position = report.position
    assert (position.liquidity, position.amount0, position.amount1) == (D(1), D("0.25"), D(1))
    # v2 of the same deposit: L = 2 / (2 * 2) = 0.5: the range holds twice the liquidity
    assert position.liquidity_multiple == D(2)
    at_9, at_25, at_1, at_half = report.points
    # P = 9 (sqrt 3), in range: x = 1/3 - 1/4 = 1/12, y = 3 - 1 = 2; LP = 9/12 + 2 = 2.75;
    # holding 0.25*9 + 1 = 3.25; IL = 2.75/3.25 - 1 = -2/13 (twice v2's -1/13 at k = 2.25)
    assert close(at_9.amount0, D(1) / 12) and at_9.amount1 == 2
    assert (at_9.lp_value, at_9.hold_value) == (D("2.75"), D("3.25"))
    assert close(at_9.impermanent_loss, D(-2) / 13) and at_9.in_range
    # P = 25, above the range: all token1, y = L (4 - 1) = 3; holding 0.25*25 + 1 = 7.25
    assert (at_25.amount0, at_25.amount1, at_25.lp_value) == (0, 3, 3)
    assert close(at_25.impermanent_loss, D(3) / D("7.25") - 1) and not at_25.in_range
    # P = 1, the lower edge: all token0, x = 1 - 1/4 = 0.75; holding 0.25 + 1 = 1.25
    assert (at_1.amount0, at_1.amount1, at_1.impermanent_loss) == (D("0.75"), 0, D("-0.4"))
    # P = 0.5, below: still 0.75 token0, worth 0.375 against 1.125: IL = -2/3
    assert close(at_half.impermanent_loss, D(-2) / 3) and not at_half.in_range


def test_inside_the_range_the_absolute_loss_is_v2_s_for_the_same_liquidity() -> None:
    # Arrange: L (sqrt P1 - sqrt P0)^2 / sqrt P0 = 1 * (3 - 2)^2 / 2 = 0.5 for L = 1
    position = open_position(D(4), D(2), PriceRange(D(1), D(16)))
    v2 = open_position(D(4), D(4))  # v2 with L = 4 / (2 * 2) = 1

    # Act
    ranged, full = position_at(position, D(9)), position_at(v2, D(9))

    # Assert
    assert ranged.loss_value == full.loss_value == D("0.5")


def test_an_entry_below_the_range_holds_token0_only() -> None:
    # Act
    position = open_position(D("0.5"), D(1), PriceRange(D(1), D(4)))

    # Assert: all token0: x = L (1/1 - 1/2), worth x * 0.5 = 1 -> x = 2, L = 4
    assert (position.amount0, position.amount1, position.liquidity) == (D(2), 0, D(4))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"entry_price": D(0), "prices": [D(1)]}, "entry_price"),
        ({"entry_price": D(1), "prices": [D(1), D(-2)]}, "prices[1]"),
        ({"entry_price": D(1), "prices": [D(1)], "deposit": D(0)}, "deposit"),
        ({"entry_price": D(1), "prices": [D(1)], "price_range": PriceRange(D(2), D(2))},
         "range.lower"),
        ({"entry_price": D(1), "prices": [D(1)], "price_range": PriceRange(D(1), D("1e31"))},
         "range.upper"),
    ],
)  # fmt: skip
def test_bad_inputs_name_their_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        impermanent_loss(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field and caught.value.code == "INVALID_CRYPTO_INPUT"


# Prices from 1e-6 to 1e6 with six decimals, built from integers (quicker than st.decimals).
prices = st.integers(1, 10**12).map(lambda n: D(n).scaleb(-6))


@settings(max_examples=120, deadline=None)
@given(entry=prices, later=prices, a=prices, b=prices, deposit=prices)
def test_impermanent_loss_is_never_positive(
    entry: Decimal, later: Decimal, a: Decimal, b: Decimal, deposit: Decimal
) -> None:
    # Arrange
    span = None if a == b else PriceRange(min(a, b), max(a, b))

    # Act
    point = impermanent_loss(entry, [later], deposit=deposit, price_range=span).points[0]

    # Assert: LP never beats holding; amounts stay >= 0; at the entry price nothing is lost
    assert point.impermanent_loss <= 0 and point.loss_value >= 0
    assert point.lp_value <= point.hold_value
    assert point.amount0 >= 0 and point.amount1 >= 0
    if later == entry:
        assert point.impermanent_loss == 0


@settings(max_examples=80, deadline=None)
@given(entry=prices, later=prices, width=st.integers(2, 1000))
def test_a_range_around_the_price_loses_at_least_as_much_as_v2(
    entry: Decimal, later: Decimal, width: int
) -> None:
    # Arrange: a range containing both prices
    with_margin = D(width)
    span = PriceRange(min(entry, later) / with_margin, max(entry, later) * with_margin)

    # Act
    ranged = impermanent_loss(entry, [later], price_range=span).points[0]
    full = impermanent_loss(entry, [later]).points[0]

    # Assert: the same absolute loss per unit of L, on less capital (|IL| grows)
    assert ranged.impermanent_loss <= full.impermanent_loss + D("1e-30")
    k = later / entry
    assert close(full.impermanent_loss, constant_product_il(k), 24)


def test_the_context_is_decimal128() -> None:
    assert CONTEXT.prec == 34
