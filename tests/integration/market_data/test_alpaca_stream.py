"""Alpaca quote stream against a local stream server: auth, sharing, drops, backoff, resubscribe."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Sequence
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.market_data.alpaca import AlpacaMarketData
from adapters.market_data.alpaca_stream import Backoff, StreamOptions
from adapters.memory.clock import FakeClock
from ports.market_data.marketdata import ProviderError, Quote
from tests.alpaca_stream_server import AlpacaStreamServer

KEYS = AlpacaCredentials("key", "secret")
BACKOFF = Backoff(base_s=0.01, cap_s=0.03)
SEED = 7
IEX = "/v2/iex"
CRYPTO = "/v1beta3/crypto/us"


class RecordedSleep:
    """The stream's injected sleep: records each delay and yields without waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


class Collector:
    """Reads a quote stream in a background task, as a consumer would."""

    def __init__(self, stream: AsyncIterator[Quote]) -> None:
        self.quotes: list[Quote] = []
        self.error: ProviderError | None = None
        self._arrived = asyncio.Event()
        self._task = asyncio.ensure_future(self._read(stream))

    async def _read(self, stream: AsyncIterator[Quote]) -> None:
        try:
            async for quote in stream:
                self.quotes.append(quote)
                self._arrived.set()
        except ProviderError as error:
            self.error = error
            self._arrived.set()

    async def wait_for(self, count: int, timeout_s: float = 2.0) -> list[Quote]:
        async with asyncio.timeout(timeout_s):
            while len(self.quotes) < count and self.error is None:
                self._arrived.clear()
                await self._arrived.wait()
        return self.quotes

    async def failure(self, timeout_s: float = 2.0) -> ProviderError:
        async with asyncio.timeout(timeout_s):
            await asyncio.shield(self._task)
        assert self.error is not None
        return self.error

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


@pytest.fixture
async def server() -> AsyncIterator[AlpacaStreamServer]:
    async with AlpacaStreamServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


def make_provider(
    server: AlpacaStreamServer,
    sleeps: RecordedSleep,
    *,
    credentials: AlpacaCredentials = KEYS,
    give_up_after: int | None = None,
    max_buffered: int = 1000,
) -> AlpacaMarketData:
    clock = FakeClock()
    # The REST side is never called here: an address nothing listens on.
    http = AlpacaHttp("http://127.0.0.1:9", credentials, provider_name="alpaca", clock=clock)
    options = StreamOptions(
        backoff=BACKOFF,
        draw=random.Random(SEED).random,
        sleep=sleeps,
        handshake_timeout_s=1.0,
        give_up_after=give_up_after,
        max_buffered=max_buffered,
    )
    return AlpacaMarketData(
        http, credentials, clock=clock, stream_url=server.url, stream_options=options
    )


@pytest.fixture
async def provider(
    server: AlpacaStreamServer, sleeps: RecordedSleep
) -> AsyncIterator[AlpacaMarketData]:
    md = make_provider(server, sleeps)
    yield md
    await md.aclose()


def expected_delays(attempts: Sequence[int]) -> list[float]:
    draws = random.Random(SEED)
    return [BACKOFF.delay(attempt, draws.random()) for attempt in attempts]


async def subscribed(server: AlpacaStreamServer, symbols: set[str], path: str = IEX) -> None:
    await server.wait_until(lambda: server.subscribed(path) == symbols)


# -- the happy path -------------------------------------------------------------------------
async def test_quotes_flow_after_auth_and_subscribe(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})

    await server.publish("AAPL", "189.10", "189.14", bid_size="3", ask_size="5")
    await server.publish("MSFT", "410.00", "410.10")  # not asked: the server does not send it
    await server.publish("AAPL", "189.11", "189.15")
    quotes = await reader.wait_for(2)
    await reader.stop()

    first = quotes[0]
    assert [q.symbol for q in quotes] == ["AAPL", "AAPL"]
    assert (first.bid, first.ask, first.bid_size, first.ask_size) == (
        Decimal("189.10"),
        Decimal("189.14"),
        Decimal(3),
        Decimal(5),
    )
    assert first.last == first.mid == Decimal("189.12")
    assert server.connections[0].actions[0] == {"action": "auth", "key": "key", "secret": "secret"}
    assert server.connections[0].subscribes() == [{"AAPL"}]


