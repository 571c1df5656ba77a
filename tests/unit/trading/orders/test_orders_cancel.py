"""OrderService.cancel and sync: an order is CANCELED only once the broker no longer lists it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.embedded import Embedded
from domain.errors import Conflict, NotFound
from domain.trading.orders import OrderCanceled, OrderStatus
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OFFICER,
    OWNER,
    STRANGER,
    SYMBOL,
    limit,
    market,
    open_orders_here,
)

D = Decimal


async def test_cancelling_a_resting_order_cancels_it_at_the_broker_and_here(e: Embedded) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order

    # Act
    canceled = await e.orders.cancel(OWNER, placed.id)

    # Assert
    assert canceled.status is OrderStatus.CANCELED
    assert await e.broker.open_orders(ACCOUNT) == []
    assert await open_orders_here(e) == []
    assert e.bus.of_type(OrderCanceled) == [
        OrderCanceled(placed.id, ACCOUNT, e.clock.now(), requested=True)
    ]


async def test_an_acknowledged_cancel_that_leaves_the_order_open_does_not_cancel_it(
    e: Embedded,
) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order
    e.broker.ack_but_keep(ACCOUNT)

    # Act
    result = await e.orders.cancel(OWNER, placed.id)

    # Assert
    assert result.status is OrderStatus.ACCEPTED
    assert [o.client_order_id for o in await e.broker.open_orders(ACCOUNT)] == [
        placed.client_order_id
    ]
    assert await open_orders_here(e) == [placed.id]
    assert e.bus.of_type(OrderCanceled) == []


async def test_sync_closes_an_order_the_broker_cancelled_later(e: Embedded) -> None:
    # Arrange: the cancel is acknowledged but kept; the broker drops the order afterwards
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order
    e.broker.ack_but_keep(ACCOUNT, n=1)
    await e.orders.cancel(OWNER, placed.id)
    await e.broker.cancel_all(ACCOUNT)

    # Act
    closed = await e.orders.sync(ACCOUNT)

    # Assert
    assert closed == 1
    assert placed.status is OrderStatus.CANCELED
    assert await open_orders_here(e) == []


async def test_sync_books_a_fill_of_a_resting_order(e: Embedded) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order
    e.market.set_quote(SYMBOL, "94.00", "94.50")  # the ask falls through the 95 limit

    # Act
    closed = await e.orders.sync(ACCOUNT)

    # Assert: filled at the ask 94.50, not cancelled
    assert closed == 0
    assert placed.status is OrderStatus.FILLED
    assert placed.average_fill_price == D("94.50")
    async with e.uow() as u:
        account = await u.accounts.get(ACCOUNT)
    assert account is not None
    assert account.position_quantity(SYMBOL) == D(10)
    assert account.cash == D("999055.00")  # 1,000,000 - 10 x 94.50
    assert account.open_orders == {}


async def test_cancelling_a_filled_order_is_a_conflict(e: Embedded) -> None:
    # Arrange
    filled = (await e.orders.submit(market(BUY, 10))).order

    # Act / Assert
    with pytest.raises(Conflict):
        await e.orders.cancel(OWNER, filled.id)


async def test_cancelling_another_owners_order_is_not_found_and_leaves_it_open(
    e: Embedded,
) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order

    # Act / Assert
    with pytest.raises(NotFound):
        await e.orders.cancel(STRANGER, placed.id)
    assert placed.status is OrderStatus.ACCEPTED
    assert len(await e.broker.open_orders(ACCOUNT)) == 1


async def test_cancelling_an_unknown_order_is_not_found(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await e.orders.cancel(OWNER, "ord-missing")


async def test_a_risk_officer_may_cancel_any_owners_order(e: Embedded) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order

    # Act
    canceled = await e.orders.cancel(OFFICER, placed.id)

    # Assert
    assert canceled.status is OrderStatus.CANCELED
