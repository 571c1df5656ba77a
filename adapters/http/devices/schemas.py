"""Device wire formats."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output
from domain.identity.devices import MAX_NAME, Device


class DeviceOut(Output):
    """A device as its owner (or an admin) sees it: never its fingerprint nor an address."""

    id: str
    name: str
    client: str
    network: str | None
    first_seen: datetime
    last_seen: datetime
    trusted: bool
    trusted_at: datetime | None
    revoked_at: datetime | None
    current: bool = False

    @classmethod
    def from_domain(cls, device: Device, current_id: str | None = None) -> DeviceOut:
        return cls.from_attributes(device, client=device.family, current=device.id == current_id)


class DevicesOut(ItemsOut):
    items: list[DeviceOut]


class DeviceRenameIn(Input):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME * 2)]


class StepUpIn(Input):
    totp_code: Annotated[str, msgspec.Meta(min_length=1, max_length=16)]
