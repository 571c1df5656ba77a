"""Orders in doubt (stored as approved, never acknowledged by the broker) are each resolved."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from bootstrap.embedded import Embedded
from domain.risk.rules import RuleType
from domain.trading.orders import OrderNeverSent, OrderStatus
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    SYMBOL,
    add_rule,
    fake_clock,
    market,
    open_orders_here,
    stored_account,
    stored_in_doubt,
    stored_order,
)

D = Decimal
PAST_GRACE = timedelta(seconds=6)  # the default grace is 5 s


async def position(e: Embedded) -> Decimal:
    held = (await stored_account(e)).positions.get(SYMBOL)
    return held.quantity if held is not None else D(0)


async def test_an_order_its_broker_filled_is_adopted_with_its_fills(e: Embedded) -> None:
    # Arrange: sent and filled at the broker, the answer never booked
    order = await stored_in_doubt(e)
    sent = await e.broker.submit(order)
    fake_clock(e).advance(PAST_GRACE)

    # Act
    await e.orders.sync(ACCOUNT)

    # Assert
    adopted = await stored_order(e, order.id)
    assert adopted.status is OrderStatus.FILLED
    assert adopted.broker_order_id == sent.broker_order_id
    assert adopted.filled_quantity == D(10)
    assert await position(e) == D(10)
    assert await open_orders_here(e) == []


async def test_fills_the_dead_process_drained_are_booked_at_the_brokers_average_price(
    e: Embedded,
) -> None:
    # Arrange: the process drained the broker's fills, then died before booking them
    order = await stored_in_doubt(e)
    sent = await e.broker.submit(order)
    await e.broker.fills(ACCOUNT)
    fake_clock(e).advance(PAST_GRACE)

    # Act
    await e.orders.sync(ACCOUNT)

    # Assert
    adopted = await stored_order(e, order.id)
    assert adopted.status is OrderStatus.FILLED
    assert adopted.average_fill_price == sent.average_fill_price
    assert await position(e) == D(10)


async def test_a_resting_order_found_at_the_broker_is_adopted_open_and_can_be_cancelled(
    e: Embedded,
) -> None:
    # Arrange
    order = await stored_in_doubt(e, price="95")
    sent = await e.broker.submit(order)
    fake_clock(e).advance(PAST_GRACE)

    # Act
    report = await e.orders.resolve_in_doubt(ACCOUNT)

    # Assert
    assert report.adopted == [order.id]
    adopted = await stored_order(e, order.id)
    assert adopted.status is OrderStatus.ACCEPTED
    assert adopted.broker_order_id == sent.broker_order_id
    assert await open_orders_here(e) == [order.id]


async def test_an_order_its_broker_does_not_know_is_closed_as_never_sent_and_released(
    e: Embedded,
) -> None:
    # Arrange: stored, never sent
    order = await stored_in_doubt(e)
    fake_clock(e).advance(PAST_GRACE)

    # Act
    closed = await e.orders.sync(ACCOUNT)

    # Assert
    assert closed == 1
    never = await stored_order(e, order.id)
    assert never.status is OrderStatus.NEVER_SENT
    assert never.is_terminal
    assert never.deny_reasons == ("NOT_AT_BROKER",)
    assert await open_orders_here(e) == []
    assert [ev.order_id for ev in e.bus.of_type(OrderNeverSent)] == [order.id]


async def test_a_broker_that_cannot_answer_leaves_the_order_in_doubt_and_says_so(
    e: Embedded,
) -> None:
    # Arrange
    order = await stored_in_doubt(e)
    fake_clock(e).advance(PAST_GRACE)
    e.broker.fail_next(1, BrokerErrorCode.UNAVAILABLE, methods=["order_by_client_id"])

    # Act
    report = await e.orders.resolve_in_doubt(ACCOUNT)

    # Assert
    assert [(d.order_id, d.broker) for d in report.unresolved] == [(order.id, "paper")]
    assert report.unresolved[0].reason.startswith("BROKER_UNAVAILABLE")
    assert (await stored_order(e, order.id)).status is OrderStatus.PENDING_SUBMIT
    assert await open_orders_here(e) == [order.id]


async def test_an_order_younger_than_the_grace_is_left_alone(e: Embedded) -> None:
    # Arrange: its send may be in flight right now
    order = await stored_in_doubt(e)
    fake_clock(e).advance(timedelta(seconds=1))

    # Act
    closed = await e.orders.sync(ACCOUNT)

    # Assert
    assert closed == 0
    assert (await stored_order(e, order.id)).status is OrderStatus.PENDING_SUBMIT
    assert await open_orders_here(e) == [order.id]


async def test_a_never_sent_order_frees_the_limit_it_held(e: Embedded) -> None:
    # Arrange: one open order at most, held by the order in doubt
    await add_rule(e, RuleType.MAX_OPEN_ORDERS, {"max_open": 1})
    await stored_in_doubt(e, price="95")
    blocked = await e.orders.submit(market(BUY, 1))
    fake_clock(e).advance(PAST_GRACE)

    # Act
    await e.orders.sync(ACCOUNT)
    passed = await e.orders.submit(market(BUY, 1))

    # Assert
    assert blocked.order.status is OrderStatus.DENIED
    assert passed.order.status is OrderStatus.FILLED
