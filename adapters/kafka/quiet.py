"""Repeated failures told once per interval: a broker that stays unreachable is one line per
retry interval in the log, with how many like it were left out, never a line per attempt."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class OncePerInterval:
    """Lets one of a run of repeated happenings through per `interval_s`, counting the rest.

    Thread-safe: the kill switch's lane runs its own loop on a thread of its own.
    """

    def __init__(self, interval_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if interval_s <= 0:
            raise ValueError("the interval must be positive")
        self.interval_s = interval_s
        self._clock = clock
        self._next: float | None = None
        self._held = 0
        self._lock = threading.Lock()

    def let_through(self) -> int | None:
        """None while the interval since the last one let through runs (this one is counted);
        else how many were held back since that last one (0 for the first of a run)."""
        now = self._clock()
        with self._lock:
            if self._next is not None and now < self._next:
                self._held += 1
                return None
            held, self._held = self._held, 0
            self._next = now + self.interval_s
            return held
