"""`bulwark consume` as a real process with BULWARK_OTLP_ENDPOINT set: an agent's command
continues the agent's trace, and the spans reach the collector (flushed at SIGTERM).

Without Redis the process has no quotes, so its gate denies the order (NO_REFERENCE_PRICE):
the trace then ends at the decisions' commit, which is what this test follows.
"""

from __future__ import annotations

import signal
from pathlib import Path

from adapters.kafka.client import KafkaConfig
from adapters.kafka.topics import ensure_topics
from tests.integration.kafka.bulwark import command_client, seed_trader, settings_for
from tests.integration.kafka.processes import bulwark_consume, store_of, topics_in
from tests.kit.schema import migrated
from tests.otlp_collector import otlp_collector

AGENT_TRACE = "5b8efff798038103d269b633813fc60c"
AGENT_SPAN = "eee19b7ec3c1b174"


async def test_a_consume_process_continues_the_agents_trace_and_exports_it_over_otlp(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"consume-{unique}")
    topics = topics_in(env)
    await ensure_topics(kafka_config, topics, 3)
    with otlp_collector() as collector:
        traced = {
            **env,
            "BULWARK_OTLP_ENDPOINT": collector.url,
            "BULWARK_OTEL_SERVICE_NAME": f"consume-{unique}",
        }
        async with store_of(env) as store, command_client(kafka_bootstrap) as client:
            trader = await seed_trader(store, unique)
            command = trader.buys("1")

            # Act
            async with bulwark_consume(traced, tmp_path / "consume.log") as process:
                await client.producer.send_and_wait(
                    topics.orders,
                    value=client.codec.encode(command),
                    key=trader.account_id.encode(),
                    headers=[
                        ("authorization", trader.agent_key.encode()),
                        ("traceparent", f"00-{AGENT_TRACE}-{AGENT_SPAN}-01".encode()),
                    ],
                )
                [decision] = await client.read(topics.decisions, 1)
                process.proc.send_signal(signal.SIGTERM)
                exit_code = await process.exited(within=30)
        spans = collector.spans()

    # Assert
    assert exit_code == 0, process.output()[-2000:]
    ours = {s.name: (service, s) for service, s in spans if s.trace_id.hex() == AGENT_TRACE}
    assert {"kafka.consume order.submit", "orders.batch", "gate.evaluate", "store.commit"} <= set(
        ours
    ), sorted(ours)
    service, consumed = ours["kafka.consume order.submit"]
    assert service == f"consume-{unique}"
    assert consumed.parent_span_id.hex() == AGENT_SPAN
    assert ours["orders.batch"][1].parent_span_id == consumed.span_id
    assert ours["gate.evaluate"][1].parent_span_id == ours["orders.batch"][1].span_id
    headers = {k: (v or b"").decode() for k, v in decision.headers or ()}
    assert headers["traceparent"].split("-")[1] == AGENT_TRACE
