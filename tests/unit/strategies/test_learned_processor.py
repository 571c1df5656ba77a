"""Learned strategies run live: the processor scores the sources' latest readings with the weights
fitted on the symbol's stored daily bars, reuses the fit until `refit_bars` new bars close,
skips a symbol whose history is too short (saying why), and fits what a backtest fits."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from adapters.ml.signal_combiner import LogisticCombinerFitter
from application.strategies.backtest_signals import ModelReplay, SymbolBars, signal_events
from application.strategies.live_combiner import LiveCombiner, LiveWeights, check_live_history
from application.strategies.service import StrategyPatch
from domain.backtests.timeline import Timeline
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signal_columns import ScoreColumns
from domain.market_data.signals import Pattern, SignalConfig
from domain.strategies.combiner import CombinerTooFewBars
from domain.strategies.decide import Action, StrategySignal
from domain.strategies.definition import (
    Combine,
    Combiner,
    EntryRules,
    SignalSource,
    SourceKind,
    Strategy,
    StrategyMode,
)
from ports.strategies.strategies import Verdict
from tests.kit.strategies import a_strategy
from tests.unit.strategies.world import OWNER, World, build_world

FITTER = LogisticCombinerFitter()
TRAINING = 120
REFIT = 5
STORED = 401  # rows 0..400: a walk from row 120 every 5 bars refits at row 400
LATER = 10  # weekdays of the world after the stored ones
LAST_STORED = date(2026, 2, 27)  # a Friday
NOW = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)  # the Monday after: the Friday bar is closed
PATTERN = SignalSource(
    SourceKind.PATTERN, frozenset({"AAPL"}), pattern=Pattern.EMA_CROSSOVER, weight=0.5
)
MODEL = SignalSource(SourceKind.MODEL, frozenset({"AAPL"}), name="m", weight=0.5)
LEARNED = EntryRules(
    min_score=0.3, allow_short=True, combine=Combine.WEIGHTED, combiner=Combiner.LEARNED,
    training_bars=TRAINING, refit_bars=REFIT,
)  # fmt: skip


def _learned_on_paper() -> Strategy:
    """The learned strategy over the pattern and the model, trading the paper account."""
    return a_strategy(
        owner_id=OWNER.id, name="learned", account_ids=("acc-paper",), sources=(PATTERN, MODEL),
        entry=LEARNED, mode=StrategyMode.PAPER,
    )  # fmt: skip


def _weekdays() -> list[date]:
    """STORED weekdays ending LAST_STORED, then LATER more."""
    days: list[date] = []
    day = LAST_STORED
    while len(days) < STORED:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    days.reverse()
    day = LAST_STORED
    while len(days) < STORED + LATER:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


DAYS = _weekdays()
STARTS = np.array([datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp() for d in DAYS])
_rng = np.random.default_rng(21)
CLOSES = np.round(100.0 * np.cumprod(1.0 + _rng.normal(0.0, 0.01, len(DAYS))), 2)
_move = np.sign(np.append(CLOSES[1:] - CLOSES[:-1], 1.0))
# The model tells the next move three times in four; the pattern is noise. Both are read by
# each bar's start, so a column is the same whichever bar a read begins at.
KNOWING = dict(
    zip(STARTS, np.where(_rng.random(len(DAYS)) < 0.75, _move, -_move) * 0.8, strict=True)
)
NOISE = dict(zip(STARTS, _rng.choice([-1.0, 1.0], len(DAYS)), strict=True))


def _noise(series: BarSeries, config: SignalConfig) -> ScoreColumns:
    scores = {p: np.full(len(series), np.nan) for p in Pattern}
    scores[Pattern.EMA_CROSSOVER] = np.array([NOISE[s] for s in series.start])
    return ScoreColumns(scores, np.full(len(series), np.nan))


REPLAY = ModelReplay("m", lambda _, s: np.array([KNOWING[t] for t in s.start]))


def _bars(first: int, end: int) -> BarSeries:
    close = CLOSES[first:end]
    return BarSeries(
        STARTS[first:end].copy(), close, close * 1.01, close * 0.99, close, np.full(len(close), 1e6)
    )


async def _store(rows: int = STORED) -> InMemoryBarStore:
    """The last `rows` of the STORED bars (to LAST_STORED) in a store."""
    store = InMemoryBarStore()
    await store.write_series("AAPL", Timeframe.D1, _bars(STORED - rows, STORED))
    return store


def _combiner(store: InMemoryBarStore) -> LiveCombiner:
    return LiveCombiner(lambda: store, FITTER, models=lambda _: REPLAY, scores=_noise)


async def _world(store: InMemoryBarStore) -> tuple[World, LiveCombiner, FakeClock]:
    w = await build_world()
    combiner = _combiner(store)
    w.processor.combiner = combiner
    clock = w.e.clock
    assert isinstance(clock, FakeClock)
    clock.set(NOW)
    return w, combiner, clock


def _model(score: float, at: datetime, tag: str) -> StrategySignal:
    return StrategySignal(
        f"m-{tag}", SourceKind.MODEL, "AAPL", score, Decimal(100), at, Timeframe.D1,
        source_name="m",
    )  # fmt: skip


def _pattern(score: float, at: datetime, tag: str) -> StrategySignal:
    return StrategySignal(
        f"p-{tag}", SourceKind.PATTERN, "AAPL", score, Decimal(100), at, Timeframe.D1,
        pattern=Pattern.EMA_CROSSOVER,
    )  # fmt: skip


WEIGHTS = re.compile(
    r"learned (?P<score>[+-]\d\.\d{4}) = 2p - 1, logit p = (?P<b>[+-]\d+\.\d{4}) "
    r"(?P<wp>[+-]\d+\.\d{4}) x pattern:ema_crossover\([+-]\d\.\d{4}\) "
    r"(?P<wm>[+-]\d+\.\d{4}) x model:m\(\+0\.8000\); "
    r"weights fitted at the close of (?P<day>\S+) on (?P<samples>\d+) bars$"
)


async def test_a_paper_learned_strategy_decides_with_the_learned_weights() -> None:
    # Arrange: the pattern says sell at full strength, the model buy at 0.8: stated weights
    # 0.5 / 0.5 would fuse -0.1 (no entry); the learned weights follow the model
    w, combiner, _ = await _world(await _store())
    await w.create(StrategyMode.PAPER, sources=(PATTERN, MODEL), entry=LEARNED)
    await w.processor.on_signal(_pattern(-1.0, NOW, "1"))

    # Act
    [decision] = await w.processor.on_signal(_model(0.8, NOW, "1"))

    # Assert
    assert (decision.action, decision.verdict, decision.signal_kind) == (
        Action.ENTER, Verdict.APPROVED, "fused",
    )  # fmt: skip
    found = WEIGHTS.search(decision.reason)
    assert found is not None, decision.reason
    assert found["day"] == "2026-02-27" and int(found["samples"]) <= TRAINING
    assert float(found["wm"]) > 3 * abs(float(found["wp"]))
    assert decision.score == pytest.approx(float(found["score"]), abs=5e-5)
    assert decision.score >= LEARNED.min_score
    [order] = await w.strategy_orders()
    assert order.side.value == "buy"
    assert combiner.fits == 1


async def test_the_fit_is_reused_until_refit_bars_new_bars_close_then_refitted() -> None:
    # Arrange
    store = await _store()
    w, combiner, clock = await _world(store)
    strategy = await w.create(StrategyMode.SHADOW, sources=(PATTERN, MODEL), entry=LEARNED)
    await w.processor.on_signal(_pattern(-1.0, NOW, "0"))
    days: list[str] = []
    fits: list[int] = []

    # Act: each next weekday's bar is stored and closes; a reading arrives the day after
    for k in range(REFIT):
        await store.write_series("AAPL", Timeframe.D1, _bars(STORED + k, STORED + k + 1))
        clock.set(datetime.combine(DAYS[STORED + k] + timedelta(days=1), NOW.timetz()))
        [decision] = await w.processor.on_signal(_model(0.8, clock.now(), f"{k}"))
        found = WEIGHTS.search(decision.reason)
        assert found is not None, decision.reason
        days.append(found["day"])
        fits.append(combiner.fits)
    changed = await w.service.update(
        OWNER, strategy.id, StrategyPatch(strategy.version, entry=replace(LEARNED, min_score=0.4))
    )
    [after] = await w.processor.on_signal(_model(0.8, clock.now(), "new-version"))

    # Assert: the Monday's fit (on bars to Friday 2026-02-27) holds for 4 new bars; the 5th
    # (Friday 2026-03-06) refits; a new version is fitted afresh
    assert fits == [1, 1, 1, 1, 2]  # the first reading fitted; the 5th new bar refits
    assert days == ["2026-02-27"] * 4 + ["2026-03-06"]
    assert changed.version == strategy.version + 1
    assert combiner.fits == 3 and "fitted at the close of 2026-03-06" in after.reason


async def test_a_short_history_does_not_decide_and_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Arrange: the training window needs 121 closed bars; 120 are stored
    w, combiner, _ = await _world(await _store(rows=TRAINING))
    await w.create(StrategyMode.PAPER, sources=(PATTERN, MODEL), entry=LEARNED)

    # Act
    with caplog.at_level(logging.INFO, logger="bulwark.strategies"):
        [decision] = await w.processor.on_signal(_model(0.8, NOW, "1"))

    # Assert
    assert (decision.action, decision.verdict) == (Action.SKIP, Verdict.SKIPPED)
    assert decision.reason == (
        "no learned weights for AAPL: 120 closed daily bars are stored, and a learned combiner "
        "trains on 120 (training_bars) and decides from the next one"
    )
    assert "does not decide on AAPL" in caplog.text
    assert await w.strategy_orders() == []
    assert combiner.fits == 0


@pytest.mark.parametrize("last", [300, STORED - 1])
async def test_the_live_weights_are_the_backtests_walk_forward_weights_that_day(
    last: int,
) -> None:
    # Arrange: the walk over every stored bar refits at rows 120, 125, ..., among them `last`;
    # live, `last` is the latest closed bar the day after it
    store = await _store()
    strategy = _learned_on_paper()
    now = datetime.combine(DAYS[last] + timedelta(days=1), NOW.timetz())
    everything = await store.series(
        ["AAPL"], Timeframe.D1, datetime(2000, 1, 1, tzinfo=UTC), NOW, adjusted=True
    )
    symbols = {"AAPL": SymbolBars.on(Timeline(everything), "AAPL", everything["AAPL"])}

    # Act
    backtest = signal_events(
        strategy, Timeframe.D1, symbols, SignalConfig(), _noise, 0.0, REPLAY, None, FITTER
    ).learned["AAPL"]
    live = await _combiner(store).weights(strategy, "AAPL", now)

    # Assert: the same fit, to the last bit
    refit = backtest.walk.refit_at(last)
    assert refit is not None and refit.row == last
    assert isinstance(live, LiveWeights) and live.refit is not None
    assert live.refit.weights == refit.weights and live.refit.samples == refit.samples
    assert live.fitted_day == DAYS[last]


async def test_switching_on_needs_one_symbol_with_enough_stored_bars() -> None:
    # Arrange
    strategy = _learned_on_paper()
    short = _combiner(await _store(rows=TRAINING))
    enough = _combiner(await _store(rows=TRAINING + 1))

    # Act
    with pytest.raises(CombinerTooFewBars) as refused:
        await check_live_history(short, strategy, ["AAPL", "MSFT"], NOW)
    await check_live_history(enough, strategy, ["AAPL", "MSFT"], NOW)

    # Assert
    assert refused.value.field == "mode"
    assert "(AAPL 120, MSFT 0)" in refused.value.message
