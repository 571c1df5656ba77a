"""A learned combiner's weights as of now, for the live processor: fitted on the symbol's stored
daily bars with the code the backtests use, cached, and refitted as new bars close.

The fit (the walk-forward's fit at the last closed bar L, application/strategies/
learned_signals.py and domain/strategies/combiner.py): the last `training_bars` + 1 closed
daily bars of the symbol are read from the bar store (adjusted), with WARM_UP_BARS more before
them for the sources' indicators; each source's reading at every close is computed as a
backtest computes it (backtest_signals.held_columns: pattern scores from the bars up to that
close, the model replayed point in time, sentiment from the items published by then); the
combiner is walked forward over the last `training_bars` + 1 rows, whose one fit, at row L,
trains on bars L - training_bars .. L - 1 (their outcomes are known at L's close). A backtest
that refits at L's close finds the same weights.

Cached per (strategy id, version, symbol): a later signal reuses the fit until `refit_bars`
new daily bars have closed in the store after L (then it is refitted), and a new version of
the strategy is fitted afresh. A window whose outcomes all go one way fits nothing: the
previous fit stays in force, as in the walk-forward. A symbol with no more than
`training_bars` closed bars stored has no weights (`NoWeights`, with the reason); a bar is
closed once its day has ended (start + 1 day <= now).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from application.core.concurrency import KeyedLocks
from application.strategies.backtest_news import news_of
from application.strategies.backtest_signals import (
    ModelReplay,
    NewsScores,
    ScoreSource,
    held_columns,
)
from application.strategies.learned_signals import learned_scores
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signal_columns import score_columns
from domain.market_data.signals import SignalConfig
from domain.strategies.combiner import CombinerTooFewBars, Refit, explain
from domain.strategies.definition import Strategy
from domain.strategies.fusion import source_label
from ports.market_data.bar_store import BarStore
from ports.strategies.combiner import CombinerFitter
from ports.strategies.sentiment import ScoredNews

WARM_UP_BARS = 60  # bars read before the training window, as a backtest reads before `from`
MAX_FITS = 10_000  # (strategy version, symbol) fits kept; the least recently used go first
DAY_S = 86_400.0
_COLUMNS = ("start", "open", "high", "low", "close", "volume")

Key = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class LiveWeights:
    """The weights in force for one strategy version and symbol: the fit (None: no window has
    had both outcomes yet), the day it was fitted at the close of, and the last closed bar the
    fit was tried at (new bars are counted from it)."""

    refit: Refit | None
    labels: tuple[str, ...]
    fitted_day: date | None
    tried_at: float  # the start (epoch seconds) of the last closed bar at the latest fit

    def score(self, readings: Mapping[int, float]) -> tuple[float, str]:
        """The learned score 2p - 1 of `readings` (source index -> score; 0 where a source has
        none) and the sentence naming the weights and the day they were fitted."""
        assert self.refit is not None and self.fitted_day is not None
        x = np.zeros(len(self.labels))
        for index, value in readings.items():
            if math.isfinite(value):
                x[index] = value
        z = float(self.refit.weights.logit(x.reshape(1, -1))[0])
        return math.tanh(z / 2.0), explain(self.refit, self.labels, x, self.fitted_day.isoformat())


@dataclass(frozen=True, slots=True)
class NoWeights:
    """Why a learned strategy has no weights for a symbol now: it does not decide there."""

    reason: str


@dataclass(eq=False)
class LiveCombiner:
    """Fits and caches learned strategies' weights for live decisions (module docstring)."""

    bar_store: Callable[[], BarStore] | None
    fitter: CombinerFitter | None
    models: Callable[[Strategy], ModelReplay | None] = lambda _: None
    news: Callable[[], ScoredNews] | None = None
    scores: ScoreSource = score_columns
    config: SignalConfig = field(default_factory=SignalConfig)
    warm_up: int = WARM_UP_BARS
    fits: int = field(init=False, default=0)  # fits run (each one in a worker thread)
    _cache: dict[Key, LiveWeights] = field(init=False, default_factory=dict)
    _locks: KeyedLocks = field(init=False, default_factory=KeyedLocks)

    async def weights(
        self, strategy: Strategy, symbol: str, now: datetime
    ) -> LiveWeights | NoWeights:
        """The weights in force for `strategy` on `symbol` at `now`, fitted when none are
        cached or `refit_bars` daily bars have closed since the last fit."""
        key = (strategy.id, strategy.version, symbol)
        async with self._locks.hold(f"{strategy.id}/{strategy.version}/{symbol}"):
            cached = self._cache.get(key)
            if cached is not None:
                closed = await self._closed_since(symbol, cached.tried_at, now)
                if closed < strategy.entry.refit_bars:
                    self._touch(key, cached)
                    return self._in_force(cached, symbol)
            found = await self._fit(strategy, symbol, now, cached)
            if isinstance(found, LiveWeights):
                self._touch(key, found)
                return self._in_force(found, symbol)
            return found

    async def stored_bars(self, symbol: str, now: datetime) -> int:
        """How many closed daily bars of `symbol` the store holds (its coverage: no bar read)."""
        if self.bar_store is None:
            return 0
        coverage = await self.bar_store().coverage(symbol, Timeframe.D1)
        if coverage is None:
            return 0
        open_last = coverage.last.timestamp() + DAY_S > now.timestamp()
        return coverage.count - (1 if open_last else 0)

    # -- helpers -------------------------------------------------------------------------
    def _in_force(self, found: LiveWeights, symbol: str) -> LiveWeights | NoWeights:
        if found.refit is None:
            return NoWeights(
                f"no learned weights for {symbol} yet: every outcome of its training window "
                "went one way"
            )
        return found

    def _touch(self, key: Key, found: LiveWeights) -> None:
        self._cache.pop(key, None)
        self._cache[key] = found  # the most recently used last
        while len(self._cache) > MAX_FITS:
            del self._cache[next(iter(self._cache))]

    async def _fit(
        self, strategy: Strategy, symbol: str, now: datetime, previous: LiveWeights | None
    ) -> LiveWeights | NoWeights:
        fitter = self.fitter
        if self.bar_store is None or fitter is None:
            return NoWeights("no bar store or combiner fitter is configured here")
        training = strategy.entry.training_bars
        series = await self._read(symbol, training + 1 + self.warm_up, now)
        if len(series) <= training:
            return NoWeights(_too_few(symbol, len(series), training).message)
        news: dict[str, NewsScores] | None = None
        if self.news is not None:
            news = await news_of(self.news, strategy, Timeframe.D1, {symbol: series})
        fitted = await asyncio.to_thread(self._compute, strategy, symbol, series, news, fitter)
        self.fits += 1
        last = float(series.start[-1])
        if fitted is None:  # the window's outcomes all went one way: the previous stays
            if previous is not None:
                return LiveWeights(previous.refit, previous.labels, previous.fitted_day, last)
            labels = tuple(source_label(s) for s in strategy.sources)
            return LiveWeights(None, labels, None, last)
        labels = tuple(source_label(s) for s in strategy.sources)
        return LiveWeights(fitted, labels, _day(last), last)

    def _compute(
        self,
        strategy: Strategy,
        symbol: str,
        series: BarSeries,
        news: dict[str, NewsScores] | None,
        fitter: CombinerFitter,
    ) -> Refit | None:
        """In a worker thread: the readings over the bars, then the walk's fit at the last."""
        held = held_columns(
            strategy, Timeframe.D1, symbol, series, self.config, self.scores,
            self.models(strategy), news,
        )  # fmt: skip
        rows = strategy.entry.training_bars + 1
        window = _tail(series, rows)
        tails = {index: column[-rows:] for index, column in held.items()}
        return learned_scores(strategy, window, tails, fitter).walk.refit_at(rows - 1)

    async def _closed_since(self, symbol: str, after: float, now: datetime) -> int:
        """Closed daily bars stored with a start after `after` (epoch seconds)."""
        if self.bar_store is None:
            return 0
        low = datetime.fromtimestamp(after + 1.0, tz=UTC)
        found = await self.bar_store().series([symbol], Timeframe.D1, low, now, adjusted=True)
        series = found.get(symbol)
        if series is None:
            return 0
        return int(np.count_nonzero(series.start + DAY_S <= now.timestamp()))

    async def _read(self, symbol: str, wanted: int, now: datetime) -> BarSeries:
        """The last `wanted` closed daily bars of `symbol` (fewer when fewer are stored)."""
        if self.bar_store is None:
            return _empty()
        store = self.bar_store()
        coverage = await store.coverage(symbol, Timeframe.D1)
        if coverage is None:
            return _empty()
        # From the last stored bar back: weekdays, holidays aside.
        last = min(now, coverage.last + timedelta(days=1))
        since = last - timedelta(days=wanted * 7 // 5 + 14)
        found = await store.series([symbol], Timeframe.D1, since, now, adjusted=True)
        series = found.get(symbol)
        if series is None:
            return _empty()
        closed = int(np.searchsorted(series.start, now.timestamp() - DAY_S, side="right"))
        return _rows(series, max(0, closed - wanted), closed)


def _too_few(symbol: str, bars: int, training: int) -> CombinerTooFewBars:
    return CombinerTooFewBars(
        f"no learned weights for {symbol}: {bars} closed daily bars are stored, and a learned "
        f"combiner trains on {training} (training_bars) and decides from the next one",
        field="mode",
    )


async def check_live_history(
    combiner: LiveCombiner, strategy: Strategy, symbols: Sequence[str], now: datetime
) -> None:
    """Refuse (CombinerTooFewBars naming `mode`) running a learned strategy when not one of
    `symbols` has more than `training_bars` closed daily bars stored."""
    training = strategy.entry.training_bars
    counts = {s: await combiner.stored_bars(s, now) for s in symbols}
    if not counts or any(count > training for count in counts.values()):
        return
    listed = ", ".join(f"{s} {n}" for s, n in sorted(counts.items()))
    raise CombinerTooFewBars(
        f"no symbol this learned strategy trades has more than {training} (training_bars) "
        f"closed daily bars stored ({listed}): backfill them, or lower training_bars",
        field="mode",
    )


def _empty() -> BarSeries:
    empty = np.zeros(0)
    return BarSeries(empty, empty, empty, empty, empty, empty)


def _rows(series: BarSeries, begin: int, end: int) -> BarSeries:
    return BarSeries(*(getattr(series, name)[begin:end].copy() for name in _COLUMNS))


def _tail(series: BarSeries, rows: int) -> BarSeries:
    return _rows(series, max(0, len(series) - rows), len(series))


def _day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch, tz=UTC).date()
