"""Workspace restore latency: GET /api/v1/user/workspace, as a client does when it opens.

Per store, a demo Bulwark runs as one uvicorn worker; the demo owner saves three workspaces
(the default one a realistic layout of a few KB: a grid of panels, watchlists, hotkeys,
alerts), then restores the default over HTTP many times: on one keep-alive connection, on a
new connection each time, and (unless --quick) while 64 other connections submit orders.
Prints p50/p99 against the seed requirement (a restore under 200 ms).
Run: `.venv/bin/python -m benchmarks.bench_workspaces [--store all] [--restores N] [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from typing import Any

from benchmarks.bench_http import (
    CONNECTIONS,
    Result,
    Target,
    cores,
    load,
    log_tail,
    login,
    machine,
    raw_request,
    read_response,
    servers,
    wait_ready,
)
from benchmarks.bench_store import STORES, Store, provisioned

PATH = "/api/v1/user/workspace"
REQUIREMENT_MS = 200.0
SYMBOLS = ["AAPL", "MSFT", "NVDA", "XOM", "JPM", "JNJ", "SPY", "QQQ", "TLT", "GLD", "AMZN"]


def trading_layout() -> dict[str, Any]:
    """A trader's screen: 12 panels on a 24-column grid, watchlists, hotkeys and alerts."""
    kinds = ["chart", "order_ticket", "positions", "orders", "risk_gauges", "killswitch",
             "watchlist", "news", "depth", "pnl", "margin", "agents"]  # fmt: skip
    panels = [
        {
            "id": f"panel-{i}",
            "type": kind,
            "title": kind.replace("_", " ").title(),
            "x": (i % 4) * 6,
            "y": (i // 4) * 8,
            "w": 6,
            "h": 8,
            "pinned": i < 3,
            "settings": {
                "symbol": SYMBOLS[i % len(SYMBOLS)],
                "interval": "5m",
                "indicators": [{"name": "ema", "period": 20}, {"name": "vwap"}],
                "columns": ["symbol", "side", "quantity", "price", "pnl", "status"],
                "sort": {"by": "pnl", "descending": True},
                "link_group": i % 3,
            },
        }
        for i, kind in enumerate(kinds)
    ]
    return {
        "version": 3,
        "theme": "dark",
        "density": "compact",
        "locale": "en-US",
        "timezone": "America/New_York",
        "grid": {"columns": 24, "row_height": 32, "breakpoints": {"lg": 1600, "md": 1200}},
        "panels": panels,
        "watchlists": [
            {"name": "Core", "symbols": SYMBOLS},
            {"name": "Hedges", "symbols": ["TLT", "GLD", "SPY"]},
        ],
        "hotkeys": {"buy": "F1", "sell": "F2", "cancel_all": "F12", "halt": "Ctrl+Shift+H"},
        "alerts": [
            {"symbol": s, "above": 100 + 10 * n, "below": 50 + 5 * n, "channel": "push"}
            for n, s in enumerate(SYMBOLS[:6])
        ],
    }


def other_layouts() -> list[tuple[str, dict[str, Any]]]:
    return [
        ("Risk", {"version": 3, "panels": [{"id": "risk", "type": "risk_gauges"}]}),
        ("Research", {"version": 3, "panels": [{"id": "chart", "type": "chart"}]}),
    ]


class Client:
    """One keep-alive HTTP/1.1 connection with the caller's bearer token."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def call(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        if self._streams is None:
            self._streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self._streams
        payload = b"" if body is None else json.dumps(body).encode()
        writer.write(raw_request(method, path, payload, self.headers))
        return await read_response(reader)

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def save_workspaces(client: Client) -> int:
    """Save the three workspaces (the trading one the default); returns its size in bytes."""
    layout = trading_layout()
    for name, other in other_layouts():
        await _save(client, {"workspace_name": name, "layout_json": other})
    await _save(client, {"workspace_name": "Trading", "layout_json": layout, "is_default": True})
    status, payload = await client.call("GET", PATH)
    if status != 200 or json.loads(payload)["layout_json"] != layout:
        raise RuntimeError(f"restore does not give back the saved layout: {status}")
    return len(json.dumps(layout, separators=(",", ":")).encode())


async def _save(client: Client, body: dict[str, Any]) -> None:
    status, payload = await client.call("POST", PATH, body)
    if status not in (200, 201):
        raise RuntimeError(f"saving a workspace failed: {status} {payload[:300]!r}")


async def restores(client: Client, count: int, fresh: bool) -> list[float]:
    """Latency (ms) of `count` restores; `fresh` opens a new connection for each."""
    latencies: list[float] = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = await client.call("GET", PATH)
        if fresh:
            client.close()
        latencies.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"restore failed: {status}")
    return latencies


async def restores_under_load(
    target: Target, client: Client, count: int
) -> tuple[list[float], Result]:
    """Restores on one connection while CONNECTIONS others submit orders as fast as they can."""
    seconds = 5.0
    orders = asyncio.create_task(load("orders", target.port, target.headers, seconds))
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds
    while time.perf_counter() < stop_at and len(latencies) < count:
        latencies += await restores(client, 1, fresh=False)
        await asyncio.sleep(0.01)  # a person opening screens, not a second load generator
    return latencies, await orders


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def line(label: str, values: list[float]) -> str:
    p99 = pct(values, 0.99)
    verdict = "met" if p99 < REQUIREMENT_MS else "NOT met"
    return (
        f"    {label:34} n={len(values):4}  p50 {pct(values, 0.5):8.2f} ms  p99 {p99:8.2f} ms  "
        f"max {max(values):8.2f} ms  (< {REQUIREMENT_MS:.0f} ms: {verdict})"
    )


async def bench(target: Target, count: int, under_load: bool) -> list[str]:
    try:
        await wait_ready(target.port, target.ready_path, proc=target.proc)
    except RuntimeError as exc:
        raise RuntimeError(f"{target.name}: {exc}\n{log_tail(target)}") from None
    token = await login(target.port)
    target.headers = {"Authorization": f"Bearer {token}"}
    client = Client(target.port, token)
    try:
        size = await save_workspaces(client)
        await restores(client, min(count, 50), fresh=False)  # warm-up
        out = [f"  {target.name}: default workspace of {size:,} bytes (JSON), 3 saved"]
        out.append(line("keep-alive connection", await restores(client, count, fresh=False)))
        out.append(line("new connection per restore", await restores(client, count, fresh=True)))
        if under_load:
            latencies, orders = await restores_under_load(target, client, count)
            label = f"under load ({orders.ok_per_s:,.0f} orders/s)"
            out.append(line(label, latencies))
    finally:
        client.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_workspaces")
    parser.add_argument("--store", choices=[*STORES, "all"], default="memory")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--restores", type=int, default=500, help="per measurement (500)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 50 restores, no load")
    parser.add_argument("--pg-fast", action="store_true", help="throwaway PostgreSQL, fsync off")
    args = parser.parse_args(argv)
    if args.database_url and args.store not in ("postgres", "all"):
        parser.error("--database-url is for --store postgres (or all)")
    count = 50 if args.quick else args.restores
    kinds = list(STORES) if args.store == "all" else [args.store]
    lines: list[str] = []
    with contextlib.ExitStack() as stack:
        stores: list[Store] = [
            stack.enter_context(provisioned(kind, args.database_url, args.pg_fast))
            for kind in kinds
        ]
        targets = stack.enter_context(servers(stores, bare=False))
        for target in targets:
            lines += asyncio.run(bench(target, count, under_load=not args.quick))
    print(f"GET {PATH} (restore the default workspace), 1 uvicorn worker, {machine()}")
    print(f"  note: the server, this client and any database share these {cores()} cores; "
          f"'under load' adds {CONNECTIONS} connections submitting orders")  # fmt: skip
    for store in stores:
        print(f"  store {store.kind}: {store.about}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
