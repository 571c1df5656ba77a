"""Held-order DTOs: the queue of orders a HOLD rule held, and a reviewer's rejection."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.trading.orders_schemas import ApprovalOut, OrderOut
from domain.trading.orders import Order


class HeldOrderOut(Output):
    """A held order, the reason codes of the rules that hold it (its `hold_reasons`), and
    when the hold lapses; with four eyes (BULWARK_HELD_ORDERS_APPROVALS), the approvals it
    was given so far, how many it needs in all and how many are missing."""

    order: OrderOut
    reasons: list[str]
    expires_at: datetime | None = None
    approvals: list[ApprovalOut] = msgspec.field(default_factory=list)
    approvals_required: int = 1
    approvals_missing: int = 1

    @classmethod
    def from_domain(
        cls, order: Order, expires_at: datetime | None, required: int = 1
    ) -> HeldOrderOut:
        return cls(
            order=OrderOut.from_domain(order),
            reasons=list(order.hold_reasons),
            expires_at=expires_at,
            approvals=[ApprovalOut.from_domain(a) for a in order.approvals],
            approvals_required=required,
            approvals_missing=max(0, required - len(order.approvals)),
        )


class HeldOrdersOut(Output):
    items: list[HeldOrderOut]


class RejectHeldIn(Input):
    """Why the reviewer refuses the order (kept with the order and in the audit log)."""

    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
