"""What the outbox tests commit and publish: an order denied in a unit of work (its
OrderDenied goes to the outbox with the commit), and a publisher that keeps what it is given."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from domain.events import DomainEvent
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.core.unit_of_work import UnitOfWorkFactory


def buy_order(n: int, account: str = "acc-1") -> Order:
    """Order `n` (ids ord-n and cl-n): a market buy of 1 AAPL on `account`."""
    return Order(
        f"ord-{n}", f"cl-{n}", account, "AAPL", Side.BUY, Decimal(1), Origin(OriginKind.USER, "u")
    )


async def deny(
    uow_factory: UnitOfWorkFactory, n: int, reason: str = "MAX_QTY", *, account: str = "acc-1"
) -> None:
    """Order `n` added and denied for `reason` in one unit of work, committed."""
    async with uow_factory() as uow:
        denied = buy_order(n, account)
        await uow.orders.add(denied)
        denied.deny((reason,))
        await uow.commit()


class RecordingPublisher:
    """A publisher that keeps what it is given, or fails while `fail` is set."""

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.published: list[DomainEvent] = []

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if self.fail:
            raise ConnectionError("broker down")
        self.published.extend(events)
