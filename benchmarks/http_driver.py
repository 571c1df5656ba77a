"""Servers and a Python HTTP/1.1 client for the HTTP benchmarks.

Each server runs as one uvicorn worker in its own process: the bare Litestar echo
(benchmarks/bare_app.py) and Bulwark on a provisioned store. `load` is a keep-alive asyncio
load generator (64 connections) kept for benches whose requests wrk's Lua cannot express
(bench_workspaces); bench_http drives its servers with wrk (benchmarks/wrk.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from benchmarks.bench_store import Store
from tests.kit.ports import free_port

CONNECTIONS = 64
BODY = {"account_id": "demo-account", "symbol": "AAPL", "side": "buy", "quantity": "1"}


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
def servers(
    stores: list[Store],
    bare: bool = True,
    factory: str = "bootstrap.app:app_from_env",
    env: dict[str, str] | None = None,
) -> Iterator[list[Target]]:
    """The bare echo (first) and one Bulwark per store, each in its own uvicorn process.

    `factory` builds Bulwark's app; `env` adds to (or overrides) its environment.
    """
    apps: list[tuple[str, str, str, dict[str, str]]] = []
    if bare:
        apps.append(("bare", "benchmarks.bare_app:create_app", "/", {}))
    apps += [
        (f"bulwark/{s.kind}", factory, "/health", {**bulwark_env(s), **(env or {})}) for s in stores
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
