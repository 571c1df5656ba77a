"""One account's last reconciliation with its venue: what was compared, when, and what was
done about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.reconciliation.drift import Drift


@dataclass(frozen=True, slots=True)
class AccountReport:
    """One account's last reconciliation: its drift (None when the venue did not answer,
    `error` then says why), whether it is confirmed (seen twice in a row) and what was done."""

    account_id: str
    connection_id: str
    owner_id: str
    checked_at: datetime
    drift: Drift | None
    error: str = ""
    confirmed: bool = False
    halted: bool = False

    @property
    def state(self) -> str:
        if self.drift is None:
            return "unreachable"
        if self.drift.none:
            return "in_sync"
        return "drift" if self.confirmed else "suspected"
