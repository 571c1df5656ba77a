"""Succession policy: how often the owner must check in, the grace period and reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.succession.errors import InvalidSuccessionPolicy

DEFAULT_CHECK_IN_INTERVAL = timedelta(days=30)
DEFAULT_GRACE_PERIOD = timedelta(days=7)
DEFAULT_REMINDER_SCHEDULE: tuple[timedelta, ...] = (
    timedelta(days=7),
    timedelta(days=3),
    timedelta(days=1),
)
_NO_TIME = timedelta(0)


@dataclass(frozen=True, slots=True)
class SuccessionPolicy:
    """The owner's dead man's switch settings.

    `reminder_schedule` holds offsets before the check-in deadline, strictly descending
    (earliest reminder first), each positive and shorter than `check_in_interval`.
    """

    owner_id: str
    check_in_interval: timedelta = DEFAULT_CHECK_IN_INTERVAL
    grace_period: timedelta = DEFAULT_GRACE_PERIOD
    reminder_schedule: tuple[timedelta, ...] = DEFAULT_REMINDER_SCHEDULE
    liquidate: bool = False
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.owner_id:
            raise InvalidSuccessionPolicy("owner_id must not be empty")
        if self.check_in_interval <= _NO_TIME:
            raise InvalidSuccessionPolicy("check_in_interval must be positive")
        if self.grace_period <= _NO_TIME:
            raise InvalidSuccessionPolicy("grace_period must be positive")
        _validate_reminders(self.reminder_schedule, self.check_in_interval)


def _validate_reminders(schedule: tuple[timedelta, ...], interval: timedelta) -> None:
    for offset in schedule:
        if offset <= _NO_TIME:
            raise InvalidSuccessionPolicy(f"reminder offset {offset} must be positive")
        if offset >= interval:
            raise InvalidSuccessionPolicy(
                f"reminder offset {offset} must be shorter than the check-in interval {interval}"
            )
    if len(set(schedule)) != len(schedule):
        raise InvalidSuccessionPolicy("reminder offsets must be unique")
    if list(schedule) != sorted(schedule, reverse=True):
        raise InvalidSuccessionPolicy(
            "reminder offsets must be sorted from the earliest reminder (largest offset) down"
        )
