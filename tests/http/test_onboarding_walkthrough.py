"""The "your own account" walkthrough (docs/onboarding.md), in-process over the real
container: open a paper account, import instruments, create a strategy, backtest it, switch
it to paper mode and see an agent's signal become a gated STRATEGY order."""

from __future__ import annotations

from bootstrap.demo import load_demo
from tests.http.harness import Harness
from tests.walkthrough_onboarding import onboarding


async def test_onboarding_from_a_new_account_to_a_gated_strategy_order(harness: Harness) -> None:
    # Arrange
    await load_demo(harness.container)

    # Act
    steps = await onboarding(harness.client)

    # Assert
    assert steps == [
        "account opened",
        "instruments imported",
        "strategy created (shadow)",
        "backtest succeeded",
        "signal became a gated order",
        "order filled",
    ]
