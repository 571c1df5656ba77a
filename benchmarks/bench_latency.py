"""Order latency at one connection: `bulwark serve --demo` with the collector frozen and not.

Starts `bulwark serve --demo` on memory:// once per side (BULWARK_GC_FREEZE=true with the
thresholds given, and BULWARK_GC_FREEZE=false: CPython's collector as it comes), all up at
once, and drives POST /api/v1/orders on each in turn with wrk (C, one thread, one
connection, `--latency`), alternating buy and sell of 1 AAPL so the account stays flat. The
sides take turns round after round, so each sees the same machine. Prints per side and
round: req/s, p50 / p99 / p99.9 / max, non-201 answers, the stalls the loop watchdog
counted (bulwark_event_loop_stalls_total on /metrics) and the collector's own figures
(bulwark_gc_*: full collections, time in collections, the longest), beside the targets.
A collection holds the GIL, so the watchdog's thread cannot see one: the bulwark_gc_* figures do.
Needs `wrk` (Debian package `wrk`).
Run: `.venv/bin/python -m benchmarks.bench_latency [seconds] [--rounds N]
[--watchdog-ms 100] [--thresholds 700,10,10 ...]` (each --thresholds adds a frozen side with
those thresholds; none: the defaults of Settings).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_http import BODY, cores, free_port, login, request, wait_ready
from bootstrap.settings import Settings

P50_TARGET_MS = 1.0
P99_TARGET_MS = 5.0
_DEFAULTS = Settings().core
DEFAULT_THRESHOLDS = (
    f"{_DEFAULTS.gc_threshold_gen0},{_DEFAULTS.gc_threshold_gen1},{_DEFAULTS.gc_threshold_gen2}"
)

LUA = """
local bodies = {'%(buy)s', '%(sell)s'}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(token)s"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/v1/orders", nil, bodies[n %% 2 + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max, summary.errors.status))
end
"""


@dataclass
class Round:
    """One wrk run against one side."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    non_2xx: int
    stalls: float
    full_collections: float
    gc_ms: float
    longest_gc_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


@dataclass
class Side:
    """One server: its name, environment, port and rounds."""

    name: str
    env: dict[str, str]
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    token: str = ""
    rounds: list[Round] = field(default_factory=list)


def sides(thresholds: list[str]) -> list[Side]:
    out = [Side("gc as it comes", {"BULWARK_GC_FREEZE": "false"})]
    for spec in thresholds:
        zero, one, two = (int(part) for part in spec.split(","))
        env = {
            "BULWARK_GC_FREEZE": "true",
            "BULWARK_GC_THRESHOLD_GEN0": str(zero),
            "BULWARK_GC_THRESHOLD_GEN1": str(one),
            "BULWARK_GC_THRESHOLD_GEN2": str(two),
        }
        out.append(Side(f"frozen {zero},{one},{two}", env))
    return out


