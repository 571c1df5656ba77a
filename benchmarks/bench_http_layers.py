"""What each HTTP layer costs per POST /api/v1/orders: the app called in-process, no sockets.

Builds `bulwark serve --demo`'s app on the memory store and calls it as an ASGI server would
(scope, receive, send; no network, no uvicorn), one request after another, with layers taken
away one at a time; the difference to the whole stack is what the layer costs. The order
itself is answered by a stub that returns a stored result (`HTTP only`), so the figures are
the HTTP path's and not the gate's; `whole` runs the real submission once for comparison.
The bare Litestar echo (benchmarks/bare_app.py) runs the same way. Variants take turns,
round after round; the best round of each is printed (CPU microseconds per request: the
process's CPU time, which other load on the machine disturbs less than wall time).
Run: `.venv/bin/python -m benchmarks.bench_http_layers [--requests N] [--rounds N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.middleware import AuthenticationResult

from adapters.http.contexts import CONTEXTS_STATE_KEY
from adapters.http.edge import EdgeMiddleware
from adapters.http.security import EDGE_STATE_KEY, BearerAuthMiddleware, Caller
from adapters.http.throttles import ThrottleMiddleware
from benchmarks.http_driver import machine

ENV = {
    "BULWARK_DEMO": "true",
    "BULWARK_ENV": "dev",
    "BULWARK_DATABASE_URL": "memory://",
    "BULWARK_API_RATE_PER_MINUTE": "1000000",
    "BULWARK_LOG_FORMAT": "json",
    "BULWARK_KILL_SWITCH_LANE": "false",
    "BULWARK_LOOP_WATCHDOG_MS": "0",
}
BODIES = [
    json.dumps({"account_id": "demo-account", "symbol": "AAPL", "side": s, "quantity": "1"})
    for s in ("buy", "sell")
]
ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def scope(path: str, headers: dict[str, str], body: bytes, method: str = "POST") -> dict[str, Any]:
    raw = [(b"host", b"127.0.0.1"), (b"content-type", b"application/json")]
    raw.append((b"content-length", str(len(body)).encode()))
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": raw,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def call(
    app: ASGIApp, path: str, headers: dict[str, str], body: bytes, method: str = "POST"
) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            await asyncio.Event().wait()  # the client never hangs up here
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope(path, headers, body, method), receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


async def per_request_us(app: ASGIApp, headers: dict[str, str], requests: int) -> float:
    bodies = [b.encode() for b in BODIES]
    started = time.process_time()
    for i in range(requests):
        status, payload = await call(app, "/api/v1/orders", headers, bodies[(i // 32) % 2])
        if status not in (200, 201):
            raise RuntimeError(f"{status} {payload[:200]!r}")
    return (time.process_time() - started) / requests * 1e6


class Bulwark:
    """The serve app, logged in, with the switches the variants flip."""

    def __init__(self, app: Litestar) -> None:
        self.app = app
        self.headers: dict[str, str] = {}
        # The order path's use case (the trading context's bundle) and the caller's credentials.
        self.orders = app.state[CONTEXTS_STATE_KEY]["trading"].orders
        self.auth = app.state[EDGE_STATE_KEY].auth
        self.real_submit = self.orders.submit
        self.stored: Any = None
        self.principal: Any = None
        edge = app.asgi_handler
        assert isinstance(edge, EdgeMiddleware)
        self.edge, self.inner = edge, edge.app
        self.red = edge.red  # RED per route (adapters/http/red.py): the variant without it

    async def start(self) -> None:
        login = json.dumps({"username": "demo", "password": "demo-password-1"}).encode()
        status, body = await call(self.app, "/api/v1/auth/login", {}, login)
        if status != 200:
            raise RuntimeError(f"login: {status} {body[:200]!r}")
        token = json.loads(body)["access_token"]
        self.headers = {"Authorization": f"Bearer {token}"}
        self.principal = (await self.auth.authenticate(token)).principal
        self.stored = await self.real_submit_once()

    async def real_submit_once(self) -> Any:
        captured: list[Any] = []

        async def capture(command: Any) -> Any:
            result = await self.real_submit(command)
            captured.append(result)
            return result

        self.orders.submit = capture
        await call(self.app, "/api/v1/orders", self.headers, BODIES[0].encode())
        self.orders.submit = self.real_submit
        return captured[0]

    def variant(self, name: str) -> ASGIApp:
        """Set the switches for `name`; the app to call."""

        async def stored(_: Any) -> Any:
            return self.stored

        self.orders.submit = self.real_submit if name == "whole" else stored
        logging.getLogger("bulwark.access").setLevel(
            logging.WARNING if name == "HTTP only, access log off" else logging.NOTSET
        )
        _switch(BearerAuthMiddleware, "authenticate_request", name == "HTTP only, no auth", self)
        _switch(ThrottleMiddleware, "__call__", name == "HTTP only, no throttles", self)
        self.app.asgi_handler = self.inner if name == "HTTP only, no edge" else self.edge
        self.edge.red = None if name == "HTTP only, no RED metrics" else self.red
        return self.app


_SAVED: dict[tuple[type, str], Any] = {}


def _switch(cls: type, attribute: str, off: bool, bulwark: Bulwark) -> None:
    """Replace a layer's work with a pass-through (off) or put it back."""
    key = (cls, attribute)
    _SAVED.setdefault(key, getattr(cls, attribute))
    if not off:
        setattr(cls, attribute, _SAVED[key])
        return
    if attribute == "authenticate_request":
        caller = Caller(bulwark.principal)

        async def known(self: Any, connection: Any) -> AuthenticationResult:
            return AuthenticationResult(user=caller, auth=None)

        setattr(cls, attribute, known)
    else:

        async def through(self: Any, scope: Any, receive: Any, send: Any) -> None:
            await self.app(scope, receive, send)

        setattr(cls, attribute, through)


