"""Devices: the key of device tokens and fingerprints, the device cookie, the anomaly model."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Secret, Section, SettingsError


class DeviceSettings(Section, frozen=True, kw_only=True):
    """Devices users log in from (docs/devices.md)."""

    env_prefix: ClassVar[str] = "device_"

    # The key that signs device tokens and keys fingerprints: 32+ bytes, url-safe base64.
    # Unset: derived from BULWARK_JWT_PRIVATE_KEY_FILE when set (stable across restarts),
    # else random per process (every device is new after a restart).
    key: Secret | None = None
    # The console's device cookie lifetime.
    cookie_days: Annotated[int, msgspec.Meta(ge=1, le=3650)] = 400
    # The login anomaly model: trained once the installation has `min_history` logins, then
    # again after `retrain_every` more or every `retrain_hours`; on the newest `window`.
    anomaly_model: bool = True
    anomaly_min_history: Annotated[int, msgspec.Meta(ge=20, le=1_000_000)] = 200
    anomaly_retrain_every: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 500
    anomaly_retrain_hours: Annotated[float, msgspec.Meta(gt=0, le=8760)] = 24.0
    anomaly_window: Annotated[int, msgspec.Meta(ge=20, le=1_000_000)] = 5000

    def check(self) -> None:
        if self.key is not None and len(decoded_key(self.key.reveal())) < 32:
            raise SettingsError(
                f"{self.var('key')}: expected at least 32 bytes, url-safe base64 "
                "(e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        if self.anomaly_window < self.anomaly_min_history:
            raise SettingsError(
                f"{self.var('anomaly_window')}: expected at least {self.var('anomaly_min_history')}"
            )


def decoded_key(text: str) -> bytes:
    """The key's bytes (b"" when it is not url-safe base64)."""
    try:
        return base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError):
        return b""
