"""`place_order`'s `algorithm` and `algorithm_version`: the model an agent declares is kept on
its order's attribution, over both transports; a denial still advises what fits."""

from __future__ import annotations

from typing import Any

from mcp import ClientSession
from mcp_types import CallToolResult

from tests.mcp.conftest import Connect
from tests.mcp.desk import Desk


async def _buy(session: ClientSession, quantity: str, **more: str) -> dict[str, Any]:
    order = {"symbol": "AAPL", "side": "buy", "quantity": quantity, **more}
    result: CallToolResult = await session.call_tool("place_order", order)
    assert result.structured_content is not None, result.content
    content: dict[str, Any] = result.structured_content
    return content


async def test_the_declared_model_is_kept_on_the_order(connect: Connect, desk: Desk) -> None:
    # Arrange
    agent = desk.agent()

    # Act
    async with connect(agent.api_key) as session:
        placed = await _buy(session, "1", algorithm="momentum-llm", algorithm_version="2.3.1")
    stored = desk.client.get(f"/orders/{placed['order']['id']}")

    # Assert
    assert placed["decision"] == "approved"
    attribution = stored.json()["attribution"]
    assert (attribution["algorithm"], attribution["algorithm_version"]) == (
        "momentum-llm",
        "2.3.1",
    )
    assert (attribution["agent_id"], attribution["channel"]) == (agent.agent_id, "mcp")


async def test_a_denial_with_a_declared_model_still_advises_what_fits(
    connect: Connect, desk: Desk
) -> None:
    # Arrange: AAPL at 190 against a limit of 1,000
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, "1000")

    # Act
    async with connect(agent.api_key) as session:
        denied = await _buy(session, "10", algorithm="momentum-llm")

    # Assert
    assert denied["decision"] == "denied"
    assert denied["most_that_fits"] == "5"
