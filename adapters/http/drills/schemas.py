"""Drill schedule and drill record DTOs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output, doc
from adapters.http.wire_format import AnalyticOut, PriceOut
from adapters.wire.numbers import Price
from application.drills.schedules import ScheduleChange, ScheduleDraft
from domain.drills.runs import DrillRun, VenueTiming
from domain.drills.schedule import MAX_CRON, DrillSchedule
from domain.principals import Principal

_CRON = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=MAX_CRON,
        description="Five cron fields (minute hour day-of-month month day-of-week, e.g. "
        "`0 3 * * 1-5`) or @daily, @weekly, ..., read in `timezone`",
    ),
]
_TARGET = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=64,
        description="`paper`, or the id of one of your venue connections (vc-...) in a paper, "
        "sandbox or testnet environment; a live one is refused (DRILL_TARGET_LIVE)",
    ),
]
_ZONE = Annotated[str, msgspec.Meta(min_length=1, max_length=64, description="IANA time zone")]
_FAULTS = Annotated[
    str,
    msgspec.Meta(
        max_length=200,
        description="Paper only: the broker's faults during the halt, as `bulwark drill "
        "kill-switch --fault` spells them (none, keep_on_cancel, delay_acks=MS, ...)",
    ),
]
_SYMBOL = Annotated[
    str,
    msgspec.Meta(
        min_length=1, max_length=32, description="A venue's drill: a symbol the venue lists"
    ),
]
_LIMIT = Annotated[
    Price, doc("A venue's drill: a buy limit well below the symbol's market, so the orders rest")
]
_FLATTEN = Annotated[
    bool,
    doc(
        "Paper only (default true there): the drill holds a position the kill switch must "
        "close, and times the venue until it is flat"
    ),
]


class DrillScheduleIn(Input):
    """A new drill schedule."""

    cron: _CRON
    target: _TARGET = "paper"
    timezone: _ZONE = "UTC"
    enabled: bool = True
    flatten: _FLATTEN | None = None
    faults: _FAULTS | None = None
    symbol: _SYMBOL | None = None
    limit_price: _LIMIT | None = None

    def to_command(self, principal: Principal) -> ScheduleDraft:
        return self.into(ScheduleDraft, principal=principal)


class DrillSchedulePatch(Input):
    """What changes in a schedule: a field left out stays as it is. A new target drops the
    fields of the other kind (a venue's symbol and price, paper's faults and flatten)."""

    cron: _CRON | None = None
    target: _TARGET | None = None
    timezone: _ZONE | None = None
    enabled: bool | None = None
    flatten: _FLATTEN | None = None
    faults: _FAULTS | None = None
    symbol: _SYMBOL | None = None
    limit_price: _LIMIT | None = None

    def to_command(self, principal: Principal, schedule_id: str) -> ScheduleChange:
        return self.into(ScheduleChange, principal=principal, schedule_id=schedule_id)


class DrillScheduleOut(Output):
    """A drill schedule; `next_run_at` null while it is off, `upcoming` its next times."""

    id: str
    cron: str
    timezone: str
    target: str
    enabled: bool
    flatten: bool
    faults: str
    symbol: str | None
    limit_price: PriceOut | None
    next_run_at: datetime | None
    upcoming: list[datetime]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_domain(cls, schedule: DrillSchedule, upcoming: Sequence[datetime]) -> DrillScheduleOut:
        return cls.from_attributes(schedule, target=schedule.target.key, upcoming=list(upcoming))


class DrillSchedulesOut(Output):
    items: list[DrillScheduleOut]


class DrillVenueOut(Output):
    """One venue of a drill: confirmed by the kill switch or not, the times (ms after the
    command) of the first look that found none of the drill's orders open and, with flatten,
    that found it flat; what it still held; the errors the kill switch met there."""

    venue: str
    confirmed: bool
    time_to_cancel_ms: AnalyticOut | None
    time_to_flat_ms: AnalyticOut | None
    still_open: list[str]
    positions_remaining: list[str]
    errors: list[str]

    @classmethod
    def from_domain(cls, timing: VenueTiming) -> DrillVenueOut:
        return cls.from_attributes(
            timing,
            still_open=list(timing.still_open),
            positions_remaining=list(timing.positions_remaining),
            errors=list(timing.errors),
        )


class DrillRunOut(Output):
    """One drill: when it ran, pass or fail and why, the time to halt (ms after the command)
    and each venue's timings; `unconfirmed_venues` those the kill switch did not confirm."""

    id: str
    schedule_id: str | None
    target: str
    flatten: bool
    faults: str
    started_at: datetime
    finished_at: datetime
    outcome: str
    reason: str
    time_to_halt_ms: AnalyticOut | None
    time_to_cancel_ms: AnalyticOut | None
    time_to_flat_ms: AnalyticOut | None
    unconfirmed_venues: list[str]
    venues: list[DrillVenueOut]
    kill_switch_event_id: str | None

    @classmethod
    def from_domain(cls, run: DrillRun) -> DrillRunOut:
        return cls.from_attributes(
            run,
            target=run.target.key,
            outcome=run.outcome.value,
            unconfirmed_venues=list(run.unconfirmed_venues),
            venues=[DrillVenueOut.from_domain(v) for v in run.venues],
        )


class DrillRunsOut(ItemsOut):
    """A page of drills, newest first; pass `next_cursor` back as `cursor` (null: the last)."""

    items: list[DrillRunOut]
    next_cursor: str | None
