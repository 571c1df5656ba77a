"""`bulwark consume` freezes the garbage collector once its consumers run, and gives it back."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest

import bootstrap.consume
from bootstrap.consume import consume
from bootstrap.containers.application import build_container
from bootstrap.settings import load_settings

# The process's collector as CPython leaves it (the suite freezes it: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("thawed_collector")


async def collector_while_consuming(monkeypatch: pytest.MonkeyPatch, **extra: str) -> Any:
    environ = {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", **extra}
    container = build_container(load_settings(environ, env_file=None))

    async def started(*_: Any) -> None:
        return None

    monkeypatch.setattr(bootstrap.consume, "start_consumers", started)
    stop = asyncio.Event()
    seen: list[tuple[int, tuple[int, int, int]]] = []

    async def look_then_stop() -> None:
        await asyncio.sleep(0.05)
        seen.append((gc.get_freeze_count(), gc.get_threshold()))
        stop.set()

    looker = asyncio.create_task(look_then_stop())
    await consume(container, stop)
    await looker
    return seen[0]


async def test_consume_freezes_the_collector_and_restores_it_on_the_way_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    before = gc.get_threshold()

    # Act
    frozen, thresholds = await collector_while_consuming(
        monkeypatch, BULWARK_GC_FREEZE="true", BULWARK_GC_THRESHOLD_GEN0="54321"
    )

    # Assert
    assert frozen > 0
    assert thresholds[0] == 54321
    assert (gc.get_freeze_count(), gc.get_threshold()) == (0, before)


async def test_consume_leaves_the_collector_alone_when_the_setting_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    before = gc.get_threshold()

    # Act
    frozen, thresholds = await collector_while_consuming(monkeypatch, BULWARK_GC_FREEZE="false")

    # Assert
    assert (frozen, thresholds) == (0, before)
