"""`bulwark serve`'s lifespan freezes the garbage collector after start-up and sets its thresholds."""

from __future__ import annotations

import gc

from tests.http.core_helpers import harness_with


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
