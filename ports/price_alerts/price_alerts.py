"""Where users' price alerts are kept (domain/notifications/price_alerts.py has the rules).

Reads by id are owner-scoped: another user's alert reads as None. `save` is a compare-and-set
on the alert's `fired_count` and state, so two instances evaluating the same quote cannot
both record (and notify) the same fire.
"""

from __future__ import annotations

from typing import Protocol

from domain.notifications.price_alerts import PriceAlert


class PriceAlertStore(Protocol):
    async def add(self, alert: PriceAlert) -> None: ...

    async def get(self, alert_id: str, owner_id: str) -> PriceAlert | None: ...

    async def list_for(self, owner_id: str) -> list[PriceAlert]:
        """The owner's alerts, oldest first."""
        ...

    async def count_for(self, owner_id: str) -> int: ...

    async def active(self) -> list[PriceAlert]:
        """Every alert that may still fire (not DONE), by symbol then id."""
        ...

    async def save(self, alert: PriceAlert, expected: PriceAlert) -> bool:
        """Writes state, counters, last price and note when the stored alert still has
        `expected`'s state and fired_count; False otherwise (changed elsewhere, or gone)."""
        ...

    async def remove(self, alert_id: str, owner_id: str) -> bool: ...
