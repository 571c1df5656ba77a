"""Users' price alerts on SQL; `save` is a compare-and-set on (state, fired_count)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select, update

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.price_alerts import price_alerts as table
from domain.notifications.price_alerts import AlertState, Direction, Mode, PriceAlert

_C = table.c


def _alert(row: Any) -> PriceAlert:
    return record(
        PriceAlert,
        row,
        direction=Direction(row.direction),
        mode=Mode(row.mode),
        state=AlertState(row.state),
        fired_count=int(row.fired_count),
    )


class SqlPriceAlertStore(EngineStore):
    async def add(self, alert: PriceAlert) -> None:
        await self._change(insert(table).values(row_of(alert, table)))

    async def get(self, alert_id: str, owner_id: str) -> PriceAlert | None:
        return await self._read_one(
            select(table).where(_C.id == alert_id, _C.owner_id == owner_id), _alert
        )

    async def list_for(self, owner_id: str) -> list[PriceAlert]:
        query = select(table).where(_C.owner_id == owner_id).order_by(_C.created_at, _C.id)
        return [_alert(r) for r in await self._read(query)]

    async def count_for(self, owner_id: str) -> int:
        rows = await self._read(select(func.count()).where(_C.owner_id == owner_id))
        return int(rows[0][0])

    async def active(self) -> list[PriceAlert]:
        query = select(table).where(_C.state != AlertState.DONE.value).order_by(_C.symbol, _C.id)
        return [_alert(r) for r in await self._read(query)]

    async def save(self, alert: PriceAlert, expected: PriceAlert) -> bool:
        row = row_of(alert, table)
        changes = {
            k: row[k] for k in ("state", "fired_count", "last_fired_at", "last_price", "note")
        }
        statement = (
            update(table)
            .where(
                _C.id == alert.id,
                _C.state == expected.state.value,
                _C.fired_count == expected.fired_count,
            )
            .values(changes)
        )
        return await self._change(statement) > 0

    async def remove(self, alert_id: str, owner_id: str) -> bool:
        return (
            await self._change(delete(table).where(_C.id == alert_id, _C.owner_id == owner_id)) > 0
        )
