"""Serving on loopback: an ASGI app on 127.0.0.1 (a fresh port) under uvicorn, in the
caller's event loop, started and stopped with `async with` (or `start`/`stop`).

    class Venue(AsgiLoopbackServer):
        def app(self) -> ASGIApp:
            return answer_every_path

    async with Venue() as venue:
        ... adapter pointed at venue.url ...
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self

import uvicorn

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[..., Awaitable[None]]  # a raw ASGI callable or Litestar's app
KEEP_ALIVE_S = 75
CLOSE_WAIT_S = 0.1  # the longest a stop waits for its connections to close, as uvicorn's


class LoopbackServer:
    """A server in the caller's event loop on a fresh port of 127.0.0.1: `async with` (or
    `start`/`stop`) serves it; `url` is its base."""

    scheme = "http"

    def __init__(self) -> None:
        self.port = 0

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Listen on a fresh port and set `port`."""
        raise NotImplementedError

    async def stop(self) -> None:
        """Stop serving; a server that is not serving has nothing to stop."""
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


class AsgiLoopbackServer(LoopbackServer):
    """A server that is an ASGI app (`app()`, a raw one or Litestar's), served by uvicorn."""

    ws_protocol = "auto"  # uvicorn's websocket implementation, for servers with websockets

    def __init__(self) -> None:
        super().__init__()
        self._server: uvicorn.Server | None = None
        self._sock: socket.socket | None = None

    def app(self) -> ASGIApp:
        """What the server serves."""
        raise NotImplementedError

    async def stopping(self) -> None:
        """What to do before the server stops (release held answers, close sockets)."""

    async def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit it: without it a reply written in two parts (headers,
        # then body) waits on the client's delayed ACK, ~40 ms a request on loopback.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app(),
            lifespan="off",
            # Leave the process's logging alone: access_log=False or a log_level would
            # change the shared "uvicorn.access" logger for the tests that run after this.
            log_config=None,
            log_level=None,
            ws=self.ws_protocol,
            # uvicorn's default (5 s) would close a client's idle connection just as a venue's
            # pacing lets it ask again (IBKR lists live orders once per 5 s), resetting that
            # request: an idle connection stays open as long as nginx's default keeps one.
            timeout_keep_alive=KEEP_ALIVE_S,
        )
        config.load()
        self._server = uvicorn.Server(config)
        # What Server.serve() would do, without its signal handlers and its polling main loop.
        self._server.lifespan = config.lifespan_class(config)
        self._sock = sock
        await self._server.startup(sockets=[sock])

    async def stop(self) -> None:
        if self._server is None:
            return
        await self.stopping()
        await _shut(self._server, self._sock)
        self._server = None


async def _shut(server: uvicorn.Server, sock: socket.socket | None) -> None:
    """uvicorn's `Server.shutdown` without its fixed 0.1 s sleep: stop listening, ask each
    connection to close (at once when idle, after its response otherwise), and wait for
    them only as long as one still is open, at most CLOSE_WAIT_S; no graceful wait for
    slow handlers. A test's server stopped in about a millisecond, not 100."""
    server.force_exit = True
    for listening in server.servers:
        listening.close()
    if sock is not None:
        sock.close()
    for connection in list(server.server_state.connections):
        connection.shutdown()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + CLOSE_WAIT_S
    # uvicorn's set of connections tells no one when it empties: look every 2 ms
    while server.server_state.connections and loop.time() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.002)
    for listening in server.servers:
        await listening.wait_closed()
