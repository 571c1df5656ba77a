"""`/mcp`: the agents' MCP server over streamable HTTP, mounted on the app behind the API's own
authentication: a request without a valid key (or token) is answered 401 by the app before any
MCP handling, and the tools reach this same app with the caller's credentials
(docs/agents.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from litestar import Litestar, asgi
from litestar.types import ControllerRouterHandler, Receive, Scope, Send

from adapters.http.contexts import HttpContext
from adapters.http.key_scopes import needs
from domain.identity.permissions import Permission

NAME = "mcp"
MCP_PATH = "/mcp"


class McpEndpoint(Protocol):
    """The MCP server's streamable HTTP handler and what must run while the app serves it."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one authenticated MCP request (scope["user"] is the caller)."""

    def running(self) -> AbstractAsyncContextManager[None]:
        """The sessions' task group, open while the app runs."""


def context(endpoint: McpEndpoint) -> HttpContext:
    """The MCP mount as a context of the API, its session manager run by the app's lifespan."""

    def controllers(_config: Any) -> Sequence[ControllerRouterHandler]:
        # Its tools call this app again with the caller's credentials, each call checked
        # against the key's scopes there (adapters/http/key_scopes.py).
        @asgi(MCP_PATH, is_mount=True, name="mcp", copy_scope=False, opt=needs(Permission.READ))
        async def mcp(scope: Scope, receive: Receive, send: Send) -> None:
            await endpoint.handle(scope, receive, send)

        return [mcp]

    return HttpContext(
        NAME, endpoint, controllers, path="/", lifespan=_running(endpoint), documented=False
    )


def _running(endpoint: McpEndpoint) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: Litestar) -> Any:
        async with endpoint.running():
            yield

    return lifespan
