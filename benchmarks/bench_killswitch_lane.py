"""Kill switch under load: activation latency with the API idle and saturated by wrk.

Starts `bulwark serve --demo` (one worker, paper broker, memory or SQLite store), logs in
as the demo owner and, for each phase, pulls the account's kill switch N times through the
API's own port and through the kill switch's lane port, resuming after each (four-eyes off
for the bench). Saturated: wrk (C, 64 connections) posts orders to the API port the whole
time. Prints, per phase and port, the activation's `elapsed_ms` (arrival -> every broker
confirmed, counted from when the event loop first parsed the request) and the client's
round trip, beside the deadline. Needs `wrk` (Debian package `wrk`).
`--compare` adds a server with the lane off (`BULWARK_KILL_SWITCH_LANE=false`), same run.
Run: `.venv/bin/python -m benchmarks.bench_killswitch_lane [runs] [--store memory|sqlite]
[--compare]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_http import free_port, login, request, wait_ready

DEADLINE_MS = 1500.0
ACCOUNT = "demo-account"
SCOPE = {"kind": "account", "id": ACCOUNT}
ORDER = {"account_id": ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "1"}


Sample = tuple[float, float]


async def call(port: int, path: str, body: dict[str, object], token: str) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    status, payload = await request(port, "POST", path, json.dumps(body).encode(), headers)
    return status, json.loads(payload or b"{}")


async def pull(port: int, token: str) -> tuple[float, float]:
    """One activation and its resume: (elapsed_ms, the client's round trip in ms)."""
    started = time.perf_counter()
    status, record = await call(
        port, "/api/v1/kill-switch/activate", {"passcode": "demo-passcode", "scope": SCOPE}, token
    )
    round_trip = (time.perf_counter() - started) * 1000
    if status != 201 or not record.get("broker_confirmed"):
        raise RuntimeError(f"activation answered {status}: {record}")
    status, _ = await call(
        port, "/api/v1/kill-switch/resume", {"passcode": "demo-passcode", "scope": SCOPE}, token
    )
    if status != 200:
        raise RuntimeError(f"resume answered {status}")
    return float(record["elapsed_ms"]), round_trip


def wrk_script(token: str, folder: Path) -> Path:
    script = folder / "orders.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = '{json.dumps(ORDER)}'\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Authorization"] = "Bearer {token}"\n'
    )
    return script


def row(phase: str, port_name: str, samples: list[Sample]) -> str:
    elapsed = sorted(s[0] for s in samples)
    trips = sorted(s[1] for s in samples)

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, round(q * (len(values) - 1)))]

    return (
        f"| {phase} | {port_name} | {statistics.median(elapsed):.0f} / {pct(elapsed, 0.99):.0f}"
        f" / {max(elapsed):.0f} | {statistics.median(trips):.0f} / {max(trips):.0f} "
        f"| {sum(e < DEADLINE_MS for e in elapsed)}/{len(elapsed)} |"
    )


async def ready_and_login(api: int, lane: int | None, server: subprocess.Popen[bytes]) -> str:
    await wait_ready(api, "/health", 60, server)
    if lane is not None:
        await wait_ready(lane, "/health", 10, server)
    return await login(api)


async def phase(runs: int, ports: dict[str, int], token: str) -> dict[str, list[Sample]]:
    """`runs` activations through each port, alternating; after wrk has run a while."""
    samples: dict[str, list[Sample]] = {name: [] for name in ports}
    for _ in range(runs):
        for name, port in ports.items():
            samples[name].append(await pull(port, token))
            await asyncio.sleep(0.05)
    return samples


def measure(
    runs: int, store: str, with_lane: bool
) -> tuple[dict[str, list[Sample]], dict[str, list[Sample]]]:
    """(idle, saturated) samples per port of one server, with its lane on or off."""
    api, lane = free_port(), free_port()
    folder = Path(tempfile.mkdtemp(prefix="bulwark-bench-"))
    url = "memory://" if store == "memory" else f"sqlite+aiosqlite:///{folder / 'bulwark.db'}"
    env = {
        **os.environ,
        "BULWARK_DATABASE_URL": url,
        "BULWARK_PORT": str(api),
        "BULWARK_KILL_SWITCH_PORT": str(lane),
        "BULWARK_FOUR_EYES_RESUME": "false",
        "BULWARK_API_RATE_PER_MINUTE": "1000000",
        "BULWARK_KILL_SWITCH_RATE_PER_MINUTE": "100000",
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_KILL_SWITCH_LANE": "true" if with_lane else "false",
    }
    bulwark = str(Path(sys.executable).with_name("bulwark"))
    if store != "memory":
        subprocess.run([bulwark, "migrate"], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [bulwark, "serve", "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    ports = {"API port": api, "lane port": lane} if with_lane else {"API port, lane off": api}
    try:
        token = asyncio.run(ready_and_login(api, lane if with_lane else None, server))
        idle = asyncio.run(phase(runs, ports, token))
        wrk = subprocess.Popen(
            ["wrk", "-t2", "-c64", "-d600s", "-s", str(wrk_script(token, folder)),
             f"http://127.0.0.1:{api}/api/v1/orders"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2.0)
        saturated = asyncio.run(phase(runs, ports, token))
        wrk.terminate()
        wrk.wait(10)
    finally:
        server.terminate()
        server.wait(15)
        shutil.rmtree(folder, ignore_errors=True)
    return idle, saturated


def main(runs: int, store: str, compare: bool) -> None:
    if shutil.which("wrk") is None:
        sys.exit("bench_killswitch_lane needs wrk: apt-get install -y wrk")
    idle, saturated = measure(runs, store, with_lane=True)
    if compare:
        idle_off, saturated_off = measure(runs, store, with_lane=False)
        idle.update(idle_off)
        saturated.update(saturated_off)
    print(
        f"kill switch on one account, store={store}, {runs} activations per row, "
        f"{os.cpu_count()} cores; elapsed = arrival -> broker-confirmed "
        f"(deadline {DEADLINE_MS:.0f} ms)"
    )
    print("| API load | port | elapsed_ms p50 / p99 / max | round trip ms p50 / max | in time |")
    print("| --- | --- | --- | --- | --- |")
    for load, results in (("idle", idle), ("wrk, 64 connections", saturated)):
        for name, samples in results.items():
            print(row(load, name, samples))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="?", type=int, default=10)
    parser.add_argument("--store", choices=["memory", "sqlite"], default="sqlite")
    parser.add_argument(
        "--compare", action="store_true", help="also a server with the lane off, in the same run"
    )
    args = parser.parse_args()
    main(args.runs, args.store, args.compare)
