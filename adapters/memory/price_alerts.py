"""Price alerts in memory (embedded mode and tests)."""

from __future__ import annotations

from domain.notifications.price_alerts import PriceAlert


class InMemoryPriceAlertStore:
    def __init__(self) -> None:
        self._alerts: dict[str, PriceAlert] = {}

    async def add(self, alert: PriceAlert) -> None:
        if alert.id in self._alerts:
            raise KeyError(alert.id)
        self._alerts[alert.id] = alert

    async def get(self, alert_id: str, owner_id: str) -> PriceAlert | None:
        found = self._alerts.get(alert_id)
        return found if found is not None and found.owner_id == owner_id else None

    async def list_for(self, owner_id: str) -> list[PriceAlert]:
        mine = [a for a in self._alerts.values() if a.owner_id == owner_id]
        return sorted(mine, key=lambda a: (a.created_at, a.id))

    async def count_for(self, owner_id: str) -> int:
        return sum(1 for a in self._alerts.values() if a.owner_id == owner_id)

    async def active(self) -> list[PriceAlert]:
        return sorted(
            (a for a in self._alerts.values() if a.active), key=lambda a: (a.symbol, a.id)
        )

    async def save(self, alert: PriceAlert, expected: PriceAlert) -> bool:
        stored = self._alerts.get(alert.id)
        if stored is None or (stored.state, stored.fired_count) != (
            expected.state,
            expected.fired_count,
        ):
            return False
        self._alerts[alert.id] = alert
        return True

    async def remove(self, alert_id: str, owner_id: str) -> bool:
        if await self.get(alert_id, owner_id) is None:
            return False
        del self._alerts[alert_id]
        return True
