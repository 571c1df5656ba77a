"""HTTP throughput: POST /api/v1/orders on Bulwark vs a bare Litestar echo, side by side.

Each server runs as one uvicorn worker in its own process; a keep-alive HTTP/1.1 load generator
(asyncio streams, 64 connections) drives each in turn, interleaved, in the same run.
Bulwark runs its production stack: JWT (RS256) auth, rate-limit middleware (limit raised
for the bench), request ids, security headers, the pre-trade gate (default controls plus a
max-notional rule) and the paper broker filling each order. Orders alternate buy/sell of 1
AAPL so the account stays flat. `--store` picks Bulwark's store (memory, a temp SQLite file,
PostgreSQL: `--database-url` or a throwaway embedded server), `all` runs them side by side.
Run: `.venv/bin/python -m benchmarks.bench_http [seconds] [--store all] [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from benchmarks.bench_store import STORES, Store, provisioned

CONNECTIONS = 64
BODY = {"account_id": "demo-account", "symbol": "AAPL", "side": "buy", "quantity": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(
    target: str, port: int, env: dict[str, str], log: IO[bytes] | None = None
) -> subprocess.Popen[bytes]:
    """One uvicorn worker; its stderr goes to `log` when given (shown if it fails to start)."""
    cmd = [
        sys.executable, "-m", "uvicorn", target, "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--workers", "1", "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(
        cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=log or None
    )


async def request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw_request(method, path, body, headers or {}))
        status, payload = await read_response(reader)
        return status, payload
    finally:
        writer.close()


def raw_request(method: str, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def wait_ready(
    port: int, path: str, seconds: float = 30.0, proc: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server on {port} exited with code {proc.returncode}")
        try:
            status, _ = await request(port, "GET", path)
            if status < 500:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError(f"server on {port} did not start")


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    first_error: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def ok_per_s(self) -> float:
        """Orders placed (201) per second; an error is not an order."""
        return (self.requests - self.errors) / self.seconds

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def load(name: str, port: int, headers: dict[str, str], seconds: float) -> Result:
    sides = ("buy", "sell")
    payloads = [json.dumps({**BODY, "side": s}).encode() for s in sides]
    latencies: list[float] = []
    errors = 0
    first_error = ""
    stop_at = time.perf_counter() + seconds
    base = {"Content-Type": "application/json", **headers}

    async def worker(n: int) -> None:
        nonlocal errors, first_error
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                # Buys for a quarter second, then sells: concurrent orders of one account are
                # decided together, and a buy and a sell in flight at once self-match (denied).
                side = int(started * 4) % 2
                writer.write(raw_request("POST", "/api/v1/orders", payloads[side], base))
                status, payload = await read_response(reader)
                latencies.append((time.perf_counter() - started) * 1000)
                if status != 201:
                    errors += 1
                    first_error = first_error or f"{status} {payload[:300]!r}"
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(CONNECTIONS)))
    elapsed = time.perf_counter() - started
    return Result(name, len(latencies), errors, elapsed, latencies, first_error)


async def login(port: int) -> str:
    body = json.dumps({"username": "demo", "password": "demo-password-1"}).encode()
    status, payload = await request(
        port, "POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"}
    )
    if status != 200:
        raise RuntimeError(f"login failed: {status} {payload[:200]!r}")
    token: str = json.loads(payload)["access_token"]
    return token


def bulwark_env(store: Store) -> dict[str, str]:
    """A demo Bulwark on `store`, its API rate limit out of the way of the load."""
    return {
        "BULWARK_DEMO": "true",
        "BULWARK_ENV": "dev",
        "BULWARK_DATABASE_URL": store.url,
        "BULWARK_API_RATE_PER_MINUTE": "1000000",
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_KILL_SWITCH_PORT": "0",  # a free port: BULWARK_PORT + 1 may be the other server's
    }


def cores() -> int:
    """CPUs this process may run on (what `nproc` prints)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine() -> str:
    return f"{cores()} cores, Python {platform.python_version()}"


@dataclass
class Target:
    """One server under load: its name in the report, its port and the headers it needs."""

    name: str
    port: int
    ready_path: str
    proc: subprocess.Popen[bytes]
    log: IO[bytes]
    headers: dict[str, str] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)

    def best(self) -> Result:
        return max(self.results, key=lambda r: r.rps)


@contextlib.contextmanager
def servers(stores: list[Store], bare: bool = True) -> Iterator[list[Target]]:
    """The bare echo (first) and one Bulwark per store, each in its own uvicorn process."""
    apps: list[tuple[str, str, str, dict[str, str]]] = []
    if bare:
        apps.append(("bare", "benchmarks.bare_app:create_app", "/", {}))
    apps += [
        (f"bulwark/{s.kind}", "bootstrap.app:app_from_env", "/health", bulwark_env(s))
        for s in stores
    ]
    targets: list[Target] = []
    with contextlib.ExitStack() as logs:
        try:
            for name, factory, ready_path, env in apps:
                log = logs.enter_context(tempfile.TemporaryFile())
                port = free_port()
                proc = start(factory, port, env, log)
                targets.append(Target(name, port, ready_path, proc, log))
            yield targets
        finally:
            for target in targets:
                target.proc.terminate()
                target.proc.wait(10)


