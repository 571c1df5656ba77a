"""`bulwark consume` runs the loop watchdog and stops it on the way out, even when it fails."""

from __future__ import annotations

import threading

import pytest

from bootstrap.consume import consume
from bootstrap.container import build_container
from bootstrap.settings import SettingsError, load_settings


def watchdog_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "bulwark-loop-watchdog"]


async def test_consume_without_kafka_fails_and_leaves_no_watchdog_running() -> None:
    # Arrange
    settings = load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": "memory://",
            "BULWARK_LOOP_WATCHDOG_MS": "50",
        },
        env_file=None,
    )
    container = build_container(settings)

    # Act
    with pytest.raises(SettingsError, match="BULWARK_KAFKA_BOOTSTRAP"):
        await consume(container)

    # Assert
    assert watchdog_threads() == []
