"""In the running service: each bar close of a followed model's timeframe runs the feed once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.memory.clock import FakeClock
from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.memory.strategies import InMemoryStrategyRepository
from adapters.signal_models.onnx_scorer import OnnxSignalScorer
from application.model_signals.feed import ModelSignalFeed
from application.model_signals.live import ModelSignalRunner
from application.model_signals.serving import ModelSignals
from application.model_signals.training import TrainRequest
from domain.strategies.decide import StrategySignal
from domain.strategies.definition import (
    SignalSource,
    SourceKind,
    StrategyMode,
)
from tests.unit.model_signals.kit import END, FIRST, bars, follower, stored, trainer


async def test_a_bar_close_delivers_the_followed_models_signals_once() -> None:
    # Arrange
    series = bars(symbols=4)
    store = await stored(series)
    registry = InMemorySignalModelRegistry()
    await trainer(store, registry).run(
        TrainRequest("alpha", "linear", tuple(series), FIRST, END, folds=2)
    )
    strategies = InMemoryStrategyRepository()
    only = frozenset({"S0", "S2"})
    await strategies.add(
        follower(
            SignalSource(SourceKind.MODEL, symbols=only, name="alpha"),
            id="st-paper",
            mode=StrategyMode.PAPER,
        )
    )
    await strategies.add(
        follower(SignalSource(SourceKind.MODEL, name="beta"), id="st-off", mode=StrategyMode.OFF)
    )
    closed_at = datetime.fromtimestamp(float(series["S0"].start[-1]) + 86_400, tz=UTC)
    clock = FakeClock(closed_at - timedelta(hours=12))
    delivered: list[StrategySignal] = []

    async def deliver(signal: StrategySignal) -> None:
        delivered.append(signal)

    scorer = OnnxSignalScorer(registry)
    feed = ModelSignalFeed(store, ModelSignals(registry, scorer), deliver)
    runner = ModelSignalRunner(strategies, registry, feed, clock)

    # Act
    first = await runner.tick()  # notes the current bar
    clock.advance(timedelta(hours=13))  # the bar closed
    second = await runner.tick()
    third = await runner.tick()  # the same bar: nothing again

    # Assert
    assert first == 0 and second == 2 and third == 0
    assert sorted(s.symbol for s in delivered) == ["S0", "S2"]
    assert all(s.kind is SourceKind.MODEL and s.at == closed_at for s in delivered)
    scorer.close()
