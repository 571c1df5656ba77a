"""An order's terms against its instrument: whole lots, whole ticks, the maximum notional."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.numbers import NumberOutOfRange
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side
from domain.trading.terms import (
    DEFAULT_MAX_ORDER_NOTIONAL,
    InvalidPrice,
    InvalidQuantity,
    check_order_terms,
)

D = Decimal
AGENT = Origin(OriginKind.AGENT, "agent-1")
FUTURE = Instrument("ES", tick_size=D("0.25"), lot_size=D(1), multiplier=D(50))
CRYPTO = Instrument("BTC-USD", tick_size=D("0.01"), lot_size=D("0.0001"))


def order(qty: str, order_type: OrderType = OrderType.MARKET, **prices: str) -> Order:
    return Order(
        "o1", "c1", "acc", "ES", Side.BUY, D(qty), AGENT, order_type,
        **{k: D(v) for k, v in prices.items()},  # type: ignore[arg-type]
    )  # fmt: skip


def test_an_order_in_whole_lots_and_ticks_under_the_notional_passes() -> None:
    # Act / Assert: 2 x 5000.25 x 50 = 500,025
    check_order_terms(order("2", OrderType.LIMIT, limit_price="5000.25"), FUTURE, D(5000))
    check_order_terms(order("0.0003"), CRYPTO, D(60000))


@pytest.mark.parametrize("qty", ["1.5", "0.5"])
def test_a_quantity_off_the_lot_size_is_invalid_quantity(qty: str) -> None:
    # Act
    with pytest.raises(InvalidQuantity) as caught:
        check_order_terms(order(qty), FUTURE, D(5000))

    # Assert
    assert caught.value.field == "quantity"
    assert caught.value.code == "INVALID_QUANTITY"


def test_a_crypto_quantity_finer_than_its_lot_is_invalid_quantity() -> None:
    # Act / Assert
    with pytest.raises(InvalidQuantity, match=r"lots of 0\.0001"):
        check_order_terms(order("0.00015"), CRYPTO, D(60000))


@pytest.mark.parametrize(
    ("order_type", "prices", "field"),
    [
        (OrderType.LIMIT, {"limit_price": "5000.10"}, "limit_price"),
        (OrderType.STOP, {"stop_price": "5000.30"}, "stop_price"),
        (OrderType.STOP_LIMIT, {"stop_price": "5000", "limit_price": "5000.01"}, "limit_price"),
    ],
)
def test_a_price_off_the_tick_size_is_invalid_price(
    order_type: OrderType, prices: dict[str, str], field: str
) -> None:
    # Act
    with pytest.raises(InvalidPrice) as caught:
        check_order_terms(order("1", order_type, **prices), FUTURE, D(5000))

    # Assert
    assert caught.value.field == field
    assert caught.value.code == "INVALID_PRICE"


def test_a_price_out_of_its_range_is_invalid_price() -> None:
    # Act / Assert
    with pytest.raises(InvalidPrice, match="at most"):
        check_order_terms(order("1", OrderType.LIMIT, limit_price="2e9"), FUTURE, None)


def test_the_notional_counts_the_multiplier_and_honours_the_maximum() -> None:
    # Arrange: 4 x 5000 x 50 = 1,000,000
    four = order("4", OrderType.LIMIT, limit_price="5000")

    # Act / Assert
    check_order_terms(four, FUTURE, None, max_notional=D(1_000_000))
    with pytest.raises(InvalidQuantity, match="notional 1000000"):
        check_order_terms(four, FUTURE, None, max_notional=D(999_999))


def test_a_market_order_is_priced_at_the_mark_and_without_one_left_to_the_gate() -> None:
    # Arrange: 5,000 x 5,000 x 50 = 1.25e9, above the default 1e9
    big = order("5000")

    # Act / Assert
    with pytest.raises(InvalidQuantity, match="notional"):
        check_order_terms(big, FUTURE, D(5000))
    check_order_terms(big, FUTURE, None)
    assert D(5000) * D(5000) * D(50) > DEFAULT_MAX_ORDER_NOTIONAL


def test_a_quantity_out_of_its_range_is_invalid_quantity_before_any_arithmetic() -> None:
    # Act / Assert
    with pytest.raises(InvalidQuantity, match="decimal places"):
        check_order_terms(order("1e-20"), FUTURE, D(5000))


def test_an_instrument_whose_lot_makes_the_arithmetic_overflow_is_out_of_range() -> None:
    # Arrange: 1e12 / 1e-30 lots needs more digits than the context holds
    dust = Instrument("DUST", lot_size=D("1e-30"))

    # Act / Assert
    with pytest.raises(NumberOutOfRange):
        check_order_terms(order("1000000000000"), dust, D(1))
