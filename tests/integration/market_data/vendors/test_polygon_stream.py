"""Polygon's quote stream against a local stocks websocket: auth, quote events, drops, backoff,
resubscribe, refusals and malformed frames."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.market_data.vendors.polygon_stream import STREAM_URL
from adapters.market_data.ws_stream import Backoff, StreamOptions
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import polygon_api
from adapters.vendor_http.client import VendorHttp
from tests.kit.quote_stream_readers import Collector, RecordedSleep
from tests.vendor_stream_servers import PolygonStreamServer

BACKOFF = Backoff(base_s=0.01, cap_s=0.03)
SEED = 11


@pytest.fixture
async def ws() -> AsyncIterator[PolygonStreamServer]:
    async with PolygonStreamServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


def make_provider(
    ws: PolygonStreamServer,
    sleeps: RecordedSleep,
    clock: FakeClock,
    *,
    key: str = "pk-secret",
    give_up_after: int | None = None,
) -> PolygonMarketData:
    # The REST side is never called here: an address nothing listens on.
    http = VendorHttp(polygon_api("http://127.0.0.1:9"), key, clock, calls_per_minute=100)
    options = StreamOptions(
        backoff=BACKOFF,
        draw=random.Random(SEED).random,
        sleep=sleeps,
        handshake_timeout_s=1.0,
        give_up_after=give_up_after,
    )
    return PolygonMarketData(http, clock, stream_url=f"{ws.url}/stocks", stream_options=options)


@pytest.fixture
async def provider(
    ws: PolygonStreamServer, sleeps: RecordedSleep, clock: FakeClock
) -> AsyncIterator[PolygonMarketData]:
    md = make_provider(ws, sleeps, clock)
    yield md
    await md.aclose()


def expected_delays(attempts: Sequence[int]) -> list[float]:
    draws = random.Random(SEED)
    return [BACKOFF.delay(attempt, draws.random()) for attempt in attempts]


async def subscribed(ws: PolygonStreamServer, symbols: set[str]) -> None:
    await ws.wait_until(lambda: ws.subscribed() == symbols)


def test_the_default_url_is_polygons_real_time_stocks_cluster(clock: FakeClock) -> None:
    http = VendorHttp(polygon_api("http://127.0.0.1:9"), "pk", clock, calls_per_minute=1)

    md = PolygonMarketData(http, clock)

    assert md.stream.url == STREAM_URL == "wss://socket.polygon.io/stocks"


async def test_quote_events_arrive_after_auth_and_subscribe(
    ws: PolygonStreamServer, provider: PolygonMarketData
) -> None:
    at = datetime(2026, 3, 2, 15, 30, 1, 250_000, tzinfo=UTC)
    reader = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(ws, {"AAPL", "MSFT"})

    await ws.publish("AAPL", "189.10", "189.14", bid_size="300", ask_size="500", at=at)
    await ws.publish("TSLA", "250.00", "250.10")  # not asked: the server does not send it
    await ws.publish("MSFT", "410.00", "410.10")
    quotes = await reader.wait_for(2)
    await reader.stop()

    first = quotes[0]
    assert [q.symbol for q in quotes] == ["AAPL", "MSFT"]
    assert (first.bid, first.ask, first.bid_size, first.ask_size, first.at) == (
        Decimal("189.10"),
        Decimal("189.14"),
        Decimal(300),
        Decimal(500),
        at,
    )
    assert first.last == first.mid == Decimal("189.12")
    connection = ws.connections[0]
    assert connection.received[0] == {"action": "auth", "params": "pk-secret"}
    assert ws.subscribe_params(connection) == ["Q.AAPL,Q.MSFT"]


async def test_readers_share_one_connection_and_the_last_one_out_closes_it(
    ws: PolygonStreamServer, provider: PolygonMarketData
) -> None:
    apple = Collector(provider.stream_quotes(["AAPL"]))
    both = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(ws, {"AAPL", "MSFT"})

    await both.stop()
    await subscribed(ws, {"AAPL"})
    await apple.stop()
    await ws.wait_until(lambda: not ws.live())

    connection = ws.connections[0]
    assert len(ws.connections) == 1
    assert ws.unsubscribe_params(connection) == ["Q.MSFT", "Q.AAPL"]
    assert provider.stream_health().connected is False


async def test_a_dropped_connection_reconnects_reauthenticates_and_resubscribes_every_symbol(
    ws: PolygonStreamServer, provider: PolygonMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL", "MSFT", "NVDA"]))
    await subscribed(ws, {"AAPL", "MSFT", "NVDA"})
    await ws.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)

    await ws.drop()
    await ws.wait_until(lambda: len(ws.connections) == 2)
    await subscribed(ws, {"AAPL", "MSFT", "NVDA"})
    await ws.publish("NVDA", "120.00", "120.02")
    quotes = await reader.wait_for(2)
    await reader.stop()

    again = ws.connections[1]
    assert again.received[0] == {"action": "auth", "params": "pk-secret"}
    assert ws.subscribe_params(again) == ["Q.AAPL,Q.MSFT,Q.NVDA"]
    assert [q.symbol for q in quotes] == ["AAPL", "NVDA"]
    # The dropped connection had proved itself: the backoff starts over at attempt 0.
    assert sleeps.delays == expected_delays([0])
    health = provider.stream_health()
    assert health.reconnects == 1 and health.connected and health.last_error is not None


async def test_a_clean_close_by_the_server_is_a_drop_too(
    ws: PolygonStreamServer, provider: PolygonMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    await ws.drop(abrupt=False)
    await ws.wait_until(lambda: len(ws.connections) == 2)
    await subscribed(ws, {"AAPL"})
    await ws.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)
    await reader.stop()

    assert provider.stream_health().reconnects == 1


async def test_a_wrong_key_is_fatal_and_not_retried(
    ws: PolygonStreamServer, sleeps: RecordedSleep, clock: FakeClock
) -> None:
    md = make_provider(ws, sleeps, clock, key="wrong")
    reader = Collector(md.stream_quotes(["AAPL"]))

    error = await reader.failure()
    await md.aclose()

    assert error.retryable is False
    assert error.provider == "polygon" and "auth_failed" in str(error)
    assert len(ws.connections) == 1 and sleeps.delays == []


async def test_refused_connections_back_off_with_full_jitter_then_connect(
    ws: PolygonStreamServer, provider: PolygonMarketData, sleeps: RecordedSleep
) -> None:
    ws.refuse("max_connections", times=3)

    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})
    await ws.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)
    health = provider.stream_health()
    await reader.stop()

    assert sleeps.delays == expected_delays([0, 1, 2])
    for attempt, delay in enumerate(sleeps.delays):
        assert 0 <= delay <= min(BACKOFF.cap_s, BACKOFF.base_s * 2**attempt)
    assert len(ws.connections) == 4
    assert health.reconnects == 3 and "max_connections" in (health.last_error or "")


async def test_a_stream_that_never_gets_back_gives_up_with_a_retryable_error(
    ws: PolygonStreamServer, sleeps: RecordedSleep, clock: FakeClock
) -> None:
    ws.refuse("max_connections", times=10)
    md = make_provider(ws, sleeps, clock, give_up_after=3)

    error = await Collector(md.stream_quotes(["AAPL"])).failure()
    await md.aclose()

    assert error.retryable is True and "max_connections" in str(error)
    assert len(ws.connections) == 3 and len(sleeps.delays) == 2


async def test_malformed_frames_are_counted_and_skipped_without_a_reconnect(
    ws: PolygonStreamServer, provider: PolygonMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    await ws.send_raw("this is not json")
    await ws.send_raw('[{"ev": "Q", "bp": 1.0}]')  # a quote without its symbol or time
    await ws.send_raw('{"ev": "Q"}')  # an object, not an array of events
    await ws.publish("AAPL", "189.10", "189.14")
    quotes = await reader.wait_for(1)
    health = provider.stream_health()
    await reader.stop()

    assert [q.bid for q in quotes] == [Decimal("189.10")]
    assert health.malformed_messages == 3
    assert len(ws.connections) == 1 and sleeps.delays == [] and health.reconnects == 0


async def test_the_client_answers_websocket_pings(
    ws: PolygonStreamServer, provider: PolygonMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(ws, {"AAPL"})

    latency = await ws.ping()
    await reader.stop()

    assert latency >= 0


async def test_an_empty_symbol_list_yields_nothing_and_connects_nowhere(
    ws: PolygonStreamServer, provider: PolygonMarketData
) -> None:
    quotes = [quote async for quote in provider.stream_quotes([])]

    assert quotes == []
    assert ws.connections == []
