"""A detector run over domain events: old events still decode, checkpoints resume exactly, the
partition merge is order-independent, and the policy's actions are done at least once."""

from __future__ import annotations

import random
from decimal import Decimal
from functools import cache

from adapters.eventcodec import EventCodec
from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.memory.surveillance import InMemorySurveillanceStore
from application.surveillance.actions import SurveillanceActions
from application.surveillance.alerts import SurveillanceRun
from application.surveillance.feed import event_time_us
from application.surveillance.merge import PartitionMerge
from benchmarks.surveillance_events import as_domain
from benchmarks.surveillance_scenarios import mixed_day
from domain.events import DomainEvent
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.surveillance.cases import AlertAction, SurveillancePolicy
from domain.surveillance.detections import AlertSeverity, from_us
from domain.surveillance.rules import SurveillanceRules
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import OrderAccepted, OrderCanceled, Side
from ports.surveillance.surveillance import AlertQuery
from tests.unit.surveillance.cases import alert

CODEC = EventCodec()
EVERY = AlertQuery(limit=10_000)


@cache
def domain_day() -> tuple[DomainEvent, ...]:
    """A mixed day's events, through the event codec and back (as the events topic has them)."""
    return tuple(CODEC.decode(e.name, CODEC.encode(e)) for e in as_domain(mixed_day(3).events))


