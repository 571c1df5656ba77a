"""What `bulwark serve` holds resident: a process loads what it serves.

Each figure is a real `bulwark serve` on a migrated SQLite file (tests/bulwark_process.py),
its resident set (VmRSS) and peak (VmHWM) read from /proc/<pid>/status once it answers
/ready, once its start-up's background work has settled (the compute and optimizer warm-ups,
the venues' calendars, the OpenAPI document: no growth over SETTLE_QUIET_S), then again after
a few requests (GET /api/status, a login). The target is held against the settled figure:
what the process holds once started, whatever the order its warm-ups finished in.

(a) serve with BULWARK_SERVED_CONTEXTS=trading,safety   target <= 300 MB at start
(b) serve --demo, every context                          target <= 500 MB at start
(c) `import bootstrap.app` alone in a python -c          (no target: the floor under a and b)

Beside each serve, the libraries whose files are mapped into it, by resident size (their
native code and data, from /proc/<pid>/smaps; the Python objects they build are not
counted there): what the process loaded without needing it shows up here.

Run: `.venv/bin/python -m benchmarks.bench_memory [--only a,b,c] [--libraries N]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bootstrap.demo import DEMO_OWNER
from tests.bulwark_process import ROOT, bulwark, free_port, migrate, server_environment, wait_ready

TARGETS_MB = {"a": 300.0, "b": 500.0}
NAMES = {
    "a": "serve, BULWARK_SERVED_CONTEXTS=trading,safety",
    "b": "serve --demo, every context",
    "c": "import bootstrap.app alone",
}
READY_WITHIN_S = 180.0
SETTLE_QUIET_S = 3.0  # no growth over 1 MB for this long: the start-up's work is done
SETTLE_WITHIN_S = 60.0
_MB = 1024.0  # /proc reports kB


@dataclass(frozen=True)
class Figure:
    """One process's resident set: settled after start, its peak, when it first answered
    /ready, and after a few requests."""

    case: str
    rss_mb: float
    hwm_mb: float
    ready_mb: float | None = None
    after_mb: float | None = None
    libraries: list[tuple[str, float]] = field(default_factory=list)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default="a,b,c", help="which of a, b, c to run (a,b,c)")
    parser.add_argument("--libraries", type=int, default=8, help="mapped libraries shown")
    parser.add_argument(
        "--models",
        default="",
        help="BULWARK_MODELS_DIR of the serves (default: none, so a checkout's built models "
        "in var/models, ~240 MB loaded once `make run` has built them, are not counted)",
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


def settled_mb(
    pid: int, quiet_s: float = SETTLE_QUIET_S, within_s: float = SETTLE_WITHIN_S
) -> float:
    """VmRSS of `pid` once it has not grown by more than 1 MB for `quiet_s` (or `within_s`)."""
    deadline = time.monotonic() + within_s
    last, since = status_mb(pid)[0], time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = status_mb(pid)[0]
        if now > last + 1.0:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
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


def environment(folder: Path) -> dict[str, str]:
    """A migrated SQLite store in `folder`, as `make run` prepares one."""
    env = {
        **server_environment(f"sqlite+aiosqlite:///{folder / 'bulwark.db'}"),
        "BULWARK_KILL_SWITCH_PORT": "0",
    }
    migrate(env)
    return env


def serve(case: str, models: str = "") -> Figure:
    """Case a or b: a real serve, measured once ready and after a few requests; `models` its
    models folder (none: an empty one)."""
    with tempfile.TemporaryDirectory() as spare:
        folder = Path(spare)
        env = environment(folder)
        env["BULWARK_MODELS_DIR"] = models or str(folder / "no-models")
        args = ["serve"]
        if case == "a":
            env["BULWARK_SERVED_CONTEXTS"] = "trading,safety"
        else:
            args.append("--demo")
        port = free_port()
        env["BULWARK_PORT"] = str(port)
        log = folder / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                bulwark(*args), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(proc, base, READY_WITHIN_S, log)
            ready = status_mb(proc.pid)[0]
            rss = settled_mb(proc.pid)
            libraries = mapped_libraries(proc.pid)
            requests(base)
            after, hwm = status_mb(proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return Figure(case, rss, hwm, ready, after, libraries)


def requests(base: str) -> None:
    """What a client does first: the status, a login (the demo's owner; refused where there
    is no demo, which still runs the login's path)."""
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/api/status").raise_for_status()
        client.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        client.get("/api/status").raise_for_status()


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
    met = "met" if figure.rss_mb <= target else "NOT met"
    return f"target <= {target:.0f} MB -> {met}"


def report(figures: list[Figure], libraries: int = 8) -> None:
    print("bench_memory: resident set of bulwark serve on SQLite (VmRSS; peak VmHWM)")
    for f in figures:
        ready = f"at /ready {f.ready_mb:.0f} MB; " if f.ready_mb is not None else ""
        after = f"; after requests {f.after_mb:.0f} MB" if f.after_mb is not None else ""
        print(
            f"  ({f.case}) {NAMES[f.case]}: {f.rss_mb:.0f} MB at start "
            f"({ready}peak {f.hwm_mb:.0f} MB{after})  {verdict(f)}"
        )
        if f.libraries and libraries:
            shown = ", ".join(f"{name} {mb:.0f}" for name, mb in f.libraries[:libraries])
            print(f"      mapped libraries, MB: {shown}")


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    shown = args.models or "none (--models var/models loads the built ones)"
    print(f"bench_memory: models {shown}")
    figures = []
    for case in [c.strip() for c in args.only.split(",") if c.strip()]:
        try:
            figures.append(import_only() if case == "c" else serve(case, args.models))
        except RuntimeError as exc:  # a server that never started: one line, its output
            print(f"bench_memory: ({case}) {exc}")
    report(figures, args.libraries)


if __name__ == "__main__":
    main()
