"""Fear & Greed ports: the VIX and put/call series, and the daily history of the composite.

`MarketSeriesPort` serves the two input series that are published rather than computed here
(docs/sentiment-indices.md): "vix" (vol points) and "put_call" (put / call volume). Adapters:
the offline files (adapters/marketfiles/sentiment_series.py) and the option chains of the
index (application/markets/fear_greed_chain.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

SERIES = ("vix", "put_call")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One day's value of a series (its units are the series', see SERIES)."""

    day: date
    value: float

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError("a series value must be a finite number")


class MarketSeriesPort(Protocol):
    """`series(name, start, end)`: the points with start <= day <= end, oldest first, one per
    day; UnknownSeries for a name not in SERIES; DataSourceUnavailable (ports/markets/data_files.py)
    when the data cannot be read. `name`: the source ("file", "chain")."""

    name: str

    async def series(self, name: str, start: date, end: date) -> list[SeriesPoint]: ...


@dataclass(frozen=True, slots=True)
class ComponentRecord:
    """One input of a stored day: raw value, its 0..100 score, how it was scored, its weight."""

    name: str
    raw: float
    score: float
    method: str  # "percentile" or "bounds"
    weight: float


@dataclass(frozen=True, slots=True)
class FearGreedRecord:
    """The composite of one day, as the recorder stored it (UTC calendar day)."""

    day: date
    score: float
    label: str
    coverage: float
    components: tuple[ComponentRecord, ...]
    recorded_at: datetime  # timezone-aware
    sources: Mapping[str, str] = field(default_factory=dict)  # input -> where it came from

    def __post_init__(self) -> None:
        if not (math.isfinite(self.score) and 0.0 <= self.score <= 100.0):
            raise ValueError("score must be within [0, 100]")
        if self.recorded_at.tzinfo is None:
            raise ValueError("recorded_at must be timezone-aware")

    def raw(self, name: str) -> float | None:
        for component in self.components:
            if component.name == name:
                return component.raw
        return None


class FearGreedHistoryStore(Protocol):
    """Daily composites by day.

    - `record` stores the day, replacing a stored one of the same day (idempotent upsert).
    - `between(start, end)`: the days with start <= day <= end, OLDEST FIRST, at most `limit`
      (the oldest `limit` of them).
    - `last(up_to, limit)`: the most recent `limit` days with day <= up_to, OLDEST FIRST.
    """

    async def record(self, record: FearGreedRecord) -> None: ...

    async def between(self, start: date, end: date, limit: int) -> list[FearGreedRecord]: ...

    async def last(self, up_to: date, limit: int) -> list[FearGreedRecord]: ...