def log_tail(target: Target, lines: int = 20) -> str:
    target.log.seek(0)
    return "\n".join(target.log.read().decode(errors="replace").splitlines()[-lines:])


async def drive(targets: list[Target], seconds: float, rounds: int, warmup: float) -> None:
    for target in targets:
        try:
            await wait_ready(target.port, target.ready_path, proc=target.proc)
        except RuntimeError as exc:
            raise RuntimeError(f"{target.name}: {exc}\n{log_tail(target)}") from None
        if target.name != "bare":
            target.headers = {"Authorization": f"Bearer {await login(target.port)}"}
    for target in targets:
        await load("warmup", target.port, target.headers, warmup)
    for _ in range(rounds):  # interleaved, so every server sees the same machine conditions
        for target in targets:
            target.results.append(await load(target.name, target.port, target.headers, seconds))


def report(targets: list[Target], stores: list[Store], seconds: float, rounds: int) -> None:
    print(f"POST /api/v1/orders, {CONNECTIONS} connections, 1 uvicorn worker each, "
          f"{machine()}, {seconds:g} s x {rounds} round(s), interleaved")  # fmt: skip
    sharing = (
        "the servers, the load generator and PostgreSQL"
        if _has_pg(stores)
        else "the servers and the load generator"
    )
    print(f"  note: {sharing} all share these {cores()} cores; noisy: read the figures as ranges")
    print(f"  note: all {CONNECTIONS} connections trade one account, whose orders are decided "
          "one at a time (the per-account lock)")  # fmt: skip
    for store in stores:
        print(f"  store {store.kind}: {store.about}")
    for target in targets:
        best = target.best()
        rps = ", ".join(f"{r.rps:,.0f}" for r in target.results)
        errors = sum(r.errors for r in target.results)
        print(
            f"  {target.name:16} req/s {rps:>15} (best {best.rps:,.0f}, orders/s "
            f"{best.ok_per_s:,.0f}, n {best.requests:,})  p50 {best.pct(0.50):7.2f} ms  "
            f"p99 {best.pct(0.99):7.2f} ms  errors {errors}"
        )
        if errors:
            print(f"    first error: {next(r.first_error for r in target.results if r.errors)}")
    bare = targets[0]
    for target in targets[1:]:
        best = target.best()
        ratio = best.rps / bare.best().rps
        print(f"  {target.name}: ratio to bare {ratio:.2f} (target >= 0.33), "
              f"p99 {best.pct(0.99):.2f} ms (target <= 15 ms)")  # fmt: skip
    print("  median p50s: " + ", ".join(
        f"{t.name} {statistics.median(r.pct(0.5) for r in t.results):.2f} ms" for t in targets
    ))  # fmt: skip
    for target in targets:
        if target.name == "bulwark/postgres":
            print(issue4_verdict(target.best()))


def issue4_verdict(best: Result) -> str:
    """Issue 4's PostgreSQL target against the best round, with what shares the machine."""
    rate, p99 = best.ok_per_s, best.pct(0.99)
    met = "met" if rate >= 3000 and p99 <= 25 else "NOT met"
    return (
        f"  Issue 4 target on PostgreSQL: >= 3,000 orders/s on 2 cores, p99 <= 25 ms at "
        f"{CONNECTIONS} connections -> {met}: {rate:,.0f} orders/s "
        f"({'ok' if rate >= 3000 else 'short'}), p99 {p99:.1f} ms ({'ok' if p99 <= 25 else 'over'})"
        f"\n    measured on {cores()} cores shared by Bulwark, the load generator and PostgreSQL; "
        f"with {CONNECTIONS} requests always in flight, mean latency = {CONNECTIONS} / throughput, "
        f"so p99 <= 25 ms needs > {CONNECTIONS * 1000 // 25:,} orders/s"
    )


def _has_pg(stores: list[Store]) -> bool:
    return any(s.kind == "postgres" for s in stores)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_http", description=__doc__)
    parser.add_argument("seconds", nargs="?", type=float, default=5.0, help="per round (5)")
    parser.add_argument("--store", choices=[*STORES, "all"], default="memory")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 s, one round")
    parser.add_argument(
        "--pg-fast", action="store_true", help="throwaway PostgreSQL with fsync off (as the tests)"
    )
    args = parser.parse_args(argv)
    if args.database_url and args.store not in ("postgres", "all"):
        parser.error("--database-url is for --store postgres (or all)")
    if args.quick:
        args.seconds, args.rounds = 1.0, 1
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    kinds = list(STORES) if args.store == "all" else [args.store]
    warmup = 0.5 if args.quick else 1.0
    with contextlib.ExitStack() as stack:
        stores = [
            stack.enter_context(provisioned(kind, args.database_url, args.pg_fast))
            for kind in kinds
        ]
        targets = stack.enter_context(servers(stores))
        asyncio.run(drive(targets, args.seconds, args.rounds, warmup))
    report(targets, stores, args.seconds, args.rounds)


if __name__ == "__main__":
    main()
