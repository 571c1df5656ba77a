"""Stream windows (rate, latency percentiles) and edge-triggered stream alerts."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.monitoring.streams import (
    AlertKind,
    GroupLag,
    StreamAlertCleared,
    StreamAlertRaised,
    StreamHealth,
    StreamThresholds,
    StreamWindow,
    TopicStats,
)

T0 = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
latencies = st.lists(st.floats(min_value=0.01, max_value=1e6), min_size=1, max_size=300)


def exact_percentile(values: list[float], q: float) -> float:
    ranked = sorted(values)
    return ranked[max(1, math.ceil(q * len(ranked))) - 1]


def topic(name: str, p99: float | None) -> TopicStats:
    return TopicStats(name, 10, 1.0, p99, p99, p99)


def test_rate_counts_messages_per_second_over_the_window() -> None:
    window = StreamWindow(span_s=60.0)
    for second in range(100):
        window.add(1000.0 + second, 5.0)
        window.add(1000.5 + second, 5.0)

    stats = window.stats("t", now_s=1100.0)

    assert stats.count == 118  # arrivals from 1041 on: the older ones left the window
    assert stats.messages_per_second == pytest.approx(2.0)


def test_rate_before_the_window_fills_uses_the_time_observed() -> None:
    window = StreamWindow(span_s=60.0)
    for second in range(10):
        window.add(1000.0 + second, 1.0)

    stats = window.stats("t", now_s=1010.0)

    assert stats.messages_per_second == pytest.approx(1.0)


def test_old_arrivals_leave_the_window() -> None:
    window = StreamWindow(span_s=60.0)
    window.add(1000.0, 900.0)
    window.add(1030.0, 10.0)

    stats = window.stats("t", now_s=1070.0)

    assert stats.count == 1
    assert stats.max_ms == 10.0


def test_an_idle_topic_has_no_latency() -> None:
    window = StreamWindow(span_s=60.0)
    window.add(1000.0, 10.0)

    stats = window.stats("t", now_s=1200.0)

    assert stats == TopicStats("t", 0, 0.0, None, None, None)


def test_percentiles_of_a_known_spread() -> None:
    window = StreamWindow()
    for i in range(1, 101):
        window.add(1000.0, float(i))

    stats = window.stats("t", now_s=1000.0)

    assert stats.p50_ms == pytest.approx(50.0, rel=0.01)
    assert stats.p99_ms == pytest.approx(99.0, rel=0.01)
    assert stats.max_ms == 100.0


def test_negative_latency_from_clock_skew_counts_as_zero() -> None:
    window = StreamWindow()
    window.add(1000.0, -25.0)

    stats = window.stats("t", now_s=1000.0)

    assert (stats.p50_ms, stats.max_ms) == (0.0, 0.0)


def test_a_window_needs_a_positive_span() -> None:
    with pytest.raises(ValueError, match="span_s"):
        StreamWindow(span_s=0.0)


@given(latencies)
def test_percentiles_are_ordered_and_bounded(values: list[float]) -> None:
    window = StreamWindow()
    for value in values:
        window.add(1000.0, value)

    stats = window.stats("t", now_s=1000.0)

    assert stats.p50_ms is not None and stats.p99_ms is not None and stats.max_ms is not None
    assert min(values) <= stats.p50_ms <= stats.p99_ms <= stats.max_ms == max(values)


@given(latencies, st.sampled_from([0.5, 0.99]))
def test_percentiles_are_within_one_percent_of_exact(values: list[float], q: float) -> None:
    window = StreamWindow()
    for value in values:
        window.add(1000.0, value)

    stats = window.stats("t", now_s=1000.0)

    found = stats.p50_ms if q == 0.5 else stats.p99_ms
    assert found == pytest.approx(exact_percentile(values, q), rel=0.01)


def test_group_lag_totals_its_partitions() -> None:
    lag = GroupLag.of("g", {("t", 0): 3, ("t", 1): 4})

    assert lag.total == 7


def test_a_steady_breach_alerts_once() -> None:
    health = StreamHealth(StreamThresholds(latency_ms=200.0, lag=2000))

    first = health.evaluate([topic("orders", 250.0)], [], T0)
    second = health.evaluate([topic("orders", 300.0)], [], T0 + timedelta(seconds=1))

    assert first == [StreamAlertRaised(AlertKind.LATENCY, "orders", 250.0, 200.0)]
    assert second == []
    [alert] = health.active
    assert (alert.value, alert.since) == (300.0, T0)


def test_a_breach_that_ends_clears_once() -> None:
    health = StreamHealth()
    health.evaluate([], [GroupLag.of("g", {("t", 0): 2001})], T0)

    cleared = health.evaluate([], [GroupLag.of("g", {("t", 0): 2000})], T0)
    again = health.evaluate([], [GroupLag.of("g", {("t", 0): 0})], T0)

    assert cleared == [StreamAlertCleared(AlertKind.LAG, "g")]
    assert again == []
    assert health.active == []


def test_values_at_the_threshold_do_not_alert() -> None:
    health = StreamHealth(StreamThresholds(latency_ms=200.0, lag=2000))

    events = health.evaluate([topic("t", 200.0)], [GroupLag.of("g", {("t", 0): 2000})], T0)

    assert events == []


def test_an_unreadable_group_keeps_its_alert() -> None:
    health = StreamHealth()
    health.evaluate([], [GroupLag.of("g", {("t", 0): 5000})], T0)

    events = health.evaluate([], [], T0, unknown={"g"})

    assert events == []
    assert [a.subject for a in health.active] == ["g"]


def test_an_idle_or_vanished_subject_clears() -> None:
    health = StreamHealth()
    health.evaluate([topic("t", 500.0)], [GroupLag.of("g", {("t", 0): 5000})], T0)

    events = health.evaluate([topic("t", None)], [], T0)

    assert events == [
        StreamAlertCleared(AlertKind.LAG, "g"),
        StreamAlertCleared(AlertKind.LATENCY, "t"),
    ]
