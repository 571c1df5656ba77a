"""Local servers speaking Polygon's, Finnhub's and Binance's quote websockets, with faults.

Both serve ws://127.0.0.1:<port> in the test's own event loop (fakes of tests/kit/fake_server.py)
and record each connection: its path, what the client sent, its live subscriptions. Faults
common to both: `drop` cuts every live connection (a TCP abort by default, or a clean close),
`send_raw` sends any text (a malformed frame), `ping` sends a websocket ping and waits for the
client's pong.

- PolygonStreamServer: greets with a `connected` status, wants {"action":"auth","params":KEY}
  (a wrong key gets `auth_failed`, then the close), then (un)subscribe actions over quote
  channels (Q.AAPL,Q.MSFT); `publish` sends a Q event; `refuse` answers the next connections'
  auth with `max_connections` and closes them.
- FinnhubStreamServer: refuses the upgrade with HTTP 401 unless the URL's token is the key; then
  one (un)subscribe message a symbol; `publish` sends a trade frame, `heartbeat` a
  {"type":"ping"}, `send_error` an error message.
- BinanceTickerServer: the spot market streams that ccxt.pro's watch_ticker reads (its doc).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from tests.kit.fake_server import FakeServer


@dataclass(eq=False)
class Connection:
    """One client connection as the server saw it."""

    path: str
    socket: ServerConnection
    authenticated: bool = False
    symbols: set[str] = field(default_factory=set)
    received: list[Any] = field(default_factory=list)
    closed: bool = False


def _ms(at: datetime | None) -> int:
    return int((at or datetime.now(UTC)).timestamp() * 1000)


class StreamServer(FakeServer):
    """What both fakes share: connections, waiting on their state, and the faults."""

    scheme = "ws"

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self._server: Server | None = None
        self._changed = asyncio.Event()
        self.connections: list[Connection] = []

    # -- reading -----------------------------------------------------------------------
    def live(self) -> list[Connection]:
        return [c for c in self.connections if not c.closed]

    def subscribed(self) -> set[str]:
        found: set[str] = set()
        for connection in self.live():
            if connection.authenticated:
                found |= connection.symbols
        return found

    async def wait_until(self, condition: Callable[[], bool], timeout_s: float = 2.0) -> None:
        """Wait until `condition()` holds, re-checked whenever the server's state changes."""
        async with asyncio.timeout(timeout_s):
            while not condition():
                self._changed.clear()
                await self._changed.wait()

    # -- faults ------------------------------------------------------------------------
    async def drop(self, *, abrupt: bool = True) -> None:
        for connection in self.live():
            if abrupt:
                connection.socket.transport.abort()
            else:
                await connection.socket.close()

    async def send_raw(self, text: str) -> None:
        for connection in self.live():
            with contextlib.suppress(ConnectionClosed):
                await connection.socket.send(text)

    async def ping(self, timeout_s: float = 2.0) -> float:
        """A websocket ping to the one live connection; the round trip once the pong came."""
        (connection,) = self.live()
        pong = await connection.socket.ping()
        async with asyncio.timeout(timeout_s):
            return await pong

    async def _send_to(self, symbol: str, message: Any) -> int:
        reached = 0
        for connection in self.live():
            if symbol in connection.symbols:
                with contextlib.suppress(ConnectionClosed):
                    await connection.socket.send(json.dumps(message))
                    reached += 1
        return reached

    # -- lifecycle ---------------------------------------------------------------------
    async def start(self) -> None:
        self._server = await serve(
            self._handle,
            "127.0.0.1",
            0,
            compression=None,
            process_request=self._admit,
        )
        self.port = next(iter(self._server.sockets)).getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None

    def _admit(self, socket: ServerConnection, request: Request) -> Response | None:
        """Refuse the upgrade (a Response) or let it through (None)."""
        return None

    async def _handle(self, socket: ServerConnection) -> None:
        path = socket.request.path if socket.request is not None else "/"
        connection = Connection(path=path, socket=socket)
        self.connections.append(connection)
        self._changed.set()
        try:
            await self._converse(connection)
        except (ConnectionClosed, json.JSONDecodeError):
            pass
        finally:
            connection.closed = True
            self._changed.set()

    async def _converse(self, connection: Connection) -> None:
        raise NotImplementedError


