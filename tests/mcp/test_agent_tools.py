"""The agents' MCP tools against a served Bulwark, through the SDK's own client over both
transports: streamable HTTP at /mcp and `bulwark mcp` on stdio. Each test has an agent (and key)
of its own on the demo account, so the module shares one app."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from mcp import ClientSession, MCPError
from mcp_types import CONNECTION_CLOSED, CallToolResult

from adapters.mcp.stdio import SESSION_ENDED
from bootstrap.demo import DEMO_ACCOUNT
from tests.kit.served import Served
from tests.mcp.conftest import Connect, over_http, over_stdio
from tests.mcp.desk import Desk


async def buy(session: ClientSession, symbol: str, quantity: str, **more: str) -> CallToolResult:
    """The `place_order` tool: a buy of `quantity` `symbol`."""
    order = {"symbol": symbol, "side": "buy", "quantity": quantity, **more}
    return await session.call_tool("place_order", order)


def data(result: CallToolResult) -> dict[str, Any]:
    assert result.structured_content is not None, result.content
    content: dict[str, Any] = result.structured_content
    return content


async def test_an_order_within_the_limits_is_approved_and_placed(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()

    # Act
    async with connect(agent.api_key) as session:
        result = await buy(session, "AAPL", "10")

    # Assert
    assert not result.is_error
    placed = data(result)
    assert placed["decision"] == "approved"
    assert placed["order"]["status"] == "filled"
    assert placed["order"]["origin_id"] == agent.agent_id
    assert placed["summary"].startswith("Approved: buy 10 AAPL on demo-account")
    assert placed["idempotency_key"].startswith("mcp-")


async def test_an_mcp_order_is_marked_mcp_where_a_rest_order_is_api(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()
    rest_order = {"account_id": DEMO_ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "1"}

    # Act
    async with connect(agent.api_key) as session:
        placed = data(await buy(session, "AAPL", "1"))
    over_rest = desk.client.post("/orders", json=rest_order, headers={"X-API-Key": agent.api_key})
    stored = desk.client.get(f"/orders/{placed['order']['id']}")

    # Assert: the same agent, two ways in
    assert placed["order"]["origin_channel"] == "mcp"
    assert stored.status_code == 200, stored.text
    assert (stored.json()["origin_kind"], stored.json()["origin_channel"]) == ("agent", "mcp")
    assert over_rest.status_code == 201, over_rest.text
    assert over_rest.json()["order"]["origin_channel"] == "api"


async def test_a_denied_order_names_each_reason_and_the_quantity_that_fits(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: AAPL at 190, so 10 of them are 1,900 against a limit of 1,000
    agent = desk.agent()
    rule_id = desk.limit_notional(agent.agent_id, "1000")

    # Act
    async with connect(agent.api_key) as session:
        result = await buy(session, "AAPL", "10")

    # Assert
    assert not result.is_error  # a decision, not a failed call
    denied = data(result)
    assert denied["decision"] == "denied"
    assert denied["order"]["status"] == "denied"
    [reason] = denied["reasons"]
    assert reason["code"] == "MAX_ORDER_NOTIONAL"
    assert reason["rule_id"] == rule_id
    assert "1900.00 exceeds the maximum of 1000" in reason["message"]
    assert denied["most_that_fits"] == "5"  # 1,000 / 190 = 5.26: five whole lots of one
    assert denied["summary"] == (
        "Denied: order notional 1900.00 exceeds the maximum of 1000; "
        "reduce the quantity to at most 5."
    )


async def test_the_quantity_advised_after_a_denial_is_one_the_gate_accepts(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: AAPL (lot size 1) at 190 against a limit of 1,000
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000")

    # Act
    async with connect(agent.api_key) as session:
        denied = data(await buy(session, "AAPL", "10"))
        advised = await buy(session, "AAPL", denied["most_that_fits"])

    # Assert
    assert not advised.is_error, advised.content
    assert data(advised)["decision"] == "approved"
    assert data(advised)["order"]["quantity"] == "5.00000000"


async def test_the_advice_for_a_stop_limit_buy_values_it_at_its_limit_as_the_gate_does(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: AAPL at 190; a buy stop-limit may pay up to its limit, 380: 2 fit under 1,000
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000")
    terms = {"order_type": "stop_limit", "stop_price": "195", "limit_price": "380"}

    # Act
    async with connect(agent.api_key) as session:
        denied = data(await buy(session, "AAPL", "10", **terms))
        advised = data(await buy(session, "AAPL", denied["most_that_fits"], **terms))

    # Assert: not the 5 the reference price would allow, which the gate denies again
    assert denied["most_that_fits"] == "2"
    assert advised["decision"] == "approved", advised["summary"]


async def test_a_limit_under_one_lot_advises_no_order_rather_than_zero(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: one AAPL is 190, over a limit of 100
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "100")

    # Act
    async with connect(agent.api_key) as session:
        denied = data(await buy(session, "AAPL", "2"))

    # Assert
    assert denied["decision"] == "denied"
    assert denied["most_that_fits"] == "0"
    assert denied["summary"].endswith(
        "no order fits under the limit now, not even one lot: do not resend it."
    )
    assert "at most" not in denied["summary"]


async def test_a_held_order_says_it_waits_for_a_person_and_is_not_sent(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: AAPL at 190, so 10 of them are 1,900 above the 1,000 this agent may place alone
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000", action="hold")

    # Act
    async with connect(agent.api_key) as session:
        result = await buy(session, "AAPL", "10")
        listed = data(await session.call_tool("list_orders", {"status": "held"}))
        decisions = await session.read_resource("bulwark://decisions")

    # Assert
    assert not result.is_error
    held = data(result)
    assert held["decision"] == "held"
    assert held["order"]["status"] == "held"
    assert (held["order"]["deny_reasons"], held["order"]["hold_reasons"]) == (
        [],
        ["MAX_ORDER_NOTIONAL"],
    )
    [item] = [o for o in listed["items"] if o["id"] == held["order"]["id"]]
    assert item["hold_reasons"] == ["MAX_ORDER_NOTIONAL"]
    recent = json.loads(decisions.contents[0].text)["decisions"]  # type: ignore[union-attr]
    [decision] = [d for d in recent if d["order_id"] == held["order"]["id"]]
    assert (decision["deny_reasons"], decision["hold_reasons"]) == ([], ["MAX_ORDER_NOTIONAL"])
    assert [r["code"] for r in held["reasons"]] == ["MAX_ORDER_NOTIONAL"]
    assert held["summary"].startswith("Held for a person's approval: buy 10 AAPL on demo-account")


async def test_the_same_idempotency_key_replays_the_same_order(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()
    key = f"retry-{agent.agent_id}"  # the API scopes a key to the account
    order = {"symbol": "MSFT", "side": "buy", "quantity": "2", "idempotency_key": key}

    # Act
    async with connect(agent.api_key) as session:
        first = data(await session.call_tool("place_order", order))
        again = data(await session.call_tool("place_order", order))
        listed = data(await session.call_tool("list_orders", {"symbol": "MSFT"}))

    # Assert
    assert again["order"]["id"] == first["order"]["id"]
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert "the same order, not a new one" in again["summary"]
    mine = [o for o in listed["items"] if o["origin_id"] == agent.agent_id]
    assert [o["id"] for o in mine] == [first["order"]["id"]]


async def test_another_owners_order_answers_not_found_on_cancel(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()
    theirs = desk.order_of_another_owner()

    # Act
    async with connect(agent.api_key) as session:
        own = data(await buy(session, "JPM", "1"))
        cancel_own = await session.call_tool("cancel_order", {"order_id": own["order"]["id"]})
        cancel_theirs = await session.call_tool("cancel_order", {"order_id": theirs})

    # Assert: its own (filled) order is found, and no longer open; the other's is not found
    assert cancel_own.is_error and data(cancel_own)["error"]["code"] == "CONFLICT"
    assert cancel_theirs.is_error
    assert data(cancel_theirs)["error"]["code"] == "NOT_FOUND"
    assert data(cancel_theirs)["error"]["status"] == 404


async def test_a_halted_scope_denies_every_order(connect: Connect, desk: Desk) -> None:
    # Arrange
    agent = desk.agent()
    desk.halt(agent.agent_id)

    # Act
    async with connect(agent.api_key) as session:
        state = data(await session.call_tool("kill_switch_state", {}))
        result = data(await buy(session, "XOM", "1"))

    # Assert
    halted = [s for s in state["scopes"] if s["scope"]["id"] == agent.agent_id]
    assert [s["state"] for s in halted] == ["halted"]
    assert result["decision"] == "denied"
    assert [r["code"] for r in result["reasons"]] == ["TRADING_HALTED"]
    assert "place no orders until kill_switch_state shows it active" in result["summary"]


async def test_a_halt_of_the_agent_ends_its_held_order_as_the_agent_sees_it(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: the agent's order of 1,900 held above the 1,000 it may place alone
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000", action="hold")
    async with connect(agent.api_key) as session:
        held = data(await buy(session, "AAPL", "10"))

        # Act: the owner pulls the kill switch on the agent
        desk.halt(agent.agent_id)
        listed = data(await session.call_tool("list_orders", {"symbol": "AAPL", "limit": 200}))

    # Assert
    [order] = [o for o in listed["items"] if o["id"] == held["order"]["id"]]
    assert (order["status"], order["deny_reasons"]) == ("canceled", ["TRADING_HALTED"])


async def test_a_negative_quantity_is_the_apis_validation_error(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()

    # Act
    async with connect(agent.api_key) as session:
        result = await buy(session, "AAPL", "-5")

    # Assert: the REST answer's code and field, not a second validation of the tool's own
    assert result.is_error
    error = data(result)["error"]
    assert error["status"] == 400
    assert error["code"] == "VALIDATION_ERROR"
    assert [e["field"] for e in error["errors"]] == ["quantity"]
    assert error["message"].startswith("quantity: ")


@pytest.mark.parametrize(
    ("arguments", "field", "says"),
    [
        ({"symbol": "AAPL", "side": "buy", "quantity": {"units": 10}}, "quantity", "valid"),
        ({"symbol": "AAPL", "side": "hold", "quantity": "1"}, "side", "'buy' or 'sell'"),
        ({"side": "buy", "quantity": "1"}, "symbol", "required"),
    ],
    ids=["wrong-type", "bad-side", "missing-symbol"],
)
async def test_an_argument_the_tool_refuses_is_a_validation_error_with_its_field(
    connect: Connect, desk: Desk, arguments: dict[str, Any], field: str, says: str
) -> None:
    # Arrange
    agent = desk.agent()

    # Act
    async with connect(agent.api_key) as session:
        result = await session.call_tool("place_order", arguments)

    # Assert: the shape of every other refusal
    assert result.is_error
    error = data(result)["error"]
    assert (error["status"], error["code"]) == (400, "VALIDATION_ERROR")
    [problem] = error["errors"]
    assert problem["field"] == field
    assert says in problem["message"].lower()
    assert error["message"].startswith(f"{field}: ")


async def test_a_tool_that_does_not_exist_is_refused_with_a_code(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()

    # Act
    async with connect(agent.api_key) as session:
        result = await session.call_tool("transfer_funds", {"amount": "1000000"})

    # Assert
    assert result.is_error
    error = data(result)["error"]
    assert (error["status"], error["code"]) == (404, "NOT_FOUND")
    assert "transfer_funds" in error["message"]


async def test_an_agent_of_two_accounts_must_name_the_account(desk: Desk, served: Served) -> None:
    # Arrange
    second = desk.paper_account()
    agent = desk.agent(("demo-account", second))

    # Act
    async with over_http(served.api, agent.api_key) as session:
        unnamed = await buy(session, "AAPL", "1")
        named = await buy(session, "AAPL", "1", account_id=second)

    # Assert: nothing placed without the account; the named one trades there
    assert unnamed.is_error
    error = data(unnamed)["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["message"] == (
        f"you may trade 2 accounts (demo-account, {second}): name the account_id"
    )
    assert data(named)["order"]["account_id"] == second


async def test_limits_heartbeat_positions_and_quote_answer_for_the_agent(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent()
    rule_id = desk.limit_notional(agent.agent_id, "3800")

    # Act
    async with connect(agent.api_key) as session:
        limits = data(await session.call_tool("my_limits", {"symbol": "AAPL"}))
        beat = data(await session.call_tool("heartbeat", {"status": "ok"}))
        positions = data(await session.call_tool("list_positions", {}))
        quote = await session.call_tool("get_quote", {"symbol": "AAPL", "max_age_s": 3600})

    # Assert
    notional = [room for room in limits["limits"] if room["rule_id"] == rule_id]
    assert [room["room_quantity"] for room in notional] == ["20.00000000"]
    assert limits["probe_approved"] is True
    assert beat["agent_id"] == agent.agent_id and beat["liveness"] == "alive"
    assert [book["account_id"] for book in positions["accounts"]] == ["demo-account"]
    assert not quote.is_error and data(quote)["symbol"] == "AAPL"


async def test_a_revoked_key_fails_the_next_call_with_an_auth_error(
    connect: Connect, desk: Desk, served: Served
) -> None:
    # Arrange
    agent = desk.agent()

    async with connect(agent.api_key) as session:
        before = await session.call_tool("kill_switch_state", {})
        desk.revoke(agent)

        # Act
        try:
            after: CallToolResult | MCPError = await session.call_tool("kill_switch_state", {})
        except MCPError as exc:
            after = exc

    # Assert
    assert not before.is_error
    if isinstance(after, CallToolResult):  # stdio: the tool's call was refused by the API
        assert after.is_error and data(after)["error"]["code"] == "UNAUTHENTICATED"
    else:  # HTTP: the MCP request itself was refused (401) before any MCP handling
        refused = await post_initialize(served.api, {"X-API-Key": agent.api_key})
        assert (refused.status_code, refused.json()["code"]) == (401, "UNAUTHENTICATED")


async def test_a_revoked_key_ends_the_stdio_session(desk: Desk, served: Served) -> None:
    # Arrange
    agent = desk.agent()

    async with over_stdio(served.api, agent.api_key) as session:
        desk.revoke(agent)
        refused = await session.call_tool("kill_switch_state", {})

        # Act: the session is over once the key was refused
        with pytest.raises(MCPError) as ended:
            await session.call_tool("kill_switch_state", {})

    # Assert: refused by the server still up, or the connection it closed on its way out
    assert data(refused)["error"]["code"] == "UNAUTHENTICATED"
    assert ended.value.error.code in (SESSION_ENDED, CONNECTION_CLOSED), ended.value.error


async def post_initialize(api: str, headers: dict[str, str]) -> httpx.Response:
    """An MCP initialize request at /mcp, as a plain HTTP client sends it."""
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"},
        },
    }
    async with httpx.AsyncClient(timeout=30) as client:
        return await client.post(
            f"{api}/mcp",
            json=initialize,
            headers={"Accept": "application/json, text/event-stream", **headers},
        )


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "bwk_not-a-key"}])
async def test_mcp_without_a_valid_key_is_401_before_any_mcp_handling(
    served: Served, headers: dict[str, str]
) -> None:
    # Act
    answer = await post_initialize(served.api, headers)

    # Assert
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["code"] == "UNAUTHENTICATED"
    assert answer.json()["instance"] == "/mcp"  # the request's path, not the mount's remainder


async def test_the_resources_hold_the_agents_rules_and_recent_decisions(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: one order denied by the agent's own rule (10 x 125 = 1,250 > 1,000)
    agent = desk.agent()
    rule_id = desk.limit_notional(agent.agent_id, "1000")

    # Act
    async with connect(agent.api_key) as session:
        await buy(session, "NVDA", "10")
        templates = await session.list_resource_templates()
        decisions = await session.read_resource("bulwark://decisions")
        rules = await session.read_resource("bulwark://rules/demo-account/NVDA")

    # Assert
    assert [t.uri_template for t in templates.resource_templates] == [
        "bulwark://rules/{account_id}/{symbol}"
    ]
    [decision] = json.loads(decisions.contents[0].text)["decisions"]  # type: ignore[union-attr]
    assert (decision["symbol"], decision["status"]) == ("NVDA", "denied")
    assert decision["deny_reasons"] == ["MAX_ORDER_NOTIONAL"]
    limits = json.loads(rules.contents[0].text)["limits"]  # type: ignore[union-attr]
    assert {"control": "MaxOrderNotional", "code": "MAX_ORDER_NOTIONAL", "rule_id": rule_id,
            "room_quantity": "8.00000000"} in limits  # fmt: skip
