"""Users and password login: validation, wrong credentials, and the lockout after 5 failures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Conflict, Forbidden, LoginLocked, Unauthenticated
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


async def test_five_failures_lock_the_username_even_for_the_right_password(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
        world.clock.advance(timedelta(minutes=1))

    with pytest.raises(LoginLocked) as raised:
        await world.auth.login(OWNER_NAME, PASSWORD)

    assert raised.value.code == "LOGIN_LOCKED"


async def test_the_lock_is_released_once_the_failures_leave_the_window(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
    world.clock.advance(timedelta(minutes=14, seconds=59))
    with pytest.raises(LoginLocked):
        await world.auth.login(OWNER_NAME, PASSWORD)

    world.clock.advance(timedelta(seconds=1))
    pair = await world.auth.login(OWNER_NAME, PASSWORD)

    assert (await world.auth.authenticate(pair.access_token)).principal.role is Role.OWNER


async def test_failures_spread_wider_than_the_window_do_not_lock(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(8):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
        world.clock.advance(timedelta(minutes=4))

    pair = await world.auth.login(OWNER_NAME, PASSWORD)

    assert pair.access_token


async def test_a_success_clears_earlier_failures(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(4):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
    await world.auth.login(OWNER_NAME, PASSWORD)

    for _ in range(4):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
    pair = await world.auth.login(OWNER_NAME, PASSWORD)

    assert pair.access_token


async def test_unknown_usernames_lock_like_known_ones(world: World) -> None:
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await world.auth.login("mallory", PASSWORD)

    with pytest.raises(LoginLocked):
        await world.auth.login("mallory", PASSWORD)


async def test_failures_and_the_lockout_are_audited_without_the_password(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await world.auth.login(OWNER_NAME, "wrong password!!")
    with pytest.raises(LoginLocked):
        await world.auth.login(OWNER_NAME, PASSWORD)

    entries = await world.audit.entries(f"login:{OWNER_NAME}")

    actions = [(e.action, e.outcome, dict(e.details).get("reason")) for e in reversed(entries)]
    assert actions == [
        *[("auth.login", "refused", "bad credentials")] * 5,
        ("auth.lockout", "locked", None),
        ("auth.login", "refused", "locked"),
    ]
    assert all(PASSWORD not in repr(e) and "wrong password" not in repr(e) for e in entries)


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
