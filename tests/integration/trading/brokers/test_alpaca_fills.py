"""Alpaca fills: the trade_updates stream, the REST fallback, reconnects, each fill once."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from adapters.brokers.alpaca import AlpacaBroker, wire
from adapters.brokers.alpaca.fills import FillLedger
from domain.trading.orders import OrderType
from tests.alpaca_server import AlpacaServer, fixture
from tests.integration.trading.brokers.conftest import alpaca_broker
from tests.integration.trading.brokers.contract import ACCOUNT, BUY, PRICE, SYMBOL, fills_of, order
from tests.kit.alpaca_fake import FakeAlpacaTrading

D = Decimal
ACTIVITIES = "/v2/account/activities/FILL"


async def _listening(broker: AlpacaBroker, timeout_s: float = 3.0) -> None:
    """Start the stream (fills() does) and wait until Alpaca says it is listening."""
    await broker.fills(ACCOUNT)
    give_up = time.monotonic() + timeout_s
    while not broker.stream.listening:
        assert time.monotonic() < give_up, broker.stream.last_error
        await asyncio.sleep(0.01)
    await broker.fills(ACCOUNT)  # the catch-up poll after connecting


async def test_fills_arrive_on_the_stream_without_polling_rest(
    broker: AlpacaBroker, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    await venue.set_price(SYMBOL, PRICE)
    await _listening(broker)
    polls = len(server.requests_to("GET", ACTIVITIES))
    buy = order(BUY, "7")

    # Act
    placed = await broker.submit(buy)
    [fill] = await fills_of(broker, 1)

    # Assert
    assert (fill.order_id, fill.account_id, fill.quantity, fill.price) == (
        buy.id,
        ACCOUNT,
        D(7),
        PRICE,
    )
    assert fill.id.startswith("exec-")
    assert len(server.requests_to("GET", ACTIVITIES)) == polls
    assert placed.client_order_id == buy.client_order_id


async def test_partial_fills_are_separate_fills_of_their_own_size(
    broker: AlpacaBroker, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    await venue.set_price(SYMBOL, PRICE)
    await _listening(broker)
    bid = order(BUY, "10", order_type=OrderType.LIMIT, limit="95")
    await broker.submit(bid)

    # Act
    await venue.set_price(SYMBOL, D(95), size=D(4))
    await venue.set_price(SYMBOL, D(94), size=D(6))
    fills = await fills_of(broker, 2)

    # Assert
    assert [(f.quantity, f.price) for f in fills] == [(D(4), D(95)), (D(6), D(94))]
    assert {f.order_id for f in fills} == {bid.id}
    assert await broker.open_orders(ACCOUNT) == []


async def test_when_the_stream_is_refused_fills_come_from_rest_once(
    broker: AlpacaBroker, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    venue.refuse_streams = True
    await venue.set_price(SYMBOL, PRICE)
    first, second = order(BUY, "1"), order(BUY, "2")
    await broker.submit(first)
    await broker.submit(second)

    # Act
    fills = await broker.fills(ACCOUNT)
    later = await broker.fills(ACCOUNT)

    # Assert
    assert [(f.order_id, f.quantity) for f in fills] == [(first.id, D(1)), (second.id, D(2))]
    assert later == []
    assert not broker.stream.listening
    assert len(server.requests_to("GET", ACTIVITIES)) == 2


async def test_a_fill_missed_while_the_stream_was_down_is_caught_up_once(
    broker: AlpacaBroker, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange: a resting bid, then the server drops the stream and the bid fills meanwhile
    await venue.set_price(SYMBOL, PRICE)
    await _listening(broker)
    bid = order(BUY, "3", order_type=OrderType.LIMIT, limit="95")
    await broker.submit(bid)
    await server.close_websockets()
    await asyncio.sleep(0.05)
    await venue.set_price(SYMBOL, D(94))

    # Act
    caught_up = await fills_of(broker, 1)
    await _listening(broker)
    again = await broker.fills(ACCOUNT)

    # Assert
    assert [(f.order_id, f.quantity) for f in caught_up] == [(bid.id, D(3))]
    assert again == []


async def test_a_malformed_stream_message_is_skipped_and_the_stream_goes_on(
    broker: AlpacaBroker, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    await venue.set_price(SYMBOL, PRICE)
    await _listening(broker)

    # Act
    await venue.publish_raw(b"\x00garbage{")
    await venue.publish({"event": "fill", "order": {"id": "only-an-id"}})
    await broker.submit(order(BUY, "1"))
    fills = await fills_of(broker, 1)

    # Assert
    assert len(fills) == 1
    assert broker.stream.malformed == 2
    assert broker.stream.listening


async def test_rest_only_mode_never_opens_the_stream(
    server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    broker = alpaca_broker(server, stream=False)
    await venue.set_price(SYMBOL, PRICE)
    await broker.submit(order(BUY, "1"))

    # Act
    [fill] = await broker.fills(ACCOUNT)

    # Assert
    assert fill.quantity == 1
    assert venue.listeners == set()
    await broker.aclose()


def test_the_ledger_hands_a_stream_and_a_rest_copy_of_one_execution_out_once() -> None:
    # Arrange
    ledger = FillLedger(datetime(2022, 2, 2, tzinfo=UTC))
    update = wire.trade_update(fixture("trade_update_fill")["data"])
    activities = wire.ACTIVITIES.decode(json.dumps([fixture("activity_fill")]))

    # Act
    ledger.on_update(update, datetime.now(UTC))
    ledger.on_activities(activities)
    drained = ledger.drain("acc-9")

    # Assert
    [fill] = drained
    assert fill.account_id == "acc-9"  # an order nobody here sent: the draining account's
    assert ledger.drain("acc-9") == []


def test_fills_of_a_known_order_go_to_its_account_only() -> None:
    # Arrange
    ledger = FillLedger(datetime(2022, 2, 2, tzinfo=UTC))
    mine = order(BUY, "2", client_order_id="eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4")
    ledger.remember(mine)
    update = wire.trade_update(fixture("trade_update_fill")["data"])

    # Act
    ledger.on_update(update, datetime.now(UTC))

    # Assert
    assert ledger.drain("acc-other") == []
    [fill] = ledger.drain(ACCOUNT)
    assert fill.order_id == mine.id
    assert ledger.since < fill.at


@given(st.lists(st.tuples(st.integers(0, 8), st.booleans()), max_size=40))
def test_each_execution_is_drained_exactly_once_whichever_source_repeats_it(
    arrivals: list[tuple[int, bool]],
) -> None:
    # Arrange
    ledger = FillLedger(datetime(2022, 2, 2, tzinfo=UTC))
    update = fixture("trade_update_fill")["data"]
    activity = fixture("activity_fill")
    drained: list[str] = []

    # Act: executions arrive on the stream or by REST, repeated, drained now and then
    for step, (execution, streamed) in enumerate(arrivals):
        if streamed:
            ledger.on_update(wire.trade_update({**update, "execution_id": f"e{execution}"}), _T)
        else:
            raw = {**activity, "id": f"20220202135509981::e{execution}"}
            ledger.on_activities(wire.ACTIVITIES.decode(json.dumps([raw])))
        if step % 3 == 0:
            drained += [f.id for f in ledger.drain(ACCOUNT)]
    drained += [f.id for f in ledger.drain(ACCOUNT)]

    # Assert
    assert sorted(drained) == sorted({f"e{execution}" for execution, _ in arrivals})


def test_the_ledger_forgets_the_oldest_executions_past_its_memory() -> None:
    # Arrange
    ledger = FillLedger(datetime(2022, 2, 2, tzinfo=UTC), memory=2)
    data = fixture("trade_update_fill")["data"]

    # Act
    for execution in ("e1", "e2", "e3", "e1"):
        ledger.on_update(wire.trade_update({**data, "execution_id": execution}), _T)

    # Assert: e1 was forgotten when e3 came, so its late repeat is taken again
    assert [f.id for f in ledger.drain(ACCOUNT)] == ["e1", "e2", "e3", "e1"]


_T = datetime(2022, 2, 2, 18, 55, tzinfo=UTC)
