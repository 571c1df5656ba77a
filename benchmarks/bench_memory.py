"""What `bulwark serve` holds resident, as `make run` serves it: with its models present.

Each figure is a real `bulwark serve --demo` on a migrated SQLite file (tests/bulwark_process.py)
with BULWARK_MODELS_DIR at the models `make run` builds (var/models, or BULWARK_MODELS_DIR; built
here as `make run` builds them when they are missing), and the venues' sessions kept in
var/calendars as a first start leaves them (built here first when missing): a second start.
Its resident set (VmRSS) and peak (VmHWM) are read from /proc/<pid>/status once it answers
/ready, once its start-up's background work has settled (the venues' calendars, the OpenAPI
document: no growth over `Settle.quiet_s`), then again after 1,000 orders (the demo owner's,
over HTTP, a few at a time) have settled. The targets are held against both settled figures.
The resident size the serve itself logged at ready (its `ready` line) is shown beside them.

(a) serve --demo, BULWARK_SERVED_CONTEXTS=trading,safety   target <= 300 MB
(b) serve --demo, every context (`make run DEMO=1`)         target <= 500 MB
(c) `import bootstrap.app` alone in a python -c             (no target: the floor under a and b)

Beside each serve, the libraries whose files are mapped into it, by resident size (their
native code and data, from /proc/<pid>/smaps; the Python objects they build are not
counted there): what the process loaded without needing it shows up here.

Run: `.venv/bin/python -m benchmarks.bench_memory [--only a,b,c] [--orders N] [--models DIR|none]
[--quick]`. `--quick` (what `make test` runs, tests/integration/test_bench_memory_smoke.py):
100 orders and a shorter settle, the same figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bootstrap.demo import DEMO_ACCOUNT, DEMO_INSTRUMENTS, DEMO_OWNER
from tests.bulwark_process import ROOT, bulwark, free_port, migrate, server_environment, wait_ready

TARGETS_MB = {"a": 300.0, "b": 500.0}
NAMES = {
    "a": "serve --demo, BULWARK_SERVED_CONTEXTS=trading,safety",
    "b": "serve --demo, every context",
    "c": "import bootstrap.app alone",
}
READY_WITHIN_S = 180.0
ORDERS = 1_000
QUICK_ORDERS = 100
IN_FLIGHT = 4  # orders placed at once
_MB = 1024.0  # /proc reports kB


@dataclass(frozen=True)
class Settle:
    """When a resident set counts as settled: no growth over 1 MB for `quiet_s` (or
    `within_s` have passed)."""

    quiet_s: float = 3.0
    within_s: float = 60.0


SETTLE = Settle()
QUICK_SETTLE = Settle(quiet_s=1.0, within_s=20.0)


@dataclass(frozen=True)
class Figure:
    """One process's resident set: settled after start, its peak, when it first answered
    /ready, and settled after its orders (with the orders' answers by HTTP status)."""

    case: str
    rss_mb: float
    hwm_mb: float
    ready_mb: float | None = None
    said_mb: float | None = None  # what its own `ready` line said
    orders_mb: float | None = None
    orders: dict[int, int] = field(default_factory=dict)
    libraries: list[tuple[str, float]] = field(default_factory=list)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default="a,b,c", help="which of a, b, c to run (a,b,c)")
    parser.add_argument("--libraries", type=int, default=8, help="mapped libraries shown")
    parser.add_argument(
        "--orders", type=int, help=f"orders placed after start ({ORDERS}; --quick {QUICK_ORDERS})"
    )
    parser.add_argument(
        "--models",
        default="",
        help="the serves' BULWARK_MODELS_DIR (default: where `make run` builds them, "
        "BULWARK_MODELS_DIR or var/models, built first when missing; 'none': no models)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer orders and a shorter settle (make test)"
    )
    return parser.parse_args(argv)


def status_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of `pid` in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return _kb(fields["VmRSS"]) / _MB, _kb(fields["VmHWM"]) / _MB


def _kb(value: str) -> float:
    return float(value.split()[0])


