"""The kill switch's look at its scope's orders in doubt, before it gives its verdict.

The kill switch proves an acknowledged order closed when its broker's open orders, queried
again, no longer list it. An order never acknowledged (in doubt, application/trading/in_doubt.py)
is looked up at its broker here, under its account's lock; one that stays in doubt is named
and the halt is not confirmed. A send of this process still on its way (younger than the
grace) was refused by the halt latch and is booked rejected: it is not a doubt.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.trading.in_doubt_watch import InDoubtResolving
from domain.killswitch.switch import UnconfirmedOrder
from domain.trading.orders import Order
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.trading.broker import BrokerError

# (broker, account, only these client order ids or None for all), as the kill switch targets.
Target = tuple[str, str, frozenset[str] | None]


@dataclass(eq=False)
class InDoubtVerdict:
    """Names the orders of a halted scope that stay in doubt after a look at their brokers."""

    uow_factory: UnitOfWorkFactory
    orders: InDoubtResolving

    async def unconfirmed(
        self, targets: list[Target], now: datetime, grace: timedelta, budget: float
    ) -> tuple[UnconfirmedOrder, ...]:
        """The targets' orders in doubt (no broker order id for longer than `grace`), each
        account's resolved within `budget` seconds; those left in doubt."""
        scope_of = {account_id: only for _, account_id, only in targets}
        async with self.uow_factory() as uow:
            stored = await uow.orders.list(open_only=True, limit=1_000_000)
        doubtful: dict[str, list[Order]] = defaultdict(list)
        for order in stored:
            if order.in_doubt(now, grace) and order.account_id in scope_of:
                only = scope_of[order.account_id]
                if only is None or order.client_order_id in only:
                    doubtful[order.account_id].append(order)
        if not doubtful:
            return ()
        found = await asyncio.gather(
            *(
                self._resolve(account_id, scope_of[account_id], orders, budget)
                for account_id, orders in sorted(doubtful.items())
            )
        )
        return tuple(o for group in found for o in group)

    async def _resolve(
        self, account_id: str, only: frozenset[str] | None, orders: list[Order], budget: float
    ) -> list[UnconfirmedOrder]:
        """One account's orders in doubt resolved within `budget` seconds; the rest named."""
        try:
            report = await asyncio.wait_for(self.orders.resolve_in_doubt(account_id, only), budget)
        except TimeoutError:
            reason = "DEADLINE_EXCEEDED"
        except Exception as exc:  # an unresolved order is reported, never counted closed
            reason = exc.code.value if isinstance(exc, BrokerError) else type(exc).__name__
        else:
            return [
                UnconfirmedOrder(d.order_id, d.account_id, d.broker, d.reason)
                for d in report.unresolved
            ]
        return [UnconfirmedOrder(o.id, o.account_id, o.broker, reason) for o in orders]
