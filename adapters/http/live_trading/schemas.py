"""An account's opt-in to live trading on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from application.live_trading.service import LiveTradingState
from domain.live_trading.opt_in import LiveOptIn, LiveStatus


class LiveOptInIn(Input):
    """`acknowledgement`: the account's phrase, character for character (GET
    .../live-opt-in shows it as `acknowledgement_phrase`)."""

    acknowledgement: Annotated[str, msgspec.Meta(max_length=500)]


class LiveOptInRecordOut(Output):
    """One acknowledged opt-in: who acknowledged it and when, who approved it and when (null
    until a second person approves, or when none was needed)."""

    account_id: str
    owner_id: str
    connection_id: str
    status: LiveStatus
    acknowledged_by: str
    acknowledged_at: datetime
    approved_by: str | None
    approved_at: datetime | None

    @classmethod
    def from_domain(cls, opt_in: LiveOptIn) -> LiveOptInRecordOut:
        return cls(
            account_id=opt_in.account_id,
            owner_id=opt_in.owner_id,
            connection_id=opt_in.connection_id,
            status=opt_in.status,
            acknowledged_by=opt_in.acknowledged_by,
            acknowledged_at=opt_in.acknowledged_at,
            approved_by=opt_in.approved_by,
            approved_at=opt_in.approved_at,
        )


class LiveOptInOut(Output):
    """An account's standing with live trading.

    `status`: `not_required` (not on a live connection), `pending_acknowledgement` (its owner
    has not opted in: the gate denies its orders LIVE_NOT_ENABLED), `pending_approval` (a
    second person must approve), `enabled`. `acknowledgement_phrase`: what the owner types
    (null when not required). `missing_limits`: the required limits (MAX_ORDER_NOTIONAL,
    MAX_DAILY_LOSS, ORDER_RATE, MAX_OPEN_ORDERS) no active BLOCK rule sets for the account
    now. Who acknowledged and approved, and when, are null until they did.
    """

    account_id: str
    connection_id: str | None
    status: LiveStatus
    acknowledgement_phrase: str | None
    second_approver_required: bool
    missing_limits: list[str]
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None

    @classmethod
    def from_domain(cls, state: LiveTradingState) -> LiveOptInOut:
        opt_in = state.opt_in
        return cls(
            account_id=state.account_id,
            connection_id=state.connection_id,
            status=state.status,
            acknowledgement_phrase=state.phrase,
            second_approver_required=state.second_approver,
            missing_limits=[t.value for t in state.missing_limits],
            acknowledged_by=None if opt_in is None else opt_in.acknowledged_by,
            acknowledged_at=None if opt_in is None else opt_in.acknowledged_at,
            approved_by=None if opt_in is None else opt_in.approved_by,
            approved_at=None if opt_in is None else opt_in.approved_at,
        )


class LiveOptInListOut(Output):
    items: list[LiveOptInRecordOut]
