"""At a stop, the events still being published reach the fill notices before they are told
(bootstrap/notifications.py: dispatch_lifetime)."""

from __future__ import annotations

from typing import Any, cast

from bootstrap.notifications import NotificationSources, dispatch_lifetime
from bootstrap.settings import load_settings


class _Fills:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    async def idle(self) -> None:
        self.log.append("fills told")


class _Publisher:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    async def idle(self) -> None:
        self.log.append("events published")


async def test_the_outbox_in_flight_is_published_before_the_fills_are_told() -> None:
    # Arrange
    log: list[str] = []
    settings = load_settings(
        {"BULWARK_ENV": "test", "BULWARK_NOTIFY_DISPATCH": "false"}, env_file=None
    )
    sources = NotificationSources(events=cast(Any, None), fills=cast(Any, _Fills(log)))
    lifetime = dispatch_lifetime(
        settings,
        lambda: cast(Any, None),
        lambda: cast(Any, None),
        lambda: sources,
        lambda: _Publisher(log),
        None,
    )
    await anext(lifetime)

    # Act
    await lifetime.aclose()

    # Assert
    assert log == ["events published", "fills told"]
