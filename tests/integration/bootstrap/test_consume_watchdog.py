"""`bulwark consume` runs the loop watchdog while it consumes and stops it on the way out."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

import bootstrap.consume
from adapters.memory.bus import InMemoryNotifier
from bootstrap.consume import consume
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import SettingsError, load_settings


def watchdog_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "bulwark-loop-watchdog"]


def container(**extra: str) -> ApplicationContainer:
    environ = {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", **extra}
    return build_container(load_settings(environ, env_file=None))


async def test_a_blocked_consumer_loop_is_alerted_and_the_watchdog_stops_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: consumers that start at once (no broker needed), and a handler that blocks
    c = container(BULWARK_LOOP_WATCHDOG_MS="100")

    async def started(*_: Any) -> None:
        return None

    monkeypatch.setattr(bootstrap.consume, "start_consumers", started)
    stop = asyncio.Event()

    async def block_then_stop() -> None:
        await asyncio.sleep(0.3)
        time.sleep(0.6)  # noqa: ASYNC251 -- on purpose: a handler doing CPU work on the loop
        await asyncio.sleep(0.3)
        stop.set()

    # Act
    blocker = asyncio.create_task(block_then_stop())
    await consume(c, stop)
    await blocker

    # Assert
    notifier: InMemoryNotifier = c.core.notifier()
    # At least the stall made here (a busy machine may add one of its own).
    subjects = {n.subject for n in notifier.sent}
    assert subjects == {"bulwark consume: event loop blocked"}
    assert watchdog_threads() == []


async def test_consume_that_fails_to_start_leaves_no_watchdog_and_keeps_its_error() -> None:
    # Arrange
    c = container(BULWARK_LOOP_WATCHDOG_MS="50")

    # Act
    with pytest.raises(SettingsError, match="BULWARK_KAFKA_BOOTSTRAP"):
        await consume(c)

    # Assert
    assert watchdog_threads() == []
