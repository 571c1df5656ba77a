"""`/api/v1/drills`: an owner's kill-switch drill schedules (`/schedules`) and the records of
their drills (`/runs`). A drill runs the kill switch's drill machinery on the schedule's
target (paper, or a venue connection's paper, sandbox or testnet environment) at the cron's
times, in the one process that holds the job's lease; see docs/kill-switch.md."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.drills import DrillsDep, problems
from adapters.http.drills.schemas import (
    DrillRunOut,
    DrillRunsOut,
    DrillScheduleIn,
    DrillScheduleOut,
    DrillSchedulePatch,
    DrillSchedulesOut,
)
from adapters.http.paging import Cursor
from adapters.http.security import reject_agents
from application.drills.records import MAX_PAGE
from application.drills.schedules import DrillScheduleService
from domain.drills.schedule import DrillSchedule

_OWNER_ONLY = "Yours only: 404 NOT_FOUND for another's, agents 403."
_TARGET_CHECKS = (
    "The target: `paper`, or one of your own connections (another's or an unknown one: 404 "
    "NOT_FOUND), active (409 CONNECTION_REVOKED) and never live (422 DRILL_TARGET_LIVE). 422 "
    "INVALID_DRILL_SCHEDULE names a field that does not fit: a cron that cannot be read or "
    "fires more often than BULWARK_DRILL_MIN_INTERVAL_MINUTES, faults or flatten at a venue, "
    "a venue's drill without its symbol and limit price."
)


def _out(service: DrillScheduleService, schedule: DrillSchedule) -> DrillScheduleOut:
    return DrillScheduleOut.from_domain(schedule, service.upcoming(schedule))


class DrillScheduleController(Controller):
    """Create, list, show, change and delete drill schedules."""

    path = "/drills/schedules"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Schedule a kill-switch drill",
        description=(
            "A drill at each of the cron's times (read in `timezone`): the drill's orders "
            "rested at the target through the pre-trade gate, the kill switch engaged once on "
            "an embedded Bulwark of the drill's own (never the deployment's trading state), "
            "the target asked what it still holds, and the drill recorded (GET /drills/runs). "
            f"A failed drill notifies you and the risk officers (`drill.failed`). {_TARGET_CHECKS}"
        ),
        status_code=201,
        responses=problems(400, 404, 409, 422),
    )
    async def create_drill_schedule(
        self, data: JSONBody[DrillScheduleIn], caller: CallerDep, drills: DrillsDep
    ) -> DrillScheduleOut:
        created = await drills.schedules.create(data.to_command(caller.principal))
        return _out(drills.schedules, created)

    @get("/", summary="Your drill schedules, oldest first")
    async def list_drill_schedules(self, caller: CallerDep, drills: DrillsDep) -> DrillSchedulesOut:
        found = await drills.schedules.list(caller.principal)
        return DrillSchedulesOut(items=[_out(drills.schedules, s) for s in found])

    @get(
        "/{schedule_id:str}",
        summary="One drill schedule, with its next times",
        description=_OWNER_ONLY,
        responses=problems(404),
    )
    async def get_drill_schedule(
        self, schedule_id: FromPath[str], caller: CallerDep, drills: DrillsDep
    ) -> DrillScheduleOut:
        found = await drills.schedules.show(caller.principal, schedule_id)
        return _out(drills.schedules, found)

    @patch(
        "/{schedule_id:str}",
        summary="Change a drill schedule: its cron, target, on/off, ...",
        description=(
            "Fields left out stay as they are. A new cron, time zone or a schedule turned on "
            "takes the cron's next time from now; off, it runs no more until turned on. 409 "
            f"CONCURRENT_UPDATE when a drill of it started meanwhile: read it again. "
            f"{_TARGET_CHECKS} {_OWNER_ONLY}"
        ),
        responses=problems(400, 404, 409, 422),
    )
    async def change_drill_schedule(
        self,
        schedule_id: FromPath[str],
        data: JSONBody[DrillSchedulePatch],
        caller: CallerDep,
        drills: DrillsDep,
    ) -> DrillScheduleOut:
        changed = await drills.schedules.change(data.to_command(caller.principal, schedule_id))
        return _out(drills.schedules, changed)

    @delete(
        "/{schedule_id:str}",
        summary="Delete a drill schedule (its drills' records stay)",
        description=_OWNER_ONLY,
        status_code=204,
        responses=problems(404),
    )
    async def delete_drill_schedule(
        self, schedule_id: FromPath[str], caller: CallerDep, drills: DrillsDep
    ) -> None:
        await drills.schedules.delete(caller.principal, schedule_id)


class DrillRunController(Controller):
    """The records of your drills."""

    path = "/drills/runs"
    guards = (reject_agents,)

    @get(
        "/",
        summary="Your drills, newest first",
        description=(
            "Each drill: when it ran, `outcome` pass or fail with the `reason`, the time to "
            "halt, each venue's time to confirmed cancel and (with flatten) to flat, in ms "
            "after the kill switch's command, and the venues it did not confirm. Pass "
            "`next_cursor` back as `cursor`."
        ),
        responses=problems(400),
    )
    async def list_drill_runs(
        self,
        caller: CallerDep,
        drills: DrillsDep,
        cursor: Cursor = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> DrillRunsOut:
        page = await drills.records.page(caller.principal, cursor, limit)
        return DrillRunsOut.from_page(page)

    @get(
        "/{run_id:str}",
        summary="One drill's record",
        description=_OWNER_ONLY,
        responses=problems(404),
    )
    async def get_drill_run(
        self, run_id: FromPath[str], caller: CallerDep, drills: DrillsDep
    ) -> DrillRunOut:
        return DrillRunOut.from_domain(await drills.records.get(caller.principal, run_id))


CONTROLLERS: list[Any] = [DrillScheduleController, DrillRunController]
