"""The Alpaca adapter against the local server: error mapping, multi-status answers, deadlines."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from adapters.brokers.alpaca import AlpacaBroker, AlpacaBrokerConfig
from domain.trading.orders import OrderType, TimeInForce
from ports.trading.broker import BrokerError, BrokerErrorCode, DeadlineBroker
from tests.alpaca_server import AlpacaServer, Reply, fixture
from tests.integration.trading.brokers.conftest import alpaca_broker
from tests.integration.trading.brokers.contract import (
    ACCOUNT,
    BUY,
    PRICE,
    SELL,
    SYMBOL,
    fills_of,
    order,
)
from tests.kit.alpaca_fake import FakeAlpacaTrading

D = Decimal
C = BrokerErrorCode
SLACK = 0.25


@pytest.fixture
async def priced(venue: FakeAlpacaTrading) -> FakeAlpacaTrading:
    await venue.set_price(SYMBOL, PRICE)
    await venue.set_price("TSLA", D(200))
    return venue


async def test_submit_sends_alpacas_documented_request(
    broker: AlpacaBroker, server: AlpacaServer, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    stop_limit = order(
        SELL, "3", order_type=OrderType.STOP_LIMIT, limit="90.5", stop="91", tif=TimeInForce.GTC
    )

    # Act
    placed = await broker.submit(stop_limit)

    # Assert
    [request] = server.requests_to("POST", "/v2/orders")
    assert request.json() == {
        "symbol": SYMBOL,
        "qty": "3",
        "side": "sell",
        "type": "stop_limit",
        "time_in_force": "gtc",
        "client_order_id": stop_limit.client_order_id,
        "limit_price": "90.5",
        "stop_price": "91",
    }
    assert request.headers["apca-api-key-id"] == "AKFAKE"
    assert (placed.order_type, placed.limit_price, placed.stop_price) == (
        OrderType.STOP_LIMIT,
        D("90.5"),
        D(91),
    )


@pytest.mark.parametrize(
    ("reply", "code", "retryable"),
    [
        (Reply(403, fixture("error")), C.INSUFFICIENT_FUNDS, False),
        (
            Reply(403, {"code": 40310000, "message": "account is not allowed to short"}),
            C.REJECTED,
            False,
        ),
        (Reply(422, {"code": 40010001, "message": "qty must be > 0"}), C.REJECTED, False),
        (Reply(404, {"code": 40410000, "message": "asset not found"}), C.NOT_FOUND, False),
        (
            Reply(429, {"message": "rate limit exceeded"}, {"Retry-After": "30"}),
            C.RATE_LIMITED,
            True,
        ),
        (Reply(500, {"code": 50010000, "message": "internal error"}), C.UNAVAILABLE, True),
        (Reply(200, raw=b"{not json"), C.UNAVAILABLE, False),
        (Reply(200, {"id": "x"}), C.UNAVAILABLE, False),
    ],
)
async def test_submit_failures_map_to_broker_error_codes(
    broker: AlpacaBroker,
    server: AlpacaServer,
    priced: FakeAlpacaTrading,
    reply: Reply,
    code: BrokerErrorCode,
    retryable: bool,
) -> None:
    # Arrange
    server.fail(reply, method="POST", path="/v2/orders")

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1"))

    # Assert
    assert caught.value.code is code
    assert caught.value.retryable is retryable
    assert caught.value.message.startswith("alpaca submit:")


async def test_a_hanging_submit_times_out_by_its_deadline(
    broker: AlpacaBroker, server: AlpacaServer, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    server.slow(5.0, method="POST", path="/v2/orders")
    started = time.monotonic()

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1"), deadline=started + 0.3)

    # Assert
    assert caught.value.code is C.TIMEOUT
    assert caught.value.retryable
    assert time.monotonic() - started < 0.3 + SLACK


async def test_a_rejected_status_in_the_answer_raises_rejected(
    broker: AlpacaBroker, server: AlpacaServer, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    server.fail(Reply(200, {**fixture("order"), "status": "rejected"}), path="/v2/orders")

    # Act / Assert
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1"))
    assert caught.value.code is C.REJECTED


async def test_cancel_all_reports_each_order_and_keeps_the_failed_one_open(
    broker: AlpacaBroker, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    kept = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="90"))
    gone = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="91"))
    priced.failing_cancels.add(kept.broker_order_id)

    # Act
    results = {r.broker_order_id: r for r in await broker.cancel_all(ACCOUNT)}

    # Assert
    assert results[gone.broker_order_id].ok
    assert not results[kept.broker_order_id].ok
    assert results[kept.broker_order_id].error == C.UNAVAILABLE.value
    [still_open] = await broker.open_orders(ACCOUNT)
    assert still_open.broker_order_id == kept.broker_order_id


async def test_cancel_all_reads_alpacas_documented_multi_status(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(Reply(207, fixture("cancel_all")), method="DELETE", path="/v2/orders")

    # Act
    ok, failed = await broker.cancel_all(ACCOUNT)

    # Assert
    assert (ok.broker_order_id, ok.ok, ok.error) == (
        "d56ba3ea-6d04-48ce-8175-817e242ee608",
        True,
        None,
    )
    assert (failed.ok, failed.error) == (False, C.UNAVAILABLE.value)


async def test_close_all_reports_a_symbol_that_failed_to_liquidate_with_the_reason(
    broker: AlpacaBroker, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    await broker.submit(order(BUY, "4"))
    await broker.submit(order(SELL, "2", symbol="TSLA"))
    await fills_of(broker, 2)
    priced.failing_closes.add("TSLA")

    # Act
    results = {r.symbol: r for r in await broker.close_all(ACCOUNT)}

    # Assert
    closing = results[SYMBOL].order
    assert results[SYMBOL].ok
    assert closing is not None
    assert closing.side is SELL
    assert not results["TSLA"].ok
    assert results["TSLA"].order is None
    assert results["TSLA"].error is not None
    assert results["TSLA"].error.startswith(C.UNAVAILABLE.value)
    assert "insufficient qty available" in results["TSLA"].error
    [left] = await broker.positions(ACCOUNT)
    assert (left.symbol, left.quantity) == ("TSLA", D(-2))


async def test_close_all_reads_alpacas_documented_multi_status(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(Reply(207, fixture("close_all")), method="DELETE", path="/v2/positions")

    # Act
    apple, tesla = await broker.close_all(ACCOUNT)

    # Assert
    assert apple.ok
    assert apple.order is not None
    assert (apple.order.side, apple.order.quantity) == (SELL, D(5))
    assert not tesla.ok
    assert tesla.error == (
        "BROKER_UNAVAILABLE: insufficient qty available for order (requested: 3, available: 0)"
    )
    [request] = server.requests_to("DELETE", "/v2/positions")
    assert request.params == {"cancel_orders": "true"}


async def test_a_rate_limited_cancel_raises_rate_limited(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.rate_limit(retry_after=30, method="DELETE")

    # Act / Assert
    with pytest.raises(BrokerError) as caught:
        await broker.cancel(ACCOUNT, "alp-1")
    assert caught.value.code is C.RATE_LIMITED
    assert caught.value.retryable


async def test_a_bound_deadline_turns_a_long_429_into_an_immediate_rate_limited(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Arrange: a 1 s wait that would fit an unbounded call but not this deadline
    server.rate_limit(times=2, retry_after=1, method="DELETE", path="/v2/orders")
    started = time.monotonic()
    bounded = broker.within(started + 0.5)

    # Act
    with pytest.raises(BrokerError) as caught:
        await bounded.cancel_all(ACCOUNT)

    # Assert
    assert isinstance(broker, DeadlineBroker)
    assert bounded.name == "alpaca"
    assert caught.value.code is C.RATE_LIMITED
    assert time.monotonic() - started < SLACK
    assert len(server.requests_to("DELETE", "/v2/orders")) == 1


async def test_without_a_deadline_a_short_429_is_waited_out(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.rate_limit(times=1, retry_after=0.1, method="GET", path="/v2/account")

    # Act
    account = await broker.account(ACCOUNT)

    # Assert
    assert account.account_id == ACCOUNT
    assert len(server.requests_to("GET", "/v2/account")) == 2


async def test_open_orders_reads_every_page(
    server: AlpacaServer, priced: FakeAlpacaTrading
) -> None:
    # Arrange
    small = alpaca_broker(server, config=AlpacaBrokerConfig(orders_page=2))
    placed = [
        await small.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit=str(80 + n)))
        for n in range(5)
    ]

    # Act
    found = await small.open_orders(ACCOUNT)

    # Assert
    assert [o.broker_order_id for o in found] == [p.broker_order_id for p in placed]
    assert len(server.requests_to("GET", "/v2/orders")) >= 3
    await small.aclose()


async def test_an_account_outside_the_mapping_is_not_found_before_any_call(
    broker: AlpacaBroker, server: AlpacaServer
) -> None:
    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.cancel_all("acc-other")

    # Assert
    assert caught.value.code is C.NOT_FOUND
    assert server.requests == []
