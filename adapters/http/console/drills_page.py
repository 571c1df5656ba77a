"""`/console/drills`: the signed-in owner's scheduled kill-switch drills: their schedules (the
cron, the target, the next run), the history of their drills as a table (pass or fail and why,
the venues not confirmed) and as a chart of the time to halt, to confirmed cancel and to flat
over time (uPlot, as the other pages draw theirs); one drill's page with each venue's timings.

The same use cases as /api/v1/drills (application/drills): only the caller's own schedules and
drills; another's drill answers the console's 404 page, as an unknown one. Schedules are set
through the API or `bulwark drill schedule` (docs/kill-switch.md#scheduled-drills).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from litestar import Request, get
from litestar.params import FromPath
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from domain.drills.runs import DrillRun

DRILLS = "/console/drills"
HALT, CANCEL, FLAT = "Time to halt (ms)", "Time to confirmed cancel (ms)", "Time to flat (ms)"


def _bundle(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "drills", "drills are not served here")


def timings_chart(runs: Sequence[DrillRun]) -> dict[str, Any] | None:
    """Each drill's time to halt, to confirmed cancel and to flat (ms after the command; a gap
    where a venue never got there), oldest first; None without a drill."""
    if not runs:
        return None
    return {
        "x": [int(r.started_at.timestamp()) for r in runs],
        "series": {
            HALT: [r.time_to_halt_ms for r in runs],
            CANCEL: [r.time_to_cancel_ms for r in runs],
            FLAT: [r.time_to_flat_ms for r in runs],
        },
    }


class DrillsPageController(ConsolePage):
    """`/console/drills` and `/console/drills/{id}`"""

    path = "/drills"

    @get("/")
    async def drills(self, request: Request[Any, Any, Any]) -> Template:
        bundle = _bundle(request)
        principal = caller_of(request).principal
        schedules = await bundle.schedules.list(principal)
        history = await bundle.records.history(principal)
        return page(
            request,
            "drills.html",
            title="Kill-switch drills",
            context={
                "schedules": schedules,
                "upcoming": {s.id: bundle.schedules.upcoming(s, 1) for s in schedules},
                "runs": list(reversed(history)),
                "chart": timings_chart(history),
            },
        )

    @get("/{run_id:str}")
    async def drill(self, request: Request[Any, Any, Any], run_id: FromPath[str]) -> Template:
        run = await _bundle(request).records.get(caller_of(request).principal, run_id)
        return page(request, "drill.html", title=f"Drill {run.id}", context={"run": run})
