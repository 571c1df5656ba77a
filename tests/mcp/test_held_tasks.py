"""A held order as an MCP task: an agent whose client declares the tasks extension waits on its
held order as a task (input_required while a person decides) and gets the fill when a person
approves it, an error when a person rejects it, and can withdraw it; the task is its owner's
alone, and a client that did not declare the extension gets the plain "held" answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx2
import pytest
from mcp import Client, MCPError
from mcp.client.streamable_http import streamable_http_client
from mcp_types import INVALID_PARAMS

from adapters.mcp.held_tasks import HOLD_REJECTED, ORDER_NOT_EXECUTED
from tests.mcp.desk import AgentKey, Desk
from tests.mcp.task_client import TasksRequester, cancel_task, get_task

# AAPL at 190 in the demo: 10 of them are 1,900, above the 1,000 the agent may place alone.
HELD_BUY = {"symbol": "AAPL", "side": "buy", "quantity": "10"}


class User:
    """The client's user: shown each input request once, answers that it was seen."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, dict[str, Any]]] = []
        self.asked = anyio.Event()

    async def __call__(self, key: str, request: dict[str, Any]) -> dict[str, Any]:
        self.shown.append((key, request))
        self.asked.set()
        return {"action": "accept"}


@asynccontextmanager
async def agent_client(
    api: str, key: AgentKey, extensions: list[Any] | None = None
) -> AsyncIterator[Client]:
    """The SDK's high-level client (2026-07-28, discovered) at /mcp with the agent's key."""
    async with (
        httpx2.AsyncClient(headers={"X-API-Key": key.api_key}, timeout=30) as http,
        Client(
            streamable_http_client(f"{api}/mcp", http_client=http), extensions=extensions
        ) as client,
    ):
        yield client


def held_agent(desk: Desk) -> AgentKey:
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000", action="hold")
    return agent


def held_order_id(desk: Desk) -> str:
    """The newest held order of the desk's queue (the one the agent just placed)."""
    queue = desk.client.get("/orders/held").json()
    order_id: str = queue["items"][-1]["order"]["id"]
    return order_id


async def test_a_held_order_is_a_task_that_completes_with_the_fill_once_a_person_approves(
    desk: Desk,
) -> None:
    # Arrange
    agent = held_agent(desk)
    user = User()
    tasks = TasksRequester(user)
    outcome: dict[str, Any] = {}

    async def place(client: Client) -> None:
        outcome["result"] = await client.call_tool("place_order", HELD_BUY)

    # Act: the call waits on the task; a person approves once the client was asked
    async with agent_client(desk.api, agent, [tasks]) as client, anyio.create_task_group() as tg:
        tg.start_soon(place, client)
        with anyio.fail_after(30):
            await user.asked.wait()
        order_id = tasks.handles[0].task_id
        approved = desk.client.post(f"/orders/{order_id}/approve")

    # Assert
    assert approved.status_code == 200, approved.text
    handle = tasks.handles[0]
    assert (handle.status, handle.task_id) == ("input_required", order_id)
    assert handle.status_message is not None and handle.status_message.startswith(
        "Held for a person's approval"
    )
    [(key, request)] = user.shown
    assert key == f"approval:{order_id}"
    assert request["method"] == "elicitation/create"
    assert request["params"]["mode"] == "url"
    assert request["params"]["url"] == f"{desk.api}/console/held"
    assert "approves nothing" in request["params"]["message"]
    result = outcome["result"]
    assert not result.is_error
    answer = result.structured_content
    assert answer["decision"] == "approved"
    assert answer["order"]["id"] == order_id
    assert answer["order"]["status"] == "filled"
    assert answer["order"]["hold_reasons"] == ["MAX_ORDER_NOTIONAL"]
    assert answer["approved_by"] == ["demo"]
    assert {s.status for s in tasks.states} <= {"input_required", "working", "completed"}
    assert tasks.states[-1].status == "completed"


