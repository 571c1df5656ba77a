"""A backtest's bars per symbol and the signals on them: which bar of which symbol carries a
reading of a pattern the strategy follows, found once for the whole run."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from domain.backtests.timeline import IntArray, Timeline, emitted_rows, tradable_rows
from domain.market_data.bars import BarSeries, FloatArray, Timeframe
from domain.market_data.signal_columns import ScoreColumns
from domain.market_data.signals import Pattern, SignalConfig
from domain.strategies.definition import SourceKind, Strategy

Event = tuple[str, Pattern | None, int, float]  # symbol, pattern (None: the model), row, score
# The per-bar scores of a series: score_columns (causal, tested); a test passes its own.
ScoreSource = Callable[[BarSeries, SignalConfig], ScoreColumns]
_PATTERN_ORDER: dict[Pattern | None, int] = {p: index for index, p in enumerate(Pattern)}
_PATTERN_ORDER[None] = len(_PATTERN_ORDER)  # a model's reading sorts after the patterns'


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
) -> tuple[dict[int, list[Event]], dict[str, FloatArray]]:
    """Bars with an emitted reading of a followed pattern or of the replayed model, by step,
    in symbol and pattern order (the model last); and each symbol's ATR column."""
    # A reading is a signal from the engine's threshold on; below both the entry and the
    # exit threshold decide_on_signal can only skip it, whatever is held: left out here.
    exit_threshold = strategy.exit.exit_score or strategy.entry.min_score
    floor = max(config.threshold, min(strategy.entry.min_score, exit_threshold))
    events: dict[int, list[Event]] = {}
    atr: dict[str, FloatArray] = {}
    for name, symbol in symbols.items():
        followed = [
            p for p in Pattern if strategy.follows(SourceKind.PATTERN, name, timeframe, p, None)
        ]
        modelled = model is not None and strategy.follows(
            SourceKind.MODEL, name, timeframe, None, model.name
        )
        if not (followed or modelled) or len(symbol.series) < 2:
            continue
        columns = scores(symbol.series, config)
        tradable = tradable_rows(symbol.series, trade_from)
        atr[name] = columns.atr
        readings: list[tuple[Pattern | None, FloatArray]] = [
            (p, columns.scores[p]) for p in followed
        ]
        if modelled and model is not None:
            readings.append((None, model.column(name, symbol.series)))
        for pattern, column in readings:
            for row in emitted_rows(column, floor, tradable):
                events.setdefault(int(symbol.steps[row]), []).append(
                    (name, pattern, row, float(column[row]))
                )
    for found in events.values():
        found.sort(key=lambda e: (e[0], _PATTERN_ORDER[e[1]]))
    return events, atr
