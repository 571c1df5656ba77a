"""A backtest's bars per symbol and the signals on them: which bar of which symbol carries a
reading of a source the strategy follows, found once for the whole run.

Sources replayed: patterns (their per-bar scores), a model (`ModelReplay`), sentiment (the
symbol's stored scored news items, `NewsScores`: the reading at a bar's close counts only
items published by that close). External signals have no recorded history. A sentiment
reading is a signal at each bar close where it differs from the previous close's (an item
entered or left the window), as the live runner delivers it when it changes.

A weighted strategy (Combine.WEIGHTED) decides on its fused score instead: at each bar where a
source has a new reading, sum_i w_i * s_i over each source's latest reading at most
`reading_max_age_hours` old (domain/strategies/fusion.py), as the live processor fuses them.
With a learned combiner the weights are fitted walk-forward on those held readings instead
(application/strategies/learned_signals.py), and its score decides at the same bars.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

import numpy as np
import numpy.typing as npt

from application.strategies.learned_signals import LearnedScores, learned_scores
from domain.backtests.model import InvalidBacktest
from domain.backtests.timeline import IntArray, Timeline, emitted_rows, tradable_rows
from domain.market_data.bars import BarSeries, FloatArray, Timeframe
from domain.market_data.signal_columns import ScoreColumns
from domain.market_data.signals import Pattern, SignalConfig
from domain.strategies.definition import SourceKind, Strategy
from domain.strategies.fusion import held, sentiment_column
from ports.strategies.combiner import CombinerFitter

FUSED: Final = "fused"
LEARNED: Final = "learned"
# What a reading is of: a pattern, the model (SourceKind.MODEL), sentiment, or the fused score
# (of stated weights, or learned ones).
Tag = Pattern | SourceKind | str
Event = tuple[str, Tag, int, float]  # symbol, tag, row, score
# The per-bar scores of a series: score_columns (causal, tested); a test passes its own.
ScoreSource = Callable[[BarSeries, SignalConfig], ScoreColumns]
# Within a bar and symbol: the patterns in their order, then the model, sentiment, fused.
_ORDER: dict[Tag, int] = {p: index for index, p in enumerate(Pattern)}
_ORDER.update({SourceKind.MODEL: 100, SourceKind.SENTIMENT: 101, FUSED: 102, LEARNED: 103})


@dataclass(frozen=True, slots=True)
class NewsScores:
    """A symbol's scored news items: publication times (epoch seconds) and scores
    p(positive) - p(negative) in [-1, 1], as the sentiment model classified them."""

    published: FloatArray
    scores: FloatArray


@dataclass(frozen=True, slots=True)
class Signals:
    """What signal_events finds: events by timeline step, each symbol's ATR column, a
    weighted strategy's held readings per symbol and source index (NaN: none fresh), and a
    learned one's walk-forward per symbol."""

    events: dict[int, list[Event]]
    atr: dict[str, FloatArray]
    held: dict[str, dict[int, FloatArray]]
    learned: dict[str, LearnedScores] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ModelReplay:
    """A signal model replayed point in time: `column` gives its score at every bar's close
    of a symbol (application/model_signals/serving.py's score_column: row i from rows 0..i)."""

    name: str
    column: Callable[[str, BarSeries], FloatArray]


def dec(value: float) -> Decimal:
    """A float column's value as the Decimal of its shortest repr (190.01 stays 190.01)."""
    return Decimal(repr(float(value)))


@dataclass(slots=True)
class SymbolBars:
    """One symbol's bars on the run's timeline, with its closes as Decimals once read."""

    name: str
    series: BarSeries
    steps: IntArray  # timeline step of each row
    row_at: IntArray  # the latest row at or before each timeline step (-1: none)
    closes: dict[int, Decimal] = field(default_factory=dict)

    @classmethod
    def on(cls, timeline: Timeline, name: str, series: BarSeries) -> SymbolBars:
        steps = timeline.steps_of(series)
        return cls(name, series, steps, timeline.rows_at(steps))

    def close(self, row: int) -> Decimal:
        price = self.closes.get(row)
        if price is None:
            price = self.closes[row] = dec(self.series.close[max(row, 0)])
        return price


