"""Fernet -> envelope migration of TOTP secrets with no downtime: logins before, during, after."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.key_rotation import InMemoryKeyRotationStore, InMemoryUserSecretSource
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.cipher import FernetCipher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.totp import PyOtpVerifier
from application.identity.auth import AuthService
from application.keys.rotation import KeyRotation, RotationProgress
from domain.errors import Unauthenticated
from domain.principals import Principal, Role
from tests.unit.core.security.keys.helpers import V1, V2, box, provider

PASSWORD = "correct horse battery"
STEP = timedelta(seconds=30)


async def test_totp_logins_work_before_during_and_after_the_fernet_migration() -> None:
    # Arrange: two users whose TOTP secrets were sealed with Fernet (the old SecretCipher)
    store, clock, totp, fernet = (
        InMemoryStore(),
        FakeClock(),
        PyOtpVerifier(),
        FernetCipher.generate(),
    )
    sealer = box(V1, V2, legacy=fernet)
    auth = AuthService(
        unit_of_work_factory(store), Argon2Hasher.fast(), RsaJwtIssuer.generate(), totp,
        sealer, clock, SequentialIds(), InMemoryAuditLog(),
    )  # fmt: skip
    seeds = {}
    for name in ("alice", "bob"):
        view = await auth.create_user(name, PASSWORD, Role.OWNER)
        seeds[name] = totp.new_secret()
        user = store.users[view.id]
        user.mfa_secret, user.mfa_enabled = fernet.encrypt(seeds[name]), True
    sources = [InMemoryUserSecretSource(store, "users.mfa_secret")]
    rotation = KeyRotation(
        sealer, provider(V1, V2), sources, InMemoryKeyRotationStore(), clock,
        InMemoryAuditLog(), batch=1,
    )  # fmt: skip

    async def login(name: str) -> str:
        clock.advance(STEP)  # a fresh step: a code is accepted once
        pair = await auth.login(name, PASSWORD, totp.code_at(seeds[name], clock.now()))
        return pair.access_token

    during: list[str] = []

    async def login_mid_run(progress: RotationProgress) -> None:
        if progress.seen == 1:  # alice is migrated, bob not yet
            during.extend([await login("alice"), await login("bob")])

    # Act
    before = [await login("alice"), await login("bob")]
    result = await rotation.rotate("cli", progress=login_mid_run)
    after = [await login("alice"), await login("bob")]

    # Assert
    assert all(before) and len(during) == 2 and all(during) and all(after)
    assert result.upgraded == 2
    for user in store.users.values():
        assert user.mfa_secret is not None and user.mfa_secret.startswith("bwk1.main.2.")


async def test_an_enrolment_seals_each_column_for_itself_and_a_copy_does_not_open() -> None:
    # Arrange
    store, clock, totp = InMemoryStore(), FakeClock(), PyOtpVerifier()
    sealer = box(V1)
    auth = AuthService(
        unit_of_work_factory(store), Argon2Hasher.fast(), RsaJwtIssuer.generate(), totp,
        sealer, clock, SequentialIds(), InMemoryAuditLog(),
    )  # fmt: skip
    alice = await auth.create_user("alice", PASSWORD, Role.OWNER)
    bob = await auth.create_user("bob", PASSWORD, Role.OWNER)
    principal = Principal(alice.id, alice.role)

    # Act
    enrollment = await auth.enroll_mfa(principal)
    pending = store.users[alice.id].pending_mfa_secret
    await auth.verify_mfa(principal, totp.code_at(enrollment.secret, clock.now()))
    active = store.users[alice.id].mfa_secret
    store.users[bob.id].mfa_secret, store.users[bob.id].mfa_enabled = active, True

    # Assert: the pending text is bound to its column, the active one to alice
    assert pending is not None and active is not None and pending != active
    assert sealer.open(active, "user.mfa_secret", alice.id) == enrollment.secret
    clock.advance(STEP)
    code = totp.code_at(enrollment.secret, clock.now())
    with pytest.raises(Unauthenticated):  # bob cannot use alice's sealed secret
        await auth.login("bob", PASSWORD, code)
