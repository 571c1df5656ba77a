"""The one base the fake vendor servers build on: each fake says what it answers, this module
serves it on 127.0.0.1 (an ephemeral port) and stops it.

Two ways to serve, for the two kinds of fake:

- `FakeServer`: a server in the caller's event loop, started and stopped with `async with`;
  `AsgiFake` serves an ASGI app (a raw one, or Litestar's) under uvicorn. `threaded(fake)` runs
  one on a thread and loop of its own, for callers that block their own loop while the app
  handles a request (the HTTP harness's test client calling back into a fake).
- `threaded_http(answer)`: a stdlib ThreadingHTTPServer on a thread, for fakes whose answers
  are plain functions of the request (they may sleep to play a slow vendor).

    class LocalVendor(AsgiFake):
        def app(self) -> ASGIApp:
            return litestar_app(answer_every_path)

    async with LocalVendor() as vendor:
        ... adapter pointed at vendor.url ...
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self, TypeVar

import uvicorn
from litestar import Litestar
from litestar.types import ControllerRouterHandler

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[..., Awaitable[None]]  # a raw ASGI callable or Litestar's app


class FakeServer:
    """A fake in the caller's event loop on a fresh port of 127.0.0.1: `async with` (or
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
        """Stop serving; a fake that is not serving has nothing to stop."""
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


class AsgiFake(FakeServer):
    """A fake that is an ASGI app (`app()`, a raw one or Litestar's), served by uvicorn."""

    ws_protocol = "auto"  # uvicorn's websocket implementation, for fakes that serve websockets

    def __init__(self) -> None:
        super().__init__()
        self._server: uvicorn.Server | None = None
        self._sock: socket.socket | None = None

    def app(self) -> ASGIApp:
        """What the fake serves."""
        raise NotImplementedError

    async def stopping(self) -> None:
        """What the fake does before the server stops (release held answers, close sockets)."""

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
        self._server.force_exit = True  # no graceful wait for slow handlers
        await self._server.shutdown(sockets=[self._sock] if self._sock else None)
        if self._sock is not None:
            self._sock.close()
        self._server = None


Fake = TypeVar("Fake", bound=FakeServer)


def litestar_app(*handlers: ControllerRouterHandler) -> Litestar:
    """A bare Litestar app for a fake: its handlers, no OpenAPI document, no logging set-up."""
    return Litestar(route_handlers=list(handlers), openapi_config=None, logging_config=None)


@contextlib.contextmanager
def threaded(fake: Fake) -> Iterator[Fake]:
    """`fake` served from a thread and event loop of its own, stopped on exit."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name=type(fake).__name__, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(timeout=10)
    try:
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """One request as a threaded fake read it: the path carries the query string."""

    method: str
    path: str
    headers: dict[str, str]  # as sent
    body: bytes

    def header(self, name: str) -> str | None:
        """A header's value, whatever case the client wrote its name in."""
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


Answer = Callable[[HttpRequest], tuple[int, bytes, Mapping[str, str]]]


@contextlib.contextmanager
def threaded_http(
    answer: Answer, *, methods: Sequence[str] = ("GET",), content_type: str = "application/json"
) -> Iterator[str]:
    """A ThreadingHTTPServer on 127.0.0.1 (a free port) answering `methods` with `answer`'s
    (status, body, extra headers), stopped on exit; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            request = HttpRequest(
                self.command, self.path, dict(self.headers.items()), self.rfile.read(length)
            )
            status, body, headers = answer(request)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            # The client may have given up (a timeout test).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    for method in methods:
        setattr(Handler, f"do_{method}", Handler._answer)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
