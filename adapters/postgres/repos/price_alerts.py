"""Users' price alerts on SQL; `save` is a compare-and-set on (state, fired_count)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.price_alerts import price_alerts as table
from domain.notifications.price_alerts import AlertState, Direction, Mode, PriceAlert

_C = table.c


def _row(alert: PriceAlert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "owner_id": alert.owner_id,
        "symbol": alert.symbol,
        "direction": alert.direction.value,
        "threshold": alert.threshold,
        "mode": alert.mode.value,
        "hysteresis": alert.hysteresis,
        "state": alert.state.value,
        "fired_count": alert.fired_count,
        "last_fired_at": alert.last_fired_at,
        "last_price": alert.last_price,
        "note": alert.note,
        "created_at": alert.created_at,
    }


def _alert(row: Any) -> PriceAlert:
    return PriceAlert(
        id=row.id,
        owner_id=row.owner_id,
        symbol=row.symbol,
        direction=Direction(row.direction),
        threshold=row.threshold,
        mode=Mode(row.mode),
        hysteresis=row.hysteresis,
        created_at=row.created_at,
        state=AlertState(row.state),
        fired_count=int(row.fired_count),
        last_fired_at=row.last_fired_at,
        last_price=row.last_price,
        note=row.note,
    )


class SqlPriceAlertStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def _write(self, statement: Any) -> int:
        async def run() -> int:
            async with single_writer(self._engine), self._engine.begin() as conn:
                return int((await conn.execute(statement)).rowcount or 0)

        changed: int = await guarded(run)
        return changed

    async def _read(self, statement: Any) -> list[Any]:
        async def run() -> list[Any]:
            async with self._engine.connect() as conn:
                return list((await conn.execute(statement)).all())

        rows: list[Any] = await guarded(run)
        return rows

    async def add(self, alert: PriceAlert) -> None:
        await self._write(insert(table).values(_row(alert)))

    async def get(self, alert_id: str, owner_id: str) -> PriceAlert | None:
        rows = await self._read(select(table).where(_C.id == alert_id, _C.owner_id == owner_id))
        return _alert(rows[0]) if rows else None

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
        row = _row(alert)
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
        return await self._write(statement) > 0

    async def remove(self, alert_id: str, owner_id: str) -> bool:
        return (
            await self._write(delete(table).where(_C.id == alert_id, _C.owner_id == owner_id)) > 0
        )
