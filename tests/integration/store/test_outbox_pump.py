"""Committed events published from memory right after COMMIT: at once, in order, marked sent;
the relay only for what a crash or a failed publish left, and that first."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.memory.bus import InProcessEventBus
from adapters.postgres.engine import make_engine
from adapters.postgres.outbox import OutboxRelay, RelayingPublisher
from adapters.postgres.outbox_pump import CommittedEventPump, PumpOnLoop, attach_pump
from adapters.postgres.uow import unit_of_work_factory
from domain.events import DomainEvent
from domain.trading.orders import OrderDenied
from tests.integration.store.conftest import StoreUnderTest, unsent_in_outbox
from tests.integration.store.outbox_orders import RecordingPublisher, deny

pytestmark = pytest.mark.usefixtures("sql_only")


class CountingRelay(OutboxRelay):
    """An OutboxRelay that counts how many times it read the outbox."""

    reads = 0

    async def _drain_batch(self, cutoff: object = None) -> int:
        self.reads += 1
        return await super()._drain_batch(cutoff)  # type: ignore[arg-type]


def _reasons(events: list[DomainEvent]) -> list[tuple[str, ...]]:
    return [e.reasons for e in events if isinstance(e, OrderDenied)]


async def _publishing_from_memory(
    store: StoreUnderTest, target: RecordingPublisher
) -> tuple[RelayingPublisher, CountingRelay]:
    relay = CountingRelay(store.engine, target)
    publisher = RelayingPublisher(InProcessEventBus(), relay, from_memory=True)
    await relay.drain()  # caught up: what was left before this process is sent first
    return publisher, relay


async def test_committed_events_are_published_from_memory_and_marked_sent(
    store: StoreUnderTest,
) -> None:
    # Arrange
    target = RecordingPublisher()
    publisher, relay = await _publishing_from_memory(store, target)
    reads_before = relay.reads

    # Act
    for n in range(1, 4):
        await deny(store.uow, n, f"R{n}")
    await publisher.idle()

    # Assert: in commit order, none read back from the outbox, every row marked sent
    assert _reasons(target.published) == [("R1",), ("R2",), ("R3",)]
    assert relay.reads == reads_before
    assert await unsent_in_outbox(store) == 0
    assert publisher.pump is not None and publisher.pump.published == 3


def _deny_on_another_loop(
    store: StoreUnderTest, n: int, home: asyncio.AbstractEventLoop, pump: CommittedEventPump
) -> None:
    """A commit on an engine of its own, on another thread's loop (the kill switch's lane),
    handed over to `pump` on `home`."""

    async def run() -> None:
        engine = make_engine(store.engine.url.render_as_string(hide_password=False))
        attach_pump(engine, PumpOnLoop(home, pump))
        try:
            await deny(unit_of_work_factory(engine), n, f"R{n}")
        finally:
            await engine.dispose()

    asyncio.run(run())


async def test_commits_on_another_loops_engine_are_published_at_once_in_commit_order(
    store: StoreUnderTest,
) -> None:
    # Arrange
    target = RecordingPublisher()
    publisher, relay = await _publishing_from_memory(store, target)
    assert publisher.pump is not None
    reads_before = relay.reads

    # Act: the second commit made on another thread's loop and engine, between two of ours
    await deny(store.uow, 1, "R1")
    await asyncio.to_thread(
        _deny_on_another_loop, store, 2, asyncio.get_running_loop(), publisher.pump
    )
    await deny(store.uow, 3, "R3")
    await publisher.idle()

    # Assert: in commit order, from memory (no read of the outbox, no wait for the sweep)
    assert _reasons(target.published) == [("R1",), ("R2",), ("R3",)]
    assert relay.reads == reads_before
    assert await unsent_in_outbox(store) == 0
    delays = list(publisher.pump.delays)
    assert [names for _, names in delays] == [("OrderDenied",)] * 3
    assert all(0 <= delay < 1.0 for delay, _ in delays)


async def test_rows_left_by_a_crash_are_sent_first_then_the_new_ones(
    store: StoreUnderTest,
) -> None:
    # Arrange: a process committed and died before publishing (no pump: nothing published)
    await deny(store.uow, 1, "R1")
    await deny(store.uow, 2, "R2")
    target = RecordingPublisher()
    relay = OutboxRelay(store.engine, target)
    publisher = RelayingPublisher(InProcessEventBus(), relay, from_memory=True)

    # Act: the new process commits before its relay's first drain
    await deny(store.uow, 3, "R3")
    await publisher.idle()

    # Assert: the leftovers first, in id order, then the new commit, each once
    assert _reasons(target.published) == [("R1",), ("R2",), ("R3",)]
    assert await unsent_in_outbox(store) == 0


async def test_a_failed_publish_leaves_the_rows_to_a_drain_that_keeps_the_order(
    store: StoreUnderTest,
) -> None:
    # Arrange
    target = RecordingPublisher()
    publisher, _ = await _publishing_from_memory(store, target)
    target.fail = True

    # Act: two commits while the broker is down, then one after it is back
    await deny(store.uow, 1, "R1")
    await deny(store.uow, 2, "R2")
    await publisher.idle()
    unsent_while_down = await unsent_in_outbox(store)
    target.fail = False
    await deny(store.uow, 3, "R3")
    await publisher.idle()

    # Assert
    assert unsent_while_down == 2
    assert _reasons(target.published) == [("R1",), ("R2",), ("R3",)]
    assert await unsent_in_outbox(store) == 0


async def test_the_background_drain_leaves_fresh_rows_to_the_pump_and_takes_old_ones(
    store: StoreUnderTest,
) -> None:
    # Arrange: caught up, then a row left unmarked (its publisher died before the mark)
    target = RecordingPublisher()
    relay = OutboxRelay(store.engine, target)
    await relay.drain()
    await deny(store.uow, 1, "R1")
    relay.leftovers_after = timedelta(hours=1)

    # Act
    fresh = await relay.drain()
    relay.leftovers_after = timedelta(0)
    old = await relay.drain()

    # Assert
    assert (fresh, old) == (0, 1)
    assert _reasons(target.published) == [("R1",)]
