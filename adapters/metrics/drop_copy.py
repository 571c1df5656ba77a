"""The drop copy's measurements on prometheus_client (ports/drop_copy/drop_copy.py DropCopyMeter).

`bulwark_drop_copy_delay_seconds{target}`: from an event (a fill's execution time, an order
event's own time, else when it was recorded) to its acknowledgement by the target, the figure
docs/drop-copy.md promises (p99 within a second to the webhook); counters of messages
recorded, delivered and of failed attempts; a gauge of messages held in memory because the
outbox could not store them. Label values are the target's name, never an id.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from adapters.metrics.series import CounterSeries, LabelledCounter, LabelledHistogram

DELAY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0,
)  # fmt: skip


class _WaitingGauge(Collector):
    def __init__(self) -> None:
        self.value = 0

    def collect(self) -> Iterable[Metric]:
        gauge = GaugeMetricFamily(
            "bulwark_drop_copy_unrecorded",
            "Drop copy events held in memory because the outbox could not store them",
        )
        gauge.add_metric([], float(self.value))
        yield gauge


class PrometheusDropCopyMeter(Collector):
    """DropCopyMeter recording into its own registry; a Collector for /metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._delay = LabelledHistogram(
            "bulwark_drop_copy_delay_seconds",
            "Seconds from an order event or fill to its acknowledgement by a drop copy target",
            ["target"],
            DELAY_BUCKETS,
        )
        self._delivered = LabelledCounter(
            "bulwark_drop_copy_delivered",
            "Drop copy messages acknowledged, by target",
            ["target"],
        )
        self._failed = LabelledCounter(
            "bulwark_drop_copy_failed_attempts",
            "Drop copy delivery attempts a target did not acknowledge (each retried)",
            ["target"],
        )
        self._recorded = LabelledCounter(
            "bulwark_drop_copy_recorded",
            "Drop copy messages stored in the outbox (one per target)",
            [],
        )
        self._waiting = _WaitingGauge()
        for collector in (
            self._delay,
            self._delivered,
            self._failed,
            self._recorded,
            self._waiting,
        ):
            self.registry.register(collector)
        self._recorded_series: CounterSeries = self._recorded.labels()

    def collect(self) -> Iterable[Metric]:
        return self.registry.collect()

    def recorded(self, messages: int) -> None:
        self._recorded_series.inc(messages)

    def delivered(self, target: str, delay_seconds: float) -> None:
        self._delay.labels(target).observe(delay_seconds)
        self._delivered.labels(target).inc()

    def failed(self, target: str) -> None:
        self._failed.labels(target).inc()

    def unrecorded(self, waiting: int) -> None:
        self._waiting.value = waiting
