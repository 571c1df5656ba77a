"""MODEL signals at a bar close for a universe, taken by a strategy like any other signal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import numpy as np

from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.signal_models.onnx_scorer import OnnxSignalScorer
from application.model_signals.serving import ModelSignals, score_column
from application.model_signals.training import TrainRequest
from domain.market_data.bars import BarSeries, Timeframe
from domain.strategies.decide import Action, decide_on_signal
from domain.strategies.definition import (
    EntryRules,
    SignalSource,
    SourceKind,
)
from tests.unit.model_signals.kit import END, FIRST, bars, follower, stored, trainer

DAY = timedelta(days=1)


def _closed_at(series: BarSeries) -> datetime:
    return datetime.fromtimestamp(float(series.start[-1]) + 86_400, tz=UTC)


def _trimmed(s: BarSeries, rows: int) -> BarSeries:
    return BarSeries(s.start[:rows], s.open[:rows], s.high[:rows], s.low[:rows],
                     s.close[:rows], s.volume[:rows])  # fmt: skip


async def _served() -> tuple[InMemorySignalModelRegistry, OnnxSignalScorer, dict[str, BarSeries]]:
    series = bars(symbols=6)
    registry = InMemorySignalModelRegistry()
    await trainer(await stored(series), registry).run(
        TrainRequest("alpha", "linear", tuple(series), FIRST, END, folds=2)
    )
    return registry, OnnxSignalScorer(registry), series


async def test_each_symbol_closing_this_bar_gets_a_model_signal_as_the_backtest_scores_it() -> None:
    # Arrange
    registry, scorer, series = await _served()
    universe = dict(series)
    universe["SHORT"] = _trimmed(series["S0"], 30)  # too little history
    universe["STALE"] = _trimmed(series["S1"], len(series["S1"]) - 1)  # did not close this bar
    closed_at = _closed_at(series["S0"])

    # Act
    signals = await ModelSignals(registry, scorer).signals_at_close(
        "alpha", Timeframe.D1, closed_at, universe
    )

    # Assert
    assert sorted(s.symbol for s in signals) == sorted(series)
    card = registry.card("alpha")
    for signal in signals:
        column = score_column(card, lambda f: scorer.predict("alpha", f), series[signal.symbol])
        assert signal.kind is SourceKind.MODEL and signal.source_name == "alpha"
        assert np.isclose(signal.score, column[-1], atol=1e-5) and -1 < signal.score < 1
        assert signal.price == Decimal(repr(float(series[signal.symbol].close[-1])))
        assert signal.at == closed_at and signal.timeframe is Timeframe.D1
    scorer.close()


async def test_a_strategy_following_the_model_enters_on_its_signal() -> None:
    # Arrange
    registry, scorer, series = await _served()
    signals = await ModelSignals(registry, scorer).signals_at_close(
        "alpha", Timeframe.D1, _closed_at(series["S0"]), series
    )
    strongest = max(signals, key=lambda s: abs(s.score))
    strategy = follower(
        SignalSource(SourceKind.MODEL, name="alpha"),
        entry=EntryRules(min_score=0.01, allow_short=True),
    )

    # Act
    intent = decide_on_signal(strategy, strongest, None, Decimal(100_000))

    # Assert
    assert strategy.follows(SourceKind.MODEL, strongest.symbol, Timeframe.D1, None, "alpha")
    assert intent.action is Action.ENTER and intent.quantity > 0
    assert not strategy.follows(SourceKind.MODEL, strongest.symbol, Timeframe.D1, None, "beta")
    scorer.close()


async def test_concurrent_callers_are_batched_and_get_their_own_rows() -> None:
    # Arrange
    import asyncio

    _, scorer, _ = await _served()
    rng = np.random.default_rng(1)
    blocks = [rng.normal(0, 0.02, (n, 11)).astype(np.float32) for n in (1, 5, 17)]

    # Act
    together = await asyncio.gather(*(scorer.score("alpha", b) for b in blocks))

    # Assert
    for block, got in zip(blocks, together, strict=True):
        np.testing.assert_allclose(got, scorer.predict("alpha", block), rtol=1e-6)
    scorer.close()


async def test_the_feed_reads_the_store_and_delivers_each_signal_to_the_engine() -> None:
    # Arrange
    from application.model_signals.feed import ModelSignalFeed

    registry, scorer, series = await _served()
    store = await stored(series)
    delivered: list[object] = []

    async def deliver(signal: object) -> None:
        delivered.append(signal)

    feed = ModelSignalFeed(store, ModelSignals(registry, scorer), deliver)

    # Act
    found = await feed.at_close("alpha", Timeframe.D1, _closed_at(series["S0"]), list(series))

    # Assert
    assert len(found) == len(series) and delivered == found
    assert all(s.kind is SourceKind.MODEL for s in found)
    scorer.close()


async def test_a_backtest_replays_the_stored_model_a_strategy_follows() -> None:
    # Arrange
    from application.model_signals.serving import model_replays
    from tests.kit.backtests import strategy

    registry, scorer, series = await _served()
    replays = model_replays(registry, scorer.predict)
    follower, other = strategy(), strategy()
    follower.sources = (
        SignalSource(SourceKind.MODEL, name="not-stored"),
        SignalSource(SourceKind.MODEL, name="alpha"),
    )

    # Act
    replay = replays(follower)

    # Assert
    assert replays(other) is None  # it follows patterns only
    assert replay is not None and replay.name == "alpha"
    column = replay.column("S0", series["S0"])
    expected = score_column(
        registry.card("alpha"), lambda f: scorer.predict("alpha", f), series["S0"]
    )
    np.testing.assert_array_equal(column, expected)
    scorer.close()


async def test_each_signal_served_is_recorded_with_the_cards_version_and_its_features() -> None:
    # Arrange
    from adapters.memory.clock import SequentialIds
    from adapters.memory.reviews import InMemoryPredictionStore
    from application.model_records.queued import QueuedRecorder
    from domain.model_signals.features import FEATURE_NAMES

    registry, scorer, series = await _served()
    store = InMemoryPredictionStore()
    recorder = QueuedRecorder(store, SequentialIds())
    closed_at = _closed_at(series["S0"])

    # Act
    signals = await ModelSignals(registry, scorer, recorder).signals_at_close(
        "alpha", Timeframe.D1, closed_at, dict(series)
    )
    queued_before_flush = recorder.queued
    await recorder.flush()

    # Assert: queued while serving, written by the drain
    recorded = {p.subject: p for p in await store.between("alpha", closed_at, closed_at + DAY)}
    assert queued_before_flush == len(signals) == len(recorded)
    for signal in signals:
        p = recorded[signal.symbol]
        assert p.version == registry.card("alpha").version and p.made_at == closed_at
        assert abs(float(p.value) - signal.score) < 1e-12 and set(p.inputs) <= set(FEATURE_NAMES)
        assert len(p.inputs_hash) == 64
    scorer.close()
