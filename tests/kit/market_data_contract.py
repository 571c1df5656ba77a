"""The MarketDataProvider contract (ports/market_data/marketdata.py) as a test suite every provider
runs.

Subclass `MarketDataContract` in a module named test_*.py, in a class named Test*, and give it:

- a fixture `provider` (sync or async) returning the MarketDataProvider under test, with data
  for `symbol` (and `other_symbol`, when set) in every Timeframe;
- class attributes `symbol`, `unknown_symbol` (a symbol the provider does not know) and
  optionally `other_symbol` (a second known symbol the stream must NOT yield);
- `supports_order_book`, `supports_option_chain`, `supports_stream`: set one False when the
  provider does not offer it; the suite then checks that asking raises
  ProviderError(retryable=False), so "not offered" is a clear error, not a silent gap;
- optionally a fixture `stream_feeder` returning an async callable run as a background task
  while the stream is read (e.g. one that ticks a synthetic board); it is cancelled afterwards.
  The default (None) suits providers that stream by themselves.

    class TestSyntheticContract(MarketDataContract):
        symbol = "AAPL"

        @pytest.fixture
        def provider(self, board, clock) -> MarketDataProvider: ...

The data must be stable within one test (no clock moves between two calls), because some
checks compare two answers (e.g. `limit=1` is the last bar of `limit=3`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import ClassVar

import pytest

from adapters.market_data.synthetic import SyntheticMarketData
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.options import OptionChain, OptionQuote
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import (
    MarketDataProvider,
    ProviderError,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)
from tests.kit.market_data import raises_unknown_symbol

StreamFeeder = Callable[[], Awaitable[None]]


def ticking(synthetic: SyntheticMarketData) -> StreamFeeder:
    """A stream feeder that ticks the synthetic provider without end, yielding to the loop
    after each tick."""

    async def keep_ticking() -> None:
        while True:
            synthetic.tick()
            await asyncio.sleep(0)

    return keep_ticking


ALL_TIMEFRAMES = tuple(Timeframe)
_RIGHT_ORDER = {OptionRight.CALL: 0, OptionRight.PUT: 1}


def _chain_key(contract: OptionQuote) -> tuple[object, ...]:
    return (contract.expiry, contract.strike, _RIGHT_ORDER[contract.right])


def assert_quote_sane(quote: Quote, symbol: str) -> None:
    """One quote: its symbol, aware time, non-negative and uncrossed prices, a positive mid."""
    assert quote.symbol == symbol
    assert quote.at.tzinfo is not None and quote.at.utcoffset() == timedelta(0)
    assert quote.bid >= 0 and quote.ask >= 0 and quote.last >= 0
    assert quote.bid_size >= 0 and quote.ask_size >= 0
    if quote.bid > 0 and quote.ask > 0:
        assert quote.bid <= quote.ask
        assert quote.bid <= quote.mid <= quote.ask
    assert quote.mid > 0


def assert_bars_sane(bars: list[Bar], symbol: str, timeframe: Timeframe) -> None:
    """Bars of one symbol and timeframe: aligned, increasing, OHLC and volume consistent."""
    starts = [bar.start for bar in bars]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "oldest first, no repeat"
    for bar in bars:
        assert (bar.symbol, bar.timeframe) == (symbol, timeframe)
        assert bar.start.tzinfo is not None
        assert timeframe.floor(bar.start) == bar.start, f"{bar.start} not on a {timeframe} edge"
        assert Decimal(0) < bar.low <= min(bar.open, bar.close)
        assert max(bar.open, bar.close) <= bar.high
        assert bar.volume >= 0
        if bar.vwap is not None:
            assert bar.low <= bar.vwap <= bar.high
        if bar.trades is not None:
            assert bar.trades >= 0


async def _expect_not_offered(call: Awaitable[object]) -> None:
    with pytest.raises(ProviderError) as raised:
        await call
    assert raised.value.retryable is False


class MarketDataContract:
    """Checks of ports.market_data.marketdata.MarketDataProvider; subclasses supply `provider`."""

    symbol: ClassVar[str] = "AAPL"
    unknown_symbol: ClassVar[str] = "NOPE.UNKNOWN"
    other_symbol: ClassVar[str | None] = None
    supports_order_book: ClassVar[bool] = True
    supports_option_chain: ClassVar[bool] = True
    supports_stream: ClassVar[bool] = True
    stream_reads: ClassVar[int] = 3
    stream_timeout_s: ClassVar[float] = 5.0

    @pytest.fixture
    def stream_feeder(self) -> StreamFeeder | None:
        return None

    # -- identity and budget ----------------------------------------------------
    def test_name_is_a_non_empty_string(self, provider: MarketDataProvider) -> None:
        assert isinstance(provider.name, str) and provider.name.strip()

    def test_rate_limit_is_unknown_or_a_sane_budget(self, provider: MarketDataProvider) -> None:
        usage = provider.rate_limit()

        assert usage is None or isinstance(usage, RateLimitUsage)
        if usage is not None:
            assert 0 <= usage.remaining <= usage.limit
            assert 0.0 <= usage.used_fraction <= 1.0

    # -- quotes -----------------------------------------------------------------
    async def test_quote_is_uncrossed_and_stamped(self, provider: MarketDataProvider) -> None:
        quote = await provider.quote(self.symbol)

        assert_quote_sane(quote, self.symbol)

    async def test_an_unknown_symbol_is_unavailable_not_a_provider_failure(
        self, provider: MarketDataProvider
    ) -> None:
        with raises_unknown_symbol():
            await provider.quote(self.unknown_symbol)

    async def test_reference_prices_are_mids_and_leave_unknown_symbols_out(
        self, provider: MarketDataProvider
    ) -> None:
        known = [self.symbol] + ([self.other_symbol] if self.other_symbol else [])

        prices = await provider.reference_prices([*known, self.unknown_symbol])

        assert set(prices) == set(known)
        assert prices[self.symbol] == (await provider.quote(self.symbol)).mid
        assert all(price > 0 for price in prices.values())

    async def test_reference_prices_of_nothing_known_is_empty(
        self, provider: MarketDataProvider
    ) -> None:
        assert await provider.reference_prices([self.unknown_symbol]) == {}
        assert await provider.reference_prices([]) == {}

    # -- bars -------------------------------------------------------------------
    @pytest.mark.parametrize("timeframe", ALL_TIMEFRAMES, ids=str)
    async def test_bars_respect_the_limit_and_end_at_the_latest(
        self, provider: MarketDataProvider, timeframe: Timeframe
    ) -> None:
        three = await provider.bars(self.symbol, timeframe, limit=3)
        one = await provider.bars(self.symbol, timeframe, limit=1)

        assert 1 <= len(three) <= 3
        assert_bars_sane(three, self.symbol, timeframe)
        assert one == three[-1:]

    @pytest.mark.parametrize("timeframe", ALL_TIMEFRAMES, ids=str)
    async def test_bars_honour_the_start_end_window(
        self, provider: MarketDataProvider, timeframe: Timeframe
    ) -> None:
        latest = await provider.bars(self.symbol, timeframe, limit=4)
        assert len(latest) >= 2, "contract data needs at least two bars per timeframe"
        start, end = latest[1].start, latest[-1].start

        inside = await provider.bars(self.symbol, timeframe, start=start, end=end)
        open_ended = await provider.bars(self.symbol, timeframe, start=start)

        assert_bars_sane(inside, self.symbol, timeframe)
        assert [bar.start for bar in inside] == [bar.start for bar in latest[1:-1]]
        assert all(start <= bar.start < end for bar in inside)
        assert [bar.start for bar in open_ended][: len(latest) - 1] == [
            bar.start for bar in latest[1:]
        ]

    async def test_bars_of_an_empty_window_are_empty(self, provider: MarketDataProvider) -> None:
        latest = await provider.bars(self.symbol, Timeframe.M1, limit=1)
        start = latest[0].start

        assert await provider.bars(self.symbol, Timeframe.M1, start=start, end=start) == []

    async def test_bars_with_a_start_and_a_limit_stay_in_the_window(
        self, provider: MarketDataProvider
    ) -> None:
        latest = await provider.bars(self.symbol, Timeframe.M1, limit=3)
        start = latest[0].start

        limited = await provider.bars(self.symbol, Timeframe.M1, start=start, limit=2)

        assert 1 <= len(limited) <= 2
        assert all(bar.start >= start for bar in limited)

    async def test_bars_of_an_unknown_symbol_are_empty_or_unavailable(
        self, provider: MarketDataProvider
    ) -> None:
        outcome: list[Bar] | QuoteUnavailable
        try:
            outcome = await provider.bars(self.unknown_symbol, Timeframe.M1, limit=5)
        except QuoteUnavailable as unavailable:
            outcome = unavailable

        # An unknown symbol is not a failure worth retrying (nor one for the breaker).
        retryable = isinstance(outcome, ProviderError) and outcome.retryable
        assert outcome == [] or (isinstance(outcome, QuoteUnavailable) and not retryable)

    # -- order book -------------------------------------------------------------
    @pytest.mark.parametrize("depth", [1, 5])
    async def test_order_book_respects_depth_and_is_sorted_and_uncrossed(
        self, provider: MarketDataProvider, depth: int
    ) -> None:
        if not self.supports_order_book:
            await _expect_not_offered(provider.order_book(self.symbol, depth))
            return

        book = await provider.order_book(self.symbol, depth)

        assert isinstance(book, OrderBook) and book.symbol == self.symbol
        assert book.bids or book.asks
        assert len(book.bids) <= depth and len(book.asks) <= depth
        bid_prices = [level.price for level in book.bids]
        ask_prices = [level.price for level in book.asks]
        assert bid_prices == sorted(bid_prices, reverse=True)
        assert ask_prices == sorted(ask_prices)
        if book.bids and book.asks:
            assert bid_prices[0] < ask_prices[0]
        assert all(level.size > 0 for level in (*book.bids, *book.asks))
        assert book.at.tzinfo is not None

    async def test_order_book_of_an_unknown_symbol_is_unavailable(
        self, provider: MarketDataProvider
    ) -> None:
        if not self.supports_order_book:
            await _expect_not_offered(provider.order_book(self.unknown_symbol, 5))
            return

        with pytest.raises(QuoteUnavailable):
            await provider.order_book(self.unknown_symbol, 5)

    # -- option chain -----------------------------------------------------------
    async def test_option_chain_is_sorted_and_of_the_underlying(
        self, provider: MarketDataProvider
    ) -> None:
        if not self.supports_option_chain:
            await _expect_not_offered(provider.option_chain(self.symbol))
            return

        chain = await provider.option_chain(self.symbol)

        assert isinstance(chain, OptionChain) and chain.underlying == self.symbol
        assert chain.contracts and chain.underlying_price > 0
        assert list(chain.contracts) == sorted(chain.contracts, key=_chain_key)
        assert len({c.symbol for c in chain.contracts}) == len(chain.contracts)
        for contract in chain.contracts:
            assert contract.underlying == self.symbol
            assert contract.strike > 0
            assert 0 <= contract.bid <= contract.ask

    async def test_option_chain_filters_one_expiry(self, provider: MarketDataProvider) -> None:
        if not self.supports_option_chain:
            pytest.skip("not offered: test_option_chain_is_sorted_and_of_the_underlying checks it")
        expiries = (await provider.option_chain(self.symbol)).expiries()
        wanted = expiries[-1]

        chain = await provider.option_chain(self.symbol, wanted)

        assert chain.contracts
        assert chain.expiries() == [wanted]

    async def test_option_chain_of_an_unknown_underlying_is_unavailable(
        self, provider: MarketDataProvider
    ) -> None:
        if not self.supports_option_chain:
            await _expect_not_offered(provider.option_chain(self.unknown_symbol))
            return

        with pytest.raises(QuoteUnavailable):
            await provider.option_chain(self.unknown_symbol)

    # -- stream -----------------------------------------------------------------
    async def test_stream_yields_quotes_of_the_asked_symbols_only(
        self, provider: MarketDataProvider, stream_feeder: StreamFeeder | None
    ) -> None:
        if not self.supports_stream:
            await _expect_not_offered(_first_quote(provider, [self.symbol]))
            return

        quotes = await self._read_stream(provider, stream_feeder, [self.symbol])

        assert len(quotes) == self.stream_reads
        for quote in quotes:
            assert_quote_sane(quote, self.symbol)

    async def test_stream_of_several_symbols_yields_only_those(
        self, provider: MarketDataProvider, stream_feeder: StreamFeeder | None
    ) -> None:
        if not self.supports_stream or self.other_symbol is None:
            pytest.skip("needs a stream and an other_symbol")
        asked = [self.symbol, self.other_symbol]

        quotes = await self._read_stream(provider, stream_feeder, asked)

        assert {quote.symbol for quote in quotes} <= set(asked)
        for quote in quotes:
            assert_quote_sane(quote, quote.symbol)

    async def _read_stream(
        self,
        provider: MarketDataProvider,
        feeder: StreamFeeder | None,
        symbols: list[str],
    ) -> list[Quote]:
        stream = provider.stream_quotes(symbols)
        feeding = asyncio.ensure_future(feeder()) if feeder is not None else None
        quotes: list[Quote] = []
        try:
            async with asyncio.timeout(self.stream_timeout_s):
                async for quote in stream:
                    quotes.append(quote)
                    if len(quotes) >= self.stream_reads:
                        break
        finally:
            await _close(stream)
            if feeding is not None:
                feeding.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await feeding
        return quotes


async def _first_quote(provider: MarketDataProvider, symbols: list[str]) -> Quote:
    # stream_quotes may refuse when called or on the first read: both count.
    stream = provider.stream_quotes(symbols)
    try:
        return await anext(stream)
    finally:
        await _close(stream)


async def _close(stream: AsyncIterator[Quote]) -> None:
    aclose = getattr(stream, "aclose", None)
    if aclose is not None:
        await aclose()


def window_of(bars: list[Bar]) -> tuple[datetime, datetime]:
    """The [start, end) that holds exactly `bars` (helper for provider-specific tests)."""
    return bars[0].start, bars[-1].start + bars[-1].timeframe.delta
