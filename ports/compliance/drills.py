"""Where the control inventory reads the kill-switch drills on record."""

from __future__ import annotations

from typing import Protocol

from domain.compliance.controls import DrillRecord


class DrillRecords(Protocol):
    """The newest kill-switch drill that reached an account, read-only.

    `latest(owner_id, route)`: the newest drill of the owner's accounts routed to `route` (an
    account's `broker`: `paper`, or its venue connection's id); None when none is on record.
    """

    async def latest(self, owner_id: str, route: str) -> DrillRecord | None: ...
