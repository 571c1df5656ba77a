"""Bulwark's topic names, and creating them idempotently before consumers and producers start."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from adapters.kafka.client import KafkaConfig, make_admin

DEFAULT_PARTITIONS = 3
READY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Topics:
    """The name of every topic Bulwark reads or writes; configurable, defaults as documented."""

    orders: str = "bulwark.commands.orders"
    control: str = "bulwark.commands.control"
    heartbeats: str = "bulwark.heartbeats"
    decisions: str = "bulwark.order-decisions"
    events: str = "bulwark.events"
    emergency: str = "bulwark.emergency"
    dlq: str = "bulwark.dlq"

    def with_prefix(self, prefix: str) -> Topics:
        """The same topics under `prefix` (tests give each run topics of its own)."""
        return Topics(**{f.name: prefix + getattr(self, f.name) for f in fields(self)})

    def all(self) -> tuple[str, ...]:
        """Every topic name, in declaration order."""
        return tuple(getattr(self, f.name) for f in fields(self))


class TopicSetupError(RuntimeError):
    """The broker refused to create a topic, or did not list it in time."""


async def ensure_topics(
    config: KafkaConfig,
    topics: Topics | Iterable[str],
    partitions: int | Mapping[str, int] = DEFAULT_PARTITIONS,
    replication: int = 1,
    *,
    ready_timeout_s: float = READY_TIMEOUT_S,
) -> None:
    """Create the topics that do not exist yet, then wait until metadata lists them all.

    Idempotent: a topic that already exists is left as it is (its partition count is not
    changed). `partitions` is one count for all, or a count per topic name (default 3).
    """
    names = list(dict.fromkeys(topics.all() if isinstance(topics, Topics) else topics))
    counts = {
        name: partitions.get(name, DEFAULT_PARTITIONS)
        if isinstance(partitions, Mapping)
        else partitions
        for name in names
    }
    # Some brokers (Tansu) accept these and then never list a leader: refuse them here.
    if bad := sorted(name for name, n in counts.items() if n < 1):
        raise ValueError(f"a topic needs at least one partition: {bad}")
    if replication < 1:
        raise ValueError(f"replication must be at least 1, not {replication}")
    if not names:
        return

    admin = make_admin(config)
    await admin.start()
    try:
        new = [NewTopic(name, counts[name], replication) for name in names]
        response = await admin.create_topics(new, timeout_ms=config.request_timeout_ms)
        check_created(response.topic_errors)
        await _wait_until_listed(admin, names, ready_timeout_s)
    finally:
        await admin.close()


def check_created(topic_errors: Iterable[Any]) -> None:
    """Raise TopicSetupError naming each topic a CreateTopics response refused, bar existing ones.

    Each entry is (topic, error_code) or (topic, error_code, error_message), by version.
    """
    refused = []
    for error in topic_errors:
        topic, code = error[0], error[1]
        message = error[2] if len(error) > 2 else None
        if code and for_code(code) is not TopicAlreadyExistsError:
            refused.append(f"{topic}: {for_code(code).__name__} ({message or code})")
    if refused:
        raise TopicSetupError("the broker refused to create " + "; ".join(refused))


def _ready(topic: Mapping[str, Any]) -> bool:
    parts = topic.get("partitions") or []
    return topic.get("error_code") == 0 and bool(parts) and all(p["leader"] >= 0 for p in parts)


async def _wait_until_listed(
    admin: AIOKafkaAdminClient, names: list[str], timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        described = await admin.describe_topics(names)
        missing = set(names) - {t["topic"] for t in described if _ready(t)}
        if not missing:
            return
        if time.monotonic() > deadline:
            raise TopicSetupError(f"metadata does not list {sorted(missing)} yet")
        await asyncio.sleep(0.05)
