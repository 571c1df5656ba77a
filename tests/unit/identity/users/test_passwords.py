"""Password change (other sessions end, a fresh pair) and reset by a one-time token."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Unauthenticated
from domain.identity import InvalidCredentialInput
from domain.identity.onboarding_errors import ResetTokenExpired, ResetTokenInvalid, ResetTokenUsed
from tests.unit.identity.users.conftest import NEW_PASSWORD, PASSWORD, Users


def token_in(users: Users) -> str:
    body = users.notifier.sent[-1].body
    return next(word for word in body.split() if word.startswith("pwr-"))


async def test_a_password_change_ends_every_session_and_answers_a_fresh_pair(
    users: Users,
) -> None:
    alice = await users.person("alice")
    phone = await users.login("alice")
    laptop = await users.login("alice")
    await users.auth.authenticate(phone.access_token)  # cached

    fresh = await users.auth.set_password(alice, PASSWORD, NEW_PASSWORD)

    for old in (phone, laptop):
        with pytest.raises(Unauthenticated):
            await users.auth.authenticate(old.access_token)
        with pytest.raises(Unauthenticated):
            await users.auth.refresh(old.refresh_token)
    assert (await users.auth.authenticate(fresh.access_token)).principal == alice
    assert await users.auth.refresh(fresh.refresh_token)
    assert users.notifier.sent[-1].subject == "Your password was changed"


async def test_a_password_change_needs_the_current_password_and_a_good_new_one(
    users: Users,
) -> None:
    alice = await users.person("alice")

    with pytest.raises(Unauthenticated):
        await users.auth.set_password(alice, "not my password", NEW_PASSWORD)
    with pytest.raises(InvalidCredentialInput) as weak:
        await users.auth.set_password(alice, PASSWORD, "password1234")
    assert weak.value.field == "new_password"


async def test_a_reset_request_for_nobody_sends_nothing_and_says_nothing(users: Users) -> None:
    await users.person("alice", email="alice@example.com")

    assert await users.resets.request("nobody") is None
    assert await users.resets.request("nobody@example.com") is None

    assert users.notifier.sent == []


async def test_a_reset_token_sets_the_password_once_and_ends_every_session(users: Users) -> None:
    await users.person("alice", email="alice@example.com")
    session = await users.login("alice")
    await users.resets.request("ALICE@example.com")
    token = token_in(users)

    await users.resets.confirm(token, NEW_PASSWORD)

    assert users.notifier.sent[0].recipient == "alice@example.com"
    with pytest.raises(Unauthenticated):
        await users.auth.authenticate(session.access_token)
    with pytest.raises(Unauthenticated):
        await users.login("alice")
    assert await users.login("alice", NEW_PASSWORD)
    with pytest.raises(ResetTokenUsed):
        await users.resets.confirm(token, "yet another passphrase")


async def test_a_newer_reset_request_invalidates_the_earlier_token(users: Users) -> None:
    await users.person("alice")
    await users.resets.request("alice")
    first = token_in(users)
    await users.resets.request("alice")
    second = token_in(users)

    with pytest.raises(ResetTokenUsed):
        await users.resets.confirm(first, NEW_PASSWORD)
    await users.resets.confirm(second, NEW_PASSWORD)


async def test_a_reset_token_expires_after_30_minutes(users: Users) -> None:
    await users.person("alice")
    await users.resets.request("alice")
    token = token_in(users)

    users.clock.advance(timedelta(minutes=30))

    with pytest.raises(ResetTokenExpired):
        await users.resets.confirm(token, NEW_PASSWORD)


async def test_a_forged_reset_token_is_invalid(users: Users) -> None:
    await users.person("alice")
    await users.resets.request("alice")
    token = token_in(users)

    with pytest.raises(ResetTokenInvalid):
        await users.resets.confirm(token[:-3] + "abc", NEW_PASSWORD)
    with pytest.raises(ResetTokenInvalid):
        await users.resets.confirm("not-a-token", NEW_PASSWORD)


async def test_reset_requests_per_user_are_capped(users: Users) -> None:
    await users.person("alice")

    for _ in range(5):
        await users.resets.request("alice")

    assert len(users.notifier.sent) == 3
    users.clock.advance(timedelta(minutes=16))
    await users.resets.request("alice")
    assert len(users.notifier.sent) == 4
