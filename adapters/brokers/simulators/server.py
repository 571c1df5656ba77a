"""The server a venue simulator installs its routes on: a route table, scripted faults and
websockets, served on loopback (loopback.py).

A raw ASGI app under uvicorn on 127.0.0.1 (an ephemeral port) in the caller's event loop.
A simulator installs its routes (`route`, `websocket`); tests script faults (`fail`,
`rate_limit`, `slow`, `malformed`) that are consumed in order before routing, and read
`requests` to see what the client really sent.

    async with VenueServer() as server:
        server.route("GET", "/v2/account", lambda req: Reply(200, {"id": "acc"}))
        server.rate_limit(times=1, retry_after=0.1)
        ... AlpacaHttp(server.url, ...) ...
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from adapters.brokers.simulators.loopback import ASGIApp, AsgiLoopbackServer, Receive, Scope, Send


@dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request as the server saw it."""

    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    body: bytes
    path_params: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True, slots=True)
class Reply:
    """What a route or a fault answers: JSON `body`, or `raw` bytes sent as they are."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None

    def encoded(self) -> bytes:
        if self.raw is not None:
            return self.raw
        return b"" if self.body is None else json.dumps(self.body).encode()


Handler = Callable[[Request], Reply | Awaitable[Reply]]


@dataclass(slots=True)
class Fault:
    """The next `times` requests matching `method`/`path` get `reply` after `delay_s`."""

    times: int
    reply: Reply | None
    delay_s: float = 0.0
    method: str | None = None
    path: str | None = None  # a route pattern ("/v2/orders/{id}") or an exact path

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.path is None or _compile(self.path).fullmatch(path) is not None


class ServerSocket:
    """The server's end of a websocket connection (ASGI messages wrapped)."""

    def __init__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.path: str = scope["path"]
        self._receive = receive
        self._send = send
        self.closed = False

    async def accept(self) -> None:
        connect = await self._receive()  # ASGI opens with websocket.connect
        if connect["type"] != "websocket.connect":
            raise RuntimeError(f"unexpected {connect['type']} before accept")
        await self._send({"type": "websocket.accept"})

    async def receive(self) -> str | bytes | None:
        """The next message (text or bytes), None once the client has gone."""
        message = await self._receive()
        if message["type"] == "websocket.disconnect":
            self.closed = True
            return None
        return message.get("text") if message.get("text") is not None else message.get("bytes")

    async def receive_json(self) -> Any:
        message = await self.receive()
        return None if message is None else json.loads(message)

    async def send_json(self, payload: Any, *, binary: bool = False) -> None:
        data = json.dumps(payload)
        if binary:
            await self._send({"type": "websocket.send", "bytes": data.encode()})
        else:
            await self._send({"type": "websocket.send", "text": data})

    async def send_bytes(self, data: bytes) -> None:
        await self._send({"type": "websocket.send", "bytes": data})

    async def close(self, code: int = 1000) -> None:
        if not self.closed:
            self.closed = True
            with contextlib.suppress(Exception):
                await self._send({"type": "websocket.close", "code": code})


SocketHandler = Callable[[ServerSocket], Awaitable[None]]


