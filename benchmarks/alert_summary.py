"""bench_alert_latency's figures and their report: percentiles per kind and channel beside the
targets, and the server's own histogram read from a /metrics scrape."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from prometheus_client.parser import text_string_to_metric_families

from benchmarks.http_driver import cores

# p99 event -> delivery: in-app and WebSocket within a second, the webhook within the
# five-second bar of MiFID II RTS 6 Art. 16.
TARGETS_S = {"in_app": 1.0, "websocket": 1.0, "webhook": 5.0}
FAMILY = "bulwark_alert_delivery_seconds"


@dataclass(frozen=True)
class Figures:
    """Delays (s) per (kind, channel), notices missed, rounds per kind, problems, and the
    server's histogram per channel (bucket bound -> cumulative count, all kinds summed)."""

    delays: Mapping[tuple[str, str], Sequence[float]]
    missed: Mapping[tuple[str, str], int] = field(default_factory=dict)
    rounds: Mapping[str, int] = field(default_factory=dict)
    problems: Sequence[str] = ()
    server: Mapping[str, Mapping[float, float]] = field(default_factory=dict)


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile `q` (0-100) of `values` (not empty)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def bucket_quantile(q: float, buckets: Mapping[float, float]) -> float | None:
    """Prometheus's histogram_quantile over cumulative buckets (linear within a bucket)."""
    bounds = sorted(buckets)
    total = buckets[bounds[-1]] if bounds else 0
    if total <= 0:
        return None
    rank, lower, below = q * total, 0.0, 0.0
    for bound in bounds:
        count = buckets[bound]
        if count >= rank:
            if math.isinf(bound):
                return lower
            return lower + (bound - lower) * (rank - below) / max(count - below, 1e-12)
        lower, below = bound, count
    return lower


def server_histogram(exposition: str) -> dict[str, dict[float, float]]:
    """The scrape's bulwark_alert_delivery_seconds buckets per channel, every kind summed."""
    channels: dict[str, dict[float, float]] = {}
    for family in text_string_to_metric_families(exposition):
        if family.name != FAMILY:
            continue
        for sample in family.samples:
            if sample.name == f"{FAMILY}_bucket":
                per = channels.setdefault(sample.labels["channel"], {})
                bound = float(sample.labels["le"])
                per[bound] = per.get(bound, 0.0) + sample.value
    return channels


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.1 else f"{seconds * 1000:,.1f}"


def _row(label: str, channel: str, values: Sequence[float], missed: int) -> str:
    target = TARGETS_S[channel]
    if not values:
        return (
            f"| {label} | {channel} | 0 | - | - | - | {missed} | <= {target:g} s | NOT measured |"
        )
    p99 = percentile(values, 99)
    verdict = "met" if p99 <= target and not missed else "NOT met"
    return (
        f"| {label} | {channel} | {len(values)} | {_ms(percentile(values, 50))} "
        f"| {_ms(percentile(values, 95))} | {_ms(p99)} | {missed} | <= {target:g} s "
        f"| {verdict} |"
    )


def report(figures: Figures, out: TextIO) -> None:
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    channels = tuple(TARGETS_S)
    kinds = sorted({kind for kind, _ in figures.delays} | {k for k, _ in figures.missed})
    print(
        f"bench_alert_latency: event -> delivery, `bulwark serve --demo` as `make run` "
        f"configures it (SQLite); {cores()} cores, load average {load}",
        file=out,
    )
    print(
        "| kind | channel | n | p50 ms | p95 ms | p99 ms | missed | target p99 | verdict |",
        file=out,
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |", file=out)
    for kind in kinds:
        for channel in channels:
            key = (kind, channel)
            row = _row(kind, channel, figures.delays.get(key, ()), figures.missed.get(key, 0))
            print(row, file=out)
    for channel in channels:
        every = [v for (_, c), vs in figures.delays.items() if c == channel for v in vs]
        lost = sum(n for (_, c), n in figures.missed.items() if c == channel)
        print(_row("every kind", channel, every, lost), file=out)
    rounds = ", ".join(f"{kind} {n}" for kind, n in sorted(figures.rounds.items()))
    print(f"rounds: {rounds or 'none'}; in-app read every 20 ms (up to that much late)", file=out)
    for problem in figures.problems:
        print(f"problem: {problem}", file=out)
    if figures.server:
        print(f"the server's own {FAMILY} (every kind, every round), p50 / p95 / p99:", file=out)
        for channel, buckets in sorted(figures.server.items()):
            quantiles = [bucket_quantile(q, buckets) for q in (0.5, 0.95, 0.99)]
            shown = " / ".join("-" if v is None else f"{_ms(v)} ms" for v in quantiles)
            count = buckets.get(math.inf, 0.0)
            over = count - buckets.get(5.0, count)
            print(f"  {channel}: {shown} ({count:.0f} deliveries, {over:.0f} over 5 s)", file=out)
