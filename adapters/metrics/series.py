"""Labelled counters and histograms for the order path: one lock and a bisect per sample.

prometheus_client's Histogram.observe walks its buckets in a Python loop and takes a lock per
bucket value and per sum (~3 µs a sample here; a Counter.inc ~1 µs): the gate's decision and
every broker call pay it once per order. These keep each label set's counts in plain lists
under one lock (samples come from the event loop and the kill-switch lane's thread) and build
the same metric families, names and bucket bounds only when /metrics is scraped.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from prometheus_client import utils as prometheus_utils
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

# The `le` label as prometheus_client writes it ("5e-05", "1.0", "+Inf").
bound_label: Callable[[float], str] = prometheus_utils.floatToGoString


class HistogramSeries:
    """One label set's buckets (counts per bucket, not cumulative) and sum."""

    __slots__ = ("_bounds", "_lock", "counts", "total")

    def __init__(self, bounds: tuple[float, ...], lock: threading.Lock) -> None:
        self._bounds = bounds  # ends with +Inf
        self._lock = lock
        self.counts = [0] * len(bounds)
        self.total = 0.0

    def observe(self, value: float) -> None:
        index = bisect_left(self._bounds, value)  # the first bucket whose bound is >= value
        with self._lock:
            self.counts[index] += 1
            self.total += value


class CounterSeries:
    """One label set's count."""

    __slots__ = ("_lock", "value")

    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock
        self.value = 0.0

    def inc(self, amount: float = 1.0) -> None:
        with self._lock:
            self.value += amount


S = TypeVar("S", HistogramSeries, CounterSeries)


class _Labelled(Collector, Generic[S]):
    """One series per label set, made on first use; all of them share one lock."""

    def __init__(self, name: str, documentation: str, labels: Sequence[str]) -> None:
        self._name, self._doc, self._labels = name, documentation, tuple(labels)
        self._lock = threading.Lock()
        self._series: dict[tuple[str, ...], S] = {}

    def _new_series(self) -> S:
        raise NotImplementedError

    def labels(self, *values: str) -> S:
        series = self._series.get(values)
        if series is None:
            if len(values) != len(self._labels):
                raise ValueError(f"{self._name}: expected labels {self._labels}, got {values}")
            with self._lock:
                series = self._series.setdefault(values, self._new_series())
        return series


class LabelledHistogram(_Labelled[HistogramSeries]):
    """A histogram by label values, exposed as prometheus_client's Histogram would be."""

    def __init__(
        self, name: str, documentation: str, labels: Sequence[str], buckets: Sequence[float]
    ) -> None:
        bounds = tuple(float(b) for b in buckets)
        if bounds != tuple(sorted(bounds)) or not bounds:
            raise ValueError(f"{name}: buckets must be in increasing order")
        self._bounds = bounds if math.isinf(bounds[-1]) else (*bounds, math.inf)
        super().__init__(name, documentation, labels)

    def _new_series(self) -> HistogramSeries:
        return HistogramSeries(self._bounds, self._lock)

    def collect(self) -> Iterable[Metric]:
        family = HistogramMetricFamily(self._name, self._doc, labels=self._labels)
        with self._lock:
            snapshot = [(k, list(s.counts), s.total) for k, s in self._series.items()]
        for values, counts, total in snapshot:
            running, buckets = 0, []
            for bound, count in zip(self._bounds, counts, strict=True):
                running += count
                buckets.append((bound_label(bound), running))
            family.add_metric(list(values), buckets, total)
        yield family


class LabelledCounter(_Labelled[CounterSeries]):
    """A counter by label values, exposed as prometheus_client's Counter would be."""

    def _new_series(self) -> CounterSeries:
        return CounterSeries(self._lock)

    def collect(self) -> Iterable[Metric]:
        family = CounterMetricFamily(self._name, self._doc, labels=self._labels)
        with self._lock:
            snapshot = [(k, s.value) for k, s in self._series.items()]
        for values, value in snapshot:
            family.add_metric(list(values), value)
        yield family
