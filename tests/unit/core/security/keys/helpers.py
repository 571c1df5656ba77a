"""Shared pieces of the key-rotation tests: KEK sets, users with sealed TOTP secrets."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from adapters.memory.key_rotation import InMemoryKeyRotationStore, InMemoryUserSecretSource
from adapters.memory.store import InMemoryStore
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.keys.rotation import KeyRotation
from domain.identity import User
from domain.principals import Role
from ports.core.encryption import KEY_BYTES, KeyRef, SealedRecordSource, SecretSealer
from ports.identity.identity import SecretCipher

V1, V2, V3 = KeyRef("main", 1), KeyRef("main", 2), KeyRef("main", 3)
KEKS = {ref: os.urandom(KEY_BYTES) for ref in (V1, V2, V3)}
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def box(*refs: KeyRef, legacy: SecretCipher | None = None) -> SecretBox:
    """A sealer over these KEK versions, the last one current."""
    provider = StaticKeyProvider({ref: KEKS[ref] for ref in refs}, refs[-1])
    return SecretBox(AesGcmEnvelope(provider), legacy)


def provider(*refs: KeyRef) -> StaticKeyProvider:
    return StaticKeyProvider({ref: KEKS[ref] for ref in refs}, refs[-1])


def user(number: int) -> User:
    return User(f"u-{number:05d}", f"user{number}", "hash", Role.OWNER, T0)


def seed_users(store: InMemoryStore, sealer: SecretSealer, count: int) -> dict[str, str]:
    """`count` users with an active TOTP secret sealed by `sealer`; their plaintexts by id."""
    plain: dict[str, str] = {}
    for number in range(count):
        u = user(number)
        plain[u.id] = f"SECRET{number:06d}"
        u.mfa_secret = sealer.seal(plain[u.id], "user.mfa_secret", u.id)
        u.mfa_enabled = True
        store.users[u.id] = u
    return plain


@dataclass
class RotationWorld:
    store: InMemoryStore
    checkpoints: InMemoryKeyRotationStore
    audit: InMemoryAuditLog
    clock: FakeClock = field(default_factory=FakeClock)

    def sources(self) -> list[SealedRecordSource]:
        return [
            InMemoryUserSecretSource(self.store, "users.mfa_secret"),
            InMemoryUserSecretSource(self.store, "users.pending_mfa_secret"),
        ]

    def rotation(
        self, sealer: SecretSealer, *refs: KeyRef, sources: list[SealedRecordSource] | None = None
    ) -> KeyRotation:
        return KeyRotation(
            sealer,
            provider(*refs),
            sources if sources is not None else self.sources(),
            self.checkpoints,
            self.clock,
            self.audit,
            batch=10,
        )


def rotation_world() -> RotationWorld:
    return RotationWorld(InMemoryStore(), InMemoryKeyRotationStore(), InMemoryAuditLog())
