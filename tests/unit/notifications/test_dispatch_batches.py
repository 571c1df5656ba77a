"""The dispatcher works a backlog off in batches: one claim and one mark-sent write per pass
of `batch` deliveries, the WebSocket push inline and remote channels concurrently, a failed
one retried on its own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from adapters.memory.notifications import InMemoryNotificationStore
from application.notifications.dispatch import Dispatcher, RetryPolicy
from ports.notifications.notification_store import Delivery, DeliveryStatus, Page
from ports.notifications.notifications import Channel, DeliveryFailed
from tests.unit.notifications.world import T0, Recorder, World


class CountingStore(InMemoryNotificationStore):
    """The in-memory store, counting the dispatcher's writes."""

    def __init__(self) -> None:
        super().__init__()
        self.claims = 0
        self.sent_writes = 0

    async def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        self.claims += 1
        return await super().claim(now, lease_until, limit)

    async def mark_sent(self, delivery_ids: Sequence[str], at: datetime) -> None:
        self.sent_writes += 1
        await super().mark_sent(delivery_ids, at)


def _backlog(count: int, channel: Channel) -> list[Delivery]:
    return [
        Delivery(
            id=f"{channel.value}-{i:05}",
            user_id="u1",
            event_type="order.denied",
            priority="normal",
            channel=channel.value,
            title="Order denied",
            body="",
            created_at=T0,
            next_attempt_at=T0,
            source_id=f"ev-{i}",
        )
        for i in range(count)
    ]


async def test_a_backlog_goes_out_in_passes_of_a_batch_each_one_claim_and_one_write() -> None:
    # Arrange
    world, store = World(), CountingStore()
    websocket, email = Recorder(Channel.WEBSOCKET), Recorder(Channel.EMAIL)
    dispatcher = Dispatcher(
        store, world.center, [websocket, email], world.directory, world.clock,
        RetryPolicy(batch=500),
    )  # fmt: skip
    await world.user("u1", email="u1@example.org")
    await store.add_deliveries(_backlog(1000, Channel.WEBSOCKET) + _backlog(200, Channel.EMAIL))
    # Act
    passes = []
    while tried := await dispatcher.run_once():
        passes.append(tried)
    # Assert
    assert passes == [500, 500, 200]
    assert (store.claims, store.sent_writes) == (4, 3)  # the last claim found nothing
    assert (len(websocket.sent), len(email.sent)) == (1000, 200)
    assert not await store.deliveries(Page(None, status=DeliveryStatus.PENDING, limit=10))


async def test_a_failed_send_in_a_batch_is_retried_alone_and_the_others_are_sent() -> None:
    # Arrange
    world = World()
    await world.user("u1", email="u1@example.org")
    world.email.fail = DeliveryFailed("smtp answered 451", retryable=True)
    await world.store.add_deliveries(_backlog(3, Channel.WEBSOCKET) + _backlog(1, Channel.EMAIL))
    # Act
    await world.dispatcher.run_once()
    # Assert
    sent = await world.store.deliveries(Page(None, status=DeliveryStatus.SENT))
    pending = await world.store.deliveries(Page(None, status=DeliveryStatus.PENDING))
    assert sorted(d.id for d in sent) == [f"websocket-{i:05}" for i in range(3)]
    assert [(d.id, d.attempts, d.last_error) for d in pending] == [
        ("email-00000", 1, "smtp answered 451")
    ]
