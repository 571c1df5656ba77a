"""uvicorn plumbing: requests stamped on arrival, and the kill switch lane's own server."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import uvicorn
from litestar import Litestar

from adapters.http.observability import RECEIVED_AT
from bootstrap.admission import refused_early
from bootstrap.settings import Settings

try:  # uvicorn[standard] brings httptools; without it requests are stamped by the app
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover - the lock file installs httptools
    HttpToolsProtocol = None  # type: ignore[assignment,misc]


if HttpToolsProtocol is not None:

    class StampingHttpToolsProtocol(HttpToolsProtocol):
        """Stamps each request with the moment the event loop parsed its first bytes, and
        refuses an order the worker cannot take in time before making a task for it.

        A kill switch's deadline counts from there: under load a request can wait for the
        loop well before any application code (even a middleware) runs.
        """

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self.scope[RECEIVED_AT] = time.monotonic()  # type: ignore[literal-required]

        def _start_asgi_task(self, cycle: Any, app: Any) -> None:
            # An order the worker cannot take in time is answered 503 here, as it is parsed:
            # no task, no application code (bootstrap/admission.py).
            if not refused_early(self, cycle):
                super()._start_asgi_task(cycle, app)


# An idle keep-alive connection is closed after this many seconds (uvicorn's default is 5).
# Longer than a client's or a load balancer's idle expiry (httpx's 5 s, AWS ALB's 60 s), so the
# peer closes an idle connection first, and the server never closes one just as a request is
# sent on it (the peer would read a dropped connection, not an answer).
KEEP_ALIVE_S = 75


def http_protocol() -> Any:
    """What `uvicorn.run(http=...)` takes: the stamping protocol when httptools is there."""
    return "auto" if HttpToolsProtocol is None else StampingHttpToolsProtocol


def bind(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    """A listening socket; with several workers they share the port (SO_REUSEPORT)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port and hasattr(socket, "SO_REUSEPORT"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def lane_server(
    app: Litestar, settings: Settings, port: int
) -> tuple[uvicorn.Server, socket.socket]:
    """The lane's uvicorn server (no lifespan: the API's owns the resources) and its socket."""
    sock = bind(settings.core.host, port, reuse_port=settings.core.workers > 1)
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_config=None,
        access_log=False,
        http=http_protocol(),
        timeout_keep_alive=KEEP_ALIVE_S,
        ws="none",
        loop="none",
    )
    return uvicorn.Server(config), sock


async def wait_started(server: uvicorn.Server, serving: asyncio.Task[None]) -> None:
    """Until the server listens, or its task ended (its exception is then the caller's)."""
    # uvicorn exposes only a flag for "listening", no event to wait on.
    while not server.started and not serving.done():  # noqa: ASYNC110
        await asyncio.sleep(0.005)
