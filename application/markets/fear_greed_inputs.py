"""The Fear & Greed inputs of a day, each with the earlier observations it is ranked against.

- vix, put_call: the MarketSeriesPort's series (files, or the index's option chain), merged
  with the raw values the recorder stored (the port's value wins on a day both have). The
  current value is the latest on or before today; older than `max_stale_days` it is missing.
- momentum: the index's daily closes from the market-data port, close / SMA125 - 1.
- breadth: each universe symbol's daily closes, the share above its SMA50.
- social: the SentimentSource's per-symbol sentiment of the index and the first symbols of the
  universe, weighted by each symbol's item weight.
Earlier observations of momentum, breadth and social are the raw values the recorder stored.

An input that cannot be had (a provider down, no data, stale, the models not built) is
missing with a reason code, never an error: the composite is taken over the others.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from domain.analytics.sentiment.fear_greed import INPUTS
from domain.analytics.sentiment.market_inputs import (
    BREADTH_WINDOW,
    MOMENTUM_WINDOW,
    breadth,
    momentum,
)
from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from ports.inference.sentiment import SentimentSource
from ports.market_data.marketdata import MarketDataProvider, QuoteUnavailable
from ports.markets.fear_greed import FearGreedHistoryStore, FearGreedRecord, MarketSeriesPort

TRADING_TO_CALENDAR = 7 / 5
MAX_UNIVERSE = 500
CONCURRENT_SYMBOLS = 8


@dataclass(frozen=True, slots=True)
class FearGreedConfig:
    """Where the inputs come from and how much history ranks them (docs/sentiment-indices.md)."""

    index: str = "SPY"
    window: int = 252  # observations the percentile ranks against
    min_history: int = 20  # fewer than this: the documented bounds instead
    max_stale_days: int = 7
    min_coverage: float = 0.5
    social_symbols: int = 20
    input_timeout_s: float = 20.0
    cache_seconds: float = 60.0

    def __post_init__(self) -> None:
        if not 1 <= self.min_history <= self.window <= 2520:
            raise ValueError("1 <= min_history <= window <= 2520")
        if not 0.0 < self.min_coverage <= 1.0:
            raise ValueError("min_coverage must be within (0, 1]")


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input's value today (None with `reason` when it is missing) and its history."""

    name: str
    value: float | None
    as_of: date | None
    source: str
    history: tuple[float, ...] = ()
    reason: str | None = None


def stored_values(records: Sequence[FearGreedRecord]) -> dict[str, dict[date, float]]:
    """Each input's raw value per stored day."""
    out: dict[str, dict[date, float]] = {name: {} for name in INPUTS}
    for record in records:
        for component in record.components:
            if component.name in out and math.isfinite(component.raw):
                out[component.name][record.day] = component.raw
    return out


