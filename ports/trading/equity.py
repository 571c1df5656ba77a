"""Equity history port: one snapshot of each account per day, for performance analytics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True, slots=True)
class EquitySnapshot:
    """An account valued at current marks at `taken_at`, the snapshot of its (UTC) `day`.

    Money is Decimal in the account's currency. `net_flow` is the day's external cash flow
    (deposits positive, withdrawals negative); `traded_notional` the two-sided notional of the
    day's fills (sum of |quantity x price x multiplier|); `realized_pnl` the P&L the day's
    fills realized, net of their commissions (the account aggregate's convention).
    """

    account_id: str
    day: date
    equity: Decimal
    cash: Decimal
    market_value: Decimal
    gross_exposure: Decimal
    net_flow: Decimal
    traded_notional: Decimal
    realized_pnl: Decimal
    taken_at: datetime


class EquityHistory(Protocol):
    """Stored snapshots, at most one per (account, day).

    `upsert` is idempotent and the last snapshot of a day wins: a snapshot replaces the
    stored one of its (account, day) unless that one was taken strictly later (so a late,
    older write never undoes a newer one). `range` returns an account's snapshots with
    `start <= day <= end`, oldest first. `latest` returns the account's newest snapshot,
    or with `before` the newest whose day is strictly before it; None when there is none.
    """

    async def upsert(self, snapshot: EquitySnapshot) -> None: ...

    async def range(self, account_id: str, start: date, end: date) -> list[EquitySnapshot]: ...

    async def latest(
        self, account_id: str, before: date | None = None
    ) -> EquitySnapshot | None: ...
