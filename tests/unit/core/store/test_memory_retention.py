"""The in-memory store keeps a bounded number of orders, fills and command ids."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from adapters.memory.store import InMemoryStore, unit_of_work_factory
from domain.trading.fills import Fill
from domain.trading.orders import Order, Origin, OriginKind, Side

AT = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)


def order(n: int, *, open_: bool = False) -> Order:
    placed = Order(
        f"o{n}", f"c{n}", "acc-1", "AAPL", Side.BUY, Decimal(1),
        Origin(OriginKind.USER, "u-1"), idempotency_key=f"k{n}",
    )  # fmt: skip
    placed.mark_pending_submit()
    if not open_:
        placed.reject("test")
    return placed


async def add(store: InMemoryStore, orders: list[Order]) -> None:
    uow = unit_of_work_factory(store)()
    async with uow:
        for placed in orders:
            await uow.orders.add(placed)
            fill = Fill(
                f"f{placed.id}", placed.id, "acc-1", "AAPL", Side.BUY, Decimal(1), Decimal(1), AT
            )
            await uow.fills.add(fill)
            await uow.inbox.add(f"m{placed.id}", "order.submit", AT)
        await uow.commit()


async def test_the_oldest_finished_orders_go_first_and_open_ones_stay() -> None:
    # Arrange: the oldest order is still open; 200 finished ones follow
    store = InMemoryStore(max_orders=100)
    await add(store, [order(0, open_=True)])

    # Act
    for start in range(1, 201, 10):
        await add(store, [order(n) for n in range(start, start + 10)])

    # Assert: bounded, the open order kept, the newest kept, keys of dropped orders gone
    assert len(store.orders) <= 110
    assert "o0" in store.orders
    assert "o200" in store.orders
    assert "o1" not in store.orders
    assert ("acc-1", "k1") not in store.order_keys
    assert ("acc-1", "k200") in store.order_keys
    assert len(store.fills) <= 110 and len(store.inbox) <= 110
    assert sum(len(held) for held in store.account_fills.values()) == len(store.fills)


async def test_without_a_retention_everything_is_kept() -> None:
    # Arrange
    store = InMemoryStore()

    # Act
    await add(store, [order(n) for n in range(300)])

    # Assert
    assert len(store.orders) == 300
