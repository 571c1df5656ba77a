"""HTTP stream monitoring: the Kafka report for supervisors, consumer restarts, and /metrics."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from adapters.memory.bus import InMemoryNotifier, InProcessEventBus
from application.market_data.stream_monitor import StreamMonitorService
from domain.monitoring.streams import GroupLag, StreamThresholds
from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, swap_in_bundle
from tests.kit.streams import FakeConsumers

pytestmark = pytest.mark.serves()

KAFKA = "/api/v1/monitoring/kafka"
TOPIC = "bulwark.commands.orders"


@dataclass
class FixedLag:
    lags: dict[str, GroupLag] = field(default_factory=dict)

    async def lag(self, group: str) -> GroupLag:
        return self.lags.get(group, GroupLag.of(group, {}))


@dataclass
class Streams:
    monitor: StreamMonitorService
    consumers: FakeConsumers


@pytest.fixture
def streams(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> Streams:
    """A monitor on the app: the orders group 2,500 behind on partition 1, one slow record."""
    lag = FixedLag(
        {"bulwark-orders": GroupLag.of("bulwark-orders", {(TOPIC, 0): 0, (TOPIC, 1): 2500})}
    )
    consumers = FakeConsumers(["bulwark-orders"])
    monitor = StreamMonitorService(
        lag,
        consumers,
        InProcessEventBus(),
        InMemoryNotifier(),
        harness.clock,
        StreamThresholds(latency_ms=200.0, lag=2000),
    )
    sent_ms = int(harness.clock.now().timestamp() * 1000) - 30
    monitor.observe(TOPIC, sent_ms)
    swap_in_bundle(monkeypatch, harness.bundle("core"), "streams", monitor)
    return Streams(monitor, consumers)


async def test_report_without_kafka_says_disabled(harness: Harness) -> None:
    risk = await harness.user(Role.RISK_OFFICER)

    response = await harness.client.get(KAFKA, headers=risk.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {"enabled": False}


async def test_supervisor_sees_topics_lag_alerts_and_thresholds(
    harness: Harness, streams: Streams
) -> None:
    admin = await harness.user(Role.ADMIN)
    await streams.monitor.check()

    response = await harness.client.get(KAFKA, headers=admin.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["enabled"] is True
    assert body["thresholds"] == {"latency_ms": 200.0, "lag": 2000}
    [topic] = body["topics"]
    assert (topic["topic"], topic["count"]) == (TOPIC, 1)
    assert topic["latency_p99_ms"] == pytest.approx(30.0, rel=0.01)
    [group] = body["groups"]
    assert group["group"] == "bulwark-orders"
    assert group["total"] == 2500
    assert group["partitions"] == [
        {"topic": TOPIC, "partition": 0, "lag": 0},
        {"topic": TOPIC, "partition": 1, "lag": 2500},
    ]
    [alert] = body["alerts"]
    assert (alert["kind"], alert["subject"], alert["value"]) == ("lag", "bulwark-orders", 2500)
    assert body["last_error"] is None


@pytest.mark.parametrize("role", [Role.TRADER, Role.OWNER])
async def test_report_is_forbidden_to_non_supervisors(
    harness: Harness, streams: Streams, role: Role
) -> None:
    user = await harness.user(role)

    response = await harness.client.get(KAFKA, headers=user.headers)

    assert_problem(response, 403, "FORBIDDEN")


async def test_report_needs_credentials(harness: Harness) -> None:
    response = await harness.client.get(KAFKA)

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_risk_officer_restarts_a_consumer_group(harness: Harness, streams: Streams) -> None:
    risk = await harness.user(Role.RISK_OFFICER)

    response = await harness.client.post(
        f"{KAFKA}/consumers/bulwark-orders/restart", headers=risk.headers
    )

    assert response.status_code == 200, response.text
    assert response.json() == {"group": "bulwark-orders", "restarted": True}
    assert streams.consumers.restarted == ["bulwark-orders"]


async def test_restarting_an_unknown_group_is_not_found(harness: Harness, streams: Streams) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(f"{KAFKA}/consumers/nobody/restart", headers=admin.headers)

    assert_problem(response, 404, "NOT_FOUND")
    assert streams.consumers.restarted == []


async def test_restart_without_kafka_says_kafka_is_not_configured(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(
        f"{KAFKA}/consumers/bulwark-orders/restart", headers=admin.headers
    )

    body = assert_problem(response, 409, "CAPABILITY_NOT_CONFIGURED")
    assert body["settings"] == ["BULWARK_KAFKA_BOOTSTRAP"]


async def test_restart_is_forbidden_to_a_trader(harness: Harness, streams: Streams) -> None:
    trader = await harness.user(Role.TRADER)

    response = await harness.client.post(
        f"{KAFKA}/consumers/bulwark-orders/restart", headers=trader.headers
    )

    assert_problem(response, 403, "FORBIDDEN")
    assert streams.consumers.restarted == []


async def test_metrics_expose_the_stream_gauges_without_credentials(
    harness: Harness, streams: Streams
) -> None:
    await streams.monitor.check()

    response = await harness.client.get("/metrics")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert f'bulwark_kafka_topic_messages_per_second{{topic="{TOPIC}"}} 1.0' in text
    assert f'bulwark_kafka_topic_latency_seconds{{quantile="0.99",topic="{TOPIC}"}}' in text
    assert (
        f'bulwark_kafka_consumer_lag{{group="bulwark-orders",partition="1",topic="{TOPIC}"}} 2500.0'
        in text
    )
    assert 'bulwark_kafka_consumer_group_lag{group="bulwark-orders"} 2500.0' in text
    assert "bulwark_kafka_alerts_active 1.0" in text


async def test_metrics_without_kafka_answer_without_stream_samples(harness: Harness) -> None:
    response = await harness.client.get("/metrics")

    assert response.status_code == 200, response.text
    assert "bulwark_kafka_consumer_group_lag{" not in response.text