async def test_consumers_share_one_connection_subscribed_to_the_union(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    apple = Collector(provider.stream_quotes(["AAPL"]))
    both = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(server, {"AAPL", "MSFT"})

    await server.publish("MSFT", "410.00", "410.10")
    await server.publish("AAPL", "189.10", "189.14")
    await both.wait_for(2)
    await apple.wait_for(1)

    assert len(server.connections) == 1
    assert [q.symbol for q in both.quotes] == ["MSFT", "AAPL"]
    assert [q.symbol for q in apple.quotes] == ["AAPL"]
    await apple.stop()
    await both.stop()


async def test_a_stopped_consumer_unsubscribes_what_nobody_else_wants(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    apple = Collector(provider.stream_quotes(["AAPL"]))
    both = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(server, {"AAPL", "MSFT"})

    await both.stop()
    await subscribed(server, {"AAPL"})
    await server.publish("AAPL", "189.10", "189.14")
    await apple.wait_for(1)

    assert server.connections[0].unsubscribes() == [{"MSFT"}]
    assert len(apple.quotes) == 1
    await apple.stop()


async def test_the_last_consumer_leaving_unsubscribes_and_closes_the_connection(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})

    await reader.stop()
    await server.wait_until(lambda: not server.live())

    assert server.connections[0].unsubscribes() == [{"AAPL"}]
    assert provider.stream_health().connected is False


async def test_a_new_consumer_after_the_close_opens_a_fresh_connection(
    server: AlpacaStreamServer, provider: AlpacaMarketData, sleeps: RecordedSleep
) -> None:
    first = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})
    await first.stop()
    await server.wait_until(lambda: not server.live())

    second = Collector(provider.stream_quotes(["MSFT"]))
    await subscribed(server, {"MSFT"})
    await server.publish("MSFT", "410.00", "410.10")
    await second.wait_for(1)
    await second.stop()

    assert len(server.connections) == 2
    assert sleeps.delays == []  # closing for lack of consumers is not a failure


async def test_crypto_symbols_stream_from_the_crypto_feed(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL", "BTC/USD"]))
    await subscribed(server, {"AAPL"})
    await subscribed(server, {"BTC/USD"}, CRYPTO)

    await server.publish("BTC/USD", "97000.5", "97010.5", bid_size="0.25")
    await server.publish("AAPL", "189.10", "189.14")
    quotes = await reader.wait_for(2)
    await reader.stop()

    assert {q.symbol for q in quotes} == {"AAPL", "BTC/USD"}
    assert {c.path for c in server.connections} == {IEX, CRYPTO}


async def test_a_full_buffer_keeps_the_newest_quotes(
    server: AlpacaStreamServer, sleeps: RecordedSleep
) -> None:
    md = make_provider(server, sleeps, max_buffered=2)
    stream = md.stream_quotes(["AAPL"])
    first = asyncio.ensure_future(anext(stream))
    marker = Collector(md.stream_quotes(["MSFT"]))
    await subscribed(server, {"AAPL", "MSFT"})
    await server.publish("AAPL", "1.00", "1.02")
    await first

    for cents in range(10, 15):
        await server.publish("AAPL", f"1.{cents}", "1.50")
    # Frames arrive in order on the one connection: once the marker is read, so are the five.
    await server.publish("MSFT", "410.00", "410.10")
    await marker.wait_for(1)
    dropped = md.stream_health().dropped_quotes
    rest = [await anext(stream), await anext(stream)]
    await stream.aclose()
    await marker.stop()
    await md.aclose()

    assert dropped == 3
    assert [q.bid for q in rest] == [Decimal("1.13"), Decimal("1.14")]


async def test_an_empty_symbol_list_yields_nothing_and_connects_nowhere(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    quotes = [quote async for quote in provider.stream_quotes([])]

    assert quotes == []
    assert server.connections == []


# -- failures -------------------------------------------------------------------------------
async def test_bad_keys_end_the_stream_with_a_non_retryable_error(
    server: AlpacaStreamServer, sleeps: RecordedSleep
) -> None:
    md = make_provider(server, sleeps, credentials=AlpacaCredentials("key", "wrong"))
    reader = Collector(md.stream_quotes(["AAPL"]))

    error = await reader.failure()
    await md.aclose()

    assert error.retryable is False
    assert "402" in str(error)
    assert len(server.connections) == 1 and sleeps.delays == []
    assert "402" in (md.stream_health().last_error or "")


async def test_an_insufficient_subscription_error_mid_stream_is_fatal(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})

    await server.send_error(409)
    error = await reader.failure()

    assert error.retryable is False and "409" in str(error)


async def test_a_dropped_connection_reconnects_resubscribes_and_loses_nothing_after(
    server: AlpacaStreamServer, provider: AlpacaMarketData, sleeps: RecordedSleep
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL", "MSFT"]))
    await subscribed(server, {"AAPL", "MSFT"})
    await server.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)

    await server.drop()
    await server.wait_until(lambda: len(server.connections) == 2)
    await subscribed(server, {"AAPL", "MSFT"})
    sent = [("AAPL" if i % 2 else "MSFT", f"{100 + i}.00") for i in range(20)]
    for symbol, bid in sent:
        await server.publish(symbol, bid, f"{bid[:-3]}.05")
    await reader.wait_for(21)
    await reader.stop()

    again = server.connections[1]
    assert again.actions[0]["action"] == "auth"
    assert again.subscribes() == [{"AAPL", "MSFT"}]
    assert [(q.symbol, q.bid) for q in reader.quotes[1:]] == [(s, Decimal(b)) for s, b in sent]
    # The dropped connection had proved itself, so the backoff starts over at attempt 0.
    assert sleeps.delays == expected_delays([0])
    assert 0 <= sleeps.delays[0] <= BACKOFF.base_s
    health = provider.stream_health()
    assert health.reconnects == 1 and health.last_error is not None


async def test_a_clean_close_by_the_server_is_a_drop_too(
    server: AlpacaStreamServer, provider: AlpacaMarketData
) -> None:
    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})

    await server.drop(abrupt=False)
    await server.wait_until(lambda: len(server.connections) == 2)
    await subscribed(server, {"AAPL"})
    await server.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)
    await reader.stop()

    assert provider.stream_health().reconnects == 1


