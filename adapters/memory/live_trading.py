"""Each account's opt-in to live trading, in a dict: the embedded store's and the unit tests'."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.memory.by_key import InMemoryByKey
from domain.live_trading.opt_in import LiveOptIn, LiveStatus


class InMemoryLiveOptInStore(InMemoryByKey[LiveOptIn]):
    """A LiveOptInStore held in a dict by account id."""

    key = "account_id"

    async def remove(self, account_id: str) -> bool:
        return self._items.pop(account_id, None) is not None

    async def listed(
        self, status: LiveStatus | None = None, owner_id: str | None = None
    ) -> Sequence[LiveOptIn]:
        found = [
            o
            for o in self._items.values()
            if status in (None, o.status) and owner_id in (None, o.owner_id)
        ]
        return sorted(found, key=lambda o: (o.acknowledged_at, o.account_id))
