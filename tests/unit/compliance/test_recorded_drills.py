"""The inventory reads the drills context's records: the newest drill of an account's route, as
passed or failed, and nothing where none ran."""

from __future__ import annotations

from datetime import UTC, datetime

from application.compliance.drills import RecordedDrills
from domain.drills.runs import DrillOutcome, DrillRun
from domain.drills.schedule import DrillTarget

FINISHED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)


class Runs:
    """A LastDrills over one run per (owner, route)."""

    def __init__(self, *runs: DrillRun) -> None:
        self._runs = {(r.owner_id, r.target.key): r for r in runs}

    async def last_run(self, owner_id: str) -> DrillRun | None:
        return next((r for (o, _), r in self._runs.items() if o == owner_id), None)

    async def last_run_for_route(self, owner_id: str, route: str) -> DrillRun | None:
        return self._runs.get((owner_id, route))


def run(outcome: DrillOutcome, reason: str = "") -> DrillRun:
    started = FINISHED.replace(minute=29)
    return DrillRun(
        "dr-1", "u-1", "ds-1", DrillTarget.paper(), True, "", started, FINISHED, outcome, reason
    )


async def test_a_passed_drill_is_the_routes_last_test() -> None:
    # Arrange
    drills = RecordedDrills(Runs(run(DrillOutcome.PASS)))

    # Act
    record = await drills.latest("u-1", "paper")

    # Assert
    assert record is not None
    assert (record.target, record.at, record.passed) == ("paper", FINISHED, True)


async def test_a_failed_drill_keeps_its_reason() -> None:
    # Arrange
    drills = RecordedDrills(Runs(run(DrillOutcome.FAIL, "alpaca never confirmed")))

    # Act
    record = await drills.latest("u-1", "paper")

    # Assert
    assert record is not None
    assert (record.passed, record.detail) == (False, "alpaca never confirmed")


async def test_no_drill_on_a_route_or_of_another_owner_is_none() -> None:
    # Arrange
    drills = RecordedDrills(Runs(run(DrillOutcome.PASS)))

    # Act
    other_route = await drills.latest("u-1", "vc-123")
    other_owner = await drills.latest("u-2", "paper")

    # Assert
    assert (other_route, other_owner) == (None, None)
