"""The Tradier adapter against the local fake: its documented quirks (a list of none is
"null", a list of one an object), the form it sends, options by OCC symbol, rate limits,
partial cancel failures and fills read off the orders' executed quantities."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import aclosing
from decimal import Decimal
from urllib.parse import parse_qsl

import pytest

from adapters.brokers.tradier import TradierBroker, TradierToken
from adapters.brokers.tradier.wire import ORDERS, POSITIONS, from_tag, to_tag
from domain.trading.orders import OrderType, TimeInForce
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrderStatus, DeadlineBroker
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import (
    ACCOUNT,
    BUY,
    PRICE,
    SELL,
    SYMBOL,
    fills_of,
    order,
)
from tests.integration.trading.brokers.tradier_fake import (
    TOKEN,
    FakeTradier,
    answer,
    rate_limited,
    tradier_broker,
)

D = Decimal
C = BrokerErrorCode
OPTION = "AAPL270115C00150000"  # AAPL, 15 Jan 2027, call, strike 150
ORDERS_PATH = "/v1/accounts/{account}/orders"


@pytest.fixture
async def venue() -> FakeTradier:
    fake = FakeTradier()
    await fake.set_price(SYMBOL, PRICE)
    await fake.set_price(OPTION, D("2.5"))
    return fake


@pytest.fixture
async def broker(server: AlpacaServer) -> AsyncIterator[TradierBroker]:
    async with aclosing(tradier_broker(server, accounts=frozenset({ACCOUNT}))) as tradier:
        yield tradier


def sent_forms(server: AlpacaServer) -> list[dict[str, str]]:
    return [dict(parse_qsl(r.body.decode())) for r in server.requests_to("POST", ORDERS_PATH)]


# -- the documented quirks -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "symbols"),
    [
        (b'{"positions": "null"}', []),
        (
            b'{"positions": {"position":'
            b' {"symbol": "AAPL", "quantity": 5.0, "cost_basis": 500.5}}}',
            ["AAPL"],
        ),
        (
            b'{"positions": {"position": [{"symbol": "AAPL", "quantity": 5.0, "cost_basis": 500},'
            b' {"symbol": "MSFT", "quantity": -2.0, "cost_basis": -800}]}}',
            ["AAPL", "MSFT"],
        ),
    ],
    ids=["none-is-null", "one-is-an-object", "several-are-a-list"],
)
def test_positions_are_read_whether_none_one_or_several(body: bytes, symbols: list[str]) -> None:
    # Act
    held = POSITIONS.decode(body).listed()

    # Assert
    assert [p.symbol for p in held] == symbols


@pytest.mark.parametrize(
    ("body", "ids"),
    [
        (b'{"orders": "null"}', []),
        (
            b'{"orders": {"order": {"id": 7, "symbol": "AAPL", "side": "buy", "status": "open"}}}',
            [7],
        ),
        (
            b'{"orders": {"order": [{"id": 7, "symbol": "AAPL", "side": "buy", "status": "open"},'
            b' {"id": 8, "symbol": "AAPL", "side": "sell", "status": "filled"}]}}',
            [7, 8],
        ),
    ],
    ids=["none-is-null", "one-is-an-object", "several-are-a-list"],
)
def test_orders_are_read_whether_none_one_or_several(body: bytes, ids: list[int]) -> None:
    assert [o.id for o in ORDERS.decode(body).listed()] == ids


def test_numbers_are_read_exactly_never_through_float() -> None:
    # Arrange: 0.1 + 0.2 style values that a float would round
    body = (
        b'{"positions": {"position":'
        b' {"symbol": "AAPL", "quantity": 3, "cost_basis": 0.30000000000000001}}}'
    )

    # Act
    [held] = POSITIONS.decode(body).listed()

    # Assert
    assert held.cost_basis == D("0.30000000000000001")


@pytest.mark.parametrize(
    ("client_order_id", "encoded"),
    [("cl-6f1a", False), ("cl_6f1a.2", True), ("-lead", True), ("two--dashes", True)],
)
def test_a_client_order_id_travels_as_a_tag_of_letters_digits_and_dashes(
    client_order_id: str, encoded: bool
) -> None:
    # Act
    tag = to_tag(client_order_id)

    # Assert
    assert all(c.isalnum() or c == "-" for c in tag)
    assert (tag != client_order_id) is encoded
    assert from_tag(tag) == client_order_id


def test_the_token_never_prints() -> None:
    assert TOKEN not in repr(TradierToken(TOKEN))


# -- orders ------------------------------------------------------------------------------
async def test_submit_sends_tradiers_documented_form(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange
    stop_limit = order(
        BUY, "3", order_type=OrderType.STOP_LIMIT, limit="101.5", stop="101", tif=TimeInForce.GTC
    )

    # Act
    placed = await broker.submit(stop_limit)

    # Assert
    [form] = sent_forms(server)
    assert form == {
        "class": "equity",
        "symbol": SYMBOL,
        "side": "buy",
        "quantity": "3",
        "type": "stop_limit",
        "duration": "gtc",
        "price": "101.5",
        "stop": "101",
        "tag": stop_limit.client_order_id,
    }
    [request] = server.requests_to("POST", ORDERS_PATH)
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["accept"] == "application/json"  # Tradier answers XML otherwise
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert (placed.order_type, placed.limit_price, placed.stop_price) == (
        OrderType.STOP_LIMIT,
        D("101.5"),
        D(101),
    )
    assert placed.status is BrokerOrderStatus.ACCEPTED


async def test_a_sell_of_nothing_held_is_a_short_sale_and_its_buy_back_covers(
    broker: TradierBroker, server: AlpacaServer, venue: FakeTradier
) -> None:
    # Act
    await broker.submit(order(SELL, "4"))
    await broker.submit(order(BUY, "4"))
    await broker.submit(order(BUY, "2"))
    await broker.submit(order(SELL, "2"))

    # Assert
    assert [f["side"] for f in sent_forms(server)] == ["sell_short", "buy_to_cover", "buy", "sell"]
    assert await broker.positions(ACCOUNT) == []


async def test_an_order_through_a_position_is_refused_before_sending(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange: Tradier sells what is held or sells short, never both in one order
    await broker.submit(order(BUY, "5"))

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(SELL, "8"))

    # Assert
    assert caught.value.code is C.REJECTED and not caught.value.retryable
    assert "cannot sell 8 AAPL through a position of 5 in one order" in caught.value.message
    assert [f["side"] for f in sent_forms(server)] == ["buy"]


async def test_an_option_is_ordered_by_its_occ_symbol_and_held_in_contracts(
    broker: TradierBroker, server: AlpacaServer, venue: FakeTradier
) -> None:
    # Arrange
    call = order(BUY, "2", symbol=OPTION, order_type=OrderType.LIMIT, limit="2.5")

    # Act
    placed = await broker.submit(call)
    [fill] = await fills_of(broker, 1)
    [closed] = await broker.close_all(ACCOUNT)

    # Assert
    opening, closing = sent_forms(server)
    assert (opening["class"], opening["symbol"], opening["option_symbol"]) == (
        "option",
        "AAPL",
        OPTION,
    )
    assert (opening["side"], opening["quantity"], opening["price"]) == ("buy_to_open", "2", "2.5")
    assert (placed.symbol, placed.quantity) == (OPTION, D(2))
    assert (fill.symbol, fill.quantity, fill.price, fill.order_id) == (
        OPTION,
        D(2),
        D("2.5"),
        call.id,
    )
    assert closing["side"] == "sell_to_close" and closing["option_symbol"] == OPTION
    assert closed.ok and closed.order is not None and closed.order.symbol == OPTION
    # 2 contracts of 100 at 2.50 each way
    assert venue.cash == D(100_000)


async def test_an_option_positions_average_price_is_per_share(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange
    await broker.submit(order(BUY, "3", symbol=OPTION))

    # Act
    [held] = await broker.positions(ACCOUNT)

    # Assert: a cost basis of 750 for 3 contracts of 100
    assert venue.positions[OPTION] == [D(3), D(750)]
    assert (held.symbol, held.quantity, held.average_price) == (OPTION, D(3), D("2.5"))


async def test_an_order_tradier_cannot_rest_is_refused_before_sending(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(
            order(BUY, "1", order_type=OrderType.LIMIT, limit="99", tif=TimeInForce.FOK)
        )

    # Assert
    assert caught.value.code is C.REJECTED
    assert "day or gtc" in caught.value.message
    assert server.requests_to("POST", ORDERS_PATH) == []


async def test_a_refusal_in_a_200_answer_is_rejected_in_one_line(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange
    body = {"errors": {"error": ["Backoffice rejected the order.", "Symbol is halted."]}}
    server.fail(answer(200, body), method="POST", path=ORDERS_PATH)

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1"))

    # Assert
    assert caught.value.code is C.REJECTED and not caught.value.retryable
    assert (
        caught.value.message == "tradier submit: Backoffice rejected the order.; Symbol is halted."
    )


async def test_a_resend_after_a_lost_answer_returns_the_order_tradier_placed(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange: Tradier places the order but its answer is lost
    venue.lost_answers = 1
    bid = order(BUY, "2", order_type=OrderType.LIMIT, limit="90")
    with pytest.raises(BrokerError) as lost:
        await broker.submit(bid)

    # Act
    again = await broker.submit(bid)

    # Assert
    assert lost.value.code is C.UNAVAILABLE and lost.value.retryable
    [placed] = venue.orders
    assert again.broker_order_id == str(placed)
    assert again.client_order_id == bid.client_order_id


async def test_a_client_order_id_outside_the_tag_alphabet_is_found_again(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange
    resting = order(BUY, "1", order_type=OrderType.LIMIT, limit="90", client_order_id="cl_7.a")
    placed = await broker.submit(resting)
    restarted = tradier_broker(server, accounts=frozenset({ACCOUNT}))

    # Act
    async with aclosing(restarted):
        found = await restarted.order_by_client_id(ACCOUNT, "cl_7.a")
        [listed] = await restarted.open_orders(ACCOUNT)

    # Assert
    assert found is not None and found.broker_order_id == placed.broker_order_id
    assert listed.client_order_id == "cl_7.a"


async def test_a_bad_token_is_refused_in_one_line_without_the_token(server: AlpacaServer) -> None:
    # Arrange
    from adapters.brokers.tradier import connect_tradier_broker
    from adapters.memory.clock import SystemClock

    wrong = connect_tradier_broker(
        "wrong-token", "VA12345678", SystemClock(), base_url=f"{server.url}/v1"
    )

    # Act
    async with aclosing(wrong):
        with pytest.raises(BrokerError) as caught:
            await wrong.account(ACCOUNT)

    # Assert
    assert caught.value.code is C.AUTH_FAILED and not caught.value.retryable
    assert caught.value.message == "tradier account: Invalid Access Token"


# -- rate limits -------------------------------------------------------------------------
async def test_the_request_budget_is_read_from_tradiers_headers(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Act
    await broker.account(ACCOUNT)
    await broker.positions(ACCOUNT)

    # Assert
    usage = broker.rate_limit()
    assert usage is not None
    assert (usage.limit, usage.remaining) == (120, 118)
    assert usage.resets_at is not None and usage.resets_at.timestamp() > time.time()


async def test_a_429_whose_window_ends_soon_is_waited_out(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(rate_limited(expiry_in_s=0.3), method="GET", path="/v1/accounts/{a}/balances")

    # Act
    started = time.monotonic()
    found = await broker.account(ACCOUNT)

    # Assert
    assert found.cash == D(100_000)
    assert time.monotonic() - started >= 0.2
    assert len(server.requests_to("GET", "/v1/accounts/{a}/balances")) == 2


async def test_a_429_past_the_deadline_is_rate_limited_at_once_with_its_wait(
    broker: TradierBroker, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(rate_limited(expiry_in_s=30), method="GET", path="/v1/accounts/{a}/orders")
    assert isinstance(broker, DeadlineBroker)
    bounded = broker.within(time.monotonic() + 1.0)

    # Act
    started = time.monotonic()
    with pytest.raises(BrokerError) as caught:
        await bounded.open_orders(ACCOUNT)

    # Assert
    assert caught.value.code is C.RATE_LIMITED and caught.value.retryable
    assert "retry after" in caught.value.message and "\n" not in caught.value.message
    assert time.monotonic() - started < 0.5


# -- cancels -----------------------------------------------------------------------------
async def test_cancel_all_reports_the_one_cancel_tradier_failed_and_leaves_it_open(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange
    kept = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="90"))
    gone = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="91"))
    venue.failing_cancels[int(kept.broker_order_id)] = 503

    # Act
    results = await broker.cancel_all(ACCOUNT)

    # Assert
    outcome = {r.broker_order_id: (r.ok, r.error) for r in results}
    assert outcome == {
        gone.broker_order_id: (True, None),
        kept.broker_order_id: (False, C.UNAVAILABLE.value),
    }
    [still] = await broker.open_orders(ACCOUNT)
    assert still.broker_order_id == kept.broker_order_id


async def test_a_cancel_refused_for_an_open_order_is_rejected_not_missing(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange
    placed = await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="90"))
    venue.failing_cancels[int(placed.broker_order_id)] = 400

    # Act
    result = await broker.cancel(ACCOUNT, placed.broker_order_id)

    # Assert
    assert not result.ok
    assert result.error == C.REJECTED.value


# -- fills -------------------------------------------------------------------------------
async def test_partial_executions_become_fills_of_their_own_size_and_price(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange
    await venue.set_price(SYMBOL, PRICE, size=D(3))
    bid = order(BUY, "10", order_type=OrderType.LIMIT, limit="100")
    await broker.submit(bid)
    first = await broker.fills(ACCOUNT)

    # Act
    await venue.set_price(SYMBOL, D(98), size=D(3))
    await venue.set_price(SYMBOL, D(97))
    later = await broker.fills(ACCOUNT)

    # Assert
    assert [(f.quantity, f.price) for f in first] == [(D(3), PRICE)]
    # Two executions between polls: one fill of both, at their average price.
    assert [(f.quantity, f.price) for f in later] == [(D(7), (D(98) * 3 + D(97) * 4) / 7)]
    assert {f.order_id for f in first + later} == {bid.id}
    assert len({f.id for f in first + later}) == 2


async def test_executions_before_the_broker_started_are_not_fills(
    server: AlpacaServer, venue: FakeTradier
) -> None:
    # Arrange: an order filled and listed before this broker began
    venue.orders[1] = {
        "id": 1,
        "type": "market",
        "symbol": SYMBOL,
        "side": "buy",
        "quantity": D(5),
        "status": "filled",
        "exec_quantity": D(5),
        "avg_fill_price": PRICE,
        "last_fill_price": PRICE,
        "last_fill_quantity": D(5),
        "remaining_quantity": D(0),
        "create_date": "2026-01-02T14:30:00.000Z",
        "transaction_date": "2026-01-02T14:30:01.000Z",
        "class": "equity",
    }

    # Act
    async with aclosing(tradier_broker(server)) as fresh:
        found = await fresh.fills(ACCOUNT)

    # Assert
    assert found == []


async def test_an_order_rejected_after_its_ok_is_refused(
    broker: TradierBroker, venue: FakeTradier
) -> None:
    # Arrange: Tradier answers "ok", then its back office rejects the order
    venue.rejecting = True

    # Act
    with pytest.raises(BrokerError) as caught:
        await broker.submit(order(BUY, "1", order_type=OrderType.LIMIT, limit="90"))

    # Assert
    assert caught.value.code is C.REJECTED
    assert await broker.open_orders(ACCOUNT) == []
