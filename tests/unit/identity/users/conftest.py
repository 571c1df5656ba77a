"""Fixtures: the user-management use cases over the identity tests' fresh in-memory store and
fake clock (tests/unit/identity/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.identity.auth import AuthService, TokenPair
from application.identity.invitations import InvitationService
from application.identity.password_reset import PasswordResetService
from application.identity.public_throttle import ClientThrottle
from application.identity.user_admin import UserAdminService
from domain.principals import Principal, Role
from tests.unit.identity.conftest import World

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new passphrase"


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
def users(world: World) -> Users:
    """The user-management use cases over the identity tests' world (tests/unit/identity)."""
    uow = unit_of_work_factory(world.store)
    clock, audit, notifier = world.clock, world.audit, world.notifier
    throttle = ClientThrottle(uow, clock)
    return Users(
        world.store,
        clock,
        audit,
        notifier,
        world.auth,
        UserAdminService(uow, world.auth, clock, audit, notifier),
        InvitationService(
            uow, world.hasher, clock, world.ids, audit, throttle, notifier, open_signup=True
        ),
        PasswordResetService(
            uow, world.hasher, world.auth, clock, world.ids, audit, throttle, notifier
        ),
    )
