"""aiokafka producers, consumers and admin clients from one KafkaConfig; the caller starts them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.consumer.group_coordinator import GroupCoordinator

OffsetReset = Literal["earliest", "latest", "none"]


@dataclass(frozen=True)
class KafkaConfig:
    """Where the brokers are and how long one request to them may take."""

    bootstrap: str  # "host:port", or several separated by commas
    client_id: str = "bulwark"
    request_timeout_ms: int = 30_000
    retry_backoff_ms: int = 100
    metadata_max_age_ms: int = 300_000

    def __post_init__(self) -> None:
        if not self.servers:
            raise ValueError("KafkaConfig.bootstrap names no broker")

    @property
    def servers(self) -> list[str]:
        """The bootstrap addresses, one per broker."""
        return [part.strip() for part in self.bootstrap.split(",") if part.strip()]

    def connection(self) -> dict[str, Any]:
        """The settings every aiokafka client takes from this config: brokers, client id,
        request timeout, retry backoff and metadata age."""
        return {
            "bootstrap_servers": self.servers,
            "client_id": self.client_id,
            "request_timeout_ms": self.request_timeout_ms,
            "retry_backoff_ms": self.retry_backoff_ms,
            "metadata_max_age_ms": self.metadata_max_age_ms,
        }


def make_producer(
    config: KafkaConfig,
    *,
    idempotent: bool = True,
    linger_ms: int = 1,
    max_batch_size: int = 64 * 1024,
) -> AIOKafkaProducer:
    """A producer that waits for every in-sync replica; idempotent unless asked otherwise.

    acks="all" with idempotence means a retried send is written once and in order per
    partition. A short linger batches what arrives together without holding a lone record.
    """
    return AIOKafkaProducer(
        **config.connection(),
        acks="all",
        enable_idempotence=idempotent,
        linger_ms=linger_ms,
        max_batch_size=max_batch_size,
        compression_type=None,
    )


def make_consumer(
    config: KafkaConfig,
    group_id: str | None,
    *,
    topics: Sequence[str] = (),
    fetch_max_wait_ms: int = 5,
    fetch_min_bytes: int = 1,
    max_poll_records: int = 500,
    auto_offset_reset: OffsetReset = "earliest",
    session_timeout_ms: int = 10_000,
    heartbeat_interval_ms: int = 3_000,
    max_poll_interval_ms: int = 300_000,
) -> AIOKafkaConsumer:
    """A consumer that never commits on its own: the caller commits once the effect is durable.

    `topics` empty leaves the subscription to the caller (e.g. with a rebalance listener).
    `group_id` None reads without a group (no commits), as a broadcast listener may.
    """
    return GroupMember(
        *topics,
        **config.connection(),
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset=auto_offset_reset,
        fetch_max_wait_ms=fetch_max_wait_ms,
        fetch_min_bytes=fetch_min_bytes,
        max_poll_records=max_poll_records,
        session_timeout_ms=session_timeout_ms,
        heartbeat_interval_ms=heartbeat_interval_ms,
        max_poll_interval_ms=max_poll_interval_ms,
    )


class GroupMember(AIOKafkaConsumer):  # type: ignore[misc]
    """A consumer that leaves its group when stopped, whichever generation it joined.

    aiokafka sends LeaveGroup only from generation 1 on; a broker that counts generations
    from 0 (Tansu) then kept a stopped member until its session ran out, and the member that
    replaced it waited that long to get the partitions (11 s instead of 3 with a 6 s session).
    The request names the group and the member, no generation.
    """

    async def start(self) -> None:
        await super().start()
        coordinator = getattr(self, "_coordinator", None)
        if not isinstance(coordinator, GroupCoordinator):
            return  # no group: nothing to leave
        leave = coordinator._maybe_leave_group

        async def leave_from_generation_zero() -> None:
            if coordinator.generation == 0 and coordinator.member_id:
                coordinator.generation = 1  # what aiokafka checks; the request does not carry it
            await leave()

        coordinator._maybe_leave_group = leave_from_generation_zero


def make_admin(config: KafkaConfig) -> AIOKafkaAdminClient:
    """An admin client (topics, group offsets); the caller awaits start() and close()."""
    return AIOKafkaAdminClient(
        **config.connection(),
    )
