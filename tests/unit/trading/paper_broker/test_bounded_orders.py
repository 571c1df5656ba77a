"""Paper broker: closed orders beyond the limit are forgotten oldest first; open ones stay."""

from __future__ import annotations

from decimal import Decimal

from adapters.brokers.paper import PaperBroker
from adapters.brokers.paper.book import AccountBook
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.orders import Side
from tests.kit.paper import limit_order, make_order

D = Decimal


async def test_the_oldest_closed_orders_go_and_a_resting_one_stays(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: one resting limit first, then 40 market orders that fill at once
    market.set_quote("AAPL", D("100"), D("100.10"))
    resting = await broker.submit(limit_order(Side.BUY, "1", "90"))
    filled = [await broker.submit(make_order(Side.BUY, "1")) for _ in range(40)]
    book: AccountBook = broker._books["acc-1"]

    # Act
    dropped = book.forget_old_orders(keep=10)

    # Assert: 30 of the oldest closed ones gone, the resting order and the newest kept
    assert dropped == 30
    assert resting.broker_order_id in book.orders
    assert filled[0].broker_order_id not in book.orders
    assert filled[-1].broker_order_id in book.orders
    assert len(book.orders) == 11
    assert [o.broker_order_id for o in await broker.open_orders("acc-1")] == [
        resting.broker_order_id
    ]


async def test_under_the_limit_nothing_is_forgotten(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100"), D("100.10"))
    for _ in range(5):
        await broker.submit(make_order(Side.BUY, "1"))

    # Act / Assert
    assert broker._books["acc-1"].forget_old_orders(keep=10) == 0
