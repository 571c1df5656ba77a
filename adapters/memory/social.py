"""In-memory SocialPort: mentions added by a test or the demo, visible by the clock like the
replayed file (adapters/social/replay.py)."""

from __future__ import annotations

from datetime import datetime

from domain.analytics.sentiment.mentions import Mention, MentionIndex
from ports.core.clock import Clock


class InMemorySocial:
    name = "memory"

    def __init__(self, clock: Clock, max_mentions: int = 200_000) -> None:
        self._clock = clock
        self._index = MentionIndex(max_mentions)

    def add(self, *mentions: Mention) -> int:
        return self._index.extend(mentions)

    async def mentions(self, symbol: str, since: datetime, until: datetime) -> list[Mention]:
        return self._index.between(symbol, since, min(until, self._clock.now()))

    async def counts(self, since: datetime, until: datetime) -> dict[str, int]:
        return self._index.counts(since, min(until, self._clock.now()))
