"""The drill stores: one contract on memory, SQLite and PostgreSQL (migration 0053's tables).
Schedules by owner, replaced only from the version read, a due run taken by one claimant; drill
records paged newest first, the last of an owner and of a target."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.drills import InMemoryDrillRunStore, InMemoryDrillScheduleStore
from adapters.postgres.drills import SqlDrillRunStore, SqlDrillScheduleStore
from domain.drills.runs import DrillOutcome, DrillRun, VenueTiming
from domain.drills.schedule import DrillSchedule, DrillTarget
from ports.drills.store import DrillRunPage, DrillRunStore, DrillScheduleStore
from tests.integration.store.conftest import T0, StoreUnderTest

HOUR = timedelta(hours=1)


@pytest.fixture
def schedules(store: StoreUnderTest) -> DrillScheduleStore:
    return store.adapter(InMemoryDrillScheduleStore, SqlDrillScheduleStore)


@pytest.fixture
def runs(store: StoreUnderTest) -> DrillRunStore:
    return store.adapter(InMemoryDrillRunStore, SqlDrillRunStore)


def schedule(schedule_id: str, owner: str = "alice", **fields: Any) -> DrillSchedule:
    values: dict[str, Any] = {
        "cron": "0 3 * * *", "timezone": "UTC", "target": DrillTarget.paper(), "enabled": True,
        "flatten": True, "faults": "none", "created_at": T0, "updated_at": T0,
        "next_run_at": T0 + HOUR,
    }  # fmt: skip
    return DrillSchedule(schedule_id, owner, **(values | fields))


def run(run_id: str, owner: str = "alice", *, at: int = 0, target: str = "paper") -> DrillRun:
    started = T0 + at * HOUR
    drill_target = DrillTarget.of_route(target)
    assert drill_target is not None
    venue = VenueTiming(
        target, False, None, 1.25, ("cl-1", "cl-2"), ("drill:DRILL",), ("BROKER_TIMEOUT",)
    )
    return DrillRun(
        run_id, owner, "ds-1", drill_target, True, "keep_on_cancel,delay_acks=100",
        started, started + timedelta(milliseconds=850), DrillOutcome.FAIL, "it kept 2 orders",
        0.075, (venue,), "ks-9",
    )  # fmt: skip


async def test_a_schedule_round_trips_and_lists_by_owner_oldest_first(
    schedules: DrillScheduleStore,
) -> None:
    # Arrange
    venue = schedule(
        "ds-2", created_at=T0 + HOUR, target=DrillTarget.connection("vc-1"), flatten=False,
        symbol="AAPL", limit_price=Decimal("1.25"), timezone="America/New_York",
    )  # fmt: skip
    first, other = schedule("ds-1"), schedule("ds-3", owner="bob")

    # Act
    for made in (venue, first, other):
        await schedules.add(made)
    with pytest.raises(ValueError, match="exists"):
        await schedules.add(first)

    # Assert
    assert await schedules.get("ds-2") == venue
    assert await schedules.get("ds-9") is None
    assert [s.id for s in await schedules.owned_by("alice")] == ["ds-1", "ds-2"]
    assert await schedules.owned_by("carol") == []


async def test_a_save_from_an_older_version_changes_nothing(
    schedules: DrillScheduleStore,
) -> None:
    # Arrange
    kept = schedule("ds-1")
    await schedules.add(kept)
    changed = schedule("ds-1", enabled=False, next_run_at=None, version=2)

    # Act
    saved = await schedules.save(changed, 1)
    stale = await schedules.save(schedule("ds-1", cron="@hourly", version=3), 1)

    # Assert
    assert saved is True and stale is False
    assert await schedules.get("ds-1") == changed


async def test_a_due_run_is_claimed_once_and_moves_the_next_run(
    schedules: DrillScheduleStore,
) -> None:
    # Arrange: due at T0 + 1 h and T0 + 2 h, one off, one not due yet
    await schedules.add(schedule("ds-1", next_run_at=T0 + 2 * HOUR))
    await schedules.add(schedule("ds-2"))
    await schedules.add(schedule("ds-3", enabled=False, next_run_at=None))
    await schedules.add(schedule("ds-4", next_run_at=T0 + 5 * HOUR))
    now = T0 + 3 * HOUR

    # Act
    due = await schedules.due(now, 10)
    claims = await asyncio.gather(*(schedules.claim("ds-2", 1, T0 + 25 * HOUR) for _ in range(3)))
    after = await schedules.due(now, 10)

    # Assert
    assert [s.id for s in due] == ["ds-2", "ds-1"]
    assert sorted(claims) == [False, False, True]
    claimed = await schedules.get("ds-2")
    assert claimed is not None and claimed.next_run_at == T0 + 25 * HOUR and claimed.version == 2
    assert [s.id for s in after] == ["ds-1"]
    assert await schedules.claim("ds-3", 1, now) is False  # off: nothing to take
    assert [s.id for s in await schedules.due(now, 1)] == ["ds-1"]


async def test_a_removed_schedule_is_gone(schedules: DrillScheduleStore) -> None:
    # Arrange
    await schedules.add(schedule("ds-1"))

    # Act
    removed, again = await schedules.remove("ds-1"), await schedules.remove("ds-1")

    # Assert
    assert (removed, again) == (True, False)
    assert await schedules.get("ds-1") is None


async def test_a_record_round_trips_with_its_venues(runs: DrillRunStore) -> None:
    # Arrange
    made = run("dr-1", target="vc-7")

    # Act
    await runs.add(made)
    with pytest.raises(ValueError, match="exists"):
        await runs.add(made)

    # Assert
    assert await runs.get("dr-1") == made
    assert await runs.get("dr-2") is None


async def test_records_page_newest_first_and_the_last_of_a_target(runs: DrillRunStore) -> None:
    # Arrange
    for made in (
        run("dr-1", at=0),
        run("dr-2", at=1, target="vc-7"),
        run("dr-3", at=2),
        run("dr-4", at=2),  # the same start as dr-3: ordered by id
        run("dr-5", owner="bob", at=3),
    ):
        await runs.add(made)

    # Act
    first = await runs.page(DrillRunPage("alice", 2))
    rest = await runs.page(DrillRunPage("alice", 2, first[-1].id))
    unknown = await runs.page(DrillRunPage("alice", 2, "dr-404"))
    bobs_anchor = await runs.page(DrillRunPage("alice", 2, "dr-5"))

    # Assert
    assert [r.id for r in first] == ["dr-4", "dr-3"]
    assert [r.id for r in rest] == ["dr-2", "dr-1"]
    assert unknown == [] and list(bobs_anchor) == []
    latest = await runs.latest("alice")
    on_venue = await runs.latest("alice", "vc-7")
    assert latest is not None and latest.id == "dr-4"
    assert on_venue is not None and on_venue.id == "dr-2"
    assert await runs.latest("alice", "vc-8") is None
    assert await runs.latest("carol") is None
