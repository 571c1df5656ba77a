"""Stream-monitoring DTOs: topic rates and latency, consumer lag, active alerts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Mirror, Output
from adapters.http.wire_format import AnalyticOut
from application.market_data.stream_monitor import KafkaReport
from application.notifications.ops_alerts import OpsAlert
from domain.monitoring.streams import GroupLag, StreamAlert, TopicStats

# The most alerts one webhook call may carry (Alertmanager's max_alerts caps them too).
MAX_ALERTS = 1000


class KafkaDisabledOut(Output):
    """Kafka is not configured on this instance: nothing to monitor."""

    enabled: bool = False


class TopicOut(Output):
    """One topic over the window; latencies are None when no record arrived in it."""

    topic: str
    count: int
    messages_per_second: AnalyticOut
    latency_p50_ms: AnalyticOut | None
    latency_p99_ms: AnalyticOut | None
    latency_max_ms: AnalyticOut | None

    @classmethod
    def from_domain(cls, stats: TopicStats) -> TopicOut:
        return cls.from_attributes(
            stats,
            latency_p50_ms=stats.p50_ms,
            latency_p99_ms=stats.p99_ms,
            latency_max_ms=stats.max_ms,
        )


class PartitionLagOut(Output):
    topic: str
    partition: int
    lag: int


class GroupLagOut(Output):
    """A consumer group's lag per partition and in total."""

    group: str
    total: int
    partitions: list[PartitionLagOut]

    @classmethod
    def from_domain(cls, lag: GroupLag) -> GroupLagOut:
        return cls.from_attributes(
            lag,
            partitions=[
                PartitionLagOut(topic=t, partition=p, lag=n)
                for (t, p), n in sorted(lag.partitions.items())
            ],
        )


class AlertOut(Mirror[StreamAlert]):
    """An active alert: `latency` (a topic's p99, ms) or `lag` (a group's total, messages)."""

    kind: str
    subject: str
    value: AnalyticOut
    threshold: AnalyticOut
    since: datetime

    enum_values = ("kind",)


class ThresholdsOut(Output):
    latency_ms: AnalyticOut
    lag: int


class KafkaReportOut(Output, kw_only=True):
    """The streams now; `last_error`: the latest failure to read lag (the last read then shows)."""

    enabled: bool = True
    at: datetime
    window_seconds: AnalyticOut
    thresholds: ThresholdsOut
    topics: list[TopicOut]
    groups: list[GroupLagOut]
    alerts: list[AlertOut]
    lag_read_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None

    @classmethod
    def from_domain(cls, report: KafkaReport) -> KafkaReportOut:
        return cls.from_attributes(
            report,
            enabled=True,
            window_seconds=report.window_s,
            thresholds=ThresholdsOut.from_attributes(report.thresholds),
            topics=[TopicOut.from_domain(t) for t in report.topics],
            groups=[GroupLagOut.from_domain(g) for g in report.groups],
            alerts=[AlertOut.from_domain(a) for a in report.alerts],
        )


class ConsumerRestartedOut(Output):
    group: str
    restarted: bool = True


class AlertmanagerAlertIn(msgspec.Struct, kw_only=True):
    """One alert of Alertmanager's webhook (version 4). Fields Alertmanager may add later are
    ignored, not refused: the sender is a tool, and the receiver must not break on upgrade."""

    status: Literal["firing", "resolved"]
    labels: dict[str, str] = msgspec.field(default_factory=dict)
    annotations: dict[str, str] = msgspec.field(default_factory=dict)
    starts_at: datetime | None = msgspec.field(default=None, name="startsAt")
    ends_at: datetime | None = msgspec.field(default=None, name="endsAt")

    def to_domain(self) -> OpsAlert:
        return OpsAlert(self.status, self.labels, self.annotations, self.starts_at, self.ends_at)


class AlertmanagerWebhookIn(msgspec.Struct, kw_only=True):
    """Alertmanager's webhook payload, version "4" (prometheus.io/docs/alerting/latest/
    configuration/#webhook_config): the group's status and its alerts."""

    version: Literal["4"]
    status: Literal["firing", "resolved"]
    alerts: Annotated[list[AlertmanagerAlertIn], msgspec.Meta(max_length=MAX_ALERTS)]
    receiver: str = ""


class AlertsRelayedOut(Output):
    """How many alerts came in and how many notifications they made (alerts x desk)."""

    alerts: int
    notifications: int
