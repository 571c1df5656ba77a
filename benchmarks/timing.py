"""Timing a benchmark's work: each repeat's wall-clock and CPU seconds, and the last result."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Runs(Generic[T]):
    """`walls` and `cpus` (process time) of each repeat, in seconds; `result` of the last."""

    walls: list[float]
    cpus: list[float]
    result: T

    @property
    def best(self) -> float:
        return min(self.walls)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpus)


def timed(run: Callable[[], T], repeats: int) -> Runs[T]:
    """`run()` `repeats` times (at least once), each timed."""
    walls, cpus = [], []
    for _ in range(max(repeats, 1)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Runs(walls, cpus, result)


async def timed_async(run: Callable[[], Awaitable[T]], repeats: int) -> Runs[T]:
    """`await run()` `repeats` times (at least once), each timed."""
    walls, cpus = [], []
    for _ in range(max(repeats, 1)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = await run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Runs(walls, cpus, result)
