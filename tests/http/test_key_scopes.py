"""An agent's key within its scopes: `read` reads, `trade` changes, `halt` engages the kill
switch and never releases it, `approve` is never an agent's; each refusal 403
INSUFFICIENT_SCOPE."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body
from tests.http.harness import PASSCODE, Harness, User

pytestmark = pytest.mark.serves("trading", "safety")

AGENTS = "/api/v1/agents"
HALT = "/api/v1/kill-switch/agent-halt"
RESUME = "/api/v1/kill-switch/resume"


async def keyed(h: Harness, owner: User, scopes: list[str] | None) -> dict[str, str]:
    """The headers of a key of bot-1 (on acc-1) with `scopes` (the default when None)."""
    body: dict[str, Any] = {"label": "k"} if scopes is None else {"label": "k", "scopes": scopes}
    created = await h.client.post(f"{AGENTS}/bot-1/keys", json=body, headers=owner.headers)
    assert created.status_code == 201, created.text
    return {"X-API-Key": created.json()["api_key"]}


@pytest.fixture
async def desk(market: Harness, owner: User) -> Harness:
    """acc-1 of the owner, and bot-1 trading it."""
    await market.account(owner, "acc-1")
    registered = await market.client.post(
        AGENTS,
        json={"agent_id": "bot-1", "name": "bot", "account_ids": ["acc-1"]},
        headers=owner.headers,
    )
    assert registered.status_code == 201, registered.text
    return market


async def test_a_read_only_key_reads_and_is_refused_every_change(
    desk: Harness, owner: User
) -> None:
    # Arrange
    key = await keyed(desk, owner, ["read"])

    # Act
    orders = await desk.client.get("/api/v1/orders", headers=key)
    placed = await desk.client.post("/api/v1/orders", json=order_body("acc-1"), headers=key)
    halted = await desk.client.post(HALT, json={"reason": "stop"}, headers=key)
    beat = await desk.client.post(f"{AGENTS}/bot-1/heartbeat", json={}, headers=key)

    # Assert
    assert orders.status_code == 200, orders.text
    assert_problem(placed, 403, "INSUFFICIENT_SCOPE")
    assert "'trade'" in placed.json()["detail"]
    assert_problem(halted, 403, "INSUFFICIENT_SCOPE")
    assert beat.status_code == 200, beat.text  # any key may say its agent is alive


async def test_a_trade_key_trades_but_halts_only_with_the_halt_scope(
    desk: Harness, owner: User
) -> None:
    # Arrange
    trader = await keyed(desk, owner, ["read", "trade"])
    stopper = await keyed(desk, owner, ["halt"])

    # Act
    placed = await desk.client.post("/api/v1/orders", json=order_body("acc-1"), headers=trader)
    refused = await desk.client.post(HALT, json={"reason": "stop"}, headers=trader)
    not_trading = await desk.client.post(
        "/api/v1/orders", json=order_body("acc-1"), headers=stopper
    )
    halted = await desk.client.post(HALT, json={"reason": "stop"}, headers=stopper)
    resumed = await desk.client.post(
        RESUME,
        json={"passcode": PASSCODE, "scope": {"kind": "agent", "id": "bot-1"}},
        headers=stopper,
    )

    # Assert: an agent halts itself with `halt` and never resumes, whatever its scopes
    assert placed.status_code == 201, placed.text
    assert_problem(refused, 403, "INSUFFICIENT_SCOPE")
    assert_problem(not_trading, 403, "INSUFFICIENT_SCOPE")
    assert halted.status_code == 201, halted.text
    assert halted.json()["trigger"] == "agent"
    assert resumed.status_code == 403, resumed.text


async def test_approve_is_never_an_agents_and_an_unknown_scope_is_refused(
    desk: Harness, owner: User
) -> None:
    # Act
    approving = await desk.client.post(
        f"{AGENTS}/bot-1/keys", json={"scopes": ["read", "approve"]}, headers=owner.headers
    )
    unknown = await desk.client.post(
        f"{AGENTS}/bot-1/keys", json={"scopes": ["admin"]}, headers=owner.headers
    )
    default = await desk.client.post(f"{AGENTS}/bot-1/keys", json={}, headers=owner.headers)
    listed = await desk.client.get(f"{AGENTS}/bot-1/keys", headers=owner.headers)

    # Assert: a key issued without a list may read, trade and halt (as keys always could)
    assert_problem(approving, 400, "INVALID_SCOPES")
    assert_problem(unknown, 400, "INVALID_SCOPES")
    assert default.json()["scopes"] == ["read", "trade", "halt"]
    assert [k["scopes"] for k in listed.json()["items"]] == [["read", "trade", "halt"]]


async def test_a_person_is_not_held_to_scopes(desk: Harness, owner: User) -> None:
    # Act: a person's session carries no scopes; their role decides
    placed = await desk.client.post(
        "/api/v1/orders", json=order_body("acc-1"), headers=owner.headers
    )
    viewer = await desk.user(Role.VIEWER)
    read = await desk.client.get("/api/v1/orders", headers=viewer.headers)

    # Assert
    assert placed.status_code == 201, placed.text
    assert read.status_code == 200, read.text
