"""Security actions that leave an audit entry: refusals of logins, refreshes, MFA codes, keys."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Unauthenticated
from domain.identity.onboarding_errors import AccountDeactivated
from domain.principals import Principal, Role
from ports.core.events import AuditEntry
from tests.unit.identity.conftest import OWNER_NAME, PASSWORD, World

OWNER = Principal("u-1", Role.OWNER)


async def _actions(world: World) -> list[tuple[str, str]]:
    return [(e.action, e.outcome) for e in reversed(await world.audit.entries(limit=1000))]


def _last(entries: list[AuditEntry], action: str) -> AuditEntry:
    return next(e for e in entries if e.action == action)


async def test_a_deactivated_users_login_is_refused_and_audited(world: World) -> None:
    # Arrange
    view = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    world.store.users[view.id].active = False

    # Act
    with pytest.raises(AccountDeactivated):
        await world.auth.login(OWNER_NAME, PASSWORD)

    # Assert
    entry = _last(await world.audit.entries(), "auth.login")
    assert (entry.actor, entry.outcome, entry.details) == (
        view.id,
        "refused",
        {"reason": "deactivated"},
    )


async def test_a_refresh_with_a_wrong_secret_is_audited_without_the_token(world: World) -> None:
    # Arrange
    view = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    pair = await world.auth.login(OWNER_NAME, PASSWORD)
    forged = pair.refresh_token[:-4] + (
        "AAAA" if not pair.refresh_token.endswith("AAAA") else "BBBB"
    )

    # Act
    with pytest.raises(Unauthenticated):
        await world.auth.refresh(forged)

    # Assert
    entry = _last(await world.audit.entries(), "auth.refresh")
    assert (entry.actor, entry.target, entry.outcome) == (view.id, f"user:{view.id}", "refused")
    assert pair.refresh_token not in repr(entry) and forged not in repr(entry)


async def test_a_wrong_mfa_code_at_verification_is_audited(world: World) -> None:
    # Arrange
    view = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    principal = Principal(view.id, view.role)
    await world.auth.enroll_mfa(principal)

    # Act
    with pytest.raises(Unauthenticated):
        await world.auth.verify_mfa(principal, "000000")

    # Assert
    assert ("auth.mfa_verify", "refused") in await _actions(world)


async def test_key_refusals_are_audited_and_use_at_most_once_a_minute(world: World) -> None:
    # Arrange
    await world.add_agent("agent-1", OWNER.id)
    created = await world.api_keys.create(OWNER, "agent-1", "bot")

    # Act
    for _ in range(3):
        await world.api_keys.authenticate(created.api_key)
    world.clock.advance(timedelta(minutes=1))
    await world.api_keys.authenticate(created.api_key)
    with pytest.raises(Unauthenticated):
        await world.api_keys.authenticate(created.api_key[:-2] + "zz")
    with pytest.raises(Unauthenticated):
        await world.api_keys.authenticate("not-a-key")

    # Assert
    actions = await _actions(world)
    assert actions.count(("api_key.use", "ok")) == 2
    refusals = [e for e in await world.audit.entries() if e.action == "api_key.authenticate"]
    assert [e.details["reason"] for e in refusals] == ["malformed", "unknown key"]
    assert refusals[1].target == "agent:agent-1"
    assert all(created.api_key not in repr(e) for e in await world.audit.entries(limit=100))
