"""The console under load: every page of its menu, its fragments and chart JSON beside the API.

One real `bulwark serve --demo` process (one uvicorn worker, SQLite in a temp directory, as
the browser tests run it; access log at info into a file, as in production) with `--orders`
orders (1,000) placed on the demo account through the API (each fills on the paper broker:
1,000 orders, fills, ledger rows, events and the notices they raise behind the pages), then a
session per role opened through the login form (/console/login: the cookies a browser holds;
the owner's, and the risk officer's for the desk's pages an owner may not see). wrk (C,
one thread, 1 connection by default: one operator's browser) asks each path for `seconds`,
in turn:

  every page of the console's menu  (pages.NAV: overview, kill switch, orders, ..., frontier)
  /console/overview                 the overview's htmx fragment (what it polls every 5 s)
  /console/kill-switch/state        the trading-state fragment (polled, and on each event)
  /console/accounts/<demo>/pnl.json a chart's JSON (snapshots + the live point)
  /console/performance/<demo>       the performance page (a year of snapshots, every fill
                                    replayed for the trade statistics)
  POST /console/frontier            the efficient frontier traced from the form's defaults,
                                    minimum variance chosen (5 assets, a year of bars: ~24
                                    optimisations a request)
  /api/v1/orders?limit=50           the reference: the same 50 orders as the API's JSON

Targets: p99 <= 100 ms per console path at 1 connection. Why that figure: a person clicking
does not notice under ~100 ms, the polled fragments must stay far below their 5 s period, and
every page is several queries plus a template on one worker; p50 is printed beside the API's
(the same rows without HTML) so the rendering cost reads directly. Needs wrk (installed by
scripts/ensure-loadgen.sh when missing). benchmarks/bench_console_paint.py measures the same
pages' first paint in headless Chromium.
Run: `.venv/bin/python -m benchmarks.bench_console [seconds] [--orders N] [--connections C]`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from adapters.http.console.frontier_view import frontier_defaults
from adapters.http.console.pages import NAV
from benchmarks import wrk
from benchmarks.http_driver import cores, machine
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, DEMO_RISK, DemoUser
from tests.bulwark_process import migrate, server_environment, serving

P99_TARGET_MS = 100.0
READY_WITHIN_S = 90

# GET (or POST a form) with the given headers; the figures line is wrk.py's own (wrk.parse).
LUA = (
    "wrk.method = %(method)s\nwrk.body = %(body)s\n%(headers)s\n"
    + wrk.LUA[wrk.LUA.index("done = function") :]
)


@dataclass(frozen=True)
class Target:
    """One path under load: what it is, and the headers a browser (or a client) sends."""

    label: str
    path: str
    htmx: bool = False
    api: bool = False
    form: tuple[tuple[str, str], ...] = ()  # POSTed (with the session's CSRF token) when set


# Every page of the menu, and the one page reached from another (an account's performance).
PAGES = (
    *(Target(f"{item.label} page", item.path) for item in NAV),
    Target("performance page", f"/console/performance/{DEMO_ACCOUNT}"),
)
PATHS = (
    *PAGES,
    Target("overview fragment", "/console/overview", htmx=True),
    Target("kill-switch state fragment", "/console/kill-switch/state", htmx=True),
    Target("P&L chart JSON", f"/console/accounts/{DEMO_ACCOUNT}/pnl.json"),
    Target(
        "frontier traced (5 assets, a year; chosen: minimum variance)",
        "/console/frontier",
        # minimum variance: the synthetic market's drift can leave no asset above the form's
        # 4 % risk-free rate, which refuses a maximum-Sharpe choice (the trace is the same work)
        form=tuple({**frontier_defaults(), "method": "min_variance"}.items()),
    ),
    Target("API orders (reference)", "/api/v1/orders?limit=50", api=True),
)


@contextlib.contextmanager
def server(log_level: str) -> Iterator[str]:
    """`bulwark serve --demo` on a fresh SQLite file (tests/bulwark_process.py); its base URL."""
    with tempfile.TemporaryDirectory(prefix="bench-console-") as tmp:
        var = Path(tmp)
        env = {
            **server_environment(f"sqlite+aiosqlite:///{var / 'bulwark.db'}"),
            "BULWARK_LOG_LEVEL": log_level,
            "BULWARK_API_RATE_PER_MINUTE": "1000000",  # out of the load's way
        }
        migrate(env)
        with serving(env, ready_within_s=READY_WITHIN_S, log=var / "server.log") as base:
            yield base


def place_orders(client: httpx.Client, token: str, count: int) -> None:
    """`count` market orders of 1 AAPL on the demo account, buying and selling in turn."""
    auth = {"Authorization": f"Bearer {token}"}
    for n in range(count):
        body = {
            "account_id": DEMO_ACCOUNT,
            "symbol": "AAPL",
            "side": "buy" if n % 2 == 0 else "sell",
            "quantity": "1",
        }
        placed = client.post("/api/v1/orders", json=body, headers=auth)
        if placed.status_code not in (200, 201):
            raise RuntimeError(f"order {n}: {placed.status_code} {placed.text[:200]}")


def api_token(client: httpx.Client) -> str:
    login = {"username": DEMO_OWNER.username, "password": DEMO_OWNER.password}
    answer = client.post("/api/v1/auth/login", json=login)
    if answer.status_code != 200:
        raise RuntimeError(f"API login: {answer.status_code} {answer.text[:200]}")
    token: str = answer.json()["access_token"]
    return token


def console_cookies(base: str, user: DemoUser) -> str:
    """Signs in through the login form, as a browser does; the Cookie header it then sends."""
    with httpx.Client(base_url=base, timeout=30) as browser:
        form = browser.get("/console/login")
        csrf = browser.cookies.get("bulwark_csrf")
        if form.status_code != 200 or not csrf:
            raise RuntimeError(f"login form: {form.status_code}, CSRF cookie {csrf!r}")
        fields = {
            "_csrf": csrf,
            "username": user.username,
            "password": user.password,
            "totp_code": "",
        }
        signed = browser.post("/console/login", data=fields)
        if signed.status_code != 303:
            raise RuntimeError(f"console login: {signed.status_code} {signed.text[:200]}")
        return "; ".join(f"{c.name}={c.value}" for c in browser.cookies.jar)


# The demo users a page may need, in the order tried: the owner, then the risk desk.
ROLES = {"owner": DEMO_OWNER, "risk officer": DEMO_RISK}


def sessions(base: str) -> dict[str, str]:
    """A console session (its Cookie header) per role of ROLES."""
    return {role: console_cookies(base, user) for role, user in ROLES.items()}


def seen_by(
    base: str, target: Target, signed_in: dict[str, str], token: str
) -> tuple[str, dict[str, str], int]:
    """The first role whose session the path answers with 200 (the desk's pages refuse an
    owner); that role, its headers and the answer's size."""
    refused = []
    for role, cookies in signed_in.items():
        headers = headers_for(target, cookies, token)
        answer = ask(base, target, headers)
        if answer.status_code == 200:
            return role, headers, len(answer.content)
        said = re.findall(r'class="field-error"[^>]*>([^<]*)<', answer.text) or [answer.text[:200]]
        refused.append(f"{role}: {answer.status_code} {'; '.join(said)}")
        if target.api:
            break
    raise RuntimeError(f"{target.path}: " + "; ".join(refused))


