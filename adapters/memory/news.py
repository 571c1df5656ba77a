"""In-memory NewsPort: items added by a test or the demo, visible by the clock like the replay."""

from __future__ import annotations

from datetime import datetime

from domain.inference.sentiment import NewsItem
from ports.core.clock import Clock


class InMemoryNews:
    def __init__(self, clock: Clock, items: list[NewsItem] | None = None) -> None:
        self._clock = clock
        self._items: list[NewsItem] = list(items or [])

    def add(self, *items: NewsItem) -> None:
        self._items.extend(items)

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        now = self._clock.now()
        found = [
            i for i in self._items
            if symbol.upper() in i.symbols and since <= i.published_at <= now
        ]  # fmt: skip
        found.sort(key=lambda i: (i.published_at, i.id), reverse=True)
        return found[:limit]