def signal_events(
    strategy: Strategy,
    timeframe: Timeframe,
    symbols: Mapping[str, SymbolBars],
    config: SignalConfig,
    scores: ScoreSource,
    trade_from: float,
    model: ModelReplay | None = None,
    news: Mapping[str, NewsScores] | None = None,
    fitter: CombinerFitter | None = None,
) -> Signals:
    """Bars with an emitted reading of a followed source (or of the fused score), by step, in
    symbol and source order; each symbol's ATR column; a weighted strategy's held readings.
    A learned combiner needs `fitter`."""
    # A reading is a signal from the engine's threshold on; below both the entry and the
    # exit threshold decide_on_signal can only skip it, whatever is held: left out here.
    exit_threshold = strategy.exit.exit_score or strategy.entry.min_score
    floor = max(config.threshold, min(strategy.entry.min_score, exit_threshold))
    found = Signals({}, {}, {})
    for name, symbol in symbols.items():
        if len(symbol.series) < 2:
            continue
        readings = _readings(strategy, timeframe, name, symbol.series, config, model, news)
        if not readings:
            continue
        columns = scores(symbol.series, config)
        tradable = tradable_rows(symbol.series, trade_from)
        found.atr[name] = columns.atr
        if strategy.fused:
            fresh, held_columns = _held(strategy, symbol.series, columns, readings, config)
            found.held[name] = held_columns
            fused = (
                _learned(strategy, name, symbol.series, held_columns, fitter, found)
                if strategy.entry.learned
                else _stated(strategy, held_columns, len(symbol.series))
            )
            _fused_events(strategy, name, symbol, fresh, fused, tradable, floor, found)
            continue
        followed = [
            p for p in Pattern if strategy.follows(SourceKind.PATTERN, name, timeframe, p, None)
        ]
        alone: list[tuple[Tag, FloatArray]] = [(p, columns.scores[p]) for p in followed]
        seen: set[Tag] = set()
        for tag, _, column in readings:
            if column is None or (tag is SourceKind.MODEL and tag in seen):
                continue
            seen.add(tag)
            alone.append((tag, _changes(column) if tag is SourceKind.SENTIMENT else column))
        for tag, column in alone:
            for row in emitted_rows(column, floor, tradable):
                found.events.setdefault(int(symbol.steps[row]), []).append(
                    (name, tag, row, float(column[row]))
                )
    for listed in found.events.values():
        listed.sort(key=lambda e: (e[0], _ORDER[e[1]]))
    return found


# A source's reading columns before the pattern columns are known: (tag, source index, column
# or None for the pattern engine's, read once the score columns are computed).
_Reading = tuple[Tag, int, FloatArray | None]


def _readings(
    strategy: Strategy,
    timeframe: Timeframe,
    name: str,
    series: BarSeries,
    config: SignalConfig,
    model: ModelReplay | None,
    news: Mapping[str, NewsScores] | None,
) -> list[_Reading]:
    out: list[_Reading] = []
    closes: FloatArray | None = None
    for index, source in enumerate(strategy.sources):
        if source.symbols and name not in source.symbols:
            continue
        if source.timeframe is not None and source.timeframe is not timeframe:
            continue
        if source.kind is SourceKind.PATTERN:
            out.append((SourceKind.PATTERN, index, None))
        elif source.kind is SourceKind.MODEL and model is not None:
            if source.name is None or source.name == model.name:
                out.append((SourceKind.MODEL, index, model.column(name, series)))
        elif source.kind is SourceKind.SENTIMENT and news is not None and name in news:
            if closes is None:
                closes = series.start + float(timeframe.seconds)
            items = news[name]
            column = sentiment_column(
                items.published, items.scores, closes,
                source.sentiment_window_hours * 3600.0, source.sentiment_min_items,
            )  # fmt: skip
            out.append((SourceKind.SENTIMENT, index, column))
    return out


