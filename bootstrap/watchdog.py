"""The event-loop watchdog of a serving or consuming process, from settings."""

from __future__ import annotations

from collections.abc import Callable

from adapters.watchdog import LoopWatchdog
from bootstrap.settings import Settings
from ports.core.events import Notifier


def loop_watchdog(
    settings: Settings, notifier: Callable[[], Notifier], process: str
) -> LoopWatchdog | None:
    """None when BULWARK_LOOP_WATCHDOG_MS is 0; its alerts go through `notifier` (the
    process's own, built only when the watchdog is on)."""
    if settings.core.loop_watchdog_ms <= 0:
        return None
    return LoopWatchdog(settings.core.loop_watchdog_ms / 1000, notifier=notifier(), process=process)
