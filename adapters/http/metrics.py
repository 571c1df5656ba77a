"""Prometheus metrics: a per-app registry, the Kafka stream collector, and `GET /metrics`.

`/metrics` is outside the API's auth (Prometheus sends no session), so it has a guard of
its own (HttpConfig.metrics_token / metrics_hidden): with a token set, a scrape must bring
it as a bearer token; in prod without one it serves no figures at all (409
CAPABILITY_NOT_CONFIGURED naming BULWARK_METRICS_TOKEN), so nothing about the desk leaks by
default.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

from litestar import Request, Response, get
from prometheus_client import (
    CollectorRegistry,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from adapters.http.problems import on_domain_error, problem_response
from adapters.http.security import carries_bearer
from adapters.http.services import HTTP_CONFIG_STATE_KEY, HttpConfig
from application.market_data.stream_monitor import KafkaReport
from domain.errors import CapabilityNotConfigured

METRICS_SETTING = "BULWARK_METRICS_TOKEN"

METRICS_STATE_KEY = "metrics_registry"
METRICS_REFRESH_STATE_KEY = "metrics_refresh"
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
        rate, latency, lag, group_lag, alerts = _families()
        for topic in report.topics:
            rate.add_metric([topic.topic], topic.messages_per_second)
            for quantile, value in (("0.5", topic.p50_ms), ("0.99", topic.p99_ms)):
                if value is not None:  # the monitor keeps milliseconds; Prometheus seconds
                    latency.add_metric([topic.topic, quantile], value / 1000.0)
        for group in report.groups:
            group_lag.add_metric([group.group], group.total)
            for (topic_name, partition), n in sorted(group.partitions.items()):
                lag.add_metric([group.group, topic_name, str(partition)], n)
        alerts.add_metric([], len(report.alerts))
        yield from (rate, latency, lag, group_lag, alerts)


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
            "bulwark_kafka_topic_latency_seconds",
            "End-to-end latency from the record timestamp to its arrival, seconds",
            labels=["topic", "quantile"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_consumer_lag",
            "Messages past a consumer group's committed offset, per partition",
            labels=["group", "topic", "partition"],
        ),
        GaugeMetricFamily(
            # A gauge: no `_total` (Prometheus keeps that suffix for counters).
            "bulwark_kafka_consumer_group_lag",
            "Messages past a consumer group's committed offsets, all partitions",
            labels=["group"],
        ),
        GaugeMetricFamily(
            "bulwark_kafka_alerts_active", "Stream alerts (latency, lag) active now", labels=[]
        ),
    )


@runtime_checkable
class Refreshing(Protocol):
    """A collector whose figures need an await (a query) before each scrape collects them."""

    def refresh(self) -> Awaitable[None]: ...


def metrics_registry(
    report: Callable[[], KafkaReport | None], collectors: Sequence[Collector] = ()
) -> CollectorRegistry:
    """A registry of this app's own (never the process-wide default one, so apps don't clash).

    The process's own figures (CPU, memory, open files; the Python build) are read from
    /proc at scrape time by prometheus_client's collectors, registered here per app.
    """
    registry = CollectorRegistry()
    registry.register(StreamMetricsCollector(report))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    for collector in collectors:
        registry.register(collector)
    return registry


def refreshers(collectors: Sequence[Collector]) -> tuple[Refreshing, ...]:
    """The collectors that /metrics awaits before it collects."""
    return tuple(c for c in collectors if isinstance(c, Refreshing))


def scrape_refused(request: Request[Any, Any, Any], config: HttpConfig) -> Response[Any] | None:
    """The problem+json answer to a scrape that may not read the figures, else None.

    `metrics_hidden` (prod without a token): 409 CAPABILITY_NOT_CONFIGURED to everyone;
    `metrics_token`: a bearer token compared in constant time.
    """
    if config.metrics_hidden:
        missing = CapabilityNotConfigured(
            "Prometheus metrics", (METRICS_SETTING,), "/metrics serves nothing in prod "
            f"without a scrape token: set {METRICS_SETTING} and give it to Prometheus",
        )  # fmt: skip
        return on_domain_error(request, missing)
    token = config.metrics_token
    if token is None:
        return None
    if carries_bearer(request, token):
        return None
    return problem_response(
        request,
        401,
        "METRICS_TOKEN_REQUIRED",
        "Unauthorized",
        f"/metrics needs the metrics token as a bearer token ({METRICS_SETTING})",
        headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
    )


@get(
    "/metrics",
    summary="Prometheus metrics (text exposition format)",
    exclude_from_auth=True,
    include_in_schema=False,
)
async def metrics(request: Request[Any, Any, Any]) -> Response[Any]:
    config = request.app.state[HTTP_CONFIG_STATE_KEY]
    refused = scrape_refused(request, config)
    if refused is not None:
        return refused
    for collector in request.app.state.get(METRICS_REFRESH_STATE_KEY, ()):
        await collector.refresh()
    registry: CollectorRegistry = request.app.state[METRICS_STATE_KEY]
    return Response(generate_latest(registry), media_type=EXPOSITION_MEDIA_TYPE)