def settled_mb(pid: int, settle: Settle = SETTLE) -> float:
    """VmRSS of `pid` once it has not grown by more than 1 MB for `settle.quiet_s` (or
    `settle.within_s` have passed)."""
    deadline = time.monotonic() + settle.within_s
    last, since = status_mb(pid)[0], time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = status_mb(pid)[0]
        if now > last + 1.0:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= settle.quiet_s:
            break
    return status_mb(pid)[0]


def mapped_libraries(pid: int) -> list[tuple[str, float]]:
    """Resident MB of the files mapped from each installed package (site-packages/<name>/,
    <name>.libs/ folded into <name>), largest first."""
    sizes: Counter[str] = Counter()
    package = None
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split(maxsplit=5)
        if len(head) >= 5 and "-" in head[0] and not head[0].endswith(":"):
            path = head[5] if len(head) == 6 else ""
            package = _package(path)
        elif package and line.startswith("Rss:"):
            sizes[package] += _kb(line.split(":", 1)[1]) / _MB
    return sizes.most_common()


def _package(path: str) -> str | None:
    marker = "site-packages/"
    if marker not in path:
        return None
    name = path.split(marker, 1)[1].split("/", 1)[0]
    return name.removesuffix(".libs").split(".", 1)[0].lstrip("_") or None


def models_folder(given: str) -> str:
    """The serves' models folder: `given`, or where `make run` builds them (BULWARK_MODELS_DIR,
    else var/models), built first with `bulwark models build --if-missing` as `make run` does
    when it holds no manifest; "" for 'none'."""
    if given == "none":
        return ""
    folder = Path(given or os.environ.get("BULWARK_MODELS_DIR") or "var/models")
    folder = folder if folder.is_absolute() else ROOT / folder
    if not (folder / "manifest.json").is_file():
        print(f"bench_memory: building the models into {folder}, as `make run` does", flush=True)
        done = subprocess.run(
            bulwark("models", "build", "--if-missing"),
            cwd=ROOT,
            env={**os.environ, "BULWARK_MODELS_DIR": str(folder)},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"bulwark models build failed:\n{done.stderr[-4000:]}")
    return str(folder)


_KEEP_CALENDARS = (
    "from adapters.memory.clock import SystemClock; "
    "from bootstrap.calendars import market_calendars; "
    "from bootstrap.containers.core_parts import exchange_calendar_sessions; "
    "from bootstrap.settings.calendars import CalendarSettings; "
    "market_calendars(exchange_calendar_sessions(SystemClock(), CalendarSettings())).warm()"
)


def keep_calendars() -> None:
    """The venues' sessions kept in the calendar folder (BULWARK_CALENDAR_CACHE_DIR's default,
    var/calendars) as a first `make run` leaves them; the files there are used as they are."""
    done = subprocess.run(
        [sys.executable, "-c", _KEEP_CALENDARS], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"keeping the calendars failed:\n{done.stderr[-4000:]}")


def said_at_ready(log: Path) -> float | None:
    """The resident MB of the serve's own `ready` line in its (JSON) log, if it logged one."""
    for line in log.read_text(errors="replace").splitlines():
        if '"ready"' in line:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") == "ready" and event.get("resident_mb") is not None:
                return float(event["resident_mb"])
    return None


def environment(folder: Path) -> dict[str, str]:
    """A migrated SQLite store in `folder`, as `make run` prepares one."""
    env = {
        **server_environment(f"sqlite+aiosqlite:///{folder / 'bulwark.db'}"),
        "BULWARK_KILL_SWITCH_PORT": "0",
    }
    migrate(env)
    return env


def serve(case: str, models: str, orders: int, settle: Settle = SETTLE) -> Figure:
    """Case a or b: a real serve with `models` (none: an empty folder), measured settled after
    start and after `orders` orders."""
    with tempfile.TemporaryDirectory() as spare:
        folder = Path(spare)
        env = environment(folder)
        env["BULWARK_MODELS_DIR"] = models or str(folder / "no-models")
        if case == "a":
            env["BULWARK_SERVED_CONTEXTS"] = "trading,safety"
        port = free_port()
        env["BULWARK_PORT"] = str(port)
        log = folder / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                bulwark("serve", "--demo"), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(proc, base, READY_WITHIN_S, log)
            ready = status_mb(proc.pid)[0]
            rss = settled_mb(proc.pid, settle)
            libraries = mapped_libraries(proc.pid)
            answers = asyncio.run(place_orders(base, orders))
            after, hwm = settled_mb(proc.pid, settle), status_mb(proc.pid)[1]
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return Figure(case, rss, hwm, ready, said_at_ready(log), after, answers, libraries)


