"""Contract of users' email and active flag, invitations and password-reset tokens,
on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import ConcurrentUpdate, Conflict
from domain.identity import User, digest
from domain.identity.onboarding import Invitation, PasswordResetToken
from domain.identity.onboarding_errors import InvitationUsed, ResetTokenUsed
from domain.principals import Role
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, 5, 123456, tzinfo=UTC)


def _user(n: int, email: str | None = None, active: bool = True) -> User:
    return User(f"usr-{n}", f"user{n}", f"hash-{n}", Role.TRADER, T0, email=email, active=active)


async def _add_user(store: StoreUnderTest, user: User) -> None:
    await store.save("users", user)


def _invitation(n: int, **kw: object) -> Invitation:
    at = T0 + timedelta(minutes=n)
    return Invitation(
        f"inv-{n}", digest(f"s{n}"), Role.TRADER, "usr-admin", at, at + timedelta(hours=72), **kw
    )  # type: ignore[arg-type]


def _reset(n: int, user: str = "usr-1") -> PasswordResetToken:
    at = T0 + timedelta(minutes=n)
    return PasswordResetToken(f"pwr-{n}", user, digest(f"r{n}"), at, at + timedelta(minutes=30))


async def test_a_user_keeps_email_and_active_and_is_found_by_email(store: StoreUnderTest) -> None:
    await store.save("users", _user(1, "one@example.com", active=False), _user(2))

    async with store.uow() as uow:
        found = await uow.users.by_email("one@example.com")
        nobody = await uow.users.by_email("two@example.com")
        plain = await uow.users.get("usr-2")

    assert found is not None and found.id == "usr-1" and found.active is False
    assert nobody is None
    assert plain is not None and plain.email is None and plain.active is True


async def test_two_users_cannot_share_an_email_but_many_have_none(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        for n in (1, 2, 3):
            await uow.users.add(_user(n, "one@example.com" if n == 1 else None))
        await uow.commit()

    with pytest.raises(Conflict):
        await _add_user(store, _user(4, "one@example.com"))
    async with store.uow() as uow:
        assert await uow.users.get("usr-4") is None
        assert len(await uow.users.list()) == 3


async def test_an_invitation_round_trips_and_lists_newest_first(store: StoreUnderTest) -> None:
    used = _invitation(2, email="c@example.com", used_at=T0, used_by="usr-9")
    await store.save("invitations", _invitation(1), used)

    async with store.uow() as uow:
        listed = await uow.invitations.list()
        missing = await uow.invitations.get("inv-404")

    assert [i.id for i in listed] == ["inv-2", "inv-1"]
    assert asdict(listed[0]) == asdict(used)
    assert missing is None


async def test_of_two_units_of_work_that_use_one_invitation_one_commits(
    store: StoreUnderTest,
) -> None:
    await store.save("invitations", _invitation(1))
    first, second = store.uow(), store.uow()
    async with first:
        a = await first.invitations.get("inv-1")
        async with second:
            b = await second.invitations.get("inv-1")
            assert a is not None and b is not None
            a.use("usr-a", T0)
            await first.invitations.add(a)
            await first.commit()
            if a is b:  # the in-memory store hands out the stored object: already used
                with pytest.raises(InvitationUsed):
                    b.use("usr-b", T0)
            else:  # a stale copy: the conditional update finds nothing to update
                b.use("usr-b", T0)
                await second.invitations.add(b)
                with pytest.raises(ConcurrentUpdate):
                    await second.commit()

    async with store.uow() as uow:
        stored = await uow.invitations.get("inv-1")
    assert stored is not None and stored.used_by == "usr-a"


async def test_reset_tokens_by_user_and_their_use_is_saved(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        for token in (_reset(1), _reset(2), _reset(3, user="usr-2")):
            await uow.password_resets.add(token)
        await uow.commit()

    async with store.uow() as uow:
        token = await uow.password_resets.get("pwr-2")
        assert token is not None
        token.use(T0 + timedelta(minutes=3))
        await uow.password_resets.add(token)
        await uow.commit()

    async with store.uow() as uow:
        mine = await uow.password_resets.by_user("usr-1")
    assert [t.id for t in mine] == ["pwr-1", "pwr-2"]
    assert mine[1].used_at == T0 + timedelta(minutes=3) and mine[0].used_at is None


async def test_of_two_units_of_work_that_use_one_reset_token_one_commits(
    store: StoreUnderTest,
) -> None:
    await store.save("password_resets", _reset(1))
    first, second = store.uow(), store.uow()
    async with first:
        a = await first.password_resets.get("pwr-1")
        async with second:
            b = await second.password_resets.get("pwr-1")
            assert a is not None and b is not None
            a.use(T0)
            await first.password_resets.add(a)
            await first.commit()
            if a is b:  # the stored object itself: already spent
                with pytest.raises(ResetTokenUsed):
                    b.use(T0)
            else:
                b.use(T0)
                await second.password_resets.add(b)
                with pytest.raises(ConcurrentUpdate):
                    await second.commit()
