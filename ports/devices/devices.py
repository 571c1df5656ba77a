"""Ports of the devices context: the device records, the login history, the anomaly model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.identity.devices import Device


@dataclass(frozen=True, slots=True)
class LoginRecord:
    """One successful login as the history keeps it (traits only, never an address)."""

    id: str
    user_id: str
    device_id: str
    at: datetime
    network: str | None
    new_device: bool
    new_network: bool
    failures_before: int
    hour_gap: int
    score: float
    unusual: tuple[str, ...] = ()


class DeviceStore(Protocol):
    """Devices and the sessions (refresh-token families) started on them.

    `save` inserts or replaces a device by id. `find` answers the user's unrevoked device
    with that fingerprint (the first seen when several), None when none. `for_user` lists a
    user's devices, most recently seen first. A session family belongs to one device (`bind`
    again is a no-op).
    """

    async def save(self, device: Device) -> None: ...

    async def get(self, device_id: str) -> Device | None: ...

    async def find(self, user_id: str, fingerprint: str) -> Device | None: ...

    async def for_user(self, user_id: str) -> list[Device]: ...

    async def bind(self, device_id: str, family_id: str, at: datetime) -> None: ...

    async def device_of(self, family_id: str) -> str | None: ...

    async def families(self, device_id: str) -> list[str]: ...


class LoginHistory(Protocol):
    """Successful logins: appended once each, read back newest first.

    `recent` answers the newest `limit` records (of one user when `user_id` is given),
    newest first; `count` how many there are in all.
    """

    async def append(self, record: LoginRecord) -> None: ...

    async def recent(self, limit: int, user_id: str | None = None) -> list[LoginRecord]: ...

    async def count(self) -> int: ...


class AnomalyScorer(Protocol):
    """A model fitted on login feature rows: a higher `score` is a stranger login; above 0
    the model calls the row an outlier (at the contamination it was fitted with)."""

    def score(self, row: Sequence[float]) -> float: ...


class AnomalyTrainer(Protocol):
    """Fits a scorer on rows (deterministic for a given seed); CPU-bound, call off the loop."""

    def fit(self, rows: Sequence[Sequence[float]]) -> AnomalyScorer: ...
