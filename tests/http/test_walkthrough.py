"""The README walkthrough end to end, in-process over the real container with demo data."""

from __future__ import annotations

from bootstrap.demo import load_demo
from tests.http.harness import Harness
from tests.walkthrough import walkthrough


async def test_walkthrough_from_login_to_resumed_trading(harness: Harness) -> None:
    # Arrange
    await load_demo(harness.container)

    # Act
    steps = await walkthrough(harness.client)

    # Assert
    assert steps == [
        "login",
        "order filled",
        "notified order.filled",
        "device listed",
        "kill switch confirmed",
        "order denied TRADING_HALTED",
        "four-eyes resume",
        "order filled",
    ]
