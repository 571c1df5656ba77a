"""The agents' MCP resources: its recent decisions and the rules that bind its orders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError

from adapters.mcp.current import bulwark
from adapters.mcp.gateway import BulwarkError
from adapters.mcp.views import limits_of


def register_resources(server: MCPServer[Any]) -> None:
    @server.resource(
        "bulwark://decisions",
        name="recent-decisions",
        description=(
            "Your 20 most recent orders with the gate's decision and reason codes: "
            "deny_reasons (what denied it) and hold_reasons (what held it for a person)."
        ),
        mime_type="application/json",
    )
    async def recent_decisions() -> str:
        with _as_resource_error():
            agents = (await bulwark().whoami()).get("items", [])
            mine = agents[0]["agent_id"] if len(agents) == 1 else None
            page = await bulwark().orders(origin_id=mine, limit=20)
        decisions = [
            {
                "order_id": o.get("id"),
                "account_id": o.get("account_id"),
                "symbol": o.get("symbol"),
                "side": o.get("side"),
                "quantity": o.get("quantity"),
                "requested_quantity": o.get("requested_quantity"),
                "status": o.get("status"),
                "deny_reasons": o.get("deny_reasons", []),
                "hold_reasons": o.get("hold_reasons", []),
                "created_at": o.get("created_at"),
            }
            for o in page.get("items", [])
        ]
        return json.dumps({"decisions": decisions})

    @server.resource(
        "bulwark://rules/{account_id}/{symbol}",
        name="rules",
        description=(
            "The rules that bind your orders of a symbol on an account: each size limit with "
            "its rule id, reason code and the room it leaves, the sector limit, and the "
            "trading state of your scopes."
        ),
        mime_type="application/json",
    )
    async def rules(account_id: str, symbol: str) -> str:
        with _as_resource_error():
            return json.dumps(await limits_of(account_id, symbol, "buy"))


@contextmanager
def _as_resource_error() -> Iterator[None]:
    """Bulwark's refusal of a resource read, told with its code (not an internal error)."""
    try:
        yield
    except BulwarkError as exc:
        raise ResourceError(f"{exc.code}: {exc.message}") from None
