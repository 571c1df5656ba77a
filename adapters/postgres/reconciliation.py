"""Each venue account's last reconciliation report on the `reconciliation_reports` table, one
short transaction per call; the drift as JSON with plain decimal strings."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.reconciliation import reconciliation_reports
from domain.reconciliation.drift import Drift, OrderDrift, PositionDrift
from domain.reconciliation.report import AccountReport


class SqlReconciliationReports(RowPerKey[AccountReport]):
    """ReconciliationReports on SQL; `put` upserts by account id."""

    table, key = reconciliation_reports, "account_id"

    def to_row(self, item: AccountReport) -> dict[str, Any]:
        return {
            "account_id": item.account_id,
            "connection_id": item.connection_id,
            "owner_id": item.owner_id,
            "checked_at": item.checked_at,
            "drift": None if item.drift is None else drift_json(item.drift),
            "error": item.error,
            "confirmed": item.confirmed,
            "halted": item.halted,
        }

    def from_row(self, row: Any) -> AccountReport:
        return AccountReport(
            row.account_id, row.connection_id, row.owner_id, row.checked_at,
            None if row.drift is None else drift_of(row.drift), row.error, row.confirmed,
            row.halted,
        )  # fmt: skip

    async def of_connection(self, connection_id: str) -> Sequence[AccountReport]:
        t = self.table
        query = select(t).where(t.c.connection_id == connection_id).order_by(t.c.account_id)
        return [self.from_row(row) for row in await self._read(query)]


def drift_json(drift: Drift) -> dict[str, list[list[str]]]:
    """A drift as JSON: each position [symbol, Bulwark's, the venue's] (decimal strings),
    each order [client order id, symbol, where it is working]."""
    return {
        "positions": [[p.symbol, format(p.bulwark, "f"), format(p.venue, "f")]
                      for p in drift.positions],
        "orders": [[o.client_order_id, o.symbol, o.at] for o in drift.orders],
    }  # fmt: skip


def drift_of(data: dict[str, list[list[str]]]) -> Drift:
    return Drift(
        tuple(PositionDrift(s, Decimal(b), Decimal(v)) for s, b, v in data.get("positions", [])),
        tuple(OrderDrift(c, s, at) for c, s, at in data.get("orders", [])),
    )
