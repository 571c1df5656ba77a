"""Agents' API keys: issue, authenticate, revoke, list; other owners' agents and keys are hidden."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Forbidden, NotFound, Unauthenticated
from domain.principals import Principal, Role
from tests.unit.identity.conftest import ADMIN, World

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)


@pytest.fixture
async def keyed(world: World) -> World:
    """OWNER's agent-1 and STRANGER's agent-2."""
    await world.add_agent("agent-1", OWNER.id)
    await world.add_agent("agent-2", STRANGER.id)
    return world


async def test_a_new_key_authenticates_as_its_agent(keyed: World) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1", "prod bot")

    principal = await keyed.api_keys.authenticate(created.api_key)

    assert principal == Principal("agent-1", Role.AGENT)
    assert created.api_key.startswith(f"bwk_{created.key_id}_")
    assert created.created_at == keyed.clock.now()


async def test_a_key_for_another_owners_agent_is_not_found(keyed: World) -> None:
    with pytest.raises(NotFound):
        await keyed.api_keys.create(OWNER, "agent-2")
    with pytest.raises(NotFound):
        await keyed.api_keys.create(OWNER, "no-such-agent")

    assert keyed.store.api_keys == {}


async def test_an_admin_may_issue_a_key_for_any_agent_and_it_is_the_owners(keyed: World) -> None:
    created = await keyed.api_keys.create(ADMIN, "agent-2")

    [listed] = await keyed.api_keys.list(STRANGER)

    assert listed.key_id == created.key_id
    assert await keyed.api_keys.list(OWNER) == []


async def test_an_agent_cannot_issue_keys(keyed: World) -> None:
    with pytest.raises(Forbidden):
        await keyed.api_keys.create(Principal("agent-1", Role.AGENT), "agent-1")


async def test_a_revoked_key_no_longer_authenticates(keyed: World) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1")
    keyed.clock.advance(timedelta(hours=1))

    await keyed.api_keys.revoke(OWNER, created.key_id)

    with pytest.raises(Unauthenticated):
        await keyed.api_keys.authenticate(created.api_key)
    [view] = await keyed.api_keys.list(OWNER)
    assert view.revoked_at == keyed.clock.now()


async def test_revoking_another_owners_key_is_not_found_and_changes_nothing(keyed: World) -> None:
    theirs = await keyed.api_keys.create(STRANGER, "agent-2")

    with pytest.raises(NotFound):
        await keyed.api_keys.revoke(OWNER, theirs.key_id)

    assert await keyed.api_keys.authenticate(theirs.api_key)


@pytest.mark.parametrize("mangle", ["secret", "id", "prefix", "empty"])
async def test_a_wrong_key_is_refused(keyed: World, mangle: str) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1")
    secret = created.api_key.removeprefix(f"bwk_{created.key_id}_")
    bad = {
        "secret": f"bwk_{created.key_id}_{secret[:-1]}x",
        "id": f"bwk_ak-999999_{secret}",
        "prefix": created.api_key.removeprefix("bwk_"),
        "empty": "",
    }[mangle]

    with pytest.raises(Unauthenticated):
        await keyed.api_keys.authenticate(bad)


async def test_only_the_digest_of_the_key_is_stored(keyed: World) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1")
    secret = created.api_key.removeprefix(f"bwk_{created.key_id}_")

    [stored] = keyed.store.api_keys.values()

    assert secret not in repr(stored)
    assert created.api_key not in repr(stored)
    assert len(stored.secret_digest) == 64


async def test_last_used_is_noted_at_most_once_a_minute(keyed: World) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1")
    await keyed.api_keys.authenticate(created.api_key)
    first_use = keyed.clock.now()

    keyed.clock.advance(timedelta(seconds=30))
    await keyed.api_keys.authenticate(created.api_key)
    [after_30s] = await keyed.api_keys.list(OWNER)
    keyed.clock.advance(timedelta(seconds=30))
    await keyed.api_keys.authenticate(created.api_key)
    [after_60s] = await keyed.api_keys.list(OWNER)

    assert after_30s.last_used_at == first_use
    assert after_60s.last_used_at == keyed.clock.now()


async def test_listing_shows_the_owners_keys_oldest_first_and_all_to_an_admin(
    keyed: World,
) -> None:
    first = await keyed.api_keys.create(OWNER, "agent-1", "one")
    keyed.clock.advance(1)
    second = await keyed.api_keys.create(OWNER, "agent-1", "two")
    theirs = await keyed.api_keys.create(STRANGER, "agent-2", "three")

    mine = await keyed.api_keys.list(OWNER)
    everything = await keyed.api_keys.list(ADMIN)

    assert [(k.key_id, k.label) for k in mine] == [(first.key_id, "one"), (second.key_id, "two")]
    assert {k.key_id for k in everything} == {first.key_id, second.key_id, theirs.key_id}


async def test_issue_and_revoke_are_audited_without_the_key(keyed: World) -> None:
    created = await keyed.api_keys.create(OWNER, "agent-1")
    await keyed.api_keys.revoke(OWNER, created.key_id)

    entries = await keyed.audit.entries("agent:agent-1")

    assert [e.action for e in entries] == ["api_key.revoke", "api_key.create"]
    assert all(created.api_key not in repr(e) for e in entries)
