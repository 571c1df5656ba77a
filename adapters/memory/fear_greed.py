"""In-process Fear & Greed history (the embedded store; lost on restart)."""

from __future__ import annotations

from datetime import date

from ports.markets.fear_greed import FearGreedRecord


class InMemoryFearGreedHistory:
    """A FearGreedHistoryStore in a dict of day -> record."""

    def __init__(self) -> None:
        self._by_day: dict[date, FearGreedRecord] = {}

    async def record(self, record: FearGreedRecord) -> None:
        self._by_day[record.day] = record

    async def between(self, start: date, end: date, limit: int) -> list[FearGreedRecord]:
        if limit <= 0:
            return []
        days = sorted(day for day in self._by_day if start <= day <= end)[:limit]
        return [self._by_day[day] for day in days]

    async def last(self, up_to: date, limit: int) -> list[FearGreedRecord]:
        if limit <= 0:
            return []
        days = sorted(day for day in self._by_day if day <= up_to)[-limit:]
        return [self._by_day[day] for day in days]
