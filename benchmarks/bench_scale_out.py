"""Scale-out on one many-core machine: `bulwark consume` processes and `bulwark serve` workers.

The curve docs/scaling.md leaves for a machine with the cores ("Scale-out on 16 cores"); on a
lent machine scripts/device-scaling.sh runs it from the device kit. Two parts, each row printed
as soon as it is measured, with where the cores went meanwhile (/proc, CPU seconds over the
timed window per part: the processes under test, PostgreSQL, the broker, Redis, the load):

1. consume: for each group size (`--members`, 1,2,4,8), a fresh deployment as bench_kafka's
   (`--accounts` agents on PostgreSQL, prices published to Redis, topics of `--partitions`
   partitions keyed by account); `--per-process` x size orders are produced first, then the
   group starts; timed from the moment every member owns its partitions (decisions made
   while the group formed are left out) until the last decision is read back. The figure is
   the orders decided per second, approved and filled among them.
2. serve: for each worker count (`--workers`, 1,2,4), bench_serve_workers' run: `bulwark serve
   --demo` with BULWARK_WORKERS=n on PostgreSQL, wrk with 64 connections over 16 paper accounts,
   `--seconds` after a one-second warm-up. `--order-path` serves the order path's contexts
   alone (tools/device_kit.py ORDER_PATH_SETTINGS: the kit does not carry the rest).

`--budget-s` bounds the whole run: a row that would not fit is skipped with a line saying so.
Run: `.venv/bin/python -m benchmarks.bench_scale_out [--members 1,2] [--workers 1,2]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from adapters.kafka.client import KafkaConfig, make_producer
from benchmarks import wrk
from benchmarks.bench_kafka import CASH, denials
from benchmarks.bench_serve_workers import ACCOUNTS, open_accounts, serve, signing_key
from benchmarks.bench_store import Store, provisioned
from benchmarks.http_driver import CONNECTIONS, free_port, login, machine, request, wait_ready
from benchmarks.kafka_load import DecisionReader, Orders, process_cpu_s, produce
from benchmarks.kafka_processes import deployment, members
from bootstrap.logging import configure_logging
from tests.integration.kafka.records import started
from tests.integration.kafka_server import resolve_kafka
from tests.integration.servers import resolve_redis

# --- where the cores went ---------------------------------------------------------------------


@dataclass(frozen=True)
class Proc:
    ppid: int
    command: str  # the program's name and its arguments, space-separated
    cpu_s: float


def processes() -> dict[int, Proc]:
    """Every process this one can see (Linux /proc), with its CPU seconds so far."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        with contextlib.suppress(OSError, IndexError, ValueError):
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cpu = process_cpu_s(pid)
            if cpu is not None:
                command = " ".join(a.decode(errors="replace") for a in argv if a)
                found[pid] = Proc(ppid, command, cpu)
    return found


def children_cpu_s() -> float:
    """CPU seconds of this process's children that have exited and been waited for."""
    times = os.times()
    return times.children_user + times.children_system


def descendants(root: int, procs: dict[int, Proc]) -> set[int]:
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, p in procs.items() if p.ppid == parent and pid not in found]
        found.update(children)
        frontier += children
    return found


def part(pid: int, proc: Proc, tested: set[int]) -> str | None:
    program = Path(proc.command.split(" ", 1)[0]).name if proc.command else ""
    if pid in tested:
        return "tested"
    if program == "postgres" or proc.command.startswith("postgres:"):
        return "postgres"
    if program == "tansu":
        return "broker"
    if program.startswith("redis"):
        return "redis"
    if program == "wrk" or pid == os.getpid():
        return "load"
    return None


