"""Databento Live's quote stream against a local gateway speaking its raw TCP protocol: the CRAM
authentication, MBP-1 records as quotes, drops, backoff, resubscribe, refusals, malformed
records and heartbeats."""

from __future__ import annotations

import hashlib
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.market_data.vendors.databento import DatabentoMarketData
from adapters.market_data.vendors.databento_live import (
    DatabentoLiveStream,
    cram_reply,
    gateway_url,
)
from adapters.market_data.ws_stream import Backoff, StreamOptions
from adapters.memory.clock import FakeClock
from tests.databento_live_server import DATASET, DatabentoLiveServer
from tests.kit.quote_stream_readers import Collector, RecordedSleep

BACKOFF = Backoff(base_s=0.01, cap_s=0.03)
SEED = 13
AT = datetime(2026, 3, 2, 15, 30, 1, 250_000, tzinfo=UTC)


@pytest.fixture
async def gateway() -> AsyncIterator[DatabentoLiveServer]:
    async with DatabentoLiveServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


def make_stream(
    gateway: DatabentoLiveServer,
    sleeps: RecordedSleep,
    *,
    key: str | None = None,
    give_up_after: int | None = None,
) -> DatabentoLiveStream:
    options = StreamOptions(
        backoff=BACKOFF,
        draw=random.Random(SEED).random,
        sleep=sleeps,
        handshake_timeout_s=1.0,
        give_up_after=give_up_after,
    )
    return DatabentoLiveStream(
        key or gateway.key, DATASET, clock=FakeClock(), url=gateway.url, options=options
    )


@pytest.fixture
async def stream(
    gateway: DatabentoLiveServer, sleeps: RecordedSleep
) -> AsyncIterator[DatabentoLiveStream]:
    live = make_stream(gateway, sleeps)
    yield live
    await live.aclose()


async def subscribed(gateway: DatabentoLiveServer, symbols: set[str]) -> None:
    await gateway.wait_until(lambda: gateway.subscribed() == symbols)


def test_the_gateway_of_a_dataset_and_the_cram_reply() -> None:
    key = "db-0123456789abcdefghijKLMNOPQRS"

    reply = cram_reply("challenge", key)

    assert gateway_url("XNAS.ITCH") == "tcp://xnas-itch.lsg.databento.com:13000"
    assert reply == hashlib.sha256(f"challenge|{key}".encode()).hexdigest() + "-OPQRS"


async def test_mbp1_records_arrive_as_quotes_after_auth_subscribe_and_start(
    gateway: DatabentoLiveServer, stream: DatabentoLiveStream
) -> None:
    reader = Collector(stream.quotes(["AAPL", "MSFT"]))
    await subscribed(gateway, {"AAPL", "MSFT"})

    await gateway.publish("AAPL", "189.10", "189.14", bid_size=300, ask_size=500, at=AT)
    await gateway.publish("AAPL", "189.11", "189.14", trade="189.12")
    await gateway.publish("MSFT", None, "410.10")  # one side empty
    quotes = await reader.wait_for(3)
    await reader.stop()

    first, traded, one_sided = quotes
    assert (first.symbol, first.bid, first.ask, first.bid_size, first.ask_size, first.at) == (
        "AAPL",
        Decimal("189.10"),
        Decimal("189.14"),
        Decimal(300),
        Decimal(500),
        AT,
    )
    assert first.last == first.mid == Decimal("189.12")
    assert traded.last == Decimal("189.12") and traded.bid == Decimal("189.11")
    assert (one_sided.bid, one_sided.ask, one_sided.bid_size) == (
        Decimal(0),
        Decimal("410.10"),
        Decimal(0),
    )
    connection = gateway.connections[0]
    assert connection.received[0].endswith("|dataset=XNAS.ITCH|encoding=json|ts_out=0")
    assert connection.subscriptions() == ["schema=mbp-1|stype_in=raw_symbol|symbols=AAPL,MSFT"]
    assert connection.received[-1] == "start_session"


async def test_a_later_reader_adds_its_symbols_to_the_running_session(
    gateway: DatabentoLiveServer, stream: DatabentoLiveStream
) -> None:
    first = Collector(stream.quotes(["AAPL"]))
    await subscribed(gateway, {"AAPL"})

    second = Collector(stream.quotes(["NVDA"]))
    await subscribed(gateway, {"AAPL", "NVDA"})
    await gateway.publish("NVDA", "120.00", "120.02")
    await second.wait_for(1)
    await first.stop()
    await second.stop()
    await gateway.wait_until(lambda: not gateway.live())

    connection = gateway.connections[0]
    assert len(gateway.connections) == 1
    assert connection.received.count("start_session") == 1
    assert connection.subscriptions()[-1] == "schema=mbp-1|stype_in=raw_symbol|symbols=NVDA"
    assert [q.symbol for q in first.quotes] == []  # NVDA's quotes go to its reader only