class PolygonStreamServer(StreamServer):
    """Polygon's stocks cluster (module doc)."""

    def __init__(self, key: str = "pk-secret") -> None:
        super().__init__(key)
        self._refusals: deque[str] = deque()

    def refuse(self, status: str = "max_connections", *, times: int = 1) -> None:
        """The next `times` connections get `status` in answer to auth, then are closed."""
        self._refusals.extend([status] * times)

    def subscribe_params(self, connection: Connection) -> list[str]:
        return [m["params"] for m in connection.received if m.get("action") == "subscribe"]

    def unsubscribe_params(self, connection: Connection) -> list[str]:
        return [m["params"] for m in connection.received if m.get("action") == "unsubscribe"]

    async def publish(
        self,
        symbol: str,
        bid: str,
        ask: str,
        *,
        bid_size: str = "300",
        ask_size: str = "200",
        at: datetime | None = None,
    ) -> int:
        event = {
            "ev": "Q",
            "sym": symbol,
            "bx": 11,
            "bp": float(bid),
            "bs": float(bid_size),
            "ax": 12,
            "ap": float(ask),
            "as": float(ask_size),
            "c": 1,
            "i": [],
            "t": _ms(at),
            "q": 1,
            "z": 3,
        }
        return await self._send_to(symbol, [event])

    @staticmethod
    def _status(status: str, message: str) -> str:
        return json.dumps([{"ev": "status", "status": status, "message": message}])

    async def _converse(self, connection: Connection) -> None:
        socket = connection.socket
        await socket.send(self._status("connected", "Connected Successfully"))
        auth = json.loads(await socket.recv())
        connection.received.append(auth)
        if self._refusals:
            await socket.send(self._status(self._refusals.popleft(), "refused"))
            await socket.close()
            return
        if auth != {"action": "auth", "params": self.key}:
            await socket.send(self._status("auth_failed", "authentication failed"))
            await socket.close()
            return
        connection.authenticated = True
        await socket.send(self._status("auth_success", "authenticated"))
        self._changed.set()
        async for raw in socket:
            action = json.loads(raw)
            connection.received.append(action)
            channels = [c for c in str(action.get("params", "")).split(",") if c]
            symbols = {c.removeprefix("Q.") for c in channels if c.startswith("Q.")}
            if action.get("action") == "subscribe":
                connection.symbols |= symbols
            elif action.get("action") == "unsubscribe":
                connection.symbols -= symbols
            verb = "subscribed to" if action.get("action") == "subscribe" else "unsubscribed"
            await socket.send(self._status("success", f"{verb}: {action.get('params')}"))
            self._changed.set()


class FinnhubStreamServer(StreamServer):
    """Finnhub's trades websocket (module doc)."""

    def __init__(self, key: str = "fh-secret") -> None:
        super().__init__(key)

    def subscribes(self, connection: Connection) -> list[str]:
        return [m["symbol"] for m in connection.received if m.get("type") == "subscribe"]

    def unsubscribes(self, connection: Connection) -> list[str]:
        return [m["symbol"] for m in connection.received if m.get("type") == "unsubscribe"]

    async def publish(self, symbol: str, *trades: tuple[str, datetime | None]) -> int:
        """One trade frame for `symbol`: each (price, time) a trade, in order."""
        data = [{"s": symbol, "p": float(p), "v": 100, "t": _ms(at), "c": None} for p, at in trades]
        return await self._send_to(symbol, {"type": "trade", "data": data})

    async def heartbeat(self) -> None:
        await self.send_raw(json.dumps({"type": "ping"}))

    async def send_error(self, message: str) -> None:
        await self.send_raw(json.dumps({"type": "error", "msg": message}))

    def _admit(self, socket: ServerConnection, request: Request) -> Response | None:
        token = parse_qs(urlsplit(request.path).query).get("token", [""])[0]
        if token != self.key:
            self.connections.append(Connection(path=request.path, socket=socket, closed=True))
            self._changed.set()
            return socket.respond(HTTPStatus.UNAUTHORIZED, "Invalid API key\n")
        return None

    async def _converse(self, connection: Connection) -> None:
        connection.authenticated = True
        self._changed.set()
        async for raw in connection.socket:
            message = json.loads(raw)
            connection.received.append(message)
            symbol = str(message.get("symbol", ""))
            if message.get("type") == "subscribe":
                connection.symbols.add(symbol)
            elif message.get("type") == "unsubscribe":
                connection.symbols.discard(symbol)
            self._changed.set()


class BinanceTickerServer(StreamServer):
    """Binance's spot market streams (wss://stream.binance.com:9443/ws/<n>) as ccxt.pro's
    watch_ticker uses them: {"method":"SUBSCRIBE","params":["ethusdt@ticker"],"id":N} answered
    {"result":null,"id":N}; `publish` sends a 24hrTicker event; `refuse_subscriptions` answers
    the next subscriptions with Binance's error message instead."""

    def __init__(self) -> None:
        super().__init__(key="")
        self._refusals: deque[tuple[int, str]] = deque()

    def refuse_subscriptions(self, code: int = 2, message: str = "Invalid request") -> None:
        self._refusals.append((code, message))

    def subscribes(self, connection: Connection) -> list[list[str]]:
        return [m["params"] for m in connection.received if m.get("method") == "SUBSCRIBE"]

    async def publish(
        self, market: str, bid: str, ask: str, last: str, *, at: datetime | None = None
    ) -> int:
        stamp = _ms(at)
        event = {
            "e": "24hrTicker", "E": stamp, "s": market, "p": "0", "P": "0", "w": last,
            "x": last, "c": last, "Q": "1", "b": bid, "B": "1.5", "a": ask, "A": "2",
            "o": last, "h": last, "l": last, "v": "100", "q": "1000", "O": stamp - 86_400_000,
            "C": stamp, "F": 1, "L": 2, "n": 2,
        }  # fmt: skip
        return await self._send_to(market, event)

    async def _converse(self, connection: Connection) -> None:
        connection.authenticated = True
        self._changed.set()
        socket = connection.socket
        async for raw in socket:
            message = json.loads(raw)
            connection.received.append(message)
            markets = {str(p).split("@")[0].upper() for p in message.get("params", [])}
            if message.get("method") == "SUBSCRIBE" and self._refusals:
                code, text = self._refusals.popleft()
                error = {"error": {"code": code, "msg": text}, "id": message.get("id")}
                await socket.send(json.dumps(error))
                continue
            if message.get("method") == "SUBSCRIBE":
                connection.symbols |= markets
            elif message.get("method") == "UNSUBSCRIBE":
                connection.symbols -= markets
            await socket.send(json.dumps({"result": None, "id": message.get("id")}))
            self._changed.set()
