"""The surveillance store on SQL (PostgreSQL and SQLite): ports/surveillance/surveillance.py.

`record` is one transaction: new alerts inserted (an id already stored is skipped: a replay
after a restart writes nothing twice) and the checkpoint upserted. `save` updates an alert
where its version is still the expected one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import record
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.surveillance import surveillance_alerts, surveillance_checkpoints
from domain.errors import ConcurrentUpdate
from domain.surveillance.cases import Alert, AlertAction, AlertStatus
from domain.surveillance.detections import AbusePattern, AlertSeverity, Detection, to_us
from ports.surveillance.surveillance import AlertQuery, Checkpoint

_a = surveillance_alerts
_c = surveillance_checkpoints


def _document(d: Detection) -> str:
    return json.dumps(
        {
            "started_us": d.started_us,
            "accounts": list(d.accounts),
            "agents": list(d.agents),
            "thresholds": d.thresholds,
            "observed": d.observed,
            "orders": list(d.orders),
            "fills": list(d.fills),
        },
        separators=(",", ":"),
    )


def _case_fields(alert: Alert) -> dict[str, Any]:
    return {
        "status": alert.status.value,
        "note": alert.note,
        "acknowledged_by": alert.acknowledged_by,
        "acknowledged_at": alert.acknowledged_at,
        "closed_by": alert.closed_by,
        "closed_at": alert.closed_at,
        "action": alert.action.value,
        "action_detail": alert.action_detail,
        "version": alert.version,
    }


def _row(alert: Alert) -> dict[str, Any]:
    d = alert.detection
    return {
        "id": alert.id,
        "pattern": d.pattern.value,
        "severity": d.severity.value,
        "score": d.score,
        "owner_id": d.owner_id,
        "symbol": d.symbol,
        "detected_us": d.detected_us,
        "detected_at": d.detected_at,
        "started_at": d.started_at,
        "detection": _document(d),
        "created_at": alert.created_at,
        **_case_fields(alert),
    }


def _alert(row: Any) -> Alert:
    doc = json.loads(row.detection)
    detection = Detection(
        pattern=AbusePattern(row.pattern),
        owner_id=row.owner_id,
        symbol=row.symbol,
        detected_us=row.detected_us,
        started_us=doc["started_us"],
        score=row.score,
        severity=AlertSeverity(row.severity),
        accounts=tuple(doc["accounts"]),
        agents=tuple(doc["agents"]),
        thresholds=doc["thresholds"],
        observed=doc["observed"],
        orders=tuple(doc["orders"]),
        fills=tuple(doc["fills"]),
    )
    return record(
        Alert,
        row,
        detection=detection,
        status=AlertStatus(row.status),
        action=AlertAction(row.action),
    )


class SqlSurveillanceStore(EngineStore):
    """Alerts and checkpoints on the surveillance tables (tables/surveillance.py)."""

    async def record(self, alerts: Sequence[Alert], checkpoint: Checkpoint | None) -> set[str]:
        async def work(conn: AsyncConnection) -> set[str]:
            inserted: set[str] = set()
            if alerts:
                ids = [a.id for a in alerts]
                found = await conn.execute(select(_a.c.id).where(_a.c.id.in_(ids)))
                taken: set[str] = set(found.scalars())
                fresh = []
                for alert in alerts:
                    if alert.id not in taken and alert.id not in inserted:
                        inserted.add(alert.id)
                        fresh.append(_row(alert))
                if fresh:
                    await conn.execute(_a.insert(), fresh)
            if checkpoint is not None:
                await _save_checkpoint(conn, checkpoint)
            return inserted

        return await self._write(work)

    async def checkpoint(self, name: str) -> Checkpoint | None:
        rows = await self._read(select(_c).where(_c.c.name == name))
        if not rows:
            return None
        row = rows[0]
        offsets = {str(k): int(v) for k, v in json.loads(row.offsets).items()}
        return Checkpoint(row.name, bytes(row.state), offsets, row.events, row.saved_at)

    async def get(self, alert_id: str) -> Alert | None:
        found = await self._select(_a.c.id == alert_id, 1)
        return found[0] if found else None

    async def find(self, query: AlertQuery) -> list[Alert]:
        conditions = []
        if query.owner_id is not None:
            conditions.append(_a.c.owner_id == query.owner_id)
        if query.status is not None:
            conditions.append(_a.c.status == query.status.value)
        if query.pattern is not None:
            conditions.append(_a.c.pattern == query.pattern.value)
        if query.severity is not None:
            conditions.append(_a.c.severity == query.severity.value)
        if query.symbol is not None:
            conditions.append(_a.c.symbol == query.symbol)
        if query.before is not None:
            at, last = query.before
            us = to_us(at)
            conditions.append(
                or_(_a.c.detected_us < us, and_(_a.c.detected_us == us, _a.c.id > last))
            )
        return await self._select(and_(true(), *conditions), max(query.limit, 0))

    async def save(self, alert: Alert, expected_version: int) -> None:
        done = await self._change(
            update(_a)
            .where(_a.c.id == alert.id, _a.c.version == expected_version)
            .values(**_case_fields(alert))
        )
        if done != 1:
            raise ConcurrentUpdate(f"alert {alert.id} changed meanwhile")

    async def pending(self, limit: int = 100) -> list[Alert]:
        where = and_(
            _a.c.action.in_([AlertAction.PENDING.value, AlertAction.FAILED.value]),
            _a.c.status != AlertStatus.CLOSED.value,
        )
        rows = await self._select(where, limit, oldest_first=True)
        return rows

    async def _select(self, where: Any, limit: int, *, oldest_first: bool = False) -> list[Alert]:
        order = (
            (_a.c.detected_us.asc(), _a.c.id.asc())
            if oldest_first
            else (_a.c.detected_us.desc(), _a.c.id.asc())
        )
        rows = await self._read(select(_a).where(where).order_by(*order).limit(limit))
        return [_alert(r) for r in rows]


async def _save_checkpoint(conn: AsyncConnection, checkpoint: Checkpoint) -> None:
    row = {
        "name": checkpoint.name,
        "state": checkpoint.state,
        "offsets": json.dumps(dict(sorted(checkpoint.offsets.items())), separators=(",", ":")),
        "events": checkpoint.events,
        "saved_at": checkpoint.saved_at,
    }
    await upsert(conn, _c, row, ["name"])
