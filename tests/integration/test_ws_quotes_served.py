"""/ws/quotes on a real server (uvicorn, real sockets): a client that stops reading fills its
socket, and a client that reads still gets every symbol's latest quote; the feed never waits.

The listening socket's buffers are made small (accepted sockets inherit them), so the slow
client's connection fills after a few kilobytes instead of the kernel's megabytes.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
import uvicorn
import websockets

from adapters.memory.clock import FakeClock
from bootstrap.app import create_app
from domain.principals import Role
from tests.http.harness import test_container as container_for
from tests.http.harness import test_settings as settings_with
from tests.kit.raw_websocket import never_reading_socket

SMALL_BUFFER = 4096
SYMBOLS = ["AAPL", "MSFT"]
WAIT = 10.0


class Served:
    def __init__(self, container: Any, url: str, token: str) -> None:
        self.container = container
        self.url = url
        self.token = token

    @property
    def board(self) -> Any:
        return self.container.core.market()

    @property
    def hub(self) -> Any:
        return self.container.http_contexts.market_data_context().services.live_quotes


@pytest.fixture
async def served() -> AsyncIterator[Served]:
    settings = settings_with(ws_quotes_flush_ms="1")
    container = container_for(settings, FakeClock())
    app = create_app(settings, container)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SMALL_BUFFER)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets"))
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to wait on
        await asyncio.sleep(0.02)
    auth = container.core.auth()
    await auth.create_user("quotes-reader", "a-long-password-1", Role.TRADER)
    tokens = await auth.login("quotes-reader", "a-long-password-1")
    try:
        yield Served(container, f"ws://127.0.0.1:{port}/ws/quotes", tokens.access_token)
    finally:
        server.should_exit = True
        await serving


async def subscribed(url: str, **options: Any) -> Any:
    ws = await websockets.connect(url, **options)
    await ws.send(json.dumps({"action": "subscribe", "symbols": SYMBOLS}))
    return ws


async def latest_prices(ws: Any, until: dict[str, str]) -> dict[str, str]:
    """Reads quotes frames until each symbol of `until` shows its price there."""
    seen: dict[str, str] = {}
    deadline = time.monotonic() + WAIT
    while any(seen.get(s) != p for s, p in until.items()):
        frame = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
        if frame["type"] == "quotes":
            seen.update({q["symbol"]: q["last"] for q in frame["quotes"]})
    return seen


def never_reading_client(url: str, token: str) -> socket.socket:
    """A WebSocket client on a raw socket with a small buffer: it opens, subscribes, and then
    never reads another byte."""
    sock, answer = never_reading_socket(
        f"{url}?token={token}", SYMBOLS, receive_buffer=SMALL_BUFFER, timeout=WAIT
    )
    assert answer.startswith(b"HTTP/1.1 101"), answer
    return sock


async def test_a_client_that_stops_reading_holds_back_no_one(served: Served) -> None:
    # Arrange: a slow client (small buffer, never reads) and a fast one, both on AAPL, MSFT
    slow = await asyncio.to_thread(never_reading_client, served.url, served.token)
    fast = await subscribed(f"{served.url}?token={served.token}")
    while served.hub.connections < 2 or any(  # noqa: ASYNC110
        len(c.symbols) < 2 for c in served.hub.clients()
    ):
        await asyncio.sleep(0.01)
    final = {"AAPL": "129.98000000", "MSFT": "129.99000000"}
    reading = asyncio.create_task(latest_prices(fast, final))

    # Act: 3,000 quotes, a pair each millisecond or so (about 600 kB of frames a client)
    started = time.monotonic()
    for i in range(3000):
        served.board.set_price(SYMBOLS[i % 2], Decimal(100) + Decimal(i) / 100)
        if i % 2:
            await asyncio.sleep(0.001)
    feed_seconds = time.monotonic() - started
    got = await reading

    # Assert: the reader ends on the latest prices; the slow one was sent far less, the rest
    # of its quotes coalesced (counted as dropped); the feed never waited on a socket
    assert got == final
    by_delivered = sorted(served.hub.clients(), key=lambda c: c.delivered)
    stuck, reader = by_delivered[0], by_delivered[-1]
    assert stuck.delivered < reader.delivered
    assert stuck.dropped > 0
    assert served.hub.dropped >= stuck.dropped
    assert feed_seconds < 3 * WAIT  # a pair a millisecond: the feed waited on no socket
    await fast.close()
    slow.close()
