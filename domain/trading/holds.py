"""Orders held for a person's approval: who may decide them and the errors of deciding one."""

from __future__ import annotations

from datetime import timedelta

from domain.errors import Conflict
from domain.principals import Principal, Role

# How long a held order waits for a person before it lapses (BULWARK_ORDER_HOLD_SECONDS).
DEFAULT_HOLD_TTL = timedelta(minutes=15)

# Approve or reject any account's held order: the desk's supervisors.
REVIEWERS = frozenset({Role.RISK_OFFICER, Role.ADMIN})
# Approve or reject the held orders of their own accounts (their agents' and strategies').
OWNERS = frozenset({Role.OWNER, Role.TRADER})


class OrderNotHeld(Conflict):
    """Approve or reject an order that is not (or no longer) held."""

    code = "ORDER_NOT_HELD"


class HoldExpired(Conflict):
    """Approve or reject a held order after its hold lapsed: it is expired, never sent."""

    code = "HOLD_EXPIRED"


class SecondApproverRequired(Conflict):
    """Four eyes: a person approves a held order they already approved; another person with
    the right role must give the next approval."""

    code = "SECOND_APPROVER_REQUIRED"


def may_review(principal: Principal, account_owner_id: str) -> bool:
    """Whether `principal` may approve or reject a held order of an account owned by
    `account_owner_id`: a risk officer or an admin for any account, a person for their own.
    An agent never (not even its own order), nor a viewer, nor the system."""
    if principal.role in REVIEWERS:
        return True
    return principal.role in OWNERS and principal.id == account_owner_id
