"""Paper broker execution: fill prices, partial fills by size, IOC/FOK, resting limits, stops."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.orders import OrderType, Side, TimeInForce
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrderStatus
from tests.kit.paper import limit_order, make_order

D = Decimal


@pytest.fixture
def config() -> PaperBrokerConfig:
    return PaperBrokerConfig(slippage_bps=D("10"))


# -- marketable orders ---------------------------------------------------------------
async def test_market_buy_pays_the_ask_plus_slippage(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act
    placed = await broker.submit(make_order(Side.BUY, "10"))

    # Assert: 100.10 × (1 + 10/10 000) = 100.10 × 1.001 = 100.2001
    assert placed.status is BrokerOrderStatus.FILLED
    assert placed.filled_quantity == D("10")
    assert placed.average_fill_price == D("100.2001")
    assert (await broker.account("acc-1")).cash == D("98997.999")  # 100 000 − 10 × 100.2001


async def test_market_sell_receives_the_bid_minus_slippage(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: spread of 20 bps around 100 → bid 99.90, ask 100.10
    market.set_price("AAPL", D("100"), spread_bps=D("20"))

    # Act
    placed = await broker.submit(make_order(Side.SELL, "10"))

    # Assert: 99.90 × (1 − 0.001) = 99.8001
    assert placed.average_fill_price == D("99.8001")
    assert (await broker.account("acc-1")).cash == D("100998.001")  # 100 000 + 998.001


async def test_slippage_never_pushes_a_limit_order_past_its_limit(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act: 100.10 × 1.001 = 100.2001 would be worse than the 100.15 limit
    placed = await broker.submit(limit_order(Side.BUY, "10", "100.15"))

    # Assert
    assert placed.average_fill_price == D("100.15")


async def test_market_order_without_a_quote_is_unavailable_and_does_not_rest(
    broker: PaperBroker,
) -> None:
    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.submit(make_order(Side.BUY, "10", symbol="NOPE"))

    # Assert
    assert raised.value.code is BrokerErrorCode.UNAVAILABLE
    assert raised.value.retryable is True
    assert await broker.open_orders("acc-1") == []


async def test_market_buy_with_no_ask_is_unavailable(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: only a bid is shown
    market.set_quote("AAPL", D("100.00"), D("0"))

    # Act / Assert
    with pytest.raises(BrokerError) as raised:
        await broker.submit(make_order(Side.BUY, "10"))
    assert raised.value.code is BrokerErrorCode.UNAVAILABLE


async def test_resubmitting_a_client_order_id_returns_the_same_order(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    first = await broker.submit(limit_order(Side.BUY, "10", "99"))
    retry = make_order(
        Side.BUY,
        "10",
        order_type=OrderType.LIMIT,
        limit="99",
        client_order_id=first.client_order_id,
    )

    # Act
    second = await broker.submit(retry)

    # Assert
    assert second == first
    assert len(await broker.open_orders("acc-1")) == 1


# -- size ----------------------------------------------------------------------------
async def test_partial_fill_by_quote_size_then_the_rest_on_a_later_quote(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"), ask_size=D("30"))
    placed = await broker.submit(make_order(Side.BUY, "100"))

    # Act
    market.set_quote("AAPL", D("100.10"), D("100.20"), ask_size=D("100"))

    # Assert: 30 at 100.10 × 1.001 = 100.2001 first, 70 at 100.20 × 1.001 = 100.3002
    assert placed.status is BrokerOrderStatus.PARTIALLY_FILLED
    assert placed.filled_quantity == D("30")
    fills = await broker.fills("acc-1")
    assert [(f.quantity, f.price) for f in fills] == [
        (D("30"), D("100.2001")),
        (D("70"), D("100.3002")),
    ]
    assert await broker.open_orders("acc-1") == []
    # average (30 × 100.2001 + 70 × 100.3002) / 100 = (3006.003 + 7021.014) / 100 = 100.27017
    (position,) = await broker.positions("acc-1")
    assert position.quantity == D("100")
    assert position.average_price == D("100.27017")


async def test_orders_matched_on_one_quote_share_its_size(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: two resting bids, then an ask of 99 for 30 shares
    first = await broker.submit(limit_order(Side.BUY, "20", "99"))
    second = await broker.submit(limit_order(Side.BUY, "20", "99"))

    # Act
    market.set_quote("AAPL", D("98.90"), D("99"), ask_size=D("30"))

    # Assert: time priority, 20 for the first, the 10 left for the second
    open_orders = {o.broker_order_id: o for o in await broker.open_orders("acc-1")}
    assert first.broker_order_id not in open_orders
    assert open_orders[second.broker_order_id].filled_quantity == D("10")
    assert open_orders[second.broker_order_id].status is BrokerOrderStatus.PARTIALLY_FILLED


async def test_ioc_fills_what_is_there_and_cancels_the_rest(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"), ask_size=D("30"))

    # Act
    placed = await broker.submit(make_order(Side.BUY, "50", tif=TimeInForce.IOC))

    # Assert
    assert placed.status is BrokerOrderStatus.CANCELED
    assert placed.filled_quantity == D("30")
    assert await broker.open_orders("acc-1") == []
    assert [f.quantity for f in await broker.fills("acc-1")] == [D("30")]


async def test_ioc_limit_that_is_not_marketable_is_canceled_unfilled(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act
    placed = await broker.submit(limit_order(Side.BUY, "50", "99", tif=TimeInForce.IOC))

    # Assert
    assert placed.status is BrokerOrderStatus.CANCELED
    assert placed.filled_quantity == D("0")
    assert await broker.fills("acc-1") == []


async def test_fok_without_the_size_is_rejected_and_nothing_rests(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"), ask_size=D("30"))

    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.submit(make_order(Side.BUY, "50", tif=TimeInForce.FOK))

    # Assert
    assert raised.value.code is BrokerErrorCode.REJECTED
    assert await broker.open_orders("acc-1") == []
    assert await broker.fills("acc-1") == []


async def test_fok_with_the_size_fills_completely(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"), bid_size=D("30"))

    # Act
    placed = await broker.submit(make_order(Side.SELL, "30", tif=TimeInForce.FOK))

    # Assert: 100.00 × 0.999 = 99.9
    assert placed.status is BrokerOrderStatus.FILLED
    assert placed.average_fill_price == D("99.9")


# -- resting limits --------------------------------------------------------------------
async def test_buy_limit_rests_until_the_ask_reaches_it(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("99.90"), D("100.10"))
    placed = await broker.submit(limit_order(Side.BUY, "10", "99.50"))

    # Act
    market.set_quote("AAPL", D("99.40"), D("99.60"))  # still above the limit
    fills_before = await broker.fills("acc-1")
    market.set_quote("AAPL", D("99.30"), D("99.50"))

    # Assert: 99.50 × 1.001 = 99.59950 is capped at the 99.50 limit
    assert placed.status is BrokerOrderStatus.ACCEPTED
    assert fills_before == []
    fills = await broker.fills("acc-1")
    assert [(f.quantity, f.price) for f in fills] == [(D("10"), D("99.50"))]
    assert await broker.open_orders("acc-1") == []


async def test_sell_limit_fills_when_the_bid_reaches_it_with_price_improvement(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    await broker.submit(limit_order(Side.SELL, "10", "101"))

    # Act
    market.set_quote("AAPL", D("101.50"), D("101.60"))

    # Assert: 101.50 × 0.999 = 101.39850, better than the 101 limit
    (fill,) = await broker.fills("acc-1")
    assert fill.price == D("101.39850")
    assert fill.side is Side.SELL


async def test_a_limit_order_without_any_quote_rests(broker: PaperBroker) -> None:
    # Act
    placed = await broker.submit(limit_order(Side.BUY, "10", "50", symbol="NEW"))

    # Assert
    assert placed.status is BrokerOrderStatus.ACCEPTED
    assert [o.broker_order_id for o in await broker.open_orders("acc-1")] == [
        placed.broker_order_id
    ]


async def test_a_quote_for_another_symbol_leaves_resting_orders_alone(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    await broker.submit(limit_order(Side.BUY, "10", "99.50"))

    # Act
    market.set_quote("MSFT", D("1"), D("2"))

    # Assert
    assert await broker.fills("acc-1") == []
    assert len(await broker.open_orders("acc-1")) == 1


# -- stops -------------------------------------------------------------------------------
async def test_sell_stop_triggers_on_the_last_trade_and_sells_at_the_bid(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("99.90"), D("100.10"))
    placed = await broker.submit(make_order(Side.SELL, "10", order_type=OrderType.STOP, stop="95"))
    market.set_quote("AAPL", D("95.10"), D("95.30"), last=D("95.20"))  # above the stop

    # Act
    market.set_quote("AAPL", D("94.90"), D("95.10"), last=D("95.00"))

    # Assert: 94.90 × 0.999 = 94.80510
    assert placed.status is BrokerOrderStatus.ACCEPTED
    (fill,) = await broker.fills("acc-1")
    assert (fill.quantity, fill.price) == (D("10"), D("94.80510"))
    assert await broker.open_orders("acc-1") == []


async def test_buy_stop_already_through_at_submit_fills_at_once(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act
    placed = await broker.submit(make_order(Side.BUY, "10", order_type=OrderType.STOP, stop="100"))

    # Assert: ask 100.10 ≥ stop 100; 100.10 × 1.001 = 100.2001
    assert placed.status is BrokerOrderStatus.FILLED
    assert placed.average_fill_price == D("100.2001")


async def test_stop_limit_triggers_then_waits_for_its_limit(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    await broker.submit(
        make_order(Side.BUY, "10", order_type=OrderType.STOP_LIMIT, stop="105", limit="105.50")
    )

    # Act: last reaches the stop, but the ask is above the limit
    market.set_quote("AAPL", D("105.60"), D("105.80"), last=D("105.00"))
    fills_after_trigger = await broker.fills("acc-1")
    # the trigger holds even though the last trade falls back below the stop
    market.set_quote("AAPL", D("105.20"), D("105.40"), last=D("104.00"))

    # Assert: 105.40 × 1.001 = 105.50540 is capped at the 105.50 limit
    assert fills_after_trigger == []
    (fill,) = await broker.fills("acc-1")
    assert fill.price == D("105.50")


async def test_stop_orders_cannot_be_immediate_or_cancel(broker: PaperBroker) -> None:
    # Act / Assert
    with pytest.raises(BrokerError) as raised:
        await broker.submit(
            make_order(Side.SELL, "10", order_type=OrderType.STOP, stop="95", tif=TimeInForce.IOC)
        )
    assert raised.value.code is BrokerErrorCode.REJECTED
