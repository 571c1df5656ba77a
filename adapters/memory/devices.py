"""Devices and the login history in memory (embedded mode and unit tests)."""

from __future__ import annotations

from datetime import datetime

from domain.identity.devices import Device
from ports.devices.devices import LoginRecord


class InMemoryDevices:
    """A DeviceStore in dictionaries."""

    def __init__(self) -> None:
        self._devices: dict[str, Device] = {}
        self._by_fingerprint: dict[tuple[str, str], str] = {}
        self._sessions: dict[str, tuple[str, datetime]] = {}

    async def save(self, device: Device) -> None:
        self._devices[device.id] = device
        key = (device.user_id, device.fingerprint)
        current = self._devices.get(self._by_fingerprint.get(key, ""))
        if device.revoked:
            if current is not None and current.id == device.id:
                del self._by_fingerprint[key]
        elif current is None or current.revoked:
            self._by_fingerprint[key] = device.id

    async def get(self, device_id: str) -> Device | None:
        return self._devices.get(device_id)

    async def find(self, user_id: str, fingerprint: str) -> Device | None:
        found = self._by_fingerprint.get((user_id, fingerprint))
        return self._devices.get(found) if found is not None else None

    async def for_user(self, user_id: str) -> list[Device]:
        mine = [d for d in self._devices.values() if d.user_id == user_id]
        return sorted(mine, key=lambda d: (d.last_seen, d.id), reverse=True)

    async def bind(self, device_id: str, family_id: str, at: datetime) -> None:
        self._sessions.setdefault(family_id, (device_id, at))

    async def device_of(self, family_id: str) -> str | None:
        found = self._sessions.get(family_id)
        return found[0] if found is not None else None

    async def families(self, device_id: str) -> list[str]:
        return sorted(f for f, (d, _) in self._sessions.items() if d == device_id)


class InMemoryLoginHistory:
    """A LoginHistory in lists, in the order appended (logins are appended as they happen)."""

    def __init__(self) -> None:
        self._records: list[LoginRecord] = []
        self._by_user: dict[str, list[LoginRecord]] = {}

    async def append(self, record: LoginRecord) -> None:
        self._records.append(record)
        self._by_user.setdefault(record.user_id, []).append(record)

    async def recent(self, limit: int, user_id: str | None = None) -> list[LoginRecord]:
        source = self._records if user_id is None else self._by_user.get(user_id, [])
        return source[: -limit - 1 : -1] if limit > 0 else []

    async def count(self) -> int:
        return len(self._records)
