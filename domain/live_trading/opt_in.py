"""An account's opt-in to live trading: the owner's typed acknowledgement, then (where the
deployment asks for one) a second person's approval.

An account whose connection is live (real money at the venue) is not enabled for trading until
its opt-in is ENABLED; the gate denies its orders (LIVE_NOT_ENABLED) until then. Only an
acknowledged opt-in is stored: an account with none is pending its owner's acknowledgement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import Conflict, DomainError, Forbidden


class LiveStatus(StrEnum):
    """Where an account stands with live trading."""

    NOT_REQUIRED = "not_required"  # not on a live connection: nothing to opt in to
    PENDING_ACKNOWLEDGEMENT = "pending_acknowledgement"  # live; its owner has not opted in
    PENDING_APPROVAL = "pending_approval"  # acknowledged; a second person must approve
    ENABLED = "enabled"  # live trading enabled


class AcknowledgementMismatch(DomainError):
    """The typed acknowledgement is not the account's phrase (the message says what to type)."""

    code = "LIVE_ACKNOWLEDGEMENT_MISMATCH"


class LiveLimitsMissing(Conflict):
    """Live trading asked for while the account lacks some of the required limits; `missing`
    names their rule types."""

    code = "LIVE_LIMITS_MISSING"

    def __init__(self, message: str, missing: tuple[str, ...]) -> None:
        super().__init__(message)
        self.missing = missing


class LiveLimitsRequired(Conflict):
    """A rule change would leave a live-enabled account without one of its required limits."""

    code = "LIVE_LIMITS_REQUIRED"


class LiveOptInNotRequired(Conflict):
    """The account is not on a live connection: there is nothing to opt in to."""

    code = "LIVE_OPT_IN_NOT_REQUIRED"


class LiveAlreadyEnabled(Conflict):
    code = "LIVE_ALREADY_ENABLED"


class LiveApprovalPending(Conflict):
    """Acknowledged already: the opt-in waits for a second person's approval."""

    code = "LIVE_APPROVAL_PENDING"


class LiveOptInNotPending(Conflict):
    """An approval of an opt-in that is not waiting for one."""

    code = "LIVE_OPT_IN_NOT_PENDING"


class LiveNotOptedIn(Conflict):
    """A withdrawal of an opt-in that was never acknowledged (or was withdrawn already)."""

    code = "LIVE_NOT_OPTED_IN"


class SecondApproverRequired(Forbidden):
    """The owner (or whoever acknowledged) may not also be the opt-in's second approver."""

    code = "LIVE_SECOND_APPROVER_REQUIRED"


def acknowledgement_phrase(account_id: str, connection_id: str) -> str:
    """What the owner types, character for character, to enable live trading."""
    return (
        f"I enable live trading with real money on account {account_id} "
        f"through connection {connection_id}"
    )


def check_acknowledgement(typed: str, account_id: str, connection_id: str) -> None:
    """AcknowledgementMismatch (naming the phrase) unless `typed` is the account's phrase."""
    phrase = acknowledgement_phrase(account_id, connection_id)
    if typed != phrase:
        raise AcknowledgementMismatch(
            f'the acknowledgement must be exactly: "{phrase}"', field="acknowledgement"
        )


@dataclass(frozen=True, slots=True)
class LiveOptIn:
    """An account's acknowledged opt-in: PENDING_APPROVAL or ENABLED, who did each step and when
    (by user id: records follow the person's id, never a name)."""

    account_id: str
    owner_id: str
    connection_id: str
    status: LiveStatus
    acknowledged_by: str
    acknowledged_at: datetime
    approved_by: str | None = None
    approved_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.status not in (LiveStatus.PENDING_APPROVAL, LiveStatus.ENABLED):
            raise ValueError(f"a stored opt-in is pending approval or enabled, not {self.status}")
        for at in (self.acknowledged_at, self.approved_at):
            if at is not None and at.tzinfo is None:
                raise ValueError("an opt-in's times must be timezone-aware")

    @property
    def enabled(self) -> bool:
        return self.status is LiveStatus.ENABLED

    @classmethod
    def acknowledged(
        cls,
        account_id: str,
        owner_id: str,
        connection_id: str,
        at: datetime,
        *,
        second_approver: bool,
    ) -> LiveOptIn:
        """The owner's acknowledgement: enabled at once, or pending a second approver."""
        status = LiveStatus.PENDING_APPROVAL if second_approver else LiveStatus.ENABLED
        return cls(account_id, owner_id, connection_id, status, owner_id, at)

    def approved(self, approver_id: str, at: datetime) -> LiveOptIn:
        """Enabled by a second person, never the owner or whoever acknowledged it."""
        if self.status is not LiveStatus.PENDING_APPROVAL:
            raise LiveOptInNotPending(
                f"live trading of account {self.account_id} is {self.status.value}: "
                "there is nothing to approve"
            )
        if approver_id in (self.owner_id, self.acknowledged_by):
            raise SecondApproverRequired(
                f"live trading of account {self.account_id} needs a second person's approval: "
                "a risk officer or an admin other than its owner"
            )
        return replace(self, status=LiveStatus.ENABLED, approved_by=approver_id, approved_at=at)
