"""What the viewer's read-only check costs per POST /api/v1/orders, and why it is not a guard.

The check that refuses a viewer's changes covers every route, the order hot path included,
where no route guard ran before. As shipped it runs inside the authentication middleware
(adapters/http/read_only.py `refuse_viewer_change`): one comparison for anyone but a viewer.
As a Litestar guard it would cost a copy of the route handler per request, and a thread hop
as well when the guard is synchronous (Litestar runs sync guards in a worker thread). The
variants take turns on the same in-process app (benchmarks/bench_http_layers.py's harness:
no sockets, the order answered by a stored result); CPU microseconds per request, best round.
Run: `.venv/bin/python -m benchmarks.bench_viewer_check [--requests N] [--rounds N]`.
"""

from __future__ import annotations

from typing import Any

from litestar.handlers import HTTPRouteHandler

import adapters.http.security as security
from adapters.http.read_only import refuse_viewer_change
from benchmarks.bench_http_layers import Bulwark, measured_us, run, serving
from benchmarks.http_driver import machine

# Budget for the check on the order path, for anyone but a viewer (the gate's own budget is
# in the hundreds of microseconds: the check must not show beside it).
BUDGET_US = 1.0
SHIPPED = "in the auth middleware (shipped)"
VARIANTS = ("in the auth middleware (shipped)", "no viewer check", "async guard", "sync guard")


def _guard_check(connection: Any, _: Any) -> None:  # the same check, as a guard
    refuse_viewer_change(connection.scope, connection.user.principal)


async def _async_guard_check(connection: Any, handler: Any) -> None:
    _guard_check(connection, handler)


def _noop(scope: Any, principal: Any) -> None:
    return None


def _order_handler(bulwark: Bulwark) -> HTTPRouteHandler:
    for route in bulwark.app.routes:
        if route.path == "/api/v1/orders":
            for handler in getattr(route, "route_handlers", ()):
                if isinstance(handler, HTTPRouteHandler) and "POST" in handler.http_methods:
                    return handler
    raise RuntimeError("POST /api/v1/orders not found")


def _variant(bulwark: Bulwark, handler: HTTPRouteHandler, name: str) -> None:
    bulwark.variant("HTTP only")
    security.refuse_viewer_change = (  # type: ignore[assignment]
        refuse_viewer_change if name == SHIPPED else _noop
    )
    guards: list[Any] = []
    if name == "async guard":
        guards = [_async_guard_check]
    elif name == "sync guard":
        from litestar.utils.sync import ensure_async_callable

        guards = [ensure_async_callable(_guard_check)]  # what Litestar does with a sync guard
    handler._resolved_guards = guards


async def measure(requests: int, rounds: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {v: [] for v in VARIANTS}
    async with serving("warning") as bulwark:
        handler = _order_handler(bulwark)
        for _ in range(rounds):
            for name in VARIANTS:
                _variant(bulwark, handler, name)
                results[name].append(await measured_us(bulwark.app, bulwark.headers, requests))
        _variant(bulwark, handler, SHIPPED)
    return results


def report(results: dict[str, list[float]], requests: int, rounds: int) -> None:
    best = {name: min(values) for name, values in results.items()}
    base = best["no viewer check"]
    print(
        f"POST /api/v1/orders in-process (no sockets), memory store, an owner's requests, "
        f"{requests:,} x {rounds} round(s), best round, {machine()}"
    )
    print("| where the viewer check runs | us per request | vs no check |")
    print("| --- | --- | --- |")
    for name in VARIANTS:
        delta = "" if name == "no viewer check" else f"{best[name] - base:+.1f}"
        print(f"| {name} | {best[name]:.1f} | {delta} |")
    alone = check_alone_us()
    verdict = "within" if alone <= BUDGET_US else "OVER"
    print(
        f"  the shipped check alone, an owner's POST: {alone * 1000:.0f} ns per call "
        f"(target <= {BUDGET_US:g} us: {verdict}); the end-to-end rows differ by more than "
        "that from the order of runs and other load: the first two rows differ by noise only"
    )


def check_alone_us(calls: int = 1_000_000) -> float:
    """CPU microseconds per `refuse_viewer_change` for a non-viewer's POST (best of 3)."""
    import time

    from domain.principals import Principal, Role

    scope: Any = {"type": "http", "method": "POST"}
    owner = Principal("u-1", Role.OWNER)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(calls):
            refuse_viewer_change(scope, owner)
        best = min(best, (time.process_time() - started) / calls * 1e6)
    return best


def main(argv: list[str] | None = None) -> None:
    run("bench_viewer_check", measure, report, argv)


if __name__ == "__main__":
    main()
