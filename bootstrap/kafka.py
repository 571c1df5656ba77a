"""Bulwark's Kafka side in one process: producer, events out, emergency listener, consumers.

`KafkaLink` is built with the container and started as one of its resources when
BULWARK_KAFKA_BOOTSTRAP is set. Every process (serve or consume) publishes events and
listens to the emergency topic under a consumer group of its own, so a halt broadcast
reaches every instance; `bulwark consume` also runs the command consumers.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

import msgspec
import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError
from aiokafka.structs import ConsumerRecord

from adapters.eventcodec import EventCodec
from adapters.kafka.batch_send import BatchSender
from adapters.kafka.client import make_producer
from adapters.kafka.dispatcher import CommandDispatcher, CommandServices
from adapters.kafka.envelope import DecisionCodec, EnvelopeCodec, OrderDecisionMessage
from adapters.kafka.lag import KafkaLagSource
from adapters.kafka.publisher import EventDocument, KafkaEventPublisher, decode_event
from adapters.kafka.quiet import OncePerInterval
from adapters.kafka.rebalance import DeferredRebalance
from adapters.kafka.runtime import Batched, ConsumerRuntime, Poison
from adapters.kafka.topics import ensure_topics
from adapters.memory.bus import InProcessEventBus
from adapters.memory.clock import SystemClock
from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from adapters.wire.json_limits import JsonLimits
from application.market_data.stream_monitor import StreamMonitorService
from application.safety.killswitch import KillSwitchService
from application.trading.policies import PolicyCache
from bootstrap.cli_preflight import kafka_refusal
from bootstrap.early_join import (
    EarlyMember,
    KafkaRefused,
    command_topics,
    kafka_config,
    member_consumer,
    topics_of,
)
from bootstrap.settings import Settings
from domain.errors import ConcurrentUpdate, NotFound, StoreUnavailable
from domain.events import DomainEvent
from domain.killswitch.switch import EmergencyHalt
from domain.monitoring.streams import StreamThresholds
from ports.core.clock import Clock
from ports.core.events import EventPublisher, Notifier

log = structlog.get_logger("bulwark.kafka")

HubPublish = Callable[[DomainEvent], Awaitable[None]]


class KafkaNotReady(RuntimeError):
    """An event was published before the producer started (or after it stopped)."""


class RuntimeSupervisor:
    """The consumer runtimes of this process, by group (the monitor's ConsumerSupervisor)."""

    def __init__(self) -> None:
        self.runtimes: dict[str, list[ConsumerRuntime]] = {}

    def add(self, runtime: ConsumerRuntime) -> None:
        self.runtimes.setdefault(runtime.group_id, []).append(runtime)

    def groups(self) -> Sequence[str]:
        return sorted(self.runtimes)

    async def restart(self, group: str) -> None:
        runtimes = self.runtimes.get(group)
        if not runtimes:
            raise NotFound(f"consumer group {group} is not run by this process")
        for runtime in runtimes:
            await runtime.restart()

    async def stop(self) -> None:
        await asyncio.gather(*(r.stop() for rs in self.runtimes.values() for r in rs))


class KafkaLink:
    """Producer, event publisher, emergency listener, stream monitor and command consumers."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        notifier: Notifier,
        bus: InProcessEventBus,
        policies: PolicyCache,
        *,
        tracing: MessageTracing = NO_MESSAGE_TRACING,
    ) -> None:
        self.settings = settings
        self.tracing = tracing  # trace context in record headers (adapters/tracing/messages.py)
        self.config = kafka_config(settings)
        self.topics = topics_of(settings)
        # Every record this process decodes is capped first, like an HTTP body.
        self.limits = JsonLimits(
            max_bytes=settings.http.max_body_bytes,
            max_depth=settings.http.json_max_depth,
            max_string_bytes=settings.http.json_max_string_bytes,
        )
        self.instance = settings.kafka.instance_id or f"bulwark-{uuid.uuid4().hex[:12]}"
        self._clock = clock
        self._bus = bus
        self._policies = policies
        self._killswitch: Callable[[], KillSwitchService] | None = None
        self._hub_publish: HubPublish | None = None
        self._codec = EventCodec()
        self._decisions = DecisionCodec()
        self.producer: AIOKafkaProducer | None = None
        self.batches: BatchSender | None = None  # over the producer, while it runs
        self.events: KafkaEventPublisher | None = None
        self.supervisor = RuntimeSupervisor()
        self.lag = KafkaLagSource(
            self.config,
            topics={
                settings.kafka.group_id: (
                    self.topics.orders,
                    self.topics.control,
                    self.topics.heartbeats,
                )
            },
        )
        self.monitor = StreamMonitorService(
            self.lag,
            self.supervisor,
            bus,
            notifier,
            # Wall time, always: latencies are measured from the records' wall-clock stamps.
            SystemClock(),
            StreamThresholds(settings.kafka.latency_alert_ms, settings.kafka.lag_alert),
            watch=(settings.kafka.group_id,),
        )
        self.remote_halts = 0
        # Made already (by `bulwark consume`'s early join): start() does not make them again.
        self.topics_made = False

    # -- lifecycle ----------------------------------------------------------------------------
    def bind(self, killswitch: Callable[[], KillSwitchService], hub_publish: HubPublish) -> None:
        """What the emergency listener needs (built after the link: they publish through it)."""
        self._killswitch, self._hub_publish = killswitch, hub_publish

    async def start(self) -> None:
        if self.settings.kafka.create_topics and not self.topics_made:
            await ensure_topics(self.config, self.topics, self.settings.kafka.partitions)
        producer = make_producer(
            self.config,
            idempotent=self.settings.kafka.idempotent_producer,
            linger_ms=self.settings.kafka.linger_ms,
        )
        await producer.start()
        self.producer = producer
        self.batches = BatchSender(producer)
        self.events = KafkaEventPublisher(
            producer,
            self.topics,
            self.instance,
            self._codec,
            emergency_timeout=self.settings.kafka.emergency_timeout_ms / 1000,
            tracing=self.tracing,
        )
        # Every instance reads every broadcast: no group to share it in, so none to join.
        emergency = self._runtime(
            f"bulwark-emergency-{self.instance}",
            [self.topics.emergency],
            self._on_emergency,
            offset_reset="latest",
            without_group=True,
        )
        await emergency.start()
        await self._listening(emergency)
        log.info("kafka.started", instance=self.instance, bootstrap=self.settings.kafka.bootstrap)

    async def _listening(self, emergency: ConsumerRuntime) -> None:
        """Wait (a bounded while) until the emergency listener holds its partitions.

        It starts from the latest offset, so a halt broadcast before it has a position
        would pass it by; an instance should not report itself started before that.
        """
        for _ in range(self.settings.kafka.session_timeout_ms // 50):
            if emergency.assignment:
                return
            await asyncio.sleep(0.05)
        if not emergency.assignment:
            log.warning("kafka.emergency_listener_not_assigned_yet", instance=self.instance)

    async def stop(self) -> None:
        await self.supervisor.stop()
        producer, self.producer, self.events, self.batches = self.producer, None, None, None
        if producer is not None:
            await producer.stop()
        await self.lag.close()

    async def brokers_probe(self) -> tuple[bool, dict[str, Any]]:
        """/ready: the brokers answer a metadata request (seen down within the probe's wait)."""
        producer = self.producer
        if producer is None:
            return False, {"error": "the producer is not running"}
        try:
            metadata = await producer.client.fetch_all_metadata()
        except Exception as exc:
            return False, {"error": type(exc).__name__}
        return True, {"brokers": len(metadata.brokers())}

    async def probe(self) -> tuple[bool, dict[str, Any]]:
        """/ready: the producer runs and this instance hears emergency broadcasts."""
        listening = [r.running for rs in self.supervisor.runtimes.values() for r in rs]
        ok = self.producer is not None and bool(listening) and all(listening)
        return ok, {"instance": self.instance, "consumers": len(listening)}

    # -- events out ---------------------------------------------------------------------------
    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if self.events is None:
            raise KafkaNotReady("the Kafka producer is not running")
        await self.events.publish(events)

    async def publish_decisions(
        self, decisions: Sequence[tuple[OrderDecisionMessage, list[tuple[str, bytes]]]]
    ) -> None:
        """The decisions sent together (a batch per partition), every one acknowledged."""
        if self.batches is None:
            raise KafkaNotReady("the Kafka producer is not running")
        codec = self._decisions
        await self.batches.send(
            self.topics.decisions,
            [(codec.key_of(m), codec.encode(m), headers) for m, headers in decisions],
        )

    # -- consumers ----------------------------------------------------------------------------
    async def start_command_consumers(
        self,
        services: CommandServices,
        on_accounts_released: Callable[[], None] | None = None,
        early: EarlyMember | None = None,
    ) -> CommandDispatcher:
        """`bulwark consume`: one group member over the order, control and heartbeat topics.

        `on_accounts_released` is called when the member gives partitions up (a rebalance, a
        stop): the accounts keyed to them may be decided elsewhere until they come back.
        `early`: the member's consumer, started (and joining) before the rest was loaded.
        """
        dispatcher = CommandDispatcher(
            services,
            self.publish_decisions,
            self._clock.now,
            codec=EnvelopeCodec(self.limits),
            tracing=self.tracing,
        )
        runtime = self._runtime(
            self.settings.kafka.group_id,
            command_topics(self.settings),
            Batched(dispatcher.handle_batch),
            on_accounts_released=on_accounts_released,
            adopt=early.take() if early is not None else None,
        )
        await runtime.start()
        return dispatcher

    async def start_event_consumer(
        self,
        group: str,
        handler: Callable[[DomainEvent], Awaitable[None]],
        types: frozenset[str],
    ) -> ConsumerRuntime:
        """A group member over the events topic handing the events named in `types` to
        `handler` (the strategy processor's signals); other types are passed over unread (one
        this version does not know included), an unreadable record goes to the DLQ."""

        async def on_record(record: ConsumerRecord) -> None:
            try:
                self.limits.check(record.value or b"")
                document = msgspec.json.decode(record.value or b"", type=EventDocument)
                if document.type not in types:
                    return
                event = self._codec.decode(document.type, document.event)
            except Exception as exc:
                raise Poison("INVALID_EVENT", type(exc).__name__) from None
            with self.tracing.consuming(f"kafka.consume {document.type}", record.headers, topic):
                await handler(event)

        topic = self.topics.events
        runtime = self._runtime(group, [topic], on_record)
        await runtime.start()
        return runtime

    def _runtime(
        self,
        group: str,
        topics: list[str],
        handler: Callable[[ConsumerRecord], Awaitable[None]] | Batched,
        *,
        offset_reset: Any = "earliest",
        on_accounts_released: Callable[[], None] | None = None,
        without_group: bool = False,
        adopt: tuple[AIOKafkaConsumer, DeferredRebalance] | None = None,
    ) -> ConsumerRuntime:
        if self.producer is None:
            raise KafkaNotReady("the Kafka producer is not running")
        runtime = ConsumerRuntime(
            group,
            topics,
            handler,
            lambda: member_consumer(self.settings, None if without_group else group, offset_reset),
            self.producer,
            self.topics.dlq,
            transient=(StoreUnavailable, ConcurrentUpdate, KafkaNotReady),
            # While the brokers are away: tries at most this far apart, one line per interval.
            backoff=(0.05, self.settings.kafka.retry_seconds),
            observe=self.monitor.observe,
            on_accounts_released=on_accounts_released,
            without_group=without_group,
            adopt=adopt,
        )
        self.supervisor.add(runtime)
        return runtime

    async def _on_emergency(self, record: ConsumerRecord) -> None:
        try:
            self.limits.check(record.value or b"")
            sender, event = decode_event(self._codec, record.value or b"")
        except Exception as exc:
            raise Poison("INVALID_EMERGENCY", type(exc).__name__) from None
        if sender == self.instance or not isinstance(event, EmergencyHalt):
            return
        self.remote_halts += 1
        log.warning("kafka.remote_halt", scope=event.scope_key, sender=sender)
        self._policies.invalidate(local=True)
        if self._hub_publish is not None:
            await self._hub_publish(event)
        if self._killswitch is not None:
            name = "kafka.consume emergency_halt"
            with self.tracing.consuming(name, record.headers, self.topics.emergency):
                await self._killswitch().follow_remote_halt(event)


class FanoutPublisher:
    """The bus first (this instance's listeners), then Kafka.

    `strict` (the outbox relay's publisher) lets a Kafka failure through so the rows stay
    for the next attempt; otherwise it is logged, since the state change is already made.
    """

    def __init__(self, bus: EventPublisher, kafka: KafkaLink, *, strict: bool) -> None:
        self._bus = bus
        self._kafka = kafka
        self._strict = strict
        # Brokers away: one line per retry interval, however many events went unsent.
        self._told = OncePerInterval(kafka.settings.kafka.retry_seconds)

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if not events:
            return
        await self._bus.publish(events)
        try:
            await self._kafka.publish(events)
        except Exception as exc:
            if self._strict:
                raise
            held = self._told.let_through()
            if held is not None:
                log.error(
                    "kafka.events_not_sent", error=type(exc).__name__, events=len(events),
                    left_out=held,
                )  # fmt: skip


async def kafka_lifetime(
    link: KafkaLink | None, killswitch: Callable[[], KillSwitchService], hub_publish: HubPublish
) -> AsyncIterator[KafkaLink | None]:
    """Starts the link with the app (or consumer) and stops it at shutdown."""
    if link is None:
        yield None
        return
    link.bind(killswitch, hub_publish)
    try:
        await link.start()
    except (KafkaError, OSError, TimeoutError) as exc:
        # The brokers answered the preflight and are gone now: the preflight's one line, the
        # same refusal (serve, consume and surveil each end on it), never a traceback.
        with contextlib.suppress(Exception):
            await link.stop()
        kafka = link.settings.kafka
        raise KafkaRefused(
            kafka_refusal(kafka.bootstrap or "", exc, kafka.request_timeout_ms / 1000)
        ) from None
    monitor = asyncio.create_task(_monitor(link))
    try:
        yield link
    finally:
        monitor.cancel()
        await asyncio.gather(monitor, return_exceptions=True)
        await link.stop()


async def _monitor(link: KafkaLink) -> None:
    stop = asyncio.Event()
    await link.monitor.run(link.settings.kafka.monitor_seconds, stop)
