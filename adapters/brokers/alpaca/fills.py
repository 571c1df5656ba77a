"""Fills from the trade-updates stream and the REST activities, each handed out once."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import TypeVar

from adapters.brokers.alpaca.wire import (
    FillActivity,
    TradeUpdate,
    fill_from_activity,
    fill_from_update,
)
from domain.trading.fills import Fill
from domain.trading.orders import Order

# A fill of an order this process did not send (a broker-side close, or one sent before a
# restart) has no Bulwark account of its own: it goes to the first account that drains.
ANY_ACCOUNT = ""
# REST polls look back a little past the newest fill seen: clocks and ordering at the
# broker are not exact, and duplicates are dropped by execution id anyway.
_OVERLAP = timedelta(seconds=2)
_V = TypeVar("_V")


@dataclasses.dataclass(frozen=True, slots=True)
class _Owner:
    order_id: str
    account_id: str


class FillLedger:
    """Buffers fills until `drain`, dropping any execution already seen (stream or REST)."""

    def __init__(self, since: datetime, *, memory: int = 50_000) -> None:
        self._pending: list[Fill] = []
        self._seen: dict[str, None] = {}
        self._memory = memory
        # Insertion-ordered, so the oldest entries go first when `memory` is passed.
        self._by_client_id: dict[str, _Owner] = {}
        self._by_broker_id: dict[str, _Owner] = {}
        self._newest = since
        self.needs_catch_up = True

    @property
    def since(self) -> datetime:
        """Where a REST poll should start: just before the newest fill seen."""
        return self._newest - _OVERLAP

    def remember(self, order: Order) -> None:
        """Before sending: fills of this client order id belong to `order`."""
        self._by_client_id[order.client_order_id] = _Owner(order.id, order.account_id)
        _trim(self._by_client_id, self._memory)

    def acknowledged(self, client_order_id: str, broker_order_id: str) -> None:
        owner = self._by_client_id.get(client_order_id)
        if owner is not None:
            self._by_broker_id[broker_order_id] = owner
            _trim(self._by_broker_id, self._memory)

    def on_update(self, update: TradeUpdate, at: datetime) -> None:
        owner = self._by_client_id.get(update.order.client_order_id)
        if owner is None:
            owner = self._by_broker_id.get(update.order.id)
        if owner is not None:
            self._by_broker_id.setdefault(update.order.id, owner)
        order_id = owner.order_id if owner else update.order.client_order_id
        fill = fill_from_update(update, order_id, owner.account_id if owner else ANY_ACCOUNT, at)
        if fill is not None:
            self._add(fill)

    def on_activities(self, activities: list[FillActivity]) -> None:
        for activity in activities:
            owner = self._by_broker_id.get(activity.order_id)
            order_id = owner.order_id if owner else activity.order_id
            self._add(
                fill_from_activity(activity, order_id, owner.account_id if owner else ANY_ACCOUNT)
            )

    def drain(self, account_id: str) -> list[Fill]:
        """Fills of `account_id` (and of orders nobody here sent), oldest first, once."""
        mine = [f for f in self._pending if f.account_id in (account_id, ANY_ACCOUNT)]
        if not mine:
            return []
        self._pending = [f for f in self._pending if f.account_id not in (account_id, ANY_ACCOUNT)]
        return [f if f.account_id else dataclasses.replace(f, account_id=account_id) for f in mine]

    def _add(self, fill: Fill) -> None:
        if fill.id in self._seen:
            return
        self._seen[fill.id] = None
        _trim(self._seen, self._memory)
        self._pending.append(fill)
        self._newest = max(self._newest, fill.at)


def _trim(entries: dict[str, _V], memory: int) -> None:
    while len(entries) > memory:
        del entries[next(iter(entries))]
