"""The performance guard's verdict: measured ratios against recorded ones, as a pure function.

A ratio is a benchmark's speed divided by the frozen reference workload's speed measured beside
it (benchmarks/guard.py); higher is faster. A ratio more than `tolerance` below its record fails
the guard; one recorded but not measured fails too (a benchmark dropped from the guard would
otherwise pass unseen); one measured but never recorded, or far faster than its record, is
reported without failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """A recorded ratio and the machine it was recorded on."""

    ratio: float
    machine: str


@dataclass(frozen=True)
class Verdict:
    """Whether the guard passes, the table to print, one line per failure, who failed."""

    ok: bool
    table: str
    failures: tuple[str, ...]
    failed: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.ok:
            return f"{self.table}\nperformance guard: passed"
        return "\n".join((self.table, "performance guard: FAILED", *self.failures))


def compare(
    figures: Mapping[str, float], records: Mapping[str, Record], tolerance: float
) -> Verdict:
    """Judge each figure (benchmark name -> ratio) against its record, `tolerance` a fraction."""
    if not 0 < tolerance < 1:
        raise ValueError(f"tolerance is a fraction between 0 and 1, not {tolerance}")
    width = max((len(name) for name in (*figures, *records)), default=9)
    rows = [f"  {'benchmark':<{width}}  {'ratio':>8}  {'record':>8}  {'change':>8}  verdict"]
    failures: list[str] = []
    failed: list[str] = []
    for name in [*figures, *(name for name in records if name not in figures)]:
        figure, record = figures.get(name), records.get(name)
        if figure is None and record is not None:
            rows.append(f"  {name:<{width}}  {'-':>8}  {record.ratio:>8.4f}  {'':>8}  NOT MEASURED")
            failures.append(f"  {name}: recorded ({record.ratio:.4f}) but not measured")
            failed.append(name)
            continue
        assert figure is not None
        if record is None:
            rows.append(f"  {name:<{width}}  {figure:>8.4f}  {'-':>8}  {'':>8}  no record yet")
            continue
        change = figure / record.ratio - 1
        if change < -tolerance:
            verdict = f"FAIL (more than {tolerance:.0%} below its record)"
            failed.append(name)
            failures.append(
                f"  {name}: {-change:.1%} below its record (ratio {figure:.4f} against "
                f"{record.ratio:.4f}, tolerance {tolerance:.0%}; recorded on {record.machine})"
            )
        elif change > tolerance:
            verdict = "ok, faster than its record: record a new baseline to keep the guard tight"
        else:
            verdict = "ok"
        rows.append(
            f"  {name:<{width}}  {figure:>8.4f}  {record.ratio:>8.4f}  {change:>+8.1%}  {verdict}"
        )
    return Verdict(not failures, "\n".join(rows), tuple(failures), tuple(failed))


def better_of(
    first: Mapping[str, float], second: Mapping[str, float], names: Iterable[str]
) -> dict[str, float]:
    """The first run's figures, each of `names` raised to the second run's where that is higher.

    A benchmark below its tolerance is measured again in a fresh run; it fails the guard only if
    both runs find it below, so one unlucky run on a busy machine does not block a landing.
    """
    again = set(names)
    return {
        name: max(ratio, second.get(name, ratio)) if name in again else ratio
        for name, ratio in first.items()
    }
