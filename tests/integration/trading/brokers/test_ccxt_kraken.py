"""The CCXT broker's Kraken paths against the local fake Kraken spot API: signed form
posts, the client order id as cl_ord_id, and a stop's trigger as Kraken's stop-loss."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import aclosing
from decimal import Decimal
from urllib.parse import parse_qsl

import pytest

from adapters.brokers.ccxt import CcxtBroker
from domain.trading.orders import OrderType
from ports.trading.broker import BrokerOrderStatus
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import ACCOUNT, BUY, order
from tests.integration.trading.brokers.kraken_fake import API_KEY, FakeKrakenSpot, kraken_broker

D = Decimal


@pytest.fixture
def venue() -> FakeKrakenSpot:
    spot = FakeKrakenSpot()
    spot.fund("ZUSD", D(10_000))
    return spot


@pytest.fixture
async def broker(server: AlpacaServer) -> AsyncIterator[CcxtBroker]:
    async with aclosing(kraken_broker(server, accounts=frozenset({ACCOUNT}))) as ccxt_broker:
        yield ccxt_broker


async def test_an_order_goes_out_signed_with_its_client_id_as_cl_ord_id(
    broker: CcxtBroker, venue: FakeKrakenSpot, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))
    bid = order(BUY, "2", order_type=OrderType.LIMIT, limit="95")

    # Act
    placed = await broker.submit(bid)

    # Assert
    [sent] = server.requests_to("POST", "/0/private/AddOrder")
    form = dict(parse_qsl(sent.body.decode()))
    assert (form["pair"], form["type"], form["ordertype"]) == ("AAPLUSD", "buy", "limit")
    assert (form["volume"], form["price"], form["cl_ord_id"]) == ("2", "95", bid.client_order_id)
    assert form["nonce"].isdigit()
    assert sent.headers["api-key"] == API_KEY
    assert len(base64.b64decode(sent.headers["api-sign"])) == 64  # HMAC-SHA512
    assert placed.status is BrokerOrderStatus.ACCEPTED


async def test_a_stop_goes_out_as_a_stop_loss_and_rests_until_its_trigger(
    broker: CcxtBroker, venue: FakeKrakenSpot, server: AlpacaServer
) -> None:
    # Arrange
    await venue.set_price("AAPL", D(100))
    stop = order(BUY, "1", order_type=OrderType.STOP, stop="105")

    # Act
    await broker.submit(stop)
    resting = await broker.order_by_client_id(ACCOUNT, stop.client_order_id)
    await venue.set_price("AAPL", D(106))
    triggered = await broker.order_by_client_id(ACCOUNT, stop.client_order_id)

    # Assert
    [sent] = server.requests_to("POST", "/0/private/AddOrder")
    form = dict(parse_qsl(sent.body.decode()))
    assert (form["ordertype"], form["price"]) == ("stop-loss", "105")
    assert resting is not None and resting.status.is_open
    assert (resting.order_type, resting.stop_price) == (OrderType.STOP, D(105))
    assert triggered is not None and triggered.status is BrokerOrderStatus.FILLED
