"""Suite-wide settings: Hypothesis without wall-clock limits, the collector tuned for a test run."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests import litestar_hints

# Properties are about correctness, not speed: a slow draw or example on a busy machine must
# not fail them (performance lives in benchmarks/).
settings.register_profile("bulwark", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bulwark")

# Every app a test builds resolves its handlers' type hints once per process, not once per app.
litestar_hints.install()

# The collector as `bulwark serve` sets it (bootstrap/gc_tuning.py), for the same reason: once
# the tests are collected, every module, class and kernel the product imported (~400k objects)
# is frozen, out of every later collection's scan, and collections come less often. Left as
# CPython sets it, each full collection walked all of them again: a third of the CPU time of
# building a test app went there.
TEST_GC_THRESHOLDS = (10_000, 20, 20)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*TEST_GC_THRESHOLDS)


@pytest.fixture
def thawed_collector() -> Iterator[None]:
    """The collector as CPython leaves it, nothing frozen, for a test about freezing it."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield None
    gc.collect()
    gc.freeze()
    gc.set_threshold(*thresholds)
