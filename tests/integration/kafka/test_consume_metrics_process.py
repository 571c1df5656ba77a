"""A real `bulwark consume` with BULWARK_CONSUME_METRICS_PORT: the gate decisions it makes from
Kafka commands are counted on its own /metrics (no Redis: no shared quotes, so its gate denies
with NO_REFERENCE_PRICE, which is what the counter must say)."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from adapters.kafka.client import KafkaConfig
from adapters.kafka.topics import ensure_topics
from tests.integration.kafka.bulwark import command_client, eventually, seed_trader, settings_for
from tests.integration.kafka.processes import bulwark_consume, send, store_of, topics_in
from tests.kit.ports import free_port as _free_port
from tests.kit.schema import migrated

N = 5


def _denied(text: str) -> float:
    for family in text_string_to_metric_families(text):
        if family.name == "bulwark_gate_decisions":
            return sum(
                s.value
                for s in family.samples
                if s.name.endswith("_total") and s.labels.get("reason") == "NO_REFERENCE_PRICE"
            )
    return 0.0


async def test_the_consume_process_counts_its_gate_decisions_on_its_own_metrics(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    port = _free_port()
    env = {
        **settings_for(kafka_bootstrap, url, unique, f"metrics-{unique}"),
        "BULWARK_CONSUME_METRICS_PORT": str(port),
    }
    topics = topics_in(env)
    await ensure_topics(kafka_config, topics, 1)
    async with store_of(env) as store, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(store, unique)

        # Act
        async with bulwark_consume(env, tmp_path / "consume.log"), httpx.AsyncClient() as http:
            for _ in range(N):
                command = trader.buys("1")
                await send(client, topics.orders, command, trader.agent_key)

            async def counted() -> float:
                try:  # the listener opens just after the consumers said they started
                    scrape = await http.get(f"http://127.0.0.1:{port}/metrics")
                except httpx.TransportError:
                    return 0.0
                return _denied(scrape.text) if _denied(scrape.text) >= N else 0.0

            denied = await eventually(counted, within=60, every=0.25)
            health = await http.get(f"http://127.0.0.1:{port}/health")

    # Assert
    assert denied == N
    assert health.json()["process"] == "consume"
