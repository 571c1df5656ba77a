"""ccxt.pro's watch_ticker under the shared stream rules: Binance's REST API from the venue
simulator (markets), its market streams from a local websocket; drops, backoff, refusals,
and the polling kept for exchanges that cannot watch."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.brokers.simulators.binance import BINANCE_SPOT_OPTIONS, BinanceSpotSimulator, Pair
from adapters.brokers.simulators.server import VenueServer
from adapters.ccxt_venues.exchange import open_exchange
from adapters.market_data.vendors.ccxt import CcxtMarketData, connect_ccxt_market_data
from adapters.market_data.vendors.ccxt_stream import can_watch, pro_twin
from adapters.market_data.ws_stream import Backoff, StreamOptions
from adapters.memory.clock import SystemClock
from tests.kit.quote_stream_readers import Collector, RecordedSleep
from tests.vendor_stream_servers import BinanceTickerServer

BACKOFF = Backoff(base_s=0.01, cap_s=0.03)
SEED = 3
AT = datetime(2026, 3, 2, 15, 30, 1, 250_000, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Venue:
    rest: VenueServer
    ws: BinanceTickerServer


@pytest.fixture
async def venue() -> AsyncIterator[Venue]:
    simulator = BinanceSpotSimulator((Pair("ETH", "USDT"), Pair("SOL", "USDT")))
    await simulator.set_price("ETH", Decimal("2000.50"))
    await simulator.set_price("SOL", Decimal("150.25"))
    async with VenueServer() as rest, BinanceTickerServer() as ws:
        simulator.install(rest)
        yield Venue(rest, ws)


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


def connect(
    venue: Venue, sleeps: RecordedSleep, *, give_up_after: int | None = None
) -> CcxtMarketData:
    options = StreamOptions(
        backoff=BACKOFF,
        draw=random.Random(SEED).random,
        sleep=sleeps,
        give_up_after=give_up_after,
    )
    md = connect_ccxt_market_data(
        "binance",
        SystemClock(),
        options=BINANCE_SPOT_OPTIONS,
        api_urls={"public": f"{venue.rest.url}/api/v3", "private": f"{venue.rest.url}/api/v3"},
        ws_urls={"spot": f"{venue.ws.url}/ws"},
        rate_limit_ms=0.001,
        timeout_ms=2_000,
        stream_options=options,
    )
    md.exchange.timeout_on_exit = 0  # plain HTTP: no pause for closing TLS
    return md


@pytest.fixture
async def provider(venue: Venue, sleeps: RecordedSleep) -> AsyncIterator[CcxtMarketData]:
    md = connect(venue, sleeps)
    yield md
    await md.aclose()


def malformed(provider: CcxtMarketData) -> int:
    health = provider.stream_health()
    return -1 if health is None else health.malformed_messages


async def until(condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    """Wait for what no event announces (a count in the health), checking every 10 ms."""
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def subscribed(venue: Venue, markets: set[str]) -> None:
    await venue.ws.wait_until(lambda: venue.ws.subscribed() == markets, timeout_s=5)


async def test_a_moved_rest_api_without_websocket_urls_polls_instead() -> None:
    md = connect_ccxt_market_data("binance", SystemClock(), api_base="http://127.0.0.1:9")
    try:
        assert md.watches is False and md.stream_health() is None
    finally:
        await md.aclose()


async def test_the_pro_twin_keeps_the_rest_urls_and_options_and_watches() -> None:
    rest = open_exchange(
        "binance", options=BINANCE_SPOT_OPTIONS, api_urls={"public": "http://127.0.0.1:9/api/v3"}
    )

    twin = pro_twin(rest, {"spot": "ws://127.0.0.1:9/ws"})

    assert twin is not None
    assert can_watch(twin) and not can_watch(rest)
    assert twin.urls["api"]["public"] == "http://127.0.0.1:9/api/v3"
    assert twin.urls["api"]["ws"]["spot"] == "ws://127.0.0.1:9/ws"
    assert twin.urls["api"]["ws"]["future"] == "wss://fstream.binance.com/ws"
    assert twin.options["fetchMarkets"] == {**twin.options["fetchMarkets"], "types": ["spot"]}
    assert twin.options["fetchCurrencies"] is False and twin.number is str
    await rest.close()
    await twin.close()


async def test_tickers_arrive_as_quotes_from_the_venues_websocket(
    venue: Venue, provider: CcxtMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["ETH", "SOL"]))
    await subscribed(venue, {"ETHUSDT", "SOLUSDT"})

    await venue.ws.publish("ETHUSDT", "2000.49", "2000.51", "2000.50", at=AT)
    await venue.ws.publish("ETHUSDT", "2000.49", "2000.51", "2000.50", at=AT)  # nothing moved
    await venue.ws.publish("SOLUSDT", "150.24", "150.26", "150.25", at=AT)
    quotes = await reader.wait_for(2, timeout_s=5)
    await reader.stop()

    eth = quotes[0]
    assert sorted(q.symbol for q in quotes) == ["ETH", "SOL"] and len(quotes) == 2
    assert (eth.bid, eth.ask, eth.last, eth.bid_size, eth.ask_size, eth.at) == (
        Decimal("2000.49"),
        Decimal("2000.51"),
        Decimal("2000.50"),
        Decimal("1.5"),
        Decimal(2),
        AT,
    )
    subscribed_to = [p for c in venue.ws.connections for p in venue.ws.subscribes(c)]
    assert sorted(subscribed_to) == [["ethusdt@ticker"], ["solusdt@ticker"]]


async def test_a_dropped_socket_is_watched_again_after_a_backoff_and_resubscribed(
    venue: Venue, provider: CcxtMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["ETH"]))
    await subscribed(venue, {"ETHUSDT"})
    await venue.ws.publish("ETHUSDT", "2000.49", "2000.51", "2000.50")
    await reader.wait_for(1, timeout_s=5)

    await venue.ws.drop()
    await venue.ws.wait_until(lambda: len(venue.ws.connections) == 2, timeout_s=5)
    await subscribed(venue, {"ETHUSDT"})
    await venue.ws.publish("ETHUSDT", "2001.00", "2001.02", "2001.01")
    quotes = await reader.wait_for(2, timeout_s=5)
    await reader.stop()

    assert [q.last for q in quotes] == [Decimal("2000.50"), Decimal("2001.01")]
    assert venue.ws.subscribes(venue.ws.connections[1]) == [["ethusdt@ticker"]]
    assert sleeps.delays == [BACKOFF.delay(0, random.Random(SEED).random())]
    health = provider.stream_health()
    assert health is not None and health.reconnects == 1 and health.last_error is not None


async def test_a_refused_subscription_is_fatal_and_not_retried(
    venue: Venue, provider: CcxtMarketData, sleeps: RecordedSleep
) -> None:
    venue.ws.refuse_subscriptions(2, "Invalid request: invalid stream")

    error = await Collector(provider.stream_quotes(["ETH"])).failure(timeout_s=5)

    assert error.retryable is False and error.provider == "ccxt"
    assert "invalid stream" in str(error)
    assert sleeps.delays == []


async def test_a_symbol_the_venue_does_not_list_is_fatal(
    venue: Venue, provider: CcxtMarketData, sleeps: RecordedSleep
) -> None:
    error = await Collector(provider.stream_quotes(["NOPE"])).failure(timeout_s=5)

    assert error.retryable is False
    assert sleeps.delays == [] and venue.ws.connections == []


async def test_an_unreachable_websocket_gives_up_with_a_retryable_error(
    venue: Venue, sleeps: RecordedSleep
) -> None:
    await venue.ws.stop()  # nothing listens on its port any more
    md = connect(venue, sleeps, give_up_after=3)

    error = await Collector(md.stream_quotes(["ETH"])).failure(timeout_s=5)
    await md.aclose()

    assert error.retryable is True and "gave up after 3" in str(error)
    assert len(sleeps.delays) == 2


async def test_a_ticker_that_cannot_be_read_is_counted_and_skipped(
    venue: Venue, provider: CcxtMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["ETH"]))
    await subscribed(venue, {"ETHUSDT"})

    await venue.ws.publish("ETHUSDT", "n/a", "2000.51", "2000.50")  # a bid not a number
    await until(lambda: malformed(provider) == 1)
    # ccxt hands a watcher the ticker of its time: the next one waits for the watch again.
    await venue.ws.publish("ETHUSDT", "2000.49", "2000.51", "2000.50")
    quotes = await reader.wait_for(1, timeout_s=5)
    health = provider.stream_health()
    await reader.stop()

    assert [q.bid for q in quotes] == [Decimal("2000.49")]
    assert health is not None and health.malformed_messages == 1


async def test_two_readers_of_one_symbol_share_it_and_one_leaving_keeps_the_other(
    venue: Venue, provider: CcxtMarketData
) -> None:
    first = Collector(provider.stream_quotes(["ETH"]))
    second = Collector(provider.stream_quotes(["ETH"]))
    await subscribed(venue, {"ETHUSDT"})
    await venue.ws.publish("ETHUSDT", "2000.49", "2000.51", "2000.50")
    await first.wait_for(1, timeout_s=5)
    await second.wait_for(1, timeout_s=5)

    await first.stop()
    await asyncio.sleep(0.05)  # the second reader's watch is pending again
    await venue.ws.publish("ETHUSDT", "2001.00", "2001.02", "2001.01")
    quotes = await second.wait_for(2, timeout_s=5)
    await second.stop()

    assert [q.last for q in quotes] == [Decimal("2000.50"), Decimal("2001.01")]
    assert len(venue.ws.connections) == 1
