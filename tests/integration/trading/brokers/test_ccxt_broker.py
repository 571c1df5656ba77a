"""The CCXT broker over a local fake Binance spot API: errors, cancel-all, exact numbers."""

from __future__ import annotations

import decimal
from collections.abc import AsyncIterator
from contextlib import aclosing
from decimal import Decimal

import ccxt.async_support as ccxt  # type: ignore[import-untyped]
import pytest

from adapters.brokers.ccxt import CcxtBroker, SymbolMap
from adapters.brokers.ccxt.errors import error_code
from adapters.brokers.ccxt.wire import average_cost, derivative_position, order_status
from domain.trading.orders import OrderType
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrderStatus, DeadlineBroker
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.binance_fake import (
    RATE_LIMITED,
    FakeBinanceSpot,
    binance_broker,
)
from tests.integration.trading.brokers.contract import ACCOUNT, BUY, SELL, order

D = Decimal


@pytest.fixture
def venue() -> FakeBinanceSpot:
    spot = FakeBinanceSpot()
    spot.fund("USDT", D("10000.12345678"))
    spot.fund("USD", D(100_000))
    return spot


@pytest.fixture
async def broker(server: AlpacaServer) -> AsyncIterator[CcxtBroker]:
    async with aclosing(binance_broker(server, quote="USDT")) as ccxt_broker:
        yield ccxt_broker


async def _resting(broker: CcxtBroker, venue: FakeBinanceSpot, *limits: str) -> list[str]:
    """Buy limits on BTC below its price, each resting open; their venue ids."""
    await venue.set_price("BTC", D(60_000))
    placed = [
        await broker.submit(order(BUY, "0.001", order_type=OrderType.LIMIT, limit=p, symbol="BTC"))
        for p in limits
    ]
    return [p.broker_order_id for p in placed]


