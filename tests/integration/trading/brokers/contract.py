"""The BrokerPort contract: every broker adapter must pass these tests.

A test module subclasses `BrokerContract` (as `Test...`) and provides two fixtures:
`broker`, a BrokerPort with ACCOUNT opened holding CASH and nothing else, and `market`,
a `Market` that makes the broker trade a symbol at a price. Fills may arrive a little
after the order (a real broker streams them), so tests collect them with `fills_of`.
"""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal
from typing import Protocol

import pytest

from domain.trading.fills import Fill
from domain.trading.orders import OrderType, Side, TimeInForce
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrderStatus, BrokerPort
from tests.kit.paper import make_order

D = Decimal
ACCOUNT = "acc-1"
CASH = D(100_000)
SYMBOL = "AAPL"
PRICE = D(100)
BUY, SELL = Side.BUY, Side.SELL


class Market(Protocol):
    """Sets where a symbol trades; marketable orders fill at that price."""

    async def set_price(self, symbol: str, price: Decimal) -> None: ...


order = make_order  # an order of the contract's ACCOUNT and SYMBOL (the kit's defaults)


async def fills_of(broker: BrokerPort, count: int, timeout_s: float = 2.0) -> list[Fill]:
    """Drain fills until `count` arrived (or the timeout passed)."""
    found: list[Fill] = []
    give_up = time.monotonic() + timeout_s
    while True:
        found += await broker.fills(ACCOUNT)
        if len(found) >= count or time.monotonic() > give_up:
            return found
        await asyncio.sleep(0.01)


