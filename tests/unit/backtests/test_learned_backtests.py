"""Learned combiners in backtests: the walk-forward weights decide, every entry's reason names
them, the informative source earns the weight, and bars after a decision never change it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from adapters.ml.signal_combiner import LogisticCombinerFitter
from application.strategies.backtest_signals import (
    LEARNED,
    ModelReplay,
    Signals,
    SymbolBars,
    signal_events,
)
from domain.backtests.model import BacktestResult, InvalidBacktest
from domain.backtests.timeline import Timeline
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signal_columns import ScoreColumns, score_columns
from domain.market_data.signals import Pattern, SignalConfig
from domain.strategies.combiner import Refit, evaluate
from domain.strategies.definition import Combine, Combiner, EntryRules, SignalSource, SourceKind
from domain.strategies.definition import Strategy as StrategyDef
from tests.kit.backtests import cut, run, series_of, strategy

FITTER = LogisticCombinerFitter()
BARS = 400
CUT = 291  # a refit falls at CUT - 1 = 290
PATTERN = SignalSource(SourceKind.PATTERN, pattern=Pattern.EMA_CROSSOVER, weight=0.5)
MODEL = SignalSource(SourceKind.MODEL, name="m", weight=0.5)


def _learned(*, training_bars: int = 120, refit_bars: int = 20) -> StrategyDef:
    entry = EntryRules(
        min_score=0.3, allow_short=True, combine=Combine.WEIGHTED, combiner=Combiner.LEARNED,
        training_bars=training_bars, refit_bars=refit_bars,
    )  # fmt: skip
    return replace(strategy(), sources=(PATTERN, MODEL), entry=entry)


def _noise(series: BarSeries, config: SignalConfig) -> ScoreColumns:
    """The pattern source as noise: +1 or -1 at random at every bar (seeded)."""
    n = len(series)
    scores = {p: np.full(n, np.nan) for p in Pattern}
    scores[Pattern.EMA_CROSSOVER] = np.random.default_rng(11).choice([-1.0, 1.0], n)
    return ScoreColumns(scores, np.full(n, np.nan))


def _knowing(series: BarSeries) -> np.ndarray:
    """The model source as informative: +-0.8 with the sign of the next close-to-close move
    three times in four (a synthetic world's model; the combiner only sees its readings)."""
    n = len(series)
    rng = np.random.default_rng(13)
    move = np.zeros(n)
    move[:-1] = np.sign(series.close[1:] - series.close[:-1])
    return np.where(rng.random(n) < 0.75, move, -move) * 0.8


def _found(series: dict[str, BarSeries], strat: StrategyDef, model: ModelReplay) -> Signals:
    timeline = Timeline(series)
    symbols = {name: SymbolBars.on(timeline, name, s) for name, s in series.items()}
    return signal_events(
        strat, Timeframe.D1, symbols, SignalConfig(), score_columns, 0.0, model, None, FITTER
    )


@pytest.fixture(scope="module")
def one() -> dict[str, BarSeries]:
    return series_of(symbols=1, bars=BARS, seed=5)


async def test_the_informative_source_earns_the_weight_and_each_entry_names_it(
    one: dict[str, BarSeries],
) -> None:
    # Arrange
    series = one["T0"]
    knowing = _knowing(series)
    model = ModelReplay("m", lambda _, s: knowing[: len(s)])
    timeline = Timeline(one)
    symbols = {"T0": SymbolBars.on(timeline, "T0", series)}

    # Act
    found = signal_events(
        _learned(), Timeframe.D1, symbols, SignalConfig(), _noise, 0.0, model, None, FITTER
    )
    result: BacktestResult = await run(
        one, strat=_learned(), scores=_noise, model=model, fitter=FITTER
    )

    # Assert: the model's weight dominates every fit; out of sample it beats the noise
    walk = found.learned["T0"].walk
    weights = np.array([refit.weights.weights for refit in walk.refits])
    assert len(walk.refits) == 14  # rows 120, 140, ..., 380
    assert (weights[:, 1] > 3 * np.abs(weights[:, 0])).all()
    quality = evaluate(walk, found.learned["T0"].features, series.close, (0.5, 0.5))
    noise, informative = quality.sources
    assert informative.hit_rate is not None and noise.hit_rate is not None
    assert informative.hit_rate > 0.65 > noise.hit_rate
    assert quality.learned.hit_rate is not None and quality.learned.hit_rate > 0.65
    events = [e for listed in found.events.values() for e in listed]
    assert events and {e[1] for e in events} == {LEARNED}
    assert min(e[2] for e in events) >= 120  # nothing decides before the first fit
    assert result.trades
    for trade in result.trades:
        assert "; learned " in trade.entry_reason
        assert "x pattern:ema_crossover(" in trade.entry_reason
        assert "x model:m(" in trade.entry_reason
        fitted = re.search(r"weights fitted at the close of (\S+) on 120 bars$", trade.entry_reason)
        assert fitted and date.fromisoformat(fitted[1]) < trade.entry_at.date()


async def test_changing_later_bars_changes_no_earlier_decision(
    one: dict[str, BarSeries],
) -> None:
    # Arrange: honest sources (the real pattern engine, a model reading independent of the
    # bars); in the second world every move from bar CUT on goes the other way. Refits fall
    # at 100, 110, ..., so the one at CUT - 1 is the last before the cut.
    fixed = np.random.default_rng(17).uniform(-1.0, 1.0, BARS)
    model = ModelReplay("m", lambda _, s: fixed[: len(s)])
    base = one["T0"]
    close = base.close.copy()
    for t in range(CUT, BARS):
        close[t] = close[t - 1] * base.close[t - 1] / base.close[t]
    factor = close / base.close
    other = {
        "T0": BarSeries(
            base.start, base.open * factor, base.high * factor, base.low * factor, close,
            base.volume,
        )
    }  # fmt: skip
    strat = _learned(training_bars=100, refit_bars=10)
    cut_at = float(base.start[CUT])

    # Act
    honest = _found(one, strat, model)
    changed = _found(other, strat, model)
    honest_run = await run(one, strat=strat, model=model, fitter=FITTER)
    changed_run = await run(other, strat=strat, model=model, fitter=FITTER)

    # Assert: the same fits, scores, events and reasons at every bar before CUT; later differ
    def refits_until(found: Signals) -> list[Refit]:
        return [r for r in found.learned["T0"].walk.refits if r.row < CUT]

    def events(found: Signals, before: bool) -> list[tuple[object, ...]]:
        learned = found.learned["T0"]
        return [
            (*event, learned.basis(event[2], str))
            for step in sorted(found.events)
            for event in found.events[step]
            if (event[2] < CUT) == before
        ]

    assert refits_until(honest) == refits_until(changed)
    np.testing.assert_array_equal(
        honest.learned["T0"].walk.scores[:CUT], changed.learned["T0"].walk.scores[:CUT]
    )
    assert events(honest, True) and events(honest, True) == events(changed, True)
    assert events(honest, False) != events(changed, False)
    closed_before = [t for t in honest_run.trades if t.exit_at.timestamp() <= cut_at]
    assert closed_before
    assert closed_before == [t for t in changed_run.trades if t.exit_at.timestamp() <= cut_at]


async def test_a_learned_backtest_without_a_fitter_is_refused(
    one: dict[str, BarSeries],
) -> None:
    # Act / Assert
    with pytest.raises(InvalidBacktest):
        await run(cut(one, 200), strat=_learned())
