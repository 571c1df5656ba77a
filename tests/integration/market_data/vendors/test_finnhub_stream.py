"""Finnhub's trade stream against a local websocket: the token, trades as quotes, pings,
drops, backoff, resubscribe, refusals and malformed frames."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.market_data.vendors.finnhub_stream import STREAM_URL, FinnhubProtocol
from adapters.market_data.ws_stream import Backoff, StreamOptions
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import finnhub_api
from adapters.vendor_http.client import VendorHttp
from tests.kit.quote_stream_readers import Collector, RecordedSleep
from tests.vendor_stream_servers import FinnhubStreamServer

BACKOFF = Backoff(base_s=0.01, cap_s=0.03)
SEED = 5
AT = datetime(2026, 3, 2, 15, 30, 1, 250_000, tzinfo=UTC)


@pytest.fixture
async def ws() -> AsyncIterator[FinnhubStreamServer]:
    async with FinnhubStreamServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


def make_provider(
    ws: FinnhubStreamServer,
    sleeps: RecordedSleep,
    clock: FakeClock,
    *,
    key: str = "fh-secret",
    give_up_after: int | None = None,
) -> FinnhubMarketData:
    http = VendorHttp(finnhub_api("http://127.0.0.1:9"), key, clock, calls_per_minute=100)
    options = StreamOptions(
        backoff=BACKOFF,
        draw=random.Random(SEED).random,
        sleep=sleeps,
        handshake_timeout_s=1.0,
        give_up_after=give_up_after,
    )
    return FinnhubMarketData(http, clock, stream_url=ws.url, stream_options=options)


@pytest.fixture
async def provider(
    ws: FinnhubStreamServer, sleeps: RecordedSleep, clock: FakeClock
) -> AsyncIterator[FinnhubMarketData]:
    md = make_provider(ws, sleeps, clock)
    yield md
    await md.aclose()


async def subscribed(ws: FinnhubStreamServer, symbols: set[str]) -> None:
    await ws.wait_until(lambda: ws.subscribed() == symbols)


async def test_the_token_rides_in_the_url_replacing_any_given_one() -> None:
    async def key() -> str:
        return "fh secret"

    url = await FinnhubProtocol(key).open_url(f"{STREAM_URL}?token=old&x=1")

    assert url.startswith("wss://ws.finnhub.io?")
    assert parse_qs(urlsplit(url).query) == {"x": ["1"], "token": ["fh secret"]}


async def test_trades_arrive_as_quotes_whose_last_is_the_trade(
    ws: FinnhubStreamServer, provider: FinnhubMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(ws, {"AAPL", "MSFT"})

    await ws.publish("AAPL", ("189.10", AT), ("189.12", AT + timedelta(milliseconds=5)))
    await ws.publish("TSLA", ("250.00", None))  # not asked: the server does not send it
    await ws.publish("MSFT", ("410.05", AT))
    quotes = await reader.wait_for(2)
    await reader.stop()

    apple = quotes[0]
    assert [q.symbol for q in quotes] == ["AAPL", "MSFT"]  # one quote a frame: its last trade
    assert (apple.bid, apple.ask, apple.last, apple.mid) == (
        Decimal(0),
        Decimal(0),
        Decimal("189.12"),
        Decimal("189.12"),
    )
    assert apple.at == AT + timedelta(milliseconds=5)
    connection = ws.connections[0]
    assert parse_qs(urlsplit(connection.path).query)["token"] == ["fh-secret"]
    assert sorted(ws.subscribes(connection)) == ["AAPL", "MSFT"]


async def test_a_reader_leaving_unsubscribes_its_symbols_one_message_each(
    ws: FinnhubStreamServer, provider: FinnhubMarketData
) -> None:
    apple = Collector(provider.stream_quotes(["AAPL"]))
    many = Collector(provider.stream_quotes(["AAPL", "MSFT", "NVDA"]))
    await subscribed(ws, {"AAPL", "MSFT", "NVDA"})

    await many.stop()
    await subscribed(ws, {"AAPL"})
    await apple.stop()
    await ws.wait_until(lambda: not ws.live())

    assert len(ws.connections) == 1
    assert sorted(ws.unsubscribes(ws.connections[0])) == ["AAPL", "MSFT", "NVDA"]


async def test_a_dropped_connection_reconnects_and_resubscribes_every_symbol(
    ws: FinnhubStreamServer, provider: FinnhubMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL", "MSFT", "NVDA"]))
    await subscribed(ws, {"AAPL", "MSFT", "NVDA"})
    await ws.publish("AAPL", ("189.10", AT))
    await reader.wait_for(1)

    await ws.drop()
    await ws.wait_until(lambda: len(ws.connections) == 2)
    await subscribed(ws, {"AAPL", "MSFT", "NVDA"})
    await ws.publish("NVDA", ("120.00", AT))
    quotes = await reader.wait_for(2)
    await reader.stop()

    assert sorted(ws.subscribes(ws.connections[1])) == ["AAPL", "MSFT", "NVDA"]
    assert [q.symbol for q in quotes] == ["AAPL", "NVDA"]
    assert sleeps.delays == [BACKOFF.delay(0, random.Random(SEED).random())]
    assert provider.stream_health().reconnects == 1


async def test_a_refused_token_is_fatal_and_not_retried(
    ws: FinnhubStreamServer, sleeps: RecordedSleep, clock: FakeClock
) -> None:
    md = make_provider(ws, sleeps, clock, key="wrong")

    error = await Collector(md.stream_quotes(["AAPL"])).failure()
    await md.aclose()

    assert error.retryable is False and error.provider == "finnhub"
    assert "401" in str(error)
    assert len(ws.connections) == 1 and sleeps.delays == []


async def test_an_error_message_is_fatal(
    ws: FinnhubStreamServer, provider: FinnhubMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    await ws.send_error("Subscribing to too many symbols")
    error = await reader.failure()

    assert error.retryable is False and "too many symbols" in str(error)
    assert sleeps.delays == []


async def test_pings_keep_the_stream_without_a_reply_or_a_count(
    ws: FinnhubStreamServer, provider: FinnhubMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    await ws.heartbeat()
    await ws.heartbeat()
    latency = await ws.ping()  # the websocket's own ping is answered with a pong
    await ws.publish("AAPL", ("189.10", AT))
    await reader.wait_for(1)
    health = provider.stream_health()
    await reader.stop()

    assert latency >= 0
    assert ws.subscribes(ws.connections[0]) == ["AAPL"]  # nothing else was sent
    assert health.malformed_messages == 0 and health.reconnects == 0


async def test_malformed_frames_are_counted_and_skipped_without_a_reconnect(
    ws: FinnhubStreamServer, provider: FinnhubMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    await ws.send_raw("{not json")
    await ws.send_raw('{"type": "trade", "data": [{"s": "AAPL", "p": "x", "t": 1}]}')
    await ws.send_raw("[]")
    await ws.publish("AAPL", ("189.10", AT))
    quotes = await reader.wait_for(1)
    health = provider.stream_health()
    await reader.stop()

    assert [q.last for q in quotes] == [Decimal("189.10")]
    assert health.malformed_messages == 3
    assert len(ws.connections) == 1 and sleeps.delays == []


async def test_a_stream_that_never_gets_back_gives_up_with_a_retryable_error(
    sleeps: RecordedSleep, clock: FakeClock
) -> None:
    async with FinnhubStreamServer() as gone:
        pass  # nothing listens on its port any more
    md = make_provider(gone, sleeps, clock, give_up_after=3)

    error = await Collector(md.stream_quotes(["AAPL"])).failure()
    await md.aclose()

    assert error.retryable is True
    assert len(sleeps.delays) == 2
