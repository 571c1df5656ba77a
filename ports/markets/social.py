"""Social port: the posts that mention a symbol, for the HypeMeter (docs/sentiment-indices.md).

Adapters: a JSON-lines file replayed against the clock (adapters/social/replay.py), a Kafka
topic for live feeds (adapters/kafka/social.py), and the in-memory twin (adapters/memory).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.analytics.sentiment.mentions import Mention


class SocialPort(Protocol):
    """Mentions by symbol; a mention is visible once the clock has reached its `posted_at`.

    - `mentions(symbol, since, until)`: those of `symbol` posted in (since, until], oldest
      first (bounded by what the adapter keeps: its retention and maximum count).
    - `counts(since, until)`: mentions per symbol posted in (since, until], symbols with none
      left out.
    `name`: the source ("memory", "file", "kafka").
    """

    name: str

    async def mentions(self, symbol: str, since: datetime, until: datetime) -> list[Mention]: ...

    async def counts(self, since: datetime, until: datetime) -> dict[str, int]: ...
