"""The MCP server on stdio, calling a Bulwark at a URL with one agent's API key; a key Bulwark
refuses (revoked, or its agent removed) ends the session."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Any

import anyio
import httpx
from mcp import MCPError

from adapters.mcp.gateway import (
    API_KEY_HEADER,
    UNAUTHENTICATED,
    UNREACHABLE,
    BulwarkError,
    BulwarkGateway,
)
from adapters.mcp.server import build_server
from adapters.tls import client_tls

# The JSON-RPC error of a message that comes after the key was refused (a server-defined code).
SESSION_ENDED = -32001
_ENDED = "UNAUTHENTICATED: Bulwark refused the API key (revoked, or its agent removed)"
# Time for the answer that reported the refused key to reach the client before stdio closes.
_LAST_ANSWER_S = 1.0


class KeyRefused(Exception):
    """Bulwark refused the key, or could not be reached, before the session began."""

    def __init__(self, error: BulwarkError) -> None:
        super().__init__(f"{error.code}: {error.message}")
        self.unreachable = error.code == UNREACHABLE


async def serve_stdio(
    url: str, api_key: str, timeout_s: float, end_session: Callable[[str], None]
) -> None:
    """Serve MCP on stdin/stdout until the client leaves or Bulwark refuses the key. The key
    is checked once first: KeyRefused (with Bulwark's words) when it is not accepted. Once a
    call finds it refused, its answer is sent and `end_session` is called with the reason: the
    process should exit there, as a read of stdin blocked in its worker thread cannot be
    cancelled (the task group is cancelled if it returns)."""
    refused = anyio.Event()
    headers = {API_KEY_HEADER: api_key}
    async with httpx.AsyncClient(
        base_url=url, headers=headers, timeout=timeout_s, verify=client_tls()
    ) as client:
        gateway = BulwarkGateway(client, on_unauthenticated=refused.set)
        try:
            await gateway.whoami()
        except BulwarkError as exc:
            raise KeyRefused(exc) from None

        def open_gateway(_request: Any) -> AbstractAsyncContextManager[BulwarkGateway]:
            if refused.is_set():  # every message after the refusal, until the process ends
                raise MCPError(SESSION_ENDED, _ENDED, {"code": UNAUTHENTICATED})
            return nullcontext(gateway)

        server = build_server(open_gateway)
        async with anyio.create_task_group() as tasks:

            async def end_when_refused() -> None:
                await refused.wait()
                await anyio.sleep(_LAST_ANSWER_S)
                end_session(_ENDED)
                tasks.cancel_scope.cancel()

            tasks.start_soon(end_when_refused)
            await server.run_stdio_async()
            tasks.cancel_scope.cancel()