async def test_a_dropped_connection_reconnects_reauthenticates_and_resubscribes(
    gateway: DatabentoLiveServer, stream: DatabentoLiveStream, sleeps: RecordedSleep
) -> None:
    reader = Collector(stream.quotes(["AAPL", "MSFT", "NVDA"]))
    await subscribed(gateway, {"AAPL", "MSFT", "NVDA"})
    await gateway.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)

    await gateway.drop()
    await gateway.wait_until(lambda: len(gateway.connections) == 2)
    await subscribed(gateway, {"AAPL", "MSFT", "NVDA"})
    await gateway.publish("NVDA", "120.00", "120.02")
    quotes = await reader.wait_for(2)
    await reader.stop()

    again = gateway.connections[1]
    assert again.authenticated
    assert again.subscriptions() == ["schema=mbp-1|stype_in=raw_symbol|symbols=AAPL,MSFT,NVDA"]
    assert [q.symbol for q in quotes] == ["AAPL", "NVDA"]
    assert sleeps.delays == [BACKOFF.delay(0, random.Random(SEED).random())]
    assert stream.health().reconnects == 1


async def test_a_refused_key_is_fatal_and_not_retried(
    gateway: DatabentoLiveServer, sleeps: RecordedSleep
) -> None:
    live = make_stream(gateway, sleeps, key="db-wrong-key-0000000000000000000")

    error = await Collector(live.quotes(["AAPL"])).failure()
    await live.aclose()

    assert error.retryable is False and error.provider == "databento"
    assert "Authentication failed" in str(error)
    assert len(gateway.connections) == 1 and sleeps.delays == []


async def test_an_error_record_is_fatal(
    gateway: DatabentoLiveServer, stream: DatabentoLiveStream
) -> None:
    reader = Collector(stream.quotes(["AAPL"]))
    await subscribed(gateway, {"AAPL"})

    await gateway.send_error("Subscription request for mbp-1 data failed: not entitled")
    error = await reader.failure()

    assert error.retryable is False and "not entitled" in str(error)


async def test_malformed_records_are_counted_and_heartbeats_ignored(
    gateway: DatabentoLiveServer, stream: DatabentoLiveStream, sleeps: RecordedSleep
) -> None:
    reader = Collector(stream.quotes(["AAPL"]))
    await subscribed(gateway, {"AAPL"})

    await gateway.heartbeat()
    await gateway.send_raw("not json")
    await gateway.send_raw('{"levels": []}')  # no header
    await gateway.publish("AAPL", "189.10", "189.14")
    quotes = await reader.wait_for(1)
    health = stream.health()
    await reader.stop()

    assert [q.bid for q in quotes] == [Decimal("189.10")]
    assert health.malformed_messages == 2
    assert len(gateway.connections) == 1 and sleeps.delays == []


async def test_an_unreachable_gateway_gives_up_with_a_retryable_error(
    sleeps: RecordedSleep,
) -> None:
    async with DatabentoLiveServer() as gone:
        pass  # nothing listens on its port any more
    live = make_stream(gone, sleeps, give_up_after=3)

    error = await Collector(live.quotes(["AAPL"])).failure()
    await live.aclose()

    assert error.retryable is True and len(sleeps.delays) == 2


async def test_a_url_that_is_not_tcp_is_fatal(sleeps: RecordedSleep) -> None:
    live = DatabentoLiveStream(
        "key", DATASET, clock=FakeClock(), url="http://nowhere", options=StreamOptions(sleep=sleeps)
    )

    error = await Collector(live.quotes(["AAPL"])).failure()
    await live.aclose()

    assert error.retryable is False and sleeps.delays == []


async def test_the_databento_adapter_streams_from_the_live_gateway_and_closes_it(
    gateway: DatabentoLiveServer, sleeps: RecordedSleep
) -> None:
    clock = FakeClock()
    options = StreamOptions(sleep=sleeps)
    adapter = DatabentoMarketData.create(
        gateway.key, clock, base_url="http://127.0.0.1:9", live_url=gateway.url,
        live_options=options,
    )  # fmt: skip
    reader = Collector(adapter.stream_quotes(["AAPL"]))
    await subscribed(gateway, {"AAPL"})
    await gateway.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)

    await adapter.aclose()
    error = await reader.failure()

    assert error.retryable is True
    assert [q.symbol for q in reader.quotes] == ["AAPL"]
    assert adapter.live_stream is not None and adapter.live_stream.health().reconnects == 0
