"""Held-order DTOs: the queue of orders a HOLD rule held, and a reviewer's rejection."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.trading.orders_schemas import OrderOut
from domain.trading.orders import Order


class HeldOrderOut(Output):
    """A held order, the reason codes of the rules that hold it, and when the hold lapses."""

    order: OrderOut
    reasons: list[str]
    expires_at: datetime | None = None

    @classmethod
    def from_domain(cls, order: Order, expires_at: datetime | None) -> HeldOrderOut:
        return cls(
            order=OrderOut.from_domain(order),
            reasons=list(order.deny_reasons),
            expires_at=expires_at,
        )


class HeldOrdersOut(Output):
    items: list[HeldOrderOut]


class RejectHeldIn(Input):
    """Why the reviewer refuses the order (kept with the order and in the audit log)."""

    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
