"""wrk posting orders with one Idempotency-Key each and writing down every answer.

The load of the overload bench and test (benchmarks/bench_overload.py): each request names
its key three times (Idempotency-Key, `client_order_id`, and X-Request-ID, which the API
echoes), so each answer is told apart: its status, its key and its latency as this client
saw it (the clock read through LuaJIT's FFI when the request is written and when its answer
is read). One line per answer, `status key microseconds at`, in a file per run (`at`: when it
was read, microseconds on the monotonic clock). Orders spread
over the accounts round-robin, buying and selling 1 AAPL in phases (benchmarks/wrk.py).

`polite`: after a 503 the connection waits what its Retry-After said (jittered, 0.5x to 1.5x)
before its next request, as a client that honours the header does; without it wrk sends again
at once (a client that ignores it). wrk pairs a wait with the connection that was refused
only roughly (a queue of waits owed, per thread), which is what the load needs.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.wrk import phase

LUA = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } overload_timespec;
int clock_gettime(int clock, overload_timespec *now);
]]
local stamp = ffi.new("overload_timespec")
local function micros()
  ffi.C.clock_gettime(1, stamp)  -- CLOCK_MONOTONIC
  return tonumber(stamp.tv_sec) * 1000000 + tonumber(stamp.tv_nsec) / 1000
end
local bodies = %(bodies)s
local accounts = #bodies
local polite = %(polite)s
local headers = {
  ["Host"] = "127.0.0.1",
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer %(token)s",
}
local sent, owed = {}, {}
local first, last = 1, 0
local n, tag, out = 0, "t", nil
math.randomseed(%(seed)d)

function init(args)
  tag = args[1] or "t"
  out = io.open("%(out)s" .. "-" .. tag, "w")
end

function request()
  n = n + 1
  local key = "%(prefix)s" .. tag .. "-" .. n
  local account = n %% accounts + 1
  local side = math.floor(n / (accounts * %(phase)d)) %% 2 + 1
  headers["Idempotency-Key"] = key
  headers["X-Request-ID"] = key
  sent[key] = micros()
  return wrk.format("POST", "/api/v1/orders", headers, string.format(bodies[account][side], key))
end

function response(status, answer, body)
  local now = micros()
  local key = answer["x-request-id"] or answer["X-Request-ID"] or "-"
  local started = sent[key]
  sent[key] = nil
  out:write(status, " ", key, " ", started and math.floor(now - started) or -1, " ",
    math.floor(now), "\\n")
  if polite and status == 503 then
    local wait = tonumber(answer["retry-after"] or answer["Retry-After"]) or 1
    last = last + 1
    owed[last] = wait * 1000 * (0.5 + math.random())
  end
end

if polite then
  function delay()
    if first > last then return 0 end
    local wait = owed[first]
    owed[first] = nil
    first = first + 1
    return wait
  end
end
"""


@dataclass(frozen=True)
class Answer:
    """One answer as the load client saw it."""

    status: int
    key: str
    ms: float
    at: float = 0.0  # when it was read, seconds on the monotonic clock


def script(
    accounts: list[str],
    token: str,
    out: Path,
    *,
    polite: bool,
    prefix: str = "k",
    seed: int = 7,
) -> str:
    """The Lua of one run: orders over `accounts`, each answer written to `out`-<thread>."""
    bodies = []
    for account in accounts:
        pair = []
        for side in ("buy", "sell"):
            body = {
                "account_id": account,
                "symbol": "AAPL",
                "side": side,
                "quantity": "1",
                "client_order_id": "KEY",
            }
            pair.append(_lua(json.dumps(body).replace("%", "%%").replace('"KEY"', '"%s"')))
        bodies.append("{" + ", ".join(pair) + "}")
    return LUA % {
        "bodies": "{" + ", ".join(bodies) + "}",
        "polite": "true" if polite else "false",
        "token": token,
        "out": str(out),
        "prefix": prefix,
        "seed": seed,
        "phase": phase(len(accounts)),
    }


def run(
    port: int,
    accounts: list[str],
    token: str,
    *,
    connections: int,
    seconds: float,
    polite: bool,
    prefix: str = "k",
) -> list[Answer]:
    """One wrk run (one thread) against 127.0.0.1:`port`: every answer it read."""
    with tempfile.TemporaryDirectory(prefix="bulwark-overload-") as folder:
        out = Path(folder) / "answers"
        lua = Path(folder) / "orders.lua"
        lua.write_text(script(accounts, token, out, polite=polite, prefix=prefix))
        argv = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
        argv += ["--timeout", "30s", "-s", str(lua), f"http://127.0.0.1:{port}/api/v1/orders"]
        subprocess.run(argv, capture_output=True, text=True, check=True)
        return [a for path in sorted(Path(folder).glob("answers-*")) for a in parse(path)]


def parse(path: Path) -> list[Answer]:
    """The lines one wrk thread wrote (a line cut short by the end of the run is skipped)."""
    answers = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].isdigit():
            status, key, micros, at = parts
            answers.append(Answer(int(status), key, int(micros) / 1000, int(at) / 1e6))
    return answers


def _lua(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
