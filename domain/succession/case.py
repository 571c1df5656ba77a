"""The succession case: one owner's dead man's switch, ACTIVE → GRACE → TRIGGERED → EXECUTED."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import IllegalTransition
from domain.events import DomainEvent
from domain.succession.errors import (
    InvalidSuccessionPolicy,
    InvalidSuccessionTime,
    SuccessionUnderWay,
)
from domain.succession.events import (
    SuccessionCanceledByOwner,
    SuccessionCheckedIn,
    SuccessionEnrolled,
    SuccessionEvent,
    SuccessionExecuted,
    SuccessionGraceStarted,
    SuccessionPolicyUpdated,
    SuccessionReminderDue,
    SuccessionTriggered,
)
from domain.succession.plan import ExecutionReport
from domain.succession.policy import SuccessionPolicy


class SuccessionStatus(StrEnum):
    """ACTIVE (waiting for check-ins), GRACE (deadline missed), TRIGGERED, EXECUTED."""

    ACTIVE = "active"
    GRACE = "grace"
    TRIGGERED = "triggered"
    EXECUTED = "executed"


_UNDER_WAY = frozenset({SuccessionStatus.TRIGGERED, SuccessionStatus.EXECUTED})


@dataclass(slots=True, eq=False)
class SuccessionCase:
    """The aggregate for one owner: check-ins reset the deadline, `evaluate` moves time on.

    A cycle runs from one check-in to the next; each reminder offset fires at most once
    per cycle. The grace period runs from the moment the grace notice goes out (the
    deadline, when evaluations keep up), so the owner is always given the full grace
    period after being told, even if evaluations stopped for a while.
    """

    owner_id: str
    policy: SuccessionPolicy
    last_check_in: datetime
    status: SuccessionStatus = SuccessionStatus.ACTIVE
    cycle: int = 0
    reminders_sent: frozenset[timedelta] = frozenset()
    grace_started_at: datetime | None = None
    triggered_at: datetime | None = None
    execution: ExecutionReport | None = None
    version: int = 0
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        _require_aware(self.last_check_in)
        if self.policy.owner_id != self.owner_id:
            raise InvalidSuccessionPolicy(
                f"policy of {self.policy.owner_id} cannot govern the case of {self.owner_id}"
            )

    @classmethod
    def enroll(cls, policy: SuccessionPolicy, at: datetime) -> SuccessionCase:
        """Open the case; enrolling counts as the first check-in."""
        case = cls(owner_id=policy.owner_id, policy=policy, last_check_in=at)
        case._record(SuccessionEnrolled(case.owner_id, at, case.deadline, policy.enabled))
        return case

    # -- queries ---------------------------------------------------------------
    @property
    def deadline(self) -> datetime:
        """When the owner must have checked in again."""
        return self.last_check_in + self.policy.check_in_interval

    @property
    def trigger_at(self) -> datetime:
        """When the succession triggers unless the owner checks in first."""
        start = self.grace_started_at if self.grace_started_at is not None else self.deadline
        return start + self.policy.grace_period

    @property
    def is_under_way(self) -> bool:
        return self.status in _UNDER_WAY

    def next_due_at(self) -> datetime | None:
        """The next instant at which `evaluate` would emit something (for a scheduler)."""
        if self.is_under_way or not self.policy.enabled:
            return None
        if self.status is SuccessionStatus.GRACE:
            return self.trigger_at
        pending = [self.deadline - o for o in self._pending_reminders()]
        return min(pending) if pending else self.deadline

    # -- owner actions ---------------------------------------------------------
    def check_in(self, at: datetime) -> list[SuccessionEvent]:
        """The owner is alive: start a new cycle; during grace this calls the trigger off.

        A check-in not later than the last one (a duplicate or a late delivery) changes
        nothing: it proves nothing beyond what is already known.
        """
        _require_aware(at)
        self._refuse_when_under_way("check in")
        if at <= self.last_check_in:
            return []
        was_in_grace = self.status is SuccessionStatus.GRACE
        self._start_cycle(at)
        emitted: list[SuccessionEvent] = [SuccessionCheckedIn(self.owner_id, at, self.deadline)]
        if was_in_grace:
            emitted.append(SuccessionCanceledByOwner(self.owner_id, at, self.deadline))
        return self._record(*emitted)

    def update_policy(self, policy: SuccessionPolicy, at: datetime) -> list[SuccessionEvent]:
        """Replace the policy; only the owner changes it, so it also counts as a check-in."""
        _require_aware(at)
        self._refuse_when_under_way("change the policy")
        if policy.owner_id != self.owner_id:
            raise InvalidSuccessionPolicy(
                f"policy of {policy.owner_id} cannot govern the case of {self.owner_id}"
            )
        was_in_grace = self.status is SuccessionStatus.GRACE
        self.policy = policy
        self._start_cycle(max(at, self.last_check_in))
        emitted: list[SuccessionEvent] = [
            SuccessionPolicyUpdated(self.owner_id, at, self.deadline, policy.enabled)
        ]
        if was_in_grace:
            emitted.append(SuccessionCanceledByOwner(self.owner_id, at, self.deadline))
        return self._record(*emitted)

    # -- time ------------------------------------------------------------------
    def evaluate(self, now: datetime) -> list[SuccessionEvent]:
        """Emit what is due at `now`: a reminder, the grace notice or the trigger.

        Reminders missed between two evaluations collapse into the most urgent one.
        Once triggered (or while the policy is disabled) nothing is emitted.
        """
        _require_aware(now)
        if self.is_under_way or not self.policy.enabled:
            return []
        if self.status is SuccessionStatus.ACTIVE:
            if now < self.deadline:
                return self._remind(now)
            self.reminders_sent = frozenset(self.policy.reminder_schedule)
            self.status = SuccessionStatus.GRACE
            self.grace_started_at = now
            return self._record(
                SuccessionGraceStarted(self.owner_id, self.deadline, now, self.trigger_at)
            )
        if now < self.trigger_at:
            return []
        self.status = SuccessionStatus.TRIGGERED
        self.triggered_at = now
        return self._record(
            SuccessionTriggered(self.owner_id, now, self.deadline, self.policy.liquidate)
        )

    def mark_executed(self, report: ExecutionReport) -> list[SuccessionEvent]:
        """The application carried out the plan: TRIGGERED → EXECUTED."""
        _require_aware(report.executed_at)
        if self.status is not SuccessionStatus.TRIGGERED:
            raise IllegalTransition(
                f"succession of {self.owner_id}: {self.status.value} -> executed is not allowed"
            )
        self.status = SuccessionStatus.EXECUTED
        self.execution = report
        steps = tuple(kind.value for kind in report.completed_steps)
        return self._record(
            SuccessionExecuted(self.owner_id, report.executed_at, steps, report.summary)
        )

    # -- internals -------------------------------------------------------------
    def _remind(self, now: datetime) -> list[SuccessionEvent]:
        due = [o for o in self._pending_reminders() if now >= self.deadline - o]
        if not due:
            return []
        self.reminders_sent = self.reminders_sent | frozenset(due)
        most_urgent = min(due)
        return self._record(
            SuccessionReminderDue(
                self.owner_id, self.deadline - most_urgent, self.deadline - now, self.deadline
            )
        )

    def _pending_reminders(self) -> list[timedelta]:
        return [o for o in self.policy.reminder_schedule if o not in self.reminders_sent]

    def _start_cycle(self, at: datetime) -> None:
        self.last_check_in = at
        self.cycle += 1
        self.reminders_sent = frozenset()
        self.status = SuccessionStatus.ACTIVE
        self.grace_started_at = None

    def _refuse_when_under_way(self, action: str) -> None:
        if self.is_under_way:
            raise SuccessionUnderWay(
                f"succession of {self.owner_id} is {self.status.value}: cannot {action}"
            )

    def _record(self, *emitted: SuccessionEvent) -> list[SuccessionEvent]:
        self.events.extend(emitted)
        return list(emitted)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidSuccessionTime(f"{moment.isoformat()} must carry a UTC offset")
