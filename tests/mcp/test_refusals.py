"""The MCP server's own refusals of a tool call carry `structuredContent.error` with a stable
code, as the API's refusals do (adapters/mcp/server.py), for the calls no served app can
provoke: a tool that fails, and one that refuses on purpose."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult

from adapters.mcp.current import serving
from adapters.mcp.gateway import BulwarkGateway
from adapters.mcp.server import build_server


def _broken(request: httpx.Request) -> httpx.Response:
    raise RuntimeError("the transport broke")


def _gateway() -> BulwarkGateway:
    transport = httpx.MockTransport(_broken)
    return BulwarkGateway(httpx.AsyncClient(transport=transport, base_url="http://bulwark.test"))


@asynccontextmanager
async def _unused(_request: Any) -> AsyncIterator[BulwarkGateway]:
    yield _gateway()


def _error(result: object) -> dict[str, Any]:
    assert isinstance(result, CallToolResult) and result.is_error
    assert result.structured_content is not None, result.content
    error: dict[str, Any] = result.structured_content["error"]
    return error


async def test_a_tool_that_fails_is_a_500_internal_error_without_its_exception() -> None:
    # Arrange
    server = build_server(_unused)

    # Act
    with serving(_gateway()):
        result = await server.call_tool("kill_switch_state", {})

    # Assert
    error = _error(result)
    assert (error["status"], error["code"]) == (500, "INTERNAL_ERROR")
    assert "transport broke" not in error["message"]


async def test_a_tool_that_refuses_on_purpose_is_an_invalid_tool_call() -> None:
    # Arrange
    server = build_server(_unused)

    @server.tool()
    def refuses() -> str:
        raise ToolError("not today")

    # Act
    result = await server.call_tool("refuses", {})

    # Assert
    error = _error(result)
    assert (error["status"], error["code"], error["message"]) == (
        400,
        "INVALID_TOOL_CALL",
        "not today",
    )
