"""`bulwark consume` as its own process beside the one that owns the prices (shared through
Redis): orders sent as Kafka commands are approved, sent to the paper broker, filled, and
the account's positions show them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from adapters.kafka.client import KafkaConfig
from adapters.kafka.topics import ensure_topics
from domain.trading.orders import OrderStatus
from tests.integration.kafka.bulwark import command_client, eventually, seed_trader, settings_for
from tests.integration.kafka.processes import (
    bulwark_consume,
    orders_of,
    read_decisions,
    send,
    store_of,
    topics_in,
)
from tests.kit.schema import migrated

N = 25


async def test_orders_over_kafka_are_approved_filled_and_held_with_the_shared_prices(
    kafka_bootstrap: str, kafka_config: KafkaConfig, redis_url: str, tmp_path: Path, unique: str
) -> None:
    # Arrange: this process stands for `bulwark serve`: it owns the store's data and the
    # prices, and publishes its board to Redis; the consume process only follows it.
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"consume-{unique}", redis_url=redis_url)
    topics = topics_in(env)
    await ensure_topics(kafka_config, topics, 3)
    async with store_of(env) as owner, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(owner, unique)
        commands = [trader.buys("2") for _ in range(N)]

        # Act
        async with bulwark_consume(env, tmp_path / "consume.log") as consume:
            for command in commands:
                await send(client, topics.orders, command, trader.agent_key)

            async def all_filled() -> bool:
                orders = await orders_of(owner, trader.account_id)
                return len(orders) == N and all(o.status is OrderStatus.FILLED for o in orders)

            await eventually(all_filled, within=60, every=0.2)
            # The decisions are read while the process runs: an order is stored (and filled)
            # before its decision is published, and the process is killed on leaving this block
            # (a decision not yet out would only go out on the next start, as a replay).
            ids = {c.id for c in commands}
            decisions = await read_decisions(kafka_config, topics.decisions, ids)
            output = consume.output()
        async with owner.core.uow_factory()() as uow:
            account = await uow.accounts.get(trader.account_id)

    # Assert
    assert '"quote_board.live"' in output
    assert all(d.approved and not d.reason_codes for d in decisions), decisions[:3]
    assert account is not None
    assert account.position_quantity("AAPL") == Decimal(2 * N)
