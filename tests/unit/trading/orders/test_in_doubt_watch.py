"""The in-doubt watch: the store's orders in doubt resolved at start-up, the rest reported once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.memory.bus import InMemoryNotifier
from application.trading.in_doubt_watch import InDoubtWatch
from bootstrap.embedded import Embedded
from domain.identity.users import User
from domain.principals import Role
from domain.trading.orders import OrderStatus
from ports.core.events import Severity
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import fake_clock, stored_in_doubt

GRACE = timedelta(seconds=5)
PAST_GRACE = timedelta(seconds=6)
T0 = datetime(2026, 3, 2, tzinfo=UTC)


async def watch_of(
    e: Embedded, every: timedelta | None = None
) -> tuple[InDoubtWatch, InMemoryNotifier]:
    async with e.uow() as u:
        await u.users.add(User("risk", "risk", "hash", Role.RISK_OFFICER, T0))
        await u.users.add(User("trader", "trader", "hash", Role.TRADER, T0))
        await u.commit()
    notifier = InMemoryNotifier()
    return InDoubtWatch(e.uow, e.orders, e.clock, notifier, GRACE, every), notifier


async def test_orders_left_by_a_dead_process_are_resolved_at_the_first_check(
    e: Embedded,
) -> None:
    # Arrange: one never sent, one sent and resting at the broker
    never = await stored_in_doubt(e, "o-never")
    sent = await stored_in_doubt(e, "o-sent", price="95")
    await e.broker.submit(sent)
    fake_clock(e).advance(PAST_GRACE)
    watch, notifier = await watch_of(e)

    # Act
    snapshot = await watch.check()

    # Assert
    assert snapshot.count == 0
    async with e.uow() as u:
        statuses = {o.id: o.status for o in await u.orders.list(limit=10)}
    assert statuses == {never.id: OrderStatus.NEVER_SENT, sent.id: OrderStatus.ACCEPTED}
    assert notifier.sent == []


async def test_an_order_that_stays_in_doubt_is_reported_and_alerted_once(e: Embedded) -> None:
    # Arrange
    doubtful = await stored_in_doubt(e)
    fake_clock(e).advance(PAST_GRACE)
    e.broker.fail_next(1000, BrokerErrorCode.UNAVAILABLE, methods=["order_by_client_id"])
    watch, notifier = await watch_of(e)

    # Act
    first = await watch.check()
    fake_clock(e).advance(PAST_GRACE)
    second = await watch.check()

    # Assert
    assert [o.order_id for o in first.orders] == [doubtful.id]
    assert second.count == 1
    assert second.checked_at == e.clock.now()
    [alert] = notifier.sent
    assert (alert.recipient, alert.severity, alert.event_type) == (
        "risk",
        Severity.CRITICAL,
        "orders.in_doubt",
    )
    assert doubtful.id in alert.body


async def test_the_store_is_not_looked_at_again_before_the_interval(e: Embedded) -> None:
    # Arrange
    watch, _ = await watch_of(e, every=timedelta(seconds=30))
    first = await watch.check()
    doubtful = await stored_in_doubt(e)
    fake_clock(e).advance(PAST_GRACE)

    # Act
    soon = await watch.check()
    fake_clock(e).advance(timedelta(seconds=30))
    later = await watch.check()

    # Assert
    assert soon is first
    assert later is not first
    async with e.uow() as u:
        order = await u.orders.get(doubtful.id)
    assert order is not None and order.status is OrderStatus.NEVER_SENT
