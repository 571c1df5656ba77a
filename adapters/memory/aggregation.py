"""Linked items, their accounts, holdings and transactions in memory (embedded mode, tests)."""

from __future__ import annotations

from dataclasses import replace

from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    LinkedItem,
)
from domain.errors import Conflict


class InMemoryAggregationStore:
    def __init__(self) -> None:
        self._items: dict[str, LinkedItem] = {}
        self._accounts: dict[str, list[AggregatedAccount]] = {}
        self._holdings: dict[str, list[AggregatedHolding]] = {}
        self._transactions: dict[str, dict[str, AggregatedTransaction]] = {}
        self._webhooks: set[str] = set()

    async def add_item(self, item: LinkedItem) -> None:
        if item.id in self._items or any(
            i.provider_item_id == item.provider_item_id for i in self._items.values()
        ):
            raise Conflict("this institution login is already linked")
        self._items[item.id] = item

    async def get_item(self, item_id: str, owner_id: str) -> LinkedItem | None:
        found = self._items.get(item_id)
        return found if found is not None and found.owner_id == owner_id else None

    async def item_by_provider_id(self, provider_item_id: str) -> LinkedItem | None:
        return next(
            (i for i in self._items.values() if i.provider_item_id == provider_item_id), None
        )

    async def items_of(self, owner_id: str) -> list[LinkedItem]:
        mine = [i for i in self._items.values() if i.owner_id == owner_id]
        return sorted(mine, key=lambda i: (i.created_at, i.id))

    async def items_of_portfolio(self, owner_id: str, portfolio_id: str) -> list[LinkedItem]:
        return [i for i in await self.items_of(owner_id) if i.portfolio_id == portfolio_id]

    async def save_item(self, item: LinkedItem) -> None:
        if item.id in self._items:
            self._items[item.id] = item

    async def remove_item(self, item_id: str, owner_id: str) -> bool:
        if await self.get_item(item_id, owner_id) is None:
            return False
        del self._items[item_id]
        self._accounts.pop(item_id, None)
        self._holdings.pop(item_id, None)
        self._transactions.pop(item_id, None)
        return True

    async def replace_accounts(self, item_id: str, accounts: list[AggregatedAccount]) -> None:
        if item_id in self._items:
            self._accounts[item_id] = list(accounts)

    async def accounts_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedAccount]:
        found = [
            a
            for iid, accounts in self._accounts.items()
            if item_id is None or iid == item_id
            for a in accounts
            if a.owner_id == owner_id
        ]
        return sorted(found, key=lambda a: a.id)

    async def replace_holdings(self, item_id: str, holdings: list[AggregatedHolding]) -> None:
        if item_id in self._items:
            self._holdings[item_id] = list(holdings)

    async def holdings_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedHolding]:
        found = [
            h
            for iid, holdings in self._holdings.items()
            if (item_id is None or iid == item_id) and self._owned(iid, owner_id)
            for h in holdings
        ]
        return sorted(found, key=lambda h: (h.account_id, h.security_id))

    async def apply_transactions(
        self,
        item_id: str,
        upserts: list[AggregatedTransaction],
        removed: list[str],
        cursor: str,
    ) -> None:
        item = self._items.get(item_id)
        if item is None:
            return
        kept = self._transactions.setdefault(item_id, {})
        for txn in upserts:
            kept[txn.id] = txn
        for txn_id in removed:
            kept.pop(txn_id, None)
        self._items[item_id] = replace(item, cursor=cursor)

    async def transactions_of(
        self, owner_id: str, item_id: str, *, limit: int = 500
    ) -> list[AggregatedTransaction]:
        if not self._owned(item_id, owner_id):
            return []
        found = sorted(self._transactions.get(item_id, {}).values(), key=lambda t: t.id)
        found.sort(key=lambda t: t.day, reverse=True)
        return found[:limit]

    async def claim_webhook(self, body_sha256: str) -> bool:
        if body_sha256 in self._webhooks:
            return False
        self._webhooks.add(body_sha256)
        return True

    def _owned(self, item_id: str, owner_id: str) -> bool:
        item = self._items.get(item_id)
        return item is not None and item.owner_id == owner_id
