"""The event-loop watchdog of a serving or consuming process, from settings."""

from __future__ import annotations

from adapters.watchdog import LoopWatchdog
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import Settings


def loop_watchdog(
    settings: Settings, container: ApplicationContainer, process: str
) -> LoopWatchdog | None:
    """None when BULWARK_LOOP_WATCHDOG_MS is 0; its alerts go through the container's notifier."""
    if settings.core.loop_watchdog_ms <= 0:
        return None
    return LoopWatchdog(
        settings.core.loop_watchdog_ms / 1000, notifier=container.core.notifier(), process=process
    )
