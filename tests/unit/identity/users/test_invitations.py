"""Invitations: admin-only, token shown once, single use, expiry, revocation; open sign-up."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from application.identity.invitations import NewUser
from domain.errors import Conflict, Forbidden, LoginThrottled
from domain.identity.onboarding import InvitationStatus
from domain.identity.onboarding_errors import (
    InvitationExpired,
    InvitationInvalid,
    InvitationRevoked,
    InvitationUsed,
    SignupClosed,
)
from domain.principals import Principal, Role
from tests.unit.identity.users.conftest import PASSWORD, Users

CAROL = NewUser("carol", PASSWORD)


async def admin_of(users: Users) -> Principal:
    return await users.person("admin1", Role.ADMIN)


async def test_only_an_admin_invites(users: Users) -> None:
    trader = await users.person("trader1", Role.TRADER)

    with pytest.raises(Forbidden):
        await users.invitations.create(trader, Role.TRADER)
    with pytest.raises(Forbidden):
        await users.invitations.list(trader)


async def test_an_invitation_stores_only_the_digest_and_emails_the_token(users: Users) -> None:
    admin = await admin_of(users)

    issued = await users.invitations.create(admin, Role.TRADER, "Carol@Example.com", hours=24)

    stored = users.store.invitations[issued.invitation.id]
    assert issued.token not in repr(stored) and issued.token.split(".")[1] not in repr(stored)
    assert stored.email == "carol@example.com"
    assert stored.expires_at - stored.created_at == timedelta(hours=24)
    assert users.notifier.sent[-1].recipient == "carol@example.com"
    assert issued.token in users.notifier.sent[-1].body
    assert all(issued.token not in str(e.details) for e in await users.audit.entries())


async def test_accepting_creates_the_user_with_the_invited_role_once(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.RISK_OFFICER, "carol@example.com")

    user = await users.invitations.accept(issued.token, CAROL)

    assert user.role is Role.RISK_OFFICER
    assert users.store.users[user.id].email == "carol@example.com"
    assert await users.login("carol")
    with pytest.raises(InvitationUsed):
        await users.invitations.accept(issued.token, NewUser("carol2", PASSWORD))
    listed = await users.invitations.list(admin)
    assert listed[0].status is InvitationStatus.USED and listed[0].used_by == user.id


async def test_of_two_concurrent_accepts_exactly_one_wins(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.TRADER)

    results = await asyncio.gather(
        users.invitations.accept(issued.token, NewUser("carol", PASSWORD)),
        users.invitations.accept(issued.token, NewUser("dave1", PASSWORD)),
        return_exceptions=True,
    )

    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], InvitationUsed)
    assert len(users.store.users) == 2  # the admin and one invited user


async def test_an_expired_invitation_is_refused(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.TRADER, hours=1)

    users.clock.advance(timedelta(hours=1))

    with pytest.raises(InvitationExpired):
        await users.invitations.accept(issued.token, CAROL)
    assert (await users.invitations.list(admin))[0].status is InvitationStatus.EXPIRED


async def test_a_revoked_invitation_is_refused(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.TRADER)

    await users.invitations.revoke(admin, issued.invitation.id)

    with pytest.raises(InvitationRevoked):
        await users.invitations.accept(issued.token, CAROL)


async def test_a_taken_username_keeps_the_invitation_usable(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.TRADER)

    with pytest.raises(Conflict):
        await users.invitations.accept(issued.token, NewUser("admin1", PASSWORD))

    assert (await users.invitations.accept(issued.token, CAROL)).username == "carol"


async def test_wrong_tokens_throttle_the_client(users: Users) -> None:
    admin = await admin_of(users)
    issued = await users.invitations.create(admin, Role.TRADER)
    forged = issued.token[:-2] + "xx"

    for _ in range(11):
        with pytest.raises(InvitationInvalid):
            await users.invitations.accept(forged, CAROL, client="10.0.0.9")

    with pytest.raises(LoginThrottled):
        await users.invitations.accept(issued.token, CAROL, client="10.0.0.9")
    assert await users.invitations.accept(issued.token, CAROL, client="10.0.0.1")


async def test_signup_creates_an_owner_when_open_and_is_404_when_closed(users: Users) -> None:
    user = await users.invitations.signup(NewUser("erin1", PASSWORD, "erin@example.com"))

    assert user.role is Role.OWNER
    users.invitations.open_signup = False
    with pytest.raises(SignupClosed):
        await users.invitations.signup(NewUser("frank", PASSWORD))


async def test_an_email_belongs_to_one_user(users: Users) -> None:
    await users.invitations.signup(NewUser("erin1", PASSWORD, "erin@example.com"))

    with pytest.raises(Conflict) as taken:
        await users.invitations.signup(NewUser("erin2", PASSWORD, "ERIN@example.com"))
    assert taken.value.field == "email"
