"""Failover composite: timeouts and errors fail over, breakers recover, consensus, manual switch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, timedelta
from decimal import Decimal

import pytest

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.memory.clock import FakeClock
from application.market_data.book_sources import BookKind, BookSources
from application.market_data.providers import NoProviderAvailable, ProviderHealth, UnknownProvider
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.breaker import BreakerConfig, BreakerState
from domain.market_data.options import OptionChain
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)
from tests.kit.market_data import BarAsk, ServesBars, raises_unknown_symbol

D = Decimal
TIMEOUT = 0.05
OK, HANG, DOWN, NOT_OFFERED, LIMITED, LEAK = "ok", "hang", "down", "not_offered", "limited", "leak"


class FakeProvider(ServesBars):
    """A scriptable provider: answers, hangs, fails, refuses for rate or leaks an exception."""

    def __init__(
        self,
        name: str,
        clock: FakeClock,
        prices: dict[str, str] | None = None,
        *,
        latency_s: float = 0.0,
        usage: RateLimitUsage | None = None,
    ) -> None:
        self.name = name
        self.clock = clock
        self.prices = {s: D(p) for s, p in (prices or {"AAPL": "190"}).items()}
        self.latency_s = latency_s
        self.usage = usage
        self.mode = OK
        self.retry_after_s: float | None = 5.0
        self.calls: list[str] = []
        self.stream_script: list[Quote | Exception] = []

    async def _answer(self, what: str, symbol: str | None = None) -> None:
        self.calls.append(what)
        self.clock.advance(self.latency_s)  # the call "took" latency_s on the fake clock
        if self.mode == HANG:
            await asyncio.sleep(3600)
        if self.mode == DOWN:
            raise ProviderError(self.name, "503 from upstream")
        if self.mode == NOT_OFFERED:
            raise ProviderError(self.name, f"{what} not offered", retryable=False)
        if self.mode == LIMITED:
            raise ProviderRateLimited(self.name, self.retry_after_s)
        if self.mode == LEAK:
            raise RuntimeError("socket closed")
        if symbol is not None and symbol not in self.prices:
            raise QuoteUnavailable(symbol)

    def make_quote(self, symbol: str) -> Quote:
        price = self.prices[symbol]
        return Quote(symbol, price - D("0.05"), price + D("0.05"), price, self.clock.now())

    async def quote(self, symbol: str) -> Quote:
        await self._answer("quote", symbol)
        return self.make_quote(symbol)

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        await self._answer("reference_prices")
        return {s: self.prices[s] for s in symbols if s in self.prices}

    async def serve(self, ask: BarAsk) -> list[Bar]:
        await self._answer("bars", ask.symbol)
        p, at = self.prices[ask.symbol], ask.timeframe.floor(self.clock.now())
        return [Bar(ask.symbol, ask.timeframe, at, p, p, p, p, D(1))]

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        await self._answer("order_book", symbol)
        p = self.prices[symbol]
        bids, asks = (BookLevel(p - 1, D(1)),), (BookLevel(p + 1, D(1)),)
        return OrderBook(symbol, bids, asks, self.clock.now())

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        await self._answer("option_chain", underlying)
        return OptionChain(underlying, self.prices[underlying], self.clock.now(), ())

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        await self._answer("stream")
        for item in self.stream_script:
            if isinstance(item, Exception):
                raise item
            yield item

    def rate_limit(self) -> RateLimitUsage | None:
        return self.usage


BREAKER = BreakerConfig(
    window_size=10, minimum_calls=3, failure_rate=0.5, slow_call_s=1.0, open_s=30.0,
    half_open_calls=2,
)  # fmt: skip


async def fail_the_primary_three_times(feed: FailoverMarketData, primary: FakeProvider) -> None:
    """The primary down for three quotes in a row: enough to open its breaker."""
    primary.mode = DOWN
    for _ in range(3):
        await feed.quote("AAPL")


@pytest.fixture
def primary(clock: FakeClock) -> FakeProvider:
    return FakeProvider("primary", clock, {"AAPL": "190", "MSFT": "410"}, latency_s=0.010)


@pytest.fixture
def secondary(clock: FakeClock) -> FakeProvider:
    return FakeProvider("secondary", clock, {"AAPL": "190.02", "XOM": "110"}, latency_s=0.030)


@pytest.fixture
def feed(primary: FakeProvider, secondary: FakeProvider, clock: FakeClock) -> FailoverMarketData:
    return FailoverMarketData(
        [[primary], [secondary]], clock, FailoverConfig(call_timeout_s=TIMEOUT, breaker=BREAKER)
    )


def health_of(feed: FailoverMarketData, name: str) -> ProviderHealth:
    return next(h for h in feed.health() if h.name == name)


def state_of(feed: FailoverMarketData, name: str) -> BreakerState:
    return health_of(feed, name).state


# -- routing and failover -------------------------------------------------------------


async def test_the_primary_serves_while_it_is_healthy(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    quote = await feed.quote("AAPL")

    assert quote.last == D(190)
    assert primary.calls == ["quote"] and secondary.calls == []
    assert feed.active() == "primary"


async def test_a_hanging_primary_fails_over_within_the_timeout(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = HANG
    started = time.perf_counter()

    quote = await feed.quote("AAPL")

    elapsed = time.perf_counter() - started
    assert quote.last == D("190.02") and secondary.calls == ["quote"]
    assert TIMEOUT <= elapsed < TIMEOUT + 0.5
    report = health_of(feed, "primary")
    assert report.last_error == "timed out after 0.05s"
    assert report.failures == 1 and report.slow_rate == 0.0  # 0.05 s is not slow (1 s)


async def test_a_failing_primary_fails_over_and_then_is_skipped_once_open(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = DOWN

    for _ in range(3):
        assert (await feed.quote("AAPL")).last == D("190.02")
    await feed.quote("AAPL")

    assert primary.calls == ["quote"] * 3  # the 4th call did not try it
    assert secondary.calls == ["quote"] * 4
    assert state_of(feed, "primary") is BreakerState.OPEN
    assert feed.active() == "secondary"


async def test_a_leaked_library_error_counts_as_a_failure(
    feed: FailoverMarketData, primary: FakeProvider
) -> None:
    primary.mode = LEAK

    await feed.quote("AAPL")

    report = health_of(feed, "primary")
    assert report.last_error == "RuntimeError: socket closed" and report.failure_rate == 1.0


async def test_slow_answers_open_the_breaker_on_the_slow_rate(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.latency_s = 1.5  # answers, but slower than slow_call_s

    for _ in range(3):
        assert (await feed.quote("AAPL")).last == D(190)

    assert state_of(feed, "primary") is BreakerState.OPEN
    assert (await feed.quote("AAPL")).last == D("190.02")


async def test_the_primary_recovers_through_half_open(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider, clock: FakeClock
) -> None:
    await fail_the_primary_three_times(feed, primary)
    primary.mode = OK
    clock.advance(30)

    first = await feed.quote("AAPL")
    assert state_of(feed, "primary") is BreakerState.HALF_OPEN
    second = await feed.quote("AAPL")

    assert (first.last, second.last) == (D(190), D(190))
    assert state_of(feed, "primary") is BreakerState.CLOSED
    targets = [t.target for t in health_of(feed, "primary").transitions]
    assert targets == [BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED]


async def test_a_failed_trial_sends_the_primary_back_to_open(
    feed: FailoverMarketData, primary: FakeProvider, clock: FakeClock
) -> None:
    await fail_the_primary_three_times(feed, primary)
    clock.advance(30)

    await feed.quote("AAPL")  # trial 1 fails
    await feed.quote("AAPL")  # trial 2 fails

    assert state_of(feed, "primary") is BreakerState.OPEN
    assert primary.calls == ["quote"] * 5


async def test_when_every_provider_fails_the_error_names_them(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode, secondary.mode = DOWN, HANG

    with pytest.raises(ProviderError) as raised:
        await feed.quote("AAPL")

    assert raised.value.retryable and raised.value.provider == "failover"
    assert "primary: 503 from upstream" in raised.value.message
    assert "secondary: timed out" in raised.value.message


async def test_open_breakers_everywhere_fail_fast_without_calling(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = secondary.mode = DOWN
    for _ in range(3):
        with pytest.raises(ProviderError):
            await feed.quote("AAPL")

    with pytest.raises(ProviderError, match="breaker open"):
        await feed.quote("AAPL")

    assert len(primary.calls) == len(secondary.calls) == 3
    assert feed.active() is None and feed.rate_limit() is None


# -- unknown symbols and capabilities -------------------------------------------------


async def test_an_unknown_symbol_is_asked_of_the_lower_tier_without_counting(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    quote = await feed.quote("XOM")

    assert quote.last == D(110)
    report = health_of(feed, "primary")
    assert report.failures == 0 and report.failure_rate == 0.0 and report.last_error is None


async def test_an_unknown_symbol_is_not_asked_of_the_same_tier(clock: FakeClock) -> None:
    a = FakeProvider("a", clock, {"AAPL": "1"})
    b = FakeProvider("b", clock, {"XOM": "2"})
    feed = FailoverMarketData([[a, b]], clock)

    with raises_unknown_symbol():
        await feed.quote("XOM")
    assert b.calls == []


async def test_a_symbol_nobody_knows_is_unavailable_not_a_provider_failure(
    feed: FailoverMarketData,
) -> None:
    with raises_unknown_symbol():
        await feed.quote("NOPE")


async def test_not_offered_moves_on_without_counting_against_the_breaker(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = NOT_OFFERED

    for _ in range(5):
        chain = await feed.option_chain("AAPL")

    assert chain.underlying_price == D("190.02")
    assert state_of(feed, "primary") is BreakerState.CLOSED
    assert len(primary.calls) == 5


async def test_not_offered_anywhere_is_a_non_retryable_error(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = secondary.mode = NOT_OFFERED

    with pytest.raises(ProviderError) as raised:
        await feed.order_book("AAPL")

    assert raised.value.retryable is False


async def test_bars_and_books_go_through_the_same_routing(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = DOWN

    bars = await feed.bars("AAPL", Timeframe.M5, limit=1)
    book = await feed.order_book("AAPL", 1)

    assert bars[0].close == D("190.02") and book.bids[0].price == D("189.02")
    assert secondary.calls == ["bars", "order_book"]


async def test_a_book_is_named_for_the_provider_that_answered_it(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    # Arrange: the primary fails this one call; one failure leaves its breaker closed, so the
    # primary is still the provider a call would go to
    primary.mode = DOWN

    # Act
    book, answered = await feed.order_book_answered("AAPL", 1)

    # Assert
    assert (answered, book.bids[0].price) == ("secondary", D("189.02"))
    assert feed.active() == "primary" and state_of(feed, "primary") is BreakerState.CLOSED


async def test_a_book_the_primary_answers_is_named_for_it(
    feed: FailoverMarketData, primary: FakeProvider
) -> None:
    # Act
    book, answered = await feed.order_book_answered("AAPL", 1)

    # Assert
    assert (answered, book.bids[0].price) == ("primary", D("189"))


async def test_a_book_from_a_synthetic_fallback_is_shown_as_simulated(
    primary: FakeProvider, clock: FakeClock
) -> None:
    # Arrange: the depth screens' sources over a failover whose fallback is the synthetic
    # provider; the primary fails this call with its breaker still closed
    synthetic = FakeProvider("synthetic", clock, {"AAPL": "190"})
    feed = FailoverMarketData(
        [[primary], [synthetic]], clock, FailoverConfig(call_timeout_s=TIMEOUT, breaker=BREAKER)
    )
    sources = BookSources(feed, feed_book=feed.order_book_answered)
    primary.mode = DOWN

    # Act
    sourced = await sources.book("AAPL", 10)

    # Assert: named for the synthetic provider and flagged, not shown as the primary's market
    assert (sourced.source, sourced.kind) == ("synthetic", BookKind.SIMULATED)
    assert sourced.note is not None and "generated" in sourced.note


# -- rate limits ----------------------------------------------------------------------


async def test_a_rate_limited_provider_cools_down_for_its_retry_after(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider, clock: FakeClock
) -> None:
    primary.mode = LIMITED  # retry after 5 s
    primary.latency_s = secondary.latency_s = 0.0
    primary.usage = RateLimitUsage(limit=200, remaining=0)
    await feed.quote("AAPL")
    limited_at = clock.now()

    await feed.quote("AAPL")  # while cooling: straight to the secondary
    cooling = health_of(feed, "primary")
    primary.mode = OK
    clock.set(limited_at + timedelta(seconds=5))
    quote = await feed.quote("AAPL")

    assert primary.calls == ["quote", "quote"] and secondary.calls == ["quote", "quote"]
    assert cooling.cooling_until == limited_at + timedelta(seconds=5)
    assert cooling.rate_limit == RateLimitUsage(limit=200, remaining=0)
    assert not cooling.active and cooling.last_error == "rate limited"
    assert quote.last == D(190)


async def test_the_feed_reports_the_active_providers_rate_limit(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.usage = RateLimitUsage(limit=200, remaining=150)
    secondary.usage = RateLimitUsage(limit=10_000, remaining=9_000)

    assert feed.rate_limit() == RateLimitUsage(limit=200, remaining=150)
    feed.failover()
    assert feed.rate_limit() == RateLimitUsage(limit=10_000, remaining=9_000)


# -- reference prices -----------------------------------------------------------------


async def test_reference_prices_fill_the_gaps_from_the_lower_tier(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    prices = await feed.reference_prices(["AAPL", "XOM", "NOPE", "AAPL"])

    assert prices == {"AAPL": D(190), "XOM": D(110)}


async def test_reference_prices_fail_over_and_are_empty_when_all_fail(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = DOWN
    assert await feed.reference_prices(["AAPL"]) == {"AAPL": D("190.02")}

    secondary.mode = HANG

    assert await feed.reference_prices(["AAPL"]) == {}


# -- consensus ------------------------------------------------------------------------


async def test_consensus_rejects_the_outlier_and_skips_the_failing(clock: FakeClock) -> None:
    a = FakeProvider("a", clock, {"AAPL": "190.00"})
    b = FakeProvider("b", clock, {"AAPL": "190.04"})
    c = FakeProvider("c", clock, {"AAPL": "199.00"})
    d = FakeProvider("d", clock, {"AAPL": "190.02"})
    d.mode = HANG
    feed = FailoverMarketData([[a], [b, c, d]], clock, FailoverConfig(call_timeout_s=TIMEOUT))

    result = await feed.consensus_quote("AAPL")

    assert result.agreed and result.contributors == ("a", "b")
    assert [o.provider for o in result.outliers] == ["c"]
    assert result.mid == D("190.02")
    assert health_of(feed, "d").last_error == "timed out after 0.05s"


async def test_consensus_without_any_quote_raises(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    with pytest.raises(QuoteUnavailable) as unknown:
        await feed.consensus_quote("NOPE")
    primary.mode = secondary.mode = DOWN
    with pytest.raises(ProviderError, match="no quote for AAPL"):
        await feed.consensus_quote("AAPL")

    assert not isinstance(unknown.value, ProviderError)


# -- manual failover ------------------------------------------------------------------


async def test_manual_failover_forces_the_active_provider_open_until_restored(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider, clock: FakeClock
) -> None:
    switched_to = feed.failover()
    clock.advance(3600)  # a forced breaker does not half-open by itself
    during = await feed.quote("AAPL")

    back_to = feed.restore()
    after = await feed.quote("AAPL")

    assert switched_to == "secondary" and during.last == D("190.02")
    assert back_to == "primary" and after.last == D(190)
    assert primary.calls == ["quote"]


async def test_failover_to_a_named_provider_pins_it_first(
    feed: FailoverMarketData, secondary: FakeProvider
) -> None:
    assert feed.failover("secondary") == "secondary"

    quote = await feed.quote("AAPL")

    assert quote.last == D("190.02") and feed.pinned() == "secondary"
    assert feed.active() == "secondary"
    assert feed.restore() == "primary" and feed.pinned() is None


async def test_failover_to_a_forced_provider_releases_it(feed: FailoverMarketData) -> None:
    feed.failover()

    assert feed.failover("primary") == "primary"

    assert state_of(feed, "primary") is BreakerState.CLOSED
    assert feed.active() == "primary"


async def test_failover_away_from_a_pinned_provider_unpins_it(feed: FailoverMarketData) -> None:
    feed.failover("secondary")

    assert feed.failover() == "primary"

    assert feed.pinned() is None


def test_failover_to_an_unknown_provider_is_refused(feed: FailoverMarketData) -> None:
    with pytest.raises(UnknownProvider) as raised:
        feed.failover("bloomberg")

    assert raised.value.code == "UNKNOWN_PROVIDER"


async def test_failover_with_nowhere_to_go_is_refused(
    feed: FailoverMarketData, secondary: FakeProvider
) -> None:
    secondary.mode = DOWN
    feed.failover("secondary")
    for _ in range(3):
        await feed.quote("AAPL")  # the pinned secondary fails 3 times: its breaker opens
    feed.restore()

    with pytest.raises(NoProviderAvailable) as nowhere:
        feed.failover()
    with pytest.raises(NoProviderAvailable, match="breaker is open"):
        feed.failover("secondary")

    assert nowhere.value.code == "NO_PROVIDER_AVAILABLE"
    assert feed.active() == "primary"


# -- health ---------------------------------------------------------------------------


async def test_health_reports_latency_rates_errors_and_who_serves(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider, clock: FakeClock
) -> None:
    primary.usage = RateLimitUsage(200, 120, clock.now() + timedelta(minutes=1))
    for _ in range(9):
        await feed.quote("AAPL")
    primary.latency_s = 0.5
    await feed.quote("AAPL")
    primary.mode = DOWN
    await feed.quote("AAPL")

    first, second = feed.health()

    assert (first.name, first.tier, first.active, first.pinned) == ("primary", 0, True, False)
    assert first.state is BreakerState.CLOSED and not first.forced_open
    assert (first.calls, first.failures, first.window_calls) == (11, 1, 11 - 1)
    assert first.failure_rate == pytest.approx(0.1)
    assert first.p50_ms == pytest.approx(10.0) and first.p99_ms == pytest.approx(500.0)
    assert first.last_error == "503 from upstream"
    assert first.last_error_at == clock.now() - timedelta(seconds=0.03)  # before the secondary
    assert first.rate_limit == primary.usage and first.cooling_until is None
    assert (second.name, second.tier, second.active, second.calls) == ("secondary", 1, False, 1)
    assert second.p50_ms == pytest.approx(30.0) and second.last_error is None


def test_health_before_any_call_has_no_latency(feed: FailoverMarketData) -> None:
    first, _ = feed.health()

    assert (first.p50_ms, first.p99_ms, first.calls, first.transitions) == (None, None, 0, ())


def test_settings_are_those_configured(feed: FailoverMarketData) -> None:
    settings = feed.settings()

    assert settings.call_timeout_s == TIMEOUT and settings.breaker == BREAKER


@pytest.mark.parametrize(("tiers", "message"), [([], "at least one"), ([["a"], ["a"]], "unique")])
def test_a_feed_needs_providers_with_unique_names(
    clock: FakeClock, tiers: list[list[str]], message: str
) -> None:
    providers = [[FakeProvider(name, clock) for name in tier] for tier in tiers]

    with pytest.raises(ValueError, match=message):
        FailoverMarketData(providers, clock)


# -- streams --------------------------------------------------------------------------


async def read(stream: AsyncIterator[Quote], n: int) -> list[Quote]:
    out: list[Quote] = []
    async with asyncio.timeout(2):
        async for quote in stream:
            out.append(quote)
            if len(out) == n:
                break
    return out


async def test_a_failing_stream_resumes_on_the_next_provider(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.stream_script = [primary.make_quote("AAPL"), ProviderError("primary", "dropped")]
    secondary.stream_script = [secondary.make_quote("AAPL")] * 3

    quotes = await read(feed.stream_quotes(["AAPL"]), 3)

    assert [q.last for q in quotes] == [D(190), D("190.02"), D("190.02")]
    assert health_of(feed, "primary").last_error == "dropped"


async def test_a_stream_goes_back_to_the_primary_after_the_secondary_served_and_dropped(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.stream_script = [ProviderError("primary", "refused")]
    secondary.stream_script = [secondary.make_quote("AAPL"), ProviderError("secondary", "gone")]

    with pytest.raises(ProviderError, match="no provider can stream") as raised:
        await read(feed.stream_quotes(["AAPL"]), 5)

    assert primary.calls == ["stream", "stream"]  # tried again once the secondary had served
    assert "secondary" in raised.value.message


async def test_a_stream_nobody_offers_is_a_non_retryable_error(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    primary.mode = secondary.mode = NOT_OFFERED

    with pytest.raises(ProviderError) as raised:
        await read(feed.stream_quotes(["AAPL"]), 1)

    assert raised.value.retryable is False
    assert state_of(feed, "primary") is BreakerState.CLOSED


async def test_a_stream_that_ends_ends_the_feed_stream(
    feed: FailoverMarketData, primary: FakeProvider
) -> None:
    primary.stream_script = [primary.make_quote("AAPL")]

    quotes = [q async for q in feed.stream_quotes(["AAPL"])]

    assert len(quotes) == 1


async def test_a_cancelled_trial_gives_its_permit_back(
    feed: FailoverMarketData, primary: FakeProvider, clock: FakeClock
) -> None:
    await fail_the_primary_three_times(feed, primary)
    clock.advance(30)
    primary.mode = HANG
    task = asyncio.create_task(feed.quote("AAPL"))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    primary.mode = OK

    first, second = await feed.quote("AAPL"), await feed.quote("AAPL")

    assert (first.last, second.last) == (D(190), D(190))
    assert state_of(feed, "primary") is BreakerState.CLOSED


def test_quote_timestamps_are_utc(clock: FakeClock) -> None:
    assert FakeProvider("x", clock).make_quote("AAPL").at.tzinfo is UTC


async def test_fundamentals_no_provider_offers_fail_naming_each_without_counting_a_failure(
    feed: FailoverMarketData, primary: FakeProvider, secondary: FakeProvider
) -> None:
    # Arrange: neither provider offers key ratios (no `key_ratios`)
    assert not hasattr(primary, "key_ratios") and not hasattr(secondary, "key_ratios")

    # Act
    with pytest.raises(ProviderError) as raised:
        await feed.key_ratios("AAPL")

    # Assert
    assert "primary: fundamentals are not offered" in raised.value.message
    assert "secondary: fundamentals are not offered" in raised.value.message
