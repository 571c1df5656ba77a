"""Metric names follow Prometheus's rules: `_total` is a counter's suffix, never a gauge's, and
quantities are in base units (seconds, bytes) named as such."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from adapters.http.metrics import METRICS_STATE_KEY
from tests.http.harness import Harness

pytestmark = pytest.mark.serves()

# Units that are not Prometheus's base units, as a name's word (`_ms`, `..._kb_...`).
NOT_BASE_UNITS = re.compile(
    r"_(ms|us|ns|millis|milliseconds|microseconds|nanoseconds|minutes|hours|days"
    r"|kb|mb|gb|kib|mib|gib|kilobytes|megabytes|gigabytes|percent)(_|$)"
)


def offences(families: Iterable[Metric]) -> list[str]:
    """What breaks the naming rules, one line per family."""
    found = []
    for family in families:
        if family.type == "gauge" and family.name.endswith("_total"):
            found.append(f"{family.name}: a gauge named like a counter (_total)")
        if match := NOT_BASE_UNITS.search(family.name):
            found.append(f"{family.name}: not a base unit ({match.group(1)})")
    return found


def every_family(registry: CollectorRegistry) -> list[Metric]:
    """Each registered collector's families: what it describes (a collector yields nothing
    until it has data, e.g. the Kafka figures without Kafka), else what it collects."""
    # prometheus_client lists no registry's collectors publicly.
    collectors: set[Collector] = set(registry._collector_to_names)
    families: list[Metric] = []
    for collector in collectors:
        describe = getattr(collector, "describe", None)
        described = list(describe()) if describe is not None else []
        families.extend(described or collector.collect())
    families.extend(registry.collect())
    return families


async def test_the_apps_registry_has_no_gauge_named_total_and_only_base_units(
    harness: Harness,
) -> None:
    # Arrange
    registry: CollectorRegistry = harness.app.state[METRICS_STATE_KEY]

    # Act
    families = every_family(registry)

    # Assert
    names = {family.name for family in families}
    assert {"bulwark_kafka_consumer_group_lag", "bulwark_kafka_topic_latency_seconds"} <= names
    assert "bulwark_outbox_backlog" in names and len(names) > 20
    assert offences(families) == []


def test_the_rules_catch_a_gauge_named_total_and_a_unit_that_is_not_base() -> None:
    # Arrange
    families = [
        GaugeMetricFamily("x_lag_total", "a gauge with a counter's suffix"),
        GaugeMetricFamily("x_latency_ms", "milliseconds"),
        GaugeMetricFamily("x_heap_mb_used", "megabytes"),
        GaugeMetricFamily("x_latency_seconds", "fine"),
        GaugeMetricFamily("x_messages_per_second", "fine"),
    ]

    # Act
    found = offences(families)

    # Assert
    assert [line.split(":")[0] for line in found] == [
        "x_lag_total",
        "x_latency_ms",
        "x_heap_mb_used",
    ]
