"""Succession policy defaults and validation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import DomainError
from domain.succession import InvalidSuccessionPolicy, SuccessionPolicy

DAY = timedelta(days=1)


def test_defaults_are_thirty_days_seven_days_grace_and_three_reminders() -> None:
    # Arrange / Act
    policy = SuccessionPolicy("owner-1")

    # Assert
    assert policy.check_in_interval == timedelta(days=30)
    assert policy.grace_period == timedelta(days=7)
    assert policy.reminder_schedule == (7 * DAY, 3 * DAY, 1 * DAY)
    assert policy.liquidate is False
    assert policy.enabled is True


def test_empty_reminder_schedule_is_allowed() -> None:
    # Arrange / Act
    policy = SuccessionPolicy("owner-1", reminder_schedule=())

    # Assert
    assert policy.reminder_schedule == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"check_in_interval": timedelta(0)}, "check_in_interval must be positive"),
        ({"check_in_interval": -DAY}, "check_in_interval must be positive"),
        ({"grace_period": timedelta(0)}, "grace_period must be positive"),
        ({"grace_period": -DAY}, "grace_period must be positive"),
        ({"reminder_schedule": (3 * DAY, timedelta(0))}, "must be positive"),
        ({"reminder_schedule": (30 * DAY,)}, "shorter than the check-in interval"),
        ({"reminder_schedule": (40 * DAY, DAY)}, "shorter than the check-in interval"),
        ({"reminder_schedule": (3 * DAY, 3 * DAY)}, "unique"),
        ({"reminder_schedule": (DAY, 3 * DAY, 7 * DAY)}, "sorted"),
        ({"reminder_schedule": (7 * DAY, DAY, 3 * DAY)}, "sorted"),
    ],
)
def test_invalid_policies_are_rejected_with_a_stable_code(
    kwargs: dict[str, timedelta | tuple[timedelta, ...]], message: str
) -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidSuccessionPolicy, match=message) as raised:
        SuccessionPolicy("owner-1", **kwargs)  # type: ignore[arg-type]
    assert raised.value.code == "INVALID_SUCCESSION_POLICY"
    assert isinstance(raised.value, DomainError)


def test_empty_owner_is_rejected() -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidSuccessionPolicy, match="owner_id"):
        SuccessionPolicy("")
