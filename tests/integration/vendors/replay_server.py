"""A local vendor API for tests: Litestar under uvicorn on 127.0.0.1 (an ephemeral port) in the
test's own event loop, answering from a route table of recorded responses.

    async with ReplayServer() as server:
        server.route("GET", "/quote", lambda req: Reply(200, fixture("twelvedata", "quote_aapl")))
        ... adapter pointed at server.url ...
        server.requests  # what the adapter really sent
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn
from litestar import Litestar, Request, Response, route

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vendors"


def fixture(vendor: str, name: str) -> Any:
    """A recorded answer, tests/fixtures/vendors/<vendor>/<name>.json (a fresh copy)."""
    return json.loads((FIXTURES / vendor / f"{name}.json").read_text())


def fixture_bytes(vendor: str, name: str) -> bytes:
    return (FIXTURES / vendor / name).read_bytes()


@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server saw it: method, path, query and form fields, headers."""

    method: str
    path: str
    params: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Any = None  # JSON-encoded unless bytes or str
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


Handler = Callable[[Seen], Reply]


class ReplayServer:
    """Routes by (method, path); an unrouted path answers 404 like a vendor would."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self._routes: dict[tuple[str, str], Handler] = {}
        self._server: uvicorn.Server | None = None
        self._sock = socket.socket()
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, method: str, path: str, handler: Handler) -> None:
        self._routes[(method, path)] = handler

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    async def __aenter__(self) -> ReplayServer:
        @route("/{path:path}", http_method=["GET", "POST"])
        async def answer(request: Request[Any, Any, Any]) -> Response[bytes]:
            path = request.url.path
            form = {}
            if request.method == "POST":
                form = {k: str(v) for k, v in (await request.form()).items()}
            seen = Seen(
                request.method,
                path if path.startswith("/") else f"/{path}",
                dict(request.query_params),
                form,
                {k.lower(): v for k, v in request.headers.items()},
            )
            self.requests.append(seen)
            handler = self._routes.get((seen.method, seen.path))
            reply = handler(seen) if handler else Reply(404, {"detail": "not found"})
            media = "text/plain" if isinstance(reply.body, str) else "application/json"
            return Response(
                reply.encoded(), status_code=reply.status, headers=reply.headers, media_type=media
            )

        app = Litestar(route_handlers=[answer], openapi_config=None, logging_config=None)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        # Leave the process's logging alone (log_config=None), as tests/alpaca_server.py does.
        config = uvicorn.Config(app, lifespan="off", log_config=None, log_level=None)
        config.load()
        self._server = uvicorn.Server(config)
        self._server.lifespan = config.lifespan_class(config)
        self._sock = sock
        await self._server.startup(sockets=[sock])
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.force_exit = True
        await self._server.shutdown(sockets=[self._sock])
        self._sock.close()
