"""What recording a model's score costs the serving path: `QueuedRecorder.offer_score`.

A MODEL signal offers one score per symbol at each bar close, the sentiment one per answer;
the offer builds the prediction (id, SHA-256 of the inputs) and appends it to a bounded
queue without waiting. Measured here: the time of one offer with the eleven signal features
as inputs, when the queue has room and when it is full (the drop path), and the drain's rate
into the in-memory store. Target: an offer within 50 µs at the median, so a 500-symbol bar
close spends at most 25 ms recording.
Run: `.venv/bin/python -m benchmarks.bench_score_recorder [--offers N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import time
from datetime import UTC, datetime

from adapters.memory.clock import SequentialIds
from adapters.memory.reviews import InMemoryPredictionStore
from application.model_records.queued import QueuedRecorder
from domain.model_signals.features import FEATURE_NAMES

TARGET_US = 50.0
AT = datetime(2026, 3, 2, tzinfo=UTC)


def timed_offers(recorder: QueuedRecorder, offers: int) -> list[float]:
    inputs = {name: 0.01 * k for k, name in enumerate(FEATURE_NAMES)}
    times = []
    for n in range(offers):
        started = time.perf_counter()
        recorder.offer_score("alpha", "v1", f"S{n % 500}", 0.3, inputs, AT)
        times.append((time.perf_counter() - started) * 1e6)
    return times


async def main(offers: int) -> None:
    store = InMemoryPredictionStore()
    roomy = QueuedRecorder(store, SequentialIds(), capacity=offers, batch=500)
    taken = timed_offers(roomy, offers)
    full = QueuedRecorder(store, SequentialIds(), capacity=1, batch=1)
    full.offer_score("alpha", "v1", "S0", 0.3, {}, AT)
    dropped = timed_offers(full, offers)
    started = time.perf_counter()
    while roomy.queued:
        await roomy.flush()
    drain = offers / (time.perf_counter() - started)
    print(f"Python {platform.python_version()}, {offers} offers")
    for label, times in (("offer, room", taken), ("offer, full (dropped)", dropped)):
        median = statistics.median(times)
        p99 = statistics.quantiles(times, n=100)[98]
        verdict = "met" if median <= TARGET_US else "not met"
        figures = f"median {median:6.1f} µs  p99 {p99:6.1f} µs"
        print(f"{label:24} {figures}  target ≤ {TARGET_US} µs {verdict}")
    print(f"drain into the memory store: {drain:,.0f} predictions/s (dropped {full.dropped})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().offers))