class VenueServer(AsgiLoopbackServer):
    """The server: start it with `async with`, then point a client at `url`."""

    ws_protocol = "websockets-sansio"

    def __init__(self) -> None:
        super().__init__()
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._sockets: list[tuple[re.Pattern[str], SocketHandler]] = []
        self._faults: list[Fault] = []
        self._open: set[ServerSocket] = set()
        self.requests: list[Request] = []

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    # -- set-up ------------------------------------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler) -> None:
        """Answer `method pattern` (segments like {order_id} land in `path_params`)."""
        self._routes.append((method.upper(), _compile(pattern), handler))

    def websocket(self, pattern: str, handler: SocketHandler) -> None:
        self._sockets.append((_compile(pattern), handler))

    def fail(
        self,
        reply: Reply | None,
        *,
        times: int = 1,
        delay_s: float = 0.0,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Script a fault; `reply=None` with a delay answers from the route, only late."""
        if times < 1:
            raise ValueError("times must be at least 1")
        upper = method.upper() if method else None
        self._faults.append(Fault(times, reply, delay_s, upper, path))

    def rate_limit(
        self,
        *,
        times: int = 1,
        retry_after: float | None = None,
        reset_in: float | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """429 for the next `times` matching requests, with Retry-After / X-RateLimit-* headers."""
        headers = {"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "0"}
        if retry_after is not None:
            headers["Retry-After"] = _number(retry_after)
        if reset_in is not None:
            headers["X-RateLimit-Reset"] = str(int(time.time() + reset_in))
        body = {"code": 42910000, "message": "rate limit exceeded"}
        self.fail(Reply(429, body, headers), times=times, method=method, path=path)

    def slow(
        self, delay_s: float, *, times: int = 1, method: str | None = None, path: str | None = None
    ) -> None:
        """Answer the next matching requests normally, but only after `delay_s`."""
        self.fail(None, times=times, delay_s=delay_s, method=method, path=path)

    def malformed(
        self,
        *,
        times: int = 1,
        status: int = 200,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """A body that is not JSON at all."""
        raw = Reply(status, raw=b"{not json<html>", headers={"content-type": "application/json"})
        self.fail(raw, times=times, method=method, path=path)

    def requests_to(self, method: str, path: str) -> list[Request]:
        pattern = _compile(path)
        return [
            r for r in self.requests if r.method == method.upper() and pattern.fullmatch(r.path)
        ]

    async def close_websockets(self, code: int = 1011) -> None:
        """Drop every open websocket, as a server restart would."""
        for ws in list(self._open):
            await ws.close(code)

    # -- lifecycle ---------------------------------------------------------------------
    def app(self) -> ASGIApp:
        return self

    async def stopping(self) -> None:
        await self.close_websockets(1001)

    # -- ASGI --------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        query = scope.get("query_string", b"").decode()
        request = Request(
            method=scope["method"],
            path=scope["path"],
            params=dict(parse_qsl(query, keep_blank_values=True)),
            headers={k.decode().lower(): v.decode() for k, v in scope["headers"]},
            body=body,
        )
        self.requests.append(request)
        reply = await self._answer(request)
        headers = {"content-type": "application/json", **reply.headers}
        await send(
            {
                "type": "http.response.start",
                "status": reply.status,
                "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": reply.encoded()})

    async def _answer(self, request: Request) -> Reply:
        fault = self._take_fault(request)
        if fault is not None:
            if fault.delay_s:
                await asyncio.sleep(fault.delay_s)
            if fault.reply is not None:
                return fault.reply
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(request.path)
            if method == request.method and match:
                routed = Request(**{**_fields(request), "path_params": match.groupdict()})
                result = handler(routed)
                return await result if inspect.isawaitable(result) else result
        return Reply(404, {"code": 40410000, "message": "endpoint not found"})

    def _take_fault(self, request: Request) -> Fault | None:
        for fault in self._faults:
            if fault.matches(request.method, request.path):
                fault.times -= 1
                if fault.times == 0:
                    self._faults.remove(fault)
                return fault
        return None

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        for pattern, handler in self._sockets:
            if pattern.fullmatch(scope["path"]):
                ws = ServerSocket(scope, receive, send)
                self._open.add(ws)
                try:
                    await handler(ws)
                finally:
                    self._open.discard(ws)
                    await ws.close()
                return
        await send({"type": "websocket.close", "code": 1008})


def _fields(request: Request) -> dict[str, Any]:
    return {name: getattr(request, name) for name in Request.__slots__}


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        parts = re.split(r"(\{\w+\})", pattern)
        regex = "".join(
            f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts
        )
        compiled = _PATTERNS[pattern] = re.compile(regex)
    return compiled


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
