"""The IBKR broker over a local fake Client Portal Gateway: the order questions, contract ids,
cancels the gateway refuses, a lapsed session, rate limits and exact numbers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import aclosing
from decimal import Decimal

import pytest

from adapters.brokers.ibkr import IbkrBroker, IbkrBrokerConfig
from adapters.brokers.ibkr.errors import http_error
from adapters.brokers.ibkr.wire import number, order_status
from adapters.memory.clock import SystemClock
from domain.trading.orders import OrderType, TimeInForce
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrderStatus, DeadlineBroker
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.trading.brokers.contract import ACCOUNT, BUY, SELL, order
from tests.integration.trading.brokers.ibkr_fake import (
    ACCOUNT_ID,
    API,
    CONIDS,
    RATE_LIMITED,
    FakeIbkrGateway,
    ibkr_broker,
)

D = Decimal
ORDERS = f"{API}/iserver/account/{ACCOUNT_ID}/orders"
REPLY = f"{API}/iserver/reply/{{reply}}"
SEARCH = f"{API}/iserver/secdef/search"
LIVE = f"{API}/iserver/account/orders"
SUMMARY = f"{API}/portfolio/{ACCOUNT_ID}/summary"


def one_order(order_id: str) -> str:
    return f"{API}/iserver/account/{ACCOUNT_ID}/order/{order_id}"


@pytest.fixture
def venue() -> FakeIbkrGateway:
    gateway = FakeIbkrGateway()
    gateway.fund(D(100_000))
    return gateway


@pytest.fixture
async def broker(server: AlpacaServer) -> AsyncIterator[IbkrBroker]:
    async with aclosing(ibkr_broker(server, accounts=frozenset({ACCOUNT}))) as ibkr:
        yield ibkr


async def _resting(broker: IbkrBroker, venue: FakeIbkrGateway, *limits: str) -> list[str]:
    """Buy limits on AAPL below its price, each resting; their IBKR order ids."""
    await venue.set_price("AAPL", D(100))
    placed = [
        await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit=p)) for p in limits
    ]
    return [p.broker_order_id for p in placed]


async def test_every_question_of_the_gateway_is_confirmed_in_turn_before_the_order_is_placed(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange: missing market data asked first, then the market order's own precaution
    venue.questions.append(
        (
            "o354",
            "You are submitting an order without market data. We strongly recommend against "
            "this as it may result in erroneous and unexpected trades.\nAre you sure you want "
            "to submit this order?",
        )
    )
    await venue.set_price("AAPL", D(100))

    # Act
    placed = await broker.submit(order(BUY, "2"))

    # Assert
    replies = server.requests_to("POST", REPLY)
    assert [r.json() for r in replies] == [{"confirmed": True}, {"confirmed": True}]
    assert placed.status is BrokerOrderStatus.FILLED
    [kept] = venue.orders.values()
    assert str(kept.id) == placed.broker_order_id


async def test_a_question_no_answer_confirms_refuses_the_order_naming_it(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    venue.questions.append(("o99999", "Your order breaches a rule we have not seen before."))
    await venue.set_price("AAPL", D(100))

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "2"))

    # Assert
    assert caught.value.code is BrokerErrorCode.REJECTED
    assert not caught.value.retryable
    assert "a rule we have not seen before" in caught.value.message
    assert "\n" not in caught.value.message
    assert server.requests_to("POST", REPLY) == []
    assert venue.orders == {}


async def test_a_symbol_is_looked_up_once_for_its_stock_contract_id(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))

    # Act
    await broker.submit(order(BUY, "1"))
    await broker.submit(order(BUY, "1"))

    # Assert
    [search] = server.requests_to("GET", SEARCH)
    assert search.params["symbol"] == "AAPL"
    sent = [json.loads(r.body)["orders"][0] for r in server.requests_to("POST", ORDERS)]
    assert [(s["conid"], s["secType"]) for s in sent] == [(265598, "265598:STK")] * 2
    [position] = await broker.positions(ACCOUNT)
    assert (position.symbol, position.quantity) == ("AAPL", D(2))


async def test_a_configured_contract_id_is_used_without_a_lookup(
    venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange: Bulwark's symbol APPLE is IBKR's contract 265598
    config = IbkrBrokerConfig(conids={"APPLE": CONIDS["AAPL"]})
    await venue.set_price("AAPL", D(100))

    # Act
    async with aclosing(ibkr_broker(server, config=config)) as broker:
        placed = await broker.submit(order(BUY, "1", symbol="APPLE"))
        [fill] = await broker.fills(ACCOUNT)

    # Assert
    assert server.requests_to("GET", SEARCH) == []
    assert (placed.symbol, fill.symbol) == ("APPLE", "APPLE")


async def test_a_symbol_ibkr_does_not_list_is_refused_before_anything_is_sent(
    broker: IbkrBroker, server: AlpacaServer
) -> None:
    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1", symbol="NOSUCH"))

    # Assert
    assert caught.value.code is BrokerErrorCode.REJECTED
    assert caught.value.message == "ibkr submit: IBKR lists no stock named NOSUCH"
    assert server.requests_to("POST", ORDERS) == []


async def test_quantities_and_prices_travel_as_exact_decimal_numbers(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D("100.10"))
    bid = order(BUY, "0.5", order_type=OrderType.STOP_LIMIT, limit="101.05", stop="100.95")

    # Act
    await broker.submit(bid)

    # Assert
    [sent] = server.requests_to("POST", ORDERS)
    body = sent.body.decode()
    assert '"quantity":0.5' in body and '"price":101.05' in body and '"auxPrice":100.95' in body
    [resting] = await broker.open_orders(ACCOUNT)
    assert (resting.order_type, resting.limit_price, resting.stop_price) == (
        OrderType.STOP_LIMIT,
        D("101.05"),
        D("100.95"),
    )


async def test_a_fill_names_the_bulwark_order_through_its_client_order_id(
    broker: IbkrBroker, venue: FakeIbkrGateway
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))
    buy = order(BUY, "3", order_type=OrderType.LIMIT, limit="99.5")
    placed = await broker.submit(buy)

    # Act
    await venue.set_price("AAPL", D("99.25"))
    [fill] = await broker.fills(ACCOUNT)

    # Assert
    assert placed.status is BrokerOrderStatus.ACCEPTED
    assert (fill.order_id, fill.quantity, fill.price) == (buy.id, D(3), D("99.25"))


async def test_cancelling_an_order_the_gateway_never_had_asks_the_live_orders(
    broker: IbkrBroker, server: AlpacaServer
) -> None:
    # Act
    result = await broker.cancel(ACCOUNT, "1799999999")

    # Assert
    assert (result.ok, result.error) == (False, BrokerErrorCode.NOT_FOUND.value)
    assert len(server.requests_to("DELETE", one_order("1799999999"))) == 1
    assert len(server.requests_to("GET", LIVE)) == 2  # the session's pre-flight, the lookup


async def test_a_refused_cancel_whose_lookup_fails_is_reported_refused_not_raised(
    broker: IbkrBroker, server: AlpacaServer
) -> None:
    # Arrange: the session is up; then the live orders answer 429
    await broker.open_orders(ACCOUNT)
    server.fail(RATE_LIMITED, method="GET", path=LIVE)

    # Act
    result = await broker.cancel(ACCOUNT, "1799999999")

    # Assert
    assert (result.ok, result.error) == (False, BrokerErrorCode.REJECTED.value)


async def test_cancel_all_reports_the_order_the_gateway_refused_and_the_one_rate_limited(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange: one order fills between the listing and its cancel; another's cancel gets 429
    first, filled, limited = await _resting(broker, venue, "90", "91", "92")
    server.fail(RATE_LIMITED, method="DELETE", path=one_order(limited))
    venue.filling_on_cancel.add(int(filled))

    # Act
    results = await broker.cancel_all(ACCOUNT)

    # Assert
    by_id = {r.broker_order_id: (r.ok, r.error) for r in results}
    assert by_id == {
        first: (True, None),
        filled: (False, BrokerErrorCode.REJECTED.value),
        limited: (False, BrokerErrorCode.RATE_LIMITED.value),
    }
    assert [o.broker_order_id for o in await broker.open_orders(ACCOUNT)] == [limited]


async def test_a_lapsed_session_is_unavailable_and_the_accounts_are_listed_again_after_login(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    await broker.account(ACCOUNT)
    venue.lapse()

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.account(ACCOUNT)
    alive = await broker.gateway.tickle()
    venue.login()
    after = await broker.account(ACCOUNT)

    # Assert
    assert caught.value.code is BrokerErrorCode.UNAVAILABLE and caught.value.retryable
    assert caught.value.message == (
        "ibkr account: the gateway's session is not authenticated "
        "(log in to the Client Portal Gateway again)"
    )
    assert not alive
    assert after.cash == D(100_000)
    assert len(server.requests_to("GET", f"{API}/iserver/accounts")) == 2


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        (RATE_LIMITED, BrokerErrorCode.RATE_LIMITED),
        (Reply(503, raw=b"Service Unavailable"), BrokerErrorCode.UNAVAILABLE),
    ],
)
async def test_a_gateway_answering_429_or_503_is_retryable(
    broker: IbkrBroker, server: AlpacaServer, reply: Reply, code: BrokerErrorCode
) -> None:
    # Arrange
    server.fail(reply, method="GET", path=SUMMARY)

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.account(ACCOUNT)

    # Assert
    assert (caught.value.code, caught.value.retryable) == (code, True)
    assert "\n" not in caught.value.message
    assert (await broker.account(ACCOUNT)).cash == D(100_000)


async def test_the_session_is_kept_alive_with_a_tickle(
    venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    async with aclosing(ibkr_broker(server)) as broker:
        broker.gateway._tickle_s = 0.02

        # Act
        await broker.warm()
        for _ in range(100):
            if len(server.requests_to("POST", f"{API}/tickle")) >= 2:
                break
            await asyncio.sleep(0.02)

    # Assert
    assert len(server.requests_to("POST", f"{API}/tickle")) >= 2
    assert server.requests_to("GET", f"{API}/portfolio/accounts")


async def test_fill_or_kill_is_refused_as_the_web_api_does_not_offer_it(
    broker: IbkrBroker, venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(
            order(SELL, "1", order_type=OrderType.LIMIT, limit="100", tif=TimeInForce.FOK)
        )

    # Assert
    assert caught.value.code is BrokerErrorCode.REJECTED
    assert "time in force fok" in caught.value.message
    assert server.requests_to("POST", ORDERS) == []


async def test_a_call_past_its_deadline_fails_at_once_as_a_retryable_timeout(
    broker: IbkrBroker, server: AlpacaServer
) -> None:
    # Arrange
    await broker.open_orders(ACCOUNT)
    bounded = broker.within(0.0)

    # Act
    with pytest.raises(BrokerError) as caught:
        await bounded.open_orders(ACCOUNT)

    # Assert
    assert isinstance(broker, DeadlineBroker)
    assert (caught.value.code, caught.value.retryable) == (BrokerErrorCode.TIMEOUT, True)
    assert len(server.requests_to("GET", LIVE)) == 2  # the pre-flight and the first call


@pytest.mark.parametrize(
    ("status", "text", "code", "retryable"),
    [
        (401, "", BrokerErrorCode.UNAVAILABLE, True),
        (429, "Too Many Requests", BrokerErrorCode.RATE_LIMITED, True),
        (500, "Internal Server Error", BrokerErrorCode.UNAVAILABLE, True),
        (
            None,
            "... EQUITY WITH LOAN VALUE [1 USD] MUST EXCEED THE INITIAL MARGIN",
            BrokerErrorCode.INSUFFICIENT_FUNDS,
            False,
        ),
        (400, "Invalid time in force IOC for order type STP", BrokerErrorCode.REJECTED, False),
        (404, "Not Found", BrokerErrorCode.NOT_FOUND, False),
    ],
)
def test_gateway_errors_map_to_the_ports_codes(
    status: int | None, text: str, code: BrokerErrorCode, retryable: bool
) -> None:
    # Act
    found = http_error(status, text, "ibkr", "submit")

    # Assert
    assert (found.code, found.retryable) == (code, retryable)


@pytest.mark.parametrize(
    ("status", "filled", "mapped"),
    [
        ("Submitted", "0", BrokerOrderStatus.ACCEPTED),
        ("PreSubmitted", "0", BrokerOrderStatus.ACCEPTED),
        ("Submitted", "2", BrokerOrderStatus.PARTIALLY_FILLED),
        ("Filled", "5", BrokerOrderStatus.FILLED),
        ("PendingCancel", "0", BrokerOrderStatus.PENDING_CANCEL),
        ("Cancelled", "2", BrokerOrderStatus.CANCELED),
        ("Inactive", "0", BrokerOrderStatus.REJECTED),
        ("SomethingNew", "0", BrokerOrderStatus.ACCEPTED),
    ],
)
def test_ibkr_order_statuses_map_to_the_ports_failing_closed(
    status: str, filled: str, mapped: BrokerOrderStatus
) -> None:
    assert order_status(status, D(5), D(filled)) is mapped


async def test_the_live_orders_are_asked_no_faster_than_ibkrs_pacing_allows(
    venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange: live orders once per 0.3 s
    async with aclosing(ibkr_broker(server, pacing={"orders": 0.3})) as broker:
        await broker.open_orders(ACCOUNT)
        started = SystemClock().monotonic()

        # Act
        await broker.open_orders(ACCOUNT)
        waited = SystemClock().monotonic() - started
        with pytest.raises(BrokerError) as caught:
            await broker.within(SystemClock().monotonic() + 0.05).open_orders(ACCOUNT)

    # Assert
    assert waited >= 0.25
    assert (caught.value.code, caught.value.retryable) == (BrokerErrorCode.RATE_LIMITED, True)
    assert "once per 0.3 s" in caught.value.message
    # the session's first listing (IBKR's pre-flight), then one per call that went out
    assert len(server.requests_to("GET", LIVE)) == 3


async def test_fills_asked_before_the_trades_pacing_allows_are_none_yet(
    venue: FakeIbkrGateway, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))
    async with aclosing(ibkr_broker(server, pacing={"trades": 60.0})) as broker:
        first = await broker.fills(ACCOUNT)
        await broker.submit(order(BUY, "1"))

        # Act
        early = await broker.fills(ACCOUNT)

    # Assert
    assert (first, early) == ([], [])
    assert len(server.requests_to("GET", f"{API}/iserver/account/trades/")) == 1


@pytest.mark.parametrize(
    "deadline_s",
    [1.0, 90.0],  # before the listing is allowed, and after it: the cancels never wait for it
)
async def test_cancel_all_that_cannot_list_at_once_sends_ibkrs_own_cancel_all(
    venue: FakeIbkrGateway, server: AlpacaServer, deadline_s: float
) -> None:
    # Arrange: the live orders were just listed (the session's start), next allowed in 60 s
    async with aclosing(ibkr_broker(server, pacing={"orders": 60.0})) as broker:
        ids = await _resting(broker, venue, "90", "91")
        bounded = broker.within(SystemClock().monotonic() + deadline_s)

        # Act
        async with asyncio.timeout(0.9):  # not the listing's turn, 60 s away
            results = await bounded.cancel_all(ACCOUNT)

    # Assert
    assert sorted((r.broker_order_id, r.ok) for r in results) == sorted((i, True) for i in ids)
    assert len(server.requests_to("DELETE", one_order("-1"))) == 1
    assert len(server.requests_to("GET", LIVE)) == 1  # the session's start only
    assert venue.working() == []


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        (0.1, D("0.1")),  # a JSON float, read from its shortest text
        (187.1, D("187.1")),
        ("192.26", D("192.26")),
        ("1,000.50", D("1000.50")),  # IBKR's thousands separator in some string fields
        (None, None),
        ("", None),
    ],
)
def test_ibkr_numbers_are_read_as_exact_decimals(sent: object, read: Decimal | None) -> None:
    assert number(sent) == read
