"""`bulwark drill schedule ...` and `bulwark drill runs` on a migrated SQLite store: a user's
schedules added, listed, changed and removed; the drills the job ran, listed and read; refusals
one line with their code, exit 3; `bulwark drill kill-switch|venues` stay in-process."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from bootstrap.cli import _parser
from bootstrap.cli_drill import in_process
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from domain.principals import Role
from tests.kit.cli import cli_container, run_cli, sqlite_settings

T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


def test_only_the_stores_verbs_leave_the_process() -> None:
    # Arrange
    parser = _parser()

    # Act
    drills = {
        verb: in_process(parser.parse_args(["drill", *argv]))
        for verb, argv in {
            "kill-switch": ["kill-switch"],
            "venues": ["venues", "--venue", "paper"],
            "schedule": ["schedule", "list", "--as", "ann"],
            "runs": ["runs", "--as", "ann"],
        }.items()
    }

    # Assert
    assert drills == {"kill-switch": True, "venues": True, "schedule": False, "runs": False}


async def test_a_user_schedules_drills_and_reads_what_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    clock = FakeClock(T0)
    async with cli_container(
        sqlite_settings(tmp_path / "b.db"), clock=clock, fast_hashing=True
    ) as container:
        ann = await container.core.auth().create_user("ann", "a long passphrase 1", Role.OWNER)
        await container.connections.store().add(
            VenueConnection(
                "vc-live", ann.id, "live", VenueKind.parse("alpaca"), VenueEnvironment.LIVE, T0
            )
        )

        # Act
        added_code, added = await run_cli(
            container, "drill", "schedule", "add", "--as", "ann", "--cron", "0 3 * * *",
            "--fault", "keep_on_cancel", "--no-flatten",
        )  # fmt: skip
        schedule_id = added.split()[3]
        _, listed = await run_cli(container, "drill", "schedule", "list", "--as", "ann")
        live_code, _ = await run_cli(
            container, "drill", "schedule", "add", "--as", "ann", "--cron", "@daily",
            "--target", "vc-live", "--symbol", "AAPL", "--limit-price", "1",
        )  # fmt: skip
        live_error = capsys.readouterr().err
        clock.set(datetime(2026, 1, 6, 3, 0, tzinfo=UTC))
        (ran,) = await container.drills.scheduler().run_due()
        _, runs = await run_cli(container, "drill", "runs", "--as", "ann")
        _, one = await run_cli(container, "drill", "runs", "--as", "ann", ran.id)
        off_code, off = await run_cli(
            container, "drill", "schedule", "set", "--as", "ann", schedule_id, "--off"
        )
        removed_code, _ = await run_cli(
            container, "drill", "schedule", "remove", "--as", "ann", schedule_id
        )
        gone_code, _ = await run_cli(
            container, "drill", "schedule", "remove", "--as", "ann", schedule_id
        )
        gone_error = capsys.readouterr().err

    # Assert
    assert added_code == 0 and added.startswith("drill schedule: added ds-")
    assert listed.splitlines()[1].split("\t")[1:] == [
        "0 3 * * *", "UTC", "paper", "no", "keep_on_cancel", "on", "2026-01-06T03:00:00+00:00",
    ]  # fmt: skip
    assert live_code == 3 and "DRILL_TARGET_LIVE" in live_error
    header, line = runs.splitlines()
    assert header.startswith("id\tstarted\ttarget\toutcome")
    assert line.split("\t")[:4] == [ran.id, "2026-01-06T03:00:00+00:00", "paper", "fail"]
    assert one.startswith(f"drill {ran.id}: FAIL on paper")
    assert "paper: UNCONFIRMED" in one and "did not hold at paper" in one
    assert off_code == 0 and "\toff\t-" in off
    assert removed_code == 0
    assert gone_code == 3 and "NOT_FOUND" in gone_error
