"""An owner's drill schedules: create, list, show, change, delete.

Only the schedule's owner sees or changes it: another's id answers NotFound, as an unknown one;
an agent is Forbidden (a drill is a person's rehearsal of their own kill switch); a viewer may
read (its own: none) and change nothing. A schedule's target is `paper` or one of the owner's
own venue connections, active and not live (DRILL_TARGET_LIVE, CONNECTION_REVOKED, and
another's connection NotFound). Its cron is read by the cron calendar and may not fire more
often than the deployment allows (BULWARK_DRILL_MIN_INTERVAL_MINUTES). Every change is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import TypeVar

from application.core.access import ensure_may_change, owned_by
from domain.drills.schedule import (
    ID_PREFIX,
    DrillSchedule,
    DrillTarget,
    DrillTargetLive,
    DrillTargetRevoked,
    InvalidDrillSchedule,
    check_cron_text,
    check_spec,
    check_timezone,
)
from domain.errors import ConcurrentUpdate, Forbidden, NotFound
from domain.principals import Principal, Role
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.drills.cron import CronCalendar
from ports.drills.store import DrillScheduleStore

# How many of a cron's next times are looked at for its shortest gap.
GAPS_SAMPLED = 24
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DrillPolicy:
    """The deployment's bounds on schedules (BULWARK_DRILL_*)."""

    min_interval: timedelta = timedelta(hours=1)
    max_schedules: int = 10


@dataclass(frozen=True, slots=True)
class ScheduleDraft:
    """A new schedule of `principal`'s. `flatten` None: the target's default (paper: on)."""

    principal: Principal
    cron: str
    target: str = "paper"
    timezone: str = "UTC"
    enabled: bool = True
    flatten: bool | None = None
    faults: str | None = None
    symbol: str | None = None
    limit_price: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ScheduleChange:
    """What changes in a schedule: each field left None stays as it is. A new target drops
    the fields of the other kind of target (a venue's symbol and price, paper's faults)."""

    principal: Principal
    schedule_id: str
    cron: str | None = None
    target: str | None = None
    timezone: str | None = None
    enabled: bool | None = None
    flatten: bool | None = None
    faults: str | None = None
    symbol: str | None = None
    limit_price: Decimal | None = None


