"""The order path's labelled series expose exactly what prometheus_client's own would."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from adapters.metrics.series import LabelledCounter, LabelledHistogram

BUCKETS = (0.001, 0.01, 0.1, 1.0)
LABELS = st.sampled_from([("paper", "submit"), ("paper", "cancel"), ("alpaca", "submit")])
# values on, between and beyond the bounds (a value equal to a bound falls in that bucket)
VALUES = st.one_of(st.sampled_from(BUCKETS), st.floats(0, 5, allow_nan=False))


def exposition(registry: CollectorRegistry) -> list[str]:
    """The sample lines, without `_created` (a timestamp prometheus_client adds to its own)."""
    text = generate_latest(registry).decode()
    return sorted(line for line in text.splitlines() if "_created" not in line)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(LABELS, VALUES), max_size=40))
def test_a_histogram_exposes_what_prometheus_client_would(
    samples: list[tuple[tuple[str, str], float]],
) -> None:
    # Arrange
    ours, theirs = CollectorRegistry(), CollectorRegistry()
    fast = LabelledHistogram("calls_seconds", "doc", ["adapter", "operation"], BUCKETS)
    ours.register(fast)
    reference = Histogram(
        "calls_seconds", "doc", ["adapter", "operation"], buckets=BUCKETS, registry=theirs
    )

    # Act
    for labels, value in samples:
        fast.labels(*labels).observe(value)
        reference.labels(*labels).observe(value)

    # Assert
    assert exposition(ours) == exposition(theirs)


def test_a_counter_exposes_what_prometheus_client_would() -> None:
    # Arrange
    ours, theirs = CollectorRegistry(), CollectorRegistry()
    fast = LabelledCounter("decisions", "doc", ["outcome", "reason"])
    ours.register(fast)
    reference = Counter("decisions", "doc", ["outcome", "reason"], registry=theirs)

    # Act
    for labels in [("accepted", "none")] * 3 + [("rejected", "MAX_POSITION")]:
        fast.labels(*labels).inc()
        reference.labels(*labels).inc()

    # Assert
    assert exposition(ours) == exposition(theirs)


def test_samples_from_two_threads_are_all_counted() -> None:
    # Arrange
    histogram = LabelledHistogram("calls_seconds", "doc", ["adapter"], BUCKETS)
    series = histogram.labels("paper")

    def observe() -> None:
        for _ in range(20_000):
            series.observe(0.005)

    threads = [threading.Thread(target=observe) for _ in range(2)]

    # Act
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Assert
    assert sum(series.counts) == 40_000
    assert series.total == pytest.approx(40_000 * 0.005)


def test_wrong_labels_and_unordered_buckets_are_refused() -> None:
    # Arrange
    histogram = LabelledHistogram("calls_seconds", "doc", ["adapter", "operation"], BUCKETS)

    # Act / Assert
    with pytest.raises(ValueError, match="expected labels"):
        histogram.labels("paper")
    with pytest.raises(ValueError, match="increasing"):
        LabelledHistogram("x", "doc", ["a"], (1.0, 0.1))
