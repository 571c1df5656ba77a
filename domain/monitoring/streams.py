"""Stream health: per-topic rate and latency windows, consumer lag, and edge-triggered alerts."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.events import DomainEvent

# Latencies go into logarithmic bins 1% wide, so a percentile is within ~0.5% of the exact one
# while a window holds a few hundred counters at most, whatever the message rate.
_GROWTH = 0.01
_LOG_GROWTH = math.log1p(_GROWTH)
_SMALLEST_MS = 1e-3


@dataclass(frozen=True, slots=True)
class StreamThresholds:
    """When a stream is unhealthy: p99 latency above `latency_ms`, or a group's lag above `lag`."""

    latency_ms: float = 200.0
    lag: int = 2000


class AlertKind(StrEnum):
    """What an alert is about: one topic's latency or one consumer group's lag."""

    LATENCY = "latency"
    LAG = "lag"


@dataclass(frozen=True, slots=True)
class StreamAlertEvent(DomainEvent):
    """An alert about one topic or group (`subject`); the events of one alert stay ordered."""

    kind: AlertKind
    subject: str

    @property
    def aggregate_id(self) -> str:
        return f"{self.kind.value}:{self.subject}"


@dataclass(frozen=True, slots=True)
class StreamAlertRaised(StreamAlertEvent):
    """`value` (p99 latency in ms, or lag) went above `threshold`."""

    value: float
    threshold: float


@dataclass(frozen=True, slots=True)
class StreamAlertCleared(StreamAlertEvent):
    """The value is back at or below its threshold."""


@dataclass(frozen=True, slots=True)
class TopicStats:
    """One topic over the window: messages, their rate, and end-to-end latency (None when idle)."""

    topic: str
    count: int
    messages_per_second: float
    p50_ms: float | None
    p99_ms: float | None
    max_ms: float | None


@dataclass(frozen=True, slots=True)
class GroupLag:
    """A consumer group's lag: messages not yet committed, per (topic, partition) and in total."""

    group: str
    partitions: Mapping[tuple[str, int], int]
    total: int

    @classmethod
    def of(cls, group: str, partitions: Mapping[tuple[str, int], int]) -> GroupLag:
        return cls(group, dict(partitions), sum(partitions.values()))


@dataclass(frozen=True, slots=True)
class StreamAlert:
    """An alert that is on: what breached, by how much, and since when."""

    kind: AlertKind
    subject: str
    value: float
    threshold: float
    since: datetime


def _bin(latency_ms: float) -> int:
    if latency_ms <= 0.0:
        return 0
    return 1 + max(0, math.floor(math.log(latency_ms / _SMALLEST_MS) / _LOG_GROWTH))


def _bin_value(index: int) -> float:
    """The middle of a bin (bin 0 holds zero and negative latencies: clock skew)."""
    if index == 0:
        return 0.0
    lower = _SMALLEST_MS * math.exp((index - 1) * _LOG_GROWTH)
    return lower * (1.0 + _GROWTH / 2.0)


@dataclass(slots=True)
class _Slot:
    key: int
    count: int = 0
    low: float = math.inf
    high: float = -math.inf
    bins: dict[int, int] = field(default_factory=dict)


