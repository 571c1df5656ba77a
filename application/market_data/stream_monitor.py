"""Stream monitoring: topic rates and latency, consumer lag, threshold alerts, consumer restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from application.core.pacing import pause
from domain.errors import NotFound
from domain.events import DomainEvent
from domain.monitoring.streams import (
    AlertKind,
    GroupLag,
    StreamAlert,
    StreamAlertRaised,
    StreamHealth,
    StreamThresholds,
    StreamWindow,
    TopicStats,
)
from ports.core.clock import Clock
from ports.core.events import EventPublisher, Notification, Notifier, Severity
from ports.market_data.streams import ConsumerLagSource, ConsumerSupervisor


@dataclass(frozen=True, slots=True)
class KafkaReport:
    """The streams as last seen: per-topic rate and latency, per-group lag, active alerts.

    `last_error` is the latest failure to read lag or to publish alerts (kept, with its time,
    after later reads succeed); a group's lag is then the last one read.
    """

    at: datetime
    window_s: float
    thresholds: StreamThresholds
    topics: tuple[TopicStats, ...]
    groups: tuple[GroupLag, ...]
    alerts: tuple[StreamAlert, ...]
    lag_read_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None


class StreamMonitorService:
    """Watches the Kafka streams: consumers `observe` each record, `check` runs on a timer.

    Alerts are edge-triggered: a breach publishes StreamAlertRaised and notifies `recipient`
    once, its end publishes StreamAlertCleared. Lag is read for Bulwark's own consumer groups
    and any `watch`ed ones.
    """

    def __init__(
        self,
        lag_source: ConsumerLagSource,
        supervisor: ConsumerSupervisor,
        publisher: EventPublisher,
        notifier: Notifier,
        clock: Clock,
        thresholds: StreamThresholds | None = None,
        *,
        window_s: float = 60.0,
        watch: Sequence[str] = (),
        recipient: str = "operations",
    ) -> None:
        self._lag_source = lag_source
        self._supervisor = supervisor
        self._publisher = publisher
        self._notifier = notifier
        self._clock = clock
        self._health = StreamHealth(thresholds)
        self._window_s = window_s
        self._watch = tuple(watch)
        self._recipient = recipient
        self._windows: dict[str, StreamWindow] = {}
        self._lags: dict[str, GroupLag] = {}
        self._lag_read_at: datetime | None = None
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None

    @property
    def thresholds(self) -> StreamThresholds:
        return self._health.thresholds

    def observe(self, topic: str, record_timestamp_ms: int) -> None:
        """Count one record of `topic` arriving now (called by consumers, per record)."""
        window = self._windows.get(topic)
        if window is None:
            window = self._windows[topic] = StreamWindow(self._window_s)
        latency_ms = self._clock.now().timestamp() * 1000.0 - record_timestamp_ms
        window.add(self._clock.monotonic(), latency_ms)

    def snapshot(self) -> KafkaReport:
        """The report from the windows now and the lag last read (no I/O)."""
        return KafkaReport(
            at=self._clock.now(),
            window_s=self._window_s,
            thresholds=self.thresholds,
            topics=self._topic_stats(),
            groups=tuple(self._lags[g] for g in sorted(self._lags)),
            alerts=tuple(self._health.active),
            lag_read_at=self._lag_read_at,
            last_error=self._last_error,
            last_error_at=self._last_error_at,
        )

    async def report(self) -> KafkaReport:
        """Read the lag afresh, then report."""
        await self._read_lags()
        return self.snapshot()

    async def check(self) -> list[DomainEvent]:
        """Evaluate the thresholds; publish what was raised or cleared and notify on raises."""
        unknown = await self._read_lags()
        lags = [lag for group, lag in self._lags.items() if group not in unknown]
        events = self._health.evaluate(self._topic_stats(), lags, self._clock.now(), unknown)
        if events:
            await self._publisher.publish(events)
        for event in events:
            if isinstance(event, StreamAlertRaised):
                await self._notifier.notify(_notification(self._recipient, event))
        return events

    async def restart_consumer(self, group: str) -> None:
        """Restart one of Bulwark's consumer groups; NotFound for a group it does not run."""
        if group not in self._supervisor.groups():
            raise NotFound(f"consumer group {group} not found")
        await self._supervisor.restart(group)

    async def run(self, interval_s: float, stop: asyncio.Event) -> None:
        """`check` every `interval_s` until `stop` is set; a failed check is kept, not raised."""
        while not stop.is_set():
            try:
                await self.check()
            except Exception as exc:  # the monitor must outlive a broker or publisher outage
                self._failed(exc)
            await pause(self._clock, interval_s, stop)

    def _groups(self) -> list[str]:
        return sorted({*self._supervisor.groups(), *self._watch})

    async def _read_lags(self) -> set[str]:
        """Refresh each group's lag; returns the groups that could not be read."""
        groups = self._groups()
        answers = await asyncio.gather(
            *(self._lag_source.lag(g) for g in groups), return_exceptions=True
        )
        unknown: set[str] = set()
        for group in set(self._lags) - set(groups):
            del self._lags[group]
        for group, answer in zip(groups, answers, strict=True):
            if isinstance(answer, GroupLag):
                self._lags[group] = answer
            elif isinstance(answer, Exception):
                unknown.add(group)
                self._failed(answer, f"lag of {group}")
            else:  # CancelledError and friends are not ours to swallow
                raise answer
        if not unknown:
            self._lag_read_at = self._clock.now()
        return unknown

    def _topic_stats(self) -> tuple[TopicStats, ...]:
        now_s = self._clock.monotonic()
        return tuple(self._windows[t].stats(t, now_s) for t in sorted(self._windows))

    def _failed(self, exc: Exception, what: str = "check") -> None:
        self._last_error = f"{what}: {type(exc).__name__}: {exc}"
        self._last_error_at = self._clock.now()


def _notification(recipient: str, event: StreamAlertRaised) -> Notification:
    if event.kind is AlertKind.LAG:
        subject = f"Kafka consumer group {event.subject} is lagging"
        body = (
            f"Consumer group {event.subject} is {event.value:,.0f} messages behind "
            f"(alert above {event.threshold:,.0f})."
        )
    else:
        subject = f"Kafka topic {event.subject} is slow"
        body = (
            f"End-to-end latency on {event.subject} is {event.value:,.1f} ms at p99 "
            f"(alert above {event.threshold:,.1f} ms)."
        )
    return Notification(recipient, subject, body, Severity.WARNING)
