"""HTTP throughput: POST /api/v1/orders on Bulwark vs a bare Litestar echo, side by side.

Both run as one uvicorn worker in their own process; a keep-alive HTTP/1.1 load generator
(asyncio streams, 64 connections) drives each in turn, interleaved, in the same run.
Bulwark runs its production stack: JWT (RS256) auth, rate-limit middleware (limit raised
for the bench), request ids, security headers, the pre-trade gate (default controls plus a
max-notional rule) and the paper broker filling each order. Orders alternate buy/sell of 1
AAPL so the account stays flat. Run: `.venv/bin/python -m benchmarks.bench_http [seconds]`.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

CONNECTIONS = 64
BODY = {"account_id": "demo-account", "symbol": "AAPL", "side": "buy", "quantity": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(target: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "uvicorn", target, "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--workers", "1", "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL)


async def request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(_raw(method, path, body, headers or {}))
        status, payload = await _read_response(reader)
        return status, payload
    finally:
        writer.close()


def _raw(method: str, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def wait_ready(port: int, path: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
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

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def load(name: str, port: int, headers: dict[str, str], seconds: float) -> Result:
    sides = ("buy", "sell")
    payloads = [json.dumps({**BODY, "side": s}).encode() for s in sides]
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds
    base = {"Content-Type": "application/json", **headers}

    async def worker(n: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = n
        try:
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                writer.write(_raw("POST", "/api/v1/orders", payloads[i % 2], base))
                status, _ = await _read_response(reader)
                latencies.append((time.perf_counter() - started) * 1000)
                if status != 201:
                    errors += 1
                i += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(CONNECTIONS)))
    return Result(name, len(latencies), errors, time.perf_counter() - started, latencies)


async def login(port: int) -> str:
    body = json.dumps({"username": "demo", "password": "demo-password-1"}).encode()
    status, payload = await request(
        port, "POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"}
    )
    if status != 200:
        raise RuntimeError(f"login failed: {status} {payload[:200]!r}")
    token: str = json.loads(payload)["access_token"]
    return token


async def main(seconds: float) -> None:
    bare_port, app_port = free_port(), free_port()
    env = {
        "BULWARK_DEMO": "true",
        "BULWARK_ENV": "dev",
        "BULWARK_API_RATE_PER_MINUTE": "1000000",
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_LOG_FORMAT": "json",
    }
    procs = [
        start("benchmarks.bare_app:create_app", bare_port, {}),
        start("bootstrap.app:app_from_env", app_port, env),
    ]
    try:
        await wait_ready(bare_port, "/")
        await wait_ready(app_port, "/health")
        auth = {"Authorization": f"Bearer {await login(app_port)}"}
        await load("warmup", bare_port, {}, 1.0)
        await load("warmup", app_port, auth, 1.0)
        rounds: dict[str, list[Result]] = {"bare": [], "bulwark": []}
        for _ in range(2):  # interleaved, so both see the same machine conditions
            rounds["bare"].append(await load("bare", bare_port, {}, seconds))
            rounds["bulwark"].append(await load("bulwark", app_port, auth, seconds))
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"POST /api/v1/orders, {CONNECTIONS} connections, 1 uvicorn worker each, "
          f"{machine}, {seconds:.0f} s x 2 rounds")  # fmt: skip
    summary: dict[str, Result] = {}
    for name, results in rounds.items():
        best = max(results, key=lambda r: r.rps)
        summary[name] = best
        rps = ", ".join(f"{r.rps:,.0f}" for r in results)
        print(
            f"  {name:8} req/s {rps:>18} (best {best.rps:,.0f})  p50 {best.pct(0.50):6.2f} ms  "
            f"p99 {best.pct(0.99):6.2f} ms  errors {sum(r.errors for r in results)}"
        )
    ratio = summary["bulwark"].rps / summary["bare"].rps
    print(f"  ratio bulwark/bare: {ratio:.2f} (target >= 0.33); "
          f"bulwark p99 {summary['bulwark'].pct(0.99):.2f} ms (target <= 15 ms)")  # fmt: skip
    print(f"  median p50s: bare {statistics.median(r.pct(0.5) for r in rounds['bare']):.2f} ms, "
          f"bulwark {statistics.median(r.pct(0.5) for r in rounds['bulwark']):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1]) if len(sys.argv) > 1 else 5.0))
