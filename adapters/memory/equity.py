"""In-process equity history."""

from __future__ import annotations

from datetime import date

from ports.trading.equity import EquitySnapshot


class InMemoryEquityHistory:
    """An EquityHistory held in a dict keyed by (account, day)."""

    def __init__(self) -> None:
        self._days: dict[str, dict[date, EquitySnapshot]] = {}

    async def upsert(self, snapshot: EquitySnapshot) -> None:
        days = self._days.setdefault(snapshot.account_id, {})
        stored = days.get(snapshot.day)
        if stored is None or stored.taken_at <= snapshot.taken_at:
            days[snapshot.day] = snapshot

    async def range(self, account_id: str, start: date, end: date) -> list[EquitySnapshot]:
        days = self._days.get(account_id, {})
        return [days[d] for d in sorted(days) if start <= d <= end]

    async def latest(self, account_id: str, before: date | None = None) -> EquitySnapshot | None:
        days = [d for d in self._days.get(account_id, {}) if before is None or d < before]
        return self._days[account_id][max(days)] if days else None
