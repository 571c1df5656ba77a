"""wrk (C, Debian's `wrk`) driving POST /api/v1/orders, with a Lua script per run.

The script spreads orders over the accounts round-robin and alternates buying and selling
1 AAPL in phases (each account takes one side for `phase(accounts)` orders), so a buy and a
sell of one account are seldom in flight together (that pair is a SELF_MATCH denial: counted
as non-2xx) and no position grows past a few percent of the account (bench_http flattens
them between runs). With `delay_ms` each connection waits a random
time after each answer before its next request, exponentially distributed with that mean:
C connections offer about C / (delay + latency) requests a second, in a Poisson-like stream
(the connections do not move in step), at a rate fixed by the bench rather than by the
server's speed. Open loop as far as wrk allows: a connection stuck on a slow answer sends
nothing meanwhile, so a long stall is under-counted in the tail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENSURE = Path(__file__).resolve().parent.parent / "scripts" / "ensure-loadgen.sh"
PHASE_ORDERS = 2048  # orders over all accounts before the side flips...
PHASE_SHARES = 512  # ...unless one account would then hold more than this many shares


def phase(accounts: int) -> int:
    """Orders each account sends on one side before turning to the other."""
    return max(1, min(PHASE_SHARES, PHASE_ORDERS // accounts))


LUA = """
local bodies = %(bodies)s
local accounts = #bodies
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
%(auth)s
request = function()
  local account = n %% accounts + 1
  local side = math.floor(n / (accounts * %(phase)d)) %% 2 + 1
  n = n + 1
  return wrk.format(nil, "/api/v1/orders", nil, bodies[account][side])
end
%(delay)s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass(frozen=True)
class Run:
    """What one wrk run measured (latencies in ms)."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    non_2xx: int
    socket_errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def ok_per_s(self) -> float:
        return (self.requests - self.non_2xx) / self.seconds if self.seconds else 0.0


def ensure_wrk() -> str | None:
    """None when wrk is there (installed if it can be); else the one line that says why not."""
    if shutil.which("wrk") is None and ENSURE.exists():
        subprocess.run(["sh", str(ENSURE)], check=False)
    if shutil.which("wrk") is None:
        return (
            "bench_http needs wrk (Debian: apt-get install -y wrk), and it could not be installed"
        )
    return None


def script(accounts: list[str], token: str | None, delay_ms: float | None) -> str:
    """The Lua for one run: orders over `accounts`, the bearer token, the optional delay."""
    bodies = [
        [
            json.dumps({"account_id": a, "symbol": "AAPL", "side": side, "quantity": "1"})
            for side in ("buy", "sell")
        ]
        for a in accounts
    ]
    table = "{" + ", ".join("{" + ", ".join(_lua(b) for b in pair) + "}" for pair in bodies) + "}"
    auth = f'wrk.headers["Authorization"] = "Bearer {token}"' if token else ""
    delay = (
        "math.randomseed(os.time())\n"
        f"delay = function() return -math.log(1 - math.random()) * {delay_ms:.3f} end"
        if delay_ms
        else ""
    )
    return LUA % {"bodies": table, "auth": auth, "phase": phase(len(accounts)), "delay": delay}


def _lua(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def run(
    port: int,
    accounts: list[str],
    *,
    token: str | None,
    connections: int,
    seconds: float,
    delay_ms: float | None = None,
) -> Run:
    """One wrk run (one thread) against 127.0.0.1:`port`."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script(accounts, token, delay_ms))
    try:
        # A timeout long enough that a stalled answer is a late one, not a socket error.
        argv = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
        argv += [
            "--timeout",
            "10s",
            "--latency",
            "-s",
            lua.name,
            f"http://127.0.0.1:{port}/api/v1/orders",
        ]
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    finally:
        Path(lua.name).unlink(missing_ok=True)
    return parse(out)


def parse(out: str) -> Run:
    """The figures the script's `done` printed."""
    found = re.search(r"^BENCH (.*)$", out, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no figures:\n{out}")
    n, micros, p50, p99, p999, top, bad, broken = (int(v) for v in found.group(1).split())
    ms = [v / 1000 for v in (p50, p99, p999, top)]
    return Run(n, micros / 1e6, *ms, non_2xx=bad, socket_errors=broken)