def cores_busy(
    before: dict[int, Proc], after: dict[int, Proc], seconds: float, tested: set[int]
) -> dict[str, float]:
    """Cores each part kept busy between the two snapshots (this process and what it started,
    a process started in the window counted from nothing)."""
    busy: dict[str, float] = {}
    ours = descendants(os.getpid(), after)
    for pid, late in after.items():
        if pid not in ours:
            continue
        early = before.get(pid)  # None: started in the window (wrk), counted from 0
        name = part(pid, late, tested)
        if name is None or seconds <= 0:
            continue
        busy[name] = busy.get(name, 0.0) + (late.cpu_s - (early.cpu_s if early else 0)) / seconds
    return busy


def busy_line(busy: dict[str, float], tested: str, count: int) -> str:
    order = [("tested", f"{tested} ({count})"), ("postgres", "PostgreSQL"),
             ("broker", "broker"), ("redis", "Redis"), ("load", "load generator")]  # fmt: skip
    return ", ".join(f"{label} {busy[key]:.1f}" for key, label in order if key in busy)


# --- part 1: consume processes ----------------------------------------------------------------


@dataclass(frozen=True)
class GroupRun:
    size: int
    decided: int  # read back in the timed window
    seconds: float
    approved: int
    filled: int
    wanted: int
    busy: dict[str, float]
    denied: str

    @property
    def per_s(self) -> float:
        return self.decided / self.seconds if self.seconds > 0 else 0.0


async def group_run(
    config: KafkaConfig, store_url: str, redis_url: str, size: int, args: argparse.Namespace
) -> GroupRun:
    n = args.per_process * size
    async with deployment(
        config, store_url, redis_url, args.accounts, args.partitions, CASH
    ) as deploy:
        orders = Orders(deploy.traders)
        records = [orders.next("bulk") for _ in range(n)]
        async with DecisionReader(config, deploy.decisions_topic) as reader:
            async with started(make_producer(config, idempotent=False)) as producer:
                await produce(producer, deploy.orders_topic, records)
            async with members(deploy, size) as group:
                began, before = time.perf_counter(), processes()
                done_before = reader.count
                approved_before, filled_before = reader.approved, reader.filled
                await reader.until(lambda: reader.count >= n, 15.0, began + args.max_run_s)
                ended = reader.last_at if reader.last_at > began else time.perf_counter()
                after = processes()
                tested: set[int] = set()
                for member in group:
                    tested |= descendants(member.proc.pid, after)
    return GroupRun(
        size,
        reader.count - done_before,
        ended - began,
        reader.approved - approved_before,
        reader.filled - filled_before,
        n,
        cores_busy(before, after, ended - began, tested),
        denials(reader.reasons),
    )