def csrf_of(cookies: str) -> str:
    return next(
        (part.split("=", 1)[1] for part in cookies.split("; ") if part.startswith("bulwark_csrf=")),
        "",
    )


def body_of(target: Target, headers: dict[str, str]) -> str:
    fields = {"_csrf": csrf_of(headers.get("Cookie", "")), **dict(target.form)}
    return urlencode(fields)


def headers_for(target: Target, cookies: str, token: str) -> dict[str, str]:
    if target.api:
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    sent = {"Cookie": cookies, "Accept": "text/html,application/json"}
    if target.htmx:
        sent["HX-Request"] = "true"
    if target.form:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    return sent


def ask(base: str, target: Target, headers: dict[str, str]) -> httpx.Response:
    if target.form:
        body = body_of(target, headers)
        return httpx.post(base + target.path, headers=headers, content=body, timeout=60)
    return httpx.get(base + target.path, headers=headers, timeout=30)


def load(base: str, target: Target, headers: dict[str, str], seconds: float, c: int) -> wrk.Run:
    lines = "\n".join(f"wrk.headers[{_lua(k)}] = {_lua(v)}" for k, v in headers.items())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        method, body = ("POST", body_of(target, headers)) if target.form else ("GET", "")
        lua.write(LUA % {"method": _lua(method), "body": _lua(body), "headers": lines})
    try:
        argv = ["wrk", "-t1", f"-c{c}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
        argv += ["--latency", "-s", lua.name, base + target.path]
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    finally:
        Path(lua.name).unlink(missing_ok=True)
    return wrk.parse(out)


def _lua(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def report(rows: list[tuple[Target, str, int, wrk.Run]], reference: wrk.Run | None) -> None:
    print("| path | bytes | req/s | p50 ms | x API p50 | p99 ms (target) | non-2xx |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for target, role, size, run in rows:
        ratio = f"{run.p50_ms / reference.p50_ms:.1f}" if reference and reference.p50_ms else "-"
        if target.api:
            p99 = f"{run.p99_ms:.1f} (reference)"
        else:
            verdict = "ok" if run.p99_ms <= P99_TARGET_MS else "MISSED"
            p99 = f"{run.p99_ms:.1f} ({verdict} <= {P99_TARGET_MS:g})"
        print(
            f"| {target.label} `{target.path}`{as_role(role)} | {size:,} | {run.rps:,.0f} | "
            f"{run.p50_ms:.1f} | {ratio} | {p99} | {run.non_2xx + run.socket_errors} |"
        )


def as_role(role: str) -> str:
    return "" if role == "owner" else f" (as {role})"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_console", description=__doc__)
    parser.add_argument("seconds", nargs="?", type=float, default=5.0, help="per path (5)")
    parser.add_argument("--orders", type=int, default=1000, help="placed before the runs (1,000)")
    parser.add_argument("--connections", type=int, default=1, help="wrk connections (1)")
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    missing = wrk.ensure_wrk()
    if missing is not None:
        sys.exit(missing)
    try:
        with server(args.log_level) as base:
            with httpx.Client(base_url=base, timeout=30) as client:
                token = api_token(client)
                place_orders(client, token, args.orders)
            signed_in = sessions(base)
            rows = []
            for target in PATHS:
                role, headers, size = seen_by(base, target, signed_in, token)
                load(base, target, headers, 1, args.connections)  # warm-up
                run = load(base, target, headers, args.seconds, args.connections)
                rows.append((target, role, size, run))
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        sys.exit(f"bench_console: {exc}")
    reference = next((run for target, _, _, run in rows if target.api), None)
    load_avg = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(
        f"Console paths, wrk (1 thread, {args.connections} connection(s)), one uvicorn worker "
        f"(`bulwark serve --demo`, SQLite), {args.orders} orders on {DEMO_ACCOUNT}, "
        f"{machine()}, {args.seconds:g} s per path"
    )
    print(
        f"  note: the server and wrk share these {cores()} cores; load average at the end "
        f"{load_avg} (other work on the machine counts in these figures)"
    )
    report(rows, reference)


if __name__ == "__main__":
    main()
