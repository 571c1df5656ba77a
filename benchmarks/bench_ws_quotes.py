"""/ws/quotes under load: quote->client latency and a slow client that must affect no one.

This process is the server: the served app (bootstrap's create_app, memory store) under one
uvicorn worker, and a feeder publishing `--rate` quotes a second round-robin over `--symbols`
symbols onto the process's quote board (as the quote pump does). The clients run in another
process (asyncio + websockets), so the figures are the server's: `--clients` connections each
subscribe to every symbol and stamp each quote they receive with (arrival - the quote's `at`);
one more client subscribes and then never reads (a raw socket with a 4 KiB buffer: once the
server's send buffer is full as well, the server's send to it blocks). Printed: the p50/p99
quote->client latency of the reading clients beside the 50 ms target, the quotes sent to the
slow client and to the median other client, and their drops (coalesced on the server).

The full scale is 1,000 clients x 100 symbols at 1,000 quotes/s (`--full`); the default is a
reduced scale for a shared machine. Run: `.venv/bin/python -m benchmarks.bench_ws_quotes
[--clients N] [--symbols N] [--rate N] [--seconds S] [--full]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal

from tests.kit.raw_websocket import never_reading_socket

TARGET_P99_MS = 50.0
WARM_UP_S = 2.0  # the clients' first seconds (connecting, the first frames) are not counted
SLOW_RCVBUF = 4096  # the slow client's receive buffer: its socket fills within a second


# -- the clients' process ------------------------------------------------------------------


async def _reader(url: str, symbols: list[str], until: float, latencies: list[float]) -> int:
    import websockets

    received = 0
    counted_from: float | None = None
    async with websockets.connect(url, max_size=2**24) as ws:
        await ws.send(json.dumps({"action": "subscribe", "symbols": symbols}))
        while True:
            left = until - time.time()
            if left <= 0:
                return received
            try:
                raw = await asyncio.wait_for(ws.recv(), left)
            except TimeoutError:
                return received
            now = time.time()
            frame = json.loads(raw)
            if frame.get("type") != "quotes":
                continue
            counted_from = counted_from or now + WARM_UP_S
            if now < counted_from:
                continue
            for quote in frame["quotes"]:
                latencies.append(now - datetime.fromisoformat(quote["at"]).timestamp())
                received += 1


async def run_clients(url: str, clients: int, symbols: int, seconds: float) -> dict[str, object]:
    names = [f"S{i:03d}" for i in range(symbols)]
    until = time.time() + seconds
    latencies: list[float] = []
    slow, _ = await asyncio.to_thread(
        never_reading_socket, url, names, receive_buffer=SLOW_RCVBUF, timeout=30
    )
    results = await asyncio.gather(
        *(_reader(url, names, until, latencies) for _ in range(clients)), return_exceptions=True
    )
    slow.close()
    failed = [repr(r) for r in results if isinstance(r, BaseException)]
    latencies.sort()
    return {
        "received": sum(r for r in results if isinstance(r, int)),
        "failed": failed[:3],
        "failures": len(failed),
        "p50_ms": _pct(latencies, 0.50),
        "p99_ms": _pct(latencies, 0.99),
        "max_ms": latencies[-1] * 1000 if latencies else None,
    }


def _pct(ordered: list[float], q: float) -> float | None:
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


# -- the server's process ------------------------------------------------------------------


async def serve_and_measure(args: argparse.Namespace) -> dict[str, object]:
    import httpx
    import uvicorn
    from dependency_injector import providers

    from benchmarks.http_driver import free_port
    from bootstrap.app import create_app
    from bootstrap.containers.application import build_container
    from bootstrap.demo import DEMO_OWNER, load_demo
    from bootstrap.settings import load_settings

    settings = load_settings(
        {
            "BULWARK_ENV": "dev",
            "BULWARK_DATABASE_URL": "memory://",
            "BULWARK_LOG_LEVEL": "warning",
            "BULWARK_KILL_SWITCH_LANE": "false",
            "BULWARK_LOOP_WATCHDOG_MS": "0",
            "BULWARK_COMPUTE_WARMUP": "false",
            "BULWARK_INFERENCE_WARMUP": "false",
            "BULWARK_WS_QUOTES_MAX_SYMBOLS": str(max(100, args.symbols)),
        },
        env_file=None,
    )
    container = build_container(settings)

    @contextlib.asynccontextmanager
    async def no_background() -> AsyncIterator[None]:
        yield None

    container.background.override(providers.Resource(no_background))
    app = create_app(settings, container)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to wait on
        await asyncio.sleep(0.05)
    await load_demo(container)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
        login = await http.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
    token = login.json()["access_token"]
    board = container.core.market()
    hub = container.http_contexts.market_data_context().services.live_quotes
    names = [f"S{i:03d}" for i in range(args.symbols)]
    for name in names:
        board.set_price(name, Decimal(100))

    clients = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "benchmarks.bench_ws_quotes", "--clients-process",
        f"ws://127.0.0.1:{port}/ws/quotes?token={token}", str(args.clients), str(args.symbols),
        str(args.seconds + WARM_UP_S), stdout=asyncio.subprocess.PIPE, env={**os.environ},
    )  # fmt: skip
    while hub.connections < args.clients + 1 and clients.returncode is None:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    started, sent = time.perf_counter(), 0
    tick = 0.005
    feed_until = started + args.seconds
    lag_max = 0.0
    while time.perf_counter() < feed_until:
        due = int((time.perf_counter() - started) * args.rate)
        for _ in range(due - sent):
            board.set_price(names[sent % len(names)], Decimal(100) + Decimal(sent % 1000) / 100)
            sent += 1
        before = time.perf_counter()
        await asyncio.sleep(tick)
        lag_max = max(lag_max, time.perf_counter() - before - tick)
    fed_seconds = time.perf_counter() - started
    # The slow client is the one the server could send least to (its socket filled).
    by_client = sorted((c.delivered, c.dropped) for c in hub.clients())
    out, _ = await clients.communicate()
    server.should_exit = True
    await serving
    report: dict[str, object] = json.loads(out.decode() or "{}")
    slow_delivered, slow_dropped = by_client[0] if by_client else (0, 0)
    others = by_client[1:]
    middle = others[len(others) // 2] if others else (0, 0)
    report.update(
        sent=sent,
        rate=sent / fed_seconds,
        slow_dropped=slow_dropped,
        slow_delivered=slow_delivered,
        others_delivered_median=middle[0],
        others_dropped_median=middle[1],
        loop_lag_max_ms=lag_max * 1000,
    )
    return report


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--clients-process":
        url, clients, symbols, seconds = sys.argv[2:6]
        report = asyncio.run(run_clients(url, int(clients), int(symbols), float(seconds)))
        print(json.dumps(report))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--symbols", type=int, default=100)
    parser.add_argument("--rate", type=int, default=1000, help="quotes a second into the board")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--full", action="store_true", help="1,000 clients (the target's scale)")
    args = parser.parse_args()
    if args.full:
        args.clients, args.symbols, args.rate = 1000, 100, 1000
    report = asyncio.run(serve_and_measure(args))
    p99 = report.get("p99_ms")
    assert p99 is None or isinstance(p99, float)
    scale = f"{args.clients} clients x {args.symbols} symbols, {args.rate} quotes/s offered"
    print(f"/ws/quotes ({scale}, {args.seconds:g} s; {os.cpu_count()} cores here)")
    print(f"  quotes fed                 {report['sent']} ({report['rate']:.0f}/s achieved)")
    print(f"  quotes received (readers)  {report.get('received')}")
    print(f"  latency p50                {_ms(report.get('p50_ms'))}")
    print(f"  latency p99                {_ms(p99)}   target <= {TARGET_P99_MS:g} ms   "
          f"{'MET' if p99 is not None and p99 <= TARGET_P99_MS else 'NOT MET'}")  # fmt: skip
    print(f"  latency max                {_ms(report.get('max_ms'))}")
    print(f"  feeder's loop lag, max     {report['loop_lag_max_ms']:.1f} ms")
    print(
        f"  slow client                dropped {report['slow_dropped']}, "
        f"sent {report['slow_delivered']} (coalesced: latest per symbol)"
    )
    print(
        f"  the other clients, median  dropped {report['others_dropped_median']}, "
        f"sent {report['others_delivered_median']} (drops: the server fell behind the feed)"
    )
    if report.get("failures"):
        print(f"  client failures            {report['failures']}: {report['failed']}")


def _ms(value: object) -> str:
    return "n/a" if value is None else f"{float(str(value)):.1f} ms"


if __name__ == "__main__":
    main()
