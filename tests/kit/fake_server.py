"""The one base the fake vendor servers build on: each fake says what it answers, this module
serves it on 127.0.0.1 (an ephemeral port) and stops it.

Two ways to serve, for the two kinds of fake:

- `FakeServer`: a server in the caller's event loop, started and stopped with `async with`;
  `AsgiFake` serves an ASGI app (a raw one, or Litestar's) under uvicorn. Both are the
  product's loopback servers (adapters/brokers/simulators/loopback.py), which the venue
  simulators that `bulwark drill venues` serves build on too. `threaded(fake)` runs
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
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

from litestar import Litestar
from litestar.types import ControllerRouterHandler

from adapters.brokers.simulators.loopback import (
    ASGIApp,
    AsgiLoopbackServer,
    LoopbackServer,
    Receive,
    Scope,
    Send,
)

FakeServer = LoopbackServer
AsgiFake = AsgiLoopbackServer
__all__ = ["ASGIApp", "AsgiFake", "FakeServer", "Receive", "Scope", "Send"]

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