def _pattern_followed(strategy: Strategy, index: int, pattern: Pattern) -> bool:
    wanted = strategy.sources[index].pattern
    return wanted is None or wanted is pattern


def _changes(column: FloatArray) -> FloatArray:
    """The column where it differs from the row before (a new reading), NaN elsewhere."""
    previous = np.concatenate(([np.nan], column[:-1]))
    same = (column == previous) | (np.isnan(column) & np.isnan(previous))
    return np.where(same, np.nan, column)


def held_columns(
    strategy: Strategy,
    timeframe: Timeframe,
    name: str,
    series: BarSeries,
    config: SignalConfig,
    scores: ScoreSource,
    model: ModelReplay | None = None,
    news: Mapping[str, NewsScores] | None = None,
) -> dict[int, FloatArray]:
    """A weighted strategy's held reading of each source it reads on `name`, at every bar's
    close (source index -> column, NaN: no reading fresh enough), as a backtest holds them."""
    readings = _readings(strategy, timeframe, name, series, config, model, news)
    if not readings:
        return {}
    return _held(strategy, series, scores(series, config), readings, config)[1]


def _held(
    strategy: Strategy,
    series: BarSeries,
    columns: ScoreColumns,
    readings: list[_Reading],
    config: SignalConfig,
) -> tuple[dict[int, FloatArray], dict[int, FloatArray]]:
    """Each source's new readings (NaN: none at that bar) and its held ones (the latest at
    most `reading_max_age_hours` old), by source index."""
    n = len(series)
    fresh: dict[int, FloatArray] = {}  # source index -> its new readings (NaN: none)
    for tag, index, column in readings:
        if column is not None:
            fresh[index] = _changes(column) if tag is SourceKind.SENTIMENT else column
            continue
        merged = fresh.setdefault(index, np.full(n, np.nan))
        for pattern in Pattern:  # the engine's emitted readings, as the live bus has them
            if not _pattern_followed(strategy, index, pattern):
                continue
            values = columns.scores[pattern]
            with np.errstate(invalid="ignore"):
                emitted = (np.abs(values) >= config.threshold) & (values != 0)
            merged[emitted] = values[emitted]
    max_age = strategy.entry.reading_max_age_hours * 3600.0
    times = series.start
    return fresh, {index: held(column, times, max_age) for index, column in fresh.items()}


def _fused_events(
    strategy: Strategy,
    name: str,
    symbol: SymbolBars,
    fresh: dict[int, FloatArray],
    fused: FloatArray,
    tradable: npt.NDArray[np.bool_],
    floor: float,
    found: Signals,
) -> None:
    """The fused score (stated or learned) as an event at each bar where a source has a new
    reading and the score reaches `floor`."""
    new = np.zeros(len(symbol.series), dtype=bool)
    for column in fresh.values():
        new |= ~np.isnan(column)
    fused[~new] = np.nan
    tag = LEARNED if strategy.entry.learned else FUSED
    for row in emitted_rows(fused, floor, tradable):
        found.events.setdefault(int(symbol.steps[row]), []).append(
            (name, tag, row, float(fused[row]))
        )


def _stated(strategy: Strategy, held_columns: dict[int, FloatArray], n: int) -> FloatArray:
    """clip(sum_i w_i * s_i, -1, 1) over the held readings, a source without one adding 0."""
    total = np.zeros(n)
    for index, column in held_columns.items():
        total += strategy.sources[index].weight * np.nan_to_num(column, nan=0.0)
    return np.clip(total, -1.0, 1.0)


def _learned(
    strategy: Strategy,
    name: str,
    series: BarSeries,
    held_columns: dict[int, FloatArray],
    fitter: CombinerFitter | None,
    found: Signals,
) -> FloatArray:
    if fitter is None:
        raise InvalidBacktest("no combiner fitter is configured here", field="strategy_id")
    learned = learned_scores(strategy, series, held_columns, fitter)
    found.learned[name] = learned
    return learned.walk.scores.copy()
