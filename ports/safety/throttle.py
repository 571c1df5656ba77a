"""The execution throttle's count of breaches per originator within a sliding window."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class BreachWindow(Protocol):
    """Breaches counted per key over a sliding window; shared by every instance when the
    adapter is (Redis), so N workers count one originator's breaches together.

    `add` records breach `breach_id` of `key` at `at` and answers how many of the key's
    breaches are then less than `window` old, this one included, in one atomic step: a
    `breach_id` already counted adds nothing and answers 0 (an event delivered twice). When the
    count reaches `limit` the key's breaches are forgotten in that same step, so exactly one
    caller sees `limit` (the one that trips the throttle) and the next episode counts from
    nothing. `clear` forgets the key's breaches. State is bounded: a key holds fewer than
    `limit` breaches (and, shared, expires once idle for its window; in one process, the least
    recently breached keys past a fixed number are dropped).
    """

    async def add(
        self, key: str, breach_id: str, at: datetime, window: timedelta, limit: int
    ) -> int: ...

    async def clear(self, key: str) -> None: ...
