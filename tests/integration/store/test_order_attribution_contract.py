"""Contract of the orders' attribution columns, the period reads of the attribution export, and
the audit log's appends of many entries, on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from adapters.memory.audit import InMemoryAuditLog
from adapters.postgres.audit import SqlAuditLog
from application.core.audit_chain import ChainWalker
from domain.trading.attribution import Attribution
from domain.trading.orders import Channel, Order, Origin, OriginKind, Side
from ports.core.events import AuditEntry
from ports.core.repositories import OrderCursor, OrderPeriod
from tests.integration.store.conftest import T0, StoreUnderTest

AGENT = Origin(OriginKind.AGENT, "agent-1", Channel.MCP)


def _order(n: int, account: str = "acc-1", **kw: object) -> Order:
    fields: dict[str, object] = {
        "id": f"ord-{n:03d}",
        "client_order_id": f"cl-{n}",
        "account_id": account,
        "symbol": "AAPL",
        "side": Side.BUY,
        "quantity": Decimal("1"),
        "origin": AGENT,
        "created_at": T0 + timedelta(seconds=n),
    }
    fields.update(kw)
    return Order(**fields)  # type: ignore[arg-type]


async def _get(store: StoreUnderTest, order_id: str) -> Order:
    async with store.uow() as uow:
        found = await uow.orders.get(order_id)
    assert found is not None
    return found


async def test_an_orders_attribution_round_trips(store: StoreUnderTest) -> None:
    # Arrange
    declared = Attribution("usr-1", "usr-2", "m" * 64, "v" * 32)
    by_hand = Attribution("usr-1", "usr-1")
    await store.save("orders", _order(1, attribution=declared), _order(2, attribution=by_hand))

    # Act
    first, second = await _get(store, "ord-001"), await _get(store, "ord-002")

    # Assert
    assert first.attribution == declared
    assert second.attribution == by_hand
    assert first.origin == AGENT and first.origin.channel is Channel.MCP


async def test_an_order_stored_without_attribution_reads_back_without(
    store: StoreUnderTest,
) -> None:
    # Arrange
    await store.save("orders", _order(1))

    # Act
    loaded = await _get(store, "ord-001")

    # Assert
    assert loaded.attribution is None


async def test_the_attribution_outlives_the_orders_later_changes(store: StoreUnderTest) -> None:
    # Arrange
    await store.save("orders", _order(1, attribution=Attribution("usr-1", "usr-1", "bot", "1")))
    async with store.uow() as uow:
        order = await uow.orders.get("ord-001")
        assert order is not None
        order.deny(("MAX_QTY",))
        await uow.commit()

    # Act
    loaded = await _get(store, "ord-001")

    # Assert
    assert loaded.deny_reasons == ("MAX_QTY",)
    assert loaded.attribution == Attribution("usr-1", "usr-1", "bot", "1")


async def test_a_period_is_read_oldest_first_in_pages_within_its_bounds(
    store: StoreUnderTest,
) -> None:
    # Arrange: seconds 1..6, two accounts; one order without a time
    orders = [_order(n, "acc-1" if n % 2 else "acc-2") for n in range(1, 7)]
    await store.save("orders", *orders, _order(9, created_at=None))
    since, until = T0 + timedelta(seconds=2), T0 + timedelta(seconds=6)

    async def page(**kw: object) -> list[str]:
        async with store.uow() as uow:
            found = await uow.orders.in_period(OrderPeriod(since, until, **kw))  # type: ignore[arg-type]
        return [o.id for o in found]

    # Act
    everything = await page()
    first = await page(limit=2)
    cursor = OrderCursor(T0 + timedelta(seconds=3), "ord-003")
    rest = await page(after=cursor)
    one_account = await page(account_ids=("acc-2",))
    none = await page(account_ids=())

    # Assert: from inclusive, to exclusive
    assert everything == ["ord-002", "ord-003", "ord-004", "ord-005"]
    assert first == ["ord-002", "ord-003"]
    assert rest == ["ord-004", "ord-005"]
    assert one_account == ["ord-002", "ord-004"]
    assert none == []


async def test_orders_of_one_instant_page_by_id(store: StoreUnderTest) -> None:
    # Arrange
    same = [_order(n, created_at=T0) for n in (3, 1, 2)]
    await store.save("orders", *same)

    # Act
    async with store.uow() as uow:
        found = await uow.orders.in_period(
            OrderPeriod(T0, T0 + timedelta(seconds=1), after=OrderCursor(T0, "ord-001"))
        )

    # Assert
    assert [o.id for o in found] == ["ord-002", "ord-003"]


async def test_many_audit_entries_append_as_consecutive_links(store: StoreUnderTest) -> None:
    # Arrange
    log = store.adapter(InMemoryAuditLog, SqlAuditLog)
    await log.record(AuditEntry("u-1", "auth.login", "user:u-1", "ok", T0))
    burst = [
        AuditEntry(
            "agent-1", "order.placed", "account:acc-1", "approved", T0 + timedelta(seconds=n),
            {"order_id": f"ord-{n}", "quantity": "1.50", "reasons": [], "algorithm": None},
        )
        for n in range(5)
    ]  # fmt: skip

    # Act
    await log.record_many(burst)
    await log.record(AuditEntry("u-1", "auth.logout", "user:u-1", "ok", T0))
    chain = await log.chain(0, 100)

    # Assert: read back, every link checks
    assert [link.seq for link in chain] == [1, 2, 3, 4, 5, 6, 7]
    assert [link.entry.details.get("order_id") for link in chain[1:6]] == [
        f"ord-{n}" for n in range(5)
    ]
    walker = ChainWalker()
    assert walker.feed(chain) is None and walker.finish() is None
