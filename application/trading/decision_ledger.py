"""Which orders' decisions already went out to message readers, so only a repeat is a replay."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.errors import ConcurrentUpdate
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory

# Kept in the inbox table; "/" never appears in a command's message id, so none can collide.
PREFIX = "published/"
KIND = "order.decision"


@dataclass(eq=False)
class PublishedDecisions:
    """Remembers the orders whose decision message was published (the inbox holds them).

    A decision is recorded only after its publication is acknowledged: a crash between the
    two publishes it again as an original (at least once), never drops the original.
    """

    uow_factory: UnitOfWorkFactory
    clock: Clock

    async def published(self, order_ids: Iterable[str]) -> set[str]:
        """Those of `order_ids` whose decision has gone out before."""
        ids = list(dict.fromkeys(order_ids))
        if not ids:
            return set()
        async with self.uow_factory() as uow:
            return {order_id for order_id in ids if await uow.inbox.seen(PREFIX + order_id)}

    async def record(self, order_ids: Iterable[str]) -> None:
        """Remember that these orders' decisions went out (again is harmless)."""
        ids = list(dict.fromkeys(order_ids))
        if not ids:
            return
        try:
            async with self.uow_factory() as uow:
                fresh = [i for i in ids if not await uow.inbox.seen(PREFIX + i)]
                if not fresh:
                    return
                at = self.clock.now()
                for order_id in fresh:
                    await uow.inbox.add(PREFIX + order_id, KIND, at)
                await uow.commit()
        except ConcurrentUpdate:
            return  # a twin delivery recorded them first: the same fact

    async def record_new(self, order_ids: Iterable[str]) -> None:
        """Remember decisions the caller knows were not recorded (new orders' first ones, or
        ones `published` just said were not), without looking each up first. Should a twin
        delivery have recorded one meanwhile, none of these is recorded: a redelivery would
        then publish them again as originals (at least once, as after a crash)."""
        ids = list(dict.fromkeys(order_ids))
        if not ids:
            return
        try:
            async with self.uow_factory() as uow:
                at = self.clock.now()
                for order_id in ids:
                    await uow.inbox.add(PREFIX + order_id, KIND, at)
                await uow.commit()
        except ConcurrentUpdate:
            return
