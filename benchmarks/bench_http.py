"""HTTP: POST /api/v1/orders on Bulwark vs a bare Litestar echo, side by side, driven by wrk.

Each server is one uvicorn worker in its own process: the bare echo (benchmarks/bare_app.py:
decodes the order JSON with msgspec and echoes it) and one Bulwark per store (memory, a temp
SQLite file, PostgreSQL: `--database-url` or a throwaway embedded server), all up at once.
Bulwark runs its production stack (benchmarks/bench_http_app.py: `bulwark serve --demo` with
16 accounts): JWT (RS256) auth, the API rate limit (raised out of the load's way), request
ids, security headers, one access-log line per request at the default level (info, into a
file), the pre-trade gate and the paper broker filling each order.
Every server sees, in turn, round after round (so each sees the same machine):
  - 64 connections over 16 accounts, and over 1 account (wrk, closed loop): req/s;
  - 1 connection on 1 account: p50 and p99;
  - a fixed offered rate of half the server's 16-account peak over 64 connections (wrk, each
    connection waiting a fixed delay after each answer; see benchmarks/wrk.py): p99.
Orders alternate buying and selling 1 AAPL in phases; denials (a buy and a sell of one
account in flight together are a SELF_MATCH) count as non-2xx, and the table says the share of
requests the gate approved (2xx) beside their count; after each run the accounts
are flattened through the API, so no run inherits another's positions. Each figure is printed
beside its target. Needs wrk: installed by scripts/ensure-loadgen.sh when missing.
Run: `.venv/bin/python -m benchmarks.bench_http [seconds] [--store memory|sqlite|postgres|all]
[--rounds N] [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal

from benchmarks import wrk
from benchmarks.bench_http_app import account_ids
from benchmarks.bench_store import STORES, Store, provisioned
from benchmarks.http_driver import (
    BODY,
    CONNECTIONS,
    Result,
    Target,
    bulwark_env,
    cores,
    free_port,
    load,
    log_tail,
    login,
    machine,
    raw_request,
    read_response,
    request,
    servers,
    start,
    wait_ready,
)

# Kept importable from here: other benches use the driver through this module.
__all__ = [
    "BODY",
    "CONNECTIONS",
    "Result",
    "Target",
    "bulwark_env",
    "cores",
    "free_port",
    "load",
    "log_tail",
    "login",
    "machine",
    "main",
    "raw_request",
    "read_response",
    "request",
    "servers",
    "start",
    "wait_ready",
]

ACCOUNTS = 16
# Throughput as a share of the bare echo's, per store
RATIO_TARGETS = {"memory": 0.5, "sqlite": 0.3, "postgres": 0.25}
P50_TARGETS_MS = {"memory": 1.0, "sqlite": 2.0, "postgres": 2.0}
P99_TARGET_MS = 5.0
OPEN_P99_TARGET_MS = 20.0
SCENARIOS = ("64c x 16 accounts", "64c x 1 account", "1c x 1 account", "open loop")


@dataclass
class Side:
    """One server and its wrk runs per scenario, over the rounds."""

    target: Target
    token: str | None = None
    runs: dict[str, list[wrk.Run]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.target.name

    @property
    def store(self) -> str | None:
        return self.name.split("/", 1)[1] if "/" in self.name else None

    def best(self, scenario: str) -> wrk.Run | None:
        """The run with the most req/s (the least noise); the lowest p99 for latency runs."""
        runs = self.runs.get(scenario, [])
        if not runs:
            return None
        if scenario in ("1c x 1 account", "open loop"):
            return min(runs, key=lambda r: r.p99_ms)
        return max(runs, key=lambda r: r.rps)


def one(side: Side, scenario: str, seconds: float) -> wrk.Run:
    accounts = account_ids(ACCOUNTS) if "16" in scenario or scenario == "open loop" else None
    accounts = accounts or account_ids(1)
    connections, delay = CONNECTIONS, None
    if scenario == "1c x 1 account":
        connections = 1
    elif scenario == "open loop":
        peak = side.best("64c x 16 accounts")
        latency = side.best("1c x 1 account")
        rate = max(peak.rps / 2 if peak else 100.0, 1.0)
        delay = max(connections / rate * 1000 - (latency.p50_ms if latency else 0.0), 0.1)
    return wrk.run(
        side.target.port,
        accounts,
        token=side.token,
        connections=connections,
        seconds=seconds,
        delay_ms=delay,
    )


async def flatten(side: Side, accounts: list[str]) -> None:
    """Close what a run left open (it may stop mid-phase), so runs do not pile up positions."""
    if side.token is None:
        return
    auth = {"Authorization": f"Bearer {side.token}", "Content-Type": "application/json"}
    for account in accounts:
        status, payload = await request(
            side.target.port, "GET", f"/api/v1/accounts/{account}/positions", headers=auth
        )
        if status != 200:
            raise RuntimeError(f"positions of {account}: {status} {payload[:200]!r}")
        for item in json.loads(payload)["items"]:
            held = Decimal(item["quantity"])
            if item["symbol"] != "AAPL" or held == 0:
                continue
            order = {"account_id": account, "symbol": "AAPL", "quantity": str(abs(held))}
            order["side"] = "sell" if held > 0 else "buy"
            await request(
                side.target.port, "POST", "/api/v1/orders", json.dumps(order).encode(), auth
            )


async def prepare(side: Side) -> None:
    try:
        await wait_ready(side.target.port, side.target.ready_path, 60, side.target.proc)
    except RuntimeError as exc:
        raise RuntimeError(f"{side.name}: {exc}\n{log_tail(side.target)}") from None
    if side.store is not None:
        side.token = await login(side.target.port)


def drive(sides: list[Side], seconds: float, rounds: int, warmup: float) -> None:
    for side in sides:
        asyncio.run(prepare(side))
        wrk.run(
            side.target.port,
            account_ids(ACCOUNTS),
            token=side.token,
            connections=CONNECTIONS,
            seconds=warmup,
        )
        asyncio.run(flatten(side, account_ids(ACCOUNTS)))
    for _ in range(rounds):  # interleaved: every server sees the same machine conditions
        for scenario in SCENARIOS:
            for side in sides:
                side.runs.setdefault(scenario, []).append(one(side, scenario, seconds))
                asyncio.run(flatten(side, account_ids(ACCOUNTS)))


def report(sides: list[Side], stores: list[Store], seconds: float, rounds: int) -> None:
    print(
        f"POST /api/v1/orders, wrk (1 thread), one uvicorn worker per server, {machine()}, "
        f"{seconds:g} s per run x {rounds} round(s), interleaved; best run of each"
    )
    sharing = "the servers, wrk" + (" and PostgreSQL" if _has_pg(stores) else "")
    print(f"  note: {sharing} share these {cores()} cores (and whatever else runs on them)")
    for store in stores:
        print(f"  store {store.kind}: {store.about}")
    print(
        "| server | 64c x 16 acc req/s | ratio | 64c x 1 acc req/s | ratio | 1c p50 ms | "
        "1c p99 ms | open loop offered/s | open p99 ms | approved (non-2xx) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    bare = sides[0] if sides and sides[0].store is None else None
    for side in sides:
        print(row(side, bare))
    for side in sides:
        broken = sum(r.socket_errors for runs in side.runs.values() for r in runs)
        if broken:
            print(f"  {side.name}: {broken} socket errors (connect/read/write/timeout)")


def row(side: Side, bare: Side | None) -> str:
    store = side.store
    cells = [side.name]
    for scenario in SCENARIOS[:2]:
        run, base = side.best(scenario), bare.best(scenario) if bare else None
        cells.append(f"{run.rps:,.0f}" if run else "-")
        if store is None or run is None or base is None:
            cells.append("-")
        else:
            ratio, target = run.rps / base.rps, RATIO_TARGETS[store]
            cells.append(f"{ratio:.2f} ({_verdict(ratio >= target)} >= {target:g})")
    single = side.best("1c x 1 account")
    if single is None:
        cells += ["-", "-"]
    elif store is None:
        cells += [f"{single.p50_ms:.2f}", f"{single.p99_ms:.2f}"]
    else:
        p50_target = P50_TARGETS_MS[store]
        cells.append(
            f"{single.p50_ms:.2f} ({_verdict(single.p50_ms <= p50_target)} <= {p50_target:g})"
        )
        cells.append(
            f"{single.p99_ms:.2f} ({_verdict(single.p99_ms <= P99_TARGET_MS)} <= {P99_TARGET_MS:g})"
        )
    loop = side.best("open loop")
    if loop is None:
        cells += ["-", "-"]
    else:
        cells.append(f"{loop.rps:,.0f}")
        verdict = (
            ""
            if store is None
            else f" ({_verdict(loop.p99_ms <= OPEN_P99_TARGET_MS)} <= {OPEN_P99_TARGET_MS:g})"
        )
        cells.append(f"{loop.p99_ms:.2f}{verdict}")
    runs = [r for scenario in side.runs.values() for r in scenario]
    refused, sent = sum(r.non_2xx for r in runs), sum(r.requests for r in runs)
    cells.append(f"{1 - refused / sent:.1%} ({refused:,})" if sent else "-")
    return "| " + " | ".join(cells) + " |"


def _verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def _has_pg(stores: list[Store]) -> bool:
    return any(s.kind == "postgres" for s in stores)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_http", description=__doc__)
    parser.add_argument("seconds", nargs="?", type=float, default=5.0, help="per run (5)")
    parser.add_argument("--store", choices=[*STORES, "all"], default="memory")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 s runs, one round")
    parser.add_argument(
        "--pg-fast", action="store_true", help="throwaway PostgreSQL with fsync off (as the tests)"
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="Bulwark's BULWARK_LOG_LEVEL (info, the default: one access line per request)",
    )
    args = parser.parse_args(argv)
    if args.database_url and args.store not in ("postgres", "all"):
        parser.error("--database-url is for --store postgres (or all)")
    if args.quick:
        args.seconds, args.rounds = 1.0, 1
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    missing = wrk.ensure_wrk()
    if missing is not None:
        sys.exit(missing)
    kinds = list(STORES) if args.store == "all" else [args.store]
    warmup = 1.0
    env = {"BULWARK_LOG_LEVEL": args.log_level, "BENCH_ACCOUNTS": str(ACCOUNTS)}
    with contextlib.ExitStack() as stack:
        stores = [
            stack.enter_context(provisioned(kind, args.database_url, args.pg_fast))
            for kind in kinds
        ]
        targets = stack.enter_context(
            servers(stores, factory="benchmarks.bench_http_app:create_app", env=env)
        )
        sides = [Side(t) for t in targets]
        try:
            drive(sides, args.seconds, args.rounds, warmup)
        except RuntimeError as exc:
            sys.exit(f"bench_http: {exc}")
    report(sides, stores, args.seconds, args.rounds)


if __name__ == "__main__":
    main()