VARIANTS = (
    "bare echo",
    "whole",
    "HTTP only",
    "HTTP only, access log off",
    "HTTP only, no edge",
    "HTTP only, no auth",
    "HTTP only, no throttles",
    "HTTP only, no RED metrics",
)


@asynccontextmanager
async def serving(log_level: str) -> AsyncIterator[Bulwark]:
    """The serve app (ENV: memory store, dev) started and logged in while the block runs."""
    os.environ.update(ENV)
    os.environ.setdefault("BULWARK_LOG_LEVEL", log_level)
    from bootstrap.app import create_app

    app = create_app()
    async with app.lifespan():
        bulwark = Bulwark(app)
        await bulwark.start()
        yield bulwark


async def measured_us(app: ASGIApp, headers: dict[str, str], requests: int) -> float:
    """per_request_us() after a tenth as many requests to warm up, and a collection."""
    await per_request_us(app, headers, max(requests // 10, 50))
    gc.collect()
    return await per_request_us(app, headers, requests)


def run(
    prog: str,
    measure: Callable[[int, int], Coroutine[Any, Any, dict[str, list[float]]]],
    report: Callable[[dict[str, list[float]], int, int], None],
    argv: list[str] | None = None,
) -> None:
    """The command line of a benchmark that measures variants over `--rounds` rounds."""
    parser = argparse.ArgumentParser(prog=f"python -m benchmarks.{prog}")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results = asyncio.run(measure(args.requests, args.rounds))
    report(results, args.requests, args.rounds)


async def measure(requests: int, rounds: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {v: [] for v in VARIANTS}
    async with serving("info") as bulwark:
        from benchmarks.bare_app import echo

        app = bulwark.app
        # Without Litestar's default logging set-up, which would replace Bulwark's handlers.
        bare = Litestar([echo], logging_config=None)
        async with bare.lifespan():
            for _ in range(rounds):
                for name in VARIANTS:
                    target = bare if name == "bare echo" else bulwark.variant(name)
                    headers = {} if name == "bare echo" else bulwark.headers
                    results[name].append(await measured_us(target, headers, requests))
        bulwark.variant("whole")
        for path in PROBES:
            await probe_us(app, path, 50)
            results[f"GET {path}"] = [await probe_us(app, path, requests // 3)]
    return results


PROBES = ("/health", "/ready", "/api/status")


async def probe_us(app: ASGIApp, path: str, requests: int) -> float:
    """Microseconds per GET of a probe path, one after another."""
    started = time.process_time()
    for _ in range(requests):
        status, payload = await call(app, path, {}, b"", "GET")
        if status != 200:
            raise RuntimeError(f"{path}: {status} {payload[:200]!r}")
    return (time.process_time() - started) / requests * 1e6


def report(results: dict[str, list[float]], requests: int, rounds: int) -> None:
    best = {name: min(values) for name, values in results.items()}
    http = best["HTTP only"]
    print(
        f"POST /api/v1/orders in-process (no sockets), memory store, {requests:,} requests x "
        f"{rounds} round(s), best round, {machine()}; access log to stderr at info"
    )
    print("| variant | us per request | vs HTTP only |")
    print("| --- | --- | --- |")
    for name in VARIANTS:
        delta = "" if name in ("HTTP only", "bare echo", "whole") else f"{best[name] - http:+.1f}"
        print(f"| {name} | {best[name]:.1f} | {delta} |")
    print(
        "  probes (memory store, access log on): "
        + ", ".join(f"{p} {best[f'GET {p}']:.1f} us" for p in PROBES)
    )
    print(f"  the application path (whole - HTTP only): {best['whole'] - http:.1f} us")
    print(f"  Bulwark's HTTP path over the bare echo: {http - best['bare echo']:.1f} us")


def main(argv: list[str] | None = None) -> None:
    run("bench_http_layers", measure, report, argv)


if __name__ == "__main__":
    main()
