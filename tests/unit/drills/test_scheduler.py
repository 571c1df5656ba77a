"""The drill job in fast time (application/drills/scheduler.py, bootstrap/drills.py): a drill
runs when its schedule is due and not before, once across two competing workers and across
two processes' leases, a missed stretch is run once; its record has the timings; a failing
venue makes a failed drill that notifies the owner and the risk officers; a target that can no
longer be drilled is a failed drill naming why; the last drill is what other contexts read."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import SystemClock, UuidGenerator
from adapters.memory.leases import InMemoryLeases
from adapters.memory.marketdata import InMemoryMarketData
from application.drills.scheduler import EVENT_TYPE
from bootstrap.brokers import build_paper_broker
from bootstrap.drills import JOB, drill_schedule_lifetime
from bootstrap.job_leases import PREFIX, JobLeases
from domain.connections.kinds import VenueEnvironment
from domain.drills.runs import DrillOutcome
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from tests.unit.drills.world import OWNER, FakeRunner, drill_world

WAIT_S = 5.0  # a bound on how long a test waits for what it expects, not a timing assertion


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


async def test_a_drill_runs_when_due_and_not_before() -> None:
    # Arrange: a drill at 03:00 every day; the clock at Monday 14:30
    world = await drill_world()
    schedule = await world.schedule("0 3 * * *")

    # Act
    world.clock.set(utc(2026, 1, 6, 2, 59, 59))
    before = await world.scheduler.run_due()
    world.clock.set(utc(2026, 1, 6, 3, 0))
    due = await world.scheduler.run_due()
    world.clock.advance(30)
    again = await world.scheduler.run_due()

    # Assert
    assert before == [] and again == []
    assert [r.schedule_id for r in due] == [schedule.id]
    assert due[0].started_at == utc(2026, 1, 6, 3, 0)
    kept = await world.schedules_store.get(schedule.id)
    assert kept is not None and kept.next_run_at == utc(2026, 1, 7, 3, 0)
    assert isinstance(world.runner, FakeRunner) and len(world.runner.asked) == 1


async def test_a_stretch_with_no_process_running_is_made_up_once() -> None:
    # Arrange
    world = await drill_world()
    schedule = await world.schedule("0 3 * * *")

    # Act: three of its times pass unseen
    world.clock.set(utc(2026, 1, 8, 12, 0))
    ran = await world.scheduler.run_due()
    more = await world.scheduler.run_due()

    # Assert
    assert len(ran) == 1 and more == []
    kept = await world.schedules_store.get(schedule.id)
    assert kept is not None and kept.next_run_at == utc(2026, 1, 9, 3, 0)


async def test_an_off_schedule_runs_no_drill() -> None:
    # Arrange
    world = await drill_world()
    await world.schedule("0 3 * * *", enabled=False)

    # Act
    world.clock.set(utc(2026, 1, 9, 12, 0))
    ran = await world.scheduler.run_due()

    # Assert
    assert ran == []


async def test_a_schedule_of_an_owner_no_longer_active_is_turned_off_not_run() -> None:
    # Arrange: the owner deactivated (or erased) after scheduling
    world = await drill_world()
    schedule = await world.schedule("0 3 * * *")
    async with world.uow() as uow:
        user = await uow.users.get(OWNER.id)
        assert user is not None
        user.deactivate()
        await uow.commit()
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    ran = await world.scheduler.run_due()

    # Assert
    assert ran == [] and world.notifier.sent == []
    kept = await world.schedules_store.get(schedule.id)
    assert kept is not None and not kept.enabled and kept.next_run_at is None
    assert ("drill.schedule.change", "owner_inactive") in [
        (e.action, e.outcome) for e in await world.audit.entries()
    ]


async def test_two_workers_racing_for_one_due_drill_run_it_once() -> None:
    # Arrange: two processes' passes over one store, at the same moment
    world = await drill_world()
    await world.schedule("0 3 * * *")
    world.clock.set(utc(2026, 1, 6, 3, 0))
    other = world.another_worker()

    # Act
    first, second = await asyncio.gather(world.scheduler.run_due(), other.run_due())

    # Assert
    assert len(first) + len(second) == 1
    assert isinstance(world.runner, FakeRunner) and len(world.runner.asked) == 1
    assert len((await world.records.page(OWNER)).items) == 1


async def test_only_the_process_holding_the_jobs_lease_runs_drills() -> None:
    # Arrange: two processes, each with the job under its own lease holder, one lease store
    world = await drill_world()
    await world.schedule("0 3 * * *")
    world.clock.set(utc(2026, 1, 6, 3, 0))
    leases = InMemoryLeases()
    first = JobLeases(leases, holder="first", ttl_seconds=3.0, retry_seconds=0.01)
    second = JobLeases(leases, holder="second", ttl_seconds=3.0, retry_seconds=0.01)
    workers = (world.scheduler, world.another_worker())

    # Act
    async with contextlib.AsyncExitStack() as stack:
        for lease, worker in zip((first, second), workers, strict=True):
            lifetime = contextlib.asynccontextmanager(drill_schedule_lifetime)
            await stack.enter_async_context(lifetime(True, 0.01, lambda w=worker: w, lease))
        async with asyncio.timeout(WAIT_S):
            while not world.runs_store._runs:  # noqa: ASYNC110 - the store has no event
                await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # both loops go round several times more
        holders = [j.holdings.report().held for j in (first, second)]

    # Assert
    assert len(world.runs_store._runs) == 1
    assert sorted(len(h) for h in holders) == [0, 1]
    assert [h.name for held in holders for h in held] == [JOB]
    assert await leases.acquire(PREFIX + JOB, "third", 3.0)  # released at shutdown


async def test_the_record_of_a_paper_drill_has_its_timings() -> None:
    # Arrange: the real runner on paper, flattening (the default there)
    world = await drill_world(real_runner=True)
    schedule = await world.schedule("0 3 * * *")
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.PASS, run.reason
    assert (run.schedule_id, run.target.key, run.flatten) == (schedule.id, "paper", True)
    assert run.started_at == run.finished_at == utc(2026, 1, 6, 3, 0)  # the fake clock's
    assert run.time_to_halt_ms is not None and run.time_to_halt_ms >= 0
    (venue,) = run.venues
    assert venue.venue == "paper" and venue.confirmed and venue.still_open == ()
    assert venue.time_to_cancel_ms is not None and venue.time_to_cancel_ms >= run.time_to_halt_ms
    assert venue.time_to_flat_ms is not None and venue.positions_remaining == ()
    assert run.time_to_flat_ms == venue.time_to_flat_ms
    assert run.kill_switch_event_id is not None and run.unconfirmed_venues == ()
    assert world.notifier.sent == []
    entries = await world.audit.entries()
    assert ("drill.run", "pass") in [(e.action, e.outcome) for e in entries]


async def test_a_failing_venue_makes_a_failed_drill_that_alerts_the_owner_and_risk_officers() -> (
    None
):
    # Arrange: a paper broker that acknowledges cancels and keeps the orders
    world = await drill_world(real_runner=True)
    await world.schedule("0 3 * * *", faults="keep_on_cancel", flatten=False)
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.FAIL
    assert "the halt did not hold at paper: 3 orders still open" in run.reason
    assert run.unconfirmed_venues == ("paper",)
    assert len(run.venues[0].still_open) == 3 and run.venues[0].time_to_cancel_ms is None
    sent = {n.recipient: n for n in world.notifier.sent}
    assert set(sent) == {OWNER.id, "risk"}  # the active risk officer; not the inactive one
    assert all(n.event_type == EVENT_TYPE for n in sent.values())
    assert "did not hold at paper" in sent[OWNER.id].body
    assert run.id in sent["risk"].body


async def test_a_flatten_the_venue_refuses_fails_the_drill_naming_what_is_held() -> None:
    # Arrange: a paper broker that refuses every new order during the halt (its closes too)
    world = await drill_world(real_runner=True)
    await world.schedule("0 3 * * *", faults="reject_sends")
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.FAIL
    assert "did not end flat" in run.reason
    assert run.venues[0].positions_remaining == ("drill-paper:DRILL",)
    assert run.venues[0].time_to_flat_ms is None and run.time_to_flat_ms is None


async def test_a_connection_revoked_after_it_was_scheduled_makes_a_failed_drill() -> None:
    # Arrange
    world = await drill_world(real_runner=True)
    sandbox = await world.connection("vc-sandbox")
    await world.schedule("0 3 * * *", target=sandbox, symbol="AAPL", limit_price=Decimal(1))
    connection = await world.connections.get(sandbox)
    assert connection is not None
    await world.connections.save(connection.revoked(world.clock.now()))
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.FAIL
    assert run.reason == (
        "the drill could not run: CONNECTION_REVOKED: connection vc-sandbox is revoked"
    )
    assert run.venues == () and run.time_to_halt_ms is None
    assert {n.recipient for n in world.notifier.sent} == {OWNER.id, "risk"}


async def test_a_connections_drill_halts_its_broker_and_cancels_its_leftovers() -> None:
    # Arrange: the connection's broker here a paper broker of the test's, quoting AAPL at 100
    board = InMemoryMarketData(SystemClock())
    board.set_price("AAPL", Decimal(100))
    venue = build_paper_broker(board, SystemClock(), UuidGenerator())
    venue.seed_account("drill-vc-sandbox", Decimal(1_000_000))
    world = await drill_world(real_runner=True, route={"vc-sandbox": venue})
    sandbox = await world.connection("vc-sandbox", VenueEnvironment.PAPER)
    await world.schedule("0 3 * * *", target=sandbox, symbol="AAPL", limit_price=Decimal(40))
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.PASS, run.reason
    assert run.target.key == "vc-sandbox" and run.flatten is False
    (timing,) = run.venues
    assert timing.venue == "vc-sandbox" and timing.confirmed
    assert timing.time_to_cancel_ms is not None and timing.time_to_flat_ms is None
    assert await venue.open_orders("drill-vc-sandbox") == []


async def test_a_runner_that_raises_makes_a_failed_drill_and_the_job_goes_on() -> None:
    # Arrange
    world = await drill_world()
    await world.schedule("0 3 * * *")

    async def broken(spec: object) -> object:
        raise RuntimeError("boom")

    world.scheduler.runner.run = broken  # type: ignore[method-assign,assignment]
    world.clock.set(utc(2026, 1, 6, 3, 0))

    # Act
    (run,) = await world.scheduler.run_due()

    # Assert
    assert run.outcome is DrillOutcome.FAIL
    assert run.reason == "the drill could not run: RuntimeError"


async def test_the_last_drill_of_an_owner_and_of_an_accounts_route() -> None:
    # Arrange: a paper drill on Tuesday, a failed one on Wednesday
    world = await drill_world()
    await world.schedule("0 3 * * *")
    world.clock.set(utc(2026, 1, 6, 3, 0))
    (tuesday,) = await world.scheduler.run_due()
    assert isinstance(world.runner, FakeRunner)
    world.runner.outcome = DrillOutcome.FAIL
    world.clock.set(utc(2026, 1, 7, 3, 0))
    (wednesday,) = await world.scheduler.run_due()

    # Act
    last = await world.last.last_run(OWNER.id)
    on_paper = await world.last.last_run_for_route(OWNER.id, "paper")
    on_venue = await world.last.last_run_for_route(OWNER.id, "vc-none")
    elsewhere = await world.last.last_run_for_route(OWNER.id, "alpaca")
    nobody = await world.last.last_run("someone-else")

    # Assert
    assert tuesday.passed and last == wednesday and on_paper == wednesday
    assert last is not None and last.outcome is DrillOutcome.FAIL
    assert on_venue is None and elsewhere is None and nobody is None


async def test_records_are_the_owners_alone_and_paged_newest_first() -> None:
    # Arrange
    world = await drill_world()
    await world.schedule("0 3 * * *")
    for day in (6, 7, 8):
        world.clock.set(utc(2026, 1, day, 3, 0))
        await world.scheduler.run_due()

    # Act
    first = await world.records.page(OWNER, limit=2)
    rest = await world.records.page(OWNER, first.next_cursor, limit=2)
    history = await world.records.history(OWNER)

    # Assert
    assert [r.started_at.day for r in first.items] == [8, 7]
    assert [r.started_at.day for r in rest.items] == [6] and rest.next_cursor is None
    assert [r.started_at.day for r in history] == [6, 7, 8]
    with pytest.raises(NotFound):
        await world.records.get(Principal("other", Role.OWNER), first.items[0].id)
    with pytest.raises(Forbidden):
        await world.records.page(Principal("bot", Role.AGENT))
    assert timedelta(0) == first.items[0].finished_at - first.items[0].started_at
