"""The learned combiner's report: what weights a strategy's sources earn on one symbol's stored
daily bars, and whether they beat each source alone and the stated weights out of sample.

The bars of [from, to] are read from the bar store; each source's reading at every close is
computed as a backtest computes it (application/strategies/backtest_signals.py: pattern
scores from the bars up to that close, the model replayed point in time, sentiment from the
items published by then), and the combiner is walked forward over them with the strategy's
`training_bars` and `refit_bars` (domain/strategies/combiner.py). The first `training_bars`
bars only train; every later bar with a known next return is out of sample, and the learned
score, the stated-weights fusion and each source alone are measured on those same bars.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from application.core.access import owned_by
from application.strategies.backtest_news import news_of
from application.strategies.backtest_signals import (
    ModelReplay,
    NewsScores,
    ScoreSource,
    held_columns,
)
from application.strategies.backtest_store_bars import StoreBars
from application.strategies.learned_signals import learned_scores
from domain.backtests.model import check_bar_window
from domain.errors import DomainError, NotFound
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signal_columns import score_columns
from domain.market_data.signals import SignalConfig
from domain.principals import Principal
from domain.strategies.combiner import Quality, Weights, check_history, evaluate
from domain.strategies.definition import Strategy
from domain.strategies.fusion import source_label
from ports.market_data.bar_store import BarStore
from ports.strategies.combiner import CombinerFitter
from ports.strategies.sentiment import ScoredNews
from ports.strategies.strategies import StrategyRepository

MAX_REPORT_BARS = 20_000  # daily bars of one report (about 80 years)
METHOD = "logistic_l2"


class InvalidCombinerQuery(DomainError):
    """A combiner report cannot be computed as asked (the field at fault is named)."""

    code = "INVALID_COMBINER_QUERY"


@dataclass(frozen=True, slots=True)
class CombinerQuery:
    """Report `strategy_id`'s combiner on `symbol`'s stored daily bars from `start` to `end`."""

    strategy_id: str
    symbol: str
    start: date
    end: date
    adjusted: bool = False

    def __post_init__(self) -> None:
        check_bar_window(self.start, self.end, InvalidCombinerQuery, "`to` is before `from`")


@dataclass(frozen=True, slots=True)
class RefitReport:
    """One fit of the walk: at the close of `day`, on `samples` bars before it."""

    day: date
    samples: int
    weights: Weights


@dataclass(frozen=True, slots=True)
class CombinerReport:
    """The weights learned (the last fit and every fit before), and the out-of-sample hit
    rate and IC of the learned score, the stated fusion and each source alone."""

    strategy_id: str
    symbol: str
    start: date
    end: date
    bars: int
    training_bars: int
    refit_bars: int
    labels: tuple[str, ...]  # the sources, in order
    stated_weights: tuple[float, ...]
    refits: tuple[RefitReport, ...]
    out_of_sample: tuple[date, date] | None  # first and last day; None without any
    learned: Quality
    stated: Quality
    sources: tuple[Quality, ...]
    method: str = METHOD


class CombinerReports:
    """Computes the combiner report of the caller's strategy (another user's is not found)."""

    def __init__(
        self,
        strategies: StrategyRepository,
        fitter: CombinerFitter,
        bar_store: Callable[[], BarStore] | None = None,
        models: Callable[[Strategy], ModelReplay | None] | None = None,
        news: Callable[[], ScoredNews] | None = None,
        scores: ScoreSource = score_columns,
        config: SignalConfig | None = None,
    ) -> None:
        self._strategies = strategies
        self._fitter = fitter
        self._bar_store = bar_store
        self._models = models or (lambda _: None)
        self._news = news
        self._scores = scores
        self._config = config or SignalConfig()

    async def report(self, principal: Principal, query: CombinerQuery) -> CombinerReport:
        stored = await self._strategies.get(query.strategy_id)
        strategy = owned_by(principal, stored, NotFound(f"strategy {query.strategy_id} not found"))
        if self._bar_store is None:
            raise InvalidCombinerQuery("no bar store is configured here", field="symbol")
        found = await StoreBars(self._bar_store()).load(
            [query.symbol], Timeframe.D1, query.start, query.end,
            adjusted=query.adjusted, warm_up=0, max_bars=MAX_REPORT_BARS,
        )  # fmt: skip
        series = found[query.symbol]
        entry = strategy.entry
        check_history(
            query.symbol, len(series), entry.training_bars, entry.refit_bars, field="from"
        )
        news = None
        if self._news is not None:
            news = await news_of(self._news, strategy, Timeframe.D1, found)
        return await asyncio.to_thread(self._compute, strategy, query, series, news)

    def _compute(
        self,
        strategy: Strategy,
        query: CombinerQuery,
        series: BarSeries,
        news: dict[str, NewsScores] | None,
    ) -> CombinerReport:
        held = held_columns(
            strategy, Timeframe.D1, query.symbol, series, self._config, self._scores,
            self._models(strategy), news,
        )  # fmt: skip
        learned = learned_scores(strategy, series, held, self._fitter)
        weights = tuple(s.weight for s in strategy.sources)
        found = evaluate(learned.walk, learned.features, series.close, weights)
        days = [_day(float(series.start[row])) for row in found.rows]
        return CombinerReport(
            strategy.id, query.symbol, query.start, query.end, len(series),
            strategy.entry.training_bars, strategy.entry.refit_bars,
            tuple(source_label(s) for s in strategy.sources), weights,
            tuple(
                RefitReport(_day(float(series.start[r.row])), r.samples, r.weights)
                for r in learned.walk.refits
            ),
            (days[0], days[-1]) if days else None,
            found.learned, found.stated, found.sources,
        )  # fmt: skip


def _day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch, tz=UTC).date()