def consume_curve(
    args: argparse.Namespace,
    bootstrap: str,
    store: Store,
    redis_url: str,
    left: Callable[[], float],
) -> None:
    config = KafkaConfig(bootstrap, client_id="bench-scale-out", request_timeout_ms=30_000)
    print(f"\n`bulwark consume` processes, one group, {args.partitions} partitions, "
          f"{args.accounts} accounts, {args.per_process:,} orders per process produced first; "
          f"store {store.about}; prices from Redis")  # fmt: skip
    print("| processes | decided/s | x one | approved, filled /s | cores busy: consume, "
          "PostgreSQL, broker, Redis, load |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    one, took = None, 0.0
    for size in args.members:
        if left() < took * 1.5 + 20:
            print(f"| {size} | skipped: {left():.0f} s left of the budget | | | |")
            continue
        began = time.perf_counter()
        try:
            row = asyncio.run(group_run(config, store.url, redis_url, size, args))
        except Exception as exc:  # one row lost, not the curve: the next size still runs
            print(f"| {size} | failed: {type(exc).__name__}: {str(exc)[:200]} | | | |", flush=True)
            took = time.perf_counter() - began
            continue
        took = time.perf_counter() - began
        one = one or row.per_s
        filled = row.filled / row.seconds if row.seconds > 0 else 0.0
        short = "" if row.decided >= row.wanted // 2 else f" ({row.decided:,} of {row.wanted:,})"
        print(f"| {size} | {row.per_s:,.0f}{short} | {row.per_s / one if one else 0:.2f} | "
              f"{row.approved / row.seconds if row.seconds else 0:,.0f}, {filled:,.0f} | "
              f"{busy_line(row.busy, 'consume', size)} |", flush=True)  # fmt: skip
        if row.approved < row.decided:
            print(f"|   | {row.decided - row.approved:,} denied{row.denied} | | | |")


# --- part 2: serve workers --------------------------------------------------------------------


async def refusals(port: int, token: str, accounts: list[str], n: int = 256) -> str:
    """Why orders are refused under the same load: `n` orders, CONNECTIONS at a time, their
    non-2xx answers counted by status and code ("503 OVERLOADED 12, ...")."""
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    seen: Counter[str] = Counter()

    async def one(i: int) -> None:
        body = {"account_id": accounts[i % len(accounts)], "symbol": "AAPL", "quantity": "1"}
        body["side"] = "buy" if i // (len(accounts) * 4) % 2 == 0 else "sell"
        status, answer = await request(port, "POST", "/api/v1/orders", json.dumps(body).encode(),
                                       headers)  # fmt: skip
        if status >= 300:
            with contextlib.suppress(ValueError, AttributeError):
                problem = json.loads(answer)
                detail = str(problem.get("detail", ""))
                code = problem.get("code", "")
                if code == "ORDER_DENIED" and detail.startswith("denied: "):
                    code = detail.removeprefix("denied: ")
                seen[f"{status} {code}"] += 1
                return
            seen[str(status)] += 1

    for start in range(0, n, CONNECTIONS):
        await asyncio.gather(*(one(i) for i in range(start, min(n, start + CONNECTIONS))))
    return ", ".join(f"{what} {count}" for what, count in seen.most_common(4))


def serve_row(
    url: str, workers: int, args: argparse.Namespace, folder: Path, key: Path, accounts: list[str]
) -> tuple[wrk.Run, dict[str, float], str]:
    port = free_port()
    log = folder / f"serve-{workers}.log"
    proc = serve(url, workers, port, key, log)
    try:
        asyncio.run(wait_ready(port, "/ready", 120, proc))
        token = asyncio.run(login(port))
        if not accounts:
            accounts += asyncio.run(open_accounts(port, token, ACCOUNTS))
        wrk.run(port, accounts, token=token, connections=CONNECTIONS, seconds=1)
        before, reaped = processes(), children_cpu_s()
        run = wrk.run(port, accounts, token=token, connections=CONNECTIONS, seconds=args.seconds)
        after, wrk_s = processes(), children_cpu_s() - reaped  # wrk has exited: reaped
        busy = cores_busy(before, after, run.seconds, descendants(proc.pid, after))
        busy["load"] = busy.get("load", 0.0) + wrk_s / run.seconds if run.seconds else 0.0
        why = asyncio.run(refusals(port, token, accounts)) if run.non_2xx else ""
        return run, busy, why
    except Exception as exc:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        raise RuntimeError(f"{workers} workers: {exc}\n" + "\n".join(tail)) from exc
    finally:
        proc.terminate()
        proc.wait(30)


def serve_curve(args: argparse.Namespace, store: Store, left: Callable[[], float]) -> None:
    print(f"\n`bulwark serve --demo` workers on one port, POST /api/v1/orders, wrk {CONNECTIONS} "
          f"connections over {ACCOUNTS} paper accounts, {args.seconds:g} s a run; store "
          f"{store.about}")  # fmt: skip
    print("| workers | orders/s | x one | p50 ms | p99 ms | approved (non-2xx) | cores busy: "
          "workers, PostgreSQL, wrk |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |")
    first, took, accounts = None, 0.0, []
    with tempfile.TemporaryDirectory() as tmp:
        key = signing_key(Path(tmp))
        for workers in args.workers:
            if left() < took * 1.5 + 15:
                print(f"| {workers} | skipped: {left():.0f} s left of the budget | | | | | |")
                continue
            began = time.perf_counter()
            try:
                run, busy, why = serve_row(store.url, workers, args, Path(tmp), key, accounts)
            except Exception as exc:  # one row lost, not the curve
                print(f"| {workers} | failed: {' / '.join(str(exc).splitlines()[:4])[:300]} "
                      "| | | | | |", flush=True)  # fmt: skip
                took = time.perf_counter() - began
                continue
            took = time.perf_counter() - began
            first = first or run.ok_per_s
            approved = 1 - run.non_2xx / run.requests if run.requests else 0.0
            print(f"| {workers} | {run.ok_per_s:,.0f} | {run.ok_per_s / first if first else 0:.2f}"
                  f" | {run.p50_ms:.2f} | {run.p99_ms:.2f} | {approved:.1%} ({run.non_2xx:,}) | "
                  f"{busy_line(busy, 'workers', workers)} |", flush=True)  # fmt: skip
            if why:
                print(
                    f"|   | refused, 256 orders sent the same way after the run: {why} | | | | | |"
                )


# --- the run ----------------------------------------------------------------------------------


def counts(text: str, flag: str, parser: argparse.ArgumentParser) -> list[int]:
    try:
        found = [int(n) for n in text.split(",") if n.strip()]
    except ValueError:
        parser.error(f"{flag}: comma-separated counts, e.g. 1,2,4")
    if any(n < 1 for n in found):
        parser.error(f"{flag}: counts of at least 1")
    return found


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scale_out",
                                     description=__doc__.split("\n", 1)[0])  # fmt: skip
    parser.add_argument("--members", default="1,2,4,8", help="consume processes per run ('' none)")
    parser.add_argument("--workers", default="1,2,4", help="serve workers per run ('' none)")
    parser.add_argument("--partitions", type=int, default=16, help="per topic (16)")
    parser.add_argument("--accounts", type=int, default=64, help="agents' accounts (64)")
    parser.add_argument("--per-process", type=int, default=8_000, help="orders per process")
    parser.add_argument("--seconds", type=float, default=8.0, help="wrk's timed run (8)")
    parser.add_argument("--max-run-s", type=float, default=90.0, help="cap on one group's run")
    parser.add_argument("--pg-fast", action="store_true", help="PostgreSQL with fsync off")
    parser.add_argument("--budget-s", type=float, default=360.0, help="the whole run (360)")
    parser.add_argument(
        "--order-path", action="store_true",
        help="serve the order path's contexts alone (the device kit's settings)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    args.members = counts(args.members, "--members", parser)
    args.workers = counts(args.workers, "--workers", parser)
    if args.partitions < max(args.members, default=1):
        parser.error("--partitions: at least as many as the most consume processes")
    return args


@contextlib.contextmanager
def broker_and_redis() -> Iterator[tuple[str, str]]:
    """The Kafka-protocol broker and Redis, as the tests resolve them (stopped after)."""
    broker = resolve_kafka()
    try:
        redis = resolve_redis()
        try:
            yield broker.url, redis.url
        finally:
            redis.stop()
    finally:
        broker.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    began = time.perf_counter()

    def left() -> float:
        return args.budget_s - (time.perf_counter() - began)

    if args.workers and (missing := wrk.ensure_wrk()) is not None:
        print(missing, file=sys.stderr)
        return 2
    configure_logging("warning", "json")
    if args.order_path:
        from tools.device_kit import ORDER_PATH_SETTINGS

        os.environ.update(ORDER_PATH_SETTINGS)
    print(f"Scale-out, {machine()}, {os.cpu_count()} CPUs seen; budget {args.budget_s:.0f} s")
    if args.members:
        with (
            broker_and_redis() as (bootstrap, redis_url),
            provisioned("postgres", None, args.pg_fast) as store,
        ):
            consume_curve(args, bootstrap, store, redis_url, left)
    if args.workers:
        with provisioned("postgres", None, args.pg_fast) as store:
            serve_curve(args, store, left)
    print(f"\nran {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
