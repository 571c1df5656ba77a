"""`bulwark consume` as a real process: killed mid-stream it loses and doubles nothing, and
SIGTERM stops it cleanly with every record it completed committed.

Without Redis the process has no quotes (nothing shares the board with it), so its gate
denies the orders (NO_REFERENCE_PRICE); a denied order is stored and decided like any other,
which is all that exactly-once is about here (approved and filled orders over Kafka:
test_consume_shared_prices.py and test_consumer_group_kill.py).
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from pathlib import Path

from aiokafka.structs import RecordMetadata

from adapters.kafka.client import KafkaConfig
from adapters.kafka.envelope import DecisionCodec, Envelope
from adapters.kafka.topics import ensure_topics
from bootstrap.containers.application import ApplicationContainer
from tests.integration.kafka.bulwark import (
    CommandClient,
    command_client,
    eventually,
    seed_trader,
    settings_for,
)
from tests.integration.kafka.processes import (
    bulwark_consume,
    committed,
    ends_of,
    orders_of,
    read_all,
    read_decisions,
    send,
    store_of,
    topics_in,
)
from tests.kit.schema import migrated

N = 200
REDELIVERED = 20  # of the N, sent a second time, as a producer's retry would
HEAD = 20  # sent before the trickle, to see the first consumer at work
KILL_AT = 80  # stored orders seen before the first consumer is killed
PARTITIONS = 3
SIGTERM_COUNT = 30


async def _environment(bootstrap: str, tmp_path: Path, suffix: str) -> dict[str, str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    return settings_for(
        bootstrap, url, suffix, f"consume-{suffix}", kafka_partitions=str(PARTITIONS)
    )


async def _stored(store: ApplicationContainer, account_id: str, at_least: int) -> int:
    count = len(await orders_of(store, account_id))
    return count if count >= at_least else 0


async def _trickle(
    client: CommandClient,
    topic: str,
    commands: list[Envelope],
    credential: str,
    sent: list[RecordMetadata],
) -> None:
    """A few commands at a time, so the stream is still flowing when the consumer dies."""
    for start in range(0, len(commands), 5):
        for command in commands[start : start + 5]:
            sent.append(await send(client, topic, command, credential))
        await asyncio.sleep(0.05)


async def test_a_consumer_killed_mid_stream_and_restarted_stores_each_order_once(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    env = await _environment(kafka_bootstrap, tmp_path, unique)
    topics = topics_in(env)
    await ensure_topics(kafka_config, topics, PARTITIONS)
    async with store_of(env) as store, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(store, unique)
        account, key = trader.account_id, trader.agent_key
        commands = [trader.buys("1") for _ in range(N)]
        sent: list[RecordMetadata] = []

        # Act: kill -9 the consumer while commands are still arriving
        async with bulwark_consume(env, tmp_path / "first.log") as first:
            for command in commands[:HEAD]:
                sent.append(await send(client, topics.orders, command, key))
            await eventually(lambda: _stored(store, account, 1), within=60)
            trickle = asyncio.create_task(
                _trickle(client, topics.orders, commands[HEAD:], key, sent)
            )
            await eventually(lambda: _stored(store, account, KILL_AT), within=60)
            first.proc.send_signal(signal.SIGKILL)
            sent_at_kill = len(sent)
            killed = await first.exited(within=10)
        await trickle
        for command in commands[:: N // REDELIVERED]:
            sent.append(await send(client, topics.orders, command, key))
        ends = ends_of(sent)

        # ... and let a new process of the same group take over until everything is committed
        async with bulwark_consume(env, tmp_path / "second.log"):
            group = env["BULWARK_KAFKA_GROUP_ID"]

            async def all_committed() -> bool:
                return await committed(kafka_config, group, ends) == ends

            await eventually(all_committed, within=90, every=0.25)
        orders = await orders_of(store, account)

    ids = {command.id for command in commands}
    decisions = await read_decisions(kafka_config, topics.decisions, ids)

    # Assert
    assert killed == -signal.SIGKILL
    assert sent_at_kill < N  # the stream had not ended when the consumer died
    assert len(orders) == N
    assert {o.idempotency_key for o in orders} == {f"msg:{i}" for i in ids}
    assert {d.message_id for d in decisions} == ids


async def test_sigterm_stops_cleanly_and_commits_every_record_it_completed(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    env = await _environment(kafka_bootstrap, tmp_path, unique)
    topics = topics_in(env)
    group = env["BULWARK_KAFKA_GROUP_ID"]
    await ensure_topics(kafka_config, topics, PARTITIONS)
    async with store_of(env) as store, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(store, unique)
        account = trader.account_id
        commands = [trader.buys("1") for _ in range(SIGTERM_COUNT)]
        async with bulwark_consume(env, tmp_path / "first.log") as first:
            sent = [await send(client, topics.orders, c, trader.agent_key) for c in commands]
            ends = ends_of(sent)
            await eventually(lambda: _stored(store, account, SIGTERM_COUNT), within=60)

            # Act
            first.proc.send_signal(signal.SIGTERM)
            code = await first.exited(within=30)
        output = first.output()

        # ... and a new process of the group finishes what the first left uncommitted
        async with bulwark_consume(env, tmp_path / "second.log"):

            async def all_committed() -> bool:
                return await committed(kafka_config, group, ends) == ends

            await eventually(all_committed, within=90, every=0.25)
        orders = await orders_of(store, account)
        decisions = await read_all(client, topics.decisions)

    # Assert
    assert code == 0, output
    assert '"consumers_stopped"' in output
    assert len(orders) == SIGTERM_COUNT
    # A record whose decision the first process published was committed before it left,
    # so the second one never decided it again: one decision per command, no more.
    codec = DecisionCodec()
    decided = Counter(codec.decode(r.value).message_id for r in decisions)
    assert decided == Counter({c.id: 1 for c in commands})
