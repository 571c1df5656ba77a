"""Orders' facts for the drop copy through the unit of work (the in-memory store's way; a SQL
store reads them in one statement instead: adapters/postgres/drop_copy.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.drop_copy.messages import OrderFacts
from ports.core.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class OrderFactsFromStore:
    """OrderFactsSource (ports/drop_copy/drop_copy.py) over the unit of work's orders."""

    uow_factory: UnitOfWorkFactory

    async def facts(self, order_ids: Sequence[str]) -> dict[str, OrderFacts]:
        found: dict[str, OrderFacts] = {}
        async with self.uow_factory() as uow:
            for order_id in order_ids:
                order = await uow.orders.get(order_id)
                if order is not None:
                    found[order_id] = OrderFacts.of(order)
        return found
