"""HTTP workspaces: save by name (201/200), the default, list and delete, per user."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves(), pytest.mark.shares_app()]

SAVE = "/api/v1/user/workspace"
LIST = "/api/v1/user/workspaces"
LAYOUT = {"panels": [{"kind": "chart", "symbol": "AAPL"}, {"kind": "orders"}], "theme": "dark"}


async def save(h: Harness, user: User, name: str, **extra: Any) -> Any:
    body = {"workspace_name": name, "layout_json": LAYOUT, **extra}
    return await h.client.post(SAVE, json=body, headers=user.headers)


async def test_first_workspace_is_created_and_becomes_the_default(
    harness: Harness, owner: User
) -> None:
    created = await save(harness, owner, "Trading")

    default = await harness.client.get(SAVE, headers=owner.headers)

    assert created.status_code == 201, created.text
    body = created.json()
    assert body["workspace_name"] == "Trading"
    assert body["layout_json"] == LAYOUT
    assert body["is_default"] is True
    assert default.json() == body


@pytest.mark.own_app("it moves the clock")
async def test_saving_an_existing_name_replaces_its_layout(harness: Harness, owner: User) -> None:
    first = (await save(harness, owner, "Trading")).json()
    harness.clock.advance(60)

    response = await harness.client.post(
        SAVE,
        json={"workspace_name": "Trading", "layout_json": {"panels": []}},
        headers=owner.headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["id"] == first["id"]
    assert response.json()["layout_json"] == {"panels": []}
    assert response.json()["updated_at"] > first["updated_at"]
    [stored] = await harness.container.identity.workspaces().list(owner.principal)
    assert stored.layout_json == {"panels": []}


async def test_is_default_moves_the_default(harness: Harness, owner: User) -> None:
    await save(harness, owner, "Trading")
    research = (await save(harness, owner, "Research", is_default=True)).json()

    default = await harness.client.get(SAVE, headers=owner.headers)
    listed = await harness.client.get(LIST, headers=owner.headers)

    assert default.json()["id"] == research["id"]
    flags = {w["workspace_name"]: w["is_default"] for w in listed.json()["items"]}
    assert flags == {"Research": True, "Trading": False}


async def test_no_workspace_is_not_found(harness: Harness, owner: User) -> None:
    response = await harness.client.get(SAVE, headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_delete_removes_it_and_hands_the_default_on(harness: Harness, owner: User) -> None:
    trading = (await save(harness, owner, "Trading")).json()
    research = (await save(harness, owner, "Research")).json()

    response = await harness.client.delete(f"{LIST}/{trading['id']}", headers=owner.headers)

    assert response.status_code == 204, response.text
    listed = (await harness.client.get(LIST, headers=owner.headers)).json()["items"]
    assert [(w["id"], w["is_default"]) for w in listed] == [(research["id"], True)]


async def test_another_users_workspaces_are_invisible(harness: Harness, owner: User) -> None:
    other = await harness.user()
    theirs = (await save(harness, other, "Theirs")).json()

    delete = await harness.client.delete(f"{LIST}/{theirs['id']}", headers=owner.headers)
    listed = await harness.client.get(LIST, headers=owner.headers)
    default = await harness.client.get(SAVE, headers=owner.headers)

    assert_problem(delete, 404, "NOT_FOUND")
    assert listed.json() == {"items": []}
    assert_problem(default, 404, "NOT_FOUND")
    assert len(await harness.container.identity.workspaces().list(other.principal)) == 1


async def test_workspace_domain_refusals(harness: Harness, owner: User) -> None:
    blank = await save(harness, owner, "   ")
    too_big = await harness.client.post(
        SAVE,
        # Many short strings: one string this long is refused earlier, STRING_TOO_LONG (400).
        json={"workspace_name": "Big", "layout_json": {"blob": ["x" * 1000] * 300}},
        headers=owner.headers,
    )

    assert_problem(blank, 422, "INVALID_WORKSPACE")
    assert_problem(too_big, 422, "INVALID_WORKSPACE")
    assert await harness.container.identity.workspaces().list(owner.principal) == []


async def test_workspace_body_is_validated(harness: Harness, owner: User) -> None:
    unknown = await save(harness, owner, "Trading", user_id="someone-else")
    not_an_object = await harness.client.post(
        SAVE, json={"workspace_name": "Trading", "layout_json": [1, 2]}, headers=owner.headers
    )
    missing = await harness.client.post(SAVE, json={"layout_json": {}}, headers=owner.headers)

    assert "user_id" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert "layout_json" in field_names(assert_problem(not_an_object, 400, "VALIDATION_ERROR"))
    assert "workspace_name" in field_names(assert_problem(missing, 400, "VALIDATION_ERROR"))


async def test_workspaces_need_a_person(harness: Harness, owner: User) -> None:
    acc_1 = await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", (acc_1,))

    by_agent = await harness.client.get(LIST, headers={"X-API-Key": key})
    agent_save = await harness.client.post(
        SAVE, json={"workspace_name": "x", "layout_json": {}}, headers={"X-API-Key": key}
    )
    anonymous = await harness.client.get(SAVE)

    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(agent_save, 403, "FORBIDDEN")
    assert_problem(anonymous, 401, "UNAUTHENTICATED")
