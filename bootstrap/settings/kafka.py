"""Kafka: the brokers, topic names, consumers, timeouts, the stream monitor's alerts."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Section


class KafkaSettings(Section, frozen=True, kw_only=True):
    """Kafka: topics, the command consumers, timeouts and the stream monitor's alerts."""

    env_prefix: ClassVar[str] = "kafka_"

    bootstrap: str | None = None
    client_id: str = "bulwark"
    # Empty: a fresh id per process (each instance reads every emergency broadcast).
    instance_id: str = ""
    group_id: str = "bulwark-commands"
    topic_orders: str = "bulwark.commands.orders"
    topic_control: str = "bulwark.commands.control"
    topic_heartbeats: str = "bulwark.heartbeats"
    topic_decisions: str = "bulwark.order-decisions"
    topic_events: str = "bulwark.events"
    topic_emergency: str = "bulwark.emergency"
    topic_dlq: str = "bulwark.dlq"
    partitions: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 6
    create_topics: bool = True
    # Off only for brokers without InitProducerId (the Tansu test broker); Apache Kafka has it.
    idempotent_producer: bool = True
    # A dead member's partitions move after this; 6000 is Apache Kafka's default minimum.
    session_timeout_ms: Annotated[int, msgspec.Meta(ge=1000, le=300_000)] = 6_000
    # Latency of the command path. The longest a fetch waits at the broker when nothing new
    # has arrived: Apache Kafka answers as soon as fetch_min_bytes are there, a broker without
    # that wake-up (Tansu) only after the wait, so short; linger: how long the producer
    # (decisions, events, dead letters) holds a record to batch it with the next ones.
    fetch_max_wait_ms: Annotated[int, msgspec.Meta(ge=0, le=10_000)] = 5
    fetch_min_bytes: Annotated[int, msgspec.Meta(ge=1, le=10_000_000)] = 1
    linger_ms: Annotated[int, msgspec.Meta(ge=0, le=1_000)] = 0
    request_timeout_ms: Annotated[int, msgspec.Meta(ge=100, le=300_000)] = 10_000
    emergency_timeout_ms: Annotated[int, msgspec.Meta(ge=10, le=10_000)] = 250
    latency_alert_ms: Annotated[float, msgspec.Meta(gt=0)] = 200.0
    lag_alert: Annotated[int, msgspec.Meta(ge=1)] = 2000
    monitor_seconds: Seconds = 5.0
    # While the brokers cannot be reached: the longest Bulwark's consumers wait between two
    # tries, and how often the log says so (one line per interval, the Kafka client's own
    # lines folded into it, never a traceback).
    retry_seconds: Annotated[float, msgspec.Meta(ge=0.1, le=300)] = 5.0