async def test_refused_connections_back_off_exponentially_with_full_jitter_up_to_the_cap(
    server: AlpacaStreamServer, provider: AlpacaMarketData, sleeps: RecordedSleep
) -> None:
    server.refuse(406, times=4)

    reader = Collector(provider.stream_quotes(["AAPL"]))
    await subscribed(server, {"AAPL"})
    await server.publish("AAPL", "189.10", "189.14")
    await reader.wait_for(1)
    health = provider.stream_health()
    await reader.stop()

    assert sleeps.delays == expected_delays([0, 1, 2, 3])
    for attempt, delay in enumerate(sleeps.delays):
        assert 0 <= delay <= min(BACKOFF.cap_s, BACKOFF.base_s * 2**attempt)
    assert len(server.connections) == 5
    assert health.reconnects == 4 and health.connected
    assert "406" in (health.last_error or "")


async def test_a_stream_that_never_gets_back_gives_up_with_a_retryable_error(
    server: AlpacaStreamServer, sleeps: RecordedSleep
) -> None:
    server.refuse(406, times=10)
    md = make_provider(server, sleeps, give_up_after=3)
    reader = Collector(md.stream_quotes(["AAPL"]))

    error = await reader.failure()
    await md.aclose()

    assert error.retryable is True and "406" in str(error)
    assert len(server.connections) == 3 and len(sleeps.delays) == 2
    assert md.stream_health().consecutive_failures == 3


async def test_an_unreachable_server_is_retried_with_backoff(sleeps: RecordedSleep) -> None:
    async with AlpacaStreamServer() as server:
        url = server.url
    md = make_provider(server, sleeps, give_up_after=2)
    assert md.stock_stream.url.startswith(url)

    error = await Collector(md.stream_quotes(["AAPL"])).failure()
    await md.aclose()

    assert error.retryable is True
    assert sleeps.delays == expected_delays([0])


# -- the backoff policy ---------------------------------------------------------------------
@settings(max_examples=50)
@given(
    base=st.floats(0.001, 10),
    factor=st.floats(1, 1000),
    attempt=st.integers(0, 10_000),
    draw=st.floats(0, 1, exclude_max=True),
)
def test_backoff_delay_stays_within_the_capped_exponential(
    base: float, factor: float, attempt: int, draw: float
) -> None:
    backoff = Backoff(base_s=base, cap_s=base * factor)

    delay = backoff.delay(attempt, draw)

    assert 0 <= delay <= backoff.ceiling(attempt) <= backoff.cap_s
    assert backoff.ceiling(attempt) <= backoff.ceiling(attempt + 1)
    assert backoff.ceiling(attempt) == min(backoff.cap_s, base * 2.0 ** min(attempt, 62))


@pytest.mark.parametrize(("base", "cap"), [(0, 1), (-1, 1), (2, 1)])
def test_backoff_rejects_a_non_positive_base_or_a_cap_below_it(base: float, cap: float) -> None:
    with pytest.raises(ValueError, match="backoff"):
        Backoff(base_s=base, cap_s=cap)
