"""Signal ports: where signals are stored and paged, and where the scanner reads bars from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal


@dataclass(frozen=True, slots=True)
class SignalCursor:
    """A position in newest-first order: the last signal of a page, by (created_at, id)."""

    created_at: datetime
    signal_id: str


@dataclass(frozen=True, slots=True)
class SignalSearch:
    """Filters of a signal page; `min_score` bounds |score| from below; None filters nothing."""

    symbol: str | None = None
    pattern: Pattern | None = None
    timeframe: Timeframe | None = None
    min_score: float | None = None
    after: SignalCursor | None = None
    limit: int = 50


class SignalRepository(Protocol):
    """Stored signals, at most one per key (symbol, timeframe, pattern, at).

    `add` stores the signals whose key is not stored yet (nor earlier in the same call)
    and returns those, in the order given; a signal whose key (or id) is taken is
    dropped, so two scanners reading the same bar store it once. `page` returns the signals that
    match `search`, newest first by (created_at, id) descending, strictly after
    `search.after` in that order, at most `search.limit`: paging on from the last
    item's cursor never repeats or skips a signal, whatever is added in between.
    `events_in_outbox` tells whether `add` also writes the stored signals' SignalEmitted
    events to an outbox in its transaction (the relay publishes them, at least once even
    after a crash); when False, the caller publishes them.
    """

    events_in_outbox: bool

    async def add(self, signals: Sequence[Signal]) -> list[Signal]: ...

    async def page(self, search: SignalSearch) -> list[Signal]: ...