@contextlib.contextmanager
def serving(all_sides: list[Side], watchdog_ms: float) -> Iterator[None]:
    bulwark = str(Path(sys.executable).with_name("bulwark"))
    try:
        for side in all_sides:
            side.port = free_port()
            env = {
                **os.environ,
                "BULWARK_DATABASE_URL": "memory://",
                "BULWARK_PORT": str(side.port),
                "BULWARK_KILL_SWITCH_PORT": "0",
                "BULWARK_API_RATE_PER_MINUTE": "1000000",
                "BULWARK_LOG_LEVEL": "warning",
                "BULWARK_LOOP_WATCHDOG_MS": f"{watchdog_ms:g}",
                **side.env,
            }
            side.proc = subprocess.Popen(
                [bulwark, "serve", "--demo"], env=env, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
        yield
    finally:
        for side in all_sides:
            if side.proc is not None:
                side.proc.terminate()
                side.proc.wait(15)


async def ready(side: Side) -> None:
    await wait_ready(side.port, "/health", 60, side.proc)
    side.token = await login(side.port)


METRICS = {
    "stalls": rb"^bulwark_event_loop_stalls_total (\S+)$",
    "full": rb'^bulwark_gc_collections_total\{generation="2"\} (\S+)$',
    "pause": rb'^bulwark_gc_pause_seconds_total\{generation="(?:0|1|2)"\} (\S+)$',
    "longest": rb"^bulwark_gc_longest_pause_seconds\{generation=\"\d\"\} (\S+)$",
}


async def scrape(port: int) -> dict[str, float]:
    """The watchdog's stalls and the collector's figures, from /metrics (nan if absent)."""
    _, payload = await request(port, "GET", "/metrics")
    out: dict[str, float] = {}
    for name, pattern in METRICS.items():
        values = [float(v) for v in re.findall(pattern, payload, re.MULTILINE)]
        total = max(values) if name == "longest" else sum(values)
        out[name] = total if values else float("nan")
    return out


def wrk(side: Side, seconds: float, folder: Path) -> tuple[int, float, list[float], int]:
    script = folder / f"{side.port}.lua"
    bodies = {s: json.dumps({**BODY, "side": s}) for s in ("buy", "sell")}
    script.write_text(LUA % {**bodies, "token": side.token})
    out = subprocess.run(
        ["wrk", "-t1", "-c1", f"-d{seconds:g}s", "--latency", "-s", str(script),
         f"http://127.0.0.1:{side.port}/api/v1/orders"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.search(r"^BENCH (.*)$", out, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no figures:\n{out}")
    n, micros, p50, p99, p999, top, bad = (int(v) for v in found.group(1).split())
    return n, micros / 1e6, [v / 1000 for v in (p50, p99, p999, top)], bad


def one_round(side: Side, seconds: float, folder: Path) -> Round:
    before = asyncio.run(scrape(side.port))
    n, elapsed, (p50, p99, p999, top), bad = wrk(side, seconds, folder)
    after = asyncio.run(scrape(side.port))
    return Round(
        n, elapsed, p50, p99, p999, top, bad, after["stalls"] - before["stalls"],
        after["full"] - before["full"], (after["pause"] - before["pause"]) * 1000,
        after["longest"] * 1000,
    )  # fmt: skip


def report(all_sides: list[Side], seconds: float, watchdog_ms: float) -> None:
    print(f"POST /api/v1/orders on `bulwark serve --demo`, memory store, wrk 1 thread 1 "
          f"connection, {seconds:g} s per round, {cores()} cores shared by the servers "
          "and wrk")  # fmt: skip
    print(f"  targets: p50 <= {P50_TARGET_MS:g} ms, p99 <= {P99_TARGET_MS:g} ms; "
          f"stalls: loop blocked over {watchdog_ms:g} ms (the watchdog's threshold)")  # fmt: skip
    print("  gc: full collections and ms the collector held the GIL in the round; longest "
          "collection since start-up")  # fmt: skip
    print("| side | round | req/s | p50 ms | p99 ms | p99.9 ms | max ms | non-201 | stalls "
          "| full gcs | gc ms | longest gc ms |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for side in all_sides:
        for i, r in enumerate(side.rounds, 1):
            verdict = "ok" if r.p50_ms <= P50_TARGET_MS and r.p99_ms <= P99_TARGET_MS else "over"
            print(f"| {side.name} | {i} | {r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} "
                  f"({verdict}) | {r.p999_ms:.2f} | {r.max_ms:.1f} | {r.non_2xx} "
                  f"| {r.stalls:g} | {r.full_collections:g} | {r.gc_ms:.0f} "
                  f"| {r.longest_gc_ms:.1f} |")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_latency")
    parser.add_argument("seconds", nargs="?", type=float, default=10.0, help="per round (10)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of wrk first (1)")
    parser.add_argument(
        "--watchdog-ms", type=float, default=100.0, help="BULWARK_LOOP_WATCHDOG_MS (100)"
    )
    parser.add_argument(
        "--thresholds",
        action="append",
        help=f"a frozen side's gc thresholds ({DEFAULT_THRESHOLDS})",
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("bench_latency needs wrk: apt-get install -y wrk")
    all_sides = sides(args.thresholds or [DEFAULT_THRESHOLDS])
    folder = Path(tempfile.mkdtemp(prefix="bulwark-latency-"))
    try:
        with serving(all_sides, args.watchdog_ms):
            for side in all_sides:
                asyncio.run(ready(side))
                if args.warmup > 0:
                    wrk(side, args.warmup, folder)
            for _ in range(args.rounds):
                for side in all_sides:
                    side.rounds.append(one_round(side, args.seconds, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(all_sides, args.seconds, args.watchdog_ms)


if __name__ == "__main__":
    main()
