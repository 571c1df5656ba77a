"""The in-process feed: signals published on the bus are decided off the publisher's path."""

from __future__ import annotations

import asyncio
import contextlib
from decimal import Decimal

from adapters.memory.bus import InProcessEventBus
from bootstrap.settings import load_settings
from bootstrap.strategies import strategy_runtime
from domain.market_data.signals import SignalEmitted
from domain.strategies.definition import StrategyMode
from ports.strategies.strategies import Verdict
from tests.unit.strategies.world import T0, build_world


async def test_a_signal_on_the_bus_becomes_a_recorded_decision() -> None:
    # Arrange
    w = await build_world()
    strategy = await w.create(StrategyMode.SHADOW)
    bus = InProcessEventBus()
    settings = load_settings({"BULWARK_STRATEGY_BRACKET_SECONDS": "0"}, env_file=None)
    event = SignalEmitted(
        signal_id="sig-bus",
        symbol="AAPL",
        timeframe="5m",
        pattern="ema_crossover",
        score=0.7,
        direction="bullish",
        at=T0,
        created_at=T0,
        details={"atr": 1.2},  # no close: priced at AAPL's mark (100)
    )
    runtime = contextlib.asynccontextmanager(strategy_runtime)
    async with runtime(settings, bus, lambda: w.processor, w.e.market) as running:
        assert running is w.processor

        # Act: the publisher returns before the decision is taken
        await bus.publish([event])
        for _ in range(100):
            if await w.decisions.page(strategy.id):
                break
            await asyncio.sleep(0.01)

    # Assert
    decided = await w.decisions.page(strategy.id)
    assert [(d.trigger, d.verdict, d.price) for d in decided] == [
        ("sig-bus", Verdict.SHADOW, Decimal(100))
    ]
    assert bus.errors == []


async def test_strategies_disabled_subscribe_nothing() -> None:
    w = await build_world()
    bus = InProcessEventBus()
    settings = load_settings({"BULWARK_STRATEGIES_ENABLED": "false"}, env_file=None)
    runtime = contextlib.asynccontextmanager(strategy_runtime)
    async with runtime(settings, bus, lambda: w.processor, w.e.market) as running:
        assert running is None
        await bus.publish([])
        assert bus._handlers == []  # nothing subscribed: no decision can follow
