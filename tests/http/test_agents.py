"""HTTP agents: registration, heartbeats and liveness, API keys shown once and revoked."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading")

AGENTS = "/api/v1/agents"


async def register(h: Harness, user: User, agent_id: str = "bot-1", **extra: Any) -> Any:
    body = {"agent_id": agent_id, "name": "Momentum bot", "account_ids": ["acc-1"], **extra}
    return await h.client.post(AGENTS, json=body, headers=user.headers)


async def new_key(h: Harness, user: User, agent_id: str = "bot-1") -> dict[str, Any]:
    response = await h.client.post(
        f"{AGENTS}/{agent_id}/keys", json={"label": "prod"}, headers=user.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


# -- registration -----------------------------------------------------------------------


async def test_owner_registers_an_agent_on_their_accounts(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")

    response = await register(harness, owner, heartbeat_threshold_seconds=10)

    assert response.status_code == 201, response.text
    agent = response.json()
    assert agent["agent_id"] == "bot-1"
    assert agent["owner_id"] == owner.id
    assert agent["account_ids"] == ["acc-1"]
    assert agent["liveness"] == "pending"
    assert agent["threshold_seconds"] == 10
    assert agent["last_heartbeat"] is None
    [stored] = await harness.container.safety.agents().status_all(owner.principal)
    assert stored.agent_id == "bot-1"


async def test_registering_on_another_users_account_is_not_found(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    await harness.account(other, "acc-1")

    response = await register(harness, owner)

    assert_problem(response, 404, "NOT_FOUND")
    assert await harness.container.safety.agents().status_all(other.principal) == []


async def test_a_taken_agent_id_conflicts(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    assert (await register(harness, owner)).status_code == 201

    assert_problem(await register(harness, owner), 409, "CONFLICT")


async def test_registration_refusals(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-0", ("acc-1",))
    body = {"agent_id": "bot-1", "account_ids": ["acc-1"]}

    anonymous = await harness.client.post(AGENTS, json=body)
    by_agent = await harness.client.post(AGENTS, json=body, headers={"X-API-Key": key})
    unknown = await harness.client.post(AGENTS, json={**body, "x": 1}, headers=owner.headers)
    bad_type = await harness.client.post(
        AGENTS, json={**body, "account_ids": "acc-1"}, headers=owner.headers
    )
    bad_threshold = await harness.client.post(
        AGENTS, json={**body, "heartbeat_threshold_seconds": 0}, headers=owner.headers
    )

    assert_problem(anonymous, 401, "UNAUTHENTICATED")
    assert_problem(by_agent, 403, "FORBIDDEN")
    assert "x" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert "account_ids" in field_names(assert_problem(bad_type, 400, "VALIDATION_ERROR"))
    assert "heartbeat_threshold_seconds" in field_names(
        assert_problem(bad_threshold, 400, "VALIDATION_ERROR")
    )


# -- heartbeats and liveness --------------------------------------------------------------


async def test_the_agent_heartbeats_with_its_api_key(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", ("acc-1",))
    heartbeat_at = harness.clock.now()

    beat = await harness.client.post(
        f"{AGENTS}/bot-1/heartbeat", json={"status": "trading"}, headers={"X-API-Key": key}
    )
    harness.clock.advance(2)
    seen = await harness.client.get(f"{AGENTS}/bot-1", headers=owner.headers)

    assert beat.status_code == 200, beat.text
    assert beat.json()["liveness"] == "alive"
    agent = seen.json()
    assert agent["liveness"] == "alive"
    assert agent["reported_status"] == "trading"
    assert agent["seconds_since_heartbeat"] == 2
    assert agent["last_heartbeat"].startswith(heartbeat_at.isoformat()[:19])


async def test_the_owner_may_heartbeat_for_the_agent(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    await register(harness, owner)

    response = await harness.client.post(
        f"{AGENTS}/bot-1/heartbeat", json={}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["reported_status"] == "ok"


async def test_a_silent_agent_reads_dead(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    await register(harness, owner, heartbeat_threshold_seconds=5)
    await harness.client.post(f"{AGENTS}/bot-1/heartbeat", json={}, headers=owner.headers)
    harness.clock.advance(6)

    response = await harness.client.get(f"{AGENTS}/bot-1", headers=owner.headers)

    assert response.json()["liveness"] == "dead"
    assert response.json()["declared_dead"] is False


async def test_another_owners_agent_is_not_found(harness: Harness, owner: User) -> None:
    other = await harness.user()
    await harness.account(other, "acc-9")
    other_key = await harness.agent_key(other, "bot-9", ("acc-9",))
    await harness.account(owner, "acc-1")
    my_key = await harness.agent_key(owner, "bot-1", ("acc-1",))

    read = await harness.client.get(f"{AGENTS}/bot-9", headers=owner.headers)
    beat = await harness.client.post(f"{AGENTS}/bot-9/heartbeat", json={}, headers=owner.headers)
    beat_as_other_agent = await harness.client.post(
        f"{AGENTS}/bot-1/heartbeat", json={}, headers={"X-API-Key": other_key}
    )
    listed = await harness.client.get(AGENTS, headers=owner.headers)
    as_agent = await harness.client.get(AGENTS, headers={"X-API-Key": my_key})

    assert_problem(read, 404, "NOT_FOUND")
    assert_problem(beat, 404, "NOT_FOUND")
    assert_problem(beat_as_other_agent, 404, "NOT_FOUND")
    assert [a["agent_id"] for a in listed.json()["items"]] == ["bot-1"]
    assert [a["agent_id"] for a in as_agent.json()["items"]] == ["bot-1"]


async def test_supervisors_list_every_agent(harness: Harness, owner: User) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    other = await harness.user()
    await harness.account(owner, "acc-1")
    await harness.account(other, "acc-2")
    await harness.agent_key(owner, "bot-1", ("acc-1",))
    await harness.agent_key(other, "bot-2", ("acc-2",))

    response = await harness.client.get(AGENTS, headers=officer.headers)

    assert [a["agent_id"] for a in response.json()["items"]] == ["bot-1", "bot-2"]


async def test_heartbeat_body_is_validated(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    await register(harness, owner)

    unknown = await harness.client.post(
        f"{AGENTS}/bot-1/heartbeat", json={"pulse": 1}, headers=owner.headers
    )
    bad_type = await harness.client.post(
        f"{AGENTS}/bot-1/heartbeat", json={"status": 3}, headers=owner.headers
    )
    anonymous = await harness.client.post(f"{AGENTS}/bot-1/heartbeat", json={})

    assert "pulse" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert "status" in field_names(assert_problem(bad_type, 400, "VALIDATION_ERROR"))
    assert_problem(anonymous, 401, "UNAUTHENTICATED")


# -- API keys -----------------------------------------------------------------------------


async def test_a_new_key_is_shown_once_and_authenticates_the_agent(
    harness: Harness, owner: User
) -> None:
    await harness.account(owner, "acc-1")
    await register(harness, owner)

    created = await new_key(harness, owner)
    listed = await harness.client.get(f"{AGENTS}/bot-1/keys", headers=owner.headers)
    as_agent = await harness.client.get(
        f"{AGENTS}/bot-1", headers={"X-API-Key": created["api_key"]}
    )

    assert created["api_key"].startswith("bwk_")
    assert created["agent_id"] == "bot-1"
    [key] = listed.json()["items"]
    assert key == {
        "key_id": created["key_id"],
        "agent_id": "bot-1",
        "label": "prod",
        "created_at": created["created_at"],
        "revoked": False,
        "scopes": ["read", "trade", "halt"],
        "revoked_at": None,
        "last_used_at": None,
    }
    assert created["api_key"] not in listed.text
    assert as_agent.status_code == 200, as_agent.text


async def test_a_revoked_key_no_longer_authenticates(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    await register(harness, owner)
    created = await new_key(harness, owner)

    response = await harness.client.delete(
        f"{AGENTS}/bot-1/keys/{created['key_id']}", headers=owner.headers
    )
    again = await harness.client.delete(
        f"{AGENTS}/bot-1/keys/{created['key_id']}", headers=owner.headers
    )
    rejected = await harness.client.get(
        f"{AGENTS}/bot-1", headers={"X-API-Key": created["api_key"]}
    )

    assert response.status_code == 204, response.text
    assert again.status_code == 204, again.text
    assert_problem(rejected, 401, "UNAUTHENTICATED")
    listed = await harness.client.get(f"{AGENTS}/bot-1/keys", headers=owner.headers)
    assert listed.json()["items"][0]["revoked"] is True


async def test_keys_of_another_owners_agent_are_not_found(harness: Harness, owner: User) -> None:
    other = await harness.user()
    await harness.account(other, "acc-9")
    await harness.agent_key(other, "bot-9", ("acc-9",))
    [other_key] = await harness.container.core.api_keys().list(other.principal)
    await harness.account(owner, "acc-1")
    await register(harness, owner)

    create = await harness.client.post(f"{AGENTS}/bot-9/keys", json={}, headers=owner.headers)
    listing = await harness.client.get(f"{AGENTS}/bot-9/keys", headers=owner.headers)
    revoke = await harness.client.delete(
        f"{AGENTS}/bot-9/keys/{other_key.key_id}", headers=owner.headers
    )
    revoke_via_mine = await harness.client.delete(
        f"{AGENTS}/bot-1/keys/{other_key.key_id}", headers=owner.headers
    )

    assert_problem(create, 404, "NOT_FOUND")
    assert_problem(listing, 404, "NOT_FOUND")
    assert_problem(revoke, 404, "NOT_FOUND")
    assert_problem(revoke_via_mine, 404, "NOT_FOUND")
    [still] = await harness.container.core.api_keys().list(other.principal)
    assert still.revoked_at is None


async def test_agents_cannot_manage_keys(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", ("acc-1",))
    agent = {"X-API-Key": key}

    create = await harness.client.post(f"{AGENTS}/bot-1/keys", json={}, headers=agent)
    listing = await harness.client.get(f"{AGENTS}/bot-1/keys", headers=agent)
    anonymous = await harness.client.post(f"{AGENTS}/bot-1/keys", json={})
    unknown = await harness.client.post(
        f"{AGENTS}/bot-1/keys", json={"scope": "all"}, headers=owner.headers
    )

    assert_problem(create, 403, "FORBIDDEN")
    assert_problem(listing, 403, "FORBIDDEN")
    assert_problem(anonymous, 401, "UNAUTHENTICATED")
    assert "scope" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
