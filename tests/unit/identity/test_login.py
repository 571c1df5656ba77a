"""Users and password login: validation, wrong credentials, password changes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Conflict, Forbidden, Unauthenticated
from domain.identity import InvalidCredentialInput
from domain.principals import Principal, Role
from tests.unit.identity.conftest import ADMIN, OWNER_NAME, PASSWORD, World


async def test_a_created_user_logs_in_and_its_access_token_authenticates(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)

    pair = await world.auth.login(OWNER_NAME, PASSWORD)
    session = await world.auth.authenticate(pair.access_token)

    assert session.principal == Principal(user.id, Role.OWNER)
    assert session.expires_at == world.clock.now() + timedelta(minutes=15)
    assert (pair.token_type, pair.expires_in, pair.refresh_expires_in) == (
        "Bearer",
        900,
        30 * 24 * 3600,
    )


async def test_usernames_are_case_insensitive_and_unique(world: World) -> None:
    await world.auth.create_user("Alice", PASSWORD, Role.OWNER)

    with pytest.raises(Conflict):
        await world.auth.create_user(" ALICE ", PASSWORD, Role.TRADER)
    pair = await world.auth.login("aLiCe", PASSWORD)

    assert pair.access_token


@pytest.mark.parametrize(
    ("username", "password", "role"),
    [
        ("alice", "short-pass1", Role.OWNER),
        ("alice", " " * 12, Role.OWNER),
        ("al", PASSWORD, Role.OWNER),
        ("alice smith", PASSWORD, Role.OWNER),
        ("robot", PASSWORD, Role.AGENT),
        ("kernel", PASSWORD, Role.SYSTEM),
    ],
)
async def test_unusable_credentials_are_refused(
    world: World, username: str, password: str, role: Role
) -> None:
    with pytest.raises(InvalidCredentialInput) as raised:
        await world.auth.create_user(username, password, role)

    assert raised.value.code == "INVALID_CREDENTIALS_INPUT"
    assert world.store.users == {}


async def test_only_an_admin_creates_users_on_behalf_of_someone(world: World) -> None:
    trader = Principal("u-9", Role.TRADER)

    with pytest.raises(Forbidden):
        await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER, actor=trader)
    created = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.RISK_OFFICER, actor=ADMIN)

    assert created.role is Role.RISK_OFFICER
    assert (await world.audit.entries(f"user:{created.id}"))[0].actor == ADMIN.id


async def test_the_password_is_stored_only_as_an_argon2id_hash(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)

    [user] = world.store.users.values()

    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in repr(user)


async def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)

    with pytest.raises(Unauthenticated) as wrong_password:
        await world.auth.login(OWNER_NAME, "not the password at all")
    with pytest.raises(Unauthenticated) as unknown_user:
        await world.auth.login("mallory", PASSWORD)

    assert type(wrong_password.value) is type(unknown_user.value) is Unauthenticated
    assert wrong_password.value.message == unknown_user.value.message


async def test_set_password_needs_the_current_one_and_ends_refresh_tokens(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    pair = await world.auth.login(OWNER_NAME, PASSWORD)
    principal = Principal(user.id, user.role)

    with pytest.raises(Unauthenticated):
        await world.auth.set_password(principal, "not my password", "a brand new passphrase")
    await world.auth.set_password(principal, PASSWORD, "a brand new passphrase")

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(pair.refresh_token)
    with pytest.raises(Unauthenticated):
        await world.auth.login(OWNER_NAME, PASSWORD)
    assert await world.auth.login(OWNER_NAME, "a brand new passphrase")
