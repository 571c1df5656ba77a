"""Wiring of the encryption service: the KEK provider, the legacy Fernet key, the sealer.

Outside prod with no KEK configured, a random KEK is made for the process (and logged as a
warning, never shown): what it seals dies with the process, which is why services that store
secrets durably check `keys_ephemeral` and refuse. Settings already refused prod without one.
"""

from __future__ import annotations

import os
from pathlib import Path

import structlog

from adapters.security.cipher import FernetCipher
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import (
    StaticKeyProvider,
    keks_from_file,
    parse_keks,
)
from adapters.security.secret_box import SecretBox
from bootstrap.settings import Settings, env_name
from ports.core.encryption import KEY_BYTES, KeyRef

_log = structlog.get_logger("bulwark.encryption")
EPHEMERAL_KEY_ID = "ephemeral"


def keys_ephemeral(settings: Settings) -> bool:
    """No KEK configured: sealed secrets cannot outlive this process."""
    return settings.keys.keks is None and settings.keys.keks_file is None


def secrets_die_on_restart(settings: Settings, store_kind: str) -> bool:
    """A durable (SQL) store with a process-local KEK: what it keeps sealed would be unreadable
    after a restart, so services that store secrets refuse to (KYC, notification endpoints)."""
    return store_kind == "sql" and keys_ephemeral(settings)


def key_provider(settings: Settings) -> StaticKeyProvider:
    """The configured KEKs, else (outside prod: settings refused it there) a process-local one."""
    if settings.keys.keks is not None:
        return parse_keks(settings.keys.keks.reveal(), env_name("keks"))
    if settings.keys.keks_file is not None:
        return keks_from_file(Path(settings.keys.keks_file))
    _log.warning("kek_generated", hint=f"set {env_name('keks_file')} to keep sealed secrets")
    ref = KeyRef(EPHEMERAL_KEY_ID, 1)
    return StaticKeyProvider({ref: os.urandom(KEY_BYTES)}, ref)


def legacy_cipher(settings: Settings) -> FernetCipher | None:
    """The Fernet key of secrets sealed before envelopes, when one is configured."""
    if settings.keys.secret_key is None:
        return None
    return FernetCipher(settings.keys.secret_key.reveal().encode())


def secret_sealer(keys: StaticKeyProvider, legacy: FernetCipher | None) -> SecretBox:
    return SecretBox(AesGcmEnvelope(keys), legacy)