class BrokerContract:
    """Behaviour the core relies on, whichever broker is behind the port."""

    # Whether the account may sell what it does not hold. A spot crypto account may not:
    # its resting sells are replaced by buys below the market, and it opens no short.
    sells_short = True

    async def test_a_marketable_buy_fills_and_becomes_a_position(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        buy = order(BUY, "10")

        # Act
        placed = await broker.submit(buy)
        [fill] = await fills_of(broker, 1)

        # Assert
        assert placed.client_order_id == buy.client_order_id
        assert placed.account_id == ACCOUNT
        assert (placed.symbol, placed.side, placed.quantity) == (SYMBOL, BUY, D(10))
        assert (fill.order_id, fill.account_id, fill.symbol) == (buy.id, ACCOUNT, SYMBOL)
        assert (fill.side, fill.quantity, fill.price) == (BUY, D(10), PRICE)
        [position] = await broker.positions(ACCOUNT)
        assert (position.symbol, position.quantity, position.average_price) == (
            SYMBOL,
            D(10),
            PRICE,
        )
        assert await broker.open_orders(ACCOUNT) == []

    async def test_an_order_is_found_by_its_client_order_id_open_or_closed(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        resting = order(BUY, "5", order_type=OrderType.LIMIT, limit="95")
        placed = await broker.submit(resting)
        await broker.cancel(ACCOUNT, placed.broker_order_id)

        # Act
        found = await broker.order_by_client_id(ACCOUNT, resting.client_order_id)

        # Assert
        assert found is not None
        assert (found.broker_order_id, found.client_order_id) == (
            placed.broker_order_id,
            resting.client_order_id,
        )
        assert not found.status.is_open

    async def test_an_order_never_sent_is_not_found_by_its_client_order_id(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        await broker.submit(order(BUY, "1"))

        # Act
        found = await broker.order_by_client_id(ACCOUNT, "never-sent-client-id")

        # Assert
        assert found is None
        assert broker.acceptance_window_s >= 0

    async def test_a_fill_is_returned_once_and_never_again(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        await broker.submit(order(BUY, "3"))
        first = await fills_of(broker, 1)

        # Act
        await asyncio.sleep(0.05)
        again = await broker.fills(ACCOUNT) + await broker.fills(ACCOUNT)

        # Assert
        assert len(first) == 1
        assert again == []

    async def test_a_limit_away_from_the_market_rests_open(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        bid = order(BUY, "5", order_type=OrderType.LIMIT, limit="95")

        # Act
        placed = await broker.submit(bid)

        # Assert
        assert placed.status is BrokerOrderStatus.ACCEPTED
        assert placed.filled_quantity == 0
        [resting] = await broker.open_orders(ACCOUNT)
        assert resting.broker_order_id == placed.broker_order_id
        assert resting.client_order_id == bid.client_order_id
        assert (resting.order_type, resting.limit_price) == (OrderType.LIMIT, D(95))
        assert resting.status.is_open
        assert await broker.positions(ACCOUNT) == []

    async def test_a_resting_limit_fills_when_the_market_reaches_it(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        bid = order(BUY, "5", order_type=OrderType.LIMIT, limit="95")
        await broker.submit(bid)

        # Act
        await market.set_price(SYMBOL, D(94))
        [fill] = await fills_of(broker, 1)

        # Assert
        assert fill.order_id == bid.id
        assert fill.quantity == 5
        assert fill.price <= D(95)
        assert await broker.open_orders(ACCOUNT) == []

    async def test_cancel_is_acknowledged_and_the_order_leaves_the_open_list(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        side, limit = (SELL, "110") if self.sells_short else (BUY, "80")
        placed = await broker.submit(order(side, "5", order_type=OrderType.LIMIT, limit=limit))

        # Act
        result = await broker.cancel(ACCOUNT, placed.broker_order_id)

        # Assert
        assert result.ok
        assert result.broker_order_id == placed.broker_order_id
        assert await broker.open_orders(ACCOUNT) == []

    async def test_cancelling_an_unknown_order_is_not_ok_and_not_found(
        self, broker: BrokerPort
    ) -> None:
        # Act
        result = await broker.cancel(ACCOUNT, "no-such-order")

        # Assert
        assert not result.ok
        assert result.error == BrokerErrorCode.NOT_FOUND.value

    async def test_cancelling_a_filled_order_is_not_ok(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        placed = await broker.submit(order(BUY, "1"))
        await fills_of(broker, 1)

        # Act
        result = await broker.cancel(ACCOUNT, placed.broker_order_id)

        # Assert
        assert not result.ok
        assert result.error == BrokerErrorCode.REJECTED.value

    async def test_cancel_all_acknowledges_every_open_order_and_leaves_none(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        first = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="90"))
        side, limit = (SELL, "120") if self.sells_short else (BUY, "85")
        second = await broker.submit(order(side, "2", order_type=OrderType.LIMIT, limit=limit))

        # Act
        results = await broker.cancel_all(ACCOUNT)

        # Assert
        assert {r.broker_order_id for r in results} == {
            first.broker_order_id,
            second.broker_order_id,
        }
        assert all(r.ok and r.error is None for r in results)
        assert await broker.open_orders(ACCOUNT) == []

    async def test_cancel_all_with_nothing_open_returns_nothing(self, broker: BrokerPort) -> None:
        assert await broker.cancel_all(ACCOUNT) == []

    @pytest.mark.parametrize(("opening", "closing"), [(BUY, SELL), (SELL, BUY)])
    async def test_close_all_flattens_a_position_with_a_market_order(
        self, broker: BrokerPort, market: Market, opening: Side, closing: Side
    ) -> None:
        # Arrange
        if opening is SELL and not self.sells_short:
            pytest.skip("the account cannot sell what it does not hold")
        await market.set_price(SYMBOL, PRICE)
        await broker.submit(order(opening, "4"))
        await fills_of(broker, 1)

        # Act
        [result] = await broker.close_all(ACCOUNT)
        closed = await fills_of(broker, 1)

        # Assert
        assert result.ok
        assert result.symbol == SYMBOL
        assert result.order is not None
        assert (result.order.side, result.order.quantity) == (closing, D(4))
        assert result.order.order_type is OrderType.MARKET
        assert [f.side for f in closed] == [closing]
        assert await broker.positions(ACCOUNT) == []

    async def test_close_all_with_no_positions_returns_nothing(self, broker: BrokerPort) -> None:
        assert await broker.close_all(ACCOUNT) == []

    async def test_a_stop_order_that_must_execute_at_once_is_rejected(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        bad = order(BUY, "1", order_type=OrderType.STOP, stop="105", tif=TimeInForce.IOC)

        # Act
        with pytest.raises(BrokerError) as caught:
            await broker.submit(bad)

        # Assert
        assert caught.value.code is BrokerErrorCode.REJECTED
        assert not caught.value.retryable
        assert await broker.open_orders(ACCOUNT) == []

    @pytest.mark.parametrize(("side", "quantity"), [(BUY, "5000"), (SELL, "4")])
    async def test_an_order_beyond_what_the_account_has_is_refused_for_funds(
        self, broker: BrokerPort, market: Market, side: Side, quantity: str
    ) -> None:
        # Arrange: a buy beyond buying power; a sell of what is not held, where that is no short
        if side is SELL and self.sells_short:
            pytest.skip("the account may sell what it does not hold")
        await market.set_price(SYMBOL, PRICE)

        # Act
        with pytest.raises(BrokerError) as caught:
            await broker.submit(order(side, quantity))

        # Assert
        assert caught.value.code is BrokerErrorCode.INSUFFICIENT_FUNDS
        assert await broker.open_orders(ACCOUNT) == []
        assert await broker.positions(ACCOUNT) == []

    async def test_account_reports_cash_and_equity_after_a_fill(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        before = await broker.account(ACCOUNT)
        await broker.submit(order(BUY, "10"))
        await fills_of(broker, 1)

        # Act
        await market.set_price(SYMBOL, D(110))
        after = await broker.account(ACCOUNT)

        # Assert
        assert (before.account_id, before.cash, before.equity) == (ACCOUNT, CASH, CASH)
        assert before.currency == "USD"
        assert after.cash == CASH - 10 * PRICE
        assert after.equity == CASH + 10 * (D(110) - PRICE)
        assert after.buying_power < before.buying_power

    async def test_resubmitting_a_client_order_id_returns_the_same_order(
        self, broker: BrokerPort, market: Market
    ) -> None:
        # Arrange
        await market.set_price(SYMBOL, PRICE)
        bid = order(BUY, "2", order_type=OrderType.LIMIT, limit="90", client_order_id="cl-same")
        first = await broker.submit(bid)

        # Act
        second = await broker.submit(bid)

        # Assert
        assert second.broker_order_id == first.broker_order_id
        assert len(await broker.open_orders(ACCOUNT)) == 1

    async def test_an_account_the_broker_does_not_hold_is_not_found(
        self, broker: BrokerPort
    ) -> None:
        with pytest.raises(BrokerError) as caught:
            await broker.open_orders("acc-unknown")
        assert caught.value.code is BrokerErrorCode.NOT_FOUND
