"""Paper broker: cancel, cancel_all and close_all."""

from __future__ import annotations

from decimal import Decimal

from adapters.brokers.paper import PaperBroker
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.orders import Side
from ports.trading.broker import BrokerErrorCode, BrokerOrderStatus, CancelResult
from tests.kit.paper import limit_order

D = Decimal


async def test_cancel_removes_the_order_and_a_later_quote_does_not_fill_it(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    placed = await broker.submit(limit_order(Side.BUY, "10", "99"))

    # Act
    result = await broker.cancel("acc-1", placed.broker_order_id)
    market.set_quote("AAPL", D("98"), D("98.50"))

    # Assert
    assert result == CancelResult(placed.broker_order_id, ok=True)
    assert await broker.open_orders("acc-1") == []
    assert await broker.fills("acc-1") == []


async def test_cancel_of_an_unknown_order_reports_not_found(broker: PaperBroker) -> None:
    # Act
    result = await broker.cancel("acc-1", "paper-999999")

    # Assert
    assert result == CancelResult("paper-999999", ok=False, error=BrokerErrorCode.NOT_FOUND.value)


async def test_cancel_of_an_order_no_longer_open_is_refused(broker: PaperBroker) -> None:
    # Arrange
    placed = await broker.submit(limit_order(Side.BUY, "10", "99"))
    await broker.cancel("acc-1", placed.broker_order_id)

    # Act
    again = await broker.cancel("acc-1", placed.broker_order_id)

    # Assert
    assert again == CancelResult(
        placed.broker_order_id, ok=False, error=BrokerErrorCode.REJECTED.value
    )


async def test_cancel_all_cancels_every_open_order_of_the_account_only(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    broker.seed_account("acc-2", D("5000"))
    mine = [
        await broker.submit(limit_order(Side.BUY, "10", "99")),
        await broker.submit(limit_order(Side.SELL, "5", "101")),
        await broker.submit(limit_order(Side.BUY, "1", "300", symbol="MSFT")),
    ]
    theirs = limit_order(Side.BUY, "10", "99", account_id="acc-2")
    await broker.submit(theirs)

    # Act
    results = await broker.cancel_all("acc-1")
    market.set_quote("AAPL", D("98"), D("98.50"))

    # Assert: acc-2's bid at 99 is still there and fills at the 98.50 ask
    assert results == [CancelResult(o.broker_order_id, ok=True) for o in mine]
    assert await broker.open_orders("acc-1") == []
    assert await broker.fills("acc-1") == []
    (fill,) = await broker.fills("acc-2")
    assert (fill.order_id, fill.price) == (theirs.id, D("98.50"))


async def test_cancel_all_with_nothing_open_returns_no_results(broker: PaperBroker) -> None:
    # Act / Assert
    assert await broker.cancel_all("acc-1") == []


async def test_close_all_flattens_each_position_and_reports_a_failing_symbol(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: TSLA has no quote, so its close cannot be sent
    broker.seed_account("acc-9", D("10000"))
    broker.seed_position("acc-9", "AAPL", D("10"), D("90"))
    broker.seed_position("acc-9", "MSFT", D("-5"), D("410"))
    broker.seed_position("acc-9", "TSLA", D("3"), D("200"))
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    market.set_quote("MSFT", D("400.00"), D("400.50"))

    # Act
    results = await broker.close_all("acc-9")

    # Assert
    assert [(r.symbol, r.ok, r.error) for r in results] == [
        ("AAPL", True, None),
        ("MSFT", True, None),
        ("TSLA", False, BrokerErrorCode.UNAVAILABLE.value),
    ]
    aapl, msft = results[0].order, results[1].order
    assert aapl is not None
    assert msft is not None
    assert (aapl.side, aapl.quantity, aapl.status) == (Side.SELL, D("10"), BrokerOrderStatus.FILLED)
    assert (msft.side, msft.quantity, msft.average_fill_price) == (Side.BUY, D("5"), D("400.50"))
    assert [(p.symbol, p.quantity) for p in await broker.positions("acc-9")] == [("TSLA", D("3"))]
    # 10 000 + 10 × 100.00 − 5 × 400.50 = 10 000 + 1 000 − 2 002.50
    assert (await broker.account("acc-9")).cash == D("8997.50")


async def test_close_all_partially_filled_by_size_leaves_the_rest_working(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    broker.seed_position("acc-1", "AAPL", D("100"), D("90"))
    market.set_quote("AAPL", D("100.00"), D("100.10"), bid_size=D("40"))

    # Act
    (result,) = await broker.close_all("acc-1")

    # Assert
    assert result.ok is True
    assert result.order is not None
    assert (result.order.filled_quantity, result.order.status) == (
        D("40"),
        BrokerOrderStatus.PARTIALLY_FILLED,
    )
    assert [(p.symbol, p.quantity) for p in await broker.positions("acc-1")] == [("AAPL", D("60"))]
    assert [o.broker_order_id for o in await broker.open_orders("acc-1")] == [
        result.order.broker_order_id
    ]
