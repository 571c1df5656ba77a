"""An assistant adds Bulwark by its public URL while a proxy passes on another Host: with
BULWARK_PUBLIC_URL set, the SDK's own OAuth client discovers, registers, gets the person's
consent and trades, every URL it is given the public one."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import httpx2
import pytest
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

from tests.kit.ports import free_port
from tests.kit.served import Served, served_settings, serving
from tests.mcp.desk import Desk
from tests.mcp.oauth_browser import CALLBACK, Browser, MemoryTokens

INTERNAL_HOST = "bulwark-api.internal:8000"  # the Host the proxy passes on, reachable by no one


@pytest.fixture(scope="module")
def behind() -> Iterator[Served]:
    """A served demo whose public URL is the address the tests reach it by."""
    port = free_port()
    extra = {
        "BULWARK_PORT": str(port),
        "BULWARK_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "BULWARK_KILL_SWITCH_LANE": "false",
        "BULWARK_SURVEILLANCE": "off",
        "BULWARK_LOOP_WATCHDOG_MS": "0",
        "BULWARK_GC_FREEZE": "false",
        "BULWARK_COMPUTE_WARMUP": "false",
        "BULWARK_INFERENCE_WARMUP": "false",
    }
    with serving(served_settings("memory://", extra)) as app:
        yield app


async def as_the_proxy_does(request: httpx.Request | httpx2.Request) -> None:
    """What the proxy in front does: the request goes on with the Host of the app's own name."""
    request.headers["Host"] = INTERNAL_HOST


def grants(served: Served) -> list[dict[str, object]]:
    """The demo owner's grants, as the REST API lists them."""
    desk = Desk(served.api)
    try:
        found: list[dict[str, object]] = desk.client.get("/oauth/grants").json()["grants"]
    finally:
        desk.close()
    return found


async def test_an_assistant_signs_in_and_trades_by_the_public_url(behind: Served) -> None:
    # Arrange: the person's browser and the assistant, both through the proxy
    browser = Browser(behind.api, scopes=["read", "trade"])
    browser.client.event_hooks["request"].append(as_the_proxy_does)
    storage = MemoryTokens()
    auth = OAuthClientProvider(
        server_url=f"{behind.api}/mcp",
        client_metadata=OAuthClientMetadata(
            client_name="Proxied assistant",
            redirect_uris=[AnyUrl(CALLBACK)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
        ),
        storage=storage,
        redirect_handler=browser.redirect_handler,
        callback_handler=browser.callback_handler,
    )

    # Act
    try:
        async with (
            httpx2.AsyncClient(
                auth=auth, timeout=30, event_hooks={"request": [as_the_proxy_does]}
            ) as http,
            streamable_http_client(f"{behind.api}/mcp", http_client=http) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            placed = await session.call_tool(
                "place_order", {"symbol": "AAPL", "side": "buy", "quantity": "1"}
            )
    finally:
        await browser.close()

    # Assert: the consent happened, and the token serves the public resource
    assert "Proxied assistant" in browser.page
    assert storage.tokens is not None and storage.tokens.scope == "read trade"
    assert not placed.is_error, placed.content
    assert placed.structured_content is not None
    assert placed.structured_content["decision"] == "approved"
    grant_resources = {g["resource"] for g in grants(behind)}
    assert grant_resources == {f"{behind.api}/mcp"}
