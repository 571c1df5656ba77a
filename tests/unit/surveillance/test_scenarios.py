"""The detectors on the labelled scenarios: each pattern found, normal flow left alone, and
precision and recall on mixed days of a seed range never used to choose the thresholds.

The figures: `.venv/bin/python -m benchmarks.surveillance_quality` (docs/performance.md).
"""

from __future__ import annotations

import pytest

from benchmarks.surveillance_quality import (
    PRECISION_TARGET,
    RECALL_TARGET,
    detect,
    score,
)
from benchmarks.surveillance_scenarios import (
    PATTERNS,
    QUALITY_SEEDS,
    market_making_day,
    mixed_day,
    momentum_day,
    pattern_day,
)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_each_pattern_is_found_in_its_own_scenario_and_nothing_else_is(pattern: str) -> None:
    # Arrange
    days = [pattern_day(pattern, seed) for seed in (11, 12)]

    # Act
    tallies = score(days)

    # Assert
    assert tallies[pattern].episodes == 4
    assert tallies[pattern].recall == 1.0 and tallies[pattern].precision == 1.0
    assert sum(t.alerts for name, t in tallies.items() if name != pattern) == 0


def test_normal_market_making_raises_no_alert() -> None:
    # Arrange: six market makers quoting three symbols for an hour
    day = market_making_day(21)

    # Act
    alerts = detect(day)

    # Assert
    assert len(day.events) > 10_000
    assert alerts == []


def test_momentum_trading_that_rides_a_move_is_not_momentum_ignition() -> None:
    # Arrange
    days = [momentum_day(seed) for seed in (31, 32)]

    # Act
    alerts = [a for day in days for a in detect(day)]

    # Assert
    assert alerts == []


def test_precision_and_recall_on_held_out_mixed_days_meet_the_targets() -> None:
    # Arrange: seeds no threshold was chosen on (benchmarks/surveillance_scenarios.py)
    days = [mixed_day(seed) for seed in QUALITY_SEEDS]

    # Act
    tallies = score(days)

    # Assert
    missed = {
        name: (round(t.precision, 3), round(t.recall, 3))
        for name, t in tallies.items()
        if t.precision < PRECISION_TARGET or t.recall < RECALL_TARGET
    }
    assert not missed, missed
    assert all(t.episodes >= 20 for t in tallies.values())