async def test_a_held_order_a_person_rejects_fails_its_task_with_the_reason_as_data(
    desk: Desk,
) -> None:
    # Arrange
    agent = held_agent(desk)
    user = User()
    tasks = TasksRequester(user)
    outcome: dict[str, Any] = {}

    async def place(client: Client) -> None:
        try:
            await client.call_tool("place_order", HELD_BUY)
        except MCPError as exc:
            outcome["error"] = exc

    # Act
    async with agent_client(desk.api, agent, [tasks]) as client, anyio.create_task_group() as tg:
        tg.start_soon(place, client)
        with anyio.fail_after(30):
            await user.asked.wait()
        order_id = tasks.handles[0].task_id
        rejected = desk.client.post(
            f"/orders/{order_id}/reject", json={"reason": "too big for today"}
        )

    # Assert
    assert rejected.status_code == 200, rejected.text
    error = outcome["error"].error
    assert error.code == ORDER_NOT_EXECUTED
    assert error.data["code"] == HOLD_REJECTED
    assert error.data["reasons"] == ["too big for today"]
    assert "too big" not in error.message  # a person's words are data, never the message
    assert tasks.states[-1].status == "failed"


async def test_an_agent_withdraws_its_held_order_by_cancelling_the_task(desk: Desk) -> None:
    # Arrange: the handle taken by hand (allow_claimed), as a client that polls later does
    agent = held_agent(desk)
    async with agent_client(desk.api, agent, [TasksRequester(User())]) as client:
        handle = await client.session.call_tool("place_order", HELD_BUY, allow_claimed=True)
        task_id = handle.task_id  # type: ignore[union-attr]

        # Act
        before = await get_task(client.session, task_id)
        await cancel_task(client.session, task_id)
        after = await get_task(client.session, task_id)

    # Assert
    assert before.status == "input_required"
    assert before.input_requests is not None and list(before.input_requests) == [
        f"approval:{task_id}"
    ]
    assert after.status == "cancelled"
    order = desk.client.get(f"/orders/{task_id}").json()
    assert (order["status"], order["deny_reasons"]) == ("canceled", [])


async def test_another_agents_task_is_unknown_and_cannot_be_cancelled(desk: Desk) -> None:
    # Arrange: one agent's held order, and a second agent of the same owner
    agent, other = held_agent(desk), desk.agent()
    async with agent_client(desk.api, agent, [TasksRequester(User())]) as client:
        handle = await client.session.call_tool("place_order", HELD_BUY, allow_claimed=True)
    task_id = handle.task_id  # type: ignore[union-attr]
    outsider_order = desk.order_of_another_owner()

    # Act
    async with agent_client(desk.api, other, [TasksRequester(User())]) as client:
        with pytest.raises(MCPError) as polled:
            await get_task(client.session, outsider_order)
        with pytest.raises(MCPError) as cancelled:
            await cancel_task(client.session, outsider_order)

    # Assert
    assert polled.value.error.code == INVALID_PARAMS
    assert cancelled.value.error.code == INVALID_PARAMS
    assert desk.client.get(f"/orders/{task_id}").json()["status"] == "held"


async def test_a_read_only_key_cannot_withdraw_a_held_order(desk: Desk) -> None:
    # Arrange: the order placed with a trading key; a read-only key of the same agent
    agent = held_agent(desk)
    async with agent_client(desk.api, agent, [TasksRequester(User())]) as client:
        handle = await client.session.call_tool("place_order", HELD_BUY, allow_claimed=True)
    task_id = handle.task_id  # type: ignore[union-attr]
    reader = desk.client.post(
        f"/agents/{agent.agent_id}/keys", json={"label": "reader", "scopes": ["read"]}
    ).json()
    reading = AgentKey(agent.agent_id, reader["key_id"], reader["api_key"])

    # Act
    async with agent_client(desk.api, reading, [TasksRequester(User())]) as client:
        seen = await get_task(client.session, task_id)
        with pytest.raises(MCPError) as refused:
            await cancel_task(client.session, task_id)

    # Assert
    assert seen.status == "input_required"
    assert refused.value.error.data["code"] == "INSUFFICIENT_SCOPE"
    assert desk.client.get(f"/orders/{task_id}").json()["status"] == "held"


async def test_a_client_without_the_extension_gets_the_held_answer(desk: Desk) -> None:
    # Arrange
    agent = held_agent(desk)

    # Act
    async with agent_client(desk.api, agent) as client:
        result = await client.call_tool("place_order", HELD_BUY)

    # Assert
    assert not result.is_error
    assert result.structured_content["decision"] == "held"
    assert result.structured_content["order"]["status"] == "held"
