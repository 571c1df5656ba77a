"""Reading drill records: an owner's page of them, one by id, the history the console charts,
and the last drill of an owner or of one target (ports/drills/last_drill.py LastDrills, the
read other contexts use).

Only the owner reads their records: another's id answers NotFound, as an unknown one; an agent
is Forbidden. A risk officer hears of every failed drill (`drill.failed`) but reads only their
own records here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.drills.runs import DrillRun
from domain.drills.schedule import DrillTarget
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from ports.drills.store import DrillRunPage, DrillRunStore

MAX_PAGE = 200
HISTORY = 100  # the runs the console's chart draws, the newest


@dataclass(frozen=True, slots=True)
class RunPage:
    """A page of records, newest first, and the cursor of the next (None: the last page)."""

    items: Sequence[DrillRun]
    next_cursor: str | None


@dataclass(eq=False)
class DrillRecords:
    """The owner's drill records (module docstring)."""

    runs: DrillRunStore

    async def page(
        self, principal: Principal, cursor: str | None = None, limit: int = 50
    ) -> RunPage:
        _may_read(principal)
        size = max(1, min(limit, MAX_PAGE))
        found = list(await self.runs.page(DrillRunPage(principal.id, size, cursor)))
        return RunPage(found, found[-1].id if len(found) == size else None)

    async def get(self, principal: Principal, run_id: str) -> DrillRun:
        _may_read(principal)
        found = await self.runs.get(run_id)
        if found is None or found.owner_id != principal.id:
            raise NotFound(f"drill run {run_id} not found")
        return found

    async def history(self, principal: Principal, count: int = HISTORY) -> list[DrillRun]:
        """The owner's newest `count` records, oldest first (a chart's order)."""
        _may_read(principal)
        found = await self.runs.page(DrillRunPage(principal.id, max(1, min(count, MAX_PAGE))))
        return list(reversed(found))


@dataclass(eq=False)
class LastDrillReader:
    """LastDrills (ports/drills/last_drill.py) over the drill records."""

    runs: DrillRunStore

    async def last_run(self, owner_id: str) -> DrillRun | None:
        return await self.runs.latest(owner_id)

    async def last_run_for_route(self, owner_id: str, route: str) -> DrillRun | None:
        target = DrillTarget.of_route(route)
        if target is None:
            return None
        return await self.runs.latest(owner_id, target.key)


def _may_read(principal: Principal) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("an agent has no drill records: a drill is a person's")
