"""The garbage collector of a serving or consuming process: frozen after start-up, tuned.

Why (benchmarks/bench_latency.py, memory store, wrk at one connection, 2 shared cores): with
CPython's collector as it comes, full (generation 2) collections walk every live object,
~268k after start-up, for ~100 ms each: POST /api/v1/orders p99 50-95 ms, max 107-181 ms.
Frozen after start-up, a full collection walks only what was allocated since. The thresholds
(defaults in Settings): frozen with CPython's 700, 10, 10 the p99 was still 2.5-18 ms (max
33-64 ms): full collections come every 70k allocations and walk all the orders the store has
kept since start-up. A third threshold of 100 makes them ten times rarer (p99 1.8-3.5 ms, max
7-10 ms); a first threshold of 2000 makes young collections three times rarer while each
middle (generation 1) pass stays ~20k objects: 10000 lengthened the tail (max 15-18 ms), and
2000 and 5000 were alike within the noise of a shared machine.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

import structlog

from bootstrap.settings import Settings

_log = structlog.get_logger("bulwark.gc")


@dataclass(frozen=True)
class GcState:
    """What the collector was set to before tuning: restored by `restore` (tests, shutdown)."""

    thresholds: tuple[int, int, int]
    frozen_count: int


def tune_gc(settings: Settings) -> GcState | None:
    """After start-up: collect once, freeze what survived, raise the thresholds; None when off.

    Frozen objects (modules, classes, the container, demo data) are never traversed by a later
    collection, so a full (generation 2) collection on the hot path scans only what was
    allocated since start-up instead of every live object (~100 ms over ~268k objects before).
    """
    if not settings.gc_freeze:
        return None
    before = GcState(_thresholds(), gc.get_freeze_count())
    gc.collect()
    gc.freeze()
    gc.set_threshold(settings.gc_threshold_gen0, settings.gc_threshold_gen1,
                     settings.gc_threshold_gen2)  # fmt: skip
    _log.info("gc_frozen", frozen=gc.get_freeze_count(), thresholds=list(_thresholds()))
    return before


def restore_gc(state: GcState | None) -> None:
    """Undo `tune_gc`: the earlier thresholds, and the objects frozen by it collectable again."""
    if state is None:
        return
    gc.set_threshold(*state.thresholds)
    if state.frozen_count == 0:
        gc.unfreeze()


def _thresholds() -> tuple[int, int, int]:
    zero, one, two = gc.get_threshold()
    return zero, one, two
