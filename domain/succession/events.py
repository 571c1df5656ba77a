"""Succession events: facts about an owner's check-ins, reminders, grace and trigger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.events import DomainEvent


@dataclass(frozen=True, slots=True)
class SuccessionEvent(DomainEvent):
    """Base of succession events; they are ordered per owner."""

    owner_id: str

    @property
    def aggregate_id(self) -> str:
        return self.owner_id


@dataclass(frozen=True, slots=True)
class SuccessionEnrolled(SuccessionEvent):
    enrolled_at: datetime
    deadline: datetime
    enabled: bool


@dataclass(frozen=True, slots=True)
class SuccessionPolicyUpdated(SuccessionEvent):
    updated_at: datetime
    deadline: datetime
    enabled: bool


@dataclass(frozen=True, slots=True)
class SuccessionCheckedIn(SuccessionEvent):
    checked_in_at: datetime
    deadline: datetime


@dataclass(frozen=True, slots=True)
class SuccessionReminderDue(SuccessionEvent):
    """Tell the owner to check in: `remaining` is the time left at evaluation."""

    due_at: datetime
    remaining: timedelta
    deadline: datetime


@dataclass(frozen=True, slots=True)
class SuccessionGraceStarted(SuccessionEvent):
    deadline: datetime
    started_at: datetime
    trigger_at: datetime


@dataclass(frozen=True, slots=True)
class SuccessionCanceledByOwner(SuccessionEvent):
    """The owner checked in during the grace period: the trigger is called off."""

    canceled_at: datetime
    deadline: datetime


@dataclass(frozen=True, slots=True)
class SuccessionTriggered(SuccessionEvent):
    triggered_at: datetime
    deadline: datetime
    liquidate: bool


@dataclass(frozen=True, slots=True)
class SuccessionExecuted(SuccessionEvent):
    executed_at: datetime
    completed_steps: tuple[str, ...]
    summary: str
