"""The record of one drill: when it ran, what the kill switch took to halt, to have each venue
confirm no order left open and, with flatten, no position either; which venues did not
confirm; and whether the drill passed, with the reason.

Times are milliseconds after the kill switch's command was sent (None: never seen). A drill
passes when every venue was confirmed and holds none of the drill's orders (and, with
flatten, no position): the kill switch's word read from its record, checked against what the
venue itself shows afterwards (domain/killswitch/drill.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.drills.schedule import DrillSpec, DrillTarget

ID_PREFIX = "dr-"


class DrillOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class VenueTiming:
    """One venue's part of a drill: whether the kill switch confirmed it, the first look that
    found none of its orders open, the first that found it flat (no order, no position: with
    flatten only), and what it still held afterwards."""

    venue: str
    confirmed: bool
    time_to_cancel_ms: float | None
    time_to_flat_ms: float | None = None
    still_open: tuple[str, ...] = ()  # the drill's orders (client order ids) still working
    positions_remaining: tuple[str, ...] = ()  # "account:symbol" still held after a flatten
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DrillMeasure:
    """What a drill found: its start and end, the verdict and why, the time to halt, each
    venue's timings, and the kill switch's record of the halt (None: it never engaged)."""

    started_at: datetime
    finished_at: datetime
    outcome: DrillOutcome
    reason: str
    time_to_halt_ms: float | None = None
    venues: tuple[VenueTiming, ...] = ()
    kill_switch_event_id: str | None = None

    @classmethod
    def not_run(cls, started_at: datetime, finished_at: datetime, why: str) -> DrillMeasure:
        """A drill that could not run (its target refused, its setup failed): it failed."""
        return cls(started_at, finished_at, DrillOutcome.FAIL, f"the drill could not run: {why}")


@dataclass(frozen=True, slots=True)
class DrillRun:
    """The durable record of one drill (schedule_id None: not run by a schedule)."""

    id: str
    owner_id: str
    schedule_id: str | None
    target: DrillTarget
    flatten: bool
    faults: str
    started_at: datetime
    finished_at: datetime
    outcome: DrillOutcome
    reason: str
    time_to_halt_ms: float | None = None
    venues: tuple[VenueTiming, ...] = ()
    kill_switch_event_id: str | None = None

    @classmethod
    def of(
        cls, run_id: str, spec: DrillSpec, schedule_id: str | None, measure: DrillMeasure
    ) -> DrillRun:
        return cls(
            run_id,
            spec.owner_id,
            schedule_id,
            spec.target,
            spec.flatten,
            spec.faults,
            measure.started_at,
            measure.finished_at,
            measure.outcome,
            measure.reason,
            measure.time_to_halt_ms,
            measure.venues,
            measure.kill_switch_event_id,
        )

    @property
    def passed(self) -> bool:
        return self.outcome is DrillOutcome.PASS

    @property
    def unconfirmed_venues(self) -> tuple[str, ...]:
        return tuple(v.venue for v in self.venues if not v.confirmed)

    @property
    def time_to_cancel_ms(self) -> float | None:
        """When the last venue was seen with none of the drill's orders open (None: one never)."""
        return _slowest(v.time_to_cancel_ms for v in self.venues)

    @property
    def time_to_flat_ms(self) -> float | None:
        """When the last venue was seen flat (None without flatten, or when one never was)."""
        if not self.flatten:
            return None
        return _slowest(v.time_to_flat_ms for v in self.venues)


def _slowest(times: Iterable[float | None]) -> float | None:
    seen = list(times)
    known = [t for t in seen if t is not None]
    if not seen or len(known) < len(seen):
        return None
    return max(known)
