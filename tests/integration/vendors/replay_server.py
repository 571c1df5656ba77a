"""A local vendor API for tests: Litestar under uvicorn on 127.0.0.1 (an ephemeral port) in the
test's own event loop (a fake of tests/kit/fake_server.py), answering from a route table of
recorded responses.

    async with ReplayServer() as server:
        server.route("GET", "/quote", lambda req: Reply(200, fixture("twelvedata", "quote_aapl")))
        ... adapter pointed at server.url ...
        server.requests  # what the adapter really sent
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litestar import Request, Response, route

from tests.kit.fake_server import ASGIApp, AsgiFake, litestar_app

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


class ReplayServer(AsgiFake):
    """Routes by (method, path); an unrouted path answers 404 like a vendor would."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Seen] = []
        self._routes: dict[tuple[str, str], Handler] = {}

    def route(self, method: str, path: str, handler: Handler) -> None:
        self._routes[(method, path)] = handler

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def app(self) -> ASGIApp:
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

        return litestar_app(answer)
