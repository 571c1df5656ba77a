"""GcPauses counts and times each collection per generation while installed, and only then."""

from __future__ import annotations

import gc

from adapters.gc_pauses import GcPauses, GcPausesCollector


def test_a_full_collection_is_counted_and_timed_while_installed() -> None:
    # Arrange
    pauses = GcPauses()
    pauses.install()

    # Act
    try:
        gc.collect(2)
    finally:
        pauses.remove()
    gc.collect(2)  # after remove: not counted

    # Assert
    assert pauses.collections[2] == 1
    assert pauses.seconds[2] > 0
    assert pauses.longest[2] == pauses.seconds[2]


def test_the_collector_reports_each_generation() -> None:
    # Arrange
    pauses = GcPauses()
    pauses.collections[2], pauses.seconds[2], pauses.longest[2] = 3, 0.25, 0.125

    # Act
    samples = {
        (s.name, s.labels.get("generation")): s.value
        for family in GcPausesCollector(pauses).collect()
        for s in family.samples
    }

    # Assert
    assert samples[("bulwark_gc_collections_total", "2")] == 3
    assert samples[("bulwark_gc_pause_seconds_total", "2")] == 0.25
    assert samples[("bulwark_gc_longest_pause_seconds", "2")] == 0.125
    assert samples[("bulwark_gc_collections_total", "0")] == 0
