"""deploy/: the Grafana dashboard and the alert rules query only metrics Bulwark exposes, and
the compose file runs Prometheus and Grafana with them provisioned."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from prometheus_client import CollectorRegistry, generate_latest

from adapters.http.metrics import StreamMetricsCollector
from application.market_data.stream_monitor import KafkaReport
from domain.monitoring.streams import GroupLag, StreamThresholds, TopicStats
from tests.http.harness import Harness
from tests.http.metrics_walkthrough import parse, walkthrough_scrape

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "bulwark.json"
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
COMPOSE = ROOT / "docker-compose.yml"
METRIC_NAME = re.compile(r"\b((?:bulwark|process|python)_[a-z0-9_]+)")


def dashboard_exprs() -> list[str]:
    document = json.loads(DASHBOARD.read_text())
    panels = [p for p in document["panels"] if p["type"] != "row"]
    assert panels
    return [target["expr"] for panel in panels for target in panel["targets"]]


def alert_exprs() -> list[str]:
    document = yaml.safe_load(ALERTS.read_text())
    return [rule["expr"] for group in document["groups"] for rule in group["rules"]]


def kafka_exposition() -> str:
    """What the stream collector exposes once Kafka is monitored (the harness runs no Kafka)."""
    report = KafkaReport(
        at=datetime(2026, 11, 23, tzinfo=UTC),
        window_s=60.0,
        thresholds=StreamThresholds(),
        topics=(TopicStats("bulwark.commands.orders", 10, 1.5, 3.0, 9.0, 12.0),),
        groups=(GroupLag.of("bulwark-commands", {("bulwark.commands.orders", 0): 4}),),
        alerts=(),
    )
    registry = CollectorRegistry()
    registry.register(StreamMetricsCollector(lambda: report))
    return generate_latest(registry).decode()


async def test_every_metric_the_dashboard_and_the_alerts_query_is_exposed(market: Harness) -> None:
    # Arrange
    scrape = await walkthrough_scrape(market)
    exposed = {
        sample.name
        for family in [*scrape.families.values(), *parse(kafka_exposition()).families.values()]
        for sample in family.samples
    }

    # Act
    named = {m for expr in dashboard_exprs() + alert_exprs() for m in METRIC_NAME.findall(expr)}

    # Assert
    assert len(named) >= 12
    assert named - exposed == set()


def test_the_dashboard_shows_what_the_desk_watches() -> None:
    # Arrange
    wanted = (
        "bulwark_http_requests_total",
        "bulwark_http_request_duration_seconds_bucket",
        "bulwark_gate_decision_seconds_bucket",
        "bulwark_gate_decisions_total",
        "bulwark_kill_switch_phase_seconds_bucket",
        "bulwark_broker_call_seconds_bucket",
        "bulwark_broker_call_errors_total",
        "bulwark_outbox_backlog",
        "bulwark_kafka_consumer_group_lag",
        "bulwark_provider_breaker_code",
        "bulwark_websocket_clients",
    )

    # Act
    text = "\n".join(dashboard_exprs())

    # Assert
    assert [m for m in wanted if m not in text] == []
    document = json.loads(DASHBOARD.read_text())
    assert document["uid"] == "bulwark-overview"
    sources = {p["datasource"]["uid"] for p in document["panels"] if p["type"] != "row"}
    assert sources == {"prometheus"}


def test_compose_runs_prometheus_and_grafana_with_the_rules_and_the_dashboard() -> None:
    # Arrange
    services: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())["services"]

    # Act
    mounts = {
        name: [v.split(":")[0] for v in services[name]["volumes"] if v.startswith("./")]
        for name in ("prometheus", "grafana")
    }

    # Assert
    assert "./deploy/prometheus" in mounts["prometheus"]
    assert {"./deploy/grafana/provisioning", "./deploy/grafana/dashboards"} <= set(
        mounts["grafana"]
    )
    for paths in mounts.values():
        for path in paths:
            assert (ROOT / path).is_dir(), path
    assert "BULWARK_METRICS_TOKEN" in services["app"]["environment"]
    assert "BULWARK_METRICS_TOKEN" in services["prometheus"]["environment"]
    provisioning = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/dashboards/bulwark.yml").read_text()
    )
    assert provisioning["providers"][0]["options"]["path"] == "/etc/grafana/dashboards"
