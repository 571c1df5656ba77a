"""A replay market-data provider: recorded bars and quotes served as of the clock's now.

The files and their columns are described in adapters/market_data/replay_files.py. The clock
is the replay position:
- `quote` is the symbol's last quote at or before now (the file's last one once the clock is
  past it); a symbol with bars and no quotes gets a last-trade quote from its latest bar that
  has ended. Before a symbol's first row it is unavailable.
- `bars` serves the bars that have ended by now (no look-ahead), in the [start, end) window:
  the first `limit` from `start` when it is given, else the latest `limit`. A timeframe the
  files lack is aggregated from the largest smaller timeframe they hold for that symbol (every
  timeframe divides the larger ones), e.g. 1h bars from 1m bars; buckets with gaps are still
  aggregated from the bars present.
- `order_book` is one level a side made from the current quote (a side without a price or a
  size is left out); the files hold no depth.
- `option_chain` is not offered (ProviderError, retryable=False).
- `stream_quotes` replays the asked symbols' quotes from the start of the data, in time order,
  and ends with the data. With a `speed`, it waits on the clock between quotes (speed 60: one
  recorded minute per second); without, it goes as fast as the consumer reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from adapters.market_data.bar_rollup import rolled_up
from adapters.market_data.replay_files import ReplayDataError, load_replay
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable, RateLimitUsage

__all__ = ["ReplayDataError", "ReplayMarketData", "aggregate_bars"]

_ORDER = tuple(Timeframe)


def aggregate_bars(bars: Sequence[Bar], timeframe: Timeframe) -> list[Bar]:
    """Roll bars of one symbol (oldest first, of a timeframe dividing `timeframe`) up into
    `timeframe` bars: first open, highest high, lowest low, last close, summed volume and
    trades, volume-weighted vwap (kept when every part that traded has one; none if none traded)."""
    buckets: dict[datetime, list[Bar]] = {}
    for bar in bars:
        if timeframe.seconds % bar.timeframe.seconds:
            raise ValueError(f"{bar.timeframe.value} bars do not divide {timeframe.value}")
        buckets.setdefault(timeframe.floor(bar.start), []).append(bar)
    return [_merge(parts, start, timeframe) for start, parts in buckets.items()]


def _merge(parts: list[Bar], start: datetime, timeframe: Timeframe) -> Bar:
    volume = sum((part.volume for part in parts), Decimal(0))
    traded = [(part.vwap, part.volume) for part in parts if part.volume > 0]
    vwap: Decimal | None = None
    if traded and all(price is not None for price, _ in traded):
        weighted = sum((price * size for price, size in traded if price is not None), Decimal(0))
        low, high = min(p.low for p in parts), max(p.high for p in parts)
        vwap = min(max(weighted / volume, low), high)
    return rolled_up(parts, start, timeframe, vwap)


def _end(bar: Bar) -> datetime:
    return bar.start + bar.timeframe.delta


def _level(price: Decimal, size: Decimal) -> tuple[BookLevel, ...]:
    return (BookLevel(price, size),) if price > 0 and size > 0 else ()


class _Series:
    """One symbol's bars of one timeframe, oldest first, with their end times for bisecting."""

    def __init__(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.ends = [_end(bar) for bar in bars]
        self.starts = [bar.start for bar in bars]


class ReplayMarketData:
    """MarketDataProvider "replay": recorded bars and quotes, served up to the clock's now."""

    name = "replay"

    def __init__(
        self,
        clock: Clock,
        *,
        bars: Iterable[Bar] = (),
        quotes: Iterable[Quote] = (),
        speed: float | None = None,
    ) -> None:
        if speed is not None and speed <= 0:
            raise ValueError("speed must be positive (or None: as fast as possible)")
        self._clock = clock
        self._speed = speed
        grouped: dict[tuple[str, Timeframe], list[Bar]] = defaultdict(list)
        for bar in bars:
            grouped[(bar.symbol, bar.timeframe)].append(bar)
        self._series: dict[tuple[str, Timeframe], _Series] = {}
        for key, group in grouped.items():
            group.sort(key=lambda bar: bar.start)
            for earlier, later in pairwise(group):
                if earlier.start == later.start:
                    raise ReplayDataError(f"{key[0]} {key[1].value}: two bars at {later.start}")
            self._series[key] = _Series(group)
        by_symbol: dict[str, list[Quote]] = defaultdict(list)
        for quote in quotes:
            by_symbol[quote.symbol].append(quote)
        self._quotes = {s: sorted(q, key=lambda quote: quote.at) for s, q in by_symbol.items()}
        self._quote_times = {s: [q.at for q in qs] for s, qs in self._quotes.items()}
        self._symbols = {symbol for symbol, _ in self._series} | set(self._quotes)

    @classmethod
    def from_path(
        cls, path: str | Path, clock: Clock, *, speed: float | None = None
    ) -> ReplayMarketData:
        """Load a file or a directory of files (raises ReplayDataError on bad data)."""
        data = load_replay(path)
        if not data.bars and not data.quotes:
            raise ReplayDataError(f"{path}: no rows")
        return cls(clock, bars=data.bars, quotes=data.quotes, speed=speed)

    @property
    def symbols(self) -> list[str]:
        return sorted(self._symbols)

    # -- MarketDataPort ---------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        return self._quote_now(symbol)

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        prices: dict[str, Decimal] = {}
        for symbol in symbols:
            try:
                mid = self._quote_now(symbol).mid
            except QuoteUnavailable:
                continue
            if mid > 0:
                prices[symbol] = mid
        return prices

    def _quote_now(self, symbol: str) -> Quote:
        now = self._clock.now()
        quotes = self._quotes.get(symbol)
        if quotes:
            index = bisect_right(self._quote_times[symbol], now) - 1
            if index >= 0:
                return quotes[index]
        elif symbol in self._symbols:
            bar = self._latest_ended_bar(symbol, now)
            if bar is not None:
                return Quote(symbol, Decimal(0), Decimal(0), bar.close, _end(bar))
        raise QuoteUnavailable(symbol)

    def _latest_ended_bar(self, symbol: str, now: datetime) -> Bar | None:
        latest: Bar | None = None
        for timeframe in _ORDER:
            series = self._series.get((symbol, timeframe))
            if series is None:
                continue
            index = bisect_right(series.ends, now) - 1
            if index >= 0:
                bar = series.bars[index]
                if latest is None or _end(bar) > _end(latest):
                    latest = bar
        return latest

    # -- MarketDataProvider -----------------------------------------------------
    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        if symbol not in self._symbols:
            raise QuoteUnavailable(symbol)
        series = self._series_of(symbol, timeframe)
        if series is None or limit <= 0:
            return []
        upper = bisect_right(series.ends, self._clock.now())
        if end is not None:
            upper = min(upper, bisect_left(series.starts, end))
        lower = 0 if start is None else bisect_left(series.starts, start)
        if start is not None:
            upper = min(upper, lower + limit)
        else:
            lower = max(lower, upper - limit)
        return series.bars[lower:upper] if lower < upper else []

    def _series_of(self, symbol: str, timeframe: Timeframe) -> _Series | None:
        series = self._series.get((symbol, timeframe))
        if series is not None:
            return series
        finer = [
            tf for tf in _ORDER if tf.seconds < timeframe.seconds and (symbol, tf) in self._series
        ]
        if not finer:
            return None
        # The data never changes, so an aggregate is made once and kept.
        series = _Series(aggregate_bars(self._series[(symbol, finer[-1])].bars, timeframe))
        self._series[(symbol, timeframe)] = series
        return series

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        quote = self._quote_now(symbol)
        bids = _level(quote.bid, quote.bid_size)
        asks = _level(quote.ask, quote.ask_size)
        if not bids and not asks:
            raise ProviderError(
                self.name, f"{symbol}: no sized quote to make a book", retryable=False
            )
        levels = 1 if depth > 0 else 0
        return OrderBook(symbol=symbol, bids=bids[:levels], asks=asks[:levels], at=quote.at)

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise ProviderError(self.name, "replay data holds no option chains", retryable=False)

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        wanted = dict.fromkeys(symbols)
        merged = sorted(
            (quote for symbol in wanted for quote in self._quotes.get(symbol, ())),
            key=lambda quote: quote.at,
        )
        previous: datetime | None = None
        for quote in merged:
            if self._speed is not None and previous is not None:
                gap = (quote.at - previous).total_seconds() / self._speed
                if gap > 0:
                    await self._clock.sleep(gap)
            previous = quote.at
            yield quote

    def rate_limit(self) -> RateLimitUsage | None:
        return None
