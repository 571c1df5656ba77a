"""In-process daily IV history (the embedded store; lost on restart)."""

from __future__ import annotations

from datetime import date

from ports.market_data.iv_history import DailyIV


class InMemoryIVHistoryStore:
    """An IVHistoryStore in a dict of symbol -> {day: entry}."""

    def __init__(self) -> None:
        self._by_symbol: dict[str, dict[date, DailyIV]] = {}

    async def record(self, entry: DailyIV) -> None:
        self._by_symbol.setdefault(entry.symbol, {})[entry.day] = entry

    async def last(self, symbol: str, *, up_to: date, limit: int) -> list[DailyIV]:
        if limit <= 0:
            return []
        days = self._by_symbol.get(symbol, {})
        kept = sorted(day for day in days if day <= up_to)[-limit:]
        return [days[day] for day in kept]