class Halter:
    """A kill switch stand-in that records triggers (or fails them)."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.triggered: list[str] = []

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent:
        if self.fail:
            raise RuntimeError("broker down")
        self.triggered.append(scope.key)
        return KillSwitchEvent(
            id=f"ks-{len(self.triggered)}", user_id="system", trigger_type=trigger, scope=scope,
            reason=reason, flatten=False, orders_cancelled=0, broker_confirmed=True,
            brokers=(), triggered_at=from_us(0), halted_at=from_us(0), broadcast_at=from_us(0),
            cancel_sent_at=None, confirmed_at=from_us(0), elapsed_ms=1.0,
        )  # fmt: skip


def make_run(
    store: InMemorySurveillanceStore,
    halter: Halter | None = None,
    policy: SurveillancePolicy = SurveillancePolicy.PAUSE,
) -> tuple[SurveillanceRun, SurveillanceActions, InMemoryAuditLog]:
    clock = FakeClock()
    audit = InMemoryAuditLog()
    actions = SurveillanceActions(store, unit_of_work_factory(InMemoryStore()), halter or Halter(),
                                  audit, InMemoryNotifier(), clock, policy)  # fmt: skip
    return SurveillanceRun("test", SurveillanceRules(), store, actions, clock), actions, audit


def test_an_event_written_before_the_surveillance_fields_still_decodes_and_is_skipped() -> None:
    # Arrange: the documents an older process wrote
    old_accept = {"order_id": "o1", "account_id": "a1", "broker_order_id": "b1"}
    old_cancel = {"order_id": "o1", "account_id": "a1"}
    fill = Fill("f1", "o1", "a1", "AAA", Side.BUY, Decimal(5), Decimal(100), from_us(10**15))
    old_fill = CODEC.encode(FillBooked("a1", fill))
    del old_fill["owner_id"], old_fill["order_id"]

    # Act
    accepted = CODEC.decode("OrderAccepted", old_accept)
    canceled = CODEC.decode("OrderCanceled", old_cancel)
    filled = CODEC.decode("FillBooked", old_fill)
    run, _, _ = make_run(InMemorySurveillanceStore())
    used = [run.feed(e, 1, None) or run.engine.events for e in (accepted, canceled, filled)]

    # Assert
    assert isinstance(accepted, OrderAccepted) and accepted.symbol == "" and accepted.at is None
    assert isinstance(canceled, OrderCanceled) and canceled.requested
    assert event_time_us(accepted) is None
    assert used == [0, 1, 2]  # the terms-less acceptance is not fed; the others are


async def test_a_run_restarted_from_its_checkpoints_finds_what_an_uninterrupted_run_finds() -> None:
    # Arrange
    events = domain_day()
    whole_store = InMemorySurveillanceStore()
    whole, _, _ = make_run(whole_store)
    await whole.start()
    for n, event in enumerate(events):
        whole.feed(event, 0, ("t:0", n))
    await whole.commit(force=True)
    expected = sorted(a.id for a in await whole_store.find(EVERY))

    store = InMemorySurveillanceStore()
    run, _, _ = make_run(store)
    offsets = await run.start()

    # Act: stop at three points, restart each time from the stored checkpoint
    for stop in (len(events) // 4, len(events) // 2, 3 * len(events) // 4, len(events)):
        position = offsets.get("t:0", 0)
        for n in range(position, stop):
            if run.feed(events[n], 0, ("t:0", n)):
                await run.commit()
        await run.commit(force=True)
        run, _, _ = make_run(store)
        offsets = await run.start()

    # Assert
    assert sorted(a.id for a in await store.find(EVERY)) == expected
    assert len(expected) >= 6 and offsets["t:0"] == len(events)


def test_the_merge_gives_one_order_whatever_order_partitions_arrive_in() -> None:
    # Arrange: three partitions of time-stamped records, fetched in random interleavings
    rng = random.Random(5)
    partitions = {f"p{p}": sorted(rng.sample(range(1000), 50)) for p in range(3)}

    def merged(seed: int) -> list[tuple[str, int]]:
        merge, out = PartitionMerge(), []
        pending = {p: list(enumerate(ts)) for p, ts in partitions.items()}
        fetch = random.Random(seed)
        while any(pending.values()):
            name = fetch.choice([p for p in pending if pending[p]])
            take = fetch.randint(1, 7)
            for offset, at in pending[name][:take]:
                merge.add(name, offset, at, None)
            del pending[name][:take]
            released = merge.release(partitions, lambda p: not pending[p])
            out += [(p, offset) for p, offset, _, _ in released]
        return out

    # Act / Assert
    assert merged(1) == merged(2) == merged(3)


async def test_an_alert_without_an_agent_warns_and_a_medium_one_does_nothing() -> None:
    # Arrange
    store = InMemorySurveillanceStore()
    halter = Halter()
    _, actions, audit = make_run(store, halter)
    person, medium = alert(0, agents=()), alert(1, severity=AlertSeverity.MEDIUM)
    await store.record([person, medium], None)

    # Act
    await actions.handle([person, medium])

    # Assert
    assert (await store.get(person.id)).action is AlertAction.WARNED  # type: ignore[union-attr]
    assert (await store.get(medium.id)).action is AlertAction.NONE  # type: ignore[union-attr]
    assert halter.triggered == []
    assert [(e.action, e.outcome) for e in await audit.entries()] == [
        ("surveillance.warn", "warned")
    ]


async def test_a_pause_that_failed_is_done_again_at_the_next_start() -> None:
    # Arrange: the first run's kill switch fails
    store = InMemorySurveillanceStore()
    _, actions, audit = make_run(store, Halter(fail=True))
    case = alert(0)
    await store.record([case], None)
    await actions.handle([case])
    failed = await store.get(case.id)

    # Act: a later start does again what is pending or failed
    assert failed is not None and failed.action is AlertAction.FAILED
    halter = Halter()
    later, _, _ = make_run(store, halter)
    await later.start()

    # Assert
    assert halter.triggered == ["agent:agent-1"]
    assert (await store.get(case.id)).action is AlertAction.PAUSED  # type: ignore[union-attr]
    assert ("surveillance.pause", "failed") in [
        (e.action, e.outcome) for e in await audit.entries()
    ]


async def test_a_replayed_alert_is_not_stored_or_acted_on_twice() -> None:
    # Arrange
    store = InMemorySurveillanceStore()
    halter = Halter()
    run, _, _ = make_run(store, halter)
    run.engine.detections.append(alert(0).detection)
    await run.commit()

    # Act: the same detection again (a replay after a restart)
    run.engine.detections.append(alert(0).detection)
    fresh = await run.commit()

    # Assert
    assert fresh == []
    assert halter.triggered == ["agent:agent-1"]
    assert len(store.alerts) == 1


async def test_the_in_process_queue_takes_only_order_events_and_drops_past_its_capacity() -> None:
    # Arrange
    from application.surveillance.live import LiveSurveillance
    from domain.trading.orders import OrderDenied

    run, _, _ = make_run(InMemorySurveillanceStore())
    live = LiveSurveillance(run, FakeClock(), capacity=3)
    events = list(domain_day()[:5])

    # Act
    await live.on_event(OrderDenied("o-x", "a-x", ("MAX_ORDER_QUANTITY",)))
    for event in events:
        await live.on_event(event)
    await live.drain()

    # Assert
    assert (live.processed, live.dropped) == (3, 2)
    assert run.engine.events == 3
