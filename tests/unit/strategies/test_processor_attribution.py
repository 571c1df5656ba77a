"""A strategy's order is attributed to the strategy's definition as it decided: its id and its
version, and to its owner."""

from __future__ import annotations

from domain.strategies.definition import StrategyMode
from domain.trading.attribution import Attribution
from tests.unit.strategies.world import OWNER, build_world, signal


async def test_a_strategys_order_names_its_id_version_and_owner() -> None:
    # Arrange
    w = await build_world()
    strategy = await w.create(StrategyMode.PAPER)

    # Act
    await w.processor.on_signal(signal())

    # Assert
    [order] = await w.strategy_orders()
    assert order.attribution == Attribution(OWNER.id, OWNER.id, strategy.id, str(strategy.version))
