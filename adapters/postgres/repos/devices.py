"""Devices, their sessions and the login history on SQL (devices, device_sessions,
device_logins)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import desc, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.devices import device_logins, device_sessions, devices
from domain.identity.devices import Device
from ports.devices.devices import LoginRecord

T = TypeVar("T")


def _device_row(d: Device) -> dict[str, Any]:
    return {
        "id": d.id, "user_id": d.user_id, "fingerprint": d.fingerprint, "name": d.name,
        "family": d.family, "network": d.network, "first_seen": d.first_seen,
        "last_seen": d.last_seen, "trusted_at": d.trusted_at, "revoked_at": d.revoked_at,
    }  # fmt: skip


def _device(r: Any) -> Device:
    return Device(
        id=r.id, user_id=r.user_id, fingerprint=r.fingerprint, name=r.name, family=r.family,
        network=r.network, first_seen=r.first_seen, last_seen=r.last_seen,
        trusted_at=r.trusted_at, revoked_at=r.revoked_at,
    )  # fmt: skip


def _record(r: Any) -> LoginRecord:
    return LoginRecord(
        id=r.id, user_id=r.user_id, device_id=r.device_id, at=r.at, network=r.network,
        new_device=bool(r.new_device), new_network=bool(r.new_network),
        failures_before=int(r.failures_before), hour_gap=int(r.hour_gap), score=float(r.score),
        unusual=tuple(line for line in r.unusual.split("\n") if line),
    )  # fmt: skip


class SqlDevices(EngineStore):
    """A DeviceStore on the `devices` and `device_sessions` tables."""

    async def save(self, device: Device) -> None:
        row = _device_row(device)

        async def work(conn: AsyncConnection) -> None:
            values = {k: v for k, v in row.items() if k != "id"}
            changed = await conn.execute(
                update(devices).where(devices.c.id == device.id).values(values)
            )
            if changed.rowcount == 0:
                await conn.execute(devices.insert().values(row))

        await self._write(work)

    async def get(self, device_id: str) -> Device | None:
        return await self._read_one(select(devices).where(devices.c.id == device_id), _device)

    async def find(self, user_id: str, fingerprint: str) -> Device | None:
        query = (
            select(devices)
            .where(
                devices.c.user_id == user_id,
                devices.c.fingerprint == fingerprint,
                devices.c.revoked_at.is_(None),
            )
            .order_by(devices.c.first_seen, devices.c.id)
            .limit(1)
        )
        return await self._read_one(query, _device)

    async def for_user(self, user_id: str) -> list[Device]:
        query = (
            select(devices)
            .where(devices.c.user_id == user_id)
            .order_by(desc(devices.c.last_seen), desc(devices.c.id))
        )
        return [_device(r) for r in await self._read(query)]

    async def bind(self, device_id: str, family_id: str, at: datetime) -> None:
        async def work(conn: AsyncConnection) -> None:
            t = device_sessions
            found = await conn.execute(select(t.c.family_id).where(t.c.family_id == family_id))
            if found.first() is None:
                await conn.execute(
                    t.insert().values(family_id=family_id, device_id=device_id, started_at=at)
                )

        await self._write(work)

    async def device_of(self, family_id: str) -> str | None:
        t = device_sessions
        rows = await self._read(select(t.c.device_id).where(t.c.family_id == family_id))
        return str(rows[0].device_id) if rows else None

    async def families(self, device_id: str) -> list[str]:
        t = device_sessions
        query = select(t.c.family_id).where(t.c.device_id == device_id).order_by(t.c.family_id)
        return [str(r.family_id) for r in await self._read(query)]


class SqlLoginHistory(EngineStore):
    """A LoginHistory on the `device_logins` table."""

    async def append(self, record: LoginRecord) -> None:
        row = {
            "id": record.id, "user_id": record.user_id, "device_id": record.device_id,
            "at": record.at, "network": record.network, "new_device": record.new_device,
            "new_network": record.new_network, "failures_before": record.failures_before,
            "hour_gap": record.hour_gap, "score": record.score,
            "unusual": "\n".join(record.unusual),
        }  # fmt: skip

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(device_logins.insert().values(row))

        await self._write(work)

    async def recent(self, limit: int, user_id: str | None = None) -> list[LoginRecord]:
        t = device_logins
        query = select(t)
        if user_id is not None:
            query = query.where(t.c.user_id == user_id)
        query = query.order_by(desc(t.c.at), desc(t.c.id)).limit(limit)
        return [_record(r) for r in await self._read(query)] if limit > 0 else []

    async def count(self) -> int:
        rows = await self._read(select(func.count()).select_from(device_logins))
        return int(rows[0][0])
