"""Scheduled kill-switch drills: the job that runs the owners' schedules, and their bounds."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Section


class DrillSettings(Section, frozen=True, kw_only=True):
    """BULWARK_DRILL_*: docs/kill-switch.md (scheduled drills)."""

    env_prefix: ClassVar[str] = "drill_"

    # Run the owners' drill schedules in this deployment (the leased job: one process of the
    # deployment at a time); false keeps the schedules and runs none of them here.
    scheduler: bool = True
    # How often the job looks for schedules whose time has come (a drill starts at most this
    # long after its cron's time).
    check_seconds: Seconds = 30.0
    # A schedule's cron may not fire more often than this (each drill rests orders at its
    # venue; a sandbox is not a load test).
    min_interval_minutes: Annotated[int, msgspec.Meta(ge=1, le=10_080)] = 60
    # Schedules an owner may keep.
    max_schedules: Annotated[int, msgspec.Meta(ge=1, le=1_000)] = 10
