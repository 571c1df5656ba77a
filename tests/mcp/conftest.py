"""One served Bulwark per test module (memory store, demo data) and MCP sessions of the SDK's own
client over either transport: streamable HTTP at the app's /mcp, or `bulwark mcp` on stdio."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx2
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.kit.served import Served
from tests.mcp.desk import desk, served

__all__ = ["desk", "served"]  # the module-scoped served demo and its people

REPO = Path(__file__).resolve().parents[2]

Connect = Callable[[str], AbstractAsyncContextManager[ClientSession]]


@asynccontextmanager
async def over_http(api: str, api_key: str) -> AsyncIterator[ClientSession]:
    """A session at the app's /mcp, the key in the same header as REST's."""
    async with (
        httpx2.AsyncClient(headers={"X-API-Key": api_key}, timeout=30) as http,
        streamable_http_client(f"{api}/mcp", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


@asynccontextmanager
async def over_stdio(api: str, api_key: str) -> AsyncIterator[ClientSession]:
    """A session with `bulwark mcp` spawned as a subprocess, pointed at the served app."""
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "bootstrap.cli", "mcp"],
        env={
            "BULWARK_URL": api,
            "BULWARK_API_KEY": api_key,
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        },
        cwd=REPO,
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


@pytest.fixture(params=["http", "stdio"])
def connect(request: pytest.FixtureRequest, served: Served) -> Connect:
    """Opens an MCP session with an agent's key, over the transport of this run."""
    transport = over_http if request.param == "http" else over_stdio

    def open_session(api_key: str) -> AbstractAsyncContextManager[ClientSession]:
        return transport(served.api, api_key)

    return open_session
