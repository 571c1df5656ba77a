"""`bulwark serve` freezes the collector after start-up, sets its thresholds, counts its pauses."""

from __future__ import annotations

import gc
import re

import pytest

from tests.http.core_helpers import harness_with

# The process's collector as CPython leaves it (the suite freezes it: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("thawed_collector")


async def test_the_lifespan_freezes_the_collector_and_sets_the_thresholds() -> None:
    # Arrange
    before = gc.get_threshold()

    # Act
    async with harness_with(
        gc_freeze="true", gc_threshold_gen0="12345", gc_threshold_gen1="7", gc_threshold_gen2="3"
    ) as harness:
        status = (await harness.client.get("/health")).status_code
        frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()

    # Assert
    assert status == 200
    assert frozen > 0
    assert thresholds == (12345, 7, 3)
    assert gc.get_threshold() == before  # shutdown gives the process its collector back
    assert gc.get_freeze_count() == 0


async def test_the_collector_is_left_alone_when_the_setting_is_off() -> None:
    # Arrange
    before = gc.get_threshold()

    # Act
    async with harness_with(gc_freeze="false", gc_threshold_gen0="12345") as harness:
        status = (await harness.client.get("/health")).status_code
        frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()

    # Assert
    assert status == 200
    assert frozen == 0
    assert thresholds == before


async def test_metrics_count_the_collections_made_while_serving() -> None:
    async with harness_with() as harness:
        # Arrange
        before = (await harness.client.get("/metrics")).text

        # Act
        gc.collect(2)  # the callback is process-wide: any thread's collection is counted
        after = (await harness.client.get("/metrics")).text

    # Assert
    assert full_collections(after) >= full_collections(before) + 1


def full_collections(text: str) -> float:
    found = re.search(r'^bulwark_gc_collections_total\{generation="2"\} (\S+)$', text, re.M)
    assert found, text
    return float(found.group(1))
