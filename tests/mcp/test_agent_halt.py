"""An agent halts itself or an account granted to it over MCP, and can never resume."""

from __future__ import annotations

from mcp_types import CallToolResult

from bootstrap.demo import DEMO_ACCOUNT
from tests.mcp.conftest import Connect
from tests.mcp.desk import Desk
from tests.mcp.test_agent_tools import buy, data


def refusal(result: CallToolResult) -> dict[str, object]:
    assert result.is_error, result.content
    error: dict[str, object] = data(result)["error"]
    return error


async def test_an_agent_halts_itself_and_cannot_resume(connect: Connect, desk: Desk) -> None:
    # Arrange
    agent = desk.agent()
    resume = {
        "passcode": "not-a-passcode",
        "scope": {"kind": "agent", "id": agent.agent_id},
    }

    # Act
    async with connect(agent.api_key) as session:
        halted = await session.call_tool("halt_trading", {"reason": "my model is drifting"})
        after = await buy(session, "AAPL", "1")
    resumed = desk.client.post(
        "/kill-switch/resume", json=resume, headers={"X-API-Key": agent.api_key}
    )

    # Assert: halted on its own scope, as itself; its next order denied; no way back for it
    assert not halted.is_error, halted.content
    event = data(halted)
    assert (event["trigger"], event["triggered_by"]) == ("agent", agent.agent_id)
    assert event["scope"]["key"] == f"agent:{agent.agent_id}"
    assert event["reason"] == "my model is drifting"
    assert "Only a person can resume" in halted.content[0].text  # type: ignore[union-attr]
    assert data(after)["decision"] == "denied"
    assert "TRADING_HALTED" in [reason["code"] for reason in data(after)["reasons"]]
    assert resumed.status_code == 403, resumed.text


async def test_an_agent_halts_an_account_granted_to_it_and_no_other(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: an agent on a second paper account only
    account = desk.paper_account()
    agent = desk.agent((account,))
    elsewhere = desk.account_of_another_owner()

    # Act
    async with connect(agent.api_key) as session:
        halted = await session.call_tool(
            "halt_trading", {"reason": "stop this book", "account_id": account}
        )
        not_granted = await session.call_tool(
            "halt_trading", {"reason": "stop", "account_id": DEMO_ACCOUNT}
        )
        not_its_owners = await session.call_tool(
            "halt_trading", {"reason": "stop", "account_id": elsewhere}
        )

    # Assert
    assert not halted.is_error, halted.content
    assert data(halted)["scope"]["key"] == f"account:{account}"
    assert refusal(not_granted)["code"] == "NOT_FOUND"
    assert refusal(not_its_owners)["code"] == "NOT_FOUND"
