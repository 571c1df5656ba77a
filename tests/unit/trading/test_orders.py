"""Order state machine and validation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.errors import IllegalTransition, InvalidFill, InvalidOrder
from domain.trading.orders import (
    TRANSITIONS,
    Order,
    OrderCanceled,
    OrderFilled,
    OrderStatus,
    OrderType,
    Origin,
    OriginKind,
    Side,
)

D = Decimal
AGENT = Origin(OriginKind.AGENT, "a1")


def order(qty: str = "10", **kw: object) -> Order:
    return Order("o1", "c1", "acc", "AAPL", Side.BUY, D(qty), AGENT, **kw)  # type: ignore[arg-type]


def accepted(qty: str = "10") -> Order:
    o = order(qty)
    o.mark_pending_submit()
    o.accept("b1")
    return o


def test_happy_path_new_to_filled_through_partial() -> None:
    o = accepted()
    o.apply_fill(D(4), D(100))
    assert o.status is OrderStatus.PARTIALLY_FILLED
    o.apply_fill(D(6), D(110))
    # average = (4 x 100 + 6 x 110) / 10 = 106
    assert o.status is OrderStatus.FILLED
    assert o.average_fill_price == D(106)
    assert o.remaining_quantity == 0
    assert not o.is_open
    assert [type(e).__name__ for e in o.events] == ["OrderAccepted", "OrderFilled", "OrderFilled"]


@pytest.mark.parametrize("status", list(OrderStatus))
def test_every_illegal_edge_raises(status: OrderStatus) -> None:
    for target in OrderStatus:
        if target in TRANSITIONS[status]:
            continue
        o = order()
        o.status = status
        with pytest.raises(IllegalTransition):
            o._move(target)


def test_terminal_states_have_no_way_out() -> None:
    for status in (
        OrderStatus.FILLED,
        OrderStatus.CANCELED,
        OrderStatus.REJECTED,
        OrderStatus.EXPIRED,
        OrderStatus.DENIED,
    ):
        assert TRANSITIONS[status] == frozenset()


def test_denied_order_records_reasons_and_cannot_be_submitted() -> None:
    o = order()
    o.deny(("MAX_POSITION",))
    assert o.deny_reasons == ("MAX_POSITION",)
    with pytest.raises(IllegalTransition):
        o.mark_pending_submit()


def test_cancel_of_filled_order_is_illegal_and_of_open_order_records_event() -> None:
    filled = accepted("1")
    filled.apply_fill(D(1), D(10))
    with pytest.raises(IllegalTransition):
        filled.cancel()
    open_order = accepted()
    open_order.cancel()
    assert isinstance(open_order.events[-1], OrderCanceled)


def test_overfill_and_bad_fill_are_refused() -> None:
    o = accepted("5")
    with pytest.raises(InvalidFill):
        o.apply_fill(D(6), D(10))
    with pytest.raises(InvalidFill):
        o.apply_fill(D(0), D(10))
    assert o.filled_quantity == 0


def test_reduced_quantity_must_be_within_the_request() -> None:
    o = order("10")
    with pytest.raises(InvalidOrder):
        o.mark_pending_submit(D(11))
    o.mark_pending_submit(D(7))
    assert o.quantity == D(7)


@pytest.mark.parametrize(
    ("kind", "limit", "stop"),
    [
        (OrderType.LIMIT, None, None),
        (OrderType.MARKET, D(10), None),
        (OrderType.STOP, None, None),
        (OrderType.STOP_LIMIT, D(10), None),
        (OrderType.LIMIT, D(-1), None),
    ],
)
def test_inconsistent_terms_are_invalid(
    kind: OrderType, limit: Decimal | None, stop: Decimal | None
) -> None:
    with pytest.raises(InvalidOrder):
        order(order_type=kind, limit_price=limit, stop_price=stop)


def test_quantity_must_be_positive_and_finite() -> None:
    for bad in ("0", "-1", "NaN", "Infinity"):
        with pytest.raises(InvalidOrder):
            order(bad)


def test_fill_event_carries_cumulative_quantity() -> None:
    o = accepted("3")
    o.apply_fill(D(1), D(5))
    event = o.events[-1]
    assert isinstance(event, OrderFilled)
    assert (event.quantity, event.filled_quantity, event.status) == (D(1), D(1), "partially_filled")
