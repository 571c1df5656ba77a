"""The crypto venues' market data through ccxt: the MarketDataProvider contract against the
simulated Binance and Kraken spot APIs (adapters/brokers/simulators/), then what is ccxt's
own: timeframes, paging, the venue's unknown symbol, rate limits and network failures."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_EVEN, Decimal, getcontext
from typing import Any

import pytest

from adapters.brokers.simulators.binance import (
    BINANCE_SPOT_OPTIONS,
    RATE_LIMITED,
    BinanceSpotSimulator,
    Pair,
)
from adapters.brokers.simulators.kraken import KrakenPair, KrakenSpotSimulator
from adapters.brokers.simulators.server import Reply, VenueServer
from adapters.brokers.simulators.spot import SpotVenue
from adapters.ccxt_venues.exchange import open_exchange
from adapters.market_data.vendors.ccxt import CcxtMarketData
from adapters.memory.clock import SystemClock
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import (
    MarketDataProvider,
    ProviderError,
    ProviderRateLimited,
    QuoteUnavailable,
)
from tests.kit.market_data_contract import MarketDataContract

PRICES = {"ETH": Decimal("2000.50"), "SOL": Decimal("150.25")}


@dataclass(frozen=True, slots=True)
class Venue:
    """A simulated venue, the ccxt exchange it stands for, and how ccxt is pointed at it."""

    simulator: Callable[[], SpotVenue]
    exchange_id: str
    quote: str
    urls: Callable[[str], dict[str, Any]]
    touch: tuple[str, str]  # ETH's bid and ask there at PRICES["ETH"]

    def provider(self, url: str, *, page: int = 1000, poll_s: float = 0.02) -> CcxtMarketData:
        exchange = open_exchange(
            self.exchange_id, rate_limit_ms=0.001, timeout_ms=2_000, **self.urls(url)
        )
        exchange.timeout_on_exit = 0  # plain HTTP: no pause for closing TLS
        return CcxtMarketData(exchange, SystemClock(), quote=self.quote, page=page, poll_s=poll_s)


VENUES = {
    "binance": Venue(
        lambda: BinanceSpotSimulator((Pair("ETH", "USDT"), Pair("SOL", "USDT"))),
        "binance",
        "USDT",
        lambda url: {
            "options": BINANCE_SPOT_OPTIONS,
            "api_urls": {"public": f"{url}/api/v3", "private": f"{url}/api/v3"},
        },
        ("2000.49", "2000.51"),  # a tick either side of the last trade
    ),
    "kraken": Venue(
        lambda: KrakenSpotSimulator((KrakenPair("ETH", "ZUSD"), KrakenPair("SOL", "ZUSD"))),
        "kraken",
        "USD",
        lambda url: {"api_base": url},
        ("2000.50", "2000.50"),  # the simulator's touch is the last trade
    ),
}


@dataclass(slots=True)
class Served:
    server: VenueServer
    simulator: SpotVenue
    provider: CcxtMarketData


@pytest.fixture(params=list(VENUES.values()), ids=list(VENUES))
async def served(request: pytest.FixtureRequest) -> AsyncIterator[Served]:
    venue: Venue = request.param
    simulator = venue.simulator()
    for base, price in PRICES.items():
        await simulator.set_price(base, price)
    async with VenueServer() as server:
        simulator.install(server)
        provider = venue.provider(server.url)
        yield Served(server, simulator, provider)
        await provider.aclose()


class TestCcxtContract(MarketDataContract):
    symbol = "ETH"
    other_symbol = "SOL"
    unknown_symbol = "NOPE"
    supports_order_book = True
    supports_option_chain = False
    supports_stream = True

    @pytest.fixture
    def provider(self, served: Served) -> MarketDataProvider:
        return served.provider

    @pytest.fixture
    def stream_feeder(self, served: Served) -> Callable[[], Awaitable[None]]:
        async def tick() -> None:
            step = Decimal("0.01")
            while True:
                for base, price in PRICES.items():
                    price += step
                    await served.simulator.set_price(base, price)
                step += Decimal("0.01")
                await asyncio.sleep(0.03)

        return tick


# -- ccxt's own ---------------------------------------------------------------------------
async def test_quotes_are_the_venues_numbers_as_decimals(served: Served) -> None:
    quote = await served.provider.quote("ETH")

    bid, ask = _venue_of(served).touch
    assert (quote.bid, quote.ask, quote.last) == (Decimal(bid), Decimal(ask), PRICES["ETH"])
    assert all(isinstance(n, Decimal) for n in (quote.bid, quote.ask, quote.last, quote.bid_size))


async def test_a_call_leaves_the_threads_decimal_context_as_it_was(served: Served) -> None:
    before = getcontext().copy()

    await served.provider.quote("ETH")
    await served.provider.order_book("ETH", 5)

    assert getcontext().rounding == before.rounding == ROUND_HALF_EVEN
    assert getcontext().traps == before.traps


@pytest.mark.parametrize("timeframe", list(Timeframe), ids=str)
async def test_each_timeframe_goes_out_under_the_venues_name_for_it(
    served: Served, timeframe: Timeframe
) -> None:
    bars = await served.provider.bars("ETH", timeframe, limit=2)

    assert [bar.timeframe for bar in bars] == [timeframe, timeframe]
    assert bars[1].start - bars[0].start == timeframe.delta
    binance = served.server.requests_to("GET", "/api/v3/klines")
    kraken = served.server.requests_to("GET", "/0/public/OHLC")
    if binance:
        assert binance[-1].params["interval"] == timeframe.value
    else:
        assert kraken[-1].params["interval"] == str(timeframe.seconds // 60)


async def test_a_timeframe_the_exchange_does_not_list_is_not_offered(served: Served) -> None:
    exchange = served.provider.exchange
    exchange.timeframes = {k: v for k, v in exchange.timeframes.items() if k != "4h"}

    with pytest.raises(ProviderError, match="4h bars") as raised:
        await served.provider.bars("ETH", Timeframe.H4, limit=2)

    assert raised.value.retryable is False


async def test_bars_from_a_start_are_paged_by_since_and_limit(served: Served) -> None:
    latest = await served.provider.bars("ETH", Timeframe.M5, limit=7)
    paged = Venue.provider(_venue_of(served), served.server.url, page=2)
    start = latest[0].start

    try:
        bars = await paged.bars("ETH", Timeframe.M5, start=start, limit=5)
    finally:
        await paged.aclose()

    assert bars == latest[:5]
    asked = served.server.requests_to("GET", "/api/v3/klines") or served.server.requests_to(
        "GET", "/0/public/OHLC"
    )
    assert len(asked) >= 1 + 3  # the latest bars, then pages of 2, 2 and 1


async def test_the_latest_bars_before_an_end_are_paged_too(served: Served) -> None:
    latest = await served.provider.bars("ETH", Timeframe.M1, limit=6)
    paged = Venue.provider(_venue_of(served), served.server.url, page=2)
    end = latest[-1].start

    try:
        bars = await paged.bars("ETH", Timeframe.M1, end=end, limit=4)
    finally:
        await paged.aclose()

    assert bars == latest[1:5]


async def test_more_latest_bars_than_a_page_holds_are_paged(served: Served) -> None:
    latest = await served.provider.bars("ETH", Timeframe.H1, limit=5)
    paged = Venue.provider(_venue_of(served), served.server.url, page=2)

    try:
        bars = await paged.bars("ETH", Timeframe.H1, limit=5)
    finally:
        await paged.aclose()

    assert bars == latest


async def test_the_stream_rides_out_a_rate_limit(served: Served) -> None:
    binance = isinstance(served.simulator, BinanceSpotSimulator)
    path = "/api/v3/ticker/24hr" if binance else "/0/public/Ticker"
    stream = served.provider.stream_quotes(["ETH"])
    first = await anext(stream)
    limited = RATE_LIMITED if binance else Reply(200, {"error": ["EAPI:Rate limit exceeded"]})
    served.server.fail(limited, path=path)
    await served.simulator.set_price("ETH", PRICES["ETH"] + 1)

    try:
        async with asyncio.timeout(5):
            moved = await anext(stream)
    finally:
        await stream.aclose()

    assert first.last == PRICES["ETH"]
    assert moved.last == PRICES["ETH"] + 1
    assert len(served.server.requests_to("GET", path)) >= 3  # the first, the refused, the moved


async def test_a_symbol_the_venue_refuses_in_its_own_words_is_not_retried(
    served: Served,
) -> None:
    # ccxt knows the pair (its markets list it) but the venue refuses it: Binance's -1121 is
    # ccxt's BadSymbol, Kraken's documented "Unknown asset pair" a plain ExchangeError.
    binance = isinstance(served.simulator, BinanceSpotSimulator)
    refusal = (
        Reply(400, {"code": -1121, "msg": "Invalid symbol."})
        if binance
        else Reply(200, {"error": ["EQuery:Unknown asset pair"]})
    )
    served.server.fail(refusal, path="/api/v3/ticker/24hr" if binance else "/0/public/Ticker")

    with pytest.raises(QuoteUnavailable) as raised:
        await served.provider.quote("ETH")

    assert not isinstance(raised.value, ProviderError) or raised.value.retryable is False
    assert "nvalid symbol" in str(raised.value) or "Unknown asset pair" in str(raised.value)


async def test_a_429_is_a_retryable_rate_limit_with_the_venues_retry_after() -> None:
    venue = VENUES["binance"]
    simulator = venue.simulator()
    await simulator.set_price("ETH", PRICES["ETH"])
    async with VenueServer() as server:
        simulator.install(server)
        provider = venue.provider(server.url)
        await provider.exchange.load_markets()
        server.fail(RATE_LIMITED, path="/api/v3/ticker/24hr")
        try:
            with pytest.raises(ProviderRateLimited) as raised:
                await provider.quote("ETH")
            again = await provider.quote("ETH")
        finally:
            await provider.aclose()

    assert raised.value.retryable is True
    assert raised.value.retry_after_s == 3.0
    assert again.last == PRICES["ETH"]


async def test_an_unreachable_venue_is_a_retryable_provider_failure() -> None:
    provider = VENUES["kraken"].provider("http://127.0.0.1:9")  # nothing listens on port 9

    try:
        with pytest.raises(ProviderError) as raised:
            await provider.quote("ETH")
    finally:
        await provider.aclose()

    assert raised.value.retryable is True
    assert not isinstance(raised.value, ProviderRateLimited)


async def test_option_chains_and_corporate_actions_name_what_a_crypto_venue_lacks(
    served: Served,
) -> None:
    today = (await served.provider.quote("ETH")).at.date()

    with pytest.raises(ProviderError, match="no option chains") as chain:
        await served.provider.option_chain("ETH")
    with pytest.raises(ProviderError, match="no splits or dividends") as actions:
        await served.provider.corporate_actions("ETH", today - timedelta(days=30), today)

    assert chain.value.retryable is False and actions.value.retryable is False


async def test_the_budget_is_ccxts_spacing_as_calls_a_minute_less_those_made(
    served: Served,
) -> None:
    served.provider.exchange.rateLimit = 50  # Binance's own: 1,200 a minute
    before = served.provider.rate_limit()

    await served.provider.quote("ETH")

    after = served.provider.rate_limit()
    assert before is not None and after is not None
    assert after.limit == before.limit == 1200
    assert after.remaining == before.remaining - 1


def _venue_of(served: Served) -> Venue:
    return VENUES["binance" if isinstance(served.simulator, BinanceSpotSimulator) else "kraken"]
