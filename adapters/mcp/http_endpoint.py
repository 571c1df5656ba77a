"""The MCP server over streamable HTTP, for mounting on Bulwark's own app: its tools call that
same app in process (httpx's ASGI transport) with the credentials the MCP request came with."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from mcp.server.mcpserver import MCPServer
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import Receive, Scope, Send

from adapters.mcp.gateway import BulwarkGateway
from adapters.mcp.server import build_server

# The credentials a tool call carries on: exactly those the MCP request was authenticated with.
_CREDENTIAL_HEADERS = ("x-api-key", "authorization")
# The app is called in process: no name resolution, no socket. Its base URL is the one the
# MCP request came to, so an OAuth token issued for that server's /mcp counts on the calls
# its tools make (the audience checked by the app: adapters/http/security.py).
_IN_PROCESS = "http://bulwark.in-process"
_TIMEOUT_S = 30.0
# An MCP request is one JSON-RPC message of a tool's few arguments: the API's default body cap.
_MAX_BODY_BYTES = 1_048_576


class StreamableHttpEndpoint:
    """Stateless streamable HTTP with JSON answers: every MCP request is authenticated by the
    app on its own, so a revoked key is refused at its next request, and any worker or
    instance can answer any request (no session lives in one process)."""

    def __init__(self) -> None:
        self._server = in_process_server()
        self._manager: StreamableHTTPSessionManager | None = None

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._manager is None:
            raise RuntimeError("the MCP endpoint is not running: enter running() first")
        await self._manager.handle_request(scope, receive, send)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """A fresh session manager for each run (one can run only once)."""
        # The DNS-rebinding check is the SDK's for unauthenticated local servers; this one
        # answers only requests that carry an API key or token, which a browser never adds.
        self._server.streamable_http_app(
            stateless_http=True,
            json_response=True,
            transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
            max_request_body_size=_MAX_BODY_BYTES,
        )
        manager = self._server.session_manager
        async with manager.run():
            self._manager = manager
            try:
                yield
            finally:
                if self._manager is manager:
                    self._manager = None


@functools.cache
def in_process_server() -> MCPServer[Any]:
    """The MCP server, built once per process (~30 ms): it holds no state of any app's, as
    each app runs its own session manager and each message opens its own gateway."""
    return build_server(_open_in_process)


@asynccontextmanager
async def _open_in_process(request: Any) -> AsyncIterator[BulwarkGateway]:
    """A gateway to the app that received `request`, with the credentials it came with."""
    if request is None:
        raise RuntimeError("an MCP message reached the HTTP endpoint without its request")
    scope = request.scope
    headers = {
        name.decode("latin-1"): value.decode("latin-1")
        for name, value in scope["headers"]
        if name.decode("latin-1").lower() in _CREDENTIAL_HEADERS
    }
    transport = httpx.ASGITransport(app=scope["app"])
    async with httpx.AsyncClient(
        transport=transport, base_url=_origin_of(scope), headers=headers, timeout=_TIMEOUT_S
    ) as client:
        yield BulwarkGateway(client)


def _origin_of(scope: Any) -> str:
    """The scheme and Host the MCP request came with (the in-process name when it had none)."""
    for name, value in scope.get("headers", ()):
        if name == b"host" and value:
            return f"{scope.get('scheme', 'http')}://{value.decode('latin-1')}"
    return _IN_PROCESS
