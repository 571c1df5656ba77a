"""Overload: 1,000 connections posting orders to one worker, with admission control and
without, side by side; the kill switch pulled on its own port throughout.

Each server is `bulwark serve --demo` (one worker, the paper broker, the memory store or a
temp SQLite file), its admission bound `--max-wait-ms` (500 ms by default, the setting's
default) and, with `--compare`, a second one with admission off (0), in the same run. wrk
(benchmarks/overload_wrk.py) posts orders over 4 accounts with an Idempotency-Key each and
writes down every answer: its status, key and latency. Two kinds of client, in turn:
`polite` waits what a 503's Retry-After says before sending again (as a well-behaved client
does), `hammer` sends again at once (wrk as it comes: the server then holds its connection's
next request until that Retry-After has passed, and the wait is in the latencies this client
measures). Meanwhile a probe halts and resumes a quiet account every second on the kill
switch's port.

Printed per server and client: answers/s, orders decided/s and their latency (p50, p99), the
share refused (503 OVERLOADED) and how fast the refusal came (p99), the kill switch's round
trip (p50, p99, max), and the audit read back from the store: no acknowledged order lost,
no refused one stored, none doubled; and a sample of the refused orders sent again with their
keys, each placed once. Targets: accepted p99 <= 1 s, refusal p99 < 50 ms, kill switch p99
<= 200 ms (its round trip includes the passcode's Argon2 check, ~170 ms on this machine).
Needs wrk (installed by scripts/ensure-loadgen.sh when missing).
Run: `.venv/bin/python -m benchmarks.bench_overload [seconds] [--store memory|sqlite]
[--connections N] [--max-wait-ms MS] [--clients polite|hammer|both] [--compare] [--quick]`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from dataclasses import dataclass, field

from benchmarks import overload_wrk, wrk
from benchmarks.bench_store import Store, provisioned
from benchmarks.http_driver import cores, machine
from benchmarks.overload_world import (
    ACKNOWLEDGED,
    REFUSED,
    Audit,
    Probe,
    World,
    audit,
    percentile,
    send_again,
    served,
)

ACCEPTED_P99_MS = 1000.0
REFUSAL_P99_MS = 50.0
KILL_SWITCH_P99_MS = 200.0
CLIENTS = ("polite", "hammer")
RETRIED_SAMPLE = 20
OPENING_S = 1.0  # latencies are of requests sent after this much of a run


@dataclass
class Outcome:
    """One run: a server (its bound), a kind of client, what the load, the probe and the audit
    found."""

    server: str
    clients: str
    seconds: float
    answers: list[overload_wrk.Answer]
    kill_switch_ms: list[float]
    kill_switch_confirmed: int
    kill_switch_failures: list[str]
    audit: Audit
    retried: dict[str, int] = field(default_factory=dict)

    def latencies(self, statuses: frozenset[int]) -> list[float]:
        """Latencies of the answers with these statuses to requests sent after the opening
        second (the 1,000 connections opening at once: a burst no steady load has)."""
        sent = [a.at - a.ms / 1000 for a in self.answers]
        settled = min(sent, default=0.0) + OPENING_S
        return [
            a.ms
            for a, at in zip(self.answers, sent, strict=True)
            if a.status in statuses and at >= settled
        ]

    @property
    def refused_share(self) -> float:
        return self.audit.refused / len(self.answers) if self.answers else 0.0


def one(world: World, server: str, clients: str, connections: int, seconds: float) -> Outcome:
    """One load run against `world`, the probe beside it, then the audit."""
    with Probe(world) as probe:
        answers = overload_wrk.run(
            world.port,
            world.accounts,
            world.token,
            connections=connections,
            seconds=seconds,
            polite=clients == "polite",
            prefix=f"{server[:1]}{clients[:1]}",
        )
    found = audit(world, answers)
    retried = send_again(world, answers, RETRIED_SAMPLE)
    return Outcome(
        server,
        clients,
        seconds,
        answers,
        probe.trips_ms,
        probe.confirmed,
        probe.failures,
        found,
        retried,
    )


def warm(world: World) -> None:
    """A short run first: the first orders of each account and the venues' calendars are
    slower than any after them."""
    overload_wrk.run(
        world.port, world.accounts, world.token, connections=64, seconds=1, polite=True, prefix="w"
    )


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def beside(value: float | None, target: float, *, below: bool = False) -> str:
    """`value` ms and its verdict against `target` (at most, or strictly below)."""
    if value is None:
        return "-"
    met = value < target if below else value <= target
    sign = "<" if below else "<="
    return f"{ms(value)} ({'ok' if met else 'MISSED'} {sign} {target:g})"


def row(outcome: Outcome) -> str:
    decided = outcome.latencies(ACKNOWLEDGED)
    refused = outcome.latencies(frozenset({REFUSED}))
    trips = outcome.kill_switch_ms
    found = outcome.audit
    per_s = len(outcome.answers) / outcome.seconds
    again = sorted(set(outcome.retried.values()))
    cells = [
        outcome.server,
        outcome.clients,
        f"{per_s:,.0f}",
        f"{found.acknowledged / outcome.seconds:,.0f}",
        f"{ms(percentile(decided, 0.5))} / " + beside(percentile(decided, 0.99), ACCEPTED_P99_MS),
        f"{outcome.refused_share:.0%}",
        beside(percentile(refused, 0.99), REFUSAL_P99_MS, below=True),
        f"{ms(percentile(trips, 0.5))} / "
        + beside(percentile(trips, 0.99), KILL_SWITCH_P99_MS)
        + f" / {ms(max(trips, default=None))}; {outcome.kill_switch_confirmed} of "
        + f"{len(trips) + len(outcome.kill_switch_failures)} confirmed",
        f"{len(found.lost)} / {len(found.refused_but_stored)} / {len(found.doubled)}",
        f"{len(outcome.retried)}: {', '.join(map(str, again)) or '-'}",
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| server | clients | answers/s | decided/s | decided p50 / p99 ms | refused | "
    "refusal p99 ms | kill switch p50 / p99 / max ms | lost / refused but stored / doubled | "
    "refused sent again: statuses |"
)


def report(outcomes: list[Outcome], store: Store, connections: int) -> None:
    print(
        f"POST /api/v1/orders, wrk (1 thread) x {connections} connections over 4 accounts, "
        f"one worker, store {store.kind} ({store.about}), {machine()}"
    )
    print(f"  note: the server, wrk and the probe share these {cores()} cores (and whatever else")
    print("  runs on them); the kill switch's round trip includes the passcode's Argon2 check;")
    print(f"  latencies are of requests sent after the first {OPENING_S:g} s (the connections'")
    print("  opening burst); a hammer client's include the Retry-After it was held to")
    print(HEADER)
    print("| " + " | ".join(["---"] * 10) + " |")
    for outcome in outcomes:
        print(row(outcome))
    for outcome in outcomes:
        if outcome.kill_switch_failures:
            print(f"  {outcome.server}/{outcome.clients}: {outcome.kill_switch_failures[0]}")
        if outcome.audit.other:
            print(
                f"  {outcome.server}/{outcome.clients}: {outcome.audit.other} answers neither "
                "decided nor 503"
            )


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_overload", description=__doc__
    )
    parser.add_argument("seconds", nargs="?", type=float, default=5.0, help="per run (5)")
    parser.add_argument("--store", choices=["memory", "sqlite"], default="memory")
    parser.add_argument("--connections", type=int, default=1000, help="wrk's connections (1000)")
    parser.add_argument(
        "--max-wait-ms", type=int, default=500, help="BULWARK_ADMISSION_MAX_WAIT_MS (500)"
    )
    parser.add_argument("--clients", choices=[*CLIENTS, "both"], default="both")
    parser.add_argument(
        "--compare", action="store_true", help="a server with admission off too, same run"
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 s, polite, 300 conns")
    args = parser.parse_args(argv)
    if args.max_wait_ms < 1:
        parser.error("--max-wait-ms: at least 1 (--compare adds the server with admission off)")
    if args.quick:
        args.seconds, args.clients, args.connections = 2.0, "polite", 300
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    missing = wrk.ensure_wrk()
    if missing is not None:
        sys.exit(missing.replace("bench_http", "bench_overload"))
    kinds = list(CLIENTS) if args.clients == "both" else [args.clients]
    bounds = [args.max_wait_ms, *([0] if args.compare else [])]
    outcomes: list[Outcome] = []
    stores: list[Store] = []
    for bound in bounds:  # a store of its own for each server
        name = f"bound {bound} ms" if bound else "admission off"
        with provisioned(args.store) as store, contextlib.ExitStack() as stack:
            stores.append(store)
            try:
                world = stack.enter_context(served(store.url, bound))
            except RuntimeError as exc:
                sys.exit(f"bench_overload: {exc}")
            warm(world)
            for clients in kinds:
                outcomes.append(one(world, name, clients, args.connections, args.seconds))
                time.sleep(1)  # the last refused clients' Retry-After runs out
    report(outcomes, stores[0], args.connections)


if __name__ == "__main__":
    main()
