"""Prometheus metrics: a per-app registry, the Kafka stream collector, and `GET /metrics`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from litestar import Request, Response, get
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from application.stream_monitor import KafkaReport

METRICS_STATE_KEY = "metrics_registry"
# Litestar appends the charset to a text/* media type itself.
EXPOSITION_MEDIA_TYPE = "text/plain; version=0.0.4"


class StreamMetricsCollector(Collector):
    """Gauges over the stream monitor's report at scrape time (nothing when there is none)."""

    def __init__(self, report: Callable[[], KafkaReport | None]) -> None:
        self._report = report

    def describe(self) -> Iterator[Metric]:
        yield from _families()

    def collect(self) -> Iterator[Metric]:
        report = self._report()
        if report is None:
            return
        rate, latency, lag, lag_total, alerts = _families()
        for topic in report.topics:
            rate.add_metric([topic.topic], topic.messages_per_second)
            for quantile, value in (("0.5", topic.p50_ms), ("0.99", topic.p99_ms)):
                if value is not None:
                    latency.add_metric([topic.topic, quantile], value)
        for group in report.groups:
            lag_total.add_metric([group.group], group.total)
            for (topic_name, partition), n in sorted(group.partitions.items()):
                lag.add_metric([group.group, topic_name, str(partition)], n)
        alerts.add_metric([], len(report.alerts))
        yield from (rate, latency, lag, lag_total, alerts)


def _families() -> tuple[
    GaugeMetricFamily, GaugeMetricFamily, GaugeMetricFamily, GaugeMetricFamily, GaugeMetricFamily
]:
    return (
        GaugeMetricFamily(
            "bulwark_kafka_topic_messages_per_second",
            "Records per second arriving on a topic, over the monitor's window",
            labels=["topic"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_topic_latency_ms",
            "End-to-end latency from the record timestamp to its arrival, milliseconds",
            labels=["topic", "quantile"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_consumer_lag",
            "Messages past a consumer group's committed offset, per partition",
            labels=["group", "topic", "partition"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_consumer_lag_total",
            "Messages past a consumer group's committed offsets, all partitions",
            labels=["group"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_alerts_active", "Stream alerts (latency, lag) active now", labels=[]
        ),
    )


def metrics_registry(
    report: Callable[[], KafkaReport | None], collectors: Sequence[Collector] = ()
) -> CollectorRegistry:
    """A registry of this app's own (never the process-wide default one, so apps don't clash)."""
    registry = CollectorRegistry()
    registry.register(StreamMetricsCollector(report))
    for collector in collectors:
        registry.register(collector)
    return registry


@get(
    "/metrics",
    summary="Prometheus metrics (text exposition format)",
    tags=["health"],
    exclude_from_auth=True,
    include_in_schema=False,
)
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    registry: CollectorRegistry = request.app.state[METRICS_STATE_KEY]
    return Response(generate_latest(registry), media_type=EXPOSITION_MEDIA_TYPE)
