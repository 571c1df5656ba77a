"""`bulwark serve`'s loop watchdog: a blocked app loop shows in /metrics and in the notifier."""

from __future__ import annotations

import asyncio
import re
import time

import pytest

from adapters.memory.bus import InMemoryNotifier
from tests.http.core_helpers import harness_with

pytestmark = pytest.mark.serves()


async def block_the_app_loop(seconds: float) -> None:
    time.sleep(seconds)  # noqa: ASYNC251 -- on purpose: a handler doing CPU work on the loop
    await asyncio.sleep(0)


async def stall_count(text: str) -> float:
    found = re.search(r"^bulwark_event_loop_stalls_total (\S+)$", text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


async def test_a_blocked_app_loop_is_counted_in_metrics_and_notified() -> None:
    # A threshold well above a busy CI box's hiccups, and a block well above the threshold.
    async with harness_with(loop_watchdog_ms="250") as harness:
        # Arrange
        notifier: InMemoryNotifier = harness.container.core.notifier()
        before = await stall_count((await harness.client.get("/metrics")).text)

        # Act
        harness.client.blocking_portal.call(block_the_app_loop, 1.0)
        await asyncio.sleep(0.5)
        after = await stall_count((await harness.client.get("/metrics")).text)

    # Assert
    assert after == before + 1
    blocked = [n for n in notifier.sent if n.subject == "bulwark serve: event loop blocked"]
    assert len(blocked) == after


async def test_the_watchdog_is_off_at_zero() -> None:
    async with harness_with(loop_watchdog_ms="0") as harness:
        # Act
        text = (await harness.client.get("/metrics")).text

    # Assert
    assert "bulwark_event_loop_stalls" not in text