async def test_quantities_and_prices_travel_and_return_as_exact_decimals(
    broker: CcxtBroker, venue: FakeBinanceSpot, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("BTC", D("65432.10"))
    bid = order(BUY, "0.12345", order_type=OrderType.LIMIT, limit="65432.11", symbol="BTC")

    # Act
    placed = await broker.submit(bid)
    [fill] = await broker.fills(ACCOUNT)
    account = await broker.account(ACCOUNT)

    # Assert
    [sent] = server.requests_to("POST", "/api/v3/order")
    assert "quantity=0.12345" in sent.body.decode()
    assert "price=65432.11" in sent.body.decode()
    assert (placed.symbol, placed.quantity, placed.limit_price) == (
        "BTC",
        D("0.12345"),
        D("65432.11"),
    )
    assert placed.status is BrokerOrderStatus.FILLED
    assert placed.average_fill_price == D("65432.10")
    assert (fill.quantity, fill.price, fill.order_id) == (D("0.12345"), D("65432.10"), bid.id)
    assert account.cash == D("10000.12345678") - D("8077.5927450")
    assert account.equity == D("10000.12345678")
    assert account.currency == "USDT"


async def test_an_order_through_ccxt_leaves_the_decimal_rounding_of_the_process_alone(
    broker: CcxtBroker, venue: FakeBinanceSpot
) -> None:
    # Arrange: ccxt's precision formatting sets ROUND_HALF_UP on the context it runs in
    await venue.set_price("BTC", D("65432.10"))
    before = decimal.getcontext().copy()

    # Act
    await broker.submit(
        order(BUY, "0.001", order_type=OrderType.LIMIT, limit="65000", symbol="BTC")
    )

    # Assert: half-even as before (0.22665 to four places is 0.2266), nothing trapped anew
    context = decimal.getcontext()
    assert (context.rounding, context.prec) == (before.rounding, before.prec)
    assert not context.traps[decimal.Underflow]
    assert D("0.22665").quantize(D("0.0001")) == D("0.2266")


@pytest.mark.parametrize(
    ("quantity", "limit", "off"),
    [("0.00012345", "65000", "lot 0.00001"), ("0.001", "65000.005", "tick 0.01")],
)
async def test_an_order_off_the_lot_or_the_tick_is_refused_before_ccxt_truncates_it(
    broker: CcxtBroker,
    venue: FakeBinanceSpot,
    server: AlpacaServer,
    quantity: str,
    limit: str,
    off: str,
) -> None:
    # Arrange
    await venue.set_price("BTC", D(60_000))
    bid = order(BUY, quantity, order_type=OrderType.LIMIT, limit=limit, symbol="BTC")

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(bid)

    # Assert
    assert caught.value.code is BrokerErrorCode.REJECTED
    assert off in caught.value.message
    assert server.requests_to("POST", "/api/v3/order") == []


async def test_a_buy_beyond_the_balance_is_refused_for_funds_with_the_venues_message(
    broker: CcxtBroker, venue: FakeBinanceSpot
) -> None:
    # Arrange
    await venue.set_price("BTC", D(60_000))

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1", symbol="BTC"))

    # Assert
    assert caught.value.code is BrokerErrorCode.INSUFFICIENT_FUNDS
    assert not caught.value.retryable
    assert "Account has insufficient balance for requested action." in caught.value.message
    assert "\n" not in caught.value.message


async def test_a_429_with_binances_body_is_a_retryable_rate_limit(
    broker: CcxtBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(RATE_LIMITED, method="GET", path="/api/v3/account")

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.account(ACCOUNT)

    # Assert
    assert caught.value.code is BrokerErrorCode.RATE_LIMITED
    assert caught.value.retryable
    assert (await broker.account(ACCOUNT)).cash == D("10000.12345678")


async def test_a_venue_answering_503_is_unavailable_and_retryable(
    broker: CcxtBroker, server: AlpacaServer
) -> None:
    # Arrange
    from tests.alpaca_server import Reply

    server.fail(Reply(503, raw=b"Service Unavailable"), method="GET", path="/api/v3/account")

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.account(ACCOUNT)

    # Assert
    assert caught.value.code is BrokerErrorCode.UNAVAILABLE
    assert caught.value.retryable


async def test_cancel_all_uses_the_venues_own_per_symbol_cancel_all(
    broker: CcxtBroker, venue: FakeBinanceSpot, server: AlpacaServer
) -> None:
    # Arrange
    ids = await _resting(broker, venue, "50000", "51000")

    # Act
    results = await broker.cancel_all(ACCOUNT)

    # Assert
    assert sorted((r.broker_order_id, r.ok) for r in results) == sorted((i, True) for i in ids)
    [sent] = server.requests_to("DELETE", "/api/v3/openOrders")
    assert sent.params["symbol"] == "BTCUSDT"
    assert server.requests_to("DELETE", "/api/v3/order") == []
    assert venue.open_count() == 0


async def test_a_rate_limited_cancel_all_reports_each_order_it_left_open(
    broker: CcxtBroker, venue: FakeBinanceSpot, server: AlpacaServer
) -> None:
    # Arrange
    ids = await _resting(broker, venue, "50000", "51000")
    server.fail(RATE_LIMITED, method="DELETE", path="/api/v3/openOrders")

    # Act
    results = await broker.cancel_all(ACCOUNT)

    # Assert
    assert sorted((r.broker_order_id, r.ok, r.error) for r in results) == sorted(
        (i, False, BrokerErrorCode.RATE_LIMITED.value) for i in ids
    )
    assert venue.open_count() == 2


async def test_emulated_cancel_all_reports_the_one_order_the_venue_would_not_cancel(
    broker: CcxtBroker, venue: FakeBinanceSpot, server: AlpacaServer
) -> None:
    # Arrange
    broker.exchange.has = {**broker.exchange.has, "cancelAllOrders": False}
    first, stuck, third = await _resting(broker, venue, "50000", "51000", "52000")
    venue.failing_cancels.add(int(stuck))

    # Act
    results = await broker.cancel_all(ACCOUNT)

    # Assert
    by_id = {r.broker_order_id: r for r in results}
    assert set(by_id) == {first, stuck, third}
    assert by_id[first].ok and by_id[third].ok
    assert not by_id[stuck].ok
    assert by_id[stuck].error == BrokerErrorCode.REJECTED.value
    assert len(server.requests_to("DELETE", "/api/v3/order")) == 3
    assert [o.broker_order_id for o in await broker.open_orders(ACCOUNT)] == [stuck]


async def test_instruments_carry_the_venues_tick_lot_and_minimum_notional(
    broker: CcxtBroker,
) -> None:
    # Act
    [btc] = await broker.instruments(["BTC"])

    # Assert
    assert (btc.symbol, btc.venue_symbol, btc.base, btc.quote) == ("BTC", "BTC/USDT", "BTC", "USDT")
    assert (btc.tick_size, btc.lot_size) == (D("0.01"), D("0.00001"))
    assert (btc.min_quantity, btc.min_notional) == (D("0.00001"), D(5))
    assert btc.active and btc.spot


async def test_a_restarted_broker_finds_an_order_by_client_id_on_a_watched_symbol(
    broker: CcxtBroker, venue: FakeBinanceSpot, server: AlpacaServer
) -> None:
    # Arrange
    [sent] = await _resting(broker, venue, "50000")
    client_order_id = (await broker.open_orders(ACCOUNT))[0].client_order_id
    restarted = binance_broker(server, quote="USDT", watch=("BTC",))

    # Act
    found = await restarted.order_by_client_id(ACCOUNT, client_order_id)
    await restarted.aclose()

    # Assert
    assert found is not None
    assert (found.broker_order_id, found.symbol, found.status) == (
        sent,
        "BTC",
        BrokerOrderStatus.ACCEPTED,
    )


async def test_a_call_past_its_deadline_fails_at_once_as_a_retryable_timeout(
    broker: CcxtBroker, server: AlpacaServer
) -> None:
    # Arrange
    bounded = broker.within(0.0)

    # Act
    with pytest.raises(BrokerError) as caught:
        await bounded.open_orders(ACCOUNT)

    # Assert
    assert isinstance(broker, DeadlineBroker)
    assert caught.value.code is BrokerErrorCode.TIMEOUT
    assert caught.value.retryable
    assert server.requests_to("GET", "/api/v3/openOrders") == []


async def test_close_all_sells_the_held_balance_in_whole_lots(
    broker: CcxtBroker, venue: FakeBinanceSpot
) -> None:
    # Arrange
    await venue.set_price("BTC", D(60_000))
    await broker.submit(order(BUY, "0.1", symbol="BTC"))
    venue.fund("BTC", D("0.000004"))  # dust below the 0.00001 lot

    # Act
    [result] = await broker.close_all(ACCOUNT)

    # Assert
    assert result.ok and result.order is not None
    assert (result.order.side, result.order.quantity) == (SELL, D("0.1"))
    [position] = await broker.positions(ACCOUNT)
    assert position.quantity == D("0.000004")


@pytest.mark.parametrize(
    ("exc", "code", "retryable"),
    [
        (ccxt.RateLimitExceeded("x"), BrokerErrorCode.RATE_LIMITED, True),
        (ccxt.DDoSProtection("x"), BrokerErrorCode.RATE_LIMITED, True),
        (ccxt.RequestTimeout("x"), BrokerErrorCode.TIMEOUT, True),
        (ccxt.ExchangeNotAvailable("x"), BrokerErrorCode.UNAVAILABLE, True),
        (ccxt.NetworkError("x"), BrokerErrorCode.UNAVAILABLE, True),
        (ccxt.BadResponse("x"), BrokerErrorCode.UNAVAILABLE, False),
        (ccxt.InsufficientFunds("x"), BrokerErrorCode.INSUFFICIENT_FUNDS, False),
        (ccxt.OrderNotFound("x"), BrokerErrorCode.NOT_FOUND, False),
        (ccxt.InvalidOrder("x"), BrokerErrorCode.REJECTED, False),
        (ccxt.BadSymbol("x"), BrokerErrorCode.REJECTED, False),
        (ccxt.AuthenticationError("x"), BrokerErrorCode.AUTH_FAILED, False),
    ],
)
def test_ccxt_errors_map_to_the_ports_codes(
    exc: Exception, code: BrokerErrorCode, retryable: bool
) -> None:
    assert error_code(exc) == (code, retryable)


@pytest.mark.parametrize(
    ("status", "filled", "expected"),
    [
        ("open", "0", BrokerOrderStatus.ACCEPTED),
        ("open", "1", BrokerOrderStatus.PARTIALLY_FILLED),
        ("closed", "3", BrokerOrderStatus.FILLED),
        ("closed", "1", BrokerOrderStatus.CANCELED),
        ("closed", "0", BrokerOrderStatus.FILLED),
        ("canceling", "0", BrokerOrderStatus.PENDING_CANCEL),
        ("expired", "0", BrokerOrderStatus.EXPIRED),
        ("rejected", "0", BrokerOrderStatus.REJECTED),
        (None, "0", BrokerOrderStatus.ACCEPTED),
        ("some-new-state", "0", BrokerOrderStatus.ACCEPTED),
    ],
)
def test_ccxt_order_statuses_map_to_the_ports_failing_closed(
    status: str | None, filled: str, expected: BrokerOrderStatus
) -> None:
    assert order_status(status, D(3), D(filled)) is expected


@pytest.mark.parametrize(
    ("ours", "venue"),
    [
        ("BTC", "BTC/USDT"),
        ("ETH/BTC", "ETH/BTC"),
        ("BTC/USDT:USDT", "BTC/USDT:USDT"),
        ("XBT", "BTC/USD"),
    ],
)
def test_symbols_map_both_ways(ours: str, venue: str) -> None:
    symbols = SymbolMap("USDT", {"XBT": "BTC/USD"})
    assert symbols.to_venue(ours) == venue
    assert symbols.from_venue(venue) == ours


def test_average_cost_follows_buys_and_keeps_it_through_sells() -> None:
    # Arrange
    trades = [
        {"timestamp": 1, "side": "buy", "amount": "1", "price": "100"},
        {"timestamp": 2, "side": "buy", "amount": "3", "price": "200"},
        {"timestamp": 3, "side": "sell", "amount": "2", "price": "500"},
    ]

    # Act
    average = average_cost(trades)
    flat = average_cost([*trades, {"timestamp": 4, "side": "sell", "amount": "2", "price": "1"}])

    # Assert
    assert average == D(175)
    assert flat is None


def test_a_short_derivative_position_is_signed_and_counted_in_contracts() -> None:
    # Arrange
    found = {
        "symbol": "BTC/USDT:USDT",
        "contracts": "3",
        "contractSize": "0.001",
        "side": "short",
        "entryPrice": "65000.5",
    }

    # Act
    position = derivative_position(found, ACCOUNT, SymbolMap("USDT"))

    # Assert
    assert position is not None
    assert (position.symbol, position.quantity, position.average_price) == (
        "BTC/USDT:USDT",
        D(-3),
        D("65000.5"),
    )
