"""An order's terms against its instrument: whole lots, whole ticks, and a maximum notional."""

from __future__ import annotations

from decimal import Decimal

from domain.errors import InvalidOrder
from domain.numbers import PRICE, QUANTITY, ZERO, InvalidNumber, NumberOutOfRange, NumberSpec
from domain.trading.instruments import Instrument
from domain.trading.orders import Order

DEFAULT_MAX_ORDER_NOTIONAL = Decimal(1_000_000_000)


class InvalidQuantity(InvalidOrder):
    """The quantity is not a whole number of lots, or its notional is above the maximum."""

    code = "INVALID_QUANTITY"


class InvalidPrice(InvalidOrder):
    """A limit or stop price is not a whole number of ticks, or is out of range."""

    code = "INVALID_PRICE"


def check_order_terms(
    order: Order,
    instrument: Instrument,
    mark: Decimal | None,
    max_notional: Decimal = DEFAULT_MAX_ORDER_NOTIONAL,
) -> None:
    """Refuse an order no broker should see (422 naming the field).

    The quantity must be a whole number of `instrument.lot_size`; limit and stop prices a
    whole number of ticks; quantity × price × multiplier at most `max_notional`, priced at
    the limit (or stop) price, else at `mark` (a market order without a mark is left to the
    gate, which denies it). Runs per order, outside the gate's hot loop.
    """
    _within(QUANTITY, order.quantity, "quantity", InvalidQuantity)
    # The values are bounded by their specs: the default context (which traps invalid
    # operations) is enough, and a local context per order would cost a microsecond.
    try:
        _check(order, instrument, mark, max_notional)
    except ArithmeticError:
        raise NumberOutOfRange(
            "order terms: the quantity and price do not fit the instrument"
        ) from None


def _check(
    order: Order, instrument: Instrument, mark: Decimal | None, max_notional: Decimal
) -> None:
    if order.quantity % instrument.lot_size != ZERO:
        raise InvalidQuantity(
            f"quantity {order.quantity} is not a whole number of lots of {instrument.lot_size}",
            field="quantity",
        )
    prices = (("limit_price", order.limit_price), ("stop_price", order.stop_price))
    for field, price in prices:
        if price is None:
            continue
        _within(PRICE, price, field, InvalidPrice)
        if not instrument.is_tick_aligned(price):
            raise InvalidPrice(
                f"{field} {price} is not a whole number of ticks of {instrument.tick_size}",
                field=field,
            )
    price = order.limit_price or order.stop_price or mark
    if price is None:
        return
    notional = order.quantity * price * instrument.multiplier
    if notional > max_notional:
        raise InvalidQuantity(
            f"notional {notional:f} (quantity x price x multiplier) is above the maximum "
            f"order notional {max_notional:f}",
            field="quantity",
        )


def _within(spec: NumberSpec, value: Decimal, field: str, error: type[InvalidOrder]) -> None:
    # The boundary parsed the text already: checking the Decimal against the spec is enough.
    try:
        if not value.is_finite():
            raise InvalidNumber(field, "must be a finite number")
        spec.check(value, field)
    except InvalidNumber as exc:
        raise error(f"{field} {exc.reason}", field=field) from None
