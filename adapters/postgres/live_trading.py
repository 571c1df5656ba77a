"""Each account's opt-in to live trading on the `live_opt_ins` table, one short transaction per
call."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.live_trading import live_opt_ins
from domain.live_trading.opt_in import LiveOptIn, LiveStatus


class SqlLiveOptInStore(RowPerKey[LiveOptIn]):
    """A LiveOptInStore on SQL; `put` upserts by account id."""

    table, key = live_opt_ins, "account_id"

    def to_row(self, item: LiveOptIn) -> dict[str, Any]:
        return row_of(item, self.table)

    def from_row(self, row: Any) -> LiveOptIn:
        return record(LiveOptIn, row, status=LiveStatus(row.status))

    async def remove(self, account_id: str) -> bool:
        t = self.table
        return await self._change(delete(t).where(t.c.account_id == account_id)) > 0

    async def listed(
        self, status: LiveStatus | None = None, owner_id: str | None = None
    ) -> Sequence[LiveOptIn]:
        t = self.table
        query = select(t).order_by(t.c.acknowledged_at, t.c.account_id)
        if status is not None:
            query = query.where(t.c.status == status.value)
        if owner_id is not None:
            query = query.where(t.c.owner_id == owner_id)
        return [self.from_row(row) for row in await self._read(query)]
