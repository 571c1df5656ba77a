"""An agent's own halt over HTTP: itself or an account granted to it, never more, never resumed
by it; a person resumes as after any halt."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, User
from tests.http.test_killswitch import RESUME, STATUS, resume

pytestmark = pytest.mark.serves("review", "safety", "trading")

AGENT_HALT = "/api/v1/kill-switch/agent-halt"


async def agent_on(h: Harness, owner: User, agent_id: str, *accounts: str) -> dict[str, str]:
    """An agent of the owner's on these accounts: its key's headers."""
    return {"X-API-Key": await h.agent_key(owner, agent_id, accounts)}


async def halt(h: Harness, headers: dict[str, str], **body: Any) -> Any:
    return await h.client.post(AGENT_HALT, json={"reason": "drifting", **body}, headers=headers)


@pytest.fixture
async def desk(market: Harness, owner: User) -> tuple[Harness, User]:
    """AAPL at 190, the owner's accounts acc-1 and acc-2."""
    await market.account(owner, "acc-1")
    await market.account(owner, "acc-2")
    return market, owner


async def test_an_agent_halts_itself_and_its_orders_are_denied(desk: tuple[Harness, User]) -> None:
    # Arrange
    h, owner = desk
    bot = await agent_on(h, owner, "bot-1", "acc-1")

    # Act
    halted = await halt(h, bot)
    order = await submit(h, bot, order_body("acc-1"))
    states = await h.client.get(STATUS, headers=owner.headers)

    # Assert: the activation is the agent's, on its own scope; the account itself still trades
    assert halted.status_code == 201, halted.text
    event = halted.json()
    assert (event["trigger"], event["triggered_by"], event["scope"]["key"]) == (
        "agent",
        "bot-1",
        "agent:bot-1",
    )
    assert "TRADING_HALTED" in assert_problem(order, 422, "ORDER_DENIED")["reasons"]
    by_scope = {s["scope"]["key"]: s["state"] for s in states.json()["scopes"]}
    assert by_scope["agent:bot-1"] == "halted"
    assert by_scope.get("account:acc-1", "active") == "active"


async def test_an_agent_halts_an_account_granted_to_it_but_no_other_scope(
    desk: tuple[Harness, User],
) -> None:
    # Arrange: bot-1 on acc-1; bot-2 another agent of the same owner on acc-2
    h, owner = desk
    bot = await agent_on(h, owner, "bot-1", "acc-1")
    await agent_on(h, owner, "bot-2", "acc-2")

    # Act
    granted = await halt(h, bot, scope={"kind": "account", "id": "acc-1"})
    not_granted = await halt(h, bot, scope={"kind": "account", "id": "acc-2"})
    another_agent = await halt(h, bot, scope={"kind": "agent", "id": "bot-2"})
    everything = await halt(h, bot, scope={"kind": "global", "id": "*"})

    # Assert
    assert granted.status_code == 201, granted.text
    assert granted.json()["scope"]["key"] == "account:acc-1"
    assert_problem(not_granted, 404, "NOT_FOUND")
    assert_problem(another_agent, 404, "NOT_FOUND")
    assert_problem(everything, 400, "VALIDATION_ERROR")


async def test_people_use_their_passcode_not_the_agents_route(
    desk: tuple[Harness, User],
) -> None:
    # Arrange
    h, owner = desk

    # Act
    response = await halt(h, owner.headers)

    # Assert
    assert_problem(response, 403, "FORBIDDEN")


async def test_an_agent_cannot_resume_what_it_halted_and_a_person_can(
    desk: tuple[Harness, User],
) -> None:
    # Arrange: bot-1 halted acc-1; a risk officer to approve the resume
    h, owner = desk
    bot = await agent_on(h, owner, "bot-1", "acc-1")
    officer = await h.user(Role.RISK_OFFICER)
    assert (await halt(h, bot, scope={"kind": "account", "id": "acc-1"})).status_code == 201
    body = {"passcode": "any-passcode", "scope": {"kind": "account", "id": "acc-1"}}

    # Act
    by_the_agent = await h.client.post(RESUME, json=body, headers=bot)
    by_the_owner = await resume(h, owner, officer.username)

    # Assert
    assert_problem(by_the_agent, 403, "FORBIDDEN")
    assert by_the_owner.status_code == 200, by_the_owner.text
    assert by_the_owner.json()["state"] == "active"
