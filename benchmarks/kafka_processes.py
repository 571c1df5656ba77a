"""bench_kafka's process runs: `bulwark consume` as separate processes, as deployed.

The bench process plays `bulwark serve` and the agents: it seeds the store, publishes the
prices to Redis (the shared quote board; the consume processes follow it) and produces the
commands; one or more `bulwark consume` processes (one consumer group) decide them. Also
where a consumer's start goes: each phase read from the process's own log time stamps.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from adapters.kafka.client import KafkaConfig
from adapters.kafka.topics import ensure_topics
from tests.integration.kafka.bulwark import Trader, seed_trader, settings_for
from tests.integration.kafka.processes import ConsumeProcess, bulwark_consume, store_of

ASSIGNED = "partitions assigned"
REVOKED = "partitions revoked"


@dataclass(frozen=True)
class StartPhases:
    """Where a `bulwark consume` process's start went, in seconds from its exec."""

    imports_s: float  # the interpreter, imports, settings, store preflight, the container
    resources_s: float  # topics, producer, emergency listener (group-less), Redis, store
    consumers_s: float  # schema check, the command consumers started on the joined consumer
    owned_s: float  # the runtime holds its partitions
    joined_s: float | None  # the group's answer (the join started first, during the loading)


def _entries(process: ConsumeProcess) -> list[dict[str, object]]:
    found = []
    for line in process.output().splitlines():
        with contextlib.suppress(ValueError):
            entry = json.loads(line)
            if isinstance(entry, dict):
                found.append(entry)
    return found


def _at(entry: dict[str, object]) -> float:
    return datetime.fromisoformat(str(entry["timestamp"]).replace("Z", "+00:00")).timestamp()


def _commands_group(entry: dict[str, object]) -> bool:
    return "emergency" not in str(entry.get("group", ""))


def start_phases(process: ConsumeProcess, began: float, group: str) -> StartPhases | None:
    """The phases from the log, None until the process owns its partitions."""
    entries = _entries(process)
    joined = next(
        (e for e in entries if str(e.get("event", "")).startswith(f"Joined group '{group}'")),
        None,
    )
    first = next((e for e in entries if "timestamp" in e), None)
    kafka = next((e for e in entries if e.get("event") == "kafka.started"), None)
    started = next((e for e in entries if e.get("event") == "consumers_started"), None)
    owned = next((e for e in entries if e.get("event") == ASSIGNED and _commands_group(e)), None)
    if first is None or kafka is None or started is None or owned is None:
        return None
    return StartPhases(
        _at(first) - began,
        _at(kafka) - began,
        _at(started) - began,
        _at(owned) - began,
        None if joined is None else _at(joined) - began,
    )


def owned_partitions(process: ConsumeProcess, topic: str) -> set[str] | None:
    """The member's current orders partitions; None while a revocation awaits its answer.
    Only the command consumers' group counts (named by `consumers_started`): the process's
    other groups (the strategies' signals) assign and revoke partitions of their own."""
    entries = _entries(process)
    group = next((e["group"] for e in entries if e.get("event") == "consumers_started"), None)
    held: set[str] | None = set()
    for entry in entries:
        if group is None or entry.get("group") != group:
            continue
        if entry.get("event") == ASSIGNED:
            held = {str(p) for p in entry.get("partitions", []) if str(p).startswith(topic)}  # type: ignore[attr-defined]
        elif entry.get("event") == REVOKED:
            held = None
    return held


async def group_stable(
    processes: Sequence[ConsumeProcess], topic: str, partitions: int, within: float = 90.0
) -> None:
    """Until the members hold every partition of `topic` between them, none in a rebalance."""
    async with asyncio.timeout(within):
        while True:
            held = [owned_partitions(p, topic) for p in processes]
            if all(h for h in held) and sum(len(h or ()) for h in held) == partitions:
                union: set[str] = set().union(*(h or set() for h in held))
                if len(union) == partitions:
                    return
            await asyncio.sleep(0.05)


