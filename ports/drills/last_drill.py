"""The last drill of an owner, or of one of its targets: the read other contexts use (a
compliance inventory, a status page) without knowing how drills are run or kept."""

from __future__ import annotations

from typing import Protocol

from domain.drills.runs import DrillRun


class LastDrills(Protocol):
    """The newest drill record of an owner.

    - `last_run(owner_id)`: the owner's newest drill, whatever its target; None when none ran.
    - `last_run_for_route(owner_id, route)`: the newest drill of the target an account routed to
      `route` trades through (an account's `broker`: `paper`, or its connection's id); None when
      none ran there, or no drill reaches that route.

    A record says when it ran (`started_at`, `finished_at`), its `outcome` (pass or fail) and
    `reason`, and its timings (`time_to_halt_ms`, each venue's `time_to_cancel_ms` and
    `time_to_flat_ms`, `unconfirmed_venues`).
    """

    async def last_run(self, owner_id: str) -> DrillRun | None: ...

    async def last_run_for_route(self, owner_id: str, route: str) -> DrillRun | None: ...
