"""Surveillance: events/s through all six detectors on one core (target >= 200,000), memory
per 10,000 active keys, and precision / recall per pattern on held-out mixed days.

- throughput: mixed days (market makers, momentum and noise traders, every abuse pattern)
  generated first, then fed to one engine; the figure is events over the process CPU time
  of the feed (best of `--repeats`; wall time beside it). Also the same events as domain
  events through `application.surveillance.feed.apply` (what the in-process run and
  `bulwark surveil` pay per event on top: Decimal and datetime conversions).
- memory: 10,000 (owner, symbol) keys each with a full set of bounded state (its fills,
  message times, recent orders, cancels, aggressive fills kept at their maximum), measured
  with tracemalloc; and the steady state of a mixed day's keys.
- quality: benchmarks/surveillance_quality.py on QUALITY_SEEDS (`--no-quality` skips it).

Run: `.venv/bin/python -m benchmarks.bench_surveillance [--days N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
import tracemalloc

from benchmarks.surveillance_events import as_domain
from benchmarks.surveillance_quality import score, table
from benchmarks.surveillance_scenarios import QUALITY_SEEDS, mixed_day
from benchmarks.surveillance_sim import US, Event, feed
from domain.surveillance.engine import SurveillanceEngine

TARGET_EVENTS_PER_S = 200_000
DAY_US = 86_400 * US


def _days(count: int) -> list[Event]:
    """`count` mixed days on consecutive dates (so each is a session of its own)."""
    events: list[Event] = []
    for n in range(count):
        shift = n * DAY_US
        for event in mixed_day(1_000 + n).events:
            events.append((event[0], event[1] + shift, *event[2:]))
    return events


def throughput(events: list[Event], repeats: int) -> tuple[float, float, int]:
    """(events/s of CPU, events/s of wall, detections) of the best run."""
    best_cpu = best_wall = float("inf")
    found = 0
    for _ in range(repeats):
        engine = SurveillanceEngine()
        gc.collect()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        feed(engine, events)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
        found = len(engine.take())
    return len(events) / best_cpu, len(events) / best_wall, found


def through_apply(events: list[Event]) -> float:
    """Events/s (CPU) of the domain-event path: apply() converting each event first."""
    from application.surveillance.feed import apply

    domain = list(as_domain(events))
    engine = SurveillanceEngine()
    cpu0 = time.process_time()
    for event in domain:
        apply(engine, event, 0)
    return len(domain) / (time.process_time() - cpu0)


def memory_per_key(keys: int = 10_000) -> tuple[float, int]:
    """Bytes per active key with every bounded structure full; and the engine's total."""
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    engine = SurveillanceEngine()
    at = 1_772_470_800 * US
    n = 0
    for k in range(keys):
        owner, account = f"owner-{k:05d}", f"acc-{k:05d}"
        for i in range(70):  # orders and cancels: the message times, recent orders, cancels
            n += 1
            at += 1_000
            order_id = f"o{n}"
            engine.on_order(at, order_id, account, owner, "bot", "SYM", 1, 10.0, 99.0,
                            99.99, 100.0, False)  # fmt: skip
            if i < 64:  # fills: the key's fills and aggressive fills (a one-lot market order)
                engine.on_order(at, order_id + "m", account, owner, "bot", "SYM", -1, 1.0,
                                0.0, 99.99, 100.0, True)  # fmt: skip
                engine.on_fill(at, order_id + "m", account, owner, "SYM", -1, 1.0, 99.99,
                               f"f{n}")  # fmt: skip
            engine.on_cancel(at + 10, order_id)
        at += US  # the next key a second later: all of them within one session day
    engine.take()
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    total = sum(s.size_diff for s in after.compare_to(before, "filename"))
    return total / keys, total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--no-quality", action="store_true")
    args = parser.parse_args(argv)

    print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    events = _days(args.days)
    cpu_rate, wall_rate, found = throughput(events, args.repeats)
    print(
        f"all six detectors, {len(events):,} events ({args.days} mixed days), one core: "
        f"{cpu_rate:,.0f} events/s CPU (target >= {TARGET_EVENTS_PER_S:,}: "
        f"{'met' if cpu_rate >= TARGET_EVENTS_PER_S else 'MISSED'}), {wall_rate:,.0f} events/s "
        f"wall, best of {args.repeats}; {found} alerts"
    )
    print(f"  with the domain-event conversion (apply): {through_apply(events):,.0f} events/s CPU")
    per_key, total = memory_per_key(args.keys)
    print(
        f"memory: {per_key / 1024:,.1f} KiB per active key with every bounded structure full "
        f"({total / 2**20:,.1f} MiB for {args.keys:,} keys)"
    )
    steady = SurveillanceEngine()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    feed(steady, events[: len(events) // args.days])
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    print(f"  a mixed day's steady state: {used / len(steady.keys) / 1024:,.1f} KiB per key "
          f"({len(steady.keys)} keys, {len(steady.orders)} live orders)")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not args.no_quality:
        days = [mixed_day(seed) for seed in QUALITY_SEEDS]
        print(f"quality, held-out seeds {QUALITY_SEEDS.start}..{QUALITY_SEEDS.stop - 1}:")
        print(table(score(days)))


if __name__ == "__main__":
    main()
