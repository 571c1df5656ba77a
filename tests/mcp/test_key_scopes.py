"""An agent's key within its scopes over MCP, both transports: a read-only key's session lists
no tool that changes anything, and a tool called past the key's scopes is refused
INSUFFICIENT_SCOPE by the API it calls."""

from __future__ import annotations

from tests.mcp.conftest import Connect
from tests.mcp.desk import Desk

WRITES = {"place_order", "cancel_order", "halt_trading"}


async def test_a_read_only_key_lists_no_write_tool_and_is_refused_one(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent(scopes=["read"])

    # Act
    async with connect(agent.api_key) as session:
        listed = {tool.name for tool in (await session.list_tools()).tools}
        placed = await session.call_tool(
            "place_order", {"symbol": "AAPL", "side": "buy", "quantity": "1"}
        )

    # Assert
    assert listed and not listed & WRITES, listed
    assert {"list_orders", "get_quote", "kill_switch_state"} <= listed
    assert placed.is_error
    assert placed.structured_content is not None
    assert placed.structured_content["error"]["code"] == "INSUFFICIENT_SCOPE"


async def test_a_halt_only_key_lists_the_halt_and_no_order_tool(
    connect: Connect, desk: Desk
) -> None:
    # Arrange
    agent = desk.agent(scopes=["read", "halt"])

    # Act
    async with connect(agent.api_key) as session:
        listed = {tool.name for tool in (await session.list_tools()).tools}

    # Assert
    assert "halt_trading" in listed
    assert not listed & {"place_order", "cancel_order"}
