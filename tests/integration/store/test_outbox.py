"""The transactional outbox: events committed with their state change, relayed in order, at
least once — a crash between commit and publish loses nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from adapters.memory.bus import InProcessEventBus
from adapters.postgres.engine import make_engine
from adapters.postgres.outbox import OutboxRelay, PublishFailed, RelayingPublisher
from adapters.postgres.tables.outbox import outbox
from domain.killswitch.switch import EmergencyHalt
from domain.trading.orders import Order, OrderDenied
from tests.integration.store.conftest import StoreUnderTest, unsent_in_outbox
from tests.integration.store.outbox_orders import RecordingPublisher, buy_order

pytestmark = pytest.mark.usefixtures("sql_only")


async def _deny(store: StoreUnderTest, order: Order, reason: str = "MAX_QTY") -> None:
    async with store.uow() as uow:
        await uow.orders.add(order)
        order.deny((reason,))
        assert uow.collect_events() == []  # handed to the outbox, not to the caller
        await uow.commit()


async def test_events_are_written_with_the_commit_and_published_once_by_the_relay(
    store: StoreUnderTest,
) -> None:
    # Arrange
    bus = InProcessEventBus()
    relay = OutboxRelay(store.engine, bus)

    # Act
    await _deny(store, buy_order(1))
    before = list(bus.published)
    first = await relay.drain()
    second = await relay.drain()

    # Assert
    assert before == []
    assert bus.published == [OrderDenied("ord-1", "acc-1", ("MAX_QTY",))]
    assert (first, second) == (1, 0)
    assert await unsent_in_outbox(store) == 0


async def test_nothing_reaches_the_outbox_without_commit(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        order = buy_order(1)
        await uow.orders.add(order)
        order.deny(("X",))

    assert await unsent_in_outbox(store) == 0


async def test_a_crash_between_commit_and_publish_loses_nothing(store: StoreUnderTest) -> None:
    # Arrange: the process commits, then dies before its relay runs
    await _deny(store, buy_order(1))
    await store.engine.dispose()

    # Act: a new process (new engine, new relay) starts on the same database
    engine = make_engine(str(store.engine.url.render_as_string(hide_password=False)))
    bus = InProcessEventBus()
    try:
        published = await OutboxRelay(engine, bus).drain()
    finally:
        await engine.dispose()

    # Assert
    assert published == 1
    assert bus.published == [OrderDenied("ord-1", "acc-1", ("MAX_QTY",))]


async def test_a_failing_publisher_leaves_the_events_for_the_next_attempt_in_order(
    store: StoreUnderTest,
) -> None:
    # Arrange
    publisher = RecordingPublisher(fail=True)
    relay = OutboxRelay(store.engine, publisher)
    for n in range(1, 4):
        await _deny(store, buy_order(n), reason=f"R{n}")

    # Act
    with pytest.raises(PublishFailed):
        await relay.drain()
    still_pending = await unsent_in_outbox(store)
    publisher.fail = False
    await relay.drain()

    # Assert
    assert still_pending == 3
    assert [e.reasons for e in publisher.published] == [("R1",), ("R2",), ("R3",)]  # type: ignore[attr-defined]
    async with store.engine.connect() as conn:
        attempts = (await conn.execute(select(outbox.c.attempts))).scalars().all()
    assert attempts == [1, 1, 1]


async def test_events_of_one_aggregate_keep_commit_order_across_batches(
    store: StoreUnderTest,
) -> None:
    # Arrange
    bus = InProcessEventBus()
    relay = OutboxRelay(store.engine, bus, batch_size=2)
    for n in range(1, 6):
        await _deny(store, buy_order(n), reason=f"R{n}")

    # Act
    published = await relay.drain()

    # Assert
    assert published == 5
    assert [e.order_id for e in bus.published] == [f"ord-{n}" for n in range(1, 6)]  # type: ignore[attr-defined]


async def test_an_undecodable_row_is_set_aside_with_the_reason_and_the_rest_flow(
    store: StoreUnderTest,
) -> None:
    # Arrange: a row of a type this build does not know (written by a newer version)
    from datetime import UTC, datetime

    async with store.engine.begin() as conn:
        await conn.execute(
            insert(outbox).values(
                event_id="e-unknown",
                aggregate_id="acc-1",
                event_type="SomethingNew",
                payload={"x": 1},
                created_at=datetime.now(UTC),
                attempts=0,
            )
        )
    await _deny(store, buy_order(1))
    bus = InProcessEventBus()

    # Act
    await OutboxRelay(store.engine, bus).drain()

    # Assert
    assert [e.name for e in bus.published] == ["OrderDenied"]
    async with store.engine.connect() as conn:
        row = (await conn.execute(select(outbox).where(outbox.c.event_id == "e-unknown"))).one()
    assert row.failed_at is not None
    assert "SomethingNew" in row.last_error


async def test_the_use_case_publisher_sends_direct_events_then_drains_the_outbox(
    store: StoreUnderTest,
) -> None:
    # Arrange
    bus = InProcessEventBus()
    publisher = RelayingPublisher(bus, OutboxRelay(store.engine, bus))
    await _deny(store, buy_order(1))
    halt = EmergencyHalt("account:acc-1", "manual", "u-1", "test")

    # Act
    await publisher.publish([halt])
    at_return = list(bus.published)
    await publisher.idle()

    # Assert: the halt at once (it was built outside an aggregate), then the committed events,
    # which the use case did not wait for
    assert at_return[0] == halt
    assert bus.published == [halt, OrderDenied("ord-1", "acc-1", ("MAX_QTY",))]


async def test_every_event_type_round_trips_through_the_outbox_codec() -> None:
    from datetime import UTC, datetime, timedelta

    from adapters.eventcodec import EventCodec
    from domain.succession.events import SuccessionReminderDue

    codec = EventCodec()
    event = SuccessionReminderDue(
        "owner-1",
        datetime(2026, 1, 1, tzinfo=UTC),
        timedelta(days=3),
        datetime(2026, 1, 4, tzinfo=UTC),
    )

    assert codec.decode(event.name, codec.encode(event)) == event
    assert len(codec.types) >= 20
