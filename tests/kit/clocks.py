"""Clocks tests move by hand."""

from __future__ import annotations


class ManualClock:
    """A monotonic clock (seconds) that moves only when a test sets `now`: the in-memory
    lease's expiry, for one."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
