"""Admin operations on users: roles, deactivation (sessions die at once), MFA reset."""

from __future__ import annotations

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.store import unit_of_work_factory
from application.identity.apikeys import ApiKeyService
from domain.agents.heartbeat import Agent
from domain.errors import Forbidden, NotFound, Unauthenticated
from domain.identity.onboarding_errors import AccountDeactivated, LastAdmin, OwnRoleChange
from domain.principals import Principal, Role
from tests.unit.identity.users.conftest import Users


async def test_a_non_admin_is_refused_every_admin_operation(users: Users) -> None:
    trader = await users.person("trader1", Role.TRADER)
    other = await users.person("other1")

    for call in (
        users.admin.list(trader),
        users.admin.set_role(trader, other.id, Role.ADMIN),
        users.admin.deactivate(trader, other.id),
        users.admin.reactivate(trader, other.id),
        users.admin.reset_mfa(trader, other.id),
    ):
        with pytest.raises(Forbidden):
            await call


async def test_a_non_admin_reads_only_themselves(users: Users) -> None:
    trader = await users.person("trader1", Role.TRADER)
    other = await users.person("other1")

    assert (await users.admin.get(trader, trader.id)).username == "trader1"
    with pytest.raises(NotFound):
        await users.admin.get(trader, other.id)


async def test_the_list_is_paged_by_username(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    for name in ("carol", "bob", "dave"):
        await users.person(name)

    first = await users.admin.list(admin, limit=2)
    second = await users.admin.list(admin, after=first.next_after, limit=2)

    assert [u.username for u in first.users] == ["admin1", "bob"]
    assert [u.username for u in second.users] == ["carol", "dave"]
    assert second.next_after is None


async def test_an_admin_changes_a_role_and_the_live_token_carries_it_at_once(
    users: Users,
) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    alice = await users.person("alice")
    token = (await users.login("alice")).access_token
    before = await users.auth.authenticate(token)  # cached

    changed = await users.admin.set_role(admin, alice.id, Role.RISK_OFFICER)

    after = await users.auth.authenticate(token)
    assert changed.role is Role.RISK_OFFICER
    assert (before.principal.role, after.principal.role) == (Role.OWNER, Role.RISK_OFFICER)
    entry = (await users.audit.entries(f"user:{alice.id}"))[0]
    assert (entry.action, entry.actor, entry.details["to"]) == (
        "user.role",
        admin.id,
        "risk_officer",
    )


async def test_an_admin_cannot_change_their_own_role(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)

    with pytest.raises(OwnRoleChange):
        await users.admin.set_role(admin, admin.id, Role.OWNER)


async def test_the_last_active_admin_cannot_be_demoted_or_deactivated(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    other = await users.person("admin2", Role.ADMIN)
    await users.admin.deactivate(admin, other.id)  # admin1 is now the only active admin

    with pytest.raises(LastAdmin):
        await users.admin.set_role(Principal.system(), admin.id, Role.OWNER)
    with pytest.raises(LastAdmin):
        await users.admin.deactivate(Principal.system(), admin.id)


async def test_deactivation_refuses_login_refresh_and_the_live_access_token(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    alice = await users.person("alice")
    pair = await users.login("alice")
    await users.auth.authenticate(pair.access_token)  # now in the session cache

    await users.admin.deactivate(admin, alice.id)

    with pytest.raises(Unauthenticated):
        await users.auth.authenticate(pair.access_token)
    with pytest.raises(Unauthenticated):
        await users.auth.refresh(pair.refresh_token)
    with pytest.raises(AccountDeactivated):
        await users.login("alice")
    assert all(t.is_revoked for t in users.store.refresh_tokens.values())


async def test_deactivation_revokes_the_api_keys_of_the_users_agents(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    alice = await users.person("alice")
    async with unit_of_work_factory(users.store)() as uow:
        await uow.agents.add(Agent("agent-1", alice.id))
        await uow.commit()
    keys = ApiKeyService(
        unit_of_work_factory(users.store), users.clock, SequentialIds(), users.audit
    )
    created = await keys.create(alice, "agent-1")
    assert await keys.authenticate(created.api_key)

    await users.admin.deactivate(admin, alice.id)

    with pytest.raises(Unauthenticated):
        await keys.authenticate(created.api_key)


async def test_a_reactivated_user_logs_in_again(users: Users) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    alice = await users.person("alice")
    await users.admin.deactivate(admin, alice.id)

    view = await users.admin.reactivate(admin, alice.id)

    assert view.active
    assert await users.auth.authenticate((await users.login("alice")).access_token)


async def test_mfa_reset_clears_the_factor_audits_the_admin_and_tells_the_user(
    users: Users,
) -> None:
    admin = await users.person("admin1", Role.ADMIN)
    alice = await users.person("alice", email="alice@example.com")
    enrollment = await users.auth.enroll_mfa(alice)
    user = users.store.users[alice.id]
    user.activate_mfa()
    assert enrollment.backup_codes and user.mfa_enabled

    view = await users.admin.reset_mfa(admin, alice.id)

    assert not view.mfa_enabled and user.mfa_secret is None and user.backup_code_digests == []
    entry = (await users.audit.entries())[0]
    assert (entry.action, entry.actor, entry.target) == (
        "user.mfa_reset",
        admin.id,
        f"user:{alice.id}",
    )
    assert users.notifier.sent[-1].recipient == "alice@example.com"
    assert (await users.login("alice")).access_token  # no code asked any more
