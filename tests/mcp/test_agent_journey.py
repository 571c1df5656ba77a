"""An agent's whole way through Bulwark on MCP's terms, in one client: it registers by OAuth
(the SDK's own flow, the person's consent in the console), trades within the scopes it was
granted, waits on a held order as a task until a person approves it, halts itself, and is
refused where its scopes end: it cannot resume, approve its own order, or do what it was not
granted."""

from __future__ import annotations

from typing import Any

import anyio
import httpx
import httpx2
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

from tests.kit.served import Served
from tests.mcp.desk import Desk
from tests.mcp.oauth_browser import CALLBACK, Browser, MemoryTokens
from tests.mcp.task_client import TasksRequester

BUY_ONE = {"symbol": "AAPL", "side": "buy", "quantity": "1"}
BUY_TEN = {"symbol": "AAPL", "side": "buy", "quantity": "10"}  # 1,900 at the demo's 190


class User:
    """The assistant's user: shown the held order's input request, acknowledges it."""

    def __init__(self) -> None:
        self.asked = anyio.Event()
        self.shown: list[str] = []

    async def __call__(self, key: str, request: dict[str, Any]) -> dict[str, Any]:
        self.shown.append(key)
        self.asked.set()
        return {"action": "accept"}


async def test_an_agent_registers_by_oauth_trades_waits_on_a_hold_halts_and_is_held_to_its_scopes(
    served: Served, desk: Desk
) -> None:
    # Arrange: the person grants read, trade and halt on the demo account
    browser = Browser(served.api, scopes=["read", "trade", "halt"])
    storage = MemoryTokens()
    auth = OAuthClientProvider(
        server_url=f"{served.api}/mcp",
        client_metadata=OAuthClientMetadata(
            client_name="Journey assistant",
            redirect_uris=[AnyUrl(CALLBACK)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
        ),
        storage=storage,
        redirect_handler=browser.redirect_handler,
        callback_handler=browser.callback_handler,
    )
    user = User()
    tasks = TasksRequester(user)
    seen: dict[str, Any] = {}

    async def held_buy(client: Client) -> None:
        seen["held"] = await client.call_tool("place_order", BUY_TEN)

    # Act
    try:
        async with (
            httpx2.AsyncClient(auth=auth, timeout=30) as http,
            Client(
                streamable_http_client(f"{served.api}/mcp", http_client=http), extensions=[tasks]
            ) as client,
        ):
            seen["tools"] = {tool.name for tool in (await client.list_tools()).tools}
            seen["traded"] = await client.call_tool("place_order", BUY_ONE)
            assert storage.tokens is not None
            token = storage.tokens.access_token
            rest = httpx.AsyncClient(
                base_url=f"{desk.api}/api/v1",
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            )
            [agent] = (await rest.get("/agents")).json()["items"]
            desk.limit_notional(agent["agent_id"], "1000", action="hold")
            async with anyio.create_task_group() as tg:
                tg.start_soon(held_buy, client)
                with anyio.fail_after(30):
                    await user.asked.wait()
                held_id = tasks.handles[0].task_id
                seen["self_approval"] = await rest.post(f"/orders/{held_id}/approve")
                seen["approval"] = desk.client.post(f"/orders/{held_id}/approve")
            seen["halted"] = await client.call_tool("halt_trading", {"reason": "end of my run"})
            seen["after_halt"] = await client.call_tool("place_order", BUY_ONE)
            seen["resume"] = await rest.post(
                "/kill-switch/resume",
                json={"passcode": "x", "scope": {"kind": "agent", "id": agent["agent_id"]}},
            )
            await rest.aclose()
    finally:
        await browser.close()

    # Assert: the scopes granted, and no write tool beyond them
    assert storage.tokens.scope == "read trade halt"
    assert {"place_order", "cancel_order", "halt_trading", "list_orders"} <= seen["tools"]
    assert seen["traded"].structured_content["decision"] == "approved"
    # the held order waited as a task and completed with the fill once the person approved
    assert tasks.handles[0].status == "input_required"
    assert user.shown == [f"approval:{held_id}"]
    assert seen["approval"].status_code == 200, seen["approval"].text
    held = seen["held"].structured_content
    assert (held["decision"], held["order"]["id"], held["order"]["status"]) == (
        "approved",
        held_id,
        "filled",
    )
    # the agent never decides its own hold: approve is a person's scope
    assert seen["self_approval"].status_code == 403
    assert seen["self_approval"].json()["code"] == "INSUFFICIENT_SCOPE"
    # it halted itself; its next order is denied, and it cannot resume
    assert not seen["halted"].is_error, seen["halted"].content
    assert seen["halted"].structured_content["scope"]["key"] == f"agent:{agent['agent_id']}"
    after = seen["after_halt"].structured_content
    assert after["decision"] == "denied"
    assert "TRADING_HALTED" in [reason["code"] for reason in after["reasons"]]
    assert seen["resume"].status_code == 403
