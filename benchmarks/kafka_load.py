"""bench_kafka's load: agents' order commands produced, offered at a rate, decisions read back."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from aiokafka import AIOKafkaProducer

from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.envelope import DecisionCodec, Envelope, EnvelopeCodec, SubmitOrderCommand
from domain.trading.orders import OrderStatus, Side
from tests.integration.kafka.bulwark import Trader

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
    """End to end: the rate, what the gate said, what filled, and what did not come back."""

    rate: Rate
    wanted: int
    approved: int
    reasons: Counter[str]  # of the denials
    dead_letters: int
    last_error: str | None
    filled: int = 0  # approved, sent to the paper broker and filled
    start_s: float = 0.0  # the consumer's start until it owned its partitions
    # CPU seconds Bulwark's process(es) used over the run (None: not measured)
    cpu_s: float | None = None

    @property
    def denied(self) -> int:
        return self.rate.count - self.approved


@dataclass(frozen=True)
class Latency:
    """At an offered rate: what came back, how fast, and whether Bulwark kept up."""

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


def process_cpu_s(pid: int) -> float | None:
    """User and system CPU seconds of process `pid` so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
        self.filled = 0  # approved, sent to the paper broker and filled before the answer
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
                self.filled += decision.status is OrderStatus.FILLED
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
