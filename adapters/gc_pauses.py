"""Garbage-collector pauses: each collection timed per generation (gc.callbacks), for /metrics.

A collection holds the GIL, so the loop watchdog's thread cannot run during it: the watchdog
counts a long one afterwards as a whole-process pause, but only these figures say it was the
collector, per generation and however short.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

GENERATIONS = (0, 1, 2)


class GcPauses:
    """Counts and times the collections of this process's collector, per generation."""

    def __init__(self) -> None:
        self.collections = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self.longest = [0.0, 0.0, 0.0]
        self._started = 0.0

    def install(self) -> None:
        """Start timing collections (idempotent)."""
        if self._on_collect not in gc.callbacks:
            gc.callbacks.append(self._on_collect)

    def remove(self) -> None:
        """Stop timing collections."""
        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self._on_collect)

    def _on_collect(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        generation = int(info["generation"])
        took = time.perf_counter() - self._started
        self.collections[generation] += 1
        self.seconds[generation] += took
        self.longest[generation] = max(self.longest[generation], took)


class GcPausesCollector(Collector):
    """Prometheus figures of the collector's pauses, read at scrape time."""

    def __init__(self, pauses: GcPauses) -> None:
        self._pauses = pauses

    def describe(self) -> Iterator[Metric]:
        yield from self._families()

    def collect(self) -> Iterator[Metric]:
        count, seconds, longest = self._families()
        for generation in GENERATIONS:
            label = [str(generation)]
            count.add_metric(label, self._pauses.collections[generation])
            seconds.add_metric(label, self._pauses.seconds[generation])
            longest.add_metric(label, self._pauses.longest[generation])
        yield from (count, seconds, longest)

    @staticmethod
    def _families() -> tuple[CounterMetricFamily, CounterMetricFamily, GaugeMetricFamily]:
        return (
            CounterMetricFamily(
                "bulwark_gc_collections",
                "Garbage collections since start-up, per generation (2: full)",
                labels=["generation"],
            ),
            CounterMetricFamily(
                "bulwark_gc_pause_seconds",
                "Seconds the garbage collector held the GIL since start-up, per generation",
                labels=["generation"],
            ),
            GaugeMetricFamily(
                "bulwark_gc_longest_pause_seconds",
                "The longest garbage collection since start-up, per generation",
                labels=["generation"],
            ),
        )