@dataclass
class Deployment:
    """The seeded store (this process's container publishes the prices) and the env."""

    env: dict[str, str]
    traders: list[Trader]
    orders_topic: str
    decisions_topic: str
    logs: Path


@contextlib.asynccontextmanager
async def deployment(
    config: KafkaConfig,
    store_url: str,
    redis_url: str,
    accounts: int,
    partitions: int,
    cash: str,
) -> AsyncIterator[Deployment]:
    """Topics, traders and published prices of one run; the store's container runs for it."""
    suffix = uuid.uuid4().hex[:10]
    env = settings_for(
        config.bootstrap,
        store_url,
        suffix,
        f"owner-{suffix}",
        kafka_partitions=str(partitions),
        redis_url=redis_url,
        log_level="info",
    )
    env.pop("BULWARK_KAFKA_SESSION_TIMEOUT_MS")  # the default, as deployed
    logs = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-kafka-{suffix}"
    logs.mkdir(parents=True)
    async with store_of(env) as owner:
        traders = [await seed_trader(owner, f"{suffix}-{i}", cash=cash) for i in range(accounts)]
        topics = owner.settings()
        names = [
            topics.kafka.topic_orders,
            topics.kafka.topic_control,
            topics.kafka.topic_heartbeats,
            topics.kafka.topic_decisions,
            topics.kafka.topic_events,
            topics.kafka.topic_emergency,
            topics.kafka.topic_dlq,
        ]
        await ensure_topics(config, names, partitions)
        yield Deployment(
            env, traders, topics.kafka.topic_orders, topics.kafka.topic_decisions, logs
        )


@contextlib.asynccontextmanager
async def members(deploy: Deployment, count: int) -> AsyncIterator[list[ConsumeProcess]]:
    """`count` consume processes of the group, started together; once all own partitions.

    Each process logs to a file of its own: a later start in the same deployment (a restart)
    must not read its predecessor's lines as its own."""
    run = uuid.uuid4().hex[:8]
    async with contextlib.AsyncExitStack() as stack:
        processes = await asyncio.gather(
            *(
                stack.enter_async_context(
                    bulwark_consume(
                        {**deploy.env, "BULWARK_KAFKA_INSTANCE_ID": f"member-{uuid.uuid4().hex}"},
                        deploy.logs / f"member-{count}-{i}-{run}.log",
                    )
                )
                for i in range(count)
            )
        )
        await group_stable(processes, deploy.orders_topic, _partitions(deploy))
        yield list(processes)


def _partitions(deploy: Deployment) -> int:
    return int(deploy.env["BULWARK_KAFKA_PARTITIONS"])


async def _phases_of(process: ConsumeProcess, began: float, group: str) -> StartPhases:
    async with asyncio.timeout(60):
        while (phases := start_phases(process, began, group)) is None:  # noqa: ASYNC110 - a log
            await asyncio.sleep(0.05)
    return phases


async def measured_start(deploy: Deployment) -> StartPhases:
    """One `bulwark consume` started from nothing (exec) until it owns its partitions."""
    began = time.time()
    async with members(deploy, 1) as (process,):
        return await _phases_of(process, began, deploy.env["BULWARK_KAFKA_GROUP_ID"])


@dataclass(frozen=True)
class Restart:
    """A member stopped (SIGTERM, or killed) and a fresh process started in its place."""

    stop_s: float  # SIGTERM until the old process exited (0 when killed)
    phases: StartPhases  # the new one's start, from its exec


async def measured_restart(deploy: Deployment, *, kill: bool = False) -> Restart:
    """A member that owns the group's partitions stopped, a new one started at once."""
    group = deploy.env["BULWARK_KAFKA_GROUP_ID"]
    async with members(deploy, 1) as (old,):
        stopping = time.time()
        old.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        await old.exited(within=60)
        stop_s = 0.0 if kill else time.time() - stopping
    began = time.time()
    async with members(deploy, 1) as (new,):
        return Restart(stop_s, await _phases_of(new, began, group))
