"""The execution throttle's breach count in one process (embedded mode, tests, no Redis)."""

from __future__ import annotations

from collections import OrderedDict, deque
from datetime import datetime, timedelta


class InMemoryBreachWindow:
    """A BreachWindow for one process (ports/safety/throttle.py).

    Each key keeps its recent breaches (fewer than the limit: reaching it forgets them), and
    at most `max_keys` keys are kept, the least recently breached dropped first: a dropped key
    had not breached for longer than any other, and counts afresh.
    """

    def __init__(self, max_keys: int = 10_000) -> None:
        self._max_keys = max_keys
        self._keys: OrderedDict[str, deque[tuple[datetime, str]]] = OrderedDict()

    async def add(
        self, key: str, breach_id: str, at: datetime, window: timedelta, limit: int
    ) -> int:
        cutoff = at - window
        # Fewer than `limit` each: a filter, whatever order the times came in.
        breaches = deque(b for b in self._keys.pop(key, ()) if b[0] > cutoff)
        if any(seen == breach_id for _, seen in breaches):
            self._keep(key, breaches)
            return 0
        breaches.append((at, breach_id))
        count = len(breaches)
        if count >= limit:
            return count  # the key is forgotten: the next episode counts from nothing
        self._keep(key, breaches)
        return count

    async def clear(self, key: str) -> None:
        self._keys.pop(key, None)

    def _keep(self, key: str, breaches: deque[tuple[datetime, str]]) -> None:
        if not breaches:
            return
        self._keys[key] = breaches
        while len(self._keys) > self._max_keys:
            self._keys.popitem(last=False)

    def __len__(self) -> int:
        """Keys held now (for tests of the bound)."""
        return len(self._keys)
