"""Order commands over Kafka: exactly the unique effects, every poison message in the DLQ."""

from __future__ import annotations

from pathlib import Path

from adapters.kafka.dlq import reason_of
from adapters.kafka.envelope import DecisionCodec
from tests.integration.kafka.bulwark import (
    bulwark_node,
    buy,
    command_client,
    envelope,
    eventually,
    seed_trader,
    settings_for,
)
from tests.kit.schema import migrated


async def _orders(node, account_id: str) -> list:  # type: ignore[no-untyped-def]
    async with node.container.core.uow_factory()() as uow:
        return await uow.orders.list(account_id, limit=10_000)


async def test_n_commands_with_duplicates_and_poison_give_n_effects_and_dead_letters(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    # Arrange
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"node-{unique}")
    async with bulwark_node(env) as node, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(node.container, unique)
        topic = node.topics.orders
        unique_commands = [trader.buys("1") for _ in range(40)]

        # Act: every command, then each of the first ten again (a redelivery), plus poison
        for env_ in unique_commands:
            await client.send(topic, env_, trader.agent_key)
        for env_ in unique_commands[:10]:
            await client.send(topic, env_, trader.agent_key)
        key = trader.account_id.encode()
        await client.send_raw(topic, b"{not json", key, trader.agent_key)
        await client.send_raw(topic, b'{"id": "x1", "v": 1}', key, trader.agent_key)
        await client.send_raw(
            topic,
            b'{"id":"x2","v":1,"principal":"p","ts":"2026-01-01T00:00:00Z",'
            b'"account_id":"a","payload":{"type":"order.explode"}}',
            b"a",
            trader.agent_key,
        )
        await client.send(topic, trader.buys("1"), "bwk_forged_key")
        await client.send(topic, trader.buys("1"), None)
        await client.send(
            topic, envelope("someone-else", trader.account_id, buy("1")), trader.agent_key
        )
        await client.send_raw(topic, b"[" * 5000 + b"]" * 5000, key, trader.agent_key)
        await client.send_raw(topic, b'{"id": "\xff\xfe"}', key, trader.agent_key)
        poison_sent = 8

        # Assert
        orders = await eventually(lambda: _at_least(node, trader.account_id, len(unique_commands)))
        letters = await client.read(node.topics.dlq, poison_sent)
        decisions = await client.read(node.topics.decisions, len(unique_commands) + 10)
        await eventually(lambda: _settled(node, len(unique_commands) + 10 + poison_sent))
        orders = await _orders(node, trader.account_id)

    assert len(orders) == len(unique_commands)
    assert {o.idempotency_key for o in orders} == {f"msg:{e.id}" for e in unique_commands}
    codes = sorted(reason_of(r.headers)[0] for r in letters)
    assert codes == sorted(
        [
            "INVALID_JSON",
            "JSON_TOO_DEEP",
            "INVALID_ENCODING",
            "SCHEMA_VIOLATION",
            "UNKNOWN_TYPE",
            "UNAUTHENTICATED",
            "UNAUTHENTICATED",
            "PRINCIPAL_MISMATCH",
        ]
    )
    assert all(dict(r.headers).get("bulwark-source-topic") == topic.encode() for r in letters)
    messages = [DecisionCodec().decode(r.value) for r in decisions]
    originals = [m.message_id for m in messages if not m.replayed]
    replays = [m.message_id for m in messages if m.replayed]
    assert sorted(originals) == sorted(e.id for e in unique_commands)
    assert sorted(replays) == sorted(e.id for e in unique_commands[:10])


async def _at_least(node, account_id: str, count: int) -> bool:  # type: ignore[no-untyped-def]
    return len(await _orders(node, account_id)) >= count


async def _settled(node, count: int) -> bool:  # type: ignore[no-untyped-def]
    runtime = node.link.supervisor.runtimes[node.link.settings.kafka.group_id][0]
    return runtime.processed + runtime.dead_lettered >= count