async def place_orders(base: str, count: int) -> dict[int, int]:
    """`count` market orders of one share on the demo account, buys and sells across the demo's
    instruments, IN_FLIGHT at a time, as the demo owner; the answers counted by HTTP status."""
    symbols = [symbol for symbol, _, _ in DEMO_INSTRUMENTS]
    answers: Counter[int] = Counter()
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        login = await client.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        login.raise_for_status()
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        await client.get("/api/status")
        numbers = iter(range(count))

        async def worker() -> None:
            for n in numbers:
                order = {
                    "account_id": DEMO_ACCOUNT,
                    "symbol": symbols[n % len(symbols)],
                    "side": "buy" if (n // len(symbols)) % 2 == 0 else "sell",
                    "quantity": "1",
                }
                answers[(await client.post("/api/v1/orders", json=order)).status_code] += 1

        await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return dict(sorted(answers.items()))


_IMPORT_ONLY = (
    "import bootstrap.app, sys; from pathlib import Path; "
    "s = dict(l.split(':', 1) for l in Path('/proc/self/status').read_text().splitlines()); "
    "print(s['VmRSS'].split()[0], s['VmHWM'].split()[0], len(sys.modules))"
)


def import_only() -> Figure:
    """Case c: the resident set of a python -c that imports the app's module and stops."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ONLY], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"import bootstrap.app failed:\n{done.stderr[-4000:]}")
    rss, hwm, _ = done.stdout.split()
    return Figure("c", float(rss) / _MB, float(hwm) / _MB)


def verdict(figure: Figure) -> str:
    target = TARGETS_MB.get(figure.case)
    if target is None:
        return "(no target)"
    held = [figure.rss_mb] + ([figure.orders_mb] if figure.orders_mb is not None else [])
    met = "met" if max(held) <= target else "NOT met"
    return f"target <= {target:.0f} MB -> {met}"


def report(figures: list[Figure], libraries: int = 8) -> None:
    print("bench_memory: resident set of bulwark serve on SQLite (VmRSS; peak VmHWM)")
    for f in figures:
        ready = f"at /ready {f.ready_mb:.0f} MB; " if f.ready_mb is not None else ""
        if f.said_mb is not None:
            ready += f"its ready line said {f.said_mb:.0f} MB; "
        after = ""
        if f.orders_mb is not None:
            placed = sum(f.orders.values())
            answers = ", ".join(f"{status} x{n}" for status, n in f.orders.items())
            after = f"; after {placed:,} orders {f.orders_mb:.0f} MB ({answers})"
        print(
            f"  ({f.case}) {NAMES[f.case]}: {f.rss_mb:.0f} MB at start "
            f"({ready}peak {f.hwm_mb:.0f} MB{after})  {verdict(f)}"
        )
        if f.libraries and libraries:
            shown = ", ".join(f"{name} {mb:.0f}" for name, mb in f.libraries[:libraries])
            print(f"      mapped libraries, MB: {shown}")


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    orders = args.orders if args.orders is not None else QUICK_ORDERS if args.quick else ORDERS
    settle = QUICK_SETTLE if args.quick else SETTLE
    cases = [c.strip() for c in args.only.split(",") if c.strip()]
    try:
        models = models_folder(args.models) if set(cases) - {"c"} else ""
        if set(cases) - {"c"}:
            keep_calendars()
    except RuntimeError as exc:
        print(f"bench_memory: {exc}")
        return
    print(f"bench_memory: models {models or 'none'}; {orders:,} orders after start")
    figures = []
    for case in cases:
        try:
            figures.append(import_only() if case == "c" else serve(case, models, orders, settle))
        except (RuntimeError, httpx.HTTPError) as exc:  # one line, with the server's output
            print(f"bench_memory: ({case}) {exc}")
    report(figures, args.libraries)


if __name__ == "__main__":
    main()
