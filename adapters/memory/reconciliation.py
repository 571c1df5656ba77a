"""Each account's last reconciliation report, in a dict: the embedded store's and the tests'."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.memory.by_key import InMemoryByKey
from domain.reconciliation.report import AccountReport


class InMemoryReconciliationReports(InMemoryByKey[AccountReport]):
    """ReconciliationReports held in a dict by account id."""

    key = "account_id"

    async def of_connection(self, connection_id: str) -> Sequence[AccountReport]:
        found = [r for r in self._items.values() if r.connection_id == connection_id]
        return sorted(found, key=lambda r: r.account_id)
