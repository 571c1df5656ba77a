"""Fixtures: the user-management use cases over a fresh in-memory store and a fake clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.secret_box import SecretBox
from adapters.security.totp import PyOtpVerifier
from application.identity.auth import AuthService, TokenPair
from application.identity.invitations import InvitationService
from application.identity.password_reset import PasswordResetService
from application.identity.public_throttle import ClientThrottle
from application.identity.user_admin import UserAdminService
from domain.principals import Principal, Role

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture(scope="session")
def issuer() -> RsaJwtIssuer:
    return RsaJwtIssuer.generate()


@dataclass
class Users:
    """The services and the fakes a test arranges with and asserts on."""

    store: InMemoryStore
    clock: FakeClock
    audit: InMemoryAuditLog
    notifier: InMemoryNotifier
    auth: AuthService
    admin: UserAdminService
    invitations: InvitationService
    resets: PasswordResetService

    async def person(
        self, name: str, role: Role = Role.OWNER, email: str | None = None
    ) -> Principal:
        view = await self.auth.create_user(name, PASSWORD, role, email=email)
        return Principal(view.id, view.role)

    async def login(self, name: str, password: str = PASSWORD) -> TokenPair:
        return await self.auth.login(name, password)


@pytest.fixture
def users(issuer: RsaJwtIssuer) -> Users:
    store = InMemoryStore()
    uow = unit_of_work_factory(store)
    clock, ids, audit, notifier = (
        FakeClock(),
        SequentialIds(),
        InMemoryAuditLog(),
        InMemoryNotifier(),
    )
    hasher = Argon2Hasher.fast()
    auth = AuthService(
        uow, hasher, issuer, PyOtpVerifier(), SecretBox.ephemeral(), clock, ids, audit,
        notifier=notifier,
    )  # fmt: skip
    throttle = ClientThrottle(uow, clock)
    return Users(
        store,
        clock,
        audit,
        notifier,
        auth,
        UserAdminService(uow, auth, clock, audit, notifier),
        InvitationService(uow, hasher, clock, ids, audit, throttle, notifier, open_signup=True),
        PasswordResetService(uow, hasher, auth, clock, ids, audit, throttle, notifier),
    )
