"""A local server speaking Alpaca's market-data stream protocol, with scripted refusals and drops.

Serves every path (/v2/iex, /v2/sip, /v1beta3/crypto/us) on ws://127.0.0.1:<port> in the
test's own event loop (a fake of tests/kit/fake_server.py). A connection gets
[{"T":"success","msg":"connected"}], must send {"action":"auth",...} with the server's key
pair, then (un)subscribes to quotes; `publish` sends a "q" message to every connection
subscribed to the symbol. Faults: `refuse` answers the next connections with an error code
(406 connection limit, ...) and closes, `drop` cuts every connection (a TCP abort by default),
`send_error` sends an error message mid-stream.

    async with AlpacaStreamServer() as server:
        ... AlpacaQuoteStream(f"{server.url}/v2/iex", AlpacaCredentials("key", "secret"), ...)
        await server.wait_until(lambda: server.subscribed() == {"AAPL"})
        await server.publish("AAPL", "189.10", "189.12")
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from tests.kit.fake_server import FakeServer

ERRORS = {
    400: "invalid syntax",
    401: "not authenticated",
    402: "auth failed",
    404: "auth timeout",
    405: "symbol limit exceeded",
    406: "connection limit exceeded",
    409: "insufficient subscription",
    500: "internal error",
}


@dataclass(eq=False)
class StreamConnection:
    """One client connection as the server saw it: its path, actions and live subscriptions."""

    path: str
    socket: ServerConnection
    authenticated: bool = False
    quotes: set[str] = field(default_factory=set)
    actions: list[dict[str, Any]] = field(default_factory=list)
    closed: bool = False

    def subscribes(self) -> list[set[str]]:
        """The symbol sets of every subscribe action, in order."""
        return [set(a.get("quotes", [])) for a in self.actions if a.get("action") == "subscribe"]

    def unsubscribes(self) -> list[set[str]]:
        return [set(a.get("quotes", [])) for a in self.actions if a.get("action") == "unsubscribe"]


class AlpacaStreamServer(FakeServer):
    """The fake stream server; `url` is its ws:// base (append /v2/iex and the like)."""

    scheme = "ws"

    def __init__(self, key_id: str = "key", secret_key: str = "secret") -> None:
        super().__init__()
        self._key = (key_id, secret_key)
        self._server: Server | None = None
        self._refusals: deque[int] = deque()
        self._changed = asyncio.Event()
        self.connections: list[StreamConnection] = []

    # -- scripting ---------------------------------------------------------------------
    def refuse(self, code: int = 406, *, times: int = 1) -> None:
        """The next `times` connections get error `code` in answer to auth, then are closed."""
        self._refusals.extend([code] * times)

    async def drop(self, *, abrupt: bool = True) -> None:
        """Cut every live connection: a TCP abort, or a clean close (code 1000) by the server."""
        for connection in self.live():
            if abrupt:
                connection.socket.transport.abort()
            else:
                await connection.socket.close()

    async def send_error(self, code: int) -> None:
        """Send an error message (e.g. 406, 500) to every live connection."""
        message = [{"T": "error", "code": code, "msg": ERRORS.get(code, "error")}]
        for connection in self.live():
            with contextlib.suppress(ConnectionClosed):
                await connection.socket.send(json.dumps(message))

    async def publish(
        self,
        symbol: str,
        bid: str,
        ask: str,
        *,
        bid_size: str = "3",
        ask_size: str = "2",
        at: datetime | None = None,
    ) -> int:
        """Send a quote to the connections subscribed to `symbol`; how many it reached."""
        stamp = (at or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
        message = {
            "T": "q",
            "S": symbol,
            "bx": "V",
            "bp": float(bid),
            "bs": float(bid_size),
            "ax": "V",
            "ap": float(ask),
            "as": float(ask_size),
            "c": ["R"],
            "z": "C",
            "t": stamp,
        }
        reached = 0
        for connection in self.live():
            if symbol in connection.quotes:
                with contextlib.suppress(ConnectionClosed):
                    await connection.socket.send(json.dumps([message]))
                    reached += 1
        return reached

    # -- reading -----------------------------------------------------------------------
    def live(self) -> list[StreamConnection]:
        return [c for c in self.connections if not c.closed]

    def subscribed(self, path: str | None = None) -> set[str]:
        """Symbols the live, authenticated connections (of `path`) are subscribed to."""
        found: set[str] = set()
        for connection in self.live():
            if connection.authenticated and (path is None or connection.path == path):
                found |= connection.quotes
        return found

    async def wait_until(self, condition: Callable[[], bool], timeout_s: float = 2.0) -> None:
        """Wait until `condition()` holds, re-checked whenever the server's state changes."""
        async with asyncio.timeout(timeout_s):
            while not condition():
                self._changed.clear()
                await self._changed.wait()

    # -- lifecycle ---------------------------------------------------------------------
    async def start(self) -> None:
        self._server = await serve(self._handle, "127.0.0.1", 0, compression=None)
        self.port = next(iter(self._server.sockets)).getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None

    # -- the protocol ------------------------------------------------------------------
    async def _handle(self, socket: ServerConnection) -> None:
        path = socket.request.path if socket.request is not None else "/"
        connection = StreamConnection(path=path, socket=socket)
        self.connections.append(connection)
        self._changed.set()
        try:
            await self._converse(connection)
        except (ConnectionClosed, json.JSONDecodeError):
            pass
        finally:
            connection.closed = True
            self._changed.set()

    async def _converse(self, connection: StreamConnection) -> None:
        socket = connection.socket
        await socket.send(json.dumps([{"T": "success", "msg": "connected"}]))
        auth = json.loads(await socket.recv())
        connection.actions.append(auth)
        if self._refusals:
            # Alpaca checks the connection limit when the client authenticates.
            await self._error_and_close(socket, self._refusals.popleft())
            return
        if auth.get("action") != "auth":
            await self._error_and_close(socket, 401)
            return
        if (auth.get("key"), auth.get("secret")) != self._key:
            await self._error_and_close(socket, 402)
            return
        connection.authenticated = True
        await socket.send(json.dumps([{"T": "success", "msg": "authenticated"}]))
        self._changed.set()
        async for raw in socket:
            action = json.loads(raw)
            connection.actions.append(action)
            symbols = set(action.get("quotes", []))
            if action.get("action") == "subscribe":
                connection.quotes |= symbols
            elif action.get("action") == "unsubscribe":
                connection.quotes -= symbols
            else:
                await socket.send(json.dumps([{"T": "error", "code": 400, "msg": ERRORS[400]}]))
                continue
            ack = {"T": "subscription", "trades": [], "quotes": sorted(connection.quotes)}
            await socket.send(json.dumps([{**ack, "bars": []}]))
            self._changed.set()

    @staticmethod
    async def _error_and_close(socket: ServerConnection, code: int) -> None:
        await socket.send(json.dumps([{"T": "error", "code": code, "msg": ERRORS[code]}]))
        await socket.close()
