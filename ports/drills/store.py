"""Where drill schedules and drill records are kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.drills.runs import DrillRun
from domain.drills.schedule import DrillSchedule


class DrillScheduleStore(Protocol):
    """Drill schedules by id and by owner.

    - `add` keeps a new schedule (ValueError for an id already kept).
    - `save` replaces a kept schedule only while its stored `version` is `expected_version`,
      and answers whether it did: a writer that read an older version (the job took a run
      meanwhile, another request changed it) loses, nothing is overwritten.
    - `claim(id, version, next_run_at)` takes a due run for the caller: it moves the schedule's
      next run to `next_run_at` and its version on by one, only while the schedule is on and
      its stored version is `version`; True for exactly one of any callers that race for it.
    - `due(now, limit)` lists the schedules on whose next run is at or before `now`, the most
      overdue first.
    """

    async def add(self, schedule: DrillSchedule) -> None: ...

    async def get(self, schedule_id: str) -> DrillSchedule | None: ...

    async def owned_by(self, owner_id: str) -> Sequence[DrillSchedule]:
        """The owner's schedules, oldest first."""
        ...

    async def save(self, schedule: DrillSchedule, expected_version: int) -> bool: ...

    async def remove(self, schedule_id: str) -> bool:
        """Deletes the schedule (its runs stay); whether one was there."""
        ...

    async def claim(self, schedule_id: str, version: int, next_run_at: datetime) -> bool: ...

    async def due(self, now: datetime, limit: int) -> Sequence[DrillSchedule]: ...


@dataclass(frozen=True, slots=True)
class DrillRunPage:
    """A page of one owner's drill records, newest first; `after` continues after that id."""

    owner_id: str
    limit: int = 50
    after: str | None = None


class DrillRunStore(Protocol):
    """Drill records, kept for good (a schedule's deletion leaves its runs).

    `add` keeps a new record (ValueError for an id already kept); `get` reads one by id;
    `page` lists an owner's newest first (an unknown `after` gives an empty page); `latest`
    is the owner's newest record, of one target (its key: `paper` or a connection's id) when
    given. Records of the same start are ordered by id.
    """

    async def add(self, run: DrillRun) -> None: ...

    async def get(self, run_id: str) -> DrillRun | None: ...

    async def page(self, page: DrillRunPage) -> Sequence[DrillRun]: ...

    async def latest(self, owner_id: str, target_key: str | None = None) -> DrillRun | None: ...
