"""The garbage collector of a serving or consuming process: frozen after start-up, tuned.

Why (benchmarks/bench_latency.py, memory store, wrk at one connection, 2 shared cores, the
collector's own pauses from bulwark_gc_* on /metrics): as CPython sets it, each full
(generation 2) collection walks every live object, start-up's ~268k included: the longest
115-165 ms, p99 55-100 ms. Frozen after start-up, a collection walks only what was allocated since.
Thresholds (defaults in Settings), measured side by side over two 10 s rounds: frozen with
CPython's 700, 10, 10 there were still 3-4 full collections per round (every 70k allocations,
each walking every order the store kept since start-up: longest 32-57 ms, p99 2.3-14 ms);
2000, 10, 100: no full collection in 20 s, longest pause 2.9 ms, p99 1.3-1.4 ms; 5000, 10, 100:
no full collection either but middle (generation 1) passes over 50k objects, longest 7.7 ms.
Left: what the process keeps growing is still walked by the first full collection that comes
(~90 s of orders at 1,500/s on the memory store, which keeps every order: a 296 ms pause).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

import structlog

from bootstrap.settings import Settings

_log = structlog.get_logger("bulwark.gc")
# While `serve` starts: a young collection every 50,000 allocations instead of 700. The start-up
# allocates ~500k objects (modules, classes, routes, the container) that all live on, so each
# collection found nothing to free: ~1.1 of 6.3 CPU seconds of a start, measured side by side.
START_UP_THRESHOLDS = (50_000, 50, 1_000)
_before_start_up: tuple[int, int, int] | None = None


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
    if not settings.core.gc_freeze:
        end_start_up()
        return None
    # Collected before any lower threshold is set: set first, the next allocation would start
    # a full collection of its own over the start-up's heap, then this one a second.
    before = GcState(_before_start_up or _thresholds(), gc.get_freeze_count())
    gc.collect()
    gc.freeze()
    end_start_up()
    gc.set_threshold(settings.core.gc_threshold_gen0, settings.core.gc_threshold_gen1,
                     settings.core.gc_threshold_gen2)  # fmt: skip
    _log.info("gc_frozen", frozen=gc.get_freeze_count(), thresholds=list(_thresholds()))
    return before


def during_start_up() -> None:
    """Raise the collector's thresholds until the start-up ends (`tune_gc`, or `end_start_up`)."""
    global _before_start_up
    if _before_start_up is None:
        _before_start_up = _thresholds()
    gc.set_threshold(*START_UP_THRESHOLDS)


def end_start_up() -> tuple[int, int, int]:
    """The thresholds from before `during_start_up`, set again (the current ones if it was not
    called)."""
    global _before_start_up
    if _before_start_up is not None:
        gc.set_threshold(*_before_start_up)
        _before_start_up = None
    return _thresholds()


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