class StreamWindow:
    """The last `span_s` seconds of one topic's arrivals, in `resolution_s` slots (bounded memory).

    `add` is O(1); `stats` merges the live slots. Times are monotonic seconds; latencies are
    milliseconds from the record's timestamp to its arrival (negative ones count as zero).
    """

    def __init__(self, span_s: float = 60.0, resolution_s: float = 1.0) -> None:
        if span_s <= 0 or resolution_s <= 0 or resolution_s > span_s:
            raise ValueError("a window needs 0 < resolution_s <= span_s")
        self.span_s = span_s
        self.resolution_s = resolution_s
        self._slots_kept = max(1, round(span_s / resolution_s))
        self._slots: deque[_Slot] = deque()
        self._first_at: float | None = None

    def _key(self, at_s: float) -> int:
        return math.floor(at_s / self.resolution_s)

    def add(self, at_s: float, latency_ms: float) -> None:
        key = self._key(at_s)
        if self._first_at is None:
            self._first_at = at_s
        if not self._slots or key > self._slots[-1].key:
            self._slots.append(_Slot(key))
            self._evict(key)
        slot = self._slots[-1]  # a late arrival (clock jitter) joins the newest slot
        latency = max(0.0, latency_ms)
        slot.count += 1
        slot.low = min(slot.low, latency)
        slot.high = max(slot.high, latency)
        index = _bin(latency)
        slot.bins[index] = slot.bins.get(index, 0) + 1

    def _evict(self, now_key: int) -> None:
        oldest = now_key - self._slots_kept
        while self._slots and self._slots[0].key <= oldest:
            self._slots.popleft()

    def stats(self, topic: str, now_s: float) -> TopicStats:
        now_key = self._key(now_s)
        self._evict(now_key)
        live = [s for s in self._slots if s.key <= now_key]
        count = sum(s.count for s in live)
        if count == 0 or self._first_at is None:
            return TopicStats(topic, 0, 0.0, None, None, None)
        start = max(self._first_at, (now_key - self._slots_kept + 1) * self.resolution_s)
        rate = count / max(self.resolution_s, now_s - start)
        bins: dict[int, int] = {}
        for slot in live:
            for index, n in slot.bins.items():
                bins[index] = bins.get(index, 0) + n
        low = min(s.low for s in live)
        high = max(s.high for s in live)
        ranked = sorted(bins.items())
        return TopicStats(
            topic,
            count,
            rate,
            _percentile(ranked, count, 0.50, low, high),
            _percentile(ranked, count, 0.99, low, high),
            high,
        )


def _percentile(
    ranked: list[tuple[int, int]], count: int, q: float, low: float, high: float
) -> float:
    """Nearest-rank percentile over sorted bins, kept within the observed min and max."""
    rank = max(1, math.ceil(q * count))
    seen = 0
    for index, n in ranked:
        seen += n
        if seen >= rank:
            return min(high, max(low, _bin_value(index)))
    return high


class StreamHealth:
    """Edge-triggered alerts: a breach raises once, stays active while it lasts, and clears once.

    A topic alerts on p99 latency above the threshold, a group on total lag above it. A group
    whose lag could not be read this time (`unknown`) keeps its alert state as it was.
    """

    def __init__(self, thresholds: StreamThresholds | None = None) -> None:
        self.thresholds = thresholds or StreamThresholds()
        self._active: dict[tuple[AlertKind, str], StreamAlert] = {}

    @property
    def active(self) -> list[StreamAlert]:
        return [self._active[k] for k in sorted(self._active)]

    def evaluate(
        self,
        topics: Iterable[TopicStats],
        lags: Iterable[GroupLag],
        at: datetime,
        unknown: Collection[str] = (),
    ) -> list[DomainEvent]:
        """The alerts raised and cleared since the last evaluation, in a stable order."""
        limits = self.thresholds
        breaches: dict[tuple[AlertKind, str], tuple[float, float]] = {}
        for stats in topics:
            if stats.p99_ms is not None and stats.p99_ms > limits.latency_ms:
                breaches[(AlertKind.LATENCY, stats.topic)] = (stats.p99_ms, limits.latency_ms)
        for lag in lags:
            if lag.total > limits.lag:
                breaches[(AlertKind.LAG, lag.group)] = (float(lag.total), float(limits.lag))
        events: list[DomainEvent] = []
        for key in sorted(self._active):
            kind, subject = key
            if key in breaches or (kind is AlertKind.LAG and subject in unknown):
                continue
            del self._active[key]
            events.append(StreamAlertCleared(kind, subject))
        for key in sorted(breaches):
            value, threshold = breaches[key]
            current = self._active.get(key)
            if current is None:
                events.append(StreamAlertRaised(key[0], key[1], value, threshold))
            since = at if current is None else current.since
            self._active[key] = StreamAlert(key[0], key[1], value, threshold, since)
        return events