class DrillScheduleService:
    """The use cases of the module docstring."""

    def __init__(
        self,
        store: DrillScheduleStore,
        connections: ConnectionStore,
        cron: CronCalendar,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        policy: DrillPolicy | None = None,
    ) -> None:
        self._store = store
        self._connections = connections
        self._cron = cron
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._policy = policy or DrillPolicy()

    async def create(self, draft: ScheduleDraft) -> DrillSchedule:
        principal = draft.principal
        _may_keep(principal, changing=True)
        owned = await self._store.owned_by(principal.id)
        if len(owned) >= self._policy.max_schedules:
            raise InvalidDrillSchedule(
                f"you have {len(owned)} drill schedules, the most this deployment keeps per "
                "owner: delete one first"
            )
        target = DrillTarget.parse(draft.target)
        await self._check_target(principal, target)
        cron, timezone = self._cron_of(draft.cron, draft.timezone)
        flatten, faults, symbol, price = check_spec(
            target, draft.flatten, draft.faults, draft.symbol, draft.limit_price
        )
        now = self._clock.now()
        schedule = DrillSchedule(
            self._ids.new(ID_PREFIX), principal.id, cron, timezone, target, draft.enabled,
            flatten, faults, now, now,
            next_run_at=self._next(cron, timezone, now) if draft.enabled else None,
            symbol=symbol, limit_price=price,
        )  # fmt: skip
        await self._store.add(schedule)
        await self._record(principal, "drill.schedule.create", schedule)
        return schedule

    async def list(self, principal: Principal) -> Sequence[DrillSchedule]:
        _may_keep(principal)
        return await self._store.owned_by(principal.id)

    async def show(self, principal: Principal, schedule_id: str) -> DrillSchedule:
        _may_keep(principal)
        return await self._owned(principal, schedule_id)

    async def change(self, change: ScheduleChange) -> DrillSchedule:
        principal = change.principal
        _may_keep(principal, changing=True)
        current = await self._owned(principal, change.schedule_id)
        target = current.target if change.target is None else DrillTarget.parse(change.target)
        moved = target != current.target
        enabled = current.enabled if change.enabled is None else change.enabled
        if moved or (enabled and not current.enabled):
            # A schedule whose connection was revoked since may still be turned off, retimed
            # or deleted; it is checked again when it is turned on or given a new target.
            await self._check_target(principal, target)
        cron, timezone = self._cron_of(
            change.cron or current.cron, change.timezone or current.timezone
        )
        flatten, faults, symbol, price = check_spec(
            target,
            _kept(change.flatten, None if moved else current.flatten),
            _kept(change.faults, None if moved else current.faults),
            _kept(change.symbol, None if moved else current.symbol),
            _kept(change.limit_price, None if moved else current.limit_price),
        )
        now = self._clock.now()
        timing_changed = (cron, timezone, enabled) != (
            current.cron,
            current.timezone,
            current.enabled,
        )
        next_run_at = current.next_run_at
        if not enabled:
            next_run_at = None
        elif timing_changed or next_run_at is None:
            next_run_at = self._next(cron, timezone, now)
        changed = replace(
            current, cron=cron, timezone=timezone, target=target, enabled=enabled,
            flatten=flatten, faults=faults, symbol=symbol, limit_price=price,
            next_run_at=next_run_at, updated_at=now, version=current.version + 1,
        )  # fmt: skip
        if not await self._store.save(changed, current.version):
            raise ConcurrentUpdate(
                f"drill schedule {current.id} changed meanwhile (a drill may have started): "
                "read it again"
            )
        await self._record(principal, "drill.schedule.change", changed)
        return changed

    async def delete(self, principal: Principal, schedule_id: str) -> None:
        _may_keep(principal, changing=True)
        schedule = await self._owned(principal, schedule_id)
        await self._store.remove(schedule.id)
        await self._record(principal, "drill.schedule.delete", schedule)

    async def erase_owner(self, actor: str, owner_id: str) -> int:
        """Remove every drill schedule of a person being erased, so none runs again; how many.
        Their drills' results stay, as evidence that the controls were tested (docs/privacy.md)."""
        removed = 0
        for schedule in await self._store.owned_by(owner_id):
            if await self._store.remove(schedule.id):
                await self._record(actor, "drill.schedule.delete", schedule, "erased")
                removed += 1
        return removed

    def upcoming(self, schedule: DrillSchedule, count: int = 3) -> Sequence[datetime]:
        """The schedule's next `count` times from now (none while it is off)."""
        if not schedule.enabled:
            return []
        return self._cron.after(schedule.cron, schedule.timezone, self._clock.now(), count)

    # -- internals ---------------------------------------------------------------
    async def _owned(self, principal: Principal, schedule_id: str) -> DrillSchedule:
        found = await self._store.get(schedule_id)
        return owned_by(principal, found, NotFound(f"drill schedule {schedule_id} not found"))

    async def _check_target(self, principal: Principal, target: DrillTarget) -> None:
        """The principal's own connection, active and not live (paper needs nothing)."""
        if target.connection_id is None:
            return
        connection = owned_by(
            principal,
            await self._connections.get(target.connection_id),
            NotFound(f"connection {target.connection_id} not found", field="target"),
        )
        if connection.live:
            raise DrillTargetLive(
                f"connection {connection.id} trades live money: drills run on paper or on a "
                "venue's paper, sandbox or testnet environment only",
                field="target",
            )
        if not connection.active:
            raise DrillTargetRevoked(f"connection {connection.id} is revoked", field="target")

    def _cron_of(self, cron: str, timezone: str) -> tuple[str, str]:
        """The expression and zone, read; InvalidDrillSchedule when it fires too often."""
        text, zone = check_cron_text(cron), check_timezone(timezone)
        self._cron.check(text)
        times = self._cron.after(text, zone, self._clock.now(), GAPS_SAMPLED)
        shortest = min((b - a for a, b in pairwise(times)), default=None)
        least = self._policy.min_interval
        if shortest is not None and shortest < least:
            raise InvalidDrillSchedule(
                f"field `cron`: {text!r} fires {_span(shortest)} apart; drills run at most "
                f"once every {_span(least)} here (BULWARK_DRILL_MIN_INTERVAL_MINUTES)",
                field="cron",
            )
        return text, zone

    def _next(self, cron: str, timezone: str, now: datetime) -> datetime:
        return self._cron.after(cron, timezone, now)[0]

    async def _record(
        self, by: Principal | str, action: str, schedule: DrillSchedule, outcome: str = "ok"
    ) -> None:
        actor = by if isinstance(by, str) else by.id
        details: dict[str, object] = {
            "cron": schedule.cron,
            "timezone": schedule.timezone,
            "target": schedule.target.key,
            "enabled": schedule.enabled,
            "flatten": schedule.flatten,
            "faults": schedule.faults,
        }
        await self._audit.record(
            AuditEntry(
                actor, action, f"drill_schedule:{schedule.id}", outcome, self._clock.now(),
                details,
            )
        )  # fmt: skip


def _may_keep(principal: Principal, *, changing: bool = False) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("an agent has no drill schedules: a drill is a person's")
    if changing:
        ensure_may_change(principal)


def _kept(given: T | None, current: T | None) -> T | None:
    return current if given is None else given


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 60 == 0 and minutes >= 60:
        hours = minutes // 60
        return f"{hours} hour{'' if hours == 1 else 's'}"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"
