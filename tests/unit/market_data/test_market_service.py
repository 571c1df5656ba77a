"""MarketService: depth analysis and bars with indicators, caching, and provider errors mapped."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest

from adapters.memory.clock import FakeClock
from application.market_data.market import (
    InvalidMarketRequest,
    MarketDataUnavailable,
    MarketService,
    SymbolNotFound,
)
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.depth import BookSide, ZScoreMethod
from domain.market_data.indicators import InvalidIndicator, UnknownIndicator, ema, sma
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    QuoteUnavailable,
)
from tests.kit.market_data import BarAsk, OffersNothing

D = Decimal
NOW = datetime(2026, 1, 5, 14, 30, 20, tzinfo=UTC)


def make_bars(symbol: str, count: int, end: datetime, timeframe: Timeframe) -> list[Bar]:
    """`count` bars ending with the one holding `end`; closes 100, 101, ... with 1-wide wicks."""
    last = timeframe.floor(end)
    return [
        Bar(
            symbol,
            timeframe,
            last - timeframe.delta * (count - 1 - i),
            D(100 + i),
            D(101 + i),
            D(99 + i),
            D(100 + i),
            D(1000),
        )
        for i in range(count)
    ]


@dataclass
class FakeProvider(OffersNothing):
    """A MarketDataProvider over fixed bars and books; `failure` makes every call raise it."""

    clock: FakeClock
    history: int = 1000
    books: dict[str, OrderBook] = field(default_factory=dict)
    failure: Exception | None = None
    calls: list[tuple[str, str, int]] = field(default_factory=list)
    gate: asyncio.Event | None = None
    name: str = "fake"

    async def _enter(self, kind: str, symbol: str, size: int) -> None:
        self.calls.append((kind, symbol, size))
        if self.gate is not None:
            await self.gate.wait()
        if self.failure is not None:
            raise self.failure
        if symbol not in ("AAPL", "BTC/USD"):
            raise QuoteUnavailable(symbol)

    async def serve(self, ask: BarAsk) -> list[Bar]:
        await self._enter("bars", ask.symbol, ask.limit)
        return make_bars(ask.symbol, min(ask.limit, self.history), self.clock.now(), ask.timeframe)

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        await self._enter("book", symbol, depth)
        return self.books[symbol]


def ladder(best: str, step: str, sizes: Sequence[int]) -> tuple[BookLevel, ...]:
    return tuple(BookLevel(D(best) + D(step) * i, D(size)) for i, size in enumerate(sizes))


BOOK = OrderBook(
    "AAPL",
    ladder("99.99", "-0.01", [200, 150, 180, 160, 170, 190, 9000, 175]),
    ladder("100.01", "0.01", [100, 120, 140, 130, 110, 150, 160, 145]),
    NOW,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def provider(clock: FakeClock) -> FakeProvider:
    return FakeProvider(clock, books={"AAPL": BOOK})


@pytest.fixture
def service(provider: FakeProvider, clock: FakeClock) -> MarketService:
    return MarketService(provider, clock, ttl_s=5.0)


# -- depth -------------------------------------------------------------------------------------


async def test_depth_analyses_the_book_and_flags_the_whale(service: MarketService) -> None:
    analysis = await service.depth("aapl", levels=8)

    assert analysis.symbol == "AAPL"
    assert analysis.mid == D("100.00")
    assert analysis.spread is not None and analysis.spread.absolute == D("0.02")
    assert analysis.imbalance_levels == 5
    assert analysis.imbalance == D(860 - 600) / D(860 + 600)
    assert analysis.bids[-1].cumulative_size == D(10_225)
    [whale] = analysis.whales
    assert (whale.side, whale.price, whale.size) == (BookSide.BID, D("99.93"), D(9000))


async def test_depth_keeps_only_the_levels_asked_for(
    service: MarketService, provider: FakeProvider
) -> None:
    analysis = await service.depth("AAPL", levels=3, whale_size=D(150))

    assert len(analysis.bids) == len(analysis.asks) == 3
    assert analysis.imbalance_levels == 3
    assert [(w.side, w.price) for w in analysis.whales] == [
        (BookSide.BID, D("99.99")),
        (BookSide.BID, D("99.98")),
        (BookSide.BID, D("99.97")),
    ]
    assert provider.calls == [("book", "AAPL", 3)]


async def test_depth_whale_parameters_apply_to_one_cached_book(
    service: MarketService, provider: FakeProvider
) -> None:
    first = await service.depth("AAPL", levels=8)
    strict = await service.depth(
        "AAPL", levels=8, whale_z=1e6, whale_method=ZScoreMethod.STANDARD, imbalance_levels=1
    )

    assert len(first.whales) == 1 and strict.whales == ()
    assert strict.rule.method is ZScoreMethod.STANDARD
    assert strict.imbalance == D(200 - 100) / D(300)
    assert provider.calls == [("book", "AAPL", 8)]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"levels": 0}, "levels"),
        ({"levels": 101}, "levels"),
        ({"levels": 4, "imbalance_levels": 5}, "imbalance_levels"),
        ({"imbalance_levels": 0}, "imbalance_levels"),
        ({"whale_z": 0.0}, "whale_z"),
        ({"whale_z": float("inf")}, "whale_z"),
        ({"whale_size": D(0)}, "whale_size"),
        ({"whale_size": D("NaN")}, "whale_size"),
    ],
)
async def test_depth_parameters_out_of_range_name_the_field(
    service: MarketService, provider: FakeProvider, kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidMarketRequest) as raised:
        await service.depth("AAPL", **kwargs)  # type: ignore[arg-type]

    assert raised.value.field == field
    assert raised.value.code == "INVALID_MARKET_REQUEST"
    assert provider.calls == []


@pytest.mark.parametrize("symbol", ["", "   ", "AAPL;DROP", "A" * 33])
async def test_malformed_symbols_are_refused(service: MarketService, symbol: str) -> None:
    with pytest.raises(InvalidMarketRequest) as raised:
        await service.depth(symbol)

    assert raised.value.field == "symbol"


# -- bars with indicators -----------------------------------------------------------------------


async def test_bars_come_with_indicators_valid_from_the_first_bar(
    service: MarketService, provider: FakeProvider, clock: FakeClock
) -> None:
    result = await service.bars("AAPL", Timeframe.M1, 50, "sma:20,macd:3:6:4")

    # The longest lookback (sma:20 needs 19 earlier bars) is fetched on top of the 50.
    assert provider.calls == [("bars", "AAPL", 69)]
    assert len(result.bars) == 50 and result.bars[-1].start == Timeframe.M1.floor(NOW)
    [sma20, lines] = result.indicators
    assert sma20.spec.key == "sma:20"
    fetched = BarSeries.from_bars(make_bars("AAPL", 69, NOW, Timeframe.M1))
    np.testing.assert_allclose(sma20.columns["value"], sma(fetched.close, 20)[-50:])
    assert not np.isnan(sma20.columns["value"]).any()
    assert set(lines.columns) == {"macd", "signal", "histogram"}
    np.testing.assert_allclose(
        lines.columns["macd"], (ema(fetched.close, 3) - ema(fetched.close, 6))[-50:]
    )
    assert not np.isnan(lines.columns["signal"]).any()
    assert result.computed_at == clock.now()


async def test_short_history_keeps_the_warm_up_nans(
    service: MarketService, provider: FakeProvider
) -> None:
    provider.history = 30

    result = await service.bars("AAPL", Timeframe.M5, 25, "sma:10")

    assert len(result.bars) == 25
    values = result.indicators[0].columns["value"]
    assert np.isnan(values[:4]).all() and not np.isnan(values[4:]).any()


async def test_cached_columns_cannot_be_changed_by_a_caller(service: MarketService) -> None:
    result = await service.bars("AAPL", Timeframe.M1, 10, "ema:3")

    with pytest.raises(ValueError, match="read-only"):
        result.indicators[0].columns["value"][0] = 1.0


async def test_bars_are_cached_until_the_ttl(
    service: MarketService, provider: FakeProvider, clock: FakeClock
) -> None:
    first = await service.bars("AAPL", Timeframe.H1, 20, "rsi")
    clock.advance(4.9)
    again = await service.bars("AAPL", Timeframe.H1, 20, "rsi:14")
    clock.advance(0.2)
    later = await service.bars("AAPL", Timeframe.H1, 20, "rsi")

    assert again is first and later is not first
    assert len(provider.calls) == 2


async def test_a_new_bar_ends_the_cached_answer_before_the_ttl(
    provider: FakeProvider, clock: FakeClock
) -> None:
    service = MarketService(provider, clock, ttl_s=60.0)
    first = await service.bars("AAPL", Timeframe.M1, 20)
    clock.advance(39.0)  # 14:30:59: the same minute bar
    same = await service.bars("AAPL", Timeframe.M1, 20)
    clock.advance(1.0)  # 14:31:00: a new bar opens, 20 s before the TTL would end
    fresh = await service.bars("AAPL", Timeframe.M1, 20)

    assert same is first and fresh is not first
    assert fresh.bars[-1].start == datetime(2026, 1, 5, 14, 31, tzinfo=UTC)


async def test_different_requests_are_cached_apart(
    service: MarketService, provider: FakeProvider
) -> None:
    await service.bars("AAPL", Timeframe.M1, 20, "sma:5")
    await service.bars("AAPL", Timeframe.M1, 20, "sma:6")
    await service.bars("AAPL", Timeframe.M5, 20, "sma:5")
    await service.bars("AAPL", Timeframe.M1, 21, "sma:5")
    await service.bars("BTC/USD", Timeframe.M1, 20, "sma:5")
    await service.bars("aapl", Timeframe.M1, 20, "SMA:5")

    assert len(provider.calls) == 5


async def test_concurrent_misses_share_one_provider_call(
    service: MarketService, provider: FakeProvider
) -> None:
    provider.gate = asyncio.Event()
    waiting = [asyncio.create_task(service.bars("AAPL", Timeframe.M1, 20)) for _ in range(5)]
    await asyncio.sleep(0)

    provider.gate.set()
    results = await asyncio.gather(*waiting)

    assert len(provider.calls) == 1
    assert all(r is results[0] for r in results)


async def test_the_cache_keeps_only_the_most_recent_entries(
    provider: FakeProvider, clock: FakeClock
) -> None:
    service = MarketService(provider, clock, ttl_s=60.0, max_entries=2)
    for limit in (10, 11, 12):
        await service.bars("AAPL", Timeframe.M1, limit)

    await service.bars("AAPL", Timeframe.M1, 12)  # kept
    await service.bars("AAPL", Timeframe.M1, 10)  # evicted: fetched again

    assert [size for _, _, size in provider.calls] == [10, 11, 12, 10]


@pytest.mark.parametrize("limit", [0, 5001])
async def test_bar_limit_out_of_range_names_the_field(service: MarketService, limit: int) -> None:
    with pytest.raises(InvalidMarketRequest) as raised:
        await service.bars("AAPL", Timeframe.M1, limit)

    assert raised.value.field == "limit"


async def test_unknown_and_invalid_indicators_are_refused_before_any_call(
    service: MarketService, provider: FakeProvider
) -> None:
    with pytest.raises(UnknownIndicator):
        await service.bars("AAPL", Timeframe.M1, 20, "sma,ichimoku")
    with pytest.raises(InvalidIndicator):
        await service.bars("AAPL", Timeframe.M1, 20, "rsi:0")

    assert provider.calls == []


# -- provider errors ---------------------------------------------------------------------------


async def test_unknown_symbol_is_symbol_not_found(service: MarketService) -> None:
    with pytest.raises(SymbolNotFound) as raised:
        await service.bars("MSFT", Timeframe.M1, 20)

    assert raised.value.code == "SYMBOL_NOT_FOUND"
    with pytest.raises(SymbolNotFound):
        await service.depth("MSFT")


async def test_rate_limited_provider_is_unavailable_with_its_retry_hint(
    service: MarketService, provider: FakeProvider
) -> None:
    provider.failure = ProviderRateLimited("fake", retry_after_s=12.5)

    with pytest.raises(MarketDataUnavailable) as raised:
        await service.bars("AAPL", Timeframe.M1, 20)

    assert raised.value.code == "MARKET_DATA_UNAVAILABLE"
    assert raised.value.retry_after == 12.5 and raised.value.retryable


@pytest.mark.parametrize("retryable", [True, False])
async def test_failing_provider_is_unavailable_and_nothing_is_cached(
    service: MarketService, provider: FakeProvider, retryable: bool
) -> None:
    provider.failure = ProviderError("fake", "timed out", retryable=retryable)

    with pytest.raises(MarketDataUnavailable, match="from provider fake") as raised:
        await service.depth("AAPL")
    provider.failure = None
    analysis = await service.depth("AAPL")

    assert raised.value.retryable is retryable and raised.value.retry_after == 1.0
    assert analysis.symbol == "AAPL" and len(provider.calls) == 2


def test_service_refuses_a_non_positive_ttl_or_whale_default(
    provider: FakeProvider, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="ttl_s"):
        MarketService(provider, clock, ttl_s=0)
    with pytest.raises(ValueError, match="whale z"):
        MarketService(provider, clock, whale_z=-1.0)


async def test_timeframe_floor_is_what_the_bars_end_on(
    service: MarketService, clock: FakeClock
) -> None:
    clock.advance(timedelta(hours=5))

    result = await service.bars("AAPL", Timeframe.H4, 3)

    assert [b.start.hour for b in result.bars] == [8, 12, 16]
