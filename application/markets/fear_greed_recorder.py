"""Records the Fear & Greed composite once per trading day (the history its chart reads).

The day is the UTC calendar date of the clock; Saturdays and Sundays record nothing (like the
IV recorder, application/market_data/iv_recorder.py). A day already stored is kept (the first
reading of the day stays) unless `overwrite`. When the inputs carry less than the minimum
coverage the day is not stored and the report says why; a later pass tries again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from application.markets.fear_greed import FearGreedService
from ports.core.clock import Clock
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.fear_greed import FearGreedHistoryStore, FearGreedRecord

SATURDAY = 5


@dataclass(frozen=True, slots=True)
class FearGreedReport:
    """What one pass did: the record stored, or skipped (stored already), or why it failed."""

    day: date
    recorded: FearGreedRecord | None = None
    skipped: bool = False
    weekend: bool = False
    failed: str | None = None


@dataclass(eq=False)
class FearGreedRecorder:
    service: FearGreedService
    store: FearGreedHistoryStore
    clock: Clock

    async def record(self, *, overwrite: bool = False) -> FearGreedReport:
        """Store today's composite (module doc)."""
        day = self.clock.now().date()
        if day.weekday() >= SATURDAY:
            return FearGreedReport(day, weekend=True)
        if not overwrite:
            stored = await self.store.last(day, 1)
            if stored and stored[0].day == day:
                return FearGreedReport(day, skipped=True)
        try:
            record = await self.service.record_today()
        except DataSourceUnavailable as exc:
            return FearGreedReport(day, failed=exc.message)
        await self.store.record(record)
        return FearGreedReport(day, recorded=record)
