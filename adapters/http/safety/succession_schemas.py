"""Succession DTOs: the owner's check-in policy, where it stands, and the beneficiaries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output
from adapters.http.wire_format import RateOut
from adapters.wire.numbers import Percent
from application.safety.succession import SuccessionView
from domain.succession import Beneficiary, SuccessionPolicy, SuccessionStatus
from domain.succession.policy import (
    DEFAULT_CHECK_IN_INTERVAL,
    DEFAULT_GRACE_PERIOD,
    DEFAULT_REMINDER_SCHEDULE,
)

TEN_YEARS = 10 * 366 * 86_400
Seconds = Annotated[int, msgspec.Meta(gt=0, le=TEN_YEARS)]


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds())


class PolicyIn(Input):
    """The dead man's switch: check in every interval; after the grace period succession runs.

    Reminder offsets are seconds before the deadline, earliest reminder (largest) first.
    """

    check_in_interval_seconds: Seconds = _seconds(DEFAULT_CHECK_IN_INTERVAL)
    grace_period_seconds: Seconds = _seconds(DEFAULT_GRACE_PERIOD)
    reminder_offsets_seconds: Annotated[list[Seconds], msgspec.Meta(max_length=20)] = msgspec.field(
        default_factory=lambda: [_seconds(d) for d in DEFAULT_REMINDER_SCHEDULE]
    )
    liquidate: bool = False
    enabled: bool = True

    def to_domain(self, owner_id: str) -> SuccessionPolicy:
        return SuccessionPolicy(
            owner_id=owner_id,
            check_in_interval=timedelta(seconds=self.check_in_interval_seconds),
            grace_period=timedelta(seconds=self.grace_period_seconds),
            reminder_schedule=tuple(timedelta(seconds=s) for s in self.reminder_offsets_seconds),
            liquidate=self.liquidate,
            enabled=self.enabled,
        )


class PolicyOut(Output):
    owner_id: str
    check_in_interval_seconds: int
    grace_period_seconds: int
    reminder_offsets_seconds: list[int]
    liquidate: bool
    enabled: bool

    @classmethod
    def from_domain(cls, policy: SuccessionPolicy) -> PolicyOut:
        return cls(
            owner_id=policy.owner_id,
            check_in_interval_seconds=_seconds(policy.check_in_interval),
            grace_period_seconds=_seconds(policy.grace_period),
            reminder_offsets_seconds=[_seconds(d) for d in policy.reminder_schedule],
            liquidate=policy.liquidate,
            enabled=policy.enabled,
        )


class SuccessionStatusOut(Mirror[SuccessionView]):
    """Where the owner's succession stands: ACTIVE, GRACE, TRIGGERED or EXECUTED."""

    owner_id: str
    status: SuccessionStatus
    enabled: bool
    liquidate: bool
    last_check_in: datetime
    deadline: datetime
    trigger_at: datetime
    next_reminder_at: datetime | None = None
    executed_at: datetime | None = None
    summary: str | None = None


class BeneficiaryIn(Input):
    id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    share_percent: Percent
    contact: Annotated[str, msgspec.Meta(min_length=1, max_length=320)]

    def to_domain(self) -> Beneficiary:
        return Beneficiary(self.id, self.name, self.share_percent, self.contact)


class BeneficiariesIn(Input):
    """Replaces every beneficiary; shares must sum to exactly 100."""

    beneficiaries: Annotated[list[BeneficiaryIn], msgspec.Meta(max_length=100)]


class BeneficiaryOut(Mirror[Beneficiary]):
    id: str
    name: str
    share_percent: RateOut
    contact: str


class BeneficiariesOut(Output):
    beneficiaries: list[BeneficiaryOut]
