"""Order services whose store fails its commits as a test plans."""

from __future__ import annotations

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.trading.orders import BrokerRouter, OrderService
from bootstrap.embedded import Embedded


class FlakyUnitOfWork(InMemoryUnitOfWork):
    """An in-memory unit of work whose commit raises the next planned failure, if any."""

    def __init__(self, store: InMemoryStore, failures: list[BaseException]) -> None:
        super().__init__(store)
        self.failures = failures

    async def commit(self) -> None:
        if self.failures:
            raise self.failures.pop(0)
        await super().commit()


def flaky_orders(e: Embedded, failures: list[BaseException], max_batch: int = 128) -> OrderService:
    """An OrderService on `e`'s store, broker and flows whose next commits fail as planned."""
    return OrderService.assemble(
        lambda: FlakyUnitOfWork(e.store, failures),
        BrokerRouter({"paper": e.broker}),
        e.market,
        e.bus,
        e.clock,
        e.ids,
        e.policies,
        e.locks,
        max_batch=max_batch,
    )