@dataclass(eq=False)
class FearGreedInputs:
    """Gathers the five inputs of a day (module doc)."""

    series: MarketSeriesPort
    market: MarketDataProvider
    sentiment: SentimentSource | None
    history: FearGreedHistoryStore
    universe: Callable[[], Sequence[str]]
    config: FearGreedConfig = field(default_factory=FearGreedConfig)

    @property
    def series_port(self) -> MarketSeriesPort:
        return self.series

    async def gather(self, today: date) -> dict[str, RawInput]:
        stored = stored_values(
            await self.history.last(today - timedelta(days=1), self.config.window)
        )
        readers: dict[str, Callable[[], Awaitable[RawInput]]] = {
            "vix": lambda: self._from_series("vix", today, stored["vix"]),
            "put_call": lambda: self._from_series("put_call", today, stored["put_call"]),
            "momentum": lambda: self._momentum(today, stored["momentum"]),
            "breadth": lambda: self._breadth(today, stored["breadth"]),
            "social": lambda: self._social(today, stored["social"]),
        }
        found = await asyncio.gather(*(self._guarded(n, r) for n, r in readers.items()))
        return {item.name: item for item in found}

    async def _guarded(self, name: str, read: Callable[[], Awaitable[RawInput]]) -> RawInput:
        source = self._source_of(name)
        try:
            return await asyncio.wait_for(read(), self.config.input_timeout_s)
        except TimeoutError:
            return RawInput(name, None, None, source, reason="TIMEOUT")
        except DomainError as exc:
            return RawInput(name, None, None, source, reason=exc.code)
        except QuoteUnavailable:
            return RawInput(name, None, None, source, reason="QUOTE_UNAVAILABLE")

    def _source_of(self, name: str) -> str:
        if name in ("vix", "put_call"):
            return self.series.name
        if name == "social":
            return "sentiment"
        return f"market:{self.market.name}"

    def symbols(self) -> list[str]:
        """The breadth universe: its symbols, upper case, each once, at most MAX_UNIVERSE."""
        return list(dict.fromkeys(s.strip().upper() for s in self.universe()))[:MAX_UNIVERSE]

    async def _from_series(self, name: str, today: date, stored: Mapping[date, float]) -> RawInput:
        lookback = math.ceil(self.config.window * TRADING_TO_CALENDAR) + 30
        points = await self.series.series(name, today - timedelta(days=lookback), today)
        values = {day: v for day, v in stored.items() if day <= today}
        values.update({p.day: p.value for p in points if p.day <= today})
        source = self.series.name
        if not values:
            return RawInput(name, None, None, source, reason="NO_DATA")
        days = sorted(values)
        latest = days[-1]
        history = tuple(values[d] for d in days[:-1])[-self.config.window :]
        if (today - latest).days > self.config.max_stale_days:
            return RawInput(name, None, latest, source, history, reason="STALE")
        return RawInput(name, values[latest], latest, source, history)

    async def _closes(self, symbol: str, count: int) -> list[float]:
        bars = await self.market.bars(symbol, Timeframe.D1, limit=count)
        return [float(bar.close) for bar in bars]

    def _past(self, stored: Mapping[date, float], today: date) -> tuple[float, ...]:
        return tuple(stored[d] for d in sorted(stored) if d < today)[-self.config.window :]

    async def _momentum(self, today: date, stored: Mapping[date, float]) -> RawInput:
        source = self._source_of("momentum")
        closes = await self._closes(self.config.index, MOMENTUM_WINDOW)
        if len(closes) < MOMENTUM_WINDOW:
            return RawInput("momentum", None, None, source, reason="NOT_ENOUGH_BARS")
        value = momentum(closes, MOMENTUM_WINDOW)
        return RawInput("momentum", value, today, source, self._past(stored, today))

    async def _breadth(self, today: date, stored: Mapping[date, float]) -> RawInput:
        source = self._source_of("breadth")
        gate = asyncio.Semaphore(CONCURRENT_SYMBOLS)

        async def closes_of(symbol: str) -> tuple[str, list[float] | None]:
            async with gate:
                try:
                    return symbol, await self._closes(symbol, BREADTH_WINDOW)
                except QuoteUnavailable:
                    return symbol, None

        found = await asyncio.gather(*(closes_of(s) for s in self.symbols()))
        reading = breadth({s: c for s, c in found if c}, BREADTH_WINDOW)
        if reading.share is None:
            return RawInput("breadth", None, None, source, reason="NO_BREADTH")
        return RawInput("breadth", reading.share, today, source, self._past(stored, today))

    async def _social(self, today: date, stored: Mapping[date, float]) -> RawInput:
        if self.sentiment is None:
            return RawInput("social", None, None, "sentiment", reason="SENTIMENT_OFF")
        sentiment = self.sentiment
        wanted = [self.config.index, *self.symbols()]
        symbols = list(dict.fromkeys(wanted))[: self.config.social_symbols]
        weighted = total = 0.0
        for symbol in symbols:  # one after the other: the batcher runs each symbol's items
            reading = await sentiment.symbol_sentiment(symbol)
            if reading.score is not None and reading.weight > 0:
                weighted += reading.weight * reading.score
                total += reading.weight
        if total <= 0.0:
            return RawInput("social", None, None, "sentiment", reason="NO_SENTIMENT")
        return RawInput("social", weighted / total, today, "sentiment", self._past(stored, today))
