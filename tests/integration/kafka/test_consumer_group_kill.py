"""Three `bulwark consume` processes in one group on PostgreSQL, one killed (SIGKILL) while
commands still arrive: no command is lost or decided twice, and each account's orders are
decided in the order they were sent (commands are keyed by account: one partition each).

Prices are shared through Redis (this process publishes them, as `bulwark serve` would), so
the orders are approved and sent to the paper broker, not denied.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiokafka.structs import RecordMetadata

from adapters.kafka.client import KafkaConfig
from adapters.kafka.envelope import Envelope
from adapters.kafka.topics import ensure_topics
from bootstrap.containers.application import ApplicationContainer
from domain.trading.orders import Order
from tests.integration.kafka.bulwark import (
    CommandClient,
    Trader,
    buy,
    command_client,
    envelope,
    eventually,
    migrated,
    seed_trader,
    settings_for,
)
from tests.integration.kafka.processes import (
    ConsumeProcess,
    bulwark_consume,
    committed,
    ends_of,
    orders_of,
    read_decisions,
    send,
    store_of,
    topics_in,
)

pytestmark = pytest.mark.slow

ACCOUNTS = 6
PER_ACCOUNT = 40
PARTITIONS = 6
KILL_AT = 60  # stored orders seen before one member is killed
MEMBERS = 3
BACKLOG = 30  # commands sent and not yet stored, at most


def _holds_orders(process: ConsumeProcess, orders_topic: str) -> bool:
    """Whether the member's latest assignment names a partition of the orders topic."""
    latest: list[str] = []
    for line in process.output().splitlines():
        with contextlib.suppress(ValueError):
            entry = json.loads(line)
            if entry.get("event") == "partitions assigned" and "emergency" not in str(
                entry.get("group")
            ):
                latest = list(entry.get("partitions", []))
    return any(name.startswith(orders_topic + "[") for name in latest)


async def _trickle(
    client: CommandClient,
    topic: str,
    commands: list[tuple[Trader, Envelope]],
    sent: list[RecordMetadata],
    stored: Callable[[], Awaitable[int]],
) -> None:
    """A few commands at a time, never more than BACKLOG ahead of the stored orders: the
    stream still flows when a member dies, however fast or slow the members are."""
    for start in range(0, len(commands), 6):
        while len(sent) - await stored() > BACKLOG:  # noqa: ASYNC110 - a count in another process
            await asyncio.sleep(0.05)
        for trader, command in commands[start : start + 6]:
            sent.append(await send(client, topic, command, trader.agent_key))


async def _stored(owner: ApplicationContainer, traders: list[Trader]) -> int:
    return sum([len(await orders_of(owner, t.account_id)) for t in traders])


async def test_a_member_killed_mid_stream_loses_nothing_decides_nothing_twice_keeps_order(
    kafka_bootstrap: str,
    kafka_config: KafkaConfig,
    postgres_url: str,
    redis_url: str,
    tmp_path: Path,
    unique: str,
) -> None:
    # Arrange
    await migrated(postgres_url)
    base = settings_for(
        kafka_bootstrap,
        postgres_url,
        unique,
        f"owner-{unique}",
        redis_url=redis_url,
        kafka_partitions=str(PARTITIONS),
        db_pool_size="4",
    )
    topics = topics_in(base)
    await ensure_topics(kafka_config, topics, PARTITIONS)
    async with store_of(base) as owner, command_client(kafka_bootstrap) as client:
        traders = [await seed_trader(owner, f"{unique}-{i}") for i in range(ACCOUNTS)]
        # round robin over the accounts: every partition is busy all along
        commands = [
            (t, envelope(t.agent_id, t.account_id, buy("1")))
            for _ in range(PER_ACCOUNT)
            for t in traders
        ]
        sent: list[RecordMetadata] = []
        async with contextlib.AsyncExitStack() as members:
            processes = [
                await members.enter_async_context(
                    bulwark_consume(
                        {**base, "BULWARK_KAFKA_INSTANCE_ID": f"member-{i}-{unique}"},
                        tmp_path / f"member-{i}.log",
                    )
                )
                for i in range(MEMBERS)
            ]
            trickle = asyncio.create_task(
                _trickle(client, topics.orders, commands, sent, lambda: _stored(owner, traders))
            )

            # Act: once orders flow, kill a member that holds order partitions
            await eventually(lambda: _stored(owner, traders), within=120)

            async def victim() -> ConsumeProcess | None:
                if await _stored(owner, traders) < KILL_AT:
                    return None
                holders = [p for p in processes if _holds_orders(p, topics.orders)]
                return holders[0] if holders else None

            killed = await eventually(victim, within=120)
            killed.proc.send_signal(signal.SIGKILL)
            sent_at_kill = len(sent)
            code = await killed.exited(within=10)
            await asyncio.wait_for(trickle, 180)  # bounded: a stalled stream fails, never hangs
            ends = ends_of(sent)

            async def all_committed() -> bool:
                return await committed(kafka_config, base["BULWARK_KAFKA_GROUP_ID"], ends) == ends

            await eventually(all_committed, within=180, every=0.5)
        orders = {t.account_id: await orders_of(owner, t.account_id) for t in traders}

    ids = {command.id for _, command in commands}
    decisions = await read_decisions(kafka_config, topics.decisions, ids, within=60)
    order_ids: dict[str, set[str]] = defaultdict(set)
    for decision in decisions:
        order_ids[decision.message_id].add(decision.order_id)

    # Assert
    assert code == -signal.SIGKILL
    assert sent_at_kill < len(commands)  # the stream had not ended when the member died
    everything = [o for found in orders.values() for o in found]
    assert len(everything) == len(commands)  # none lost, none stored twice
    assert {o.idempotency_key for o in everything} == {f"msg:{i}" for i in ids}
    assert all(len(found) == 1 for found in order_ids.values())  # one decision per command
    assert all(o.status.value != "denied" for o in everything)
    for trader in traders:
        sent_order = [f"msg:{c.id}" for t, c in commands if t is trader]
        assert _decided_order(orders[trader.account_id]) == sent_order


def _decided_order(orders: list[Order]) -> list[str | None]:
    return [o.idempotency_key for o in sorted(orders, key=lambda o: o.created_at)]
