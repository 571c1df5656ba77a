"""First paint of every console page in headless Chromium, with 1,000 orders behind them.

The same server as bench_console (one `bulwark serve --demo` worker, SQLite, `--orders`
orders placed through the API and filled on the paper broker), then Debian's Chromium
(headless, driven by Selenium, as the browser tests run it: scripts/ensure-browser.sh) signs
in through the login form and opens every page of the console's menu, and an account's
performance page (bench_console.PAGES), `--visits` times. Per page, read from the browser's
own clocks (milliseconds from the navigation's start):

  first paint   the `first-contentful-paint` entry of the Paint Timing API: the moment the
                person sees the page (target: <= 1,000 ms on the heaviest page)
  DOM ready     `domContentLoadedEventEnd` (the HTML parsed, deferred scripts run)
  charts drawn  when every chart on the page (uPlot, drawn by the console's scripts from
                JSON in the page or fetched) carries `data-drawn`: what a person waits for
                to read the page; "-" on pages without charts

The first visit of the run loads the static files cold (the later ones from the cache, as a
person's browser does); each figure is the median of the visits, the worst visit beside it.
The heaviest page is the one with the slowest median first paint.
Run: `.venv/bin/python -m benchmarks.bench_console_paint [--visits N] [--orders N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

import httpx

from benchmarks.bench_console import (
    PAGES,
    ROLES,
    api_token,
    as_role,
    place_orders,
    seen_by,
    server,
    sessions,
)
from benchmarks.http_driver import cores, machine
from bootstrap.demo import DEMO_ACCOUNT
from tests.browser.browser import Page, browser_binaries, start_chromium

FIRST_PAINT_TARGET_MS = 1000.0
SETTLE_TIMEOUT_S = 15.0
CHARTS = (
    "[data-chart-src], [data-chart-data], [data-effects-chart], [data-frontier-chart], "
    "[data-drift-chart], #price-chart"
)

# Resolves with the page's timings once its first contentful paint is recorded and every
# chart is drawn (or SETTLE_TIMEOUT_S passes): the arguments are the time limit, the charts'
# selector and (last) Selenium's callback.
SETTLE = """
const done = arguments[arguments.length - 1];
const limit = performance.now() + arguments[0];
const selector = arguments[1];
function look() {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const charts = Array.from(document.querySelectorAll(selector));
  const drawn = charts.every((el) => el.dataset.drawn !== undefined);
  const nav = performance.getEntriesByType("navigation")[0];
  if ((paint && drawn) || performance.now() > limit) {
    done({
      paint: paint ? paint.startTime : null,
      ready: nav ? nav.domContentLoadedEventEnd : null,
      charts: charts.length,
      drawn: drawn && charts.length ? performance.now() : null,
    });
  } else {
    requestAnimationFrame(look);
  }
}
look();
"""


@dataclass(frozen=True)
class Visit:
    paint_ms: float | None
    ready_ms: float | None
    drawn_ms: float | None
    charts: int


def visit(page: Page, path: str) -> Visit:
    page.open(path)
    got: dict[str, Any] = page.driver.execute_async_script(SETTLE, SETTLE_TIMEOUT_S * 1000, CHARTS)
    return Visit(got["paint"], got["ready"], got["drawn"], int(got["charts"]))


def median(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{statistics.median(known):.0f}" if known else "-"


def worst(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{max(known):.0f}" if known else "-"


def browse(
    binaries: tuple[str, str], base: str, role: str, paths: list[str], visits: int
) -> dict[str, list[Visit]]:
    """One Chromium signed in as the role's demo user, visiting each path `visits` times."""
    user = ROLES[role]
    driver = start_chromium(*binaries)
    try:
        page = Page(driver, base, f"bench-paint-{role}")
        page.login(user.username, user.password)
        return {path: [visit(page, path) for _ in range(visits)] for path in paths}
    finally:
        driver.quit()


def report(rows: list[tuple[str, str, list[Visit]]]) -> None:
    print("| page | charts | first paint ms (worst) | DOM ready ms | charts drawn ms (worst) |")
    print("| --- | --- | --- | --- | --- |")
    for label, path, visits in rows:
        paints = [v.paint_ms for v in visits]
        drawn = [v.drawn_ms for v in visits]
        print(
            f"| {label} `{path}` | {visits[0].charts} | {median(paints)} ({worst(paints)}) | "
            f"{median([v.ready_ms for v in visits])} | {median(drawn)} ({worst(drawn)}) |"
        )

    def key(row: tuple[str, str, list[Visit]]) -> float:
        known = [v.paint_ms for v in row[2] if v.paint_ms is not None]
        return statistics.median(known) if known else float("inf")

    label, path, visits = max(rows, key=key)
    heaviest = key((label, path, visits))
    verdict = "ok" if heaviest <= FIRST_PAINT_TARGET_MS else "MISSED"
    print(
        f"Heaviest page: {label} `{path}`, first paint {heaviest:.0f} ms "
        f"({verdict} <= {FIRST_PAINT_TARGET_MS:g} ms)"
    )


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_console_paint", description=__doc__
    )
    parser.add_argument("--visits", type=int, default=5, help="visits per page (5)")
    parser.add_argument("--orders", type=int, default=1000, help="placed before (1,000)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    binaries = browser_binaries()
    if isinstance(binaries, str):
        sys.exit(f"bench_console_paint: {binaries}")
    started = time.monotonic()
    try:
        with server("warning") as base:
            with httpx.Client(base_url=base, timeout=30) as client:
                place_orders(client, api_token(client), args.orders)
            # The desk's pages refuse an owner: each page is opened by the first demo role
            # it answers (bench_console.seen_by), in that role's own browser.
            signed_in = sessions(base)
            role_of = {page.path: seen_by(base, page, signed_in, "")[0] for page in PAGES}
            by_role: dict[str, list[str]] = {}
            for path, role in role_of.items():
                by_role.setdefault(role, []).append(path)
            seen: dict[str, list[Visit]] = {}
            for role, paths in by_role.items():
                seen.update(browse(binaries, base, role, paths, args.visits))
    except RuntimeError as exc:
        sys.exit(f"bench_console_paint: {exc}")
    load_avg = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(
        f"Console first paint, headless Chromium (Selenium), one uvicorn worker "
        f"(`bulwark serve --demo`, SQLite), {args.orders} orders on {DEMO_ACCOUNT}, "
        f"{args.visits} visits per page, {machine()}; {time.monotonic() - started:.0f} s"
    )
    print(
        f"  note: the server and the browser share these {cores()} cores; load average at "
        f"the end {load_avg}"
    )
    report(
        [(page.label + as_role(role_of[page.path]), page.path, seen[page.path]) for page in PAGES]
    )


if __name__ == "__main__":
    main()
