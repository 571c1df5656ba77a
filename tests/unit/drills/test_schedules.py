"""Drill schedules (application/drills/schedules.py): the next run times a cron gives on a
fake clock (a time zone's daylight-saving change included), on and off, the bounds (how often a
cron may fire, how many schedules an owner keeps) and who may see or change a schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.cron import CroniterCalendar
from adapters.memory.clock import SequentialIds
from adapters.memory.drills import InMemoryDrillScheduleStore
from application.drills.schedules import (
    DrillPolicy,
    DrillScheduleService,
    ScheduleChange,
    ScheduleDraft,
)
from domain.connections.kinds import VenueEnvironment
from domain.drills.schedule import (
    DrillSchedule,
    DrillTarget,
    DrillTargetLive,
    DrillTargetRevoked,
    InvalidDrillSchedule,
    TargetKind,
)
from domain.errors import ConcurrentUpdate, Forbidden, NotFound
from domain.principals import Principal, Role
from tests.unit.drills.world import OWNER, T0, drill_world


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_the_cron_gives_its_next_times_in_utc_read_in_its_zone() -> None:
    # Arrange
    cron = CroniterCalendar()
    friday = utc(2026, 1, 9, 14, 30)

    # Act
    weekdays = cron.after("0 3 * * 1-5", "UTC", friday, 3)
    new_york = cron.after("30 6 * * *", "America/New_York", utc(2026, 3, 6, 12), 3)
    daily = cron.after("@daily", "Europe/London", utc(2026, 6, 1, 12), 1)

    # Assert: Monday to Wednesday; 06:30 in New York is 11:30 UTC before the clocks move on
    # Sunday 8 March and 10:30 after; midnight in London in summer is 23:00 UTC
    assert weekdays == [utc(2026, 1, 12, 3), utc(2026, 1, 13, 3), utc(2026, 1, 14, 3)]
    assert new_york == [utc(2026, 3, 7, 11, 30), utc(2026, 3, 8, 10, 30), utc(2026, 3, 9, 10, 30)]
    assert daily == [utc(2026, 6, 1, 23)]


@pytest.mark.parametrize("cron", ["61 * * * *", "0 3 * *", "0 0 * * * *", "@often", "0 0 30 2 *"])
def test_a_cron_the_calendar_cannot_read_is_refused(cron: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidDrillSchedule) as refused:
        CroniterCalendar().check(cron)
    assert refused.value.field == "cron"


async def test_a_new_schedule_runs_next_at_its_crons_next_time() -> None:
    # Arrange
    world = await drill_world()

    # Act
    schedule = await world.schedule("0 3 * * 1-5")

    # Assert: created on Monday 14:30, next on Tuesday 03:00
    assert schedule.next_run_at == utc(2026, 1, 6, 3)
    assert schedule.target == DrillTarget.paper()
    assert (schedule.flatten, schedule.faults, schedule.enabled) == (True, "none", True)
    assert world.schedules.upcoming(schedule, 2) == [utc(2026, 1, 6, 3), utc(2026, 1, 7, 3)]
    assert [e.action for e in await world.audit.entries()] == ["drill.schedule.create"]


async def test_off_it_has_no_next_run_and_on_again_it_counts_from_now() -> None:
    # Arrange
    world = await drill_world()
    schedule = await world.schedule("0 3 * * *")

    # Act
    off = await world.schedules.change(ScheduleChange(OWNER, schedule.id, enabled=False))
    world.clock.advance(timedelta(days=2))  # Wednesday 14:30
    on = await world.schedules.change(ScheduleChange(OWNER, schedule.id, enabled=True))

    # Assert
    assert off.next_run_at is None and world.schedules.upcoming(off) == []
    assert on.next_run_at == utc(2026, 1, 8, 3)
    assert on.version == schedule.version + 2


async def test_a_change_that_leaves_the_timing_keeps_the_next_run() -> None:
    # Arrange
    world = await drill_world()
    schedule = await world.schedule("0 3 * * *")
    world.clock.advance(timedelta(hours=1))

    # Act
    changed = await world.schedules.change(
        ScheduleChange(OWNER, schedule.id, faults="keep_on_cancel", flatten=False)
    )

    # Assert
    assert changed.next_run_at == schedule.next_run_at
    assert (changed.faults, changed.flatten) == ("keep_on_cancel", False)


async def test_a_cron_that_fires_more_often_than_the_floor_is_refused() -> None:
    # Arrange
    world = await drill_world(policy=DrillPolicy(min_interval=timedelta(hours=6)))

    # Act / Assert: four times a day is every 6 hours (allowed); 0 and 1 o'clock an hour apart
    allowed = await world.schedule("0 */6 * * *")
    with pytest.raises(InvalidDrillSchedule, match="1 hour apart") as refused:
        await world.schedule("0 0,1 * * *")
    assert allowed.next_run_at == utc(2026, 1, 5, 18)
    assert refused.value.field == "cron"


async def test_an_owner_keeps_at_most_the_deployments_number_of_schedules() -> None:
    # Arrange
    world = await drill_world(policy=DrillPolicy(max_schedules=2))
    await world.schedule()
    await world.schedule()

    # Act / Assert
    with pytest.raises(InvalidDrillSchedule, match="2 drill schedules"):
        await world.schedule()


async def test_a_venue_drill_needs_its_symbol_and_price_and_takes_no_faults_or_flatten() -> None:
    # Arrange
    world = await drill_world()
    sandbox = await world.connection("vc-sandbox")
    live = await world.connection("vc-live", VenueEnvironment.LIVE)
    venue = {"symbol": "aapl", "limit_price": Decimal("1.5")}

    # Act
    made = await world.schedule(target=sandbox, **venue)
    refusals = []
    for fields in (
        {"target": sandbox},
        {"target": sandbox, "faults": "disconnect", **venue},
        {"target": sandbox, "flatten": True, **venue},
        {"target": "paper", **venue},
    ):
        with pytest.raises(InvalidDrillSchedule) as refused:
            await world.schedule(**fields)
        refusals.append(refused.value.field)
    with pytest.raises(DrillTargetLive):
        await world.schedule(target=live, **venue)
    to_paper = await world.schedules.change(ScheduleChange(OWNER, made.id, target="paper"))

    # Assert
    assert made.target.kind is TargetKind.CONNECTION and made.target.key == "vc-sandbox"
    assert (made.symbol, made.limit_price, made.flatten) == ("AAPL", Decimal("1.5"), False)
    assert refusals == ["symbol", "faults", "flatten", "symbol"]
    assert (to_paper.symbol, to_paper.limit_price, to_paper.flatten) == (None, None, True)


async def test_only_the_owner_sees_a_schedule_an_agent_none_a_viewer_changes_none() -> None:
    # Arrange
    world = await drill_world()
    schedule = await world.schedule()
    other = Principal("other", Role.OWNER)

    # Act / Assert
    with pytest.raises(NotFound):
        await world.schedules.show(other, schedule.id)
    with pytest.raises(NotFound):
        await world.schedules.delete(other, schedule.id)
    with pytest.raises(Forbidden):
        await world.schedules.list(Principal("bot", Role.AGENT))
    with pytest.raises(Forbidden):
        await world.schedules.create(ScheduleDraft(Principal("v", Role.VIEWER), "@daily"))
    assert await world.schedules.list(other) == []
    assert await world.schedules.show(OWNER, schedule.id) == schedule


class RacingStore(InMemoryDrillScheduleStore):
    """A store where the job takes a schedule's run between the service's read and its write."""

    async def save(self, schedule: DrillSchedule, expected_version: int) -> bool:
        current = await self.get(schedule.id)
        assert current is not None
        assert await self.claim(schedule.id, current.version, current.next_run_at or T0)
        return await super().save(schedule, expected_version)


async def test_a_change_made_on_a_stale_copy_loses_to_the_job() -> None:
    # Arrange
    world = await drill_world()
    store = RacingStore()
    service = DrillScheduleService(
        store, world.connections, CroniterCalendar(), world.clock, SequentialIds(), world.audit
    )
    schedule = await service.create(ScheduleDraft(OWNER, "0 3 * * *"))

    # Act / Assert
    with pytest.raises(ConcurrentUpdate):
        await service.change(ScheduleChange(OWNER, schedule.id, enabled=False))
    kept = await store.get(schedule.id)
    assert kept is not None and kept.enabled and kept.version == schedule.version + 1


async def test_a_schedule_whose_connection_was_revoked_can_be_turned_off_not_on() -> None:
    # Arrange
    world = await drill_world()
    sandbox = await world.connection("vc-sandbox")
    made = await world.schedule(target=sandbox, symbol="AAPL", limit_price=Decimal(1))
    connection = await world.connections.get(sandbox)
    assert connection is not None
    await world.connections.save(connection.revoked(world.clock.now()))

    # Act
    off = await world.schedules.change(ScheduleChange(OWNER, made.id, enabled=False))

    # Assert
    assert not off.enabled
    with pytest.raises(DrillTargetRevoked):
        await world.schedules.change(ScheduleChange(OWNER, made.id, enabled=True))
