"""RED figures per route (rate, errors, duration), kept in plain dicts for the edge layer.

The edge layer (adapters/http/edge.py) runs for every request, so recording one must cost
next to nothing: a dict lookup and two additions, no lock and no prometheus_client child
lookup. Labels are low-cardinality by construction: the method, Litestar's route TEMPLATE
(`/api/v1/orders/{order_id}`, never the raw path) or "unmatched" for what no route took
(404, 405, and refusals the edge writes itself), and the status code. The families are
built only when /metrics is scraped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TypeVar

from prometheus_client.metrics_core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

UNMATCHED = "unmatched"
# Seconds: from a cached GET (well under a millisecond) to a kill switch past its deadline.
DURATION_BUCKETS = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
)  # fmt: skip
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class _Durations:
    """One (method, route)'s histogram: a count per bucket (the last is +Inf) and the sum."""

    __slots__ = ("counts", "total")

    def __init__(self) -> None:
        self.counts = [0] * (len(DURATION_BUCKETS) + 1)
        self.total = 0.0


class HttpRed(Collector):
    """Counts requests by (method, route, status) and times them by (method, route)."""

    def __init__(self) -> None:
        self._requests: dict[tuple[str, str, int], int] = {}
        self._durations: dict[tuple[str, str], _Durations] = {}
        self._included: list[HttpRed] = []

    def include(self, other: HttpRed) -> None:
        """Expose `other`'s figures summed into these (the kill-switch lane's listener, which
        records on its own thread into its own HttpRed and serves no /metrics)."""
        self._included.append(other)

    def _snapshot(
        self,
    ) -> tuple[dict[tuple[str, str, int], int], dict[tuple[str, str], tuple[list[int], float]]]:
        requests: dict[tuple[str, str, int], int] = {}
        durations: dict[tuple[str, str], tuple[list[int], float]] = {}
        for red in (self, *self._included):
            for key, n in _copied(red._requests):
                requests[key] = requests.get(key, 0) + n
            for route, d in _copied(red._durations):
                counts, total = durations.get(route, ([0] * len(d.counts), 0.0))
                summed = [a + b for a, b in zip(counts, d.counts, strict=True)]
                durations[route] = (summed, total + d.total)
        return requests, durations

    def record(self, method: str, route: str | None, status: int, seconds: float) -> None:
        """One answered request. `route` is the template Litestar matched, None if none."""
        if method not in KNOWN_METHODS:
            method = "OTHER"  # an arbitrary token a client sent is no label value
        key = (method, route or UNMATCHED)
        counted = (*key, status)
        self._requests[counted] = self._requests.get(counted, 0) + 1
        durations = self._durations.get(key)
        if durations is None:
            durations = self._durations[key] = _Durations()
        durations.counts[bisect_left(DURATION_BUCKETS, seconds)] += 1
        durations.total += seconds

    def collect(self) -> Iterator[Metric]:
        requests = CounterMetricFamily(
            "bulwark_http_requests",
            "HTTP requests answered, by method, route template and status code",
            labels=["method", "route", "status"],
        )
        counted, timed = self._snapshot()
        for (method, route, status), n in sorted(counted.items()):
            requests.add_metric([method, route, str(status)], n)
        durations = HistogramMetricFamily(
            "bulwark_http_request_duration_seconds",
            "Seconds from a request's arrival at the edge to its last byte sent, by route",
            labels=["method", "route"],
        )
        for (method, route), (counts, total) in sorted(timed.items()):
            cumulative, buckets = 0, []
            for bound, n in zip((*map(str, DURATION_BUCKETS), "+Inf"), counts, strict=True):
                cumulative += n
                buckets.append((bound, cumulative))
            durations.add_metric([method, route], buckets, total)
        yield requests
        yield durations


K = TypeVar("K")
V = TypeVar("V")


def _copied(figures: dict[K, V]) -> list[tuple[K, V]]:
    """The items of a dict another thread may be adding to (the lane's): retried if it grew."""
    for _ in range(5):
        try:
            return list(figures.items())
        except RuntimeError:  # "dictionary changed size during iteration"
            continue
    return list(dict(figures).items())
